/** Loaders for the search engine in tests: index files in memory, or a built site on disk. */
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Loader } from "../../src/client/engine.ts";

/** Queries that break naive search code: query syntax, markup, huge input, odd scripts, object keys. */
export const HOSTILE_QUERIES = ["foo:", "title:Daraa", "~", "-", "*", '"unclosed', "a".repeat(5000), "<img src=x onerror=alert(1)>", "^2 +-~1 body:* \\", "Дамаск 大马士革 دمشق 🇸🇾 ﷽ Z̶̢a̵l̷g̸o̴", "constructor __proto__ toString"];

/**
 * A loader over files built in memory, going through JSON text as a browser would.
 *
 * @param files Index files, as `buildSearchIndex` returns them.
 */
export function memoryLoader(files: readonly { path: string; content: string | Uint8Array }[]): Loader {
  const byPath = new Map(files.map((f) => [f.path, typeof f.content === "string" ? f.content : Buffer.from(f.content).toString("utf8")]));
  return async (file) => (byPath.has(file) ? JSON.parse(byPath.get(file)!) : null);
}

/**
 * A loader over a built site's folder, as the search page fetches it: a missing file is null,
 * any other failure is an error.
 *
 * @param dir The site folder.
 */
export function diskLoader(dir: string): Loader {
  return async (file) => {
    let text: string;
    try {
      text = await readFile(path.join(dir, file), "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return JSON.parse(text);
  };
}
