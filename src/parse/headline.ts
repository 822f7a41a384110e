/** Choosing the headline and standfirst among the first lines of a page. */
import { contentWords, LEAD_FULL_WORDS, leadOverlap, leadText } from "./headline-lead.js";
import { isNameLike } from "./byline.js";
import { STOPWORDS } from "./stopwords.js";

/** Words in a headline suffix (`Title | Outlet`, `Title - Reuters`) that mark it as an outlet name. */
const OUTLET_WORD = /\b(news|times|post|daily|herald|tribune|journal|observer|agency|press|tv|radio|online|gazette|guardian|telegraph|reuters|afp|ap|bbc|cnn|sana|sputnik|sabah|ahram|manar|alam|araby|al jazeera|aljazeera|monitor|chronicle|review|today|express|mail|independent|world)\b/i;

/**
 * Whether a line could be a headline: a few words of text, not a full paragraph.
 *
 * @param line One trimmed line.
 */
export function isHeadlineLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (line.length > 250 || words > 30) return false;
  if (words < 2 || (words < 3 && line.length < 15)) return false;
  if (!/\p{L}/u.test(line)) return false;
  return true;
}

/**
 * Split an outlet suffix off a headline: `Massive bomb kills 44 | Jordan Times`, and with the
 * site's sections before it, `Car bomb kills 34 in Hama - Region - World - Ahram Online`.
 *
 * @param line Headline as found.
 * @returns The headline and the outlet (or null).
 */
export function splitOutletSuffix(line: string): { title: string; outlet: string | null } {
  const m = /^(.{12,}?)\s+([|–—-])\s+([^|–—]{2,40})$/.exec(line);
  if (!m) return { title: line, outlet: null };
  const title = m[1]!.trim();
  const suffix = m[3]!.trim();
  const outlet = sectionsThenOutlet(suffix) ?? (isOutletName(suffix, m[2]!) ? suffix : null);
  return outlet === null ? { title: line, outlet: null } : { title, outlet };
}

/** Whether the text after a headline's separator names an outlet. */
function isOutletName(text: string, separator: string): boolean {
  if (text.split(/\s+/).length > 4 || !/^\p{Lu}/u.test(text)) return false;
  return separator === "|" || OUTLET_WORD.test(text);
}

/** A section or two of one or two capitalised words each. */
const SECTION_NAME = /^\p{Lu}[\p{L}&]*(?:\s+\p{Lu}[\p{L}&]*)?$/u;

/** The outlet at the end of a breadcrumb of sections (`Region - World - Ahram Online`), or null. */
function sectionsThenOutlet(suffix: string): string | null {
  const parts = suffix.split(/\s+(-)\s+/);
  // Sections and separators alternate: [section, "-", section, "-", outlet].
  if (parts.length < 3 || parts.length > 5) return null;
  const outlet = parts.at(-1)!;
  for (let k = 0; k < parts.length - 1; k += 2) if (!SECTION_NAME.test(parts[k]!)) return null;
  return isOutletName(outlet, parts.at(-2)!) ? outlet : null;
}

/** Runs of punctuation, symbols and spaces, each folded to one space. */
const FOLDED = /[\p{P}\p{S}\s]+/gu;

/** Typographic quotation marks and their plain forms. */
const CURLY_DOUBLE = /[“”„‟]/g;
const CURLY_SINGLE = /[‘’‚‛]/g;

/**
 * The headline's text as the page states it; when the page prints it both with typographic and
 * with plain quotation marks, the plain form (the one page titles and feeds carry).
 *
 * @param lines Lines of the page.
 * @param at Index of the headline line.
 */
export function statedHeadline(lines: readonly string[], at: number): string {
  const line = lines[at]!;
  const plain = line.replace(CURLY_DOUBLE, '"').replace(CURLY_SINGLE, "'");
  if (plain === line) return line;
  return lines.some((other, k) => k !== at && other === plain) ? plain : line;
}

/**
 * Comparable form of a line: case, punctuation and spacing folded.
 *
 * @param line Any text.
 */
export function foldLine(line: string): string {
  return line.toLowerCase().replace(FOLDED, " ").trim();
}

/** Form controls and symbols as text browsers print them. */
const FORM_SHAPE = /\[[^\]]*\]|\(\s*\)|\*\s*$|^\W|→|^(.{4,})\1$/u;

/** Words a complete headline does not end on: articles, prepositions, conjunctions. */
const DANGLING = new Set(
  "a an the of for by to with from and or but at into onto than your our their my its is are was were de del la el le les y e o di da do das dos em und der die das von".split(" "),
);

/** Words addressing the reader, as prompts and promotions do. */
const ADDRESS = /\b(?:you|your|our)\b/i;

/** Longest line taken for a headline. */
const MAX_LENGTH = 250;

/** How far before the article body a headline is looked for, in lines. */
const HEADLINE_WINDOW = 60;
/** How far into the detected body a headline may still sit (a banner can pass for prose). */
const HEADLINE_OVERLAP = 25;
/** Trailing outlet after a page title: `Title - Outlet`, `Title | Outlet`. */
const TITLE_SUFFIX = /\s+[|–—-]\s+[^|–—-]{2,60}$/;

/** What the headline chooser needs to know about each line. */
export interface HeadlineContext {
  /** Trimmed, non-empty lines of the page. */
  readonly lines: readonly string[];
  /** Lines that can never be a headline (furniture, dates, bylines, menu items). */
  readonly excluded: (i: number) => boolean;
  /** Lines shaped like an unprefixed byline ("Name Surname - Outlet"): unlikely headlines. */
  readonly bylineLike: (i: number) => boolean;
  /** Lines that state a date or open with "By": what follows a headline. */
  readonly datedOrSigned: (i: number) => boolean;
  /** Lines of running prose. */
  readonly prose: (i: number) => boolean;
  /** Word count of each line. */
  readonly words: (i: number) => number;
  /** Index of the first line of the article body. */
  readonly bodyStart: number;
}

/** How far before the body a line the body restates may head it, in lines. */
const ECHO_WINDOW = 150;
/** Lines between a restated line and the body beyond which the restating counts. */
const ECHO_MIN_DISTANCE = 20;
/** Most that distance from the body costs a line the body restates. */
const ECHO_DISTANCE_COST = 1.5;
/**
 * Bonus for a line of three words or more that is the page's title without its outlet, and is
 * not itself a title bar's copy ("Opinion | …").
 */
const TITLED_BONUS = 1.5;
/** Bonus for a line the body restates. */
const ECHO_BONUS = 2;
/** A full stop after a word, a number or a closing mark, as sentences end (not "N.Y.C."). */
const SENTENCE_END = /[\p{Ll}\p{N})"”’]\.$/u;
/** How far into the detected body a line is still compared with the prose after it (a banner can pass for the body's start). */
const LEAD_REACH = 5;
/** Weight of a candidate's words found in the opening of the body that follows it. */
const LEAD_WEIGHT = 3;

/**
 * Whether the body's opening restates a line: every content word of it, at least four of them,
 * or the whole line as the body's first words ("New Zealand (Māori: Aotearoa) is…").
 */
function isEchoed(line: string, key: string, lead: string): boolean {
  if (contentWords(line).length >= LEAD_FULL_WORDS) return true;
  // "New Zealand (Māori: Aotearoa) is…" restates it; "New York’s aging pipes…" speaks of something else.
  if (key.length < 6) return false;
  const opening = foldLine(lead.slice(0, key.length + 12));
  if (!opening.startsWith(key)) return false;
  return opening.length === key.length || (opening[key.length] === " " && !opening.startsWith(" s ", key.length));
}

/** Folded form of every line (empty for lines too long to be a headline) and how often each occurs. */
interface LineKeys {
  readonly keys: readonly string[];
  readonly counts: ReadonlyMap<string, number>;
}

function foldLines(lines: readonly string[]): LineKeys {
  // Lines too long to be a headline cannot repeat one; they are not folded.
  const keys = lines.map((line) => (line.length <= MAX_LENGTH ? foldLine(line) : ""));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  return { keys, counts };
}

/**
 * Score every headline candidate near the start of the body: higher is likelier.
 *
 * @param ctx Lines, exclusions and where the body starts.
 * @param folded Folded lines, when the caller has them.
 * @returns Scores by line index; lines that cannot be the headline have none.
 */
export function scoreHeadlines(ctx: HeadlineContext, folded: LineKeys = foldLines(ctx.lines)): Map<number, number> {
  const { lines, excluded, bodyStart } = ctx;
  const { keys, counts } = folded;
  const pageTitle = lines.length > 0 ? foldLine(lines[0]!.replace(TITLE_SUFFIX, "")) : "";
  const scores = new Map<number, number>();

  const from = Math.max(0, bodyStart - ECHO_WINDOW);
  const near = bodyStart - HEADLINE_WINDOW;
  const to = Math.min(lines.length, bodyStart + HEADLINE_OVERLAP);
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const key = keys[i]!;
    if (key === "") continue;
    const words = ctx.words(i);
    if (words > 30 || words === 0 || excluded(i)) continue;
    // A sentence shares its words with the sentences after it, as a headline does: it is not compared.
    // Lines well inside the body are compared with nothing: what follows them may be teasers.
    const compared = i <= bodyStart + LEAD_REACH && !SENTENCE_END.test(line);
    const lead = compared ? leadText(ctx, Math.max(i + 1, bodyStart), line) : "";
    const overlap = compared ? leadOverlap(line, lead) : 0;
    const echoed = overlap === 1 && isEchoed(line, key, lead);
    if (i < near && !echoed) continue;
    let score = i < bodyStart ? -0.05 * (bodyStart - i) : -0.15 * (i - bodyStart + 1);
    // The body restating a line far above it outweighs what stands between them (an infobox,
    // teasers); near the body, a standfirst or the body's own first words are restated as well.
    if (echoed && bodyStart - i > ECHO_MIN_DISTANCE) score = Math.max(score, -ECHO_DISTANCE_COST) + ECHO_BONUS;
    for (let k = i + 1, seen = 0; seen < 6 && k < lines.length; k++) {
      if (ctx.words(k) > 0) seen++;
      if (ctx.datedOrSigned(k)) {
        score += seen <= 1 ? 3 : 2.5;
        break;
      }
    }
    const titled = i > 0 && key === pageTitle;
    if ((counts.get(key) ?? 0) > 1 || titled) score += words >= 3 ? 2 : 1;
    // The page's own title, stated again above the article, names it more surely than any repeat.
    if (titled && words >= 3 && !line.includes("|")) score += TITLED_BONUS;
    if (words >= 3) score += 2;
    if (words > 25) score -= 2;
    // A headline may end in a full stop ("… They just might be."): the page's title says so.
    if (/[.,;:]$/.test(line) && !(titled && line.endsWith("."))) score -= 3;
    if (FORM_SHAPE.test(line)) score -= 4;
    const lastWord = /([\p{L}]+)[^\p{L}]*$/u.exec(line)?.[1];
    if (lastWord && words >= 2 && DANGLING.has(lastWord.toLowerCase())) score -= 4;
    if (!/\p{L}{2}/u.test(line)) score -= 10;
    if (words >= 5 && words <= 20) score += 1;
    if (!/^[\p{Lu}\p{N}"“‘'¿¡]/u.test(line)) score -= 1;
    if (ctx.bylineLike(i)) score -= 3;
    // A prompt addresses the reader; a headline may too ("…You're Broke"), and the page's title then says so.
    if (ADDRESS.test(line) && !titled) score -= 1.5;
    if ((i > 0 && ctx.prose(i - 1)) || (i > 1 && ctx.prose(i - 2))) score -= 2;
    if (ctx.datedOrSigned(i)) score -= 4;
    // A few shared words are chance (menu items, labels); the body opening with the line is not.
    if (echoed || contentWords(line).length >= LEAD_FULL_WORDS) score += LEAD_WEIGHT * overlap;
    if (words <= 3 && i + 1 < lines.length && isNameLike(line) && ctx.datedOrSigned(i + 1)) score -= 3;
    scores.set(i, score);
  }
  return scores;
}

/**
 * Choose the headline: a headline-like line shortly before the body, preferring one the page
 * repeats (a text dump often prints the page title and the headline both), close to the body,
 * of several words and not ending like a sentence.
 *
 * @param ctx Lines, exclusions and where the body starts.
 * @returns Index of the headline line, or -1.
 */
export function chooseHeadline(ctx: HeadlineContext): number {
  const { lines, excluded, bodyStart } = ctx;
  const folded = foldLines(lines);
  let best = -1;
  let bestScore = -Infinity;
  for (const [i, score] of scoreHeadlines(ctx, folded)) {
    if (score > bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // A sentence from the body is no headline when a line stands just above a body that starts
  // the file: a short or symbol-only title ("CON", "😀", "../x") still heads its file.
  if (best >= bodyStart && bodyStart <= 2 && /[.!?]["”’]?$/.test(lines[best] ?? "")) {
    const above = lines.findIndex((line, i) => i < bodyStart && !excluded(i) && line.trim() !== "");
    if (above >= 0) return above;
  }
  // A headline printed twice around its standfirst: the first print heads the article.
  const { keys } = folded;
  const earlier = keys.lastIndexOf(keys[best]!, best - 1);
  return best >= 0 && earlier >= 0 && best - earlier <= 6 ? earlier : best;
}
