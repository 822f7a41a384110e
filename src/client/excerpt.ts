/**
 * Excerpts with the matched words marked: the text is cut into words the way the index is
 * (same separators, trimmer, stop words and stemmer), words whose terms match the query are
 * marked, and the window with the most marks is kept. Output is plain strings with a flag;
 * the page turns marked pieces into `<mark>` elements with DOM APIs.
 */
import { toTerms, type Alternative, type Lunr } from "./query.js";

/** A piece of an excerpt: plain text, marked or not. */
export interface Segment {
  readonly text: string;
  readonly mark: boolean;
}

interface Word {
  readonly start: number;
  readonly end: number;
  readonly term: string;
}

const SEPARATOR = /[\s-]+/g;

/** Index term of each lower-cased word seen so far (stemming is the costly part of marking). */
const TERMS = new Map<string, string>();

/** Words of `text` with their character spans (trimmed of edge punctuation) and index terms. */
function words(lunr: Lunr, text: string, cache: Map<string, string>): Word[] {
  const out: Word[] = [];
  let start = 0;
  const push = (end: number) => {
    const raw = text.slice(start, end);
    const lead = raw.length - raw.replace(/^\W+/, "").length;
    const trail = raw.length - raw.replace(/\W+$/, "").length;
    const key = raw.toLowerCase();
    let term = cache.get(key);
    if (term === undefined) {
      if (cache.size > 50_000) cache.clear();
      cache.set(key, (term = toTerms(lunr, key)[0]?.term ?? ""));
    }
    out.push({ start: start + lead, end: Math.max(start + lead, end - trail), term });
  };
  for (const m of text.matchAll(SEPARATOR)) {
    if (m.index! > start) push(m.index!);
    start = m.index! + m[0].length;
  }
  if (start < text.length) push(text.length);
  return out;
}

/**
 * Character spans of `text` matching any of the word sequences.
 *
 * @param lunr The Lunr module.
 * @param text Text to search.
 * @param patterns Word sequences (terms with word offsets).
 * @param cache Word → term cache (shared by default).
 * @returns Sorted, non-overlapping `[start, end)` spans (neighbours separated by spaces joined).
 */
export function markSpans(lunr: Lunr, text: string, patterns: readonly Alternative[], cache = TERMS): [number, number][] {
  const list = words(lunr, text, cache);
  const spans: [number, number][] = [];
  for (let i = 0; i < list.length; i++) {
    let best = -1;
    for (const p of patterns) {
      const last = p.tokens[p.tokens.length - 1];
      if (!last || p.tokens.some((t) => list[i + t.offset]?.term !== t.term)) continue;
      best = Math.max(best, i + last.offset);
    }
    if (best < 0) continue;
    const span: [number, number] = [list[i]!.start, list[best]!.end];
    const prev = spans[spans.length - 1];
    if (prev && (prev[1] >= span[0] || /^\s+$/.test(text.slice(prev[1], span[0])))) prev[1] = Math.max(prev[1], span[1]);
    else spans.push(span);
  }
  return spans;
}

/**
 * Split `text` into marked and unmarked segments.
 *
 * @param text Text.
 * @param spans Spans to mark, from {@link markSpans}.
 * @returns Segments covering the text.
 */
export function segment(text: string, spans: readonly (readonly [number, number])[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const [start, end] of spans) {
    if (start > at) out.push({ text: text.slice(at, start), mark: false });
    out.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  if (at < text.length) out.push({ text: text.slice(at), mark: false });
  return out;
}

/**
 * An excerpt of about `length` characters around the densest cluster of matches.
 *
 * @param lunr The Lunr module.
 * @param text Article text.
 * @param patterns Word sequences to mark.
 * @param length Target length in characters.
 * @returns Segments, with "…" where the text was cut.
 */
export function excerpt(lunr: Lunr, text: string, patterns: readonly Alternative[], length = 260): Segment[] {
  const spans = markSpans(lunr, text, patterns);
  let from = 0;
  let best = -1;
  for (const [start] of spans) {
    const count = spans.filter(([s, e]) => s >= start && e <= start + length).length;
    if (count > best) [best, from] = [count, start];
  }
  if (from > 0) from = Math.max(0, from - 60);
  if (from > 0) from = Math.max(from, text.lastIndexOf(" ", from) + 1);
  let to = Math.min(text.length, from + length);
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > from) to = space;
  }
  const window = spans.filter(([s, e]) => s >= from && e <= to).map(([s, e]) => [s - from, e - from] as [number, number]);
  const pieces = segment(text.slice(from, to), window);
  if (from > 0) pieces.unshift({ text: "…", mark: false });
  if (to < text.length) pieces.push({ text: "…", mark: false });
  return pieces;
}
