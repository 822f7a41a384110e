/** Turning a raw name phrase into a topic name, or rejecting it as junk. */
import { isAcronym } from "./fold.js";
import { isCalendarWord, isGenericWord, isJunkWord, TITLES } from "./junk.js";

/** How often each word (lower-cased) appears in lower case and capitalised mid-sentence, in articles. */
export interface CaseStats {
  readonly lower: Map<string, number>;
  readonly capital: Map<string, number>;
}

/** A cleaned name: its words, and whether a personal title preceded it. */
export interface CleanName {
  readonly words: readonly string[];
  readonly titled: boolean;
}

const LINK_WORD = /^(?:al|el|bin|ibn|ben|bint|of|for|de|la|du|van|von|der|ez|es|ad|as|ash|ar|at|az|an|ul)$/;
const HYPHEN_ARTICLE = /^(?:al|el|ez|es|ad|as|ash|ar|at|az|an|ul)$/;
const DEMONYMS = new Set([
  "arab", "arabs", "arabic", "saudi", "french", "british", "german", "dutch", "swiss", "greek", "european", "western", "eastern",
  "northern", "southern", "islamist", "islamists", "islamic", "jihadist", "jihadists", "sunni", "sunnis", "shia", "shiite", "shiites",
  "alawite", "takfiri", "takfiris", "christian", "christians", "muslim", "muslims", "jewish", "english", "kurdish", "syrians", "russians", "iranians",
]);
const STEM_ENDINGS = ["", "a", "e", "y", "ey", "on", "s", "es"];

/** Longest name kept, in words (longer capitalised runs are menus and tag lists). */
export const MAX_NAME_WORDS = 6;

/**
 * Clean a name phrase: drop a sentence-opening word that is not itself a name ("The", "But",
 * "Heavy"), titles before a name ("Syrian President", "Gen"), linking words at either end, and
 * a possessive "s" left by a lost apostrophe ("Syrias" when "Syria" is the usual form). Reject
 * what is left when it is junk: a calendar word anywhere, a run longer than
 * {@link MAX_NAME_WORDS}, a multi-word run made only of function words, titles and furniture, or
 * a single word that is such a word, a generic noun ("Ministry"), a demonym ("Syrian") or a
 * common word (more often seen in lower case than capitalised mid-sentence).
 *
 * @param phrase Words of the phrase, linking particles included.
 * @param initial Whether the first word opens a sentence.
 * @param stats Corpus case statistics.
 * @returns The cleaned name, or null for junk.
 */
export function cleanName(phrase: readonly string[], initial: boolean, stats: CaseStats): CleanName | null {
  let words = trimLinks(phrase.map((w) => dropPossessive(w, stats)));
  if (words.some(isCalendarWord)) return null;
  if (initial && words.length > 0 && (isJunkWord(words[0]!) || isCommon(words[0]!, stats))) words = trimLinks(words.slice(1));
  let titled = false;
  let lastTitle = -1;
  for (let i = 0; i < words.length - 1; i++) if (TITLES.has(words[i]!.toLowerCase())) lastTitle = i;
  if (lastTitle >= 0) {
    words = trimLinks(words.slice(lastTitle + 1));
    titled = true;
  }
  const meaningful = words.filter((w) => !LINK_WORD.test(w));
  if (meaningful.length === 0 || meaningful.length > MAX_NAME_WORDS) return null;
  if (meaningful.length > 1) return meaningful.every((w) => isJunkWord(w) || isDemonym(w, stats)) ? null : { words, titled };
  const [word] = meaningful as [string];
  if (isJunkWord(word) || isGenericWord(word) || isDemonym(word, stats)) return null;
  if (isAcronym(word)) return { words, titled };
  if (word.length < 3 || isCommon(word, stats)) return null;
  return { words, titled };
}

/**
 * Write a name's words back as text, joining Arabic articles by a hyphen ("Ahrar al-Sham").
 *
 * @param words Name words.
 */
export function joinName(words: readonly string[]): string {
  return words.map((w, i) => (i === 0 ? w : HYPHEN_ARTICLE.test(words[i - 1]!) ? `-${w}` : ` ${w}`)).join("");
}

function trimLinks(words: string[]): string[] {
  let start = 0;
  let end = words.length;
  while (start < end && LINK_WORD.test(words[start]!)) start++;
  while (end > start && LINK_WORD.test(words[end - 1]!.toLowerCase())) end--;
  return words.slice(start, end);
}

/** "Syrias" → "Syria" when the shorter form is the more usual capitalised word and the longer is no common plural. */
function dropPossessive(word: string, stats: CaseStats): string {
  if (!/[^s]s$/.test(word) || isAcronym(word) || stats.lower.has(word.toLowerCase())) return word;
  const stem = word.slice(0, -1);
  return (stats.capital.get(stem.toLowerCase()) ?? 0) > (stats.capital.get(word.toLowerCase()) ?? 0) ? stem : word;
}

/** More often written in lower case than capitalised mid-sentence, across articles. */
function isCommon(word: string, stats: CaseStats): boolean {
  const lower = word.toLowerCase();
  return (stats.lower.get(lower) ?? 0) >= Math.max(1, stats.capital.get(lower) ?? 0);
}

/** An adjective of nationality or creed: a known list, or a word formed from another capitalised word (Syria → Syrian). */
function isDemonym(word: string, stats: CaseStats): boolean {
  const lower = word.toLowerCase();
  if (DEMONYMS.has(lower)) return true;
  if (isAcronym(word) || !/(?:an|ian|ean|ese|ish|i|ic)$/.test(lower)) return false;
  for (let cut = 1; cut <= 4; cut++) {
    const stem = lower.slice(0, -cut);
    if (stem.length < 4) break;
    if (STEM_ENDINGS.some((e) => stem + e !== lower && (stats.capital.get(stem + e) ?? 0) > 0)) return true;
  }
  return false;
}
