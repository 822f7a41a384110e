/**
 * A name for the code that makes the search files, part of their fingerprints: a search file
 * left from an earlier build is kept only if the same code made it.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let key: string | null = null;

/**
 * A hash of the modules that make the search files (this folder's, the browser modules whose
 * formats they share, and the date labels of `render/site-data`) and of `package.json`.
 * Read once per thread.
 */
export function searchCodeKey(): string {
  if (key !== null) return key;
  const here = path.dirname(fileURLToPath(import.meta.url));
  const extension = path.extname(fileURLToPath(import.meta.url));
  const moduleFiles = (folder: string) =>
    readdirSync(folder)
      .filter((name) => name.endsWith(extension))
      .sort()
      .map((name) => path.join(folder, name));
  const files = [
    ...moduleFiles(here),
    ...moduleFiles(path.join(here, "../client")),
    path.join(here, `../render/site-data${extension}`),
    path.join(here, "../../package.json"),
  ];
  const hash = createHash("sha1");
  for (const file of files) hash.update(`${path.basename(file)}\0`).update(readFileSync(file)).update("\0");
  key = hash.digest("base64url");
  return key;
}
