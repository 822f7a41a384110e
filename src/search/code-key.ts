/**
 * A name for the code that makes the search files, part of their fingerprints: a search file
 * left from an earlier build is kept only if the same code made it.
 */
import { codeKey } from "../code-key.js";

/**
 * A hash of the modules that make the search files (this folder's, the browser modules whose
 * formats they share, and the date labels of `render/site-data`) and of the package's
 * dependencies (see `codeKey`).
 */
export function searchCodeKey(): string {
  return codeKey(["search", "client", "render/site-data", "memo"]);
}
