/**
 * Pages planned by what they are made from: a page whose inputs are named as in the last build
 * keeps its fingerprint without its view being digested, and the plan is the same as one that
 * digests every view.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ArticleRecord } from "../src/record.ts";
import { nameContent, type ContentNames } from "../src/render/digest.ts";
import { namePageInputs, nameRecords } from "../src/render/page-inputs.ts";
import { pageFamilies, planPages, type PlannedPage } from "../src/render/plan.ts";
import { buildSiteData } from "../src/render/site-data.ts";
import type { TopicPage } from "../src/topics/assign.ts";
import { makeRecord } from "./helpers/records.ts";

const SITE = { title: "Archive", url: "https://archive.example/", assets: {} };
const SHARED = "templates\0site";

/** Records of 2016–2018 on Daraa, Quneitra or both, and what their parts are named by (as a parse would name them). */
function archive(count: number, edit: (r: ArticleRecord, i: number) => ArticleRecord = (r) => r): { records: ArticleRecord[]; names: ContentNames; topics: TopicPage[] } {
  const names: ContentNames = new WeakMap();
  const records = Array.from({ length: count }, (_, i) => {
    const topics = i % 3 === 0 ? ["Daraa", "Quneitra"] : i % 3 === 1 ? ["Daraa"] : ["Quneitra"];
    return edit(makeRecord(`r${i}`, `${2016 + (i % 3)}-0${1 + (i % 9)}-1${i % 10}`, { topics }), i);
  });
  for (const r of records) {
    // A parse's key names everything it is made from: here the title stands for it.
    const key = `${r.slug}:${r.title}`;
    for (const [part, value] of [["body", r.body], ["removed", r.removed], ["warnings", r.warnings], ["authors", r.authors]] as const) nameContent(names, value, `${part}:${key}`);
  }
  const both = records.filter((r) => r.topics.length === 2).length;
  const topic = (name: string, slug: string, other: string): TopicPage => ({
    topic: { name, slug, kind: "place", aliases: [name], description: null },
    articles: records.filter((r) => r.topics.includes(name)).map((r) => r.slug),
    spellings: [name],
    related: [{ name: other, shared: both }],
  });
  return { records, names, topics: [topic("Daraa", "daraa", "Quneitra"), topic("Quneitra", "quneitra", "Daraa")] };
}

/** The plan of an archive: by the inputs' names against `previous` when given, else by digesting every view. */
function plan(made: ReturnType<typeof archive>, previous?: ReadonlyMap<string, PlannedPage>, check = false): Map<string, PlannedPage> {
  const data = buildSiteData(made.records, made.topics, SITE);
  const inputs = namePageInputs(data, nameRecords(made.records, made.names), SHARED, made.names);
  return planPages(pageFamilies(data), SHARED, { names: made.names, inputs, previous, check });
}

const fingerprints = (pages: ReadonlyMap<string, PlannedPage>) => new Map([...pages].map(([url, page]) => [url, page.fingerprint]));

describe("namePageInputs", () => {
  test("should plan by inputs as digesting every view would, after articles are added, edited and removed", () => {
    const edits: [string, (r: ArticleRecord, i: number) => ArticleRecord][] = [
      ["a title corrected", (r, i) => (i === 40 ? { ...r, title: "A corrected headline" } : r)],
      ["an article removed and another added", (r, i) => (i === 7 ? { ...r, slug: "r7-moved" } : r)],
      ["a topic dropped from one article", (r, i) => (i === 9 ? { ...r, topics: ["Daraa"] } : r)],
    ];
    let previous = plan(archive(130));
    // Each step keeps the edits before it.
    for (let step = 0; step <= edits.length; step++) {
      const what = step === 0 ? "an article added" : edits[step - 1]![0];
      const made = archive(131, (r, i) => edits.slice(0, step).reduce((record, [, edit]) => edit(record, i), r));
      const planned = plan(made, previous, true);
      assert.deepEqual(fingerprints(planned), fingerprints(plan(made)), what);
      const kept = [...planned].filter(([url, page]) => page.inputs !== undefined && previous.get(url)?.inputs === page.inputs).length;
      assert.ok(kept > planned.size / 2, `${what}: ${kept} of ${planned.size} pages kept by their inputs`);
      previous = planned;
    }
  });

  test("should fail the check when a page shows what its inputs' name leaves out", () => {
    const first = plan(archive(60));
    // A publisher set after parsing, which the parse key does not name.
    const edited = archive(60, (r, i) => (i === 12 ? { ...r, publisher: "Enab Baladi" } : r));
    assert.throws(() => plan(edited, first, true), /shows something its inputs' name does not cover/);
    const unchecked = plan(edited, first);
    assert.equal(unchecked.get("/articles/r12/")!.fingerprint, first.get("/articles/r12/")!.fingerprint, "without the check, the page is kept by its inputs");
  });

  test("should name no record a later stage changed, nor the pages showing it", () => {
    const made = archive(30);
    made.records[4]!.body = made.records[4]!.body.filter(() => true);
    const records = nameRecords(made.records, made.names);
    assert.equal(records.size, 29);
    assert.ok(!records.has("r4"));
    const inputs = namePageInputs(buildSiteData(made.records, made.topics, SITE), records, SHARED);
    assert.ok(!inputs.has("/articles/r4/"));
    assert.ok(!inputs.has("/topics/daraa/"), "r4 is about Daraa");
    assert.ok(inputs.has("/articles/r5/"));
  });
});
