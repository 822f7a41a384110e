/** Reading the input folder: which files are articles, their bytes and sidecars, and what is skipped. */
import { readFileSync } from "node:fs";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { readArticle, sidecarOf, sourceDigest, type ArticleToScan } from "./article-file.js";
import { PARALLEL_READ_THRESHOLD, scanArticles } from "./parallel.js";

/** One article file as read from disk. */
export interface SourceFile {
  /** Path relative to the input folder, with forward slashes. */
  readonly name: string;
  readonly bytes: Uint8Array;
  /** Text of `<name-without-ext>.meta.yml` beside it, if any. */
  readonly sidecar: string | null;
}

/** An input file that will not be published, and why. */
export interface SkippedFile {
  readonly name: string;
  readonly reason: string;
}

/** Options for {@link readSources} and {@link scanSources}. */
export interface ReadOptions {
  /** Files larger than this many bytes are skipped. */
  readonly maxBytes?: number;
  /**
   * Fewest files not known from the last build that are read on worker threads (default
   * `PARALLEL_READ_THRESHOLD`).
   */
  readonly parallelFrom?: number;
}

/** Everything found in the input folder. */
export interface Sources {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
  /** Text of the topic vocabulary (`topics.yml`), if present. */
  readonly vocabulary: string | null;
}

/**
 * What an article file and its sidecar were when last read: size, modification and change
 * times (nanoseconds) and inode of each. A file whose stamp is the same has not been written
 * since, so its digest still holds.
 */
export type FileStamp = string;

/** A file's digest as recorded at a stamp. */
export interface KnownFile {
  readonly stamp: FileStamp;
  readonly digest: string;
}

/** An article file found by {@link scanSources}. */
export interface ScannedFile {
  readonly name: string;
  /** Hash of the file's bytes and its sidecar's text (see {@link sourceDigest}). */
  readonly digest: string;
  readonly stamp: FileStamp;
  /** The file as read, or null when its stamp matched the one known and it was not read again. */
  readonly file: SourceFile | null;
  /** Modification time of the file or its sidecar, whichever is later (milliseconds). */
  readonly modified: number;
}

/** Everything {@link scanSources} found in the input folder. */
export interface ScannedSources {
  readonly files: ScannedFile[];
  readonly skipped: SkippedFile[];
  readonly vocabulary: string | null;
}

const ARTICLE_EXTENSIONS = new Set([".txt", ".md", ".markdown"]);
const VOCABULARY_NAMES = new Set(["topics.yml", "topics.yaml"]);
const SIDECAR = /\.meta\.ya?ml$/i;
const IGNORED = /(^|\/)(\.|README(\.[a-z]+)?$|LICENSE|NOTICE)/i;

/**
 * List and read every article file below `dir`, in a stable (sorted) order.
 *
 * @param dir The input folder.
 * @param options Limits.
 * @returns Article files, skipped files with reasons, and the vocabulary text.
 */
export async function readSources(dir: string, options: ReadOptions = {}): Promise<Sources> {
  const scanned = await scanSources(dir, new Map(), options);
  return { files: scanned.files.map((f) => f.file!), skipped: scanned.skipped, vocabulary: scanned.vocabulary };
}

/**
 * List every article file below `dir`, in a stable (sorted) order, and read those whose stamp
 * differs from the one in `known` (all of them when it is empty): a rebuild reads only what
 * changed since the files were last read. When many files are not known (a first build), they
 * are read on several threads at once (see `scanArticles`).
 *
 * @param dir The input folder.
 * @param known Stamp and digest of files as last read, by name.
 * @param options Limits, and when to read on worker threads.
 * @returns Article files, skipped files with reasons, and the vocabulary text.
 */
export async function scanSources(dir: string, known: ReadonlyMap<string, KnownFile>, options: ReadOptions = {}): Promise<ScannedSources> {
  const names = (await listFiles(dir)).sort();
  const nameSet = new Set(names);
  const articles: ArticleToScan[] = [];
  // Per name, in order: what it is, or its place among the article files to scan.
  const listed = names.map((name) => {
    const found = classify(dir, name, nameSet, known);
    return found !== null && "sidecar" in found ? articles.push(found) - 1 : found;
  });
  const scanned = await scanArticles(articles, { dir, maxBytes: options.maxBytes ?? 10 * 1024 * 1024 }, options.parallelFrom ?? PARALLEL_READ_THRESHOLD);
  const files: ScannedFile[] = [];
  const skipped: SkippedFile[] = [];
  let vocabulary: string | null = null;
  for (const found of listed) {
    const outcome = typeof found === "number" ? scanned[found]! : found;
    if (outcome === null) continue;
    if ("vocabulary" in outcome) vocabulary = outcome.vocabulary;
    else if ("reason" in outcome) skipped.push(outcome);
    else files.push(outcome);
  }
  return { files, skipped, vocabulary };
}

/**
 * Read one article file listed by {@link scanSources} whose bytes were not read, and check its
 * digest is still the one scanned (it may have been written since).
 *
 * @param dir The input folder.
 * @param scanned The listed file.
 * @returns The file, or a skip with its reason.
 */
export function readScanned(dir: string, scanned: ScannedFile): SourceFile | SkippedFile {
  const outcome = readArticle(dir, scanned.name, !scanned.stamp.endsWith("|-"));
  if ("reason" in outcome) return outcome;
  if (sourceDigest(outcome.file) !== scanned.digest) return { name: scanned.name, reason: "changed while the archive was being built; build again" };
  return outcome.file;
}

/**
 * What one listed file is: an article file to scan, the vocabulary (read now), a skip, or
 * nothing to read.
 */
function classify(dir: string, name: string, nameSet: ReadonlySet<string>, known: ReadonlyMap<string, KnownFile>): ArticleToScan | SkippedFile | { vocabulary: string } | null {
  if (VOCABULARY_NAMES.has(name)) return { vocabulary: readFileSync(path.join(dir, name), "utf8") };
  if (SIDECAR.test(name)) {
    const base = name.replace(SIDECAR, "");
    if (![...ARTICLE_EXTENSIONS].some((ext) => nameSet.has(base + ext))) return { name, reason: "sidecar without an article file beside it" };
    return null;
  }
  if (IGNORED.test(name)) return null;
  const ext = path.extname(name).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(ext)) return { name, reason: `unsupported file type "${ext || "(none)"}"` };
  const sidecar = nameSet.has(sidecarOf(name));
  const previous = known.get(name);
  return previous === undefined ? { name, sidecar } : { name, sidecar, known: previous };
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  const entries = await readdir(path.join(dir, prefix), { withFileTypes: true });
  const out: string[] = [];
  for (const entry of entries) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (!entry.name.startsWith(".") && entry.name !== "node_modules") out.push(...(await listFiles(dir, rel)));
    } else if (entry.isFile()) {
      out.push(rel);
    }
  }
  return out;
}
