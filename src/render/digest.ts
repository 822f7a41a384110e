/**
 * Digests of view models for page fingerprints. View models share objects: an article's
 * summary appears in every topic page, date page and publisher page that lists it, and in the
 * related articles of other articles. So in an item's long lists, and in the values the caller
 * names as shared, each object is serialised once and stood for by its digest wherever it
 * appears; the rest of the item is serialised whole, which is faster for what is not shared.
 * Values whose content is already known by a key (an article's text, by the key its parse is
 * cached under) are never serialised: their names stand for them.
 */
import { hashOf } from "../hash.js";

/** What stands for each list object met so far (see `standIn`). */
export type DigestMemo = WeakMap<object, string>;

/** Names of values whose content their maker already knows by a key (see {@link nameContent}). */
export type ContentNames = WeakMap<object, string>;

/** Lists of at least this many objects have their objects digested one by one. */
const LONG_LIST = 16;
/** Objects whose JSON text is at most this long stand for themselves. */
const INLINE_LIMIT = 128;

/** How an item is digested besides its own values. */
export interface DigestOptions {
  /**
   * Keys whose values (an object, or a list of objects, however short) are shared with other
   * items and digested object by object too. Which keys are named changes only how fast the
   * digest is made: an object stands for its own JSON text or that text's hash.
   */
  readonly shared?: ReadonlySet<string>;
  /** Text digested first (what the item is, and what it is shown with). */
  readonly prefix?: string;
  /** Values stood for by their names, wherever they appear in the item or its lists. */
  readonly names?: ContentNames;
}

/**
 * A digest of an item (a plain object of JSON-like values): equal for items whose JSON is
 * equal, and different, but for hash collisions, for any other item. Values given names stand
 * for their content by them.
 *
 * @param item The item.
 * @param memo What stands for the list objects met so far, kept between calls so that objects
 *   shared by several items are serialised only once.
 * @param options Shared keys, prefix and named values.
 */
export function digestItem(item: object, memo: DigestMemo, options: DigestOptions = {}): string {
  const { shared = NONE, prefix = "", names = NO_NAMES } = options;
  // One text, hashed at once: each hash update costs more than joining the parts.
  let text = prefix;
  const rest: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    const apart =
      value !== null && typeof value === "object" && (names.has(value) || (Array.isArray(value) ? value.length >= LONG_LIST || shared.has(key) : shared.has(key)));
    if (!apart) {
      rest[key] = value;
      continue;
    }
    text += `${JSON.stringify(key)}:`;
    if (!Array.isArray(value) || names.has(value)) text += standIn(value, memo, names);
    else {
      text += "[";
      for (const element of value) text += `${standIn(element, memo, names)},`;
      text += "]";
    }
  }
  return hashOf("sha1", text + JSON.stringify(rest), "base64url");
}

const NONE: ReadonlySet<string> = new Set();
const NO_NAMES: ContentNames = new WeakMap();

/**
 * Let `value`, wherever it appears in items digested with `names`, be stood for by `name`
 * instead of its JSON text: for values whose content a key already names (a record's parts
 * by the key its parse is cached under), so that they are never serialised. The value, and
 * the objects it lists, are frozen, so that what `name` says of it stays true.
 *
 * @param names Where the names are kept.
 * @param value An object, or a list of values or flat objects, not changed from now on.
 * @param name Names the value's content: equal for equal content, different for any other
 *   (a hash of what the content is made from, and which part of it this is).
 */
export function nameContent(names: ContentNames, value: object, name: string): void {
  if (Array.isArray(value)) for (const element of value as unknown[]) if (element !== null && typeof element === "object") Object.freeze(element);
  Object.freeze(value);
  names.set(value, `#${JSON.stringify(name)}`);
}

/**
 * What stands for a value: its name (`#` and the name as a JSON string), or its JSON text; for
 * an object whose text is long, `#` and that text's digest (which has no quotes).
 */
function standIn(value: unknown, memo: DigestMemo, names: ContentNames): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  let text = names.get(value) ?? memo.get(value);
  if (text === undefined) {
    text = JSON.stringify(value);
    if (text.length > INLINE_LIMIT) text = `#${hashOf("sha1", text, "base64url")}`;
    memo.set(value, text);
  }
  return text;
}
