/**
 * Finding the article among the lines of a whole-page text dump: each line is scored as
 * prose or page furniture from general signals (length, punctuation, function-word density,
 * list and menu shape, repetition within the page), then the densest run of prose is taken.
 */
import { itemNumber } from "./blocks.js";
import { furnitureReason } from "./boilerplate.js";
import { stopwordRatio } from "./stopwords.js";

/** How a line reads: running prose, something short that its neighbours decide, or furniture. */
export type LineClass = "good" | "short" | "bad";

/** A line of the page with the signals measured on it. */
export interface LineInfo {
  readonly text: string;
  /** Word count (for scripts without spaces, characters / 2). */
  readonly words: number;
  readonly cls: LineClass;
  /** What taking the line into the article span costs (0 for prose). */
  readonly cost: number;
}

/** The span of lines (inclusive) holding the article body. */
export interface ContentRegion {
  readonly start: number;
  readonly end: number;
}

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’.-]*/gu;
const NO_SPACE_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}]/u;
const TERMINAL = /[.!?…"”»:;)\]。！？]$/;
/** Menu items and form controls as text browsers print them. */
const MENU_SHAPE = /^(?:[•·▪►○●□■◦▸*+|>»]|\[[^\]]*\]\s*$|\d+\s*$)/;
/** Markup or script that leaked into the text. */
const CODE_SHAPE = /(?:&lt;|&gt;|<\/?[a-z][\w-]*[\s>]|\bdata-[\w-]+=|\bfunction\s*\(|\{\s*["']?[\w-]+["']?\s*:|\bvar\s+\w+\s*=|;\s*\}|\[\/\w+\])/i;
/** Lines made of symbols or rules only. */
const RULE_SHAPE = /^[^\p{L}\p{N}]+$/u;

/**
 * Word count of a line from its tokens; for scripts written without spaces, two characters make a word.
 *
 * @param text One line.
 * @param tokens Number of tokens ({@link WORD}) in the line.
 * @param noSpaces Whether the line uses a script written without spaces.
 */
function wordsOf(text: string, tokens: number, noSpaces: boolean): number {
  if (!noSpaces) return tokens;
  const chars = (text.match(/[\p{L}\p{N}]/gu) ?? []).length;
  return Math.max(tokens, Math.round(chars / 2));
}

/**
 * Measure and classify every line of a page.
 *
 * @param lines Trimmed, non-empty lines.
 * @returns One entry per line.
 */
export function classifyLines(lines: readonly string[]): LineInfo[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return lines.map((text) => {
    const tokens = text.match(WORD) ?? [];
    const noSpaces = NO_SPACE_SCRIPT.test(text);
    const words = wordsOf(text, tokens.length, noSpaces);
    const [cls, cost] = classify(text, tokens, words, noSpaces, counts.get(text)! > 1);
    return { text, words, cls, cost };
  });
}

/** Cost of taking a line into the article span: navigation most, stray code or captions less. */
const COST = { furniture: 6, menu: 6, stray: 3, label: 3, short: 1.5, row: -1 } as const;

function classify(text: string, tokens: readonly string[], words: number, noSpaces: boolean, repeated: boolean): [LineClass, number] {
  if (furnitureReason(text)) return ["bad", COST.furniture];
  if (RULE_SHAPE.test(text) || CODE_SHAPE.test(text)) return ["bad", COST.stray];
  const terminal = TERMINAL.test(text);
  if (MENU_SHAPE.test(text)) return words >= 12 && terminal ? ["short", COST.short] : ["bad", COST.menu];
  if (repeated && words <= 12 && !terminal) return ["bad", COST.stray];
  if (tokens.length >= 4 && numericTokens(tokens) >= tokens.length * 0.4) return ["short", COST.row];
  if (words >= 25 && (terminal || noSpaces)) return ["good", 0];
  if (words < 10) return ["short", words <= 3 ? COST.label : COST.short];
  const stops = stopwordRatio(tokens);
  if (words >= 25 && stops >= 0.15) return ["good", 0];
  if (terminal && (stops >= 0.1 || noSpaces)) return ["good", 0];
  if (words >= 15 && stops >= 0.25) return ["good", 0];
  return ["short", COST.short];
}

/** How many tokens start with a digit. */
function numericTokens(tokens: readonly string[]): number {
  let n = 0;
  for (const token of tokens) {
    const c = token.charCodeAt(0);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/**
 * The densest run of prose: the span maximising the words of prose lines minus a cost for
 * every furniture or short line it takes in (see {@link lineValues}), so menus split it and a
 * subheading or a code block does not.
 *
 * @param info Classified lines.
 * @returns The span, or null when the page has no prose line.
 */
export function findContentRegion(info: readonly LineInfo[]): ContentRegion | null {
  let best: ContentRegion | null = null;
  let bestSum = 0;
  let sum = 0;
  let start = 0;
  const values = lineValues(info);
  for (let i = 0; i < info.length; i++) {
    const line = info[i]!;
    const value = values[i]!;
    if (sum <= 0) {
      sum = 0;
      start = i;
    }
    sum += value;
    if (sum > bestSum && line.cls === "good") {
      bestSum = sum;
      best = { start, end: i };
    }
  }
  if (best === null) return null;
  let first = best.start;
  while (info[first]!.cls !== "good") first++;
  let last = best.end;
  while (last + 1 < info.length && isClosingSentence(info[last + 1]!)) last++;
  return { start: first, end: continueNumberedList(info, first, last) };
}

/** Most lines (a link, a price) between one numbered item and the next. */
const ITEM_GAP = 2;

/**
 * Where the article ends when its span closes inside a numbered list: a list of short items
 * ("6) Ghostbusters Collection 1-2 (2 Blu-Ray)" / its link) reads as furniture, so the densest
 * run of prose stops at its last long item. When the span holds two consecutive items near its
 * end, and the lines after it go on counting (n+1, n+2, … each within {@link ITEM_GAP} lines of
 * the last, with no navigation between), the list is the article's, and so are the lines after
 * its last item when every item before it had as many.
 *
 * @param info Classified lines.
 * @param start First line of the span.
 * @param end Last line of the span.
 * @returns The span's last line, past the list's end when it goes on.
 */
function continueNumberedList(info: readonly LineInfo[], start: number, end: number): number {
  const numberAt = (k: number) => itemNumber(info[k]!.text);
  let at = -1;
  for (let k = end; k >= Math.max(start, end - ITEM_GAP); k--) {
    if (numberAt(k) !== null) {
      at = k;
      break;
    }
  }
  if (at < 0) return end;
  let n = numberAt(at)!;
  // The item before it in the span, numbered one less: a list, not a lone figure.
  let previous = -1;
  for (let k = at - 1; k >= Math.max(start, at - ITEM_GAP - 1); k--) {
    const number = numberAt(k);
    if (number === null) continue;
    if (number === n - 1) previous = k;
    break;
  }
  if (previous < 0) return end;
  const gaps = new Set([at - previous - 1]);
  let last = end;
  for (let k = at + 1; k < info.length && k - at <= ITEM_GAP + 1; k++) {
    if (isNavigation(info[k]!)) break;
    if (numberAt(k) !== n + 1) continue;
    gaps.add(k - at - 1);
    at = k;
    n++;
    last = Math.max(last, k);
  }
  if (last === end) return end;
  // The lines after the last item, when every item had the same number of them.
  if (gaps.size === 1) {
    const after = at + [...gaps][0]!;
    if (after < info.length && !info.slice(at + 1, after + 1).some(isNavigation)) last = after;
  }
  return last;
}

/** Whether a line is navigation or furniture, as no list of the article holds. */
function isNavigation(line: LineInfo): boolean {
  return line.cls === "bad" && line.cost >= COST.menu;
}

/**
 * A line of code or of a query's output, as a technical article sets them between its
 * paragraphs: programming punctuation, a call (`avg(n)`), a table's rules, a line ending in a
 * comma or opening a bracket, one closing a bracket, a lone lower-case name, a lone number.
 */
const CODE_LINE = /[{};=│┼─<>]|[\p{L}\d_]\(|[,([{]$|^[)\]}]|^[\p{Ll}_][\p{L}\d_.]*$|^-?\d+(?:\.\d+)?$/u;
/** Share of a run's lines that must read as code for the run to be an exhibit. */
const EXHIBIT_CODE_SHARE = 0.6;
/** Most lines of an exhibit. */
const EXHIBIT_LINES = 80;
/** What an exhibit costs in all: as much as one line of navigation. */
const EXHIBIT_COST = COST.menu;

/**
 * What each line adds to a span: the words of prose (up to 120 a line), less the cost of any
 * other line. A run of lines set between prose that reads mostly as code, with no navigation or
 * furniture among it, is an exhibit of the article (a query and its result), and costs no more
 * than {@link EXHIBIT_COST} in all: a technical article is not cut at its code blocks.
 */
function lineValues(info: readonly LineInfo[]): number[] {
  const values = info.map((line) => (line.cls === "good" ? Math.min(line.words, 120) : -line.cost));
  for (let i = 1; i < info.length; i++) {
    if (info[i]!.cls === "good" || info[i - 1]!.cls !== "good") continue;
    let end = i;
    let cost = 0;
    let navigation = false;
    let code = 0;
    for (; end < info.length && info[end]!.cls !== "good"; end++) {
      const line = info[end]!;
      if (line.cost >= COST.menu) navigation = true;
      if (CODE_LINE.test(line.text)) code++;
      cost += Math.max(0, line.cost);
    }
    const lines = end - i;
    if (end < info.length && !navigation && lines <= EXHIBIT_LINES && code >= lines * EXHIBIT_CODE_SHARE && cost > EXHIBIT_COST) {
      for (let k = i; k < end; k++) if (info[k]!.cost > 0) values[k] = 0;
      values[i]! -= EXHIBIT_COST;
    }
    i = end;
  }
  return values;
}

/** Fewest words of a short sentence that may close an article ("Officials gave no other details."). */
const CLOSING_MIN_WORDS = 7;

/**
 * Whether a short line reads as a statement, as an article's last sentence often does: too
 * short to count as prose on its own, it would otherwise be left outside the article's span.
 */
function isClosingSentence(line: LineInfo): boolean {
  // A statement: prompts end in "!" or "…", labels carry a colon.
  if (line.cls !== "short" || line.cost <= 0 || line.words < CLOSING_MIN_WORDS || !/[^.][.]["”]?$/.test(line.text) || line.text.includes(":")) return false;
  const tokens = line.text.match(WORD) ?? [];
  return /^[\p{Lu}\p{N}"“‘']/u.test(line.text) && stopwordRatio(tokens) >= 0.2;
}

/**
 * Whether a short or furniture line inside the article stays: short lines set between prose
 * (subheadings, one-line quotes) stay, those beside furniture go.
 *
 * @param info Classified lines.
 * @param i Index of the line.
 * @param region The article span.
 */
export function keepInRegion(info: readonly LineInfo[], i: number, region: ContentRegion): boolean {
  const line = info[i]!;
  if (line.cls === "good" || line.cost < 0) return true;
  if (line.cls === "bad") return false;
  const before = neighbour(info, i, -1, region);
  const after = neighbour(info, i, 1, region);
  if (before === "good" && after === "good") return true;
  if (before === "bad" && after === "bad") return false;
  return line.words >= 6 && TERMINAL.test(line.text);
}

function neighbour(info: readonly LineInfo[], i: number, step: 1 | -1, region: ContentRegion): LineClass {
  for (let k = i + step; k >= region.start && k <= region.end; k += step) {
    if (info[k]!.cls !== "short") return info[k]!.cls;
  }
  return "good";
}
