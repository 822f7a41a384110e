/** The name of the parser's code, apart from the parser, so that naming it does not load it. */
import { codeKey } from "../code-key.js";

/**
 * A name for the parser's code (this folder's modules, what they read and decode files with,
 * and what they make from bodies for finding duplicates; see `codeKey`): part of the cache
 * key of every parsed record, so that records an earlier parser made are parsed again.
 */
export function parserKey(): string {
  return codeKey(["parse", "read", "dedupe", "record", "cache/records"]);
}
