/**
 * Golden records for the seed articles, checked field by field.
 * Regenerate after a deliberate change with `UPDATE_GOLDEN=1 npm test` and review the diff.
 */
import assert from "node:assert/strict";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { describe, it } from "node:test";
import { extractRecord } from "../src/parse/batch.ts";
import { ROOT } from "./helpers/site.ts";

const SEEDS = path.join(ROOT, "seeds");
const GOLDEN = path.join(ROOT, "test/fixtures/seeds");
const update = process.env.UPDATE_GOLDEN === "1";

describe("parse: seed golden records", () => {
  for (const name of readdirSync(SEEDS).filter((f) => f.endsWith(".txt")).sort()) {
    it(`should extract ${name} as recorded`, () => {
      const record = extractRecord({ name, bytes: readFileSync(path.join(SEEDS, name)), sidecar: null });
      const goldenPath = path.join(GOLDEN, name.replace(/\.txt$/, ".json"));
      const actual = JSON.parse(JSON.stringify(record)) as Record<string, unknown>;
      if (update) writeFileSync(goldenPath, `${JSON.stringify(actual, null, 2)}\n`);
      const expected = JSON.parse(readFileSync(goldenPath, "utf8")) as Record<string, unknown>;
      assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), "record fields");
      for (const field of Object.keys(expected)) {
        assert.deepEqual(actual[field], expected[field], `field "${field}" of ${name}`);
      }
    });
  }
});

describe("parse: seed facts a reader relies on", () => {
  const parse = (name: string) => extractRecord({ name, bytes: readFileSync(path.join(SEEDS, name)), sidecar: null });

  it("should ignore the site-header clock and take the article's own date", () => {
    const r = parse("002_7ac6687362326750.txt");
    assert.equal(r.published?.slice(0, 10), "2018-08-03");
    assert.ok(r.removed.some((x) => x.text.includes("21 Nov 2019") && x.reason === "site-clock"));
    assert.deepEqual(r.authors, ["Hussein Alkhattab"]);
    assert.equal(r.publisher, "7Dnews");
  });

  it("should remove a body pasted twice", () => {
    const r = parse("001_6442bd6def682b13.txt");
    const texts = r.body.map((b) => b.text);
    assert.equal(new Set(texts).size, texts.length);
    assert.ok(r.removed.filter((x) => x.reason === "duplicate").length >= 10);
  });

  it("should never show garbled fragments raw", () => {
    const r = parse("001_6442bd6def682b13.txt");
    const all = JSON.stringify(r.body);
    assert.doesNotMatch(all, /Ìý|°®|Â¾/);
    assert.ok(r.warnings.some((w) => /unreadable/.test(w)));
  });

  it("should leave the date null when the text states none", () => {
    for (const name of ["000_b916555c1ae067f7.txt", "003_af543044a1aaa2aa.txt"]) assert.equal(parse(name).published, null);
  });

  it("should take byline, caption, subheading and drop related teasers", () => {
    const r = parse("004_03146239e8682a65.txt");
    assert.deepEqual(r.authors, ["AFP"]);
    assert.equal(r.published, "2018-08-01");
    assert.equal(r.body.find((b) => b.type === "caption")?.text.startsWith("In this file photo"), true);
    assert.ok(r.body.some((b) => b.type === "heading" && b.text === "Deadliest attacks"));
    assert.ok(!r.body.some((b) => b.text.includes("Rebel shellfire slammed")));
  });
});
