/** Comparing a headline candidate with the opening of the article body that follows it. */
import type { HeadlineContext } from "./headline.js";
import { STOPWORDS } from "./stopwords.js";

/** Words of the body's opening taken to compare a candidate with. */
const LEAD_WORDS = 120;
/** Content words a candidate needs for the lead weight: one to three shared words are weak evidence. */
export const LEAD_FULL_WORDS = 4;
/** A word of a line, for comparing a headline with the body. */
const LEAD_TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Content words (no function words, at least three characters) of a line, lower-cased.
 *
 * @param line Any text.
 */
export function contentWords(line: string): string[] {
  return (line.toLowerCase().match(LEAD_TOKEN) ?? []).filter((w) => w.length >= 3 && !STOPWORDS.has(w));
}

/**
 * The first prose lines from line `at` on, lower-cased, as one string with a space before each
 * word; lines that only repeat words of `line` (another print of it) are left out.
 *
 * @param ctx The page's lines and what is known of them.
 * @param at First line to take.
 * @param line The candidate the opening is for.
 */
export function leadText(ctx: HeadlineContext, at: number, line: string): string {
  const own = new Set(contentWords(line));
  let text = "";
  let taken = 0;
  for (let k = at; k < ctx.lines.length && taken < LEAD_WORDS; k++) {
    if (!ctx.prose(k) || repeatsWords(ctx.lines[k]!, own)) continue;
    text += ` ${ctx.lines[k]!.toLowerCase()}`;
    taken += ctx.words(k);
  }
  return text;
}

/** Whether a line's content words (at most 30 of them) are all in `own`. */
function repeatsWords(line: string, own: ReadonlySet<string>): boolean {
  const token = new RegExp(LEAD_TOKEN.source, "gu");
  const lower = line.toLowerCase();
  let n = 0;
  for (let m = token.exec(lower); m !== null; m = token.exec(lower)) {
    const word = m[0];
    if (word.length < 3 || STOPWORDS.has(word)) continue;
    if (!own.has(word) || ++n > 30) return false;
  }
  return true;
}

/**
 * Share of a candidate's content words that the body's opening uses: a headline names what
 * the article then tells; a site tagline or a teaser for another article does not. Longer
 * words count when found inside a word ("gaming" in "gamings"), shorter ones at a word start.
 *
 * @param line The candidate.
 * @param lead The opening, from {@link leadText}.
 * @returns A share between 0 and 1.
 */
export function leadOverlap(line: string, lead: string): number {
  const words = contentWords(line);
  if (words.length === 0) return 0;
  let found = 0;
  for (const word of words) if (lead.includes(word.length >= 5 ? word : ` ${word}`)) found++;
  return found / words.length;
}

