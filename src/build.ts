/** The whole pipeline: read → parse → dedupe → topics → render → search → write. */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { loadCaseStats, saveCaseStats } from "./cache/case-stats.js";
import { buildKey, fileListHash, forgetLastBuild, holdsLastBuild, loadLastBuild, saveLastBuild, type BuildOutcome } from "./cache/last-build.js";
import { loadRecordCache, recordKeys, restoreRecord, saveRecordCache, type BodyFacts, type StoredRecord } from "./cache/records.js";
import { contentHash, hasSiteManifest, loadSiteManifest, MARKER_FILE, saveSiteManifest, type SiteManifest } from "./cache/site-manifest.js";
import { loadStore, removeOlderFormats, saveStore } from "./cache/store.js";
import { packageCodeKey } from "./code-key.js";
import { markDuplicates } from "./dedupe/duplicates.js";
import { removeFurniture } from "./dedupe/furniture.js";
import { assignUniqueSlugs } from "./dedupe/slugs.js";
import { parseFiles } from "./parse/parallel.js";
import { loadKnownFiles, saveKnownFiles } from "./cache/source-stamps.js";
import { readScanned, scanSources, type ScannedFile, type ScannedSources, type SkippedFile, type SourceFile } from "./read/sources.js";
import type { ArticleRecord } from "./record.js";
import { nameContent, type ContentNames } from "./render/digest.js";
import { PACKAGE_ROOT, templatesKey } from "./render/templates.js";
import { chunkFolder, prepareRender, renderJob, type RenderJob } from "./render/parallel.js";
import { filterFamilies, pageFamilies, planPages, type PlannedPage } from "./render/plan.js";
import { namePageInputs, nameRecords, type RecordNames } from "./render/page-inputs.js";
import { buildSiteData, type SiteData } from "./render/site-data.js";
import { SEARCH_CLIENT_MODULES } from "./search/build-index.js";
import { BACKGROUND_MIN_ARTICLES, startSearchIndex, type SearchIndexStart } from "./search/parallel.js";
import { collectGarbage } from "./threads.js";
import { combineMentions, type TopicPage } from "./topics/assign.js";
import { updateCaseStats } from "./topics/case-stats.js";
import { MENTIONS_VERSION, mentionKey, restoreEvidence, restoreWords, type MentionContext, type StoredMentions, type TopicEvidence } from "./topics/mentions-batch.js";
import { findMentions } from "./topics/parallel.js";
import { parseVocabulary, type TopicEntry } from "./topics/vocabulary.js";
import { nameAssets } from "./write/assets.js";
import { applyInPlace, createStaging, dropUnchanged, listTree, swapIntoPlace, writeFiles, type OutputFile } from "./write/output.js";
import { surveyFolder } from "./write/survey.js";

/** Options for {@link build}. */
export interface BuildOptions {
  /** Folder of article files. */
  readonly input: string;
  /**
   * Folder the site is written to once everything is rendered: replaced as a whole on a first
   * build, and on a rebuild updated in place, file by file, where its content changed.
   */
  readonly out: string;
  /** Absolute URL the site will be served at; its path becomes the links' prefix. */
  readonly baseUrl?: string;
  /** Archive title shown on every page. */
  readonly title?: string;
  /** Where to write the JSON build report (default: `.clippings/report.json` beside the output folder). */
  readonly reportFile?: string;
  /**
   * Folder for what rebuilds reuse: parsed records and what was written (default:
   * `.clippings/cache` beside the output folder); `false` builds everything from scratch.
   */
  readonly cacheDir?: string | false;
  /** Told how far the build has got, stage by stage. */
  readonly onProgress?: (progress: BuildProgress) => void;
  /**
   * Digest every page's view even when what it is made from is named as in the last build, and
   * fail if such a page's fingerprint changed: a check, for tests, that the names of pages'
   * inputs cover everything the pages show (see `namePageInputs`). Such a build goes through
   * every stage even when nothing changed.
   */
  readonly checkPageInputs?: boolean;
}

/** How far a build has got. */
export interface BuildProgress {
  /** The stage running: reading, parsing, linking (duplicates and topics), rendering, indexing, writing. */
  readonly stage: "read" | "parse" | "link" | "render" | "index" | "write";
  /** Units done of `total` within the stage (files, articles, pages). */
  readonly done: number;
  readonly total: number;
}

/** What a build did with every input file. */
export interface BuildReport {
  /** Where the machine-readable report was written. */
  readonly reportFile: string;
  readonly published: readonly { readonly source: string; readonly slug: string; readonly warnings: readonly string[] }[];
  readonly skipped: readonly SkippedFile[];
  readonly topics: number;
  /** Copies merged into another article's page as duplicates. */
  readonly duplicates: number;
  /** Files in the site. */
  readonly pages: number;
  /** Of the files in the site, how many were rendered or written in this build (the rest were kept). */
  readonly written: number;
  /** Files parsed in this build (the others' records came from the cache). */
  readonly parsed: number;
  readonly milliseconds: number;
  /**
   * Wall-clock milliseconds per stage, one after the other. When the search index is built on
   * a worker thread beside the site data and rendering, `index` is only the time then waited
   * for it.
   */
  readonly stages: Readonly<Record<BuildProgress["stage"], number>>;
}

/** Default base URL: the local server `clippings serve` starts. */
export const DEFAULT_BASE_URL = "http://localhost:8080/";

/**
 * Build the archive from `options.input` into `options.out`. A file that cannot be parsed is
 * skipped with its reason; the rest of the archive still builds. With a cache, only changed
 * files are parsed and only pages whose content changed are rendered, and a rebuild from the
 * same input, options and code into the output folder as the last build left it writes
 * nothing; the result is the same, byte for byte, as a build from scratch.
 *
 * @param options Input, output and URL.
 * @returns The build report.
 * @throws Error for configuration problems (missing input folder, bad base URL, bad vocabulary).
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const stages = { read: 0, parse: 0, link: 0, render: 0, index: 0, write: 0 };
  let mark = started;
  const lap = (stage: BuildProgress["stage"]) => {
    const now = performance.now();
    stages[stage] += now - mark;
    mark = now;
  };
  const progress = options.onProgress ?? (() => {});
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const cacheDir = options.cacheDir === false ? null : (options.cacheDir ?? defaultCacheDir(options.out));

  // What the output folder holds, for a rebuild in place: listed on another thread while the
  // input is scanned and the records are read back and linked.
  const held: Promise<ReadonlySet<string> | null> =
    cacheDir !== null && hasSiteManifest(cacheDir, options.out) ? surveyFolder(options.out, cacheDir).catch(() => null) : Promise.resolve(null);
  progress({ stage: "read", done: 0, total: 1 });
  const scannedAt = Date.now();
  const sources = await scanSources(options.input, cacheDir === null ? new Map() : await loadKnownFiles(cacheDir));
  const vocabulary = sources.vocabulary === null ? [] : parseVocabulary(sources.vocabulary, path.join(options.input, "topics.yml"));
  const site = { title: options.title ?? "Clippings archive", url: baseUrl };
  const templates = await templatesKey();
  // A rebuild made from the same input, code and options as the site the output folder still
  // holds has nothing to write.
  const key = cacheDir === null || options.checkPageInputs ? null : buildKey({ code: siteCodeKey(templates), site, vocabulary: sources.vocabulary, files: sources.files, skipped: sources.skipped });
  if (cacheDir !== null) {
    const last = key === null ? null : await loadLastBuild(cacheDir, options.out);
    if (last !== null && last.key === key && (await holdsLastBuild(last, options.out, await held))) {
      await saveKnownFiles(cacheDir, sources.files, scannedAt);
      lap("read");
      return report(options, last.outcome, { written: 0, parsed: 0, milliseconds: performance.now() - started, stages });
    }
    await forgetLastBuild(cacheDir, options.out);
  }
  lap("read");
  const { archive, search, skipped, parsed, duplicates } = await readAndLink(options.input, { sources, scannedAt, vocabulary }, cacheDir, progress, lap);

  // What the report needs, taken now: the records and topics are let go during the write.
  const published = archive.records.map((r) => ({ source: r.source, slug: r.slug, warnings: r.warnings }));
  const topicCount = archive.topics.length;
  let previous: SiteManifest | null;
  let staging: string;
  const heldFiles = await held;
  try {
    previous = cacheDir === null ? null : await loadSiteManifest(cacheDir, options.out, heldFiles);
    staging = await createStaging(options.out);
  } catch (error) {
    await search.cancel();
    throw error;
  }
  try {
    const written = await writeSite(archive, search, site, staging, { previous, check: options.checkPageInputs ?? false, templates }, progress, lap);
    progress({ stage: "write", done: 0, total: written.files.size });
    if (previous === null) await swapIntoPlace(staging, options.out);
    else await applyInPlace(staging, options.out, written.files, heldFiles!);
    progress({ stage: "write", done: written.files.size, total: written.files.size });
    const outcome: BuildOutcome = { published, skipped: skipped.sort((a, b) => a.name.localeCompare(b.name)), topics: topicCount, duplicates, pages: written.files.size };
    if (cacheDir !== null) await saveSiteManifest(cacheDir, options.out, written.manifest);
    if (key !== null) await saveLastBuild(cacheDir!, options.out, { key, files: fileListHash(written.files), outcome });
    lap("write");
    return report(options, outcome, { written: written.written, parsed, milliseconds: performance.now() - started, stages });
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** The records and topics, held so that whoever takes them can leave the holder empty. */
interface Archive {
  records: ArticleRecord[];
  topics: TopicPage[];
  /** What stands for the records' parts in page digests (see {@link nameParsedContent}). */
  readonly named: ContentNames;
}

/** The input folder as scanned (see `scanSources`), when, and its vocabulary. */
interface ScannedInput {
  readonly sources: ScannedSources;
  /** When the scan began (see `saveKnownFiles`). */
  readonly scannedAt: number;
  readonly vocabulary: TopicEntry[];
}

/** Read, parse, and link: unique slugs, duplicates, furniture, topics. */
async function readAndLink(
  input: string,
  scanned: ScannedInput,
  cacheDir: string | null,
  progress: NonNullable<BuildOptions["onProgress"]>,
  lap: (stage: BuildProgress["stage"]) => void,
): Promise<{ archive: Archive; search: SearchIndexStart; skipped: SkippedFile[]; parsed: number; duplicates: number }> {
  const { records, facts, named, cached, skipped, parsed } = await readAndParse(input, scanned, cacheDir, progress, lap);
  const { vocabulary } = scanned;
  const vocabularyText = scanned.sources.vocabulary;
  progress({ stage: "link", done: 0, total: records.length });
  assignUniqueSlugs(records);
  const duplicates = markDuplicates(records, undefined, facts.map((f) => f.signature)).reduce((n, group) => n + group.copies.length, 0);
  removeFurniture(records, facts.map((f) => f.paragraphs));
  const canonical = records.filter((r) => r.duplicateOf === undefined);
  // With few new articles, linking runs on this thread alone (their mentions are cached): the
  // search index reads the articles' texts on the other core meanwhile.
  const stored = (r: object) => cached.get(r);
  let search = parsed < EARLY_SEARCH_MAX_PARSED ? startSearchIndex(canonical, { cacheDir, names: named, stored, range: { min: BACKGROUND_MIN_ARTICLES, max: REBUILD_BACKGROUND_MAX_ARTICLES } }) : null;
  // Otherwise the index begins once the mentions are found, and reads the texts on the core
  // the mention threads leave while the topics are combined on this one.
  const begin = () => (search ??= startSearchIndex(canonical, { cacheDir, names: named, stored }));
  let topics: TopicPage[];
  try {
    topics = await linkTopics(canonical, { key: contentHash(vocabularyText ?? ""), vocabulary }, named, cacheDir, { progress, found: begin });
  } catch (error) {
    await search?.cancel();
    throw error;
  }
  const index = begin();
  // The stored mentions just let go are buffers outside the heap, freed only when V8 collects.
  collectGarbage();
  progress({ stage: "link", done: records.length, total: records.length });
  lap("link");
  return { archive: { records, topics, named }, search: index, skipped, parsed, duplicates };
}

/**
 * Most files parsed in a build that begins the search index before linking. Linking then finds
 * the mentions of the files parsed on two threads; with more of them, the index would compete
 * for the cores, and it begins once linking is done.
 */
const EARLY_SEARCH_MAX_PARSED = 1000;

/**
 * Most articles a build that parses fewer than {@link EARLY_SEARCH_MAX_PARSED} files indexes on
 * a worker thread beside the rest; a build parsing more does so only up to
 * `BACKGROUND_MAX_ARTICLES`. Such a rebuild renders few pages, so the index fits beside the
 * site data: adding or removing one article of 100,000 peaked at 3.0 to 3.4 GB so, against 2.2
 * to 2.6 GB with the index made alone first, and took 46 to 57 s against 66 to 81 s.
 */
const REBUILD_BACKGROUND_MAX_ARTICLES = 105_000;

/**
 * Parse the scanned input folder: with a cache, only files whose stamp changed are read, and
 * only those whose content changed are parsed. The files' bytes are let go when this returns:
 * the records hold all the rest of the build needs.
 */
async function readAndParse(
  input: string,
  { sources, scannedAt }: ScannedInput,
  cacheDir: string | null,
  progress: NonNullable<BuildOptions["onProgress"]>,
  lap: (stage: BuildProgress["stage"]) => void,
): Promise<{ records: ArticleRecord[]; facts: BodyFacts[]; named: ContentNames; cached: CachedKeys; skipped: SkippedFile[]; parsed: number }> {
  const { records, facts, named, cached, skipped, parsed } = await parseAll(input, sources.files, sources.vocabulary, cacheDir, progress);
  if (cacheDir !== null) await saveKnownFiles(cacheDir, sources.files, scannedAt);
  skipped.push(...sources.skipped);
  lap("parse");
  return { records, facts, named, cached, skipped, parsed };
}

/**
 * Parse every file, taking unchanged files' records from the cache. A file not read while
 * scanning (its stamp was unchanged) is read now if its record is not cached after all.
 */
async function parseAll(
  input: string,
  files: readonly ScannedFile[],
  vocabulary: string | null,
  cacheDir: string | null,
  progress: NonNullable<BuildOptions["onProgress"]>,
): Promise<{ records: ArticleRecord[]; facts: BodyFacts[]; named: ContentNames; cached: CachedKeys; skipped: SkippedFile[]; parsed: number }> {
  const cache = cacheDir === null ? new Map<string, StoredRecord>() : await loadRecordCache(cacheDir);
  const keyOf = recordKeys(vocabulary);
  const keys = files.map((file) => keyOf(file.name, file.digest));
  const read = files.filter((_, i) => !cache.has(keys[i]!)).map((scanned) => scanned.file ?? readScanned(input, scanned));
  const unread = new Map(read.filter((file) => "reason" in file).map((file) => [file.name, file]));
  const missing = read.filter((file): file is SourceFile => !("reason" in file));
  const known = files.length - missing.length - unread.size;
  progress({ stage: "parse", done: known, total: files.length });
  const outcomes = await parseFiles(missing, (done) => progress({ stage: "parse", done: known + done, total: files.length }));
  const fresh = new Map(missing.map((file, i) => [file.name, outcomes[i]!]));
  const records: ArticleRecord[] = [];
  const facts: BodyFacts[] = [];
  const named: ContentNames = new WeakMap();
  const cached: CachedKeys = new WeakMap();
  const stored: [string, StoredRecord][] = [];
  const skipped: SkippedFile[] = [...unread.values()];
  files.forEach((file, i) => {
    if (unread.has(file.name)) return;
    const kept = cache.get(keys[i]!);
    const outcome = kept ?? fresh.get(file.name)!;
    if ("error" in outcome) {
      skipped.push({ name: file.name, reason: `could not be parsed: ${outcome.error}` });
      return;
    }
    const { record, ...made } = restoreRecord(outcome);
    records.push(record);
    facts.push(made);
    nameParsedContent(named, record, keys[i]!);
    if (kept !== undefined) cached.set(record, keys[i]!);
    stored.push([keys[i]!, outcome]);
  });
  // Saved now, not after the site is written: entries are keyed by content, so they hold
  // whatever happens next, and the serialised copies need not stay in memory.
  if (cacheDir !== null) await saveRecordCache(cacheDir, stored, cache);
  return { records, facts, named, cached, skipped, parsed: missing.length };
}

/** The key each record taken from the record cache is stored under there (see `recordKeys`). */
type CachedKeys = WeakMap<object, string>;

/**
 * Let a record's text parts, as parsed, be stood for in page digests by the key the parse is
 * cached under, which names everything the parse is made from: an article page's digest then
 * does not serialise its body again. The parts are frozen; a later stage that changes one
 * (furniture removal) makes a new list, which is digested in full.
 */
function nameParsedContent(named: ContentNames, record: ArticleRecord, key: string): void {
  nameContent(named, record.body, `body:${key}`);
  nameContent(named, record.removed, `removed:${key}`);
  nameContent(named, record.warnings, `warnings:${key}`);
  nameContent(named, record.authors, `authors:${key}`);
}

/** The stored mentions; a new format gets a new name, so that a file of an older one is never read. */
const MENTIONS_FILE = `mentions-${MENTIONS_VERSION}.v8`;
/** The stored mentions of any format, this one's among them. */
const MENTIONS_FILES = /^mentions(?:-[^.]+)?\.v8$/;

/**
 * Tag the articles with topics and gather the topics' pages. Each article's mentions are found
 * anew only when its text or the vocabulary changed, and the case statistics are updated with
 * the words of the articles that came and went; the caches are saved at once, and the
 * mentions, much larger than the topics made from them, are not kept. A body still as parsed
 * is stood for in the mentions' keys by its name in `named`. `events.found` is called once every
 * article's mentions are at hand, before they are combined.
 */
async function linkTopics(
  articles: ArticleRecord[],
  context: MentionContext,
  named: ContentNames,
  cacheDir: string | null,
  events: { readonly progress: NonNullable<BuildOptions["onProgress"]>; readonly found: () => void },
): Promise<TopicPage[]> {
  const { progress } = events;
  const cache = cacheDir === null ? new Map<string, StoredMentions>() : await loadStore(cacheDir, MENTIONS_FILE);
  const keys = articles.map((a) => mentionKey(a, context.key, named.get(a.body)));
  const missing = keys.flatMap((key, i) => (cache.has(key) ? [] : [i]));
  const found = await findMentions(
    missing.map((i) => articles[i]!),
    context,
    (done) => progress({ stage: "link", done, total: missing.length }),
  );
  events.found();
  const fresh = new Map(missing.map((i, j) => [keys[i]!, found[j]!]));
  found.length = 0;
  const storedOf = (key: string) => cache.get(key) ?? fresh.get(key) ?? null;
  const previous = cacheDir === null ? null : await loadCaseStats(cacheDir);
  const stats = updateCaseStats(previous, keys, (key) => {
    const stored = storedOf(key);
    return stored === null ? null : restoreWords(stored);
  });
  const list: (StoredMentions | null)[] = keys.map((key) => storedOf(key)!);
  fresh.clear();
  if (cacheDir !== null) {
    await saveStore(cacheDir, MENTIONS_FILE, keys.map((key, i) => [key, list[i]!] as const), cache);
    await removeOlderFormats(cacheDir, MENTIONS_FILES, MENTIONS_FILE);
    await saveCaseStats(cacheDir, { keys, stats });
  }
  cache.clear();
  return combineMentions(articles, restoreEach(list), stats, context.vocabulary);
}

/** Each stored article's topic evidence in turn, letting go of the stored form as it goes. */
function* restoreEach(list: (StoredMentions | null)[]): Generator<TopicEvidence> {
  for (let i = 0; i < list.length; i++) {
    const stored = list[i]!;
    list[i] = null;
    yield restoreEvidence(stored);
  }
}

/** What {@link writeSite} put in the staging folder. */
interface WrittenSite {
  /** What the next build compares against. */
  readonly manifest: SiteManifest;
  /** Every file of the site, site-relative. */
  readonly files: ReadonlySet<string>;
  /** Files rendered or written in this build. */
  readonly written: number;
}

/**
 * Write into `staging` what the site of `archive` needs beyond what the previous site in `out`
 * (described by `context.previous`) already holds: the search files that changed, the pages whose
 * fingerprint changed (all of them without a previous site), the single pages and the assets.
 * The search index begun by `index` is finished with the topics, on its worker thread
 * meanwhile when it has one (see `startSearchIndex`). Each
 * stage's data is dropped before the next one starts: the records and topics (taken out of
 * `archive`) once the site data is made, the site data once the pages to render are written
 * out in chunks.
 */
async function writeSite(
  archive: Archive,
  index: SearchIndexStart,
  site: { readonly title: string; readonly url: string },
  staging: string,
  context: PlanContext,
  progress: NonNullable<BuildOptions["onProgress"]>,
  lap: (stage: BuildProgress["stage"]) => void,
): Promise<WrittenSite> {
  const { previous } = context;
  const canonical = archive.records.filter((r) => r.duplicateOf === undefined);
  progress({ stage: "index", done: 0, total: canonical.length });
  const search = index.finish(
    canonical.map((r) => r.topics),
    archive.topics,
    staging,
    previous?.files ?? new Map(),
  );
  canonical.length = 0;
  if (!search.background) {
    // Made here and now, before the site data, so that the two are never in memory at once.
    await search.done;
    lap("index");
  }
  const assets = readAssets();
  // Should rendering fail, the index still running is waited for before the failure goes on.
  const { pages, rendered } = await renderPages(archive, { ...site, assets: assets.urls }, staging, context, progress).catch(async (error: unknown) => {
    await search.done.catch(() => {});
    throw error;
  });
  lap("render");
  if (search.background) progress({ stage: "index", done: 0, total: 1 });
  const written = await search.done;
  if (search.background) {
    progress({ stage: "index", done: 1, total: 1 });
    lap("index");
  }

  writeFiles(staging, assets.files);
  const planned = new Set([...pages.plan.values()].map((page) => page.file));
  // The single pages and assets are made every time: those the output folder holds already, as
  // they are, are left there untouched.
  const assetPaths = assets.files.map((file) => file.path);
  const made = await dropUnchanged(staging, [...rendered.filter((file) => !planned.has(file)), ...assetPaths], previous?.files ?? null, ALWAYS_WRITTEN);
  const files = new Set([...planned, ...rendered, ...written.hashes.keys(), ...assetPaths]);
  return {
    manifest: { pages: pages.plan, files: new Map([...written.hashes, ...made.hashes]) },
    files,
    written: rendered.length + written.written + assetPaths.length - made.dropped,
  };
}

/** What the pages say of the site besides the archive: its title, address and assets' addresses. */
type SiteOptions = Parameters<typeof buildSiteData>[2];

/** Files written by every build: the home page tells the builds of an output folder apart (see `siteMarker`). */
const ALWAYS_WRITTEN: ReadonlySet<string> = new Set([MARKER_FILE]);

/**
 * What planning the pages needs besides the site data: the site the last build made, whether
 * to check the pages kept by their inputs' names, and the templates' key (see `templatesKey`).
 */
interface PlanContext {
  readonly templates: string;
  readonly previous: SiteManifest | null;
  readonly check: boolean;
}

/** Plan the pages of `archive` and render those that changed (see {@link planRender}). */
async function renderPages(
  archive: Archive,
  site: SiteOptions,
  staging: string,
  context: PlanContext,
  progress: NonNullable<BuildOptions["onProgress"]>,
): Promise<{ pages: Awaited<ReturnType<typeof planRender>>; rendered: string[] }> {
  const records = nameRecords(archive.records, archive.named);
  const pages = await planRender(takeSiteData(archive, site), { names: archive.named, records }, context, chunkFolder(staging));
  progress({ stage: "render", done: pages.kept, total: pages.plan.size });
  const rendered = await renderJob(pages.job, staging);
  progress({ stage: "render", done: pages.plan.size, total: pages.plan.size });
  return { pages, rendered };
}

/**
 * The site data of `archive`, taking the records and topics out of it: nothing else keeps a
 * list of them, so they can all be let go while the pages are planned.
 */
function takeSiteData(archive: Archive, site: SiteOptions): SiteData {
  const data = buildSiteData(archive.records, archive.topics, site);
  archive.records = [];
  archive.topics = [];
  return data;
}

/**
 * Plan the pages and prepare the ones to render: those whose fingerprint changed since the
 * build that made `out` (all of them when there is no usable manifest), and every single page
 * (home, indexes, sitemap). The site data is not needed past this point.
 *
 * @param data The site's view models.
 * @param named What stands for the records' parts in the pages' digests, and the records' names.
 * @param context What the last build wrote, whether to check the pages kept by their inputs,
 *   and the templates' key.
 * @param folder Folder for the chunk files (see `prepareRender`).
 * @returns The page plan, how many of its pages the previous site holds unchanged, and the
 *   render job.
 */
async function planRender(
  data: SiteData,
  named: { readonly names: ContentNames; readonly records: RecordNames },
  context: PlanContext,
  folder: string,
): Promise<{ plan: Map<string, PlannedPage>; kept: number; job: RenderJob }> {
  const { previous, check, templates } = context;
  const families = pageFamilies(data);
  const shared = `${templates}\0${JSON.stringify(data.site)}\0${data.base}`;
  const inputs = namePageInputs(data, named.records, shared, named.names);
  const plan = planPages(families, shared, { names: named.names, inputs, previous: previous?.pages, check });
  const kept = new Set<string>();
  if (previous) for (const [url, page] of plan) if (previous.pages.get(url)?.fingerprint === page.fingerprint) kept.add(url);
  const job = await prepareRender(data, filterFamilies(families, (url) => !kept.has(url)), folder);
  return { plan, kept: kept.size, job };
}

/**
 * A name for everything besides the input and options that a site is made from: the
 * package's modules and dependencies, its templates (`templates`, their key) and the files of
 * `public/`.
 */
function siteCodeKey(templates: string): string {
  const hash = createHash("sha1").update(packageCodeKey()).update("\0").update(templates);
  const publicDir = path.join(PACKAGE_ROOT, "public");
  for (const file of listTree(publicDir).sort()) hash.update(`\0${file}\0`).update(readFileSync(path.join(publicDir, file)));
  return hash.digest("base64url");
}

/** The report of a build that had `outcome`, written where `options` say (see {@link writeReport}). */
async function report(
  options: BuildOptions,
  outcome: BuildOutcome,
  work: { readonly written: number; readonly parsed: number; readonly milliseconds: number; readonly stages: Record<BuildProgress["stage"], number> },
): Promise<BuildReport> {
  const made: BuildReport = {
    reportFile: options.reportFile ?? defaultReportFile(options.out),
    ...outcome,
    written: work.written,
    parsed: work.parsed,
    milliseconds: Math.round(work.milliseconds),
    stages: Object.fromEntries(Object.entries(work.stages).map(([k, v]) => [k, Math.round(v)])) as BuildReport["stages"],
  };
  await writeReport(made);
  return made;
}

/**
 * The site's static files: those of `public/`, the files of its `assets/` folder, Lunr and the
 * search page's modules under names that carry their content's hash (see `nameAssets`), the
 * others (such as `_headers`) as they are.
 */
function readAssets(): { readonly files: readonly OutputFile[]; readonly urls: Readonly<Record<string, string>> } {
  const require = createRequire(import.meta.url);
  const publicDir = path.join(PACKAGE_ROOT, "public");
  const read = (file: string, name = path.basename(file)) => ({ name, bytes: readFileSync(file) });
  const listed = listTree(publicDir).sort();
  const singles = [...listed.filter((file) => file.startsWith("assets/")).map((file) => read(path.join(publicDir, file), file.slice("assets/".length))), read(require.resolve("lunr/lunr.min.js"))];
  const modules = SEARCH_CLIENT_MODULES.map((name) => read(path.join(PACKAGE_ROOT, "lib/client", name)));
  const named = nameAssets(singles, { folder: "search", files: modules });
  const plain = listed.filter((file) => !file.startsWith("assets/")).map((file) => ({ path: file, content: readFileSync(path.join(publicDir, file)) }));
  return { files: [...plain, ...named.files], urls: named.urls };
}

/**
 * The cache folder by default: `.clippings/cache` beside the output folder.
 *
 * @param out The output folder.
 */
export function defaultCacheDir(out: string): string {
  return path.join(path.dirname(path.resolve(out)), ".clippings", "cache");
}

/**
 * Where the build report goes by default: `.clippings/report.json` beside the output folder,
 * so it is never published with the site.
 *
 * @param out The output folder.
 */
export function defaultReportFile(out: string): string {
  return path.join(path.dirname(path.resolve(out)), ".clippings", "report.json");
}

async function writeReport(report: BuildReport): Promise<void> {
  const inputs = [
    ...report.published.map((p) => ({ file: p.source, status: "published", url: `/articles/${p.slug}/`, warnings: p.warnings })),
    ...report.skipped.map((s) => ({ file: s.name, status: "skipped", reason: s.reason })),
  ].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const summary = {
    published: report.published.length,
    duplicates: report.duplicates,
    skipped: report.skipped.length,
    topics: report.topics,
    pages: report.pages,
    written: report.written,
    parsed: report.parsed,
    milliseconds: report.milliseconds,
    stages: report.stages,
  };
  await mkdir(path.dirname(report.reportFile), { recursive: true });
  await writeFile(report.reportFile, `${JSON.stringify({ summary, inputs }, null, 2)}\n`);
}

/**
 * Check and normalise a base URL to an absolute http(s) URL ending in `/`.
 *
 * @param value The URL as given.
 * @throws Error when it is not an absolute http(s) URL.
 */
export function normalizeBaseUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`--base-url must be an absolute URL such as https://example.org/archive/ (got "${value}")`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`--base-url must use http or https (got "${value}")`);
  url.search = "";
  url.hash = "";
  if (!url.pathname.endsWith("/")) url.pathname += "/";
  return url.href;
}
