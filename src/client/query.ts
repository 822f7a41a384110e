/**
 * Reading what a reader typed: words and quoted phrases become required groups of index terms,
 * and words that spell a topic are widened to the topic's other spellings. Nothing here throws:
 * every character is text (Lunr's query syntax — `field:`, `~`, `^`, `*`, `+`, `-` — is not used).
 */
import type LunrModule from "lunr";

/** The Lunr module (the global of `lunr.min.js` in the browser, the npm module in Node). */
export type Lunr = typeof LunrModule;

/** An index term and its word number in the text it came from (stop words count). */
export interface QueryToken {
  readonly term: string;
  readonly offset: number;
}

/** One way to satisfy a group: all its terms, next to each other when `phrase` is set. */
export interface Alternative {
  readonly tokens: readonly QueryToken[];
  readonly phrase: boolean;
}

/** A required part of the query: a document must satisfy one of its alternatives. */
export interface Group {
  /** What the reader typed for it. */
  readonly label: string;
  readonly alternatives: readonly Alternative[];
  /** Extra spellings to mark in excerpts (phrases of several words). */
  readonly highlights: readonly Alternative[];
}

/** A parsed query. */
export interface ParsedQuery {
  readonly groups: readonly Group[];
  /** True when words past {@link MAX_GROUPS} were left out. */
  readonly truncated: boolean;
}

/** Most groups a query keeps; words after them are ignored (and the reader told). */
export const MAX_GROUPS = 16;
/** Characters of a query read; the rest is ignored. */
export const MAX_QUERY_LENGTH = 1000;

/**
 * Turn text into index terms the way the index builder does (tokenizer, trimmer, stop words,
 * stemmer), keeping each term's word number. Words the pipeline drops leave a gap.
 *
 * @param lunr The Lunr module.
 * @param text Any text.
 * @returns Terms with their word numbers.
 */
export function toTerms(lunr: Lunr, text: string): QueryToken[] {
  const out: QueryToken[] = [];
  for (const token of lunr.tokenizer(text)) {
    const offset = Number((token as unknown as { metadata: Record<string, unknown> }).metadata["index"]);
    let current: LunrModule.Token | undefined = token;
    for (const step of [lunr.trimmer, lunr.stopWordFilter, lunr.stemmer]) {
      const next = step(current!) as LunrModule.Token | LunrModule.Token[] | undefined | null;
      current = Array.isArray(next) ? next[0] : (next ?? undefined);
      if (!current || current.toString() === "") break;
    }
    if (current && current.toString() !== "") out.push({ term: current.toString(), offset });
  }
  return out;
}

/**
 * A spelling as the index sees it: terms by word number, "" for dropped words.
 *
 * @param lunr The Lunr module.
 * @param spelling A topic name or alias.
 * @returns Terms, or an empty list when no word is indexed.
 */
export function spellingTerms(lunr: Lunr, spelling: string): string[] {
  const tokens = toTerms(lunr, spelling);
  if (tokens.length === 0) return [];
  const first = tokens[0]!.offset;
  const out: string[] = [];
  for (const t of tokens) {
    while (out.length < t.offset - first) out.push("");
    out.push(t.term);
  }
  return out;
}

/**
 * Parse a query: quoted text is a phrase (an unclosed quote runs to the end), every other word
 * is required on its own, and a run of words spelling a topic is widened to its spellings.
 *
 * @param lunr The Lunr module.
 * @param query What the reader typed.
 * @param aliases Per topic, its spellings as from {@link spellingTerms}.
 * @returns The groups a document must satisfy.
 */
export function parseQuery(lunr: Lunr, query: string, aliases: readonly (readonly (readonly string[])[])[]): ParsedQuery {
  const text = query.slice(0, MAX_QUERY_LENGTH);
  const groups: Group[] = [];
  const parts = text.split('"');
  parts.forEach((part, i) => {
    if (i % 2 === 1) {
      const tokens = rebase(toTerms(lunr, part));
      if (tokens.length > 0) groups.push({ label: part.trim(), alternatives: [{ tokens, phrase: tokens.length > 1 }], highlights: [] });
    } else {
      groups.push(...wordGroups(toTerms(lunr, part), part, aliases));
    }
  });
  const unique = groups.filter((g, i) => groups.findIndex((o) => groupKey(o) === groupKey(g)) === i);
  return { groups: unique.slice(0, MAX_GROUPS), truncated: unique.length > MAX_GROUPS };
}

function wordGroups(tokens: readonly QueryToken[], text: string, aliases: readonly (readonly (readonly string[])[])[]): Group[] {
  const out: Group[] = [];
  for (let i = 0; i < tokens.length; ) {
    const match = longestSpelling(tokens, i, aliases);
    if (match) {
      const typed = rebase(tokens.slice(i, i + match.length));
      const single = match.topic.filter((s) => s.length === 1).map((s) => ({ tokens: [{ term: s[0]!, offset: 0 }], phrase: false }));
      const longer = match.topic.filter((s) => s.length > 1).map((s) => ({ tokens: spellingTokens(s), phrase: true }));
      const alternatives = [{ tokens: typed, phrase: false }, ...single].filter((a, k, all) => all.findIndex((b) => JSON.stringify(b) === JSON.stringify(a)) === k);
      out.push({ label: label(text, tokens.slice(i, i + match.length)), alternatives, highlights: longer });
      i += match.length;
    } else {
      out.push({ label: tokens[i]!.term, alternatives: [{ tokens: [{ term: tokens[i]!.term, offset: 0 }], phrase: false }], highlights: [] });
      i++;
    }
  }
  return out;
}

/** The longest topic spelling starting at token `start`, as a number of tokens. */
function longestSpelling(tokens: readonly QueryToken[], start: number, aliases: readonly (readonly (readonly string[])[])[]) {
  let best: { topic: readonly (readonly string[])[]; length: number } | null = null;
  for (const topic of aliases) {
    for (const spelling of topic) {
      const wanted = spellingTokens(spelling);
      if (wanted.length === 0 || (best && wanted.length <= best.length)) continue;
      const base = tokens[start]!.offset;
      const ok = wanted.every((w, k) => tokens[start + k]?.term === w.term && tokens[start + k]!.offset - base === w.offset);
      if (ok) best = { topic, length: wanted.length };
    }
  }
  return best;
}

function spellingTokens(spelling: readonly string[]): QueryToken[] {
  return spelling.flatMap((term, offset) => (term ? [{ term, offset }] : []));
}

function rebase(tokens: readonly QueryToken[]): QueryToken[] {
  const first = tokens[0]?.offset ?? 0;
  return tokens.map((t) => ({ term: t.term, offset: t.offset - first }));
}

function label(text: string, tokens: readonly QueryToken[]): string {
  const words = text.split(/[\s-]+/).filter(Boolean);
  return words.slice(tokens[0]!.offset, tokens[tokens.length - 1]!.offset + 1).join(" ") || tokens.map((t) => t.term).join(" ");
}

function groupKey(group: Group): string {
  return JSON.stringify(group.alternatives);
}

/**
 * Every index term a parsed query needs.
 *
 * @param parsed A parsed query.
 * @returns Distinct terms.
 */
export function queryTermsOf(parsed: ParsedQuery): string[] {
  return [...new Set(parsed.groups.flatMap((g) => g.alternatives.flatMap((a) => a.tokens.map((t) => t.term))))];
}
