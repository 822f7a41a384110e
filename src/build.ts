/**
 * Building an archive: its input scanned, a rebuild with nothing to do is told apart and
 * answered at once; otherwise the stages run (read → parse → dedupe → topics → render → search →
 * write; see `build-site.ts`), and the report is written.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { buildKey, forgetLastBuild, holdsLastBuild, loadLastBuild, type BuildOutcome } from "./cache/last-build.js";
import { hasSiteManifest } from "./cache/site-manifest.js";
import { loadKnownFiles, saveKnownFiles } from "./cache/source-stamps.js";
import { packageCodeKey } from "./code-key.js";
import { scanSources, type SkippedFile } from "./read/sources.js";
import { PACKAGE_ROOT, templatesKey } from "./render/templates.js";
import { parseVocabulary } from "./topics/vocabulary.js";
import { listTree } from "./write/output.js";
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
  // The stages' modules are loaded only now: a rebuild with nothing to do never needs them.
  const { buildSite } = await import("./build-site.js");
  const made = await buildSite(options, { sources, scannedAt, vocabulary }, { cacheDir, key, site, templates, held }, progress, lap);
  return report(options, made.outcome, { written: made.written, parsed: made.parsed, milliseconds: performance.now() - started, stages });
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
