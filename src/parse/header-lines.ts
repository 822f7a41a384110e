/**
 * Lines that state something about an article rather than being part of it: date lines, the
 * "First published …" stamp, and notes on the article's own author.
 */
import { dateOnly, findDates, type FoundDate } from "./dates.js";

/**
 * The dates of a line that states only dates: one day ("Nov. 19, 2019 5:50 PM"), or a
 * publication and an update ("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024, 12:43 PM UTC").
 *
 * @param line One trimmed line.
 * @returns The publication and update dates it states, or null when it is no date line.
 */
export function datesLine(line: string): { published: FoundDate | null; updated: FoundDate | null } | null {
  const date = dateOnly(line);
  if (date !== null) {
    if (!/updated|modified/i.test(line)) return { published: date, updated: null };
    // "Published: 10:48, Tue, Nov 19, 2019 | Updated: 11:05, Tue, Nov 19, 2019": one day, both facts.
    return { published: /published|posted/i.test(line) ? date : null, updated: date };
  }
  const pair = /^(.{6,60}?)\s*[/|·•]\s*(?:last\s+)?updated:?\s+(.{6,60})$/i.exec(line);
  const published = pair ? dateOnly(pair[1]!) : null;
  const updated = published ? dateOnly(pair![2]!) : null;
  return published && updated ? { published, updated } : null;
}

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
