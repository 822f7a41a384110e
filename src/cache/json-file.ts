/** Small JSON cache files, replaced whole: written to a temporary file and renamed into place. */
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import path from "node:path";

/**
 * The value a JSON file holds, or null when it is missing or not JSON (a damaged cache costs
 * recomputing, never a failed build).
 *
 * @param file The file.
 */
export async function readJsonFile(file: string): Promise<unknown> {
  try {
    return JSON.parse(await readFile(file, "utf8")) as unknown;
  } catch {
    return null;
  }
}

/**
 * Replace a JSON file with `value`, creating its folder. A build stopped midway leaves the old
 * file whole.
 *
 * @param file The file.
 * @param value What to write.
 */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, JSON.stringify(value));
  await rename(temporary, file);
}
