/** A cache file: entries by key, serialised with V8's format, replaced whole on each build. */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";
import { deserialize, serialize } from "node:v8";

/**
 * The entries of a cache file; empty when there is none or it cannot be read (a damaged
 * cache costs recomputing, never a wrong result).
 *
 * @param dir Cache folder.
 * @param name File name in it.
 * @param valid Test every value must pass for the file to be used.
 */
export async function loadStore<Value>(dir: string, name: string, valid: (value: unknown) => boolean): Promise<Map<string, Value>> {
  try {
    const entries = deserialize(await readFile(path.join(dir, name))) as unknown;
    if (!Array.isArray(entries) || !entries.every((e) => Array.isArray(e) && typeof e[0] === "string" && valid(e[1]))) return new Map();
    return new Map(entries as [string, Value][]);
  } catch {
    return new Map();
  }
}

/**
 * Replace a cache file with these entries (those of the current build only, so it never grows
 * past the archive). Written to a temporary file and renamed, so a build stopped midway leaves
 * the old file whole.
 *
 * @param dir Cache folder.
 * @param name File name in it.
 * @param entries Key and value pairs.
 */
export async function saveStore(dir: string, name: string, entries: readonly (readonly [string, unknown])[]): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  const temporary = `${target}.${process.pid}.tmp`;
  await writeFile(temporary, serialize(entries));
  await rename(temporary, target);
}
