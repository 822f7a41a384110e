/**
 * Reading the explicit date formats news pages use most ("Fri, 03 Aug 2018 21:55 GMT",
 * "Aug 01,2018", "5 October 2016", "Wed Jun 1 2016", "28-08-2016", "2016-10-05") with plain
 * regular expressions. A date with anything around it that a general parser could read
 * differently (a range, a time with a zone or AM/PM, a second date nearby) is left alone:
 * the caller then asks the general parser.
 */

/** A date read by a fast pattern, with offsets in the searched text. */
export interface QuickDate {
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:00Z` for a time stated in GMT/UTC. */
  readonly iso: string;
  /** Offset of the match. */
  readonly index: number;
  /** Offset just past the match. */
  readonly end: number;
}

/** A month's name, whole or shortened (a pattern source, to be matched case-insensitively). */
export const MONTH = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";
/** A weekday's name, whole or shortened (a pattern source, to be matched case-insensitively). */
export const WEEKDAY = "mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:r(?:s(?:day)?)?)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?";
const YEAR = "((?:19|20)\\d\\d)";
/** A weekday before a date, and "on" before either (taken into the match as the general parser does). */
const WEEKDAY_PREFIX = `(?:\\b(?:${WEEKDAY})\\.?\\s*,?\\s*)`;
/** Day-month-year, month-day-year, numeric day-first and ISO dates, each alone in its own group set. */
const QUICK_DATE = new RegExp(
  [
    `(?:\\bon\\s+)?${WEEKDAY_PREFIX}?\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(${MONTH})\\.?,?\\s+${YEAR}\\b`,
    `(?:(?:\\bon\\s+)?${WEEKDAY_PREFIX})?\\b(${MONTH})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?(?:,\\s*|\\s+)${YEAR}\\b`,
    `\\b(\\d{1,2})([-./])(\\d{1,2})\\8${YEAR}\\b`,
    `\\b${YEAR}-(\\d\\d)-(\\d\\d)\\b`,
  ].join("|"),
  "gi",
);
/** A clock time after a date, with an optional GMT/UTC zone. */
const CLOCK = /^\s+([01]?\d|2[0-3]):([0-5]\d)(?:\s+(GMT|UTC))?(?![\d:.])/i;
/** What may follow a date and change how it reads: a time, a range, a zone, another number. */
const AFTER_RISK = new RegExp(
  `^\\s*[,:]?\\s*(?:(?:from|to|until|till|through|and|[-–—])\\s*(?:\\d|(?:${MONTH}|${WEEKDAY})\\b)|(?:at|@)\\s*\\d{1,2}(?:[:.]\\d\\d|\\s*[ap]\\.?m\\b)|(?:at\\s+)?(?:noon|midnight|morning|afternoon|evening|night|tonight|[ap]\\.?m)\\b|[+]|[Tt]\\d|\\d{1,4}(?!\\d))`,
  "i",
);
/** A zone-like abbreviation after a clock time ("10:59 AST"): the general parser knows the zones. */
const ZONE_AFTER = /^\s*,?\s*[A-Z]{2,5}\b(?![a-z])/;
/** A count after a date ("Sun 10 Jul 2016 29 rebels dead"): a number, then a word that is no clock unit. */
const COUNT_AFTER = /^\s+\d{1,3}\s+(?![ap]\.?m\b|h\b|hrs?\b|hours?\b|o['’]clock\b)\p{Lu}?\p{Ll}{2,}/u;
/** A month or a range word before a date: "October 5 to November 7 2016", "from 5 October 2016". */
const BEFORE_RISK = new RegExp(`\\b(?:${MONTH})\\b|\\b(?:from|between|since|until|till)\\s*$`, "i");
/** Words that may join a number to a following date as a range or a time ("5 and 6 October", "10:30 GMT on"). */
const JOINING = /^(?:and|to|or|through|till|until|on|at|the|of|[ap]\.?m\.?)$/i;
/** A time zone's abbreviation, as in "10:30 GMT on 5 October". */
const ZONE_WORD = /^[A-Z]{2,5}$/;
const MONTH_NUMBER = new Map(
  ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"].map((m, i) => [m, i + 1]),
);

/**
 * Read every date in `text` written in one of the common explicit formats.
 *
 * @param text Text to search.
 * @returns The dates in order, or null when some date in the text needs the general parser
 *   (an unusual format, a range, a time with an offset or AM/PM).
 */
export function quickDates(text: string): QuickDate[] | null {
  const out: QuickDate[] = [];
  QUICK_DATE.lastIndex = 0;
  for (let m = QUICK_DATE.exec(text); m !== null; m = QUICK_DATE.exec(text)) {
    const [day, month, year] = m[1]
      ? [Number(m[1]), MONTH_NUMBER.get(m[2]!.slice(0, 3).toLowerCase())!, Number(m[3])]
      : m[4]
        ? [Number(m[5]), MONTH_NUMBER.get(m[4].slice(0, 3).toLowerCase())!, Number(m[6])]
        : m[7]
          ? [Number(m[7]), Number(m[9]), Number(m[10])]
          : [Number(m[13]), Number(m[12]), Number(m[11])];
    if (m[8] === "/") return null; // slashed dates: day/month order is the general parser's call
    if (!isCalendarDate(year, month, day)) return null;
    const before = text.slice(Math.max(0, m.index - 14), m.index);
    if (BEFORE_RISK.test(before) || numberJoinsDate(before)) return null;
    let end = m.index + m[0].length;
    let iso = `${year}-${pad(month)}-${pad(day)}`;
    const clock = m[11] ? null : CLOCK.exec(text.slice(end));
    if (clock) {
      if (clock[3]) iso += `T${pad(Number(clock[1]))}:${clock[2]}:00Z`;
      end += clock[0].length;
    }
    const after = text.slice(end, end + 24);
    if (AFTER_RISK.test(after) && !COUNT_AFTER.test(after)) return null;
    if (clock && !clock[3] && ZONE_AFTER.test(after)) return null;
    out.push({ iso, index: m.index, end });
  }
  return out;
}

/** Whether a number just before a date may belong to it (a range start or a clock time). */
function numberJoinsDate(before: string): boolean {
  const last = /(?:^|[^\d:.])(\d+)([^\d]*)$/.exec(before);
  if (!last) return /\d/.test(before); // a clock time or decimal number ("10:30 GMT on …")
  if (last[1]!.length > 2) return false; // no day, hour or minute has three digits
  const words = last[2]!.match(/\p{L}+/gu) ?? [];
  return words.every((word) => JOINING.test(word) || ZONE_WORD.test(word));
}

/**
 * Whether the calendar has this day (no 29 February 1999, no 31 April).
 *
 * @param year Four-digit year.
 * @param month 1 to 12.
 * @param day Day of the month.
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * Two-digit form of a month, day, hour or minute.
 *
 * @param n A number below 100.
 */
export function pad(n: number): string {
  return String(n).padStart(2, "0");
}
