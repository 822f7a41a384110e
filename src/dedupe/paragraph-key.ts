/** Comparing paragraphs the way readers see them: case, punctuation, symbols and spacing ignored. */
import { hashOf } from "../hash.js";

const SEPARATOR = /[\p{P}\p{S}\s]/u;
/** Separators of the Basic Multilingual Plane, filled on first use: 0 unknown, 1 separator, 2 not. */
const known = new Uint8Array(0x10000);

function isSeparator(code: number): boolean {
  if (code > 0xffff) return SEPARATOR.test(String.fromCodePoint(code));
  if (known[code] === 0) known[code] = SEPARATOR.test(String.fromCharCode(code)) ? 1 : 2;
  return known[code] === 1;
}

/**
 * A paragraph's comparison key, the same text as `foldLine` gives (lower case, every run of
 * punctuation, symbols and white space made one space, ends trimmed), found by one scan with a
 * table of characters instead of Unicode-class regular expressions.
 *
 * @param text One paragraph.
 * @returns Its key ("" when nothing but punctuation and spaces).
 */
export function paragraphKey(text: string): string {
  const lower = text.toLowerCase();
  if (buffer.length < lower.length) buffer = new Uint16Array(lower.length * 2);
  let length = 0;
  let gap = false;
  for (let i = 0; i < lower.length; ) {
    let code = lower.charCodeAt(i);
    let width = 1;
    if (code >= 0xd800) {
      code = lower.codePointAt(i)!;
      width = code > 0xffff ? 2 : 1;
    }
    if (code < 0x10000 && known[code] === 2 ? false : isSeparator(code)) gap = length > 0;
    else {
      if (gap) buffer[length++] = 0x20;
      gap = false;
      for (let k = 0; k < width; k++) buffer[length++] = lower.charCodeAt(i + k);
    }
    i += width;
  }
  return utf16.decode(buffer.subarray(0, length));
}

/** The key being built, reused from one paragraph to the next. */
let buffer = new Uint16Array(1024);
const utf16 = new TextDecoder("utf-16le");

/**
 * A 52-bit hash of each block's {@link paragraphKey} (the first 52 bits of its SHA-1), 0 for a
 * block whose key is empty: what the furniture stage compares, made when a record is parsed.
 * Two different keys share a hash with odds of about one in 4.5 × 10¹⁵ per pair.
 *
 * @param body The record's body as parsed.
 * @returns One hash per block, in order.
 */
export function paragraphHashes(body: readonly { readonly text: string }[]): Float64Array {
  return keyHashes(body.map((block) => paragraphKey(block.text)));
}

/**
 * The hashes {@link paragraphHashes} makes, of the blocks' keys when they are already made.
 *
 * @param keys Each block's {@link paragraphKey}, in order.
 * @returns One hash per block, in order.
 */
export function keyHashes(keys: readonly string[]): Float64Array {
  const hashes = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    if (key === "") return;
    const digest = hashOf("sha1", key, "buffer");
    hashes[i] = digest.readUIntBE(0, 6) * 16 + (digest[6]! >> 4) || 1;
  });
  return hashes;
}
