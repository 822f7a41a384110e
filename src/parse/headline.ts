/** Choosing the headline and standfirst among the first lines of a page. */

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
 * Split an outlet suffix off a headline: `Massive bomb kills 44 | Jordan Times`.
 *
 * @param line Headline as found.
 * @returns The headline and the outlet (or null).
 */
export function splitOutletSuffix(line: string): { title: string; outlet: string | null } {
  const m = /^(.{12,}?)\s+([|–—-])\s+([^|–—]{2,40})$/.exec(line);
  if (!m) return { title: line, outlet: null };
  const outlet = m[3]!.trim();
  const words = outlet.split(/\s+/).length;
  if (words > 4 || !/^\p{Lu}/u.test(outlet)) return { title: line, outlet: null };
  if (m[2] !== "|" && !OUTLET_WORD.test(outlet)) return { title: line, outlet: null };
  return { title: m[1]!.trim(), outlet };
}

/** Runs of punctuation, symbols and spaces, each folded to one space. */
const FOLDED = /[\p{P}\p{S}\s]+/gu;

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
  // Lines too long to be a headline cannot repeat one; they are not folded.
  const keys = lines.map((line) => (line.length <= MAX_LENGTH ? foldLine(line) : ""));
  const counts = new Map<string, number>();
  for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  const pageTitle = lines.length > 0 ? foldLine(lines[0]!.replace(TITLE_SUFFIX, "")) : "";
  const from = Math.max(0, bodyStart - HEADLINE_WINDOW);
  let best = -1;
  let bestScore = -Infinity;
  const to = Math.min(lines.length, bodyStart + HEADLINE_OVERLAP);
  for (let i = from; i < to; i++) {
    const line = lines[i]!;
    const key = keys[i]!;
    if (key === "") continue;
    const words = ctx.words(i);
    if (words > 30 || words === 0 || excluded(i)) continue;
    let score = i < bodyStart ? -0.05 * (bodyStart - i) : -0.15 * (i - bodyStart + 1);
    for (let k = i + 1, seen = 0; seen < 6 && k < lines.length; k++) {
      if (ctx.words(k) > 0) seen++;
      if (ctx.datedOrSigned(k)) {
        score += seen <= 1 ? 3 : 2.5;
        break;
      }
    }
    if ((counts.get(key) ?? 0) > 1 || (i > 0 && key === pageTitle)) score += words >= 3 ? 2 : 1;
    if (words >= 3) score += 2;
    if (words > 25) score -= 2;
    if (/[.,;:]$/.test(line)) score -= 3;
    if (FORM_SHAPE.test(line)) score -= 4;
    const lastWord = /([\p{L}]+)[^\p{L}]*$/u.exec(line)?.[1];
    if (lastWord && words >= 2 && DANGLING.has(lastWord.toLowerCase())) score -= 4;
    if (!/\p{L}{2}/u.test(line)) score -= 10;
    if (words >= 5 && words <= 20) score += 1;
    if (!/^[\p{Lu}\p{N}"“‘'¿¡]/u.test(line)) score -= 1;
    if (ctx.bylineLike(i)) score -= 3;
    if (ADDRESS.test(line)) score -= 1.5;
    if ((i > 0 && ctx.prose(i - 1)) || (i > 1 && ctx.prose(i - 2))) score -= 2;
    if (ctx.datedOrSigned(i)) score -= 4;
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
  const earlier = keys.lastIndexOf(keys[best]!, best - 1);
  return best >= 0 && earlier >= 0 && best - earlier <= 6 ? earlier : best;
}
