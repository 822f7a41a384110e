import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, rm } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { promisify } from "node:util";
import { markDuplicates } from "../src/dedupe/duplicates.js";
import { removeFurniture } from "../src/dedupe/furniture.js";
import { BANDS, candidatePairs, ROWS, SIGNATURE_SIZE } from "../src/dedupe/minhash.js";
import { paragraphHashes } from "../src/dedupe/paragraph-key.js";
import type { ArticleRecord } from "../src/record.js";
import { copyInputs, readPage, tempDir } from "./helpers/pages.ts";
import { ROOT } from "./helpers/site.ts";

const STORY = [
  "Syrian government forces backed by Russian air strikes captured the last villages held by the militants in the south-west on Tuesday, a war monitor said.",
  "The offensive began in mid-June and has brought most of Daraa and Quneitra provinces back under the control of Damascus after seven years of war.",
  "Several hundred fighters and their families were bussed north to Idlib province under surrender deals negotiated with Russian officers.",
  "The monitor said at least two hundred people had been killed in the fighting over the past week, many of them in air raids on residential areas.",
];

function record(source: string, paragraphs: readonly string[], extra: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    source, slug: source.replace(/\.txt$/, ""), title: source, subtitle: null, authors: [], publisher: null, published: null, updated: null,
    dateline: null, section: null, body: paragraphs.map((text) => ({ type: "paragraph", text })), removed: [], warnings: [], topics: [], ...extra,
  };
}

describe("markDuplicates", () => {
  test("should merge exact and lightly edited copies into the earliest dated one", () => {
    const edited = [...STORY.slice(0, 3), `${STORY[3]!} Reporting by the Beirut bureau.`];
    const records = [
      record("c.txt", STORY, { published: "2018-07-31" }),
      record("a.txt", STORY, { published: "2018-08-01" }),
      record("b.txt", edited, { published: "2018-07-30" }),
      record("d.txt", ["A different story about elections in Lebanon, where voters went to the polls on Sunday for the first time in nine years."]),
    ];
    const groups = markDuplicates(records);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]!.canonical.source, "b.txt");
    assert.deepEqual(groups[0]!.copies.map((c) => c.record.source).sort(), ["a.txt", "c.txt"]);
    assert.deepEqual(records.map((r) => r.duplicateOf ?? null), ["b", "b", null, null]);
  });
  test("should choose the same canonical copy whatever the input order", () => {
    const make = () => [record("x.txt", STORY), record("y.txt", [...STORY, "An extra closing paragraph about the aftermath of the battle and the return of displaced families."])];
    const forward = markDuplicates(make())[0]!.canonical.source;
    const backward = markDuplicates(make().reverse())[0]!.canonical.source;
    assert.equal(forward, "y.txt");
    assert.equal(backward, forward);
  });
  test("should keep apart two stories that share a paragraph", () => {
    const other = [STORY[0]!, "Elsewhere, talks on the future of the north-west resumed in the Kazakh capital with delegations from Turkey, Iran and Russia.", "The opposition delegation said it would not sign any document that left detainees in government prisons."];
    const records = [record("a.txt", STORY), record("b.txt", other)];
    assert.deepEqual(markDuplicates(records), []);
    assert.equal(records[1]!.duplicateOf, undefined);
  });
});

describe("candidatePairs", () => {
  test("should pair exactly the items whose signatures agree on every row of some band", () => {
    // Few distinct values per slot, so that bands often agree by chance, in every pattern.
    let seed = 7;
    const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const signatures = Array.from({ length: 300 }, () => Uint32Array.from({ length: SIGNATURE_SIZE }, () => random() % 3));
    // Copies of one another, whole or in one band only.
    signatures.push(Uint32Array.from(signatures[0]!), Uint32Array.from(signatures[1]!));
    signatures[2]!.set(signatures[3]!.subarray(ROWS * 4, ROWS * 5), ROWS * 4);
    const expected: [number, number][] = [];
    for (let i = 0; i < signatures.length; i++) {
      for (let j = i + 1; j < signatures.length; j++) {
        const agree = (band: number) => signatures[i]!.subarray(band * ROWS, (band + 1) * ROWS).every((v, r) => v === signatures[j]![band * ROWS + r]);
        if (Array.from({ length: BANDS }, (_, band) => band).some(agree)) expected.push([i, j]);
      }
    }
    const found = candidatePairs(signatures);
    assert.ok(found.length > 300, `${found.length} pairs: the case tests little`);
    assert.ok(expected.some(([i, j]) => i === 0 && j === 300) && expected.some(([i, j]) => i === 2 && j === 3));
    assert.deepEqual(found, expected);
  });
});

describe("removeFurniture", () => {
  test("should remove a paragraph one source repeats across its articles, and record it", () => {
    const promo = "Subscribe to our newsletter for the latest news from the region.";
    const records = ["one", "two", "three", "four"].map((n, i) => record(`${n}.txt`, [`Story ${n} begins with its own first paragraph number ${i}.`, promo], { publisher: "Daily Example" }));
    records.push(record("other.txt", ["A quote repeated twice.", promo], { publisher: "Other Paper" }));
    assert.equal(removeFurniture(records), 4);
    for (const r of records.slice(0, 4)) {
      assert.equal(r.body.length, 1);
      assert.deepEqual(r.removed, [{ text: promo, reason: "furniture" }]);
    }
    assert.equal(records[4]!.body.length, 2);
  });

  test("should compare paragraphs as readers do, by hashes made when the records were parsed", () => {
    const [a, b, blank, other] = paragraphHashes([{ text: "Follow us on Twitter!" }, { text: "follow us, on  TWITTER" }, { text: "— … —" }, { text: "Follow us on Telegram!" }]);
    assert.equal(a, b);
    assert.equal(blank, 0);
    assert.notEqual(a, other);
    assert.ok(a !== undefined && Number.isSafeInteger(a) && a > 0);
    const promo = "Follow us on Twitter!";
    const records = ["one", "two", "three"].map((n) => record(`${n}.txt`, [`Story ${n} has its own first paragraph.`, promo], { publisher: "Daily Example" }));
    const hashes = records.map((r) => paragraphHashes(r.body));
    records[2]!.body = [...records[2]!.body, { type: "paragraph", text: "A paragraph added after the hashes were made." }];
    assert.throws(() => removeFurniture(records, hashes), /three\.txt has 3 blocks but 2 paragraph hashes/);
  });
});

describe("clippings build", () => {
  test("should give a duplicate a short page pointing to the canonical article, and count it in the summary", async () => {
    const input = await tempDir("dup-in");
    const out = await tempDir("dup-out");
    try {
      await copyInputs(path.join(ROOT, "seeds"), input);
      await cp(path.join(input, "004_03146239e8682a65.txt"), path.join(input, "005_copy.txt"));
      const { stdout } = await promisify(execFile)(process.execPath, [path.join(ROOT, "bin/clippings.js"), "build", "--input", input, "--out", out]);
      assert.match(stdout, /6 articles published, .*1 duplicates merged/);
      const copy = await readPage(out, "/articles/daesh-cornered-in-pocket-of-southern-syria-2/");
      assert.match(copy, /<link rel="canonical" href="http:\/\/localhost:8080\/articles\/daesh-cornered-in-pocket-of-southern-syria\/">/);
      assert.match(copy, /<a class="canonical" href="\/articles\/daesh-cornered-in-pocket-of-southern-syria\/">Daesh cornered in pocket of southern Syria<\/a>/);
      assert.doesNotMatch(copy, /class="body"/);
      const canonical = await readPage(out, "/articles/daesh-cornered-in-pocket-of-southern-syria/");
      assert.match(canonical, /<h2[^>]*>Also published as<\/h2>\s*<ul><li><a href="\/articles\/daesh-cornered-in-pocket-of-southern-syria-2\/">Daesh cornered in pocket of southern Syria<\/a>(?: · [^<]+)? · <time datetime="2018-08-01">1 August 2018<\/time>/);
    } finally {
      await rm(input, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });
});
