/** Finding capitalised name phrases and acronyms in running text. */
import { eng } from "stopword";

/** A run of capitalised words (with their linking particles) as written in the text. */
export interface NameMention {
  /** The words, possessive `'s` removed. */
  readonly words: readonly string[];
  /** The phrase as written (words joined by their original space or hyphen). */
  readonly text: string;
  /** The first word opens a sentence, a quotation or a title-case line, so its capital proves nothing. */
  readonly initial: boolean;
  /** The phrase follows "in", "near", "from"…, a hint that it names a place. */
  readonly afterPlaceWord: boolean;
  /** Offset of the phrase in the text. */
  readonly index: number;
}

/** Lower-case words that may link the capitalised words of one name. */
const LINKS = new Set(["al", "el", "bin", "ibn", "ben", "bint", "of", "for", "de", "la", "du", "van", "von", "der", "ez", "es", "ad", "as", "ash", "ar", "at", "az", "an", "ul"]);
/** Articles joined to the next word by a hyphen (al-Sham, Al-Qaeda, ez-Zor, ar-Raqqa). */
const HYPHEN_ARTICLES = new Set(["al", "el", "ez", "es", "ad", "as", "ash", "ar", "at", "az", "an", "ul", "abu", "bin", "ibn", "ben"]);
const PLACE_WORDS = new Set(["in", "at", "from", "near", "into", "across", "towards", "toward", "outside", "around", "inside", "within", "throughout", "entered", "left"]);
const STOP_WORDS = new Set(eng);
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’ʿʾ][\p{L}\p{M}]+)*/gu;
const SPACES = /^\s+$/;
/** Punctuation in the gap before a word that opens a sentence. */
const SENTENCE_GAP = /[.!?:;…“"(\n[]/u;
const UPPER = /^\p{Lu}/u;

/**
 * Find the name phrases of a text: maximal runs of capitalised words and acronyms, linked by
 * particles (al-, bin, of, for…) and hyphens after an Arabic article. A run ends at punctuation,
 * at a lower-case word, and at a hyphen between two full words ("US-Russia", "Israel-occupied").
 * Dotted acronyms (U.S.) and titles (Gen.) lose their dots first.
 *
 * @param text One paragraph, headline or standfirst.
 * @param titleCase Treat every phrase as sentence-initial (headlines, title-case lines).
 * @returns The phrases, in text order.
 */
export function findNameMentions(text: string, titleCase = false): NameMention[] {
  const clean = text.includes(".")
    ? text.replace(/\b((?:\p{Lu}\.){2,})/gu, (m) => m.replace(/\./g, "")).replace(/\b(Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Brig|Sen|Rep|Gov|Prof|St|Jr|Sr|Mt)\./g, "$1")
    : text;
  const mentions: NameMention[] = [];
  let items: { gap: string; word: string }[] = [];
  let pending: { gap: string; word: string }[] = [];
  let initial = false;
  let afterPlaceWord = false;
  let index = 0;
  let previousEnd = 0;
  let previousWord = "";
  let placeBefore = false;
  const close = () => {
    if (items.length > 0) {
      const text = items.map((it, i) => (i === 0 ? "" : /-/.test(it.gap) ? "-" : " ") + it.word).join("");
      mentions.push({ words: items.map((it) => it.word), text, initial, afterPlaceWord, index });
    }
    items = [];
    pending = [];
  };
  for (const match of clean.matchAll(WORD)) {
    const gap = clean.slice(previousEnd, match.index);
    const spaceGap = gap !== "" && SPACES.test(gap);
    const written = match[0];
    const writtenLower = written.toLowerCase();
    // A capitalised function word inside a run ("… in Syria The army …") marks a lost full stop.
    const lostStop = spaceGap && items.length > 0 && STOP_WORDS.has(writtenLower) && !LINKS.has(writtenLower);
    const opensSentence = previousEnd === 0 || lostStop || (gap !== "" && SENTENCE_GAP.test(gap));
    previousEnd = match.index + written.length;
    const word = withoutPossessive(written);
    const lower = word === written ? writtenLower : word.toLowerCase();
    const hyphen = gap === "-";
    const afterArticle = HYPHEN_ARTICLES.has(previousWord);
    if (lostStop || (gap !== "" && !spaceGap && !(hyphen && afterArticle))) close();
    if (startsUpper(word)) {
      if (items.length === 0 && pending.length === 0) {
        initial = titleCase || opensSentence;
        afterPlaceWord = spaceGap && placeBefore;
        index = match.index;
      }
      items.push(...pending, { gap, word });
      pending = [];
    } else if (LINKS.has(lower) && (items.length > 0 || (HYPHEN_ARTICLES.has(lower) && clean.charCodeAt(previousEnd) === 0x2d))) {
      if (items.length === 0 && pending.length === 0) {
        initial = titleCase || opensSentence;
        afterPlaceWord = spaceGap && placeBefore;
        index = match.index;
      }
      pending.push({ gap, word });
    } else {
      close();
    }
    placeBefore = PLACE_WORDS.has(lower) || (lower === "the" && PLACE_WORDS.has(previousWord));
    previousWord = lower;
  }
  close();
  return mentions;
}

/** A word without a possessive 's (Assad's → Assad). */
function withoutPossessive(word: string): string {
  const n = word.length;
  if (n < 2 || word.charCodeAt(n - 1) !== 0x73) return word;
  const apostrophe = word.charCodeAt(n - 2);
  return apostrophe === 0x27 || apostrophe === 0x2019 ? word.slice(0, -2) : word;
}

/** Whether a word starts with a capital letter. */
function startsUpper(word: string): boolean {
  const code = word.charCodeAt(0);
  return code < 0x80 ? code >= 0x41 && code <= 0x5a : UPPER.test(word);
}
