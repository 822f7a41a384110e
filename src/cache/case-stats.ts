/** The case statistics of the last build, kept so that a rebuild only adds and takes away what changed (see `updateCaseStats`). */
import { deserialize, serialize } from "node:v8";
import type { CountedCaseStats } from "../topics/case-stats.js";
import { loadStore, saveStore } from "./store.js";

const FILE = "case-stats.v8";
/** The one entry of the file; a new shape gets a new name, so an older one is never read. */
const ENTRY = "counted-1";

/**
 * The case statistics saved by the last build, or null when there are none (or they cannot be read).
 *
 * @param dir Cache folder.
 */
export async function loadCaseStats(dir: string): Promise<CountedCaseStats | null> {
  const stored = (await loadStore(dir, FILE)).get(ENTRY);
  if (stored === undefined) return null;
  try {
    const counted = deserialize(stored) as CountedCaseStats;
    return Array.isArray(counted.keys) && counted.stats.lower instanceof Map && counted.stats.capital instanceof Map ? counted : null;
  } catch {
    return null;
  }
}

/**
 * Replace the saved case statistics.
 *
 * @param dir Cache folder.
 * @param counted The statistics and the keys of the articles they were counted over.
 */
export function saveCaseStats(dir: string, counted: CountedCaseStats): Promise<void> {
  return saveStore(dir, FILE, [[ENTRY, serialize(counted)]]);
}
