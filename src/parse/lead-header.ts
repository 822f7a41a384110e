/**
 * A page header run into the article's first paragraph, as text collections that lost their line
 * breaks hold it: "Wed 05 Apr 2017 Headline again. Text…", "Headline again Monitor AFP Sunday
 * 3 Jun 2014 Text…", "05.10.2017(updated 1935 05.10.2017) Text…", "Headline again Standfirst
 * AFP Friday 23 Aug 2013 Text…".
 */
import type { RemovedLine } from "../record.js";
import { parseByline } from "./byline.js";
import { findDates, weekdayAgrees, type FoundDate } from "./dates.js";

/** What the header at the start of a first paragraph states, and the paragraph without it. */
export interface LeadHeader {
  /** The paragraph with the header taken out (empty when nothing else was left). */
  readonly rest: string;
  readonly published: FoundDate | null;
  readonly updated: FoundDate | null;
  /** A standfirst between the repeated headline and the source and date. */
  readonly subtitle: string | null;
  /** Authors of a byline before the repeated headline ("by Asharq Al-Awsat English Headline…"). */
  readonly authors: readonly string[];
  /** The pieces taken out, in order, with why. */
  readonly removed: readonly RemovedLine[];
}

/** Words that say what a date is, before it ("Published", "Last updated at"). */
const DATE_CUE = /^(?:(?:date of publication|published|publication date|posted|last updated|updated|date)(?:\s+(?:at|on))?[:\s]*)?$/i;
/** A few words naming a source between a repeated headline and its date ("Monitor AFP"). */
const SOURCE_LABEL = /^(?:[\p{L}-]+(?:\s+[\p{L}-]+){0,3})?$/u;
/**
 * A photo credit and a section before a clock, between a repeated headline and its date: "Sputnik
 * Michael Alaeddin Middle East 1449 09.04.2017", "- Reports REUTERS Rodi Said Middle East 1730".
 */
const CREDIT_AND_CLOCK = /^(?:[-–—|]\s*)?(?:\p{Lu}[\p{L}'’.-]*\s+){1,8}\d{1,2}:?\d\d$/u;
/** News agencies, as pages name them before a date: one, or several joined ("AFP and Reuters"). */
const AGENCY = "(?:AFP|AP|Reuters|DPA|Xinhua|ANSA|EFE|Anadolu|TASS|UPI|IANS|PTI|KUNA|MENA|SANA|QNA|Bernama|Yonhap|Kyodo|Agencies)";
/** An agency credit alone before a date, at the very start of a paragraph. */
const AGENCY_LABEL = new RegExp(`^${AGENCY}(?:\\s*(?:,|/|and|&)\\s*${AGENCY})*$`);
/** An agency credit and a date with its weekday, after a standfirst. */
const AGENCY_DATE = new RegExp(`\\s(${AGENCY}(?:\\s*(?:,|/|and|&)\\s*${AGENCY})*)\\s+(?=(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\\.?,?\\s+\\d)`, "g");
/**
 * Share and print controls run into a paragraph, with their counters: "Print Tweet Views 1430",
 * "Get short URL Topic Battle Against Daesh in Syria (180) 0 54". The counters (comments, views;
 * older pages show a third, zero) are taken only when a capitalised word follows them.
 */
const WIDGETS = /^(?:(?:get short url|print(?: this page)?|tweet|share|e-?mail)\b[\s:]*|views\s+\d[\d,]*\s*)+(?:topic\s[^()]{1,80}\(\d+\)\s*)?(?:\d[\d,]*\s+(?:\d[\d,]*\s+(?:0\s+)?)?(?=["“\p{Lu}]))?/iu;
/** Controls that say what they are on their own; any other needs a second control beside it ("Print Tweet"). */
const TELLING_CONTROL = /get short url|print this page|views\s+\d/i;

/** A flag before a repeated headline: "UPDATED", "BREAKING:". */
const STORY_FLAG = /^(?:UPDATED|UPDATE|BREAKING(?: NEWS)?|EXCLUSIVE|WATCH|VIDEO)\b\s*:?\s*/;
/** Most words of a byline before a repeated headline. */
const BYLINE_MAX_WORDS = 6;
/** How far into a paragraph a leading date may start. */
const LEAD_DATE_REACH = 80;
/** How much of the paragraph after that reach is read with it. */
const LEAD_DATE_TAIL = 40;
/** How far into a paragraph, after the repeated headline, a standfirst's source and date may sit. */
const STANDFIRST_REACH = 400;
const STANDFIRST_MIN_WORDS = 4;
const STANDFIRST_MAX_WORDS = 45;
/** A run of letters and digits. */
const TOKEN = /[\p{L}\p{N}]+/gu;

/**
 * Read the header run into the start of an article's first paragraph: share controls, a date
 * with its cue words or an agency's credit, a byline, the headline repeated, and after it a
 * source label with a date, or a standfirst followed by an agency's credit and a date with its
 * weekday, then share controls again. A date followed by "(updated …)" is the publication date
 * and the one in brackets the update; a date closing a bracket whose start was cut off is
 * neither.
 *
 * @param paragraph The first paragraph of the body.
 * @param title The article's headline.
 * @param dated Whether the page's header lines already stated a date: no date is then read here.
 */
export function readLeadHeader(paragraph: string, title: string, dated: boolean): LeadHeader {
  const removed: RemovedLine[] = [];
  let published: FoundDate | null = null;
  let updated: FoundDate | null = null;
  let subtitle: string | null = null;
  let authors: readonly string[] = [];
  let rest = paragraph;
  const take = (prefix: string, reason: string) => {
    removed.push({ text: prefix.trim(), reason });
    rest = rest.slice(prefix.length).trim();
  };

  const controls = shareControls(rest);
  if (controls) take(controls, "share-links");
  if (!dated) {
    const lead = leadingDate(rest, (cue) => DATE_CUE.test(cue) || AGENCY_LABEL.test(cue));
    if (lead) {
      // "30.04.2017) Text…": the end of a bracket whose start was cut off says nothing of what the date was.
      if (/updated/i.test(lead.cue)) updated = lead.date;
      else if (!lead.closesBracket) ({ date: published, updated } = lead);
      take(lead.prefix, "date");
    }
  }
  const signed = bylineBeforeTitle(rest, title);
  if (signed) {
    authors = signed.authors;
    take(signed.prefix, "byline");
  }
  // "UPDATED Headline again…", "BREAKING: Headline again…": a flag the site set on the story.
  const flag = STORY_FLAG.exec(rest)?.[0];
  const flagged = flag && !STORY_FLAG.test(title) ? leadingTitle(rest.slice(flag.length), title) : null;
  if (flagged) take(flag!, "story-flag");
  const titlePrefix = flagged ?? leadingTitle(rest, title);
  if (titlePrefix) {
    take(titlePrefix, "repeated-title");
    if (!dated && published === null && updated === null) {
      // "Title Monitor AFP Sunday 3 Jun 2014 Text…": a short source label may sit before the date,
      // or a photo credit and a section before a clock ("Sputnik Michael Alaeddin Middle East 1449 09.04.2017").
      const lead = leadingDate(rest, (cue) => SOURCE_LABEL.test(cue) || CREDIT_AND_CLOCK.test(cue));
      const standfirst = lead ? null : standfirstThenDate(rest);
      if (lead) {
        ({ date: published, updated } = lead);
        take(lead.prefix, "date");
      } else if (standfirst) {
        subtitle = standfirst.subtitle;
        published = standfirst.date;
        rest = rest.slice(standfirst.subtitle.length).trim();
        take(standfirst.prefix, "date");
      }
    }
  }
  const widgets = shareControls(rest);
  if (widgets) take(widgets, "share-links");
  return { rest, published, updated, subtitle, authors, removed };
}

/** Share and print controls opening a paragraph, with their counters, or null ("Share prices fell…" is the story). */
function shareControls(text: string): string | null {
  const run = WIDGETS.exec(text)?.[0];
  if (!run) return null;
  const controls = run.match(/get short url|print(?: this page)?|tweet|share|e-?mail|views/gi)!;
  return controls.length >= 2 || TELLING_CONTROL.test(run) ? run : null;
}

/** A byline of a few words, then the headline repeated: "by Asharq Al-Awsat English Headline…". */
function bylineBeforeTitle(text: string, title: string): { prefix: string; authors: readonly string[] } | null {
  if (!/^by\s/i.test(text)) return null;
  const words = /\S+\s+/g;
  for (let k = 0; k <= BYLINE_MAX_WORDS && words.exec(text); k++) {
    const prefix = text.slice(0, words.lastIndex);
    if (k === 0 || leadingTitle(text.slice(prefix.length), title) === null) continue;
    const byline = parseByline(prefix.trim(), true);
    return byline && byline.authors.length > 0 ? { prefix, authors: byline.authors } : null;
  }
  return null;
}

/** A date stated at the very start of a paragraph, after words `cue` accepts, with a time or update note after it. */
function leadingDate(
  paragraph: string,
  cue: (words: string) => boolean,
): { prefix: string; cue: string; date: FoundDate; updated: FoundDate | null; closesBracket: boolean } | null {
  // Read past the reach, so that what follows the date is whole ("(updated 1925 16.05.2017)").
  const date = findDates(paragraph.slice(0, LEAD_DATE_REACH + LEAD_DATE_TAIL))[0];
  // "On 5 October 2016 the army…" opens a sentence of the story, not a dateline.
  if (!date || date.index > LEAD_DATE_REACH || /^on\s/i.test(date.text)) return null;
  const before = paragraph.slice(0, date.index).trim();
  if (!cue(before)) return null;
  let end = date.index + date.text.length;
  const tail = /^\s*(?:at\s+\d{1,2}:?\d{2}(?:\s*(?:GMT|UTC|[AP]M))?|\((updated[^)]{0,40})\)|(\)))?/i.exec(paragraph.slice(end))!;
  end += tail[0].length;
  // "(updated 1935 05.10.2017)": the clock before the date is no year.
  const updated = tail[1] === undefined ? null : findDates(tail[1].replace(/^updated\s+(?:\d{1,2}:?\d\d\s+)?/i, ""))[0] ?? null;
  return { prefix: paragraph.slice(0, end), cue: before, date, updated, closesBracket: tail[2] !== undefined && !before.includes("(") };
}

/**
 * A standfirst, then an agency's credit and a date with a weekday that agrees with it, as in
 * "Rebels pushed back in the north, monitor says AFP Friday 23 Aug 2013 Text…". The standfirst
 * is a few words to a sentence without a full stop, and a new sentence begins after the date.
 */
function standfirstThenDate(text: string): { subtitle: string; prefix: string; date: FoundDate } | null {
  const head = text.slice(0, STANDFIRST_REACH);
  AGENCY_DATE.lastIndex = 0;
  const credit = AGENCY_DATE.exec(head);
  if (!credit) return null;
  const subtitle = head.slice(0, credit.index).trim();
  const words = subtitle.split(/\s+/).length;
  if (words < STANDFIRST_MIN_WORDS || words > STANDFIRST_MAX_WORDS || /[.!?]["”']?\s/.test(`${subtitle} `)) return null;
  const after = credit.index + credit[0].length;
  const date = findDates(head.slice(after))[0];
  if (!date || date.index !== 0 || !weekdayAgrees(date)) return null;
  // The story's first sentence begins after the credit; "…said Reuters Friday 23 Aug 2013 was…" is the story.
  if (!/^\s+["“'‘\p{Lu}\p{N}]/u.test(head.slice(after + date.text.length))) return null;
  return { subtitle, prefix: head.slice(credit.index, after + date.text.length).trimStart(), date };
}

/** The headline repeated at the start of a paragraph, with its closing punctuation, or null. */
function leadingTitle(paragraph: string, title: string): string | null {
  const words = title.toLowerCase().match(TOKEN);
  if (!words || words.length < 3) return null;
  const head = paragraph.slice(0, title.length * 3 + 40);
  const token = new RegExp(TOKEN.source, "gu");
  let end = 0;
  for (const word of words) {
    const m = token.exec(head);
    if (!m || m[0].toLowerCase() !== word) return null;
    // Only separators may stand between the words.
    if (/[\p{L}\p{N}]/u.test(head.slice(end, m.index)) || (end > 0 && m.index === end)) return null;
    end = m.index + m[0].length;
  }
  const tail = /^[^\p{L}\p{N}\s]*\s*/u.exec(head.slice(end))!;
  return head.slice(0, end + tail[0].length);
}
