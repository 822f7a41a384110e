/** The whole pipeline: read → parse → dedupe → topics → render → search → write. */
import { mkdir, readdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { loadRecordCache, recordKey, restoreRecord, saveRecordCache, type StoredRecord } from "./cache/records.js";
import { contentHash, loadSiteManifest, saveSiteManifest } from "./cache/site-manifest.js";
import { loadStore, saveStore } from "./cache/store.js";
import { markDuplicates } from "./dedupe/duplicates.js";
import { removeFurniture } from "./dedupe/furniture.js";
import { assignUniqueSlugs } from "./dedupe/slugs.js";
import { parseFiles } from "./parse/parallel.js";
import { readSources, type SkippedFile, type SourceFile } from "./read/sources.js";
import type { ArticleRecord } from "./record.js";
import { PACKAGE_ROOT, templatesKey } from "./render/eleventy.js";
import { renderInParallel } from "./render/parallel.js";
import { filterFamilies, pageFamilies, planPages } from "./render/plan.js";
import { buildSiteData, type SiteData } from "./render/site-data.js";
import { buildSearchIndex, SEARCH_CLIENT_MODULES } from "./search/build-index.js";
import type { ArticleMentions } from "./topics/article-mentions.js";
import { combineMentions } from "./topics/assign.js";
import { mentionKey, type MentionContext } from "./topics/mentions-batch.js";
import { findMentions } from "./topics/parallel.js";
import { parseVocabulary } from "./topics/vocabulary.js";
import { copyFiles, createStaging, linkFiles, MissingOutputError, swapIntoPlace, writeFiles, type OutputFile } from "./write/output.js";

export { extractRecord } from "./parse/batch.js";

/** Options for {@link build}. */
export interface BuildOptions {
  /** Folder of article files. */
  readonly input: string;
  /** Folder the site is written to (replaced as a whole when the build succeeds). */
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
  /** Milliseconds spent per stage. */
  readonly stages: Readonly<Record<BuildProgress["stage"], number>>;
}

/** Default base URL: the local server `clippings serve` starts. */
export const DEFAULT_BASE_URL = "http://localhost:8080/";

/**
 * Build the archive from `options.input` into `options.out`. A file that cannot be parsed is
 * skipped with its reason; the rest of the archive still builds. With a cache, only changed
 * files are parsed and only pages whose content changed are rendered; the result is the same,
 * byte for byte, as a build from scratch.
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

  progress({ stage: "read", done: 0, total: 1 });
  const sources = await readSources(options.input);
  const vocabulary = sources.vocabulary === null ? [] : parseVocabulary(sources.vocabulary, path.join(options.input, "topics.yml"));
  lap("read");

  const { records, stored, skipped, parsed } = await parseAll(sources.files, sources.vocabulary, cacheDir, progress);
  skipped.push(...sources.skipped);
  lap("parse");

  progress({ stage: "link", done: 0, total: records.length });
  assignUniqueSlugs(records);
  const duplicates = markDuplicates(records).reduce((n, group) => n + group.copies.length, 0);
  removeFurniture(records);
  const canonical = records.filter((r) => r.duplicateOf === undefined);
  const mentions = await cachedMentions(canonical, { key: contentHash(sources.vocabulary ?? ""), vocabulary }, cacheDir, progress);
  const topics = combineMentions(canonical, mentions.list, vocabulary);
  progress({ stage: "link", done: records.length, total: records.length });
  lap("link");

  const data = buildSiteData(records, topics, { title: options.title ?? "Clippings archive", url: baseUrl });
  lap("render");
  progress({ stage: "index", done: 0, total: canonical.length });
  const searchFiles = buildSearchIndex(canonical, topics).files;
  progress({ stage: "index", done: canonical.length, total: canonical.length });
  lap("index");

  let staging = await createStaging(options.out);
  try {
    let site = await renderPages(data, staging, options.out, cacheDir, progress);
    lap("render");
    let write;
    try {
      write = await writeSite(staging, options.out, searchFiles, site, progress);
    } catch (error) {
      // A file the last build wrote has gone from the output: build every page instead.
      if (!(error instanceof MissingOutputError)) throw error;
      await rm(staging, { recursive: true, force: true });
      staging = await createStaging(options.out);
      site = await renderPages(data, staging, options.out, null, progress);
      lap("render");
      write = await writeSite(staging, options.out, searchFiles, site, progress);
    }
    await swapIntoPlace(staging, options.out);
    if (cacheDir !== null) {
      await saveSiteManifest(cacheDir, options.out, { pages: site.plan, files: write.hashes });
      await saveRecordCache(cacheDir, stored);
      await saveStore(cacheDir, MENTIONS_FILE, mentions.entries);
    }
    lap("write");
    const report: BuildReport = {
      reportFile: options.reportFile ?? defaultReportFile(options.out),
      published: records.map((r) => ({ source: r.source, slug: r.slug, warnings: r.warnings })),
      skipped: skipped.sort((a, b) => a.name.localeCompare(b.name)),
      topics: topics.length,
      duplicates,
      pages: site.rendered.length + site.kept.length + searchFiles.length + write.copied,
      written: site.rendered.length + write.written + write.copied,
      parsed,
      milliseconds: Math.round(performance.now() - started),
      stages: Object.fromEntries(Object.entries(stages).map(([k, v]) => [k, Math.round(v)])) as BuildReport["stages"],
    };
    await writeReport(report);
    return report;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
}

/** Parse every file, taking unchanged files' records from the cache. */
async function parseAll(
  files: readonly SourceFile[],
  vocabulary: string | null,
  cacheDir: string | null,
  progress: NonNullable<BuildOptions["onProgress"]>,
): Promise<{ records: ArticleRecord[]; stored: [string, StoredRecord][]; skipped: SkippedFile[]; parsed: number }> {
  const cache = cacheDir === null ? new Map<string, StoredRecord>() : await loadRecordCache(cacheDir);
  const keys = files.map((file) => recordKey(file, vocabulary));
  const missing = files.filter((_, i) => !cache.has(keys[i]!));
  const cached = files.length - missing.length;
  progress({ stage: "parse", done: cached, total: files.length });
  const outcomes = await parseFiles(missing, (done) => progress({ stage: "parse", done: cached + done, total: files.length }));
  const fresh = new Map(missing.map((file, i) => [file.name, outcomes[i]!]));
  const records: ArticleRecord[] = [];
  const stored: [string, StoredRecord][] = [];
  const skipped: SkippedFile[] = [];
  files.forEach((file, i) => {
    const outcome = cache.get(keys[i]!) ?? fresh.get(file.name)!;
    if ("error" in outcome) {
      skipped.push({ name: file.name, reason: `could not be parsed: ${outcome.error}` });
      return;
    }
    records.push(restoreRecord(outcome));
    stored.push([keys[i]!, outcome]);
  });
  return { records, stored, skipped, parsed: missing.length };
}

const MENTIONS_FILE = "mentions.v8";

/** Each article's topic mentions, found anew only for articles whose text or vocabulary changed. */
async function cachedMentions(
  articles: readonly ArticleRecord[],
  context: MentionContext,
  cacheDir: string | null,
  progress: NonNullable<BuildOptions["onProgress"]>,
): Promise<{ list: ArticleMentions[]; entries: [string, ArticleMentions][] }> {
  const cache = cacheDir === null ? new Map<string, ArticleMentions>() : await loadStore<ArticleMentions>(cacheDir, MENTIONS_FILE, (v) => typeof v === "object" && v !== null);
  const keys = articles.map((a) => mentionKey(a, context.key));
  const missing = articles.filter((_, i) => !cache.has(keys[i]!));
  const found = await findMentions(missing, context, (done) => progress({ stage: "link", done, total: missing.length }));
  let next = 0;
  const list = keys.map((key) => cache.get(key) ?? found[next++]!);
  return { list, entries: keys.map((key, i) => [key, list[i]!]) };
}

/** What the render stage did. */
interface RenderedSite {
  readonly plan: ReturnType<typeof planPages>;
  /** Files Eleventy wrote in this build. */
  readonly rendered: readonly string[];
  /** Files of unchanged pages, to keep from the previous site. */
  readonly kept: readonly string[];
  /** The previous build's other generated files, with their hashes (empty when nothing is reused). */
  readonly previousFiles: ReadonlyMap<string, string>;
}

/**
 * Render the pages whose fingerprint changed since the build that made `out` (all of them
 * when there is no usable manifest).
 */
async function renderPages(
  data: SiteData,
  staging: string,
  out: string,
  cacheDir: string | null,
  progress: NonNullable<BuildOptions["onProgress"]>,
): Promise<RenderedSite> {
  const families = pageFamilies(data);
  const plan = planPages(families, `${await templatesKey()}\0${JSON.stringify(data.site)}\0${data.base}`);
  const previous = cacheDir === null ? null : await loadSiteManifest(cacheDir, out);
  const kept = new Set<string>();
  if (previous) for (const [url, page] of plan) if (previous.pages.get(url)?.fingerprint === page.fingerprint) kept.add(url);
  progress({ stage: "render", done: kept.size, total: plan.size });
  const rendered = await renderInParallel(data, filterFamilies(families, (url) => !kept.has(url)), staging);
  progress({ stage: "render", done: plan.size, total: plan.size });
  return { plan, rendered, kept: [...kept].map((url) => plan.get(url)!.file), previousFiles: previous?.files ?? new Map() };
}

/**
 * Put the search files and assets beside the rendered pages, and link in what the previous
 * site already holds unchanged. Linking comes last, so nothing written here touches a file
 * the previous site shares.
 */
async function writeSite(
  staging: string,
  out: string,
  searchFiles: readonly OutputFile[],
  site: RenderedSite,
  progress: NonNullable<BuildOptions["onProgress"]>,
): Promise<{ hashes: Map<string, string>; written: number; copied: number }> {
  const hashes = new Map(searchFiles.map((f) => [f.path, contentHash(f.content)]));
  const unchanged = searchFiles.filter((f) => site.previousFiles.get(f.path) === hashes.get(f.path));
  const changed = searchFiles.filter((f) => site.previousFiles.get(f.path) !== hashes.get(f.path));
  const total = searchFiles.length + site.kept.length;
  progress({ stage: "write", done: 0, total });
  writeFiles(staging, changed);
  const require = createRequire(import.meta.url);
  const publicDir = path.join(PACKAGE_ROOT, "public");
  const assets = [
    ...(await readdir(publicDir, { recursive: true, withFileTypes: true }))
      .filter((e) => e.isFile())
      .map((e) => [path.join(e.parentPath, e.name), path.relative(publicDir, path.join(e.parentPath, e.name)).split(path.sep).join("/")] as const),
    [require.resolve("lunr/lunr.min.js"), "assets/lunr.min.js"] as const,
    ...SEARCH_CLIENT_MODULES.map((name) => [path.join(PACKAGE_ROOT, "lib/client", name), `assets/${name}`] as const),
  ];
  await copyFiles(staging, assets);
  linkFiles(out, staging, [...site.kept, ...unchanged.map((f) => f.path)]);
  progress({ stage: "write", done: total, total });
  return { hashes, written: changed.length, copied: assets.length };
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
