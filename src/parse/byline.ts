/** Reading bylines: "By AFP - Aug 01,2018 - Last updated at …", "Hussein Alkhattab - 7Dnews Syria". */
import { findDates, isDateOnly, type FoundDate } from "./dates.js";
import { STOPWORDS } from "./stopwords.js";

/** What a byline states. */
export interface Byline {
  readonly authors: string[];
  readonly publisher: string | null;
  readonly published: FoundDate | null;
  readonly updated: FoundDate | null;
}

const SEPARATOR = /\s+[-–—|]\s+|\s*\|\s*/;
const NAME = /^\p{Lu}[\p{L}'’.-]*(?:\s+(?:\p{Lu}[\p{L}'’.-]*|al-\p{L}+|bin|ben|ibn|de|van|von|el-\p{L}+)){0,4}$/u;
/** Words after an outlet name that name a desk or edition rather than the outlet. */
const DESK = /\s+(desk|staff|bureau|newsroom|team|correspondents?|reporters?|online|syria|lebanon|iraq|jordan|turkey|middle east|world|international|english|arabic)$/i;

/** A social media handle: "@ahiza_garcia" (a pattern source). */
export const HANDLE_SOURCE = "@\\w{2,30}";
/** A handle with its call to follow: "@ahiza_garcia", "Follow @erinmcunningham". */
const HANDLE = new RegExp(`(?:\\s*,)?\\s*(?:follow\\s+)?${HANDLE_SOURCE}\\b`, "gi");

/** A day without a year after a name: "Erin Cunningham March 18 at 3:57 PM". */
const YEARLESS_DATE = /\s+(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b(?!,?\s*\d{4})(?:\s+at\s+\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?)?\s*$/i;
/** Degrees and credentials listed after a name as if they were another author: "Brenda Goodman, MA". */
const CREDENTIAL = /^(?:MA|MS|MSc|BA|BSc|MD|PhD|RN|MPH|MBA|DO|DVM|JD|LLB|Esq)\.?$/;

/** The word that opens a byline, with what may come before it: "By", "Written by" (a pattern source). */
const BY_WORDS = "(?:written |words |reporting )?by";
/** What opens a byline, in a list item or with a colon too: "By ", "Written by ", "• by: ". */
const BY = new RegExp(`^(?:[•·]\\s*)?${BY_WORDS}(?:\\s*:\\s*|\\s+)`, "i");

/** A date and then a name: "Posted on March 10, 2015 by Nikhil Marathe". */
const DATE_FIRST = /^(?:(?:posted|published)\s+)?on\s+(.{6,40}?)\s+by\s+(\S.*)$/i;
/** A date line and then a name, without "on": "Monday November 18, 2019 7:45 am PST by Joe Rossignol". */
const DATE_LINE_FIRST = /^(.{6,60}?)\s+by\s+(\S.*)$/i;
/** Site accounts that sign posts without naming a person. */
const ACCOUNT = /^(?:admin|administrator|editor|editors|staff|webmaster|guest|author|team)$/i;

/** A job title after an author's name: "Meg James Staff Writer", "Jane Roe, Senior Correspondent". */
const JOB_TITLE =
  /\s+(?:(?:senior|staff|contributing|chief|special|political|foreign|national|business|science|health|technology|sports|associate|deputy|managing|executive)\s+)+(?:writer|reporter|correspondent|editor|columnist|contributor|producer|journalist)$/i;

/**
 * Parse a byline line.
 *
 * @param line One trimmed line.
 * @param nearHeadline Whether the line sits right by the headline, where an unprefixed
 *   "Name - Outlet" line is a byline.
 * @returns The byline, or null when the line is not one.
 */
export function parseByline(line: string, nearHeadline: boolean): Byline | null {
  const trimmed = line.trim();
  if (trimmed.length > 160) return null;
  const dated = dateThenName(trimmed);
  const text = dated === null ? trimmed : `By ${dated.name} - ${dated.date}`;
  const prefixed = BY.exec(text);
  if (!prefixed && !nearHeadline) return null;
  const named = prefixed ? text.slice(prefixed[0].length) : text;
  const unhandled = named.replace(HANDLE, "");
  const handled = unhandled.length < named.length;
  const rest = unhandled.replace(YEARLESS_DATE, "");
  const parts = rest.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  let published: FoundDate | null = null;
  let updated: FoundDate | null = null;
  const names: string[] = [];
  for (const part of parts) {
    const dates = findDates(part);
    if (dates.length > 0) {
      if (/updated|modified/i.test(part)) updated ??= dates[0]!;
      else published ??= dates[0]!;
      // "Ahiza Garcia February 1, 2016: 12:41 PM ET": the name before the date.
      const before = part
        .slice(0, dates[0]!.index)
        .replace(/[\s,;:·|-]+$/, "")
        .replace(/\s+(?:on|at|posted|published)$/i, "");
      if (names.length === 0 && before && !/updated|modified|published|posted/i.test(before)) names.push(before);
      continue;
    }
    names.push(part.replace(/[.,;:]+$/, ""));
  }
  if (names.length === 0) return null;
  const authors = names[0]!
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/)
    .map((a) => a.replace(JOB_TITLE, "").trim())
    .filter((a) => a && !CREDENTIAL.test(a) && !ACCOUNT.test(a));
  if (!authors.every((a) => NAME.test(a) || /^[A-Z]{2,6}$/.test(a))) return null;
  if (!prefixed) {
    // An unprefixed line must look like "Name Surname - Outlet" or "Name Surname - Apr 16, 2015" and nothing else.
    if (authors.length !== 1 || authors[0]!.split(/\s+/).length < 2) return null;
    // A name with its social media handle ("Devindra Hardawar, @devindra") is a byline too.
    const dated = names.length === 1 && (published !== null || handled);
    if (!dated && (names.length !== 2 || !/^[\p{Lu}\d][\p{L}\d'’.& -]{1,40}$/u.test(names[1]!))) return null;
    // "Alex Wong | Getty Images" credits a photo's taker.
    if (names.length === 2 && PICTURE_AGENCY.test(names[1]!)) return null;
  }
  const outlet = names[1] ? names[1].replace(DESK, "").trim() || names[1] : null;
  return { authors, publisher: outlet, published, updated };
}

/**
 * The date and the name of a line giving the date first: "Posted on March 10, 2015 by Nikhil
 * Marathe", or a date line and the name, "Monday November 18, 2019 7:45 am PST by Joe Rossignol".
 */
function dateThenName(line: string): { readonly date: string; readonly name: string } | null {
  const on = DATE_FIRST.exec(line);
  if (on !== null) return findDates(on[1]!).length > 0 ? { date: on[1]!, name: on[2]! } : null;
  const bare = DATE_LINE_FIRST.exec(line);
  return bare !== null && isDateOnly(bare[1]!) ? { date: bare[1]!, name: bare[2]! } : null;
}

/** Agencies that sell only pictures: a name beside one is a photographer's. */
const PICTURE_AGENCY = /^(?:Getty(?: Images)?|Shutterstock|iStock(?:photo)?|Alamy)$/i;

/** Two or three capitalised words, as a person's name is written. */
const NAME_LIKE = /^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}$/u;

/**
 * Whether a line is written like a person's name ("Mama Robotnik", "Ana Sandoiu").
 *
 * @param line One trimmed line.
 */
export function isNameLike(line: string): boolean {
  return NAME_LIKE.test(line) && !line.split(/\s+/).some((w) => STOPWORDS.has(w.toLowerCase()));
}

/**
 * A time stamp without a date that can be read, as pages print beside a headline: "Monday
 * 5:30PM", "3 hours ago", "11/12/19 4:40PM" (day and month could be either).
 */
const TIME_STAMP =
  /^(?:(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?|today|yesterday)\s+\d{1,2}[:.]\d\d\s*[ap]\.?m\.?|\d{1,2}\s+(?:min(?:ute)?s?|hours?|hrs?|days?)\s+ago|\d{1,2}\/\d{1,2}\/\d{2,4}(?:\s+\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?)?)$/i;

/**
 * Whether a line is a time stamp ("Monday 5:30PM", "3 hours ago", "11/12/19 4:40PM"): it marks
 * a byline or headline beside it; any date it states is read by `findDates`, not here.
 *
 * @param line One trimmed line.
 */
export function isTimeStamp(line: string): boolean {
  return TIME_STAMP.test(line);
}

/**
 * Whether a line is nothing but a date or a time stamp, as pages print under a name or a
 * headline.
 *
 * @param line One trimmed line.
 */
export function isStamp(line: string): boolean {
  return isDateOnly(line) || isTimeStamp(line);
}

/**
 * A byline whose "By" stands on a line of its own, the names on the next ("By" / "Randy Maniloff").
 *
 * @param lines The page's lines.
 * @param at The line that may be a lone "By".
 * @param nearHeadline As for {@link parseByline}.
 * @returns The byline the two lines make, or null.
 */
export function parseSplitByline(lines: readonly string[], at: number, nearHeadline: boolean): Byline | null {
  const next = lines[at + 1];
  return next !== undefined && LONE_BY.test(lines[at]!) ? parseByline(`By ${next}`, nearHeadline) : null;
}

/** "By" on a line of its own. */
const LONE_BY = new RegExp(`^${BY_WORDS}:?$`, "i");

/** A job title on a line of its own ("Games Editor", "Senior Correspondent"). */
const TITLE_LINE = /^(?:\p{Lu}[\p{L}-]+\s+){0,2}(?:Writer|Reporter|Editor|Correspondent|Columnist|Contributor|Producer|Journalist)$/u;

/**
 * A byline that is only a name on a line by the headline, taken when the page confirms it: a
 * job title, a date or a time stamp on the next line, or the name signed on another line of the page
 * ("Written by Patrick Allan", "Ben Silverman is a games editor…"). A name alone could be a
 * menu's or a section's; so confirmed, it is the author's.
 *
 * @param lines The page's lines.
 * @param at The line to read.
 * @returns The author's name, or null.
 */
export function bareNameByline(lines: readonly string[], at: number): string | null {
  const line = lines[at]!;
  if (!isNameLike(line)) return null;
  const next = lines[at + 1] ?? "";
  if (TITLE_LINE.test(next) || isStamp(next)) return line;
  const signed = new RegExp(`^(?:(?:written |posted |words |reporting )?by|about|(?:more|recent|latest) (?:from|by))\\s+${escapeRegExp(line)}$|^${escapeRegExp(line)} (?:is|was) (?:a|an|the) `, "i");
  return lines.some((other, k) => k !== at && signed.test(other)) ? line : null;
}

/** `text` with every character that means something in a regular expression escaped. */
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
