/** The whole pipeline: read → parse → dedupe → topics → render → search → write. */
import { mkdir, rm, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { markDuplicates } from "./dedupe/duplicates.js";
import { removeFurniture } from "./dedupe/furniture.js";
import { dedupeParagraphs } from "./dedupe/paragraphs.js";
import { assignUniqueSlugs } from "./dedupe/slugs.js";
import { parseSource } from "./parse/index.js";
import { readSources, type SkippedFile, type SourceFile } from "./read/sources.js";
import type { ArticleRecord } from "./record.js";
import { PACKAGE_ROOT, renderSite } from "./render/eleventy.js";
import { buildSiteData } from "./render/site-data.js";
import { buildSearchIndex, SEARCH_CLIENT_MODULES } from "./search/build-index.js";
import { assignTopics } from "./topics/assign.js";
import { parseVocabulary } from "./topics/vocabulary.js";
import { copyFiles, createStaging, swapIntoPlace, writeFiles } from "./write/output.js";

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
  readonly pages: number;
  readonly milliseconds: number;
}

/** Default base URL: the local server `clippings serve` starts. */
export const DEFAULT_BASE_URL = "http://localhost:8080/";

/**
 * Parse one file into a cleaned record: the per-article part of the pipeline, as used by
 * `clippings parse` and by the build.
 *
 * @param file Source file.
 * @returns The record, repeated paragraphs removed.
 */
export function extractRecord(file: SourceFile): ArticleRecord {
  return dedupeParagraphs(parseSource(file));
}

/**
 * Build the archive from `options.input` into `options.out`. A file that cannot be parsed is
 * skipped with its reason; the rest of the archive still builds.
 *
 * @param options Input, output and URL.
 * @returns The build report.
 * @throws Error for configuration problems (missing input folder, bad base URL, bad vocabulary).
 */
export async function build(options: BuildOptions): Promise<BuildReport> {
  const started = performance.now();
  const baseUrl = normalizeBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
  const sources = await readSources(options.input);
  const skipped: SkippedFile[] = [...sources.skipped];
  const records: ArticleRecord[] = [];
  for (const file of sources.files) {
    try {
      records.push(extractRecord(file));
    } catch (error) {
      skipped.push({ name: file.name, reason: `could not be parsed: ${(error as Error).message}` });
    }
  }
  assignUniqueSlugs(records);
  const duplicates = markDuplicates(records).reduce((n, group) => n + group.copies.length, 0);
  removeFurniture(records);
  const canonical = records.filter((r) => r.duplicateOf === undefined);
  const vocabulary = sources.vocabulary === null ? [] : parseVocabulary(sources.vocabulary, path.join(options.input, "topics.yml"));
  const topics = assignTopics(canonical, vocabulary);

  const staging = await createStaging(options.out);
  try {
    const data = buildSiteData(records, topics, { title: options.title ?? "Clippings archive", url: baseUrl });
    const pages = await renderSite(data, { outDir: staging, pathPrefix: new URL(baseUrl).pathname });
    await writeFiles(staging, buildSearchIndex(canonical, topics).files);
    const require = createRequire(import.meta.url);
    await copyFiles(staging, [
      [require.resolve("lunr/lunr.min.js"), "assets/lunr.min.js"],
      ...SEARCH_CLIENT_MODULES.map((name) => [path.join(PACKAGE_ROOT, "lib/client", name), `assets/${name}`] as const),
    ]);
    await swapIntoPlace(staging, options.out);
    const report: BuildReport = {
      reportFile: options.reportFile ?? defaultReportFile(options.out),
      published: records.map((r) => ({ source: r.source, slug: r.slug, warnings: r.warnings })),
      skipped: skipped.sort((a, b) => a.name.localeCompare(b.name)),
      topics: topics.length,
      duplicates,
      pages,
      milliseconds: Math.round(performance.now() - started),
    };
    await writeReport(report);
    return report;
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
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
  const summary = { published: report.published.length, skipped: report.skipped.length, topics: report.topics, pages: report.pages };
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
