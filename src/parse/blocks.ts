/** Typing body lines: captions, subheadings, list items, paragraphs; datelines and sections. */
import type { Block } from "../record.js";

const CAPTION =
  /(\((?:[\w .\/-]{0,40}\b)?(?:photo|image|picture|file|video)s?(?: credit)?[\w .,©\/:-]{0,60}\)\s*$)|(\s©\s*[A-Za-z][A-Za-z .&\/-]{1,60}$)|(^(?:photo|image|picture|file photo|caption|pictured|above)\s*[:|—–-])|(^(?:photo|image) (?:copyright|credit)\b)|(^in (?:this|the) (?:file |undated |handout )?(?:photo|image|picture|video|still)\b)/iu;
/** One to four capitalised words, as a photographer's or an outlet's name is written. */
const CAPITALISED = String.raw`\p{Lu}[\p{L}.'’&-]*(?:\s+\p{Lu}[\p{L}.'’&-]*){0,3}`;
/** Photo agencies whose credit closes a caption. */
const PHOTO_AGENCY = String.raw`(?:AP|AFP|Reuters|EPA|Getty(?: Images)?|Bloomberg|Sipa|Anadolu|Agence France-Presse|Associated Press|Shutterstock|Xinhua)`;
/** A photographer's credit, with the outlets between them and the agency: "Fethi Belaid/AFP/Getty Images", "Natalie Naccache | Bloomberg | Getty Images". */
const CREDIT = String.raw`${CAPITALISED}(?:\s*[\/|—–-]\s*${CAPITALISED}){0,2}\s*[\/|—–-]\s*${PHOTO_AGENCY}(?:\s+(?:file|via Getty Images))?`;
/** "Photo", "Image", "Picture" (or "Photograph"), as a credit names what it credits. */
const PICTURE = "(?:[Pp]hoto(?:graph)?|[Ii]mage|[Pp]icture)s?";
/** A photographer's credit as a line of its own ("Photo by Kirk Irwin/Getty Images"). */
const CREDIT_ALONE = String.raw`^(?:${PICTURE}\s*(?:by|:)\s*)?${CREDIT}$`;
/**
 * A credit standing alone ("Photo by Kirk Irwin/Getty Images") or after a caption's last
 * sentence, run into it or not ("…in Seoul on Thursday.Anthony Wallace / AFP - Getty Images",
 * "… Photograph: AFP via Getty Images").
 */
const CREDITED = new RegExp(String.raw`${CREDIT_ALONE}|[.!?]\s*${CREDIT}$|[.!?’”]\s+Photograph:\s[^.]{2,80}$`, "u");
/**
 * A line that is nothing but a photo's credit ("(Image: © NASA/ESA)", "(Image credit: All About
 * Space)", "Photo: Getty Images", "Natalie Naccache | Bloomberg | Getty Images"): the line
 * above it is the photo's caption.
 */
const BARE_CREDIT = new RegExp(
  String.raw`^\(${PICTURE}(?: credit)?\s*:\s*[^()]{1,80}\)$|^(?:[Pp]hoto|[Ii]mage|[Pp]icture)(?: [Cc]redit)?:\s*[^.!?,]{1,40}$|${CREDIT_ALONE}`,
  "u",
);
/** A caption's credit in brackets at its end: "… [File: Reuters]", "… [Omar Sobhani/Reuters]". */
const BRACKETED_CREDIT = new RegExp(String.raw`\[(?:(?:[Ff]ile|${PICTURE})(?: photo)?\s*:\s*[^\]]{1,60}|${CREDIT})\]$`, "u");
/** Most words of a caption. */
const CAPTION_MAX_WORDS = 60;
/** A list item's marker: a bullet, or a number (captured) with its full stop or bracket. */
const LIST_ITEM = /^\s*(?:[-*•·▪►]|(\d{1,2})[.)])\s+(?=\S)/;
const TERMINAL = /[.!?:;,"”’)\]…]$/;
const DATELINE = /^((?:\p{Lu}[\p{Lu}'’.-]*)(?:\s+\p{Lu}[\p{Lu}'’.-]*){0,3})(?:,\s*[\p{L}. ]{2,30})?(?:\s*\([\w ]{2,20}\))?\s*[—–-]{1,2}\s+\S/u;

/**
 * The number of a numbered list item ("6) Ghostbusters Collection", "7. Indiana Jones").
 *
 * @param line One line.
 * @returns Its number, or null when it is not a numbered item.
 */
export function itemNumber(line: string): number | null {
  const item = LIST_ITEM.exec(line);
  return item?.[1] === undefined ? null : Number(item[1]);
}

/**
 * Type one body line.
 *
 * @param line The line.
 * @param prev Previous body line, if any.
 * @param next Next body line, if any.
 * @returns The block.
 */
export function typeLine(line: string, prev: string | undefined, next: string | undefined): Block {
  const words = line.split(/\s+/).length;
  if (words <= CAPTION_MAX_WORDS && (CAPTION.test(line) || CREDITED.test(line) || BRACKETED_CREDIT.test(line))) return { type: "caption", text: line };
  if (next !== undefined && words <= CAPTION_MAX_WORDS && !line.endsWith(":") && BARE_CREDIT.test(next)) return { type: "caption", text: line };
  const item = LIST_ITEM.exec(line);
  if (item) {
    const text = line.slice(item[0].length);
    return item[1] === undefined ? { type: "list-item", text } : { type: "list-item", text, number: Number(item[1]) };
  }
  if (/^>\s*/.test(line)) return { type: "quote", text: line.replace(/^>\s*/, "") };
  if (isSubheading(line, prev, next)) return { type: "heading", text: line };
  return { type: "paragraph", text: line };
}

function isSubheading(line: string, prev: string | undefined, next: string | undefined): boolean {
  if (prev === undefined || next === undefined) return false;
  const words = line.split(/\s+/).length;
  if (words > 10 || line.length > 80 || TERMINAL.test(line) || !/^\p{Lu}/u.test(line)) return false;
  return prev.split(/\s+/).length >= 12 && next.split(/\s+/).length >= 12;
}

/**
 * The dateline opening a paragraph ("BEIRUT — …"), or null.
 *
 * @param paragraph First body paragraph.
 */
export function findDateline(paragraph: string): string | null {
  const m = DATELINE.exec(paragraph);
  if (!m) return null;
  const place = m[1]!;
  return place.length >= 3 && place === place.toUpperCase() ? place : null;
}

/**
 * Whether a trailing line names the article's section ("Middle East").
 *
 * @param line The last line of the page.
 */
export function isSectionLine(line: string): boolean {
  const words = line.split(/\s+/);
  return words.length <= 4 && line.length <= 40 && !TERMINAL.test(line) && words.every((w) => /^[\p{Lu}&]/u.test(w));
}
