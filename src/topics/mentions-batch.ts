/**
 * Finding each article's topic mentions in batches, the per-article half of topic assignment:
 * what worker threads run, and what the build caches by the article's text and vocabulary.
 */
import { codeKey } from "../code-key.js";
import { hashOf } from "../hash.js";
import type { ArticleRecord } from "../record.js";
import { ownBuffers } from "../threads.js";
import { articleMentions, vocabularyIndex, type ArticleMentions, type VocabularyIndex } from "./article-mentions.js";
import type { ArticleWords } from "./case-stats.js";
import { packCandidates, unpackCandidates, type PackedCandidates } from "./discover.js";
import type { TopicEntry } from "./vocabulary.js";

/** Version of the mentions' shape and of how they are found; part of their cache key. */
export const MENTIONS_VERSION = "3";

/** What a mentions batch needs of an article. */
export type MentionSource = Pick<ArticleRecord, "title" | "subtitle" | "body" | "topics">;

/** The vocabulary a batch is matched against, with a key telling vocabularies apart. */
export interface MentionContext {
  readonly key: string;
  readonly vocabulary: readonly TopicEntry[];
}

/**
 * An article's mentions serialised: what is cached, and what threads pass back. An article's
 * distinct words take far less room this way than as strings, and only the functions below
 * turn them back, one article at a time. Its topic evidence and its words are serialised apart
 * as JSON text (the first four bytes tell the evidence's length), so that either can be read
 * alone; JSON of packed candidates is read back several times faster than structured clones
 * of candidate objects, and takes a fifth of their room.
 */
export type StoredMentions = Uint8Array;

/** What topic assignment reads of every article: its topics and name phrases (packed), without its words. */
export interface TopicEvidence {
  readonly topics: ArticleMentions["topics"];
  readonly candidates: PackedCandidates;
}

/**
 * An article's topic evidence, its candidates packed.
 *
 * @param mentions From `articleMentions`.
 */
export function topicEvidence(mentions: Pick<ArticleMentions, "topics" | "candidates">): TopicEvidence {
  return { topics: mentions.topics, candidates: packCandidates(mentions.candidates) };
}

/**
 * Serialise an article's mentions.
 *
 * @param mentions From `articleMentions`.
 */
export function storeMentions(mentions: ArticleMentions): StoredMentions {
  const evidence = Buffer.from(JSON.stringify(topicEvidence(mentions)));
  const words = Buffer.from(JSON.stringify({ lowerWords: mentions.lowerWords, capitalWords: mentions.capitalWords } satisfies ArticleWords));
  const stored = Buffer.allocUnsafeSlow(4 + evidence.length + words.length);
  stored.writeUInt32LE(evidence.length, 0);
  evidence.copy(stored, 4);
  words.copy(stored, 4 + evidence.length);
  return stored;
}

let current: { key: string; index: VocabularyIndex } | null = null;

/**
 * The mentions of every article of a batch (the vocabulary's index is built once per thread),
 * serialised, with their buffers to move rather than copy between threads.
 *
 * @param articles The batch.
 * @param context The vocabulary.
 */
export function mentionBatch(articles: readonly MentionSource[], context: MentionContext): { results: StoredMentions[]; transfer: ArrayBuffer[] } {
  if (current?.key !== context.key) current = { key: context.key, index: vocabularyIndex(context.vocabulary) };
  const index = current.index;
  const results = articles.map((a) => storeMentions(articleMentions(a as ArticleRecord, index)));
  return { results, transfer: ownBuffers(results) };
}

/**
 * One article's mentions from their stored form.
 *
 * @param stored From {@link mentionBatch} or the cache.
 */
export function restoreMentions(stored: StoredMentions): ArticleMentions {
  const { topics, candidates } = restoreEvidence(stored);
  return { topics, candidates: unpackCandidates(candidates), ...restoreWords(stored) };
}

/**
 * One article's topics and name phrases from its stored mentions, leaving its words alone.
 *
 * @param stored From {@link mentionBatch} or the cache.
 */
export function restoreEvidence(stored: StoredMentions): TopicEvidence {
  const view = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return JSON.parse(view.toString("utf8", 4, 4 + view.readUInt32LE(0))) as TopicEvidence;
}

/**
 * One article's distinct words from its stored mentions.
 *
 * @param stored From {@link mentionBatch} or the cache.
 */
export function restoreWords(stored: StoredMentions): ArticleWords {
  const view = Buffer.from(stored.buffer, stored.byteOffset, stored.byteLength);
  return JSON.parse(view.toString("utf8", 4 + view.readUInt32LE(0))) as ArticleWords;
}

/**
 * A name for the code that finds mentions (this folder's modules and those they use; see
 * `codeKey`): part of their cache keys, so that mentions an earlier version found are found again.
 */
export function mentionsCodeKey(): string {
  return codeKey(["topics", "parse", "dedupe", "record"]);
}

/**
 * The cache key of an article's mentions: a hash of everything they depend on, the code that
 * finds them among it.
 *
 * @param article Title, standfirst, body and preset topics.
 * @param vocabularyKey Key of the vocabulary (see {@link MentionContext}).
 * @param bodyName What names the body's content, when something does (see `nameContent`):
 *   the body is then stood for by it instead of being hashed.
 */
export function mentionKey(article: MentionSource, vocabularyKey: string, bodyName?: string): string {
  let text = `${MENTIONS_VERSION}\0${mentionsCodeKey()}\0${vocabularyKey}\0${article.title}\0${article.subtitle ?? "\u0001"}\0`;
  if (bodyName !== undefined) text += `\u0003${bodyName}`;
  else {
    text += "\u0004";
    for (const block of article.body) text += `${block.text}\0`;
  }
  return hashOf("sha256", `${text}\u0002${article.topics.join("\0")}`, "base64url");
}
