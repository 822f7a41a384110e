/**
 * The stages of a build after its input is scanned: read → parse → dedupe → topics → render →
 * search → write. Loaded by `build` only once it knows there is something to do.
 */
import { readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { BuildOptions, BuildProgress } from "./build.js";
import { loadCaseStats, saveCaseStats } from "./cache/case-stats.js";
import { fileListHash, saveLastBuild, type BuildOutcome } from "./cache/last-build.js";
import { loadRecordCache, recordKeys, restoreRecord, saveRecordCache, type BodyFacts, type StoredRecord } from "./cache/records.js";
import { contentHash, loadSiteManifest, MARKER_FILE, saveSiteManifest, type SiteManifest } from "./cache/site-manifest.js";
import { saveKnownFiles } from "./cache/source-stamps.js";
import { loadStore, removeOlderFormats, saveStore } from "./cache/store.js";
import { markDuplicates } from "./dedupe/duplicates.js";
import { removeFurniture } from "./dedupe/furniture.js";
import { assignUniqueSlugs } from "./dedupe/slugs.js";
import { parseFiles } from "./parse/parallel.js";
import { readScanned, type ScannedFile, type ScannedSources, type SkippedFile, type SourceFile } from "./read/sources.js";
import type { ArticleRecord } from "./record.js";
import { nameContent, type ContentNames } from "./render/digest.js";
import { namePageInputs, nameRecords, type RecordNames } from "./render/page-inputs.js";
import { chunkFolder, prepareRender, renderJob, type RenderJob } from "./render/parallel.js";
import { filterFamilies, pageFamilies, planPages, type PlannedPage } from "./render/plan.js";
import { buildSiteData, type SiteData } from "./render/site-data.js";
import { PACKAGE_ROOT } from "./render/templates.js";
import { SEARCH_CLIENT_MODULES } from "./search/build-index.js";
import { BACKGROUND_MIN_ARTICLES, startSearchIndex, type SearchIndexStart } from "./search/parallel.js";
import { collectGarbage } from "./threads.js";
import { combineMentions, type TopicPage } from "./topics/assign.js";
import { updateCaseStats } from "./topics/case-stats.js";
import { MENTIONS_VERSION, mentionKey, restoreEvidence, restoreWords, type MentionContext, type StoredMentions, type TopicEvidence } from "./topics/mentions-batch.js";
import { findMentions } from "./topics/parallel.js";
import type { TopicEntry } from "./topics/vocabulary.js";
import { nameAssets } from "./write/assets.js";
import { applyInPlace, createStaging, dropUnchanged, listTree, swapIntoPlace, writeFiles, type OutputFile } from "./write/output.js";

/** What `build` knows once it has found that there is something to build. */
export interface BuildContext {
  /** The cache folder, or null to build everything from scratch. */
  readonly cacheDir: string | null;
  /** What names this build's input, code and options (see `buildKey`); null when it is not kept. */
  readonly key: string | null;
  /** Archive title and absolute base URL. */
  readonly site: { readonly title: string; readonly url: string };
  /** The templates' key (see `templatesKey`). */
  readonly templates: string;
  /** What the output folder holds, listed meanwhile on another thread (null when unknown). */
  readonly held: Promise<ReadonlySet<string> | null>;
}

/**
 * Build the site of the scanned input into `options.out`, and keep what the next build reuses.
 *
 * @param options The build's options.
 * @param scanned The input folder as scanned, and its vocabulary.
 * @param context Cache folder, build key, site, templates' key and the output folder's listing.
 * @param progress Told how far the build has got.
 * @param lap Ends the stage running (for the report's times).
 * @returns What the report needs: the outcome, files written and files parsed.
 */
export async function buildSite(
  options: BuildOptions,
  scanned: ScannedInput,
  context: BuildContext,
  progress: NonNullable<BuildOptions["onProgress"]>,
  lap: (stage: BuildProgress["stage"]) => void,
): Promise<{ readonly outcome: BuildOutcome; readonly written: number; readonly parsed: number }> {
  const { cacheDir, key, site, templates, held } = context;
  const { archive, search, skipped, parsed, duplicates } = await readAndLink(options.input, scanned, cacheDir, progress, lap);

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
    return { outcome, written: written.written, parsed };
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
export interface ScannedInput {
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
