/** Finding dates stated in text; only fully stated dates (day, month and year) count. */
import { GB } from "chrono-node/en";
import { isCalendarDate, pad, quickDates } from "./date-formats.js";

/** A date found in a piece of text. */
export interface FoundDate {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:00Z`-style ISO when a time and zone are stated. */
  readonly iso: string;
  /** The matched text. */
  readonly text: string;
  /** Offset of the match in the searched text. */
  readonly index: number;
}

/** A year written out (four digits, or two after a numeric day and month): relative phrases have none. */
const STATED_YEAR = /(?:^|\D)(?:1[89]|20)\d\d(?!\d)|\d{1,2}[./-]\d{1,2}[./-]\d{2}(?!\d)/;
/** Longest line that can be a date and nothing else ("Last updated at Wednesday 21 November 2018 10:59 GMT+3"). */
const DATE_LINE_MAX = 80;
const REFERENCE = new Date(Date.UTC(2000, 0, 1));
/** `Jul 282016` (day and year run together) → `Jul 28 2016`. */
const RUN_TOGETHER = /\b((?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?) ?([0-3]?\d)((?:19|20)\d\d)\b/g;
/** `08.04.2017Get short URL` (a numeric date run into the next word) → `08.04.2017 Get short URL`. */
const RUN_INTO_WORD = /\b(\d{1,2}[./-]\d{1,2}[./-](?:19|20)\d\d)(?=\p{L})/gu;
/** Numeric dates written with slashes and both parts ≤ 12 are ambiguous (day/month order), with a time after them or not. */
const AMBIGUOUS_SLASH = /^(\d{1,2})\/(\d{1,2})\/\d{2,4}(?!\d)/;

/**
 * Find every fully stated date in `text`, in order. Weekday-only or month-only mentions
 * ("on Tuesday", "in March 2016") are never returned: a date is never guessed.
 * Numeric dates are read day-first (`28-08-2016`, `08.04.2017`); slashed ones whose day
 * and month could be swapped are skipped.
 *
 * @param text Text to search.
 * @returns Dates found, with the matched text and its offset.
 */
export function findDates(text: string): FoundDate[] {
  // Every fully stated date has a year in digits: without one, chrono is not asked.
  if (!/\d\d/.test(text)) return [];
  // Spaces inserted into run-together dates are tracked so that offsets and texts refer to `text`.
  const inserted: number[] = [];
  const spaced = text.replace(RUN_INTO_WORD, (match: string, _date: string, offset: number) => {
    inserted.push(offset + inserted.length + match.length);
    return `${match} `;
  });
  let shift = 0;
  const prepared = spaced.replace(RUN_TOGETHER, (match: string, mon: string, day: string, year: string, offset: number) => {
    const fixed = `${mon} ${day} ${year}`;
    if (fixed.length > match.length) {
      const at = offset + shift++ + match.length - year.length;
      for (let k = 0; k < inserted.length; k++) if (inserted[k]! >= at) inserted[k]!++;
      inserted.push(at);
    }
    return fixed;
  });
  if (!STATED_YEAR.test(prepared)) return [];
  const original = (at: number) => at - inserted.filter((p) => p < at).length;
  const out: FoundDate[] = [];
  // The common explicit formats are read directly; the general parser is asked only when some
  // year in the text is not part of a date read that way.
  const quick = quickDates(prepared);
  if (quick !== null && !STATED_YEAR.test(withoutSpans(prepared, quick.map((span) => withClock(prepared, span))))) {
    for (const { iso, index, end } of quick) {
      const start = original(index);
      out.push({ iso, text: text.slice(start, original(end)), index: start });
    }
    return out;
  }
  for (const result of GB.parse(prepared, REFERENCE)) {
    const stated = result.start;
    if (!stated.isCertain("day") || !stated.isCertain("month") || !stated.isCertain("year")) continue;
    if (!STATED_YEAR.test(result.text)) continue;
    const ambiguous = AMBIGUOUS_SLASH.exec(result.text.trim());
    if (ambiguous && Number(ambiguous[1]) <= 12 && Number(ambiguous[2]) <= 12 && ambiguous[1] !== ambiguous[2]) continue;
    const year = stated.get("year")!;
    if (year < 1900 || year > 2100) continue;
    // The general parser takes some impossible days as stated (`29February 1999Jan`).
    if (!isCalendarDate(year, stated.get("month")!, stated.get("day")!)) continue;
    const date = `${year}-${pad(stated.get("month")!)}-${pad(stated.get("day")!)}`;
    const offset = stated.get("timezoneOffset");
    let iso = date;
    if (stated.isCertain("hour") && offset !== null && offset !== undefined) {
      const utc = stated.date();
      iso = utc.toISOString().replace(/:\d\d\.\d{3}Z$/, ":00Z");
    }
    const start = original(result.index);
    out.push({ iso, text: text.slice(start, original(result.index + result.text.length)), index: start });
  }
  return out;
}

/**
 * Whether a whole line is just a date (and maybe a time and zone), like a site header clock.
 *
 * @param line One line of text.
 */
export function isDateOnly(line: string): boolean {
  return dateOnly(line) !== null;
}

/**
 * The date of a line that is just a date (and maybe a time and zone), like a site header clock.
 *
 * @param line One line of text.
 * @returns The (first) date it states, or null when the line holds anything else.
 */
export function dateOnly(line: string): FoundDate | null {
  if (line.length > DATE_LINE_MAX) return null;
  const found = findDates(line);
  // One date, or the same day stated twice ("Published Thursday 27 July 2017 Published Thu 27 Jul 2017").
  if (found.length === 0 || found.some((d) => d.iso.slice(0, 10) !== found[0]!.iso.slice(0, 10))) return null;
  let rest = line;
  for (const date of found) rest = rest.replace(date.text, "");
  return onlyDateWords(rest) ? found[0]! : null;
}

/**
 * Whether a line holds nothing but what a date line holds besides its dates: labels, weekdays,
 * times, zones, a relative time ("Updated 14 hours ago").
 *
 * @param text The line, or what is left of it once its dates are taken out.
 */
export function onlyDateWords(text: string): boolean {
  return text.replace(RUN_TOGETHER, "").replace(CLOCK, "").replace(DATE_LINE_WORDS, "").replace(/[\d:.,|()[\]/@\-–—•·\s+]/g, "").length === 0;
}

/** A time of day beside a date, with its zone: "6:45 PM", "@17:19", "07:05 pm ET", "15:24pm ist". */
const CLOCK = /\b\d{1,2}[:.]\d\d(?:\s*[ap]\.?m\b\.?)?(?:\s*(?:[ECMP][SD]?T|GMT|UTC|BST|IST|CES?T|EES?T|AES[DT]|[JK]ST|HKT|SGT|WIB)\b)?/gi;
/**
 * Words a date line may hold besides its dates: labels, weekdays, zones and a relative update
 * ("Posted: Fri 6:45 PM, Feb 16, 2018", "November 19, 2019 / 12:21 AM / Updated 14 hours ago",
 * "Published Wed, Nov 20 2019 4:29 AM EST Updated an hour ago", "Nov 18, 2019 at 9:24 pm ET • 2 min read",
 * "기사입력 : 2018-08-25 15:24").
 */
const DATE_LINE_WORDS = new RegExp(
  [
    "\\b(?:GMT|UTC|[AP]M|at|on|updated|published|posted|last|date|of|publication|modified)\\b",
    "\\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b",
    "\\b(?:\\d+|an?)\\s+(?:minutes?|mins?|hours?|hrs?|days?)\\s+ago\\b",
    "\\b\\d+\\s*(?:minutes?|mins?)\\s+read\\b",
    "(?:기사입력|입력|수정|승인)",
  ].join("|"),
  "gi",
);

/**
 * A date's span with the clock written before it in four digits, as in "Middle East 2033
 * 15.04.2017": such a clock is no year, and it would send the text to the general parser.
 */
function withClock(text: string, span: { index: number; end: number }): { index: number; end: number } {
  const clock = CLOCK_BEFORE.exec(text.slice(Math.max(0, span.index - 8), span.index));
  return clock === null ? span : { index: span.index - clock[0].length, end: span.end };
}

/** A four-digit clock ("2033") and the space after it, at the end of a text. */
const CLOCK_BEFORE = /(?<!\d)(?:[01]\d|2[0-3])[0-5]\d\s+$/;

/** `text` with the given spans blanked out. */
function withoutSpans(text: string, spans: readonly { index: number; end: number }[]): string {
  let rest = "";
  let at = 0;
  for (const { index, end } of spans) {
    rest += `${text.slice(at, index)} `;
    at = end;
  }
  return rest + text.slice(at);
}

const WEEKDAYS = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

/**
 * Whether a found date opens with a weekday, and the weekday is the date's own ("Friday
 * 23 Aug 2013"): a page's dateline states both, and agreeing they confirm each other.
 *
 * @param date A date from {@link findDates}.
 */
export function weekdayAgrees(date: FoundDate): boolean {
  const stated = /^(sun|mon|tue|wed|thu|fri|sat)[a-z]*\b/i.exec(date.text);
  if (!stated) return false;
  const [year, month, day] = date.iso.slice(0, 10).split("-").map(Number);
  return WEEKDAYS[new Date(Date.UTC(year!, month! - 1, day!)).getUTCDay()] === stated[1]!.toLowerCase();
}
