/**
 * Work spread over worker threads gives what the main thread alone gives: parsing, topic
 * mentions, the search index and rendering, forced onto workers on a small archive and compared.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { buildSiteData } from "../src/render/site-data.ts";
import { renderSite } from "../src/render/eleventy.ts";
import { chunkFamilies, chunkFolder, prepareRender, renderJob } from "../src/render/parallel.ts";
import { pageFamilies } from "../src/render/plan.ts";
import { parseFiles } from "../src/parse/parallel.ts";
import { restoreRecord, saveRecordCache } from "../src/cache/records.ts";
import { nameContent, type ContentNames } from "../src/render/digest.ts";
import { readSources, scanSources, type SourceFile } from "../src/read/sources.ts";
import { assignUniqueSlugs } from "../src/dedupe/slugs.ts";
import { assignTopics } from "../src/topics/assign.ts";
import { findMentions } from "../src/topics/parallel.ts";
import { restoreMentions } from "../src/topics/mentions-batch.ts";
import { contentHash } from "../src/cache/site-manifest.ts";
import { parseVocabulary } from "../src/topics/vocabulary.ts";
import { startSearchIndex } from "../src/search/parallel.ts";
import type { ArticleRecord } from "../src/record.ts";
import { ROOT } from "./helpers/site.ts";
import { assertSameTree } from "./helpers/tree.ts";

describe("worker threads", () => {
  let work: string;
  let files: SourceFile[];
  let vocabularyText: string;

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "clippings-threads-"));
    const input = path.join(work, "input");
    await cp(path.join(ROOT, "seeds"), input, { recursive: true });
    const fakes = (await readdir(path.join(ROOT, "test/fixtures/fa-kes"))).filter((n) => n.endsWith(".txt")).sort().slice(0, 45);
    for (const name of fakes) await cp(path.join(ROOT, "test/fixtures/fa-kes", name), path.join(input, name));
    const sources = await readSources(input);
    files = sources.files;
    vocabularyText = sources.vocabulary ?? "";
  });
  after(() => rm(work, { recursive: true, force: true }));

  const records = (outcomes: readonly unknown[]) => outcomes.map((o) => restoreRecord(o as Uint8Array).record);

  it("should parse files on workers into the records the main thread makes, in order", async () => {
    const here = await parseFiles(files, undefined, Infinity);
    // Small batches, so that the files are shared between worker threads.
    const there = await parseFiles(files, undefined, 0, 10);
    assert.equal(there.length, files.length);
    assert.deepEqual(records(there), records(here));
    assert.deepEqual(records(there).map((r) => r.source), files.map((f) => f.name));
  });

  it("should read files on workers into what the main thread reads, skips and reasons in order", async () => {
    const input = path.join(work, "input");
    const odd = path.join(work, "odd");
    await cp(input, odd, { recursive: true });
    await writeFile(path.join(odd, "empty.txt"), "");
    await writeFile(path.join(odd, "binary.txt"), new Uint8Array(64).fill(0));
    await writeFile(path.join(odd, "big.txt"), "word ".repeat(60_000));
    await writeFile(path.join(odd, "notes.docx"), "not an article");
    await writeFile(path.join(odd, "orphan.meta.yml"), "title: Alone\n");
    await writeFile(path.join(odd, "with-sidecar.txt"), "A headline\n\nA body of words.\n");
    await writeFile(path.join(odd, "with-sidecar.meta.yml"), "title: From the sidecar\n");
    const here = await scanSources(odd, new Map(), { maxBytes: 200_000, parallelFrom: Infinity });
    // On four threads, each reading some of the files.
    const there = await scanSources(odd, new Map(), { maxBytes: 200_000, parallelFrom: 0 });
    assert.deepEqual(there, here);
    assert.deepEqual(
      here.skipped.map((s) => s.name),
      ["big.txt", "binary.txt", "empty.txt", "notes.docx", "orphan.meta.yml"],
    );
    assert.equal(here.files.find((f) => f.name === "with-sidecar.txt")?.file?.sidecar, "title: From the sidecar\n");
    assert.ok(here.files.length > 40 && here.files.every((f) => f.file !== null && f.file.bytes.length > 0));
    // A file whose stamp is known is not read again, on either side.
    const known = new Map(here.files.slice(0, 10).map((f) => [f.name, { stamp: f.stamp, digest: f.digest }]));
    const again = await scanSources(odd, known, { maxBytes: 200_000, parallelFrom: 0 });
    assert.deepEqual(again, await scanSources(odd, known, { maxBytes: 200_000, parallelFrom: Infinity }));
    assert.deepEqual(again.files.map((f) => f.file === null), here.files.map((_, i) => i < 10));
  });

  it("should find the same topic mentions on workers as on the main thread", async () => {
    const list: ArticleRecord[] = records(await parseFiles(files, undefined, Infinity));
    const context = { key: contentHash(vocabularyText), vocabulary: parseVocabulary(vocabularyText) };
    const here = await findMentions(list, context, undefined, Infinity);
    const there = await findMentions(list, context, undefined, 0, 10);
    assert.deepEqual(there.map(restoreMentions), here.map(restoreMentions));
    assert.ok(here.map(restoreMentions).some((m) => m.topics.length > 0 && m.candidates.length > 0), "the articles mention topics and names");
  });

  it("should write the same search files from a worker thread, and only those that changed", async () => {
    const list: ArticleRecord[] = records(await parseFiles(files, undefined, Infinity));
    assignUniqueSlugs(list);
    const topics = assignTopics(list, parseVocabulary(vocabularyText));
    const here = path.join(work, "search-here");
    const there = path.join(work, "search-there");
    const topicsOf = list.map((r) => r.topics);
    const onMain = startSearchIndex(list, { range: { min: Infinity, max: Infinity } }).finish(topicsOf, topics, here, new Map());
    // The worker begins before the topics are known, as when a build begins it before linking.
    const untagged = list.map((r) => ({ ...r, topics: [] }));
    const begun = startSearchIndex(untagged, { range: { min: 0, max: Infinity } });
    const onWorker = begun.finish(topicsOf, topics, there, new Map());
    assert.deepEqual([onMain.background, onWorker.background], [false, true]);
    assert.throws(() => begun.finish(topicsOf, topics, there, new Map()), /finished twice/);
    const [a, b] = await Promise.all([onMain.done, onWorker.done]);
    assert.deepEqual(b.hashes, a.hashes);
    assert.equal(b.written, a.hashes.size);
    await assertSameTree(here, there);
    // Against the hashes of a previous build, only the files that differ are written.
    const previous = new Map(a.hashes);
    const [changed] = [...previous.keys()].filter((file) => file.startsWith("search/d/"));
    previous.set(changed!, "an older hash");
    const again = path.join(work, "search-again");
    const rebuilt = await startSearchIndex(list, { range: { min: 0, max: Infinity } }).finish(topicsOf, topics, again, previous).done;
    assert.equal(rebuilt.written, 1);
    const written = (await readdir(again, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
    assert.deepEqual(written.map((e) => path.relative(again, path.join(e.parentPath, e.name))), [changed]);
  });

  it("should write the same search files when the worker reads the articles' bodies from the record cache", async () => {
    const outcomes = await parseFiles(files, undefined, Infinity);
    const list: ArticleRecord[] = records(outcomes);
    assignUniqueSlugs(list);
    const topics = assignTopics(list, parseVocabulary(vocabularyText));
    const topicsOf = list.map((r) => r.topics);
    // The bodies as parsed are named by their cache keys, as a build names them.
    const cacheDir = path.join(work, "search-cache");
    const keys = list.map((_, i) => `record-${i}`);
    await saveRecordCache(
      cacheDir,
      outcomes.map((stored, i) => [keys[i]!, stored as Uint8Array] as const),
      new Map(),
    );
    const names: ContentNames = new WeakMap();
    list.forEach((r, i) => nameContent(names, r.body, `body:${keys[i]}`));
    const stored = (r: object) => keys[list.indexOf(r as ArticleRecord)];
    const here = path.join(work, "search-bodies-here");
    const there = path.join(work, "search-bodies-there");
    const onMain = await startSearchIndex(list, { names, range: { min: Infinity, max: Infinity } }).finish(topicsOf, topics, here, new Map()).done;
    // No postings kept yet: every body is read from the record cache.
    const onWorker = await startSearchIndex(list, { cacheDir, names, stored, range: { min: 0, max: Infinity } }).finish(topicsOf, topics, there, new Map()).done;
    assert.deepEqual(onWorker.hashes, onMain.hashes);
    await assertSameTree(here, there);
    // Postings kept now: only the result file that changed needs its article's body.
    const previous = new Map(onMain.hashes);
    const [changed] = [...previous.keys()].filter((file) => file.startsWith("search/d/"));
    previous.set(changed!, "an older hash");
    const again = path.join(work, "search-bodies-again");
    const rebuilt = await startSearchIndex(list, { cacheDir, names, stored, range: { min: 0, max: Infinity } }).finish(topicsOf, topics, again, previous).done;
    assert.equal(rebuilt.written, 1);
    assert.equal(await readFile(path.join(again, changed!), "utf8"), await readFile(path.join(here, changed!), "utf8"));
    // A body the record cache does not hold fails the index, naming the article.
    const lost = (r: object) => (r === list[0] ? "not-in-the-cache" : stored(r));
    const failed = startSearchIndex(list, { cacheDir, names, stored: lost, range: { min: 0, max: Infinity } }).finish(topicsOf, topics, path.join(work, "search-lost"), new Map());
    await assert.rejects(failed.done, new RegExp(`the text of ${list[0]!.slug} is needed`));
  });

  it("should report a search index failing on its worker thread when awaited, whenever it fails", async () => {
    const list: ArticleRecord[] = records(await parseFiles(files, undefined, Infinity));
    assignUniqueSlugs(list);
    const topics = assignTopics(list, parseVocabulary(vocabularyText));
    // A staging folder that cannot be made: a file is in the way.
    const blocked = path.join(work, "search-blocked");
    await writeFile(blocked, "a file, not a folder");
    const search = startSearchIndex(list, { range: { min: 0, max: Infinity } }).finish(
      list.map((r) => r.topics),
      topics,
      path.join(blocked, "staging"),
      new Map(),
    );
    // The build awaits other work first; the failure must wait for it, not escape as unhandled.
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await assert.rejects(search.done, /search index: .*ENOTDIR/);
  });

  it("should let go of a search index begun on a worker thread when the build fails before finishing it", async () => {
    const list: ArticleRecord[] = records(await parseFiles(files, undefined, Infinity));
    assignUniqueSlugs(list);
    const begun = startSearchIndex(list, { range: { min: 0, max: Infinity } });
    await begun.cancel();
    await begun.cancel();
    assert.throws(() => begun.finish([], [], path.join(work, "search-cancelled"), new Map()), /cancelled/);
    assert.ok(!existsSync(path.join(work, "search-cancelled")));
  });

  it("should render in chunks, on two threads, exactly the site one Eleventy run renders", async () => {
    const list: ArticleRecord[] = records(await parseFiles(files, undefined, Infinity));
    assignUniqueSlugs(list);
    const topics = assignTopics(list, parseVocabulary(vocabularyText));
    const data = buildSiteData(list, topics, { title: "Threads", url: "https://archive.example/", assets: {} });
    assert.ok(chunkFamilies(pageFamilies(data), 40).length >= 4, "several chunks");
    const single = path.join(work, "single");
    const chunked = path.join(work, "chunked");
    const one = await renderSite(data, { outDir: single });
    const many = await renderJob(await prepareRender(data, pageFamilies(data), chunkFolder(chunked), 40), chunked);
    assert.deepEqual(many, one);
    assert.ok(!existsSync(chunkFolder(chunked)), "the chunk files are removed");
    await assertSameTree(single, chunked);
  });
});
