/**
 * Finding vocabulary aliases in article text. Each topic has one pattern for its aliases in
 * capitals (matched only in capitals) and one for the others (any case). A pattern is tried on a
 * text only when the text holds, as a whole word, the first word of one of its aliases, found in
 * one scan of the text through a table of those words, so a text costs one pass plus the few
 * patterns that can match.
 */
import { wordEnd, wordStart } from "../dedupe/word-chars.js";
import type { TopicEntry } from "./vocabulary.js";

/** A vocabulary alias found in a text. */
export interface AliasHit {
  readonly topic: TopicEntry;
  /** The words as written, runs of spaces made one space. */
  readonly spelling: string;
}

interface Pattern {
  readonly topic: TopicEntry;
  readonly regexp: RegExp;
}

const FIRST_WORD = /[\p{L}\p{N}]+/u;
const ASCII = /^[\x00-\x7f]*$/;
/** Letters outside ASCII that match an ASCII letter when case is ignored (long s, Kelvin sign). */
const FOLDS_TO_ASCII: ReadonlyMap<number, number> = new Map([
  [0x17f, 0x73],
  [0x212a, 0x6b],
]);

/** A trie of ASCII words in a flat table: state × 128 + character → next state (0: none). */
class WordTable {
  private next = new Int32Array(128 * 16);
  private states = 1;
  /** Patterns ending at each state. */
  readonly ends: number[][] = [[]];

  add(word: string, pattern: number): void {
    let state = 0;
    for (let i = 0; i < word.length; i++) {
      const slot = state * 128 + word.charCodeAt(i);
      if (this.next[slot] === 0) {
        if ((this.states + 1) * 128 > this.next.length) {
          const grown = new Int32Array(this.next.length * 2);
          grown.set(this.next);
          this.next = grown;
        }
        this.next[slot] = this.states++;
        this.ends.push([]);
      }
      state = this.next[slot]!;
    }
    if (!this.ends[state]!.includes(pattern)) this.ends[state]!.push(pattern);
  }

  /** The state after a character, -1 for none. */
  step(state: number, code: number): number {
    if (state < 0 || code >= 0x80) return -1;
    return this.next[state * 128 + code]! || -1;
  }
}

/**
 * Build a finder of a vocabulary's aliases. Aliases in capitals (ISIS, IS) match only in
 * capitals, others in any case; the words of an alias may be separated by spaces or hyphens,
 * and a match must be whole words.
 *
 * @param vocabulary Topic entries.
 * @returns A function listing the alias matches of a text, topic by topic in vocabulary order,
 *   each topic's capital aliases first, then in text order.
 */
export function aliasFinder(vocabulary: readonly TopicEntry[]): (text: string) => AliasHit[] {
  const patterns: Pattern[] = [];
  const always: number[] = [];
  const anyCase = new WordTable();
  const exactCase = new WordTable();
  for (const topic of vocabulary) {
    const sensitive: string[] = [];
    const insensitive: string[] = [];
    for (const alias of [...topic.aliases].sort((a, b) => b.length - a.length)) {
      (alias === alias.toUpperCase() && /\p{Lu}/u.test(alias) ? sensitive : insensitive).push(alias);
    }
    for (const [aliases, flags] of [
      [sensitive, "gu"],
      [insensitive, "giu"],
    ] as const) {
      if (aliases.length === 0) continue;
      const id = patterns.length;
      patterns.push({ topic, regexp: aliasPattern(aliases, flags) });
      for (const alias of aliases) {
        const first = FIRST_WORD.exec(alias)?.[0];
        if (first === undefined || !ASCII.test(first)) {
          if (!always.includes(id)) always.push(id);
        } else if (flags === "gu") exactCase.add(first, id);
        else anyCase.add(first.toLowerCase(), id);
      }
    }
  }
  const triggered = new Uint8Array(patterns.length);
  for (const id of always) triggered[id] = 1;
  const trigger = (ids: readonly number[]): true => {
    for (const id of ids) triggered[id] = 1;
    return true;
  };
  return (text) => {
    let any = always.length > 0;
    for (let start = wordStart(text, 0); start < text.length; start = wordStart(text, start)) {
      const end = wordEnd(text, start);
      let lower = 0;
      let exact = 0;
      for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        exact = exactCase.step(exact, code);
        lower = anyCase.step(lower, code < 0x80 ? (code >= 0x41 && code <= 0x5a ? code | 0x20 : code) : (FOLDS_TO_ASCII.get(code) ?? code));
        if (lower < 0 && exact < 0) break;
      }
      start = end;
      if (lower > 0 && anyCase.ends[lower]!.length > 0) any = trigger(anyCase.ends[lower]!);
      if (exact > 0 && exactCase.ends[exact]!.length > 0) any = trigger(exactCase.ends[exact]!);
    }
    const hits: AliasHit[] = [];
    if (!any) return hits;
    for (let id = 0; id < patterns.length; id++) {
      if (triggered[id] === 0) continue;
      const { topic, regexp } = patterns[id]!;
      for (const [hit] of text.matchAll(regexp)) hits.push({ topic, spelling: /\s(?<! )|\s\s/.test(hit) ? hit.replace(/\s+/g, " ") : hit });
    }
    triggered.fill(0);
    for (const id of always) triggered[id] = 1;
    return hits;
  };
}

/** One pattern for several aliases, longest first, as whole words with flexible separators. */
function aliasPattern(aliases: readonly string[], flags: string): RegExp {
  const alternatives = aliases.map((alias) =>
    alias
      .trim()
      .split(/[\s-]+/)
      .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
      .join("[\\s-]+"),
  );
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
}
