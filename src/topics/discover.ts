/** Gathering recurring names across the archive into discovered topics. */
import { makeSlug } from "../parse/slug.js";
import { cleanName, joinName, type CaseStats } from "./clean.js";
import { foldName, isAcronym } from "./fold.js";
import { guessKind } from "./kind.js";
import type { TopicEntry } from "./vocabulary.js";

/** A discovered topic needs mentions in at least this many articles to get a page. */
export const MIN_ARTICLES = 3;
/** A name whose mentions sit at the very end of articles this often is page furniture. */
const TAIL_SHARE = 0.8;
/** A short form joins the one longer name containing it when they share this share of articles. */
const SHORT_FORM_SHARE = 0.6;

/** An acronym joins the name it abbreviates when at least this share of its articles also spell the name out. */
const ACRONYM_SHARE = 0.2;

/** One name phrase not matched by the vocabulary, as one article used it. */
export interface Candidate {
  readonly words: readonly string[];
  /** The words joined by spaces. */
  readonly phrase: string;
  /** Every mention in the article opened a sentence. */
  readonly initial: boolean;
  readonly mentions: number;
  readonly afterPlaceWord: number;
  /** Mentions in the last third of the article. */
  readonly tail: number;
}

/**
 * An article's candidates packed for storing and for passing between threads: far quicker to
 * read back than one object per candidate. Per candidate, its phrase (its words joined by
 * spaces: words hold no spaces) and four numbers in `counts`: 1 when every mention opened a
 * sentence (else 0), mentions, mentions after a place word, mentions in the tail.
 */
export interface PackedCandidates {
  readonly phrases: readonly string[];
  readonly counts: readonly number[];
}

/**
 * Pack an article's candidates.
 *
 * @param candidates In the order found.
 */
export function packCandidates(candidates: readonly Candidate[]): PackedCandidates {
  const counts: number[] = [];
  for (const c of candidates) counts.push(c.initial ? 1 : 0, c.mentions, c.afterPlaceWord, c.tail);
  return { phrases: candidates.map((c) => c.phrase), counts };
}

/**
 * An article's candidates from their packed form.
 *
 * @param packed From {@link packCandidates}.
 */
export function unpackCandidates(packed: PackedCandidates): Candidate[] {
  const { phrases, counts } = packed;
  return phrases.map((phrase, i) => ({
    words: phrase.split(" "),
    phrase,
    initial: counts[i * 4] === 1,
    mentions: counts[i * 4 + 1]!,
    afterPlaceWord: counts[i * 4 + 2]!,
    tail: counts[i * 4 + 3]!,
  }));
}

/**
 * Every article's candidates, held compactly until the archive's case statistics are complete:
 * each distinct phrase (with whether it opened sentences) once, and per article the phrases'
 * ids with their counts. An archive repeats the same names from article to article, so this
 * takes a small part of the room of the articles' own candidate objects.
 */
export class CandidateTable {
  /** Ids of the phrases that opened sentences every time, and of the others. */
  private readonly ids = { initial: new Map<string, number>(), other: new Map<string, number>() };
  /** Each distinct phrase once (as its words), by id. */
  readonly phrases: Pick<Candidate, "words" | "initial">[] = [];
  /** Per article, in order: id, mentions, mentions after a place word, mentions in the tail, for each of its candidates. */
  readonly articles: Int32Array[] = [];

  /**
   * Add the next article's candidates.
   *
   * @param candidates The article's candidates, in the order found, packed.
   */
  add(candidates: PackedCandidates): void {
    const { phrases, counts } = candidates;
    const row = new Int32Array(counts.length);
    phrases.forEach((phrase, i) => {
      const at = i * 4;
      const initial = counts[at] === 1;
      const ids = initial ? this.ids.initial : this.ids.other;
      let id = ids.get(phrase);
      if (id === undefined) {
        id = this.phrases.length;
        ids.set(phrase, id);
        this.phrases.push({ words: phrase.split(" "), initial });
      }
      row[at] = id;
      row[at + 1] = counts[at + 1]!;
      row[at + 2] = counts[at + 2]!;
      row[at + 3] = counts[at + 3]!;
    });
    this.articles.push(row);
  }
}

/** A topic found in the archive, with its articles (indexes into the record list) and spellings. */
export interface Discovered {
  readonly topic: TopicEntry;
  readonly articles: Set<number>;
  readonly spellings: Map<string, number>;
}

/** What discovery needs to know about the vocabulary. */
export interface VocabularyView {
  /** Skeleton key → vocabulary topic. */
  readonly keys: ReadonlyMap<string, TopicEntry>;
  /** Whether an article already mentions a vocabulary topic. */
  has(article: number, topic: TopicEntry): boolean;
  /** Record that an article mentions a vocabulary topic under a spelling. */
  add(article: number, topic: TopicEntry, spelling: string): void;
}

interface Group {
  readonly key: string;
  readonly words: readonly string[];
  readonly articles: Set<number>;
  readonly spellings: Map<string, number>;
  /** Spellings of short forms joined into this group (shown, but never chosen as the name). */
  readonly shortForms: Map<string, number>;
  mentions: number;
  afterPlaceWord: number;
  titled: number;
  tail: number;
}

/**
 * Turn the archive's unmatched name phrases into topics. Each phrase is cleaned (junk rejected,
 * see `cleanName`), folded to its skeleton key and grouped with every other spelling of that
 * key. A key of a vocabulary topic joins it. A run of names that stand on their own ("Aleppo
 * Syria", where a full stop or comma was lost) is split into them. A short form joins the one
 * longer name containing it when most of its articles mention that name too ("Observatory",
 * "Abdel Rahman"), and an acronym joins the one name it abbreviates (SDF → Syrian Democratic
 * Forces). A group becomes a topic when at least `minArticles` articles use it and its
 * mentions are not all at the end of articles (page furniture).
 *
 * @param candidates Per article (by record index), its unmatched phrases.
 * @param stats Corpus case statistics.
 * @param vocabulary Vocabulary keys and the articles' vocabulary topics.
 * @param minArticles Evidence needed for a page.
 * @returns The discovered topics, most used first.
 */
export function discoverTopics(
  candidates: CandidateTable,
  stats: CaseStats,
  vocabulary: VocabularyView,
  minArticles = MIN_ARTICLES,
): Discovered[] {
  const groups = groupCandidates(candidates, stats, vocabulary);
  splitRuns(groups, vocabulary, minArticles);
  joinAcronyms(groups, vocabulary, minArticles);
  joinShortForms(groups, vocabulary, minArticles);
  const taken = new Set([...vocabulary.keys.values()].map((t) => t.slug));
  return [...groups.values()]
    .filter((g) => g.articles.size >= minArticles && g.tail < TAIL_SHARE * g.mentions)
    .sort((a, b) => b.articles.size - a.articles.size || b.mentions - a.mentions || (a.key < b.key ? -1 : 1))
    .map((g) => {
      const name = [...g.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      let slug = makeSlug(name);
      for (let n = 2; taken.has(slug); n++) slug = `${makeSlug(name)}-${n}`;
      taken.add(slug);
      const kind = guessKind({ words: name.split(/[\s-]+/), mentions: g.mentions, afterPlaceWord: g.afterPlaceWord, titled: g.titled });
      const spellings = new Map([...g.spellings, ...g.shortForms]);
      return { topic: { name, slug, kind, aliases: [...spellings.keys()], description: null, discovered: true }, articles: g.articles, spellings };
    });
}

/** Where a phrase's mentions go: to a vocabulary topic, or else to the group of its cleaned name. */
interface PhraseFate {
  /** The cleaned name as written. */
  readonly text: string;
  readonly titled: boolean;
  readonly known: TopicEntry | undefined;
  readonly group: Group | undefined;
}

function groupCandidates(candidates: CandidateTable, stats: CaseStats, vocabulary: VocabularyView): Map<string, Group> {
  // What each phrase comes to, worked out the first time it is met: its cleaned name, and the
  // vocabulary topic or the group it joins.
  const cleaned: (PhraseFate | null | undefined)[] = [];
  const groups = new Map<string, Group>();
  candidates.articles.forEach((row, article) => {
    for (let at = 0; at < row.length; at += 4) {
      const id = row[at]!;
      const mentions = row[at + 1]!;
      let hit = cleaned[id];
      if (hit === undefined) {
        const { words, initial } = candidates.phrases[id]!;
        const name = cleanName(words, initial, stats);
        const key = name ? foldName(name.words.join(" ")) : "";
        hit = null;
        if (name && key) {
          const known = vocabulary.keys.get(key);
          let group: Group | undefined;
          if (!known) {
            group = groups.get(key);
            if (!group) {
              group = { key, words: name.words, articles: new Set(), spellings: new Map(), shortForms: new Map(), mentions: 0, afterPlaceWord: 0, titled: 0, tail: 0 };
              groups.set(key, group);
            }
          }
          hit = { text: joinName(name.words), titled: name.titled, known, group };
        }
        cleaned[id] = hit;
      }
      if (!hit) continue;
      if (hit.known) {
        vocabulary.add(article, hit.known, hit.text);
        continue;
      }
      const group = hit.group!;
      group.articles.add(article);
      group.spellings.set(hit.text, (group.spellings.get(hit.text) ?? 0) + mentions);
      group.mentions += mentions;
      group.afterPlaceWord += row[at + 2]!;
      group.tail += row[at + 3]!;
      if (hit.titled) group.titled += mentions;
    }
  });
  return groups;
}

/** Split multi-word groups whose every word is a name of its own (a vocabulary topic or a well-used group). */
function splitRuns(groups: Map<string, Group>, vocabulary: VocabularyView, minArticles: number): void {
  const standalone = (key: string) => vocabulary.keys.has(key) || (groups.get(key)?.articles.size ?? 0) >= minArticles;
  for (const [key, group] of [...groups]) {
    const words = group.words.filter((w) => !/^\p{Ll}/u.test(w));
    if (words.length < 2) continue;
    const keys = words.map((w) => foldName(w));
    if (!keys.every((k) => k && !k.includes(" ") && standalone(k))) continue;
    groups.delete(key);
    keys.forEach((k, i) => {
      const topic = vocabulary.keys.get(k);
      for (const article of group.articles) {
        if (topic) vocabulary.add(article, topic, words[i]!);
        else groups.get(k)!.articles.add(article);
      }
    });
  }
}

/** Fold an acronym group into the one multi-word name (vocabulary alias or group) whose initials it spells. */
function joinAcronyms(groups: Map<string, Group>, vocabulary: VocabularyView, minArticles: number): void {
  const owners = new Map<string, { topic?: TopicEntry; group?: Group; name: string }[]>();
  const addOwner = (words: readonly string[], owner: { topic?: TopicEntry; group?: Group; name: string }) => {
    const initials = words.filter((w) => /^\p{Lu}/u.test(w) && !/^(?:Al|El|The|Of|For)$/.test(w)).map((w) => w[0]).join("");
    if (initials.length < 2) return;
    const list = owners.get(initials) ?? [];
    if (!list.some((o) => o.name === owner.name)) list.push(owner);
    owners.set(initials, list);
  };
  for (const topic of vocabulary.keys.values()) for (const alias of topic.aliases) if (/\s/.test(alias)) addOwner(alias.split(/[\s-]+/), { topic, name: topic.name });
  for (const group of groups.values()) if (group.words.length > 1 && group.articles.size >= minArticles) addOwner(group.words, { group, name: group.key });
  for (const group of [...groups.values()]) {
    if (group.words.length !== 1 || !isAcronym(group.words[0]!)) continue;
    const found = owners.get(group.words[0]!);
    if (found?.length !== 1) continue;
    const owner = found[0]!;
    let shared = 0;
    for (const a of group.articles) if (owner.topic ? vocabulary.has(a, owner.topic) : owner.group!.articles.has(a)) shared++;
    if (shared < ACRONYM_SHARE * group.articles.size) continue;
    groups.delete(group.key);
    for (const a of group.articles) {
      if (owner.topic) vocabulary.add(a, owner.topic, group.words[0]!);
      else owner.group!.articles.add(a);
    }
    if (owner.group) {
      for (const [s, n] of group.spellings) owner.group.shortForms.set(s, (owner.group.shortForms.get(s) ?? 0) + n);
      owner.group.mentions += group.mentions;
    }
  }
}

/** Fold a group into the one longer name (vocabulary alias or group) whose key words include all of its own. */
function joinShortForms(groups: Map<string, Group>, vocabulary: VocabularyView, minArticles: number): void {
  type Owner = { readonly name: string; readonly tokens: ReadonlySet<string>; readonly topic?: TopicEntry; readonly group?: Group };
  const byToken = new Map<string, Owner[]>();
  const addOwner = (owner: Owner) => {
    for (const t of owner.tokens) {
      const list = byToken.get(t);
      if (list) list.push(owner);
      else byToken.set(t, [owner]);
    }
  };
  for (const [key, topic] of vocabulary.keys) if (key.includes(" ")) addOwner({ name: topic.name, tokens: new Set(key.split(" ")), topic });
  for (const group of groups.values()) {
    if (group.key.includes(" ") && group.articles.size >= minArticles) addOwner({ name: group.key, tokens: new Set(group.key.split(" ")), group });
  }
  for (const group of [...groups.values()].sort((a, b) => a.articles.size - b.articles.size || (a.key < b.key ? -1 : 1))) {
    const tokens = group.key.split(" ");
    const owners = new Map<string, Owner>();
    for (const o of byToken.get(tokens[0]!) ?? []) {
      if (o.group !== group && o.tokens.size > tokens.length && tokens.every((t) => o.tokens.has(t))) owners.set(o.name, o);
    }
    if (owners.size !== 1) continue;
    if (group.afterPlaceWord * 5 >= group.mentions) continue;
    const owner = [...owners.values()][0]!;
    const has = (a: number) => (owner.topic ? vocabulary.has(a, owner.topic) : owner.group!.articles.has(a));
    let shared = 0;
    for (const a of group.articles) if (has(a)) shared++;
    if (shared < SHORT_FORM_SHARE * group.articles.size) continue;
    groups.delete(group.key);
    const spelling = [...group.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
    for (const a of group.articles) {
      if (owner.topic) vocabulary.add(a, owner.topic, spelling);
      else owner.group!.articles.add(a);
    }
    if (owner.group) {
      for (const [s, n] of group.spellings) owner.group.shortForms.set(s, (owner.group.shortForms.get(s) ?? 0) + n);
      owner.group.mentions += group.mentions;
    }
  }
}
