/**
 * Query fuzzing: 10,000 random and hostile queries (times `PROPERTY_RUNS`) through the real search
 * code over a real archive built to disk, read back the way the search page reads it.
 */
import assert from "node:assert/strict";
import { cp, mkdir, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import fc from "fast-check";
import lunr from "lunr";
import { SearchEngine, type Filters } from "../src/client/engine.ts";
import { excerpt, markSpans, segment } from "../src/client/excerpt.ts";
import { deltaDecode, FILTER_KINDS, SEARCH_PATHS, type FilterOptions, type SearchMeta } from "../src/client/format.ts";
import { idSpace } from "../src/search/doc-ids.ts";
import { copyInputs, tempDir } from "./helpers/pages.ts";
import { checkAsync, line, scaled } from "./helpers/properties.ts";
import { diskLoader, HOSTILE_QUERIES } from "./helpers/search.ts";
import { buildTemp, ROOT, type BuiltSite } from "./helpers/site.ts";

/** Queries at scale 1. */
const QUERIES = 10_000;
/** fa-kes articles added to the seeds, for an index with more than a handful of articles. */
const FAKES = 60;

/** Hostile queries beyond the shared list: query syntax, quoting, surrogates, direction marks, object keys, regex syntax. */
const NASTY = [
  ...HOSTILE_QUERIES,
  "foo:", "title:", ":", "body:syria", "daraa~2", "~1", "^", "syria^10", "*", "sy*", "*ria", "+-", "+syria -daraa", "--", "++",
  '"', '""', '"""', '"syrian', 'regime"', '"the of and"', "'single", "`tick`",
  "x".repeat(5000), "syria ".repeat(1000), '"'.repeat(5000), "a b ".repeat(2500),
  "\ud800", "\udc00", "a\ud800b", "\udfff\ud800", "\u200f\u202esyria\u202c", "\u200e\u061c", "\ufeff", "\u0000", "\u0007\u001b[0m",
  "<img src=x onerror=alert(1)>", "<script>alert(1)</script>", "{{constructor.constructor('x')()}}", "{% raw %}",
  "constructor", "__proto__", "hasOwnProperty", "prototype", "toString", "valueOf", "__defineGetter__", "isPrototypeOf", "propertyIsEnumerable",
  ".*", "(a+)+$", "[", "]", "(", ")", "{", "}", "\\", "\\d+", "$&", "$1", "^$", "|", "?", "(?<x>)", "[^]", "\\u0000",
  "the", "the of and a to", "Daraa", "DARAA", "daraa", "Syrian regime forces", '"Syrian regime forces"', "ISIS", "Yarmouk Valley",
];

describe("query fuzzing against a built archive", () => {
  let site: BuiltSite;
  let engine: SearchEngine;
  let meta: SearchMeta;
  let filterOptions: FilterOptions;
  let articles: Set<string>;
  let words: string[];
  let docNumbers: number[];
  let inputDir: string | undefined;

  before(async () => {
    inputDir = await tempDir("fuzz-input");
    const input = path.join(inputDir, "in");
    await mkdir(input);
    await copyInputs(path.join(ROOT, "seeds"), input);
    const fakes = (await readdir(path.join(ROOT, "test/fixtures/fa-kes"))).filter((n) => n.endsWith(".txt")).sort().slice(0, FAKES);
    for (const name of fakes) await cp(path.join(ROOT, "test/fixtures/fa-kes", name), path.join(input, name));
    site = await buildTemp(input);
    engine = new SearchEngine(lunr, diskLoader(site.dir));
    meta = await engine.meta();
    filterOptions = await engine.filters();
    articles = new Set(await readdir(path.join(site.dir, "articles")));
    // Words of the archive's titles, so that many generated queries find something.
    docNumbers = (await readdir(path.join(site.dir, "search/d"))).map((n) => Number(n.replace(/\.json$/, "")));
    assert.equal(docNumbers.length, meta.docs);
    const titles = await Promise.all(docNumbers.map(async (doc) => (await engine.doc(doc))!.t));
    words = [...new Set(titles.flatMap((t) => t.split(/\s+/)).filter((w) => w.length > 2))];
  });
  after(async () => {
    await site?.dispose();
    if (inputDir !== undefined) await rm(inputDir, { recursive: true, force: true });
  });

  it(`should run ${QUERIES} random and hostile queries without an exception, every result a link to an article`, async () => {
    let run = 0;
    let withHits = 0;
    let filtered = 0;
    const errors: string[] = [];

    /** Everything the search page does with a query: prefetch, search, load and mark the shown results. */
    async function runQuery(query: string, filters: Filters): Promise<void> {
      run++;
      await engine.prefetch(query);
      const outcome = await engine.search(query, filters);
      const docs = outcome.hits.map((h) => h.doc);
      assert.equal(new Set(docs).size, docs.length, "each article once");
      if (docs.length > 0) withHits++;
      let allowed: Set<number> | null = null;
      for (const kind of FILTER_KINDS) {
        const option = filterOptions[kind].find((o) => o[1] === filters[kind]);
        if (!filters[kind]) continue;
        filtered++;
        const list = option ? deltaDecode(((await diskLoader(site.dir)(SEARCH_PATHS.filter(option[2]))) as number[]) ?? []) : [];
        const previous = allowed as Set<number> | null;
        allowed = new Set(list.filter((d) => previous === null || previous.has(d)));
      }
      for (const hit of outcome.hits.slice(0, 10)) {
        assert.ok(Number.isInteger(hit.doc) && hit.doc >= 0 && hit.doc < idSpace(meta.docs), `doc ${hit.doc}`);
        assert.ok(Number.isFinite(hit.score), `score ${hit.score}`);
        if (allowed) assert.ok(allowed.has(hit.doc), `doc ${hit.doc} passes the filters`);
        const doc = await engine.doc(hit.doc);
        assert.ok(doc, `doc file ${hit.doc}`);
        assert.ok(articles.has(doc.s), `/articles/${doc.s}/ exists`);
        assert.equal(segment(doc.t, markSpans(lunr, doc.t, outcome.highlights)).map((s) => s.text).join(""), doc.t);
        excerpt(lunr, doc.x, outcome.highlights);
      }
    }

    for (const query of NASTY) {
      await runQuery(query, {}).catch((error: Error) => errors.push(`${JSON.stringify(query.slice(0, 60))}: ${error.stack?.split("\n").slice(0, 3).join(" ")}`));
    }
    const option = (kind: (typeof FILTER_KINDS)[number]) => fc.oneof(
        { weight: 6, arbitrary: fc.constant(null) },
        { weight: 1, arbitrary: fc.oneof(fc.constantFrom(...filterOptions[kind].map((o) => o[1]), "nope", "__proto__", "constructor"), fc.string()) },
      );
    const filters = fc.record({ topic: option("topic"), publisher: option("publisher"), year: option("year") }).map((f) => {
      const out: Filters = {};
      for (const kind of FILTER_KINDS) if (f[kind] !== null) out[kind] = f[kind]!;
      return out;
    });
    const archiveWord = fc.constantFrom(...words);
    const token = fc.oneof(
      { weight: 5, arbitrary: archiveWord },
      { weight: 2, arbitrary: fc.constantFrom(...NASTY.filter((q) => q.length < 40)) },
      { weight: 1, arbitrary: fc.string({ unit: "grapheme", maxLength: 12 }) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 6 }) },
      { weight: 1, arbitrary: fc.constantFrom('"', "~", "^2", "*", ":", "+", "-", "\\", "\ud800", "\u202e") },
    );
    const query = fc.oneof(
      { weight: 6, arbitrary: fc.array(token, { minLength: 1, maxLength: 6 }).chain((ts) => fc.constantFrom(" ", "", "-", '"', ":").map((sep) => ts.join(sep))) },
      { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 200 }) },
      { weight: 1, arbitrary: line },
      { weight: 1, arbitrary: fc.array(archiveWord, { minLength: 16, maxLength: 40 }).map((ws) => ws.join(" ")) },
    );
    const generated = Math.max(0, scaled(QUERIES) - NASTY.length);
    await checkAsync("query fuzz", generated, fc.asyncProperty(query, filters, async (q, f) => runQuery(q, f)));

    console.log(`queries run: ${run}; with results: ${withHits}; with a filter: ${filtered}; exceptions: ${errors.length}`);
    assert.deepEqual(errors.slice(0, 5), []);
    assert.equal(run, NASTY.length + generated);
    assert.ok(run >= scaled(QUERIES), `${run} queries`);
    assert.ok(withHits >= run / 10, `only ${withHits} of ${run} queries found an article`);
  });
});
