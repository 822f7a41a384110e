/**
 * Properties of the parser, slugs, dates and query handling, checked on generated input
 * (fast-check). Counts scale with `PROPERTY_RUNS`; `npm run test:properties` runs more.
 */
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { after, describe, it } from "node:test";
import fc from "fast-check";
import iconv from "iconv-lite";
import lunr from "lunr";
import { extractRecord } from "../src/parse/batch.ts";
import { excerpt, markSpans, segment } from "../src/client/excerpt.ts";
import { deltaDecode, deltaEncode, shardOf } from "../src/client/format.ts";
import { MAX_GROUPS, parseQuery, queryTermsOf, spellingTerms } from "../src/client/query.ts";
import { assignUniqueSlugs } from "../src/dedupe/slugs.ts";
import { findDates, isDateOnly } from "../src/parse/dates.ts";
import { normalizeText } from "../src/parse/normalize.ts";
import { makeSlug, MAX_SLUG_LENGTH } from "../src/parse/slug.ts";
import { decodeBytes } from "../src/read/decode.ts";
import { digestItem, nameContent } from "../src/render/digest.ts";
import { Best } from "../src/best.ts";
import type { ArticleRecord, BlockType } from "../src/record.ts";
import { emptyFields } from "../src/parse/text.ts";
import { casesRun, check, line, pageText, SCALE } from "./helpers/properties.ts";

const BLOCK_TYPES: readonly BlockType[] = ["paragraph", "heading", "caption", "quote", "list-item"];
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** What normalisation promises to leave out: CR, invisible and non-breaking spaces, control characters. */
const NOT_AFTER_NORMALISING = /[\r\u200b-\u200d\u2060\ufeff\u00ad\u00a0\u2000-\u200a\u202f\u205f\u3000\u0000-\u0009\u000b-\u001f\u007f]/;
/** Garbled Latin-1 tokens normalisation replaces with `[unreadable]` (its documented rule). */
const GARBLED_TOKEN = /(?<![\p{L}\p{N}])[\u0080-\u00ff\u0152-\u02dc]{2,}(?![\p{L}\p{N}])/u;

/** Whether `iso` starts with a real calendar date (and, with a time, parses as a whole). */
function isRealDate(iso: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d);
  const sameDay = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return sameDay && (iso.length === 10 || !Number.isNaN(Date.parse(iso)));
}

/** Shape every parsed record has, whatever the input. */
function assertRecord(record: ArticleRecord, fromFileText: boolean): void {
  assert.equal(typeof record.title, "string");
  assert.notEqual(record.title.trim(), "", "title is empty");
  for (const key of ["published", "updated"] as const) {
    const value = record[key];
    assert.ok(value === null || isRealDate(value), `${key} is not a real date: ${value}`);
  }
  for (const block of record.body) {
    assert.ok(BLOCK_TYPES.includes(block.type), `block type ${block.type}`);
    assert.notEqual(block.text.trim(), "", `empty ${block.type} block`);
    assert.doesNotMatch(block.text, NOT_AFTER_NORMALISING);
    assert.doesNotMatch(block.text, GARBLED_TOKEN);
    assert.doesNotMatch(block.text, /\n/);
  }
  if (fromFileText) {
    assert.doesNotMatch(record.title, NOT_AFTER_NORMALISING);
    assert.doesNotMatch(record.title, GARBLED_TOKEN);
    assert.match(record.slug, SLUG);
    assert.ok(record.slug.length <= MAX_SLUG_LENGTH);
  }
  // Sidecar and front matter values are taken as written; the promise covers the file's text.
  const texts = [...(fromFileText ? [record.title, record.subtitle ?? ""] : []), ...record.body.map((b) => b.text)];
  if (texts.some((t) => t.includes("\ufffd"))) assert.ok(record.warnings.some((w) => w.includes("U+FFFD")), "U+FFFD kept without a warning");
  for (const r of record.removed) assert.ok(typeof r.text === "string" && r.reason.length > 0);
  assert.ok(record.warnings.every((w) => typeof w === "string" && w.length > 0));
}

/**
 * Lines of the normalised text that are in no field of the record and not listed in `removed`
 * (extraction promises none: "`removed` lists every line taken out and why").
 */
function unaccountedLines(text: string, record: ArticleRecord): string[] {
  const lines = text.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l.length > 0);
  const removedTexts = record.removed.map((r) => r.text);
  const whole = new Set([...removedTexts, record.subtitle, record.section, ...record.body.map((b) => b.text)]);
  const isHeadline = (l: string) => l === record.title || (record.publisher !== null && l.startsWith(record.title) && l.endsWith(record.publisher));
  // A body line may have lost a list or quote marker, or a leading date or repeated headline.
  const withoutRemoved = (text: string) => {
    let rest = text;
    for (const r of removedTexts) if (r && rest.startsWith(r)) rest = rest.slice(r.length).trim();
    return rest;
  };
  const endsInBlock = (l: string) =>
    record.body.some((b) => {
      if (!l.endsWith(b.text)) return false;
      const rest = withoutRemoved(l.slice(0, l.length - b.text.length).trim());
      return rest === "" || /^(?:[-*•·▪►]|\d{1,2}[.)]|>)$/.test(rest);
    });
  // Or it was taken out whole, in pieces each listed with its reason (a date, then share controls).
  const inPieces = (l: string) => withoutRemoved(l) === "";
  return lines.filter((l) => !whole.has(l) && !isHeadline(l) && !endsInBlock(l) && !inPieces(l));
}

/** File bytes for a text, in one of the encodings the reader accepts, or arbitrary bytes. */
const encodedPage: fc.Arbitrary<Uint8Array> = fc.oneof(
  pageText.map((t) => new TextEncoder().encode(t)),
  pageText.map((t) => Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(t)])),
  pageText.map((t) => Uint8Array.from([0xff, 0xfe, ...iconv.encode(t, "utf-16le")])),
  pageText.map((t) => Uint8Array.from([0xfe, 0xff, ...iconv.encode(t, "utf-16be")])),
  pageText.map((t) => Uint8Array.from(iconv.encode(t, "windows-1252"))),
  fc.uint8Array({ maxLength: 3000 }),
);

/** A YAML value as someone might type it: dates valid and not, text, numbers, lists. */
const yamlValue: fc.Arbitrary<string> = fc.oneof(
  fc.tuple(fc.integer({ min: 1890, max: 2110 }), fc.integer({ min: 0, max: 19 }), fc.integer({ min: 0, max: 39 })).map(
    ([y, m, d]) => `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
  ),
  fc.tuple(fc.integer({ min: 1990, max: 2030 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `"${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}"`,
  ),
  line.map((s) => JSON.stringify(s)),
  line,
  fc.constantFrom("", "~", "null", "[]", "[a, b]", "{}", "0", "-1", "true", '"  "', "'  '", "2016-06-01T25:99:00Z"),
);
const frontMatter: fc.Arbitrary<string> = fc
  .array(fc.tuple(fc.constantFrom("title", "published", "date", "updated", "slug", "authors", "topics", "subtitle", "section", "publisher", "other"), yamlValue), { maxLength: 6 })
  .map((pairs) => pairs.map(([k, v]) => `${k}: ${v}`).join("\n"));

describe("parser properties", () => {
  it("should read any text file into a well-formed record, accounting for every line", () => {
    check("parser: text files", 2500, fc.property(encodedPage, (bytes) => {
      const record = extractRecord({ name: "page.txt", bytes, sidecar: null });
      assertRecord(record, true);
      const text = normalizeText(decodeBytes(bytes).text).text;
      assert.deepEqual(unaccountedLines(text, record), []);
    }));
  });

  it("should read any Markdown file or sidecar into a well-formed record, or refuse it naming the file", () => {
    const file = fc.record({
      markdown: fc.boolean(),
      front: fc.option(frontMatter),
      body: pageText,
      sidecar: fc.option(frontMatter),
    });
    check("parser: markdown and sidecars", 1000, fc.property(file, ({ markdown, front, body, sidecar }) => {
      const name = markdown ? "story.md" : "story.txt";
      const text = front === null ? body : `---\n${front}\n---\n${body}`;
      let record: ArticleRecord;
      try {
        record = extractRecord({ name, bytes: new TextEncoder().encode(text), sidecar });
      } catch (error) {
        assert.match((error as Error).message, new RegExp(`^${name.replace(".", "\\.")}: invalid (front matter|sidecar): `));
        return;
      }
      assertRecord(record, false);
      assert.match(record.slug, /^[a-z0-9][a-z0-9-]{0,79}$/);
    }));
  });

  it("should keep normalisation's promises for any text", () => {
    check("normalize", 2000, fc.property(fc.oneof(pageText, fc.string({ unit: "binary" })), (input) => {
      const { text, warnings } = normalizeText(input);
      assert.doesNotMatch(text, NOT_AFTER_NORMALISING);
      assert.doesNotMatch(text, GARBLED_TOKEN);
      if (text.includes("\ufffd")) assert.ok(warnings.some((w) => w.includes("U+FFFD")));
    }));
  });
});

describe("slug properties", () => {
  const title = fc.oneof(
    fc.string({ unit: "grapheme" }),
    fc.string({ unit: "binary" }),
    line,
    fc.constantFrom("CON", "NUL", "../../etc/passwd", "دمشق", "🙂🙂", "---", "", " ", "Ωμέγα", "東京", "a".repeat(300), "word ".repeat(40), "ÆØÅ æøå ß"),
  );

  it("should make an ASCII slug of at most 80 characters, the same every time, for any title", () => {
    check("makeSlug", 3000, fc.property(title, fc.string(), (text, seed) => {
      const slug = makeSlug(text, seed);
      assert.match(slug, SLUG, JSON.stringify(text));
      assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
      assert.equal(makeSlug(text, seed), slug);
    }));
  });

  it("should give unique slugs whatever the order the records come in", () => {
    const pool = fc.oneof(
      fc.constantFrom("a", "a-2", "a-3", "b", "x".repeat(80), `${"x".repeat(78)}-2`, `${"x".repeat(79)}y`, "item-0123456789"),
      title.map((t) => makeSlug(t)),
    );
    const records = fc
      .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 12 }), pool), { maxLength: 30, selector: ([source]) => source })
      .chain((list) => fc.tuple(fc.constant(list), fc.shuffledSubarray(list, { minLength: list.length, maxLength: list.length })));
    check("assignUniqueSlugs", 800, fc.property(records, ([list, shuffled]) => {
      const make = (entries: typeof list) => entries.map(([source, slug]): ArticleRecord => ({ ...emptyFields(), source, slug, title: slug, topics: [] }));
      const first = make(list);
      const second = make(shuffled);
      assignUniqueSlugs(first);
      assignUniqueSlugs(second);
      const slugs = first.map((r) => r.slug);
      assert.equal(new Set(slugs).size, slugs.length, `duplicate slugs: ${slugs.join(" ")}`);
      for (const slug of slugs) {
        assert.match(slug, SLUG);
        assert.ok(slug.length <= MAX_SLUG_LENGTH, slug);
      }
      const bySource = (records: ArticleRecord[]) => Object.fromEntries(records.map((r) => [r.source, r.slug]));
      assert.deepEqual(bySource(second), bySource(first));
    }));
  });
});

const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const DAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const pad = (n: number) => String(n).padStart(2, "0");

/** Ways pages state a date, each writing a day (UTC fields of `d`) and a time of day. */
const FORMATS: Record<string, (d: Date, h: number, m: number) => string> = {
  "Fri, 03 Aug 2018 21:55 GMT": (d, h, m) => `${DAYS[d.getUTCDay()]!.slice(0, 3)}, ${pad(d.getUTCDate())} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCFullYear()} ${pad(h)}:${pad(m)} GMT`,
  "Aug 01,2018": (d) => `${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${pad(d.getUTCDate())},${d.getUTCFullYear()}`,
  "Date of publication 5 October 2016": (d) => `Date of publication ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  "Published November 13 2017": (d) => `Published ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${d.getUTCFullYear()}`,
  "Wed Jun 1 2016": (d) => `${DAYS[d.getUTCDay()]!.slice(0, 3)} ${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${d.getUTCDate()} ${d.getUTCFullYear()}`,
  "28-08-2016": (d) => `${pad(d.getUTCDate())}-${pad(d.getUTCMonth() + 1)}-${d.getUTCFullYear()}`,
  "08.04.2017": (d) => `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`,
  "Monday 21 November 2016": (d) => `${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`,
  "Jul 282016": (d) => `${MONTHS[d.getUTCMonth()]!.slice(0, 3)} ${pad(d.getUTCDate())}${d.getUTCFullYear()}`,
  "Last updated at Wednesday 21 November 2018 10:59 GMT": (d, h, m) => `Last updated at ${DAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${pad(h)}:${pad(m)} GMT`,
};

describe("date properties", () => {
  const day = fc.date({ min: new Date(Date.UTC(1950, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true });

  it("should read a real date back from each supported format, as a date-only line", () => {
    const formats = Object.keys(FORMATS);
    check("dates: round trip", 3000, fc.property(day, fc.constantFrom(...formats), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (d, format, h, m) => {
      const text = FORMATS[format]!(d, h, m);
      const found = findDates(text);
      assert.equal(found.length, 1, `${text}: ${JSON.stringify(found)}`);
      assert.equal(found[0]!.iso.slice(0, 10), d.toISOString().slice(0, 10), text);
      assert.ok(isDateOnly(text), `${text} is a date-only line`);
      // A numeric date run into the next word, as scraped pages print it ("08.04.2017Get short URL").
      if (/^[\d.-]+$/.test(text)) assert.equal(findDates(`${text}Get short URL`)[0]?.iso, d.toISOString().slice(0, 10), `${text}Get short URL`);
    }));
  });

  it("should never throw on any text, and only return real dates with their place in the text", () => {
    const dateish = fc
      .array(fc.constantFrom("Jan", "Feb", "February", "Sept", "31", "29", "30", "00", "2016", "1999", "2101", "1899", "201", "20", "-", ".", "/", " ", ",", "GMT", "+3", "at", "10:59", "Monday", "Published", "Updated", "x", "é", "\n"), { maxLength: 25 })
      .map((parts) => parts.join(""));
    check("dates: any text", 3000, fc.property(fc.oneof(dateish, line, pageText), (text) => {
      const found = findDates(text);
      let last = -1;
      for (const f of found) {
        assert.ok(isRealDate(f.iso), `${f.iso} from ${JSON.stringify(text)}`);
        assert.equal(text.slice(f.index, f.index + f.text.length), f.text, `offset of ${JSON.stringify(f.text)} in ${JSON.stringify(text)}`);
        assert.ok(f.index >= last, "in order");
        last = f.index;
      }
      assert.equal(typeof isDateOnly(text), "boolean");
    }));
  });
});

describe("query handling properties", () => {
  const query = fc.oneof(fc.string({ unit: "grapheme" }), fc.string({ unit: "binary" }), line, fc.array(fc.constantFrom('"', "~", "^", "*", ":", "+", "-", "foo", "the", "Daraa", " ", "\\", "(", "[", "$"), { maxLength: 30 }).map((p) => p.join("")));
  const aliases = fc.array(fc.array(fc.oneof(fc.lorem({ maxCount: 3 }), fc.string({ maxLength: 20 })), { minLength: 1, maxLength: 3 }), { maxLength: 4 }).map((topics) =>
    topics.map((spellings) => spellings.map((s) => spellingTerms(lunr, s)).filter((s) => s.length > 0)),
  );

  it("should read any query into at most 16 groups of non-empty terms", () => {
    check("parseQuery", 2000, fc.property(query, aliases, (q, topicSpellings) => {
      const parsed = parseQuery(lunr, q, topicSpellings);
      assert.ok(parsed.groups.length <= MAX_GROUPS);
      for (const group of parsed.groups) {
        assert.ok(group.alternatives.length > 0);
        for (const alt of group.alternatives) {
          assert.ok(alt.tokens.length > 0);
          assert.ok(alt.tokens.every((t) => t.term.length > 0 && t.offset >= 0));
        }
      }
      assert.ok(queryTermsOf(parsed).every((t) => typeof t === "string"));
    }));
  });

  it("should mark and cut any text for any query: spans in order, segments covering the text", () => {
    const text = fc.oneof(fc.lorem({ maxCount: 80 }), line, pageText);
    check("excerpts", 1500, fc.property(query, text, fc.integer({ min: 1, max: 400 }), (q, t, length) => {
      const highlights = parseQuery(lunr, q, []).groups.flatMap((g) => [...g.alternatives, ...g.highlights]);
      const spans = markSpans(lunr, t, highlights);
      let at = 0;
      for (const [start, end] of spans) {
        assert.ok(start >= at && end >= start && end <= t.length, `span ${start}-${end} after ${at}`);
        at = end;
      }
      assert.equal(segment(t, spans).map((s) => s.text).join(""), t);
      const pieces = excerpt(lunr, t, highlights, length).map((p) => p.text);
      const inner = pieces.slice(pieces[0] === "…" ? 1 : 0, pieces.at(-1) === "…" ? -1 : undefined).join("");
      assert.ok(t.includes(inner), "an excerpt is a piece of the text");
    }));
  });

  it("should put any term in a shard in range and round-trip delta-coded numbers", () => {
    check("index format", 1000, fc.property(fc.string({ unit: "binary" }), fc.integer({ min: 1, max: 512 }), fc.array(fc.nat()), (term, shards, numbers) => {
      const shard = shardOf(term, shards);
      assert.ok(Number.isInteger(shard) && shard >= 0 && shard < shards);
      const sorted = [...numbers].sort((a, b) => a - b);
      assert.deepEqual(deltaDecode(deltaEncode(sorted)), sorted);
    }));
  });
});

describe("page fingerprint properties", () => {
  // Summaries shared between items, as view models share them; lists long enough to be
  // digested element by element, and short ones.
  const summary = fc.record({ slug: fc.string(), title: fc.string({ maxLength: 200 }), n: fc.integer() });
  const items = fc.array(summary, { minLength: 1, maxLength: 6 }).chain((pool) => {
    const element = fc.constantFrom(...pool);
    const list = fc.oneof(fc.array(element, { maxLength: 8 }), fc.array(element, { minLength: 48, maxLength: 60 }));
    const item = fc.record({ url: fc.constantFrom("/a/", "/b/"), list, other: fc.option(element), count: fc.nat(3) });
    type Item = { url: string; list: (typeof pool)[number][]; other: (typeof pool)[number] | null; count: number };
    // The second item is another one, or the first with one list element, or its other object, swapped.
    const tweaked = (a: Item) => fc.tuple(fc.oneof(fc.constant(0), fc.nat()), element).map(([i, e]): Item => ({ ...a, list: a.list.map((x, j) => (j === i % a.list.length ? e : x)) }));
    const otherSwapped = (a: Item) => element.map((e): Item => ({ ...a, other: e }));
    return item.chain((a) => fc.tuple(fc.constant(a), fc.oneof(item, tweaked(a), otherSwapped(a))));
  });

  it("should give equal fingerprints exactly to items with equal JSON, whatever objects were met before and whichever values are named shared", () => {
    const choices = [[], ["list"], ["other"], ["list", "other", "count"]].map((keys) => new Set(keys));
    check("page fingerprints", 300, fc.property(items, fc.constantFrom(...choices), ([a, b], shared) => {
      const memo = new WeakMap<object, string>();
      const digestA = digestItem(a, memo, { shared });
      const digestB = digestItem(b, memo, { shared });
      assert.equal(digestA, digestItem(structuredClone(a), new WeakMap(), { shared }), "a fresh memo gives the same digest");
      assert.equal(digestB, digestItem(structuredClone(b), new WeakMap(), { shared }), "a fresh memo gives the same digest");
      assert.equal(digestA === digestB, JSON.stringify(a) === JSON.stringify(b));
    }));
  });

  it("should still give equal fingerprints exactly to items with equal JSON when some values are named by their content", () => {
    const choices = [[], ["list"], ["other"]].map((keys) => new Set(keys));
    check("named fingerprints", 300, fc.property(items, fc.constantFrom(...choices), fc.boolean(), ([a, b], shared, nameLists) => {
      // A name that says what the content is, as a cache key does: the same for equal content.
      const names = new WeakMap<object, string>();
      const name = (value: object) => nameContent(names, value, createHash("sha256").update(JSON.stringify(value)).digest("base64url"));
      for (const item of [a, b]) {
        if (item.other) name(item.other);
        if (nameLists) name(item.list);
      }
      const memo = new WeakMap<object, string>();
      const digestA = digestItem(a, memo, { shared, names });
      const digestB = digestItem(b, memo, { shared, names });
      assert.equal(digestA, digestItem(a, new WeakMap(), { shared, names }), "a fresh memo gives the same digest");
      assert.equal(digestA === digestB, JSON.stringify(a) === JSON.stringify(b));
    }));
  });
});

describe("best-few properties", () => {
  it("should keep the same items as sorting them all and taking the first few", () => {
    check("best few", 500, fc.property(fc.array(fc.record({ score: fc.integer({ min: -5, max: 5 }), id: fc.nat(1000) })), fc.nat(12), (items, limit) => {
      const before = (a: { score: number; id: number }, b: { score: number; id: number }) => (a.score !== b.score ? a.score > b.score : a.id < b.id);
      const best = new Best(limit, before);
      for (const item of items) best.offer(item);
      const sorted = [...items].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0)).slice(0, limit);
      assert.deepEqual(best.items(), sorted);
    }));
  });
});

describe("property counts", () => {
  after(() => {
    const total = [...casesRun.values()].reduce((a, b) => a + b, 0);
    console.log(`property cases run: ${total} (${[...casesRun].map(([k, v]) => `${k} ${v}`).join(", ")})`);
  });

  it("should have run at least 10,000 generated cases in this file (times PROPERTY_RUNS)", () => {
    const total = [...casesRun.values()].reduce((a, b) => a + b, 0);
    assert.ok(casesRun.size >= 11, `${casesRun.size} properties ran`);
    assert.ok(total >= 10_000 * Math.min(SCALE, 1), `${total} cases`);
  });
});

