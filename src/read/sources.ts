/** Reading the input folder: which files are articles, their bytes and sidecars, and what is skipped. */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";

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

/** Options for {@link readSources}. */
export interface ReadOptions {
  /** Files larger than this many bytes are skipped. */
  readonly maxBytes?: number;
}

/** Everything found in the input folder. */
export interface Sources {
  readonly files: SourceFile[];
  readonly skipped: SkippedFile[];
  /** Text of the topic vocabulary (`topics.yml`), if present. */
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
  const maxBytes = options.maxBytes ?? 10 * 1024 * 1024;
  const names = (await listFiles(dir)).sort();
  const nameSet = new Set(names);
  const files: SourceFile[] = [];
  const skipped: SkippedFile[] = [];
  let vocabulary: string | null = null;
  // Files are read a few at a time, and their outcomes kept in name order.
  const outcomes = await pMap(names, (name) => readOne(dir, name, nameSet, maxBytes), { concurrency: 16 });
  for (const outcome of outcomes) {
    if (outcome === null) continue;
    if ("vocabulary" in outcome) vocabulary = outcome.vocabulary;
    else if ("reason" in outcome) skipped.push(outcome);
    else files.push(outcome);
  }
  return { files, skipped, vocabulary };
}

/** Reason a file's bytes cannot be an article (empty, binary), or null when they can. */
/** What one listed file turns out to be: an article, the vocabulary, a skip, or nothing to read. */
async function readOne(
  dir: string,
  name: string,
  nameSet: ReadonlySet<string>,
  maxBytes: number,
): Promise<SourceFile | SkippedFile | { vocabulary: string } | null> {
  const full = path.join(dir, name);
  if (VOCABULARY_NAMES.has(name)) return { vocabulary: await readFile(full, "utf8") };
  if (SIDECAR.test(name)) {
    const base = name.replace(SIDECAR, "");
    if (![...ARTICLE_EXTENSIONS].some((ext) => nameSet.has(base + ext))) return { name, reason: "sidecar without an article file beside it" };
    return null;
  }
  if (IGNORED.test(name)) return null;
  const ext = path.extname(name).toLowerCase();
  if (!ARTICLE_EXTENSIONS.has(ext)) return { name, reason: `unsupported file type "${ext || "(none)"}"` };
  try {
    const info = await stat(full);
    if (info.size > maxBytes) return { name, reason: `larger than the ${maxBytes}-byte limit (${info.size} bytes)` };
    const bytes = new Uint8Array(await readFile(full));
    const skip = whyUnusable(bytes);
    if (skip) return { name, reason: skip };
    const sidecarName = name.slice(0, -ext.length) + ".meta.yml";
    const sidecar = nameSet.has(sidecarName) ? await readFile(path.join(dir, sidecarName), "utf8") : null;
    return { name, bytes, sidecar };
  } catch (error) {
    return { name, reason: `unreadable: ${(error as Error).message}` };
  }
}

function whyUnusable(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return "empty file";
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  if (!utf16 && bytes.subarray(0, 8192).includes(0)) return "binary file (contains NUL bytes)";
  const text = utf16 ? new TextDecoder(bytes[0] === 0xff ? "utf-16le" : "utf-16be").decode(bytes.subarray(2)) : null;
  if (text !== null ? text.trim() === "" : isBlank(bytes)) return "empty file (only white space)";
  return null;
}

/** Whether bytes hold nothing but ASCII white space (and maybe a UTF-8 byte-order mark). */
function isBlank(bytes: Uint8Array): boolean {
  const start = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  for (let i = start; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b !== 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d && b !== 0x0b && b !== 0x0c) return false;
  }
  return true;
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
