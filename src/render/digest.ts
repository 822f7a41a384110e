/**
 * Digests of view models for page fingerprints. View models share objects: an article's
 * summary appears in every topic page, date page and publisher page that lists it, and in the
 * related articles of other articles. So in an item's long lists, and in the values the caller
 * names as shared, each object is serialised once and stood for by its digest wherever it
 * appears; the rest of the item is serialised whole, which is faster for what is not shared.
 */
import { createHash } from "node:crypto";

/** What stands for each list object met so far (see `standIn`). */
export type DigestMemo = WeakMap<object, string>;

/** Lists of at least this many objects have their objects digested one by one. */
const LONG_LIST = 16;
/** Objects whose JSON text is at most this long stand for themselves. */
const INLINE_LIMIT = 128;

/**
 * A digest of an item (a plain object of JSON-like values): equal for items whose JSON is
 * equal, and different, but for hash collisions, for any other item.
 *
 * @param item The item.
 * @param memo What stands for the list objects met so far, kept between calls so that objects
 *   shared by several items are serialised only once.
 * @param shared Keys whose values (an object, or a list of objects, however short) are shared
 *   with other items and digested object by object too. Which keys are named changes only how
 *   fast the digest is made: an object stands for its own JSON text or that text's hash.
 */
export function digestItem(item: object, memo: DigestMemo, shared: ReadonlySet<string> = NONE): string {
  const hash = createHash("sha1");
  const apart = (key: string, value: unknown) => (Array.isArray(value) ? value.length >= LONG_LIST || shared.has(key) : shared.has(key) && value !== null && typeof value === "object");
  if (!Object.entries(item).some(([key, value]) => apart(key, value))) return hash.update(JSON.stringify(item)).digest("base64url");
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (!apart(key, value)) {
      rest[key] = value;
      continue;
    }
    let text = `${JSON.stringify(key)}:`;
    if (!Array.isArray(value)) text += standIn(value, memo);
    else {
      text += "[";
      for (const element of value) text += `${standIn(element, memo)},`;
      text += "]";
    }
    hash.update(text);
  }
  return hash.update(JSON.stringify(rest)).digest("base64url");
}

const NONE: ReadonlySet<string> = new Set();

/** JSON text of a value; for an object whose text is long, `#` and that text's digest. */
function standIn(value: unknown, memo: DigestMemo): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  let text = memo.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (text.length > INLINE_LIMIT) text = `#${createHash("sha1").update(text).digest("base64url")}`;
    memo.set(value, text);
  }
  return text;
}
