/**
 * What the input files were when last read: each article file's stamp (sizes, times, inode)
 * and content digest. A rebuild reads again only the files whose stamp changed; the others'
 * digests, and so their cached records, still hold.
 */
import path from "node:path";
import type { KnownFile, ScannedFile } from "../read/sources.js";
import { readJsonFile, writeJsonFile } from "./json-file.js";

const FILE = "sources.json";
/**
 * A file modified this close (milliseconds) to when its stamp is saved is not remembered: a
 * write within the same tick of a coarse file-system clock would leave its stamp unchanged.
 */
const SETTLE_MS = 2000;

interface Stored {
  readonly version: 1;
  /** Name, stamp and digest of each file. */
  readonly files: [string, string, string][];
}

/**
 * Stamps and digests from the last build, by file name; empty when there are none or the file
 * cannot be read (every file is then read again).
 *
 * @param dir Cache folder.
 */
export async function loadKnownFiles(dir: string): Promise<Map<string, KnownFile>> {
  const stored = (await readJsonFile(path.join(dir, FILE))) as Stored | null;
  if (stored?.version !== 1 || !Array.isArray(stored.files)) return new Map();
  return new Map(stored.files.map(([name, stamp, digest]) => [name, { stamp, digest }]));
}

/**
 * Replace the stamps with those of this build's files, leaving out files modified in the last
 * moments (they are read again next time).
 *
 * @param dir Cache folder.
 * @param files The files scanned in this build.
 * @param now When the files were scanned (milliseconds since the epoch).
 */
export async function saveKnownFiles(dir: string, files: readonly ScannedFile[], now: number): Promise<void> {
  const stored: Stored = {
    version: 1,
    files: files.filter((f) => f.modified < now - SETTLE_MS).map((f) => [f.name, f.stamp, f.digest]),
  };
  await writeJsonFile(path.join(dir, FILE), stored);
}
