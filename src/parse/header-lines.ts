/**
 * Lines that state something about an article rather than being part of it: date lines, the
 * "First published …" stamp, and notes on the article's own author.
 */
import { MONTH } from "./date-formats.js";
import { dateOnly, findDates, onlyDateWords, type FoundDate } from "./dates.js";

/** What a date line states: a publication date, an update, or both. */
export interface DateLine {
  readonly published: FoundDate | null;
  readonly updated: FoundDate | null;
}

/**
 * The dates of a line that states only dates: one day ("Nov. 19, 2019 5:50 PM"), or a
 * publication and an update ("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC",
 * "November 19, 2019 / 12:21 AM / Updated 14 hours ago").
 *
 * @param line One trimmed line.
 * @returns The publication and update dates it states, or null when it is no date line.
 */
export function datesLine(line: string): DateLine | null {
  if (line.length > DATE_LINE_MAX) return null;
  const mark = UPDATE_MARK.exec(line);
  if (mark === null) {
    const date = dateOnly(line);
    return date === null ? null : { published: date, updated: null };
  }
  // What the line states before "Updated" is the publication; after it, the update.
  const before = line.slice(0, mark.index);
  const after = line.slice(mark.index);
  const published = dateOnly(before);
  const updated = dateOnly(after);
  if (published === null && updated === null) return null;
  if ((published === null && !onlyDateWords(before)) || (updated === null && !onlyDateWords(after))) return null;
  return { published, updated };
}

/**
 * The date of a date line broken in two after its day, as some pages set the day above the
 * time and the year ("November 20" / "15:23 2019").
 *
 * @param line One trimmed line.
 * @param next The line after it.
 * @returns The date, or null when the two lines are not such a date.
 */
export function splitDateLine(line: string, next: string | undefined): FoundDate | null {
  if (next === undefined || !YEARLESS_DAY.test(line)) return null;
  const rest = TIME_AND_YEAR.exec(next);
  if (rest === null) return null;
  return dateOnly(`${line}, ${rest[2]}${rest[1] === undefined ? "" : ` ${rest[1]}`}`);
}

/** A day without its year ("November 20", "20 Nov."). */
const YEARLESS_DAY = new RegExp(`^(?:(?:${MONTH})\\.?\\s+\\d{1,2}|\\d{1,2}\\s+(?:${MONTH})\\.?)$`, "i");
/** A year, after a time of day or alone ("15:23 2019", "2019"). */
const TIME_AND_YEAR = /^(?:(\d{1,2}:\d\d(?:\s*[ap]\.?m\.?)?)\s+)?((?:19|20)\d\d)$/i;

/** Where a date line's update begins. */
const UPDATE_MARK = /\b(?:last\s+)?(?:updated|modified)\b/i;
/** Longest date line. */
const DATE_LINE_MAX = 120;

/**
 * The date of a line giving a name and a date, as blogs print their author or site beside the
 * day ("LinkNaija August 08, 2018", "November 12, 2018 Beachbody"). The name could be either,
 * so only the date is read, as the publication date.
 *
 * @param line One trimmed line.
 * @returns The date, in the shape {@link datesLine} gives, or null for any other line.
 */
export function namedDateLine(line: string): { published: FoundDate; updated: null } | null {
  if (line.length > NAMED_DATE_MAX) return null;
  const found = findDates(line);
  if (found.length !== 1) return null;
  const { index, text } = found[0]!;
  const rest = [line.slice(0, index), line.slice(index + text.length)].map((part) => part.trim()).filter((part) => part !== "");
  return rest.length === 1 && NAME_WORDS.test(rest[0]!) ? { published: found[0]!, updated: null } : null;
}

/** Longest line giving a name and a date. */
const NAMED_DATE_MAX = 60;
/** One to three capitalised words, as a name or a site's is written ("LinkNaija", "Al-Masdar News"). */
const NAME_WORDS = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2}$/u;

/** A line stating when the article was first published ("First Published: Tuesday, November 19, 2019 08:38 AM"). */
const FIRST_PUBLISHED = /^first published\b/i;

/**
 * The date of a "First published …" line.
 *
 * @param line One trimmed line.
 * @returns The date, or null for any other line.
 */
export function firstPublished(line: string): FoundDate | null {
  if (line.length > DATE_STAMP_MAX || !FIRST_PUBLISHED.test(line)) return null;
  return findDates(line)[0] ?? null;
}

/** Longest "First published …" line. */
const DATE_STAMP_MAX = 100;
/** What an author's note says of them after their name ("… is a freelance writer living in Minneapolis"). */
const AUTHOR_NOTE = /^\s+(?:is|was)\s+(?:a|an|the)\s[^.]{0,80}\b(?:reporter|writer|correspondent|editor|columnist|journalist|contributor|producer)s?\b/;

/**
 * Whether a line is a note on one of the article's own authors, or its heading, as pages print
 * after the story: a story about another journalist ("Marie Colvin was an American
 * journalist…") goes on.
 *
 * @param line One trimmed line.
 * @param authors The article's authors, as its byline names them.
 */
export function isAuthorNote(line: string, authors: readonly string[]): boolean {
  return authors.some((name) => (line.startsWith(name) && AUTHOR_NOTE.test(line.slice(name.length))) || ABOUT_AUTHOR.exec(line)?.[1] === name);
}

/** A heading over a note on an author: "About Jane Roe", "Sobre Carlos Nadalim", "Über Moritz Bachmann". */
const ABOUT_AUTHOR = /^(?:about|sobre|über|à propos de|a proposito di|acerca de)\s+(.+?)\s*:?$/i;
