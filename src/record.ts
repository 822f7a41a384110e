/**
 * The article record: the one type every stage of the pipeline reads and writes.
 *
 * `read` produces source files, `parse` turns each into a record, `dedupe` and `topics`
 * refine records, `render` and `search` consume them.
 */

/** Kinds of body block a record can hold. */
export type BlockType = "paragraph" | "heading" | "caption" | "quote" | "list-item";

/** One block of article body text (plain text, never markup). */
export interface Block {
  readonly type: BlockType;
  readonly text: string;
  /** A numbered list item's number as the page gives it ("6) Ghostbusters" → 6); other blocks have none. */
  readonly number?: number;
}

/** A line taken out of the source text, and why. */
export interface RemovedLine {
  readonly text: string;
  /** Short reason code, e.g. `navigation`, `duplicate`, `site-clock`, `byline`. */
  readonly reason: string;
}

/** A structured article, as parsed from one input file. */
export interface ArticleRecord {
  /** Input file name, relative to the input folder (forward slashes). */
  source: string;
  /** URL slug, unique within an archive once the build has assigned it. */
  slug: string;
  title: string;
  /** Standfirst under the headline. */
  subtitle: string | null;
  /** People or agencies, without "By" and without the outlet. */
  authors: string[];
  /** The outlet, when the text names it. */
  publisher: string | null;
  /** Publication date as stated in the text (`YYYY-MM-DD` or full ISO date-time), or null. */
  published: string | null;
  /** Last-updated date as stated in the text, or null. */
  updated: string | null;
  /** Place name opening the story, e.g. `BEIRUT`. */
  dateline: string | null;
  /** Section or category, e.g. `Middle East`. */
  section: string | null;
  body: Block[];
  /** Every line taken out of the source, with the reason. */
  removed: RemovedLine[];
  /** Doubts and repairs worth a reader's or editor's attention. */
  warnings: string[];
  /** Canonical names of the topics the article mentions (filled by the topics stage). */
  topics: string[];
  /** Slug of the canonical copy when this article is a duplicate of another (set by dedupe). */
  duplicateOf?: string;
}
