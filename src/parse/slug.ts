/** URL slugs for articles and topics. */
import { createHash } from "node:crypto";
import slugify from "@sindresorhus/slugify";

/** Longest slug, in characters. */
export const MAX_SLUG_LENGTH = 80;

/**
 * A readable ASCII slug for `text`, at most {@link MAX_SLUG_LENGTH} characters, cut at a word.
 * Text with nothing transliterable gets a stable hashed slug built from `fallbackSeed`.
 *
 * @param text Title or name.
 * @param fallbackSeed Stable text to hash when `text` yields no slug (e.g. the file name).
 */
export function makeSlug(text: string, fallbackSeed: string = text): string {
  let slug = slugify(text, { decamelize: false });
  if (slug.length > MAX_SLUG_LENGTH) {
    slug = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const cut = slug.lastIndexOf("-");
    slug = cut > 20 ? slug.slice(0, cut) : slug.slice(0, MAX_SLUG_LENGTH);
    slug = slug.replace(/-+$/, "");
  }
  if (!/[a-z0-9]/.test(slug)) slug = "";
  return slug || `item-${createHash("sha256").update(fallbackSeed).digest("hex").slice(0, 10)}`;
}
