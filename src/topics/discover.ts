/** Gathering recurring names across the archive into discovered topics. */
import { makeSlug } from "../parse/slug.js";
import { cleanName, joinName, type CaseStats } from "./clean.js";
import { foldName } from "./fold.js";
import { guessKind } from "./kind.js";
import type { TopicEntry } from "./vocabulary.js";

/** A discovered topic needs mentions in at least this many articles to get a page. */
export const MIN_ARTICLES = 3;

/** One name phrase not matched by the vocabulary, as one article used it. */
export interface Candidate {
  readonly words: readonly string[];
  /** Every mention in the article opened a sentence. */
  readonly initial: boolean;
  readonly mentions: number;
  readonly afterPlaceWord: number;
}

/** A topic found in the archive, with its articles (indexes into the record list) and spellings. */
export interface Discovered {
  readonly topic: TopicEntry;
  readonly articles: Set<number>;
  readonly spellings: Map<string, number>;
}

interface Group {
  articles: Set<number>;
  spellings: Map<string, number>;
  mentions: number;
  afterPlaceWord: number;
  titled: number;
  words: readonly string[];
}

/**
 * Turn the archive's unmatched name phrases into topics. Each phrase is cleaned (junk rejected),
 * folded to its skeleton key, and grouped with every other spelling of that key. A key that
 * belongs to a vocabulary topic joins it (`onVocabulary`); others become topics when at least
 * `minArticles` articles use them. A lone surname joins the one person topic it ends (Putin →
 * Vladimir Putin).
 *
 * @param candidates Per article (by record index), its unmatched phrases.
 * @param stats Corpus case statistics.
 * @param vocabularyKeys Skeleton key → vocabulary topic.
 * @param onVocabulary Called for each article whose phrase folds to a vocabulary topic.
 * @param minArticles Evidence needed for a page.
 * @returns The discovered topics, most used first.
 */
export function discoverTopics(
  candidates: readonly (readonly Candidate[])[],
  stats: CaseStats,
  vocabularyKeys: ReadonlyMap<string, TopicEntry>,
  onVocabulary: (article: number, topic: TopicEntry, spelling: string) => void,
  minArticles = MIN_ARTICLES,
): Discovered[] {
  const cleaned = new Map<string, { key: string; text: string; words: readonly string[]; titled: boolean } | null>();
  const groups = new Map<string, Group>();
  candidates.forEach((list, article) => {
    for (const c of list) {
      const memo = `${c.initial ? "^" : ""}${c.words.join(" ")}`;
      let hit = cleaned.get(memo);
      if (hit === undefined) {
        const name = cleanName(c.words, c.initial, stats);
        hit = name && { key: foldName(name.words.join(" ")), text: joinName(name.words), words: name.words, titled: name.titled };
        if (hit && !hit.key) hit = null;
        cleaned.set(memo, hit);
      }
      if (!hit) continue;
      const known = vocabularyKeys.get(hit.key);
      if (known) {
        onVocabulary(article, known, hit.text);
        continue;
      }
      let group = groups.get(hit.key);
      if (!group) groups.set(hit.key, (group = { articles: new Set(), spellings: new Map(), mentions: 0, afterPlaceWord: 0, titled: 0, words: hit.words }));
      group.articles.add(article);
      group.spellings.set(hit.text, (group.spellings.get(hit.text) ?? 0) + c.mentions);
      group.mentions += c.mentions;
      group.afterPlaceWord += c.afterPlaceWord;
      if (hit.titled) group.titled += c.mentions;
    }
  });
  mergeSurnames(groups);
  const taken = new Set([...vocabularyKeys.values()].map((t) => t.slug));
  return [...groups.values()]
    .filter((g) => g.articles.size >= minArticles)
    .sort((a, b) => b.articles.size - a.articles.size || b.mentions - a.mentions || (a.words.join(" ") < b.words.join(" ") ? -1 : 1))
    .map((g) => {
      const name = [...g.spellings].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]![0];
      let slug = makeSlug(name);
      for (let n = 2; taken.has(slug); n++) slug = `${makeSlug(name)}-${n}`;
      taken.add(slug);
      const kind = guessKind({ words: name.split(/[\s-]+/), mentions: g.mentions, afterPlaceWord: g.afterPlaceWord, titled: g.titled });
      return { topic: { name, slug, kind, aliases: [...g.spellings.keys()], description: null, discovered: true }, articles: g.articles, spellings: g.spellings };
    });
}

/** Fold a one-word group into the only multi-word person-like group whose last word it is. */
function mergeSurnames(groups: Map<string, Group>): void {
  const byLastWord = new Map<string, string[]>();
  for (const [key, group] of groups) {
    const words = group.words.filter((w) => !/^(?:al|el|bin|ibn|ben|of|for|de)$/.test(w));
    if (words.length < 2 || words.length > 3) continue;
    if (guessKind({ words: group.words, mentions: group.mentions, afterPlaceWord: group.afterPlaceWord, titled: group.titled }) !== "person") continue;
    const last = foldName(words.at(-1)!);
    const list = byLastWord.get(last);
    if (list) list.push(key);
    else byLastWord.set(last, [key]);
  }
  for (const [key, group] of [...groups]) {
    const owners = byLastWord.get(key);
    if (key.includes(" ") || owners?.length !== 1) continue;
    const owner = groups.get(owners[0]!)!;
    for (const a of group.articles) owner.articles.add(a);
    for (const [s, n] of group.spellings) owner.spellings.set(s, (owner.spellings.get(s) ?? 0) + n);
    owner.mentions += group.mentions;
    owner.titled += group.titled;
    groups.delete(key);
  }
}
