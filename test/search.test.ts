/** Search: the sharded index against the whole Lunr index, query parsing, and a reader in Chromium. */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { before, describe, it } from "node:test";
import lunr from "lunr";
import type { Page } from "playwright-core";
import { SearchEngine } from "../src/client/engine.ts";
import { emptyFields } from "../src/parse/text.ts";
import { assembleIndex, decodePostings, SEARCH_PATHS, shardOf, type Posting, type PositionShard, type SearchMeta, type TermShard } from "../src/client/format.ts";
import { parseQuery, queryTermsOf } from "../src/client/query.ts";
import type { ArticleRecord } from "../src/record.ts";
import { contentHash } from "../src/cache/site-manifest.ts";
import { buildSearchIndex, SearchTexts, type IndexFile } from "../src/search/build-index.ts";
import { assignDocIds } from "../src/search/doc-ids.ts";
import { readTexts } from "../src/search/read-texts.ts";
import { writeSearchIndex, writeSearchIndexBeside } from "../src/search/write.ts";
import { FileWriter } from "../src/write/file-writer.ts";
import { listTree } from "../src/write/output.ts";
import { assignTopics } from "../src/topics/assign.ts";
import { parseVocabulary } from "../src/topics/vocabulary.ts";
import { useServedSeeds } from "./helpers/browser.ts";
import { referenceIndex, referencePostings } from "./helpers/lunr-reference.ts";
import { HOSTILE_QUERIES, memoryLoader } from "./helpers/search.ts";
import { ROOT } from "./helpers/site.ts";
import { assertSameTree } from "./helpers/tree.ts";

/** Records of the seed archive, as the build sees them (parsed JSON fixtures are not needed). */
async function seedRecords(): Promise<{ records: ArticleRecord[]; topics: ReturnType<typeof assignTopics> }> {
  const { extractRecord } = await import("../src/parse/batch.ts");
  const { readSources } = await import("../src/read/sources.ts");
  const sources = await readSources(path.join(ROOT, "seeds"));
  const records = sources.files.map(extractRecord);
  const topics = assignTopics(records, parseVocabulary(sources.vocabulary ?? ""));
  return { records, topics };
}

function record(slug: string, title: string, paragraphs: string[]): ArticleRecord {
  return {
    ...emptyFields(),
    source: `${slug}.txt`,
    slug,
    title,
    body: paragraphs.map((text) => ({ type: "paragraph" as const, text })),
    topics: [],
  };
}

/** Same documents with the same scores (to rounding: fields are summed in another order), best first. */
function assertSameScores(actual: readonly { doc: number; score: number }[], expected: readonly { doc: number; score: number }[]): void {
  const byDoc = (list: readonly { doc: number; score: number }[]) => [...list].sort((a, b) => a.doc - b.doc);
  assert.deepEqual(byDoc(actual).map((h) => h.doc), byDoc(expected).map((h) => h.doc));
  byDoc(actual).forEach((hit, i) => assert.ok(Math.abs(hit.score - byDoc(expected)[i]!.score) < 1e-9, `doc ${hit.doc}: ${hit.score} against ${byDoc(expected)[i]!.score}`));
  for (let i = 1; i < actual.length; i++) assert.ok(actual[i - 1]!.score >= actual[i]!.score, "best first");
}

describe("search index: shards against the whole Lunr index", () => {
  let whole: lunr.Index;
  let engine: SearchEngine;
  let files: ReturnType<typeof buildSearchIndex>["files"];
  before(async () => {
    const { records, topics } = await seedRecords();
    whole = referenceIndex(records, topics);
    files = buildSearchIndex(records, topics, { shards: 8 }).files;
    engine = new SearchEngine(lunr, memoryLoader(files));
  });

  it("should hold every term of the lunr.Builder index with the same weights and positions", async () => {
    const load = memoryLoader(files);
    const meta = (await load(SEARCH_PATHS.meta)) as SearchMeta;
    const expected = referencePostings(whole);
    expected.delete("");
    const shipped = new Map<string, Posting[][]>();
    for (let shard = 0; shard < meta.shards; shard++) {
      const terms = (await load(SEARCH_PATHS.terms(shard))) as TermShard;
      const positions = (await load(SEARCH_PATHS.positions(shard))) as PositionShard;
      assert.deepEqual(Object.keys(positions).sort(), Object.keys(terms).sort());
      for (const term of Object.keys(terms)) {
        assert.equal(shardOf(term, meta.shards), shard, term);
        shipped.set(term, decodePostings(terms[term]!, meta, positions[term]!));
      }
    }
    assert.ok(expected.size > 500, `${expected.size} terms`);
    assert.deepEqual([...shipped.keys()].sort(), [...expected.keys()].sort());
    const rounded = (perField: Posting[][]) => perField.map((list) => list.map((p) => ({ doc: p.doc, score: Math.round(p.score * 1000), positions: p.positions ?? [] })));
    for (const [term, perField] of expected) assert.deepEqual(rounded(shipped.get(term)!), rounded(perField), term);
  });

  for (const query of ["Tasil", "regime forces", "Druze fighters", "observatory", "jordan border", "zzyzx"]) {
    it(`should give the same articles and scores as the whole index for "${query}"`, async () => {
      const terms = query.toLowerCase().split(" ").map((w) => lunr.stemmer(new lunr.Token(w, {})).toString());
      const expected = whole
        .query((q) => {
          for (const term of terms) q.term(term, { usePipeline: false, presence: lunr.Query.presence.REQUIRED });
        })
        .map((r) => ({ doc: Number(r.ref), score: r.score }))
        .sort((a, b) => b.score - a.score || a.doc - b.doc);
      const found = await engine.search(query);
      assertSameScores(found.hits, expected);
      if (query !== "zzyzx") assert.ok(expected.length > 0);
    });
  }

  it("should score a query widened to topic spellings as the whole index scores the same terms", async () => {
    const found = await engine.search("Sweida Druze");
    const terms = queryTermsOf(found.parsed);
    assert.ok(terms.includes("suwayda"), terms.join());
    const wholeScores = new Map(whole.query((q) => q.term(terms, { usePipeline: false })).map((r) => [Number(r.ref), r.score]));
    assert.ok(found.hits.length >= 1);
    assertSameScores(found.hits, found.hits.map((h) => ({ doc: h.doc, score: wholeScores.get(h.doc) ?? NaN })));
  });

  it("should give identical results after the assembled index is saved and loaded again", () => {
    const postings = referencePostings(whole);
    const some = new Map<string, Posting[][]>([...postings].filter(([term]) => ["isi", "daraa", "regim", "border"].includes(term)));
    const serialised = assembleIndex(some, lunr.version);
    const first = lunr.Index.load(serialised as unknown as object);
    const again = lunr.Index.load(JSON.parse(JSON.stringify(first)));
    const run = (index: lunr.Index) => index.query((q) => q.term(["isi", "daraa", "regim", "border"], { usePipeline: false })).map((r) => [r.ref, r.score, JSON.stringify(r.matchData.metadata)]);
    assert.ok(run(first).length > 0);
    assert.deepEqual(run(again), run(first));
  });
});

describe("search index: files that stay the same", () => {
  const texts = (files: readonly { path: string; content: string | Uint8Array }[]) => new Map(files.map((f) => [f.path, Buffer.from(f.content).toString("utf8")]));
  const records = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"].map((slug, i) => ({ ...record(slug, `Report ${slug}`, [`Shelling near the border, day ${i}.`]), publisher: i % 2 ? "SANA" : "Reuters" }));

  it("should write the same bytes whatever the order of the records", () => {
    assert.deepEqual(texts(buildSearchIndex([...records].reverse(), []).files), texts(buildSearchIndex(records, []).files));
  });

  it("should keep every other article's result file when one is added (within a power of two of articles)", () => {
    const before = texts(buildSearchIndex(records.slice(0, 5), []).files);
    const after = texts(buildSearchIndex(records, []).files);
    const results = (files: Map<string, string>) => [...files].filter(([file]) => file.startsWith("search/d/"));
    assert.equal(results(before).length, 5);
    for (const [file, content] of results(before)) assert.equal(after.get(file), content, file);
    assert.equal(results(after).length, 6);
  });

  it("should change only the postings of the added article's terms, so other term shards stay the same", async () => {
    const build = (list: typeof records) => buildSearchIndex(list, [], { shards: 64 }).files;
    const [before, after] = [build(records.slice(0, 5)), build(records)];
    const added = assignDocIds(records.map((r) => r.slug)).get("foxtrot")!;
    const [oldFiles, newFiles] = [texts(before), texts(after)];
    const meta = (await memoryLoader(after)(SEARCH_PATHS.meta)) as SearchMeta;
    let kept = 0;
    for (let shard = 0; shard < 64; shard++) {
      const file = SEARCH_PATHS.terms(shard);
      if (oldFiles.get(file) === newFiles.get(file)) {
        kept++;
        continue;
      }
      const [was, now] = [JSON.parse(oldFiles.get(file) ?? "{}") as TermShard, JSON.parse(newFiles.get(file)!) as TermShard];
      for (const term of Object.keys(now)) {
        if (JSON.stringify(was[term]) === JSON.stringify(now[term])) continue;
        const docs = decodePostings(now[term]!, meta).flatMap((list) => list.map((p) => p.doc));
        assert.ok(docs.includes(added), `"${term}" changed in shard ${shard} though the added article lacks it`);
      }
    }
    assert.ok(kept > 32, `${kept} of 64 term shards kept`);
  });

  it("should leave out only files that are the same as the last build's, however the articles change", async () => {
    const seeds = await seedRecords();
    const options = { shards: 64 };
    const made = (records: readonly ArticleRecord[], topics: typeof seeds.topics, previous?: ReadonlyMap<string, string>): IndexFile[] =>
      [...new SearchTexts(records).batches(records.map((r) => r.topics), topics, { ...options, previous })].flat();
    const named = (files: readonly IndexFile[]) => new Map(files.map((f) => [f.path, f.identity ?? contentHash(f.content!)]));
    const edit = (records: readonly ArticleRecord[], i: number, change: Partial<ArticleRecord>) => records.map((r, k) => (k === i ? { ...r, ...change } : r));
    const { records, topics } = seeds;
    const body = records[2]!.body;
    const changes: [string, readonly ArticleRecord[], typeof topics][] = [
      ["a word of one article", edit(records, 2, { body: [...body.slice(0, -1), { ...body.at(-1)!, text: `${body.at(-1)!.text} Quneitra` }] }), topics],
      ["a title", edit(records, 0, { title: `${records[0]!.title} (updated)` }), topics],
      ["an article removed", records.slice(1), topics],
      ["an article added", [...records, record("added-report", "Shelling near Nawa", ["Shelling near Nawa and Tafas in Daraa province."])], topics],
      ["the topics of one article", edit(records, 1, { topics: records[1]!.topics.slice(1) }), topics],
      ["a topic's spellings", records, topics.map((t, i) => (i === 0 ? { ...t, spellings: [...t.spellings, "Deraa Governorate"] } : t))],
      ["nothing", records, topics],
    ];
    const before = made(records, topics);
    const old = texts(before.map((f) => ({ path: f.path, content: f.content! })));
    for (const [what, next, nextTopics] of changes) {
      const fresh = texts(buildSearchIndex(next, nextTopics, options).files);
      const files = made(next, nextTopics, named(before));
      assert.deepEqual(files.map((f) => f.path).sort(), [...fresh.keys()].sort(), what);
      let left = 0;
      for (const file of files) {
        if (file.content === undefined) left++;
        const text = file.content === undefined ? old.get(file.path) : Buffer.from(file.content).toString("utf8");
        assert.equal(text, fresh.get(file.path), `${what}: ${file.path}`);
      }
      assert.ok(left > 0, `${what}: no file left out`);
      if (what === "nothing") assert.equal(left, files.filter((f) => f.identity !== undefined).length, "every fingerprinted file left out");
    }
  });

  it("should read again only the texts the postings cache lacks, and make the same files as without it", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "clippings-postings-"));
    try {
      const { records, topics } = await seedRecords();
      const files = async (list: readonly ArticleRecord[], expectRead: number, what: string) => {
        const read = await readTexts(list, dir);
        assert.equal(read.read, expectRead, `${what}: texts read`);
        const made = [...read.batches(list.map((r) => r.topics), topics, { shards: 64 })].flat();
        const fresh = texts(buildSearchIndex(list, topics, { shards: 64 }).files);
        assert.deepEqual(texts(made.map((f) => ({ path: f.path, content: f.content! }))), fresh, what);
      };
      const edited = records.map((r, k) => (k === 2 ? { ...r, body: [...r.body, { type: "paragraph" as const, text: "Shelling near Quneitra and Nawa." }] } : r));
      const added = [...edited, record("added-report", "Shelling near Nawa", ["Shelling near Nawa and Tafas in Daraa province, a new word: zarzita."])];
      await files(records, records.length, "first build");
      await files(records, 0, "nothing changed");
      await files(edited, 1, "a paragraph added to one article");
      await files(added, 1, "an article added");
      // The removed article's entry goes, and the file is written anew with fewer terms.
      const before = (await stat(path.join(dir, "search-postings.v8"))).size;
      await files(added.slice(1), 0, "an article removed");
      assert.ok((await stat(path.join(dir, "search-postings.v8"))).size < before, "the file was written anew, smaller");
      await files(added.slice(1), 0, "nothing changed after the removal");
      await files(records, 2, "the first articles again");
      // A damaged file is read as no cache at all.
      await writeFile(path.join(dir, "search-postings.v8"), "clippings-store 1\nnot frames");
      await files(records, records.length, "after the file was damaged");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("should write the same files when they are written on another thread, batch after batch", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "clippings-beside-"));
    try {
      const words = ["Daraa", "Quneitra", "Nawa", "Tafas", "shelling", "crossing", "talks", "refugees", "border", "province"];
      // Enough articles for several batches of files, so that the writer thread has some in flight.
      const records = Array.from({ length: 4500 }, (_, i) =>
        record(`report-${i}`, `Report ${i} from ${words[i % 10]}`, [`${words[i % 7]} and ${words[(i * 3) % 10]} near ${words[(i * 7) % 10]}, day ${i}.`]),
      );
      const topicsOf = records.map(() => []);
      const first = path.join(dir, "first");
      const previous = writeSearchIndex(new SearchTexts(records), topicsOf, [], first, new Map()).hashes;
      const edited = records.map((r, i) => (i % 750 === 0 ? { ...r, title: `${r.title} (updated)` } : r));
      const [here, beside] = [path.join(dir, "here"), path.join(dir, "beside")];
      const wrote = writeSearchIndex(new SearchTexts(edited), topicsOf, [], here, previous);
      const besideWrote = await writeSearchIndexBeside(new SearchTexts(edited), topicsOf, [], beside, previous);
      assert.ok(wrote.written > 6 && wrote.written < wrote.hashes.size / 2, `${wrote.written} of ${wrote.hashes.size} files written`);
      assert.equal(besideWrote.written, wrote.written);
      assert.deepEqual(besideWrote.hashes, wrote.hashes);
      await assertSameTree(beside, here);
      const all = path.join(dir, "all");
      const everything = await writeSearchIndexBeside(new SearchTexts(edited), topicsOf, [], all, new Map());
      assert.ok(everything.written > 4 * 1024, `${everything.written} files: several batches`);
      assert.equal(listTree(all).length, everything.written, "every file written");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("should report a file the writer thread cannot write, and stop the thread", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "clippings-writer-"));
    try {
      const writer = new FileWriter(dir);
      await writer.write([{ path: "search/meta.json", content: "{}" }]);
      await writer.write([{ path: "../outside.json", content: "{}" }]);
      await assert.rejects(writer.close(), /outside|escape|leave/i);
      assert.equal(await readFile(path.join(dir, "search/meta.json"), "utf8"), "{}");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("should give every slug its own doc number, the same one in any company", () => {
    const slugs = Array.from({ length: 3000 }, (_, i) => `article-${i}`);
    const ids = assignDocIds(slugs);
    assert.equal(new Set(ids.values()).size, slugs.length);
    const fewer = assignDocIds(slugs.slice(0, 2999));
    const moved = slugs.slice(0, 2999).filter((slug) => fewer.get(slug) !== ids.get(slug));
    assert.ok(moved.length <= 2, `${moved.length} doc numbers moved`);
    assert.throws(() => assignDocIds(["a", "a"]), /appears twice/);
  });
});

describe("search index: ranking and query reading", () => {
  it("should rank an article with the word in its title above articles that mention it in passing", async () => {
    const filler = "The council met on Tuesday to discuss the budget, roads, schools and the water supply of the district.";
    const records = [
      record("passing-once", "Council budget approved", [filler, `Officials from Quneitra attended. ${filler}`, filler]),
      record("passing-twice", "Roads and schools", [`Quneitra and Quneitra again. ${filler}`, filler]),
      record("in-title", "Quneitra crossing reopens", [filler, `Traffic resumed at the crossing. ${filler}`]),
    ];
    const { files } = buildSearchIndex(records, []);
    const found = await new SearchEngine(lunr, memoryLoader(files)).search("quneitra");
    const order = await Promise.all(found.hits.map(async (h) => ((await memoryLoader(files)(`search/d/${h.doc}.json`)) as { s: string }).s));
    assert.equal(order.length, 3);
    assert.equal(order[0], "in-title");
  });

  it("should read any text without throwing, as words or nothing", () => {
    for (const query of HOSTILE_QUERIES) assert.doesNotThrow(() => parseQuery(lunr, query, []), query.slice(0, 40));
    assert.deepEqual(parseQuery(lunr, "~ - * ^", []).groups, []);
    assert.deepEqual(parseQuery(lunr, "foo:", []).groups.map((g) => g.label), ["foo"]);
    assert.equal(parseQuery(lunr, '"islamic state', []).groups[0]?.alternatives[0]?.phrase, true);
    assert.ok(parseQuery(lunr, "a b c d e f g h i j k l m n o p q r s t u v w x y z alpha beta", []).truncated);
  });

  it("should widen a spelling of a topic to the topic's other spellings", () => {
    const aliases = [[["daraa"], ["deraa"], ["daraa", "provinc"]]];
    const [group] = parseQuery(lunr, "Deraa", aliases).groups;
    const words = (alts: readonly { tokens: readonly { term: string }[] }[]) => alts.map((a) => a.tokens.map((t) => t.term).join(" ")).sort();
    assert.deepEqual(words(group!.alternatives), ["daraa", "deraa"]);
    assert.deepEqual(words(group!.highlights), ["daraa provinc"]);
    assert.deepEqual(words(parseQuery(lunr, '"Deraa"', aliases).groups[0]!.alternatives), ["deraa"], "quoted words are taken as typed");
  });
});

describe("search page in a browser", () => {
  const archive = useServedSeeds();

  interface Shown {
    status: string;
    titles: string[];
    hrefs: string[];
    marks: string[];
    excerpts: string[];
    errors: string[];
    page: Page;
  }

  async function search(query: string, extra = ""): Promise<Shown> {
    const page = await archive.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    page.on("console", (m) => m.type() === "error" && !m.location().url.endsWith("/favicon.ico") && errors.push(m.text()));
    page.on("dialog", (d) => {
      errors.push(`dialog: ${d.message()}`);
      void d.dismiss();
    });
    await page.goto(`${archive.server.url}search/?q=${encodeURIComponent(query)}${extra}`);
    await page.waitForFunction(() => document.getElementById("search-results")?.dataset.state === "done", null, { timeout: 20_000 });
    return { ...(await shown(page)), errors, page };
  }

  function shown(page: Page) {
    return page.evaluate(() => ({
      status: document.getElementById("search-status")?.textContent ?? "",
      titles: [...document.querySelectorAll("#search-results h2")].map((h) => h.textContent ?? ""),
      hrefs: [...document.querySelectorAll<HTMLAnchorElement>("main #search-results a")].map((a) => new URL(a.href).pathname),
      marks: [...document.querySelectorAll("#search-results mark")].map((m) => m.textContent ?? ""),
      excerpts: [...document.querySelectorAll("#search-results .excerpt")].map((p) => p.textContent ?? ""),
    }));
  }

  it("should find every Daraa article for the spelling Deraa, with the spellings marked", async () => {
    const { status, hrefs, marks, errors, page } = await search("Deraa");
    assert.equal(hrefs.length, 5);
    assert.match(status, /^5 articles found for “Deraa”/);
    for (const href of hrefs) assert.match(href, /^\/articles\/[a-z0-9-]+\/$/);
    const spellings = new Set(marks.map((m) => m.toLowerCase()));
    assert.ok(spellings.has("daraa") || spellings.has("daraa province"), [...spellings].join());
    assert.ok(spellings.has("deraa"), [...spellings].join());
    assert.deepEqual(errors, []);
    await page.close();
  });

  it("should find articles that only say ISIS or Islamic State for Daesh", async () => {
    const { hrefs, titles, marks, page } = await search("Daesh");
    assert.equal(hrefs.length, 5);
    assert.ok(titles.includes("Syrian Regime Captures 100 Islamic State Fighters"));
    const article = await archive.site.read("articles/syrian-regime-captures-100-islamic-state-fighters/index.html");
    assert.doesNotMatch(article.replace(/<details class="record">[\s\S]*$/, ""), /daesh/i, "the article itself never says Daesh");
    assert.ok(marks.some((m) => /^(ISIS|Islamic State( group)?)$/.test(m)), marks.join("|"));
    await page.close();
  });

  it("should mark the matched words of the title and excerpt, and show date and publisher", async () => {
    const { titles, marks, page } = await search("captures fighters");
    assert.deepEqual(titles, ["Syrian Regime Captures 100 Islamic State Fighters"]);
    assert.ok(marks.includes("Captures") && marks.includes("Fighters"), marks.join("|"));
    const meta = await page.locator("#search-results .meta").first().textContent();
    assert.equal(meta, "3 August 2018 · 7Dnews");
    await page.close();
  });

  it("should match quoted words only as a phrase", async () => {
    const loose = await search("Syrian Daraa");
    const phrase = await search('"Syrian Daraa"');
    const real = await search('"border with Jordan"');
    const words = await search("border with Jordan");
    assert.equal(loose.hrefs.length, 5);
    assert.equal(phrase.hrefs.length, 0);
    assert.match(phrase.status, /^0 articles found/);
    assert.equal(words.hrefs.length, 4);
    assert.equal(real.hrefs.length, 2);
    for (const href of real.hrefs) assert.ok(words.hrefs.includes(href));
    assert.ok(real.marks.some((m) => m.toLowerCase() === "border with jordan"), real.marks.join("|"));
    for (const shownPage of [loose, phrase, real, words]) await shownPage.page.close();
  });

  it("should narrow results by publisher, year and topic, from the menus and the address", async () => {
    const all = await search("Daraa");
    const page = all.page;
    await page.locator("#search-filters").waitFor({ state: "visible" });
    await page.selectOption("#filter-publisher", "7Dnews");
    await page.waitForFunction(() => document.getElementById("search-results")?.dataset.state === "done" && location.search.includes("publisher=7Dnews"));
    assert.deepEqual((await shown(page)).titles, ["Syrian Regime Captures 100 Islamic State Fighters"]);
    await page.selectOption("#filter-publisher", "");
    await page.selectOption("#filter-year", "2018");
    await page.waitForFunction(() => /year=2018/.test(location.search) && !/publisher=/.test(location.search) && document.getElementById("search-results")?.dataset.state === "done");
    assert.equal((await shown(page)).titles.length, 2);
    await page.close();
    const topic = await search("Daraa", "&topic=tiger-forces");
    assert.equal(topic.hrefs.length, 1);
    await topic.page.waitForFunction(() => (document.getElementById("filter-topic") as HTMLSelectElement | null)?.value === "tiger-forces");
    await topic.page.close();
  });

  it("should work from the keyboard: type, Enter, then Tab to a result link", async () => {
    const { page } = await search("");
    await page.focus("#q");
    await page.keyboard.type("yarmouk");
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.getElementById("search-results")?.dataset.query === "yarmouk" && document.getElementById("search-results")?.dataset.state === "done");
    const { titles } = await shown(page);
    assert.equal(titles[0], "IS militia collapse following Syrian regime offensive in Yarmouk Valley", "the article with the word in its title comes first");
    let focused = "";
    for (let i = 0; i < 12 && !focused.includes("/articles/"); i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => (document.activeElement as HTMLAnchorElement | null)?.href ?? "");
    }
    assert.match(focused, /\/articles\//);
    await page.close();
  });

  for (const query of HOSTILE_QUERIES) {
    it(`should survive the query ${JSON.stringify(query.slice(0, 30))}${query.length > 30 ? ` (${query.length} characters)` : ""}`, async () => {
      const { status, errors, page } = await search(query);
      assert.deepEqual(errors, []);
      assert.equal(await page.locator("main img, main script:not([src]), main iframe").count(), 0);
      assert.equal(await page.evaluate(() => document.getElementById("search-results")?.dataset.state), "done");
      assert.doesNotMatch(status, /could not be loaded/);
      await page.close();
    });
  }

  it("should say without JavaScript that search needs it, and link the topics", async () => {
    const context = await archive.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${archive.server.url}search/?q=Daraa`);
    assert.match((await page.locator("#search-status").textContent()) ?? "", /needs JavaScript/);
    assert.equal(await page.locator("#search-status a[href='/topics/']").count(), 1);
    await context.close();
  });
});

