/** Extraction of an article record from raw scraped text. */
import type { ArticleRecord, Block, RemovedLine } from "../record.js";
import { furnitureReason, isCommentsHeader, isRelatedHeader, isTeaserLabel, publisherFromFooter } from "./boilerplate.js";
import { bareNameByline, isStamp, isTimeStamp, parseByline, parseSplitByline, type Byline } from "./byline.js";
import { findDateline, isSectionLine, typeLine } from "./blocks.js";
import { withoutHoverCards } from "./hover-cards.js";
import { WEEKDAY } from "./date-formats.js";
import { findDates, isDateOnly, type FoundDate } from "./dates.js";
import { chooseHeadline, foldLine, isHeadlineLike, splitOutletSuffix, statedHeadline, type HeadlineContext } from "./headline.js";
import { datesLine, firstPublished, type DateLine, isAuthorNote, namedDateLine, splitDateLine } from "./header-lines.js";
import { readLeadHeader } from "./lead-header.js";
import { withoutPitches } from "./pitches.js";
import { bylineBetweenPrints, stampedAboveBody } from "./set-apart-bylines.js";
import { classifyLines, findContentRegion, keepInRegion, type LineInfo } from "./content.js";
import { UNREADABLE } from "./normalize.js";

/** Fields of a record that extraction finds (everything but `source`, `slug` and `topics`). */
export type ExtractedFields = Omit<ArticleRecord, "source" | "slug" | "topics">;

const SUBTITLE_MAX_WORDS = 45;
/** Spacing to fold to one space: a run of two or more, or a single tab or other space (never a line break). */
const SPACE_RUN = /[^\S\n]{2,}|[^\S\n ]/g;
/** A line opening with "By", as bylines do. */
const SIGNED = /^(?:[•·]\s*)?by\b/i;

/**
 * Fields with nothing found yet: no title, no metadata, empty body.
 *
 * @returns A fresh object, safe to fill in.
 */
export function emptyFields(): ExtractedFields {
  return {
    title: "",
    subtitle: null,
    authors: [],
    publisher: null,
    published: null,
    updated: null,
    dateline: null,
    section: null,
    body: [],
    removed: [],
    warnings: [],
  };
}

/**
 * Extract title, standfirst, byline, dates and typed body from normalised scraped text.
 *
 * @param text Normalised text (LF line endings).
 * @returns The extracted fields; `removed` lists every line taken out and why.
 */
export function extractFromText(text: string): ExtractedFields {
  const lines = text
    .replace(SPACE_RUN, " ")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  const removed: RemovedLine[] = [];
  const warnings: string[] = [];
  const drop = (line: string, reason: string) => removed.push({ text: line.trim(), reason });
  const out: ExtractedFields = { ...emptyFields(), removed, warnings };

  // Lines that are nothing but an unreadable fragment carry no text.
  const readable = lines.filter((line) => {
    if (line.replaceAll(UNREADABLE, "").trim() === "") {
      drop(line, "unreadable");
      return false;
    }
    return true;
  });

  const furniture = readable.map((line) => furnitureReason(line));
  const info = classifyLines(readable);
  const region = findContentRegion(info) ?? { start: 0, end: readable.length - 1 };
  let headlineAt = chooseHeadline(headlineContext(readable, info, furniture, region.start));
  if (headlineAt < 0) headlineAt = fallbackHeadline(readable, furniture);
  if (headlineAt < 0) {
    warnings.push("no headline found");
    for (const line of readable) drop(line, "no-text");
    return out;
  }
  // A date line just above the headline dates the article when nothing below it does; higher
  // up, among the site's menus, a date is the site's clock.
  const above = dateAboveHeadline(readable, info, headlineAt);
  // Where the lines above the headline go in `removed`: the date line above is named a date if
  // it dates the article, and a name between two prints of the headline a byline.
  const aboveAt = removed.length;
  for (let k = 0; k < headlineAt; k++) {
    drop(readable[k]!, isDateOnly(readable[k]!) ? "site-clock" : furniture[k] ?? "site-header");
  }
  const { title, outlet } = splitOutletSuffix(statedHeadline(readable, headlineAt));
  out.title = title;
  if (outlet) out.publisher = outlet;
  const titleKey = foldLine(title);
  const headlineKey = foldLine(readable[headlineAt]!);
  const isTitleRepeat = (line: string) => {
    if (line.length > readable[headlineAt]!.length * 2 + 20) return false;
    const key = foldLine(line);
    return key === titleKey || key === headlineKey;
  };

  // Header zone: repeated headline, byline, date lines, standfirst; then whatever precedes the body.
  const publishedDates: FoundDate[] = [];
  const takeByline = (byline: Byline, line: string) => {
    out.authors = byline.authors;
    if (byline.publisher) out.publisher = byline.publisher;
    if (byline.published) publishedDates.push(byline.published);
    if (byline.updated) out.updated = byline.updated.iso;
    drop(line, "byline");
  };
  let i = headlineAt + 1;
  let sinceHeadline = 0;
  let unknownLines = 0;
  // Below a teasers' heading ("You may also like"), a line is another article's headline.
  let teasers = false;
  for (; i < readable.length; i++, sinceHeadline++) {
    const line = readable[i]!;
    const beforeBody = i < region.start;
    if (!beforeBody && (sinceHeadline >= 8 || i > region.end)) break;
    if (isTitleRepeat(line)) {
      drop(line, "repeated-title");
      continue;
    }
    if (furniture[i]) {
      if (furniture[i] === "related-links") teasers = true;
      drop(line, furniture[i]!);
      continue;
    }
    const byline = out.authors.length === 0 ? parseByline(line, i <= headlineAt + 3 || beforeBody) : null;
    if (byline) {
      takeByline(byline, line);
      continue;
    }
    const split = out.authors.length === 0 ? parseSplitByline(readable, i, true) : null;
    if (split) {
      drop(line, "byline");
      takeByline(split, readable[++i]!);
      sinceHeadline++;
      continue;
    }
    // A name after lines of unknown kind (a gallery's captions: "Miguel Bernal North Diving") is
    // one of them; below teasers, one stamped just above the body is the article's.
    const near = (sinceHeadline <= 3 && unknownLines === 0) || (teasers && beforeBody && stampedAboveBody(info, i, region.start));
    const named = out.authors.length === 0 && near ? bareNameByline(readable, i) : null;
    if (named !== null && named !== out.title) {
      out.authors = [named];
      drop(line, "byline");
      continue;
    }
    const stamp = firstPublished(line);
    if (stamp) {
      publishedDates.push(stamp);
      drop(line, "date");
      continue;
    }
    // A date line broken after its day takes the next line with it.
    const broken = splitDateLine(line, readable[i + 1]);
    const dated = broken === null ? (datesLine(line) ?? namedDateLine(line)) : { published: broken, updated: null };
    if (dated) {
      // A date far below the headline, among the page's other furniture, is a table's or a box's.
      if (sinceHeadline <= HEADER_DATE_REACH) {
        if (dated.updated) out.updated ??= dated.updated.iso;
        if (dated.published) publishedDates.push(dated.published);
      }
      drop(line, "date");
      if (broken !== null) {
        drop(readable[++i]!, "date");
        sinceHeadline++;
      }
      continue;
    }
    if (out.subtitle === null && !teasers && out.authors.length === 0 && publishedDates.length === 0) {
      // A paragraph opening with a dateline ("HAYWARD, Calif. (AP) — …") begins the story.
      const standfirst = findDateline(line) === null && (beforeBody ? info[i]!.words >= 5 && sinceHeadline <= 2 : isStandfirst(readable, furniture, i, isTitleRepeat));
      if (standfirst) {
        out.subtitle = line;
        continue;
      }
    }
    if (!beforeBody) break;
    drop(line, "page-header");
    if (info[i]!.words >= 2) unknownLines++;
  }

  // Body: the article span, without furniture; a "Related" block near the end takes what follows
  // with it, one earlier in the text (or a "More:" label anywhere) only the teasers under it;
  // readers' comments end the article.
  let bodyLines: string[] = [];
  const bodyStart = i;
  let end = region.end;
  let skipping: string | null = null;
  // Date lines and a byline before the first paragraph, or before the second when the first was
  // a standfirst taken for prose ("Dec. 6, 2024, 10:00 PM UTC / Updated Dec. 7, 2024", "By …").
  let headerAfterFirst = false;
  let paragraphs = 0;
  for (let k = bodyStart; k <= end; k++) {
    const line = readable[k]!;
    if (k > bodyStart && isCommentsHeader(line)) {
      end = k - 1;
      break;
    }
    if (paragraphs === 0 || (paragraphs === 1 && k <= bodyStart + HEADER_SPILL)) {
      const dated = datesLine(line);
      const unsigned = dated === null && out.authors.length === 0;
      const byline = unsigned ? parseByline(line, false) : null;
      const split = unsigned && byline === null && k < end ? parseSplitByline(readable, k, false) : null;
      if (dated !== null) {
        if (publishedDates.length === 0 && out.updated === null) {
          if (dated.published) publishedDates.push(dated.published);
          if (dated.updated) out.updated = dated.updated.iso;
        }
        drop(line, "date");
      } else if (byline) takeByline({ ...byline, publisher: null }, line);
      else if (split) {
        drop(line, "byline");
        takeByline({ ...split, publisher: null }, readable[++k]!);
      }
      if (dated !== null || byline || split) {
        headerAfterFirst ||= paragraphs === 1;
        continue;
      }
    }
    // "First published on November 19, 2019 / 8:16 AM" closes an article; near its top it dates it.
    const stamp = k > bodyStart ? firstPublished(line) : null;
    if (stamp) {
      if (publishedDates.length === 0) publishedDates.push(stamp);
      drop(line, "date");
      if (bodyLines.length >= STAMP_CLOSES_AFTER) {
        end = k;
        break;
      }
      continue;
    }
    // "Meg James is a corporate media reporter for the Los Angeles Times…": the author's note after the story.
    if (bodyLines.length >= STAMP_CLOSES_AFTER && isAuthorNote(line, out.authors)) {
      drop(line, "author-note");
      end = k;
      break;
    }
    if (isRelatedHeader(line)) {
      if (k >= bodyStart + (end - bodyStart) / 2) {
        end = k - 1;
        break;
      }
      skipping = "related-links";
    } else if (isTeaserLabel(line)) skipping = "related-links";
    else if (skipping && info[k]!.cls === "good") skipping = null;
    if (skipping) {
      drop(line, skipping);
      continue;
    }
    if (isTitleRepeat(line)) {
      drop(line, "repeated-title");
      continue;
    }
    if (furniture[k]) {
      const footer = publisherFromFooter(line);
      if (footer) out.publisher ??= footer;
      drop(line, furniture[k]!);
      continue;
    }
    if (!keepInRegion(info, k, region)) {
      drop(line, info[k]!.cls === "bad" ? "navigation" : "boilerplate");
      continue;
    }
    const card = withoutHoverCards(line);
    for (const piece of card.removed) drop(piece, "link-preview");
    bodyLines.push(card.text);
    // Captions between the header's lines do not end it.
    if (paragraphs < 2 && typeLine(line, undefined, undefined).type !== "caption") paragraphs++;
  }

  if (out.authors.length === 0) {
    const between = bylineBetweenPrints(readable, headlineAt);
    if (between !== null) {
      out.authors = between.authors;
      removed[aboveAt + between.at] = { ...removed[aboveAt + between.at]!, reason: "byline" };
    }
  }

  if (headerAfterFirst && out.subtitle === null && bodyLines.length > 1 && typeLine(bodyLines[0]!, undefined, bodyLines[1]).type === "paragraph") {
    out.subtitle = bodyLines.shift()!;
  }

  // After the article: a trailing section line, footers naming the outlet, the rest of the page.
  const last = readable.length - 1;
  let trailing = "page-footer";
  for (let k = end + 1; k <= last; k++) {
    const line = readable[k]!;
    if (isRelatedHeader(line)) trailing = "related-links";
    else if (isCommentsHeader(line)) trailing = "comments";
    const footer = publisherFromFooter(line);
    if (footer) out.publisher ??= footer;
    if (k === last && out.section === null && isSectionLine(line) && lastLines(info, end + 1, last)) {
      out.section = line;
      drop(line, "section");
      continue;
    }
    drop(line, trailing === "page-footer" ? furniture[k] ?? trailing : trailing);
  }

  // A header run into the first paragraph: a date, the headline repeated, a source and a standfirst.
  if (bodyLines.length > 0) {
    const lead = readLeadHeader(bodyLines[0]!, title, publishedDates.length > 0 || out.updated !== null);
    for (const piece of lead.removed) drop(piece.text, piece.reason);
    if (lead.published) publishedDates.push(lead.published);
    if (lead.updated) out.updated = lead.updated.iso;
    if (lead.subtitle !== null && out.subtitle === null) out.subtitle = lead.subtitle;
    if (lead.authors.length > 0 && out.authors.length === 0) out.authors = [...lead.authors];
    if (lead.rest) bodyLines[0] = lead.rest;
    else bodyLines = bodyLines.slice(1);
  }

  if (above !== null && publishedDates.length === 0 && out.updated === null) {
    if (above.dates.published) publishedDates.push(above.dates.published);
    if (above.dates.updated) out.updated = above.dates.updated.iso;
    removed[aboveAt + above.at] = { ...removed[aboveAt + above.at]!, reason: "date" };
  }
  const distinct = [...new Set(publishedDates.map((d) => d.iso.slice(0, 10)))];
  if (distinct.length === 1) out.published = publishedDates[0]!.iso;
  else if (distinct.length > 1) {
    warnings.push(`publication date left empty: the page states several dates (${distinct.join(", ")})`);
  }
  if (out.published === null) {
    warnings.push(out.updated ? "only a last-updated date is stated; publication date unknown" : "no publication date stated");
  }

  // Typed beside their neighbours as the page has them, before the pitches go.
  const typed = bodyLines.map((line, k): Block => typeLine(line, bodyLines[k - 1], bodyLines[k + 1]));
  out.body = withoutPitches(typed, (text) => drop(text, "prompt"));
  const firstParagraph = out.body.find((b) => b.type === "paragraph");
  if (firstParagraph) out.dateline = findDateline(firstParagraph.text);
  if (out.body.length === 0) warnings.push("no body text found");
  return out;
}

/** Lines above the headline within which a date line may date the article. */
const DATE_ABOVE_REACH = 2;
/** A weekday's name, as site clocks print it ("Thu, 21 Nov 2019 00:57 GMT"). */
const CLOCK_WEEKDAY = new RegExp(`\\b(?:${WEEKDAY})\\b`, "i");
/** Most words of a line (a kicker, a share button) between the headline and a date line above it. */
const BETWEEN_DATE_AND_HEADLINE_WORDS = 3;

/**
 * The date line just above the headline, with only a kicker or a share button between them
 * ("November 19, 2019 / 12:21 AM / Updated 14 hours ago", "• 21 September 2020" / "• SQL").
 *
 * @param lines The page's lines.
 * @param info The lines' classes.
 * @param headlineAt The headline's line.
 */
function dateAboveHeadline(lines: readonly string[], info: readonly LineInfo[], headlineAt: number): { at: number; dates: DateLine } | null {
  for (let k = headlineAt - 1; k >= Math.max(0, headlineAt - DATE_ABOVE_REACH); k--) {
    const dates = datesLine(lines[k]!);
    // A clock names the day of the week, as a page's own date line rarely does so close to its headline.
    if (dates !== null) return CLOCK_WEEKDAY.test(lines[k]!) ? null : { at: k, dates };
    if (info[k]!.cls === "good" || info[k]!.words > BETWEEN_DATE_AND_HEADLINE_WORDS) return null;
  }
  return null;
}

/** Lines after the headline within which a date line dates the article. */
const HEADER_DATE_REACH = 15;
/** Lines after the first paragraph that may still hold the page's header. */
const HEADER_SPILL = 12;

/** Body paragraphs before a "First published …" line or an author's note that make it the article's end. */
const STAMP_CLOSES_AFTER = 3;

/**
 * What the headline chooser needs to know about the lines of a page.
 *
 * @param lines Readable lines.
 * @param info Their classes and word counts.
 * @param furniture Why each line is furniture, or null.
 * @param bodyStart First line of the article body.
 */
export function headlineContext(
  lines: readonly string[],
  info: readonly LineInfo[],
  furniture: readonly (string | null)[],
  bodyStart: number,
): HeadlineContext {
  const isMenu = (k: number) => info[k]!.cls === "bad" && !furniture[k] && /^[•·▪►○●□■◦▸*+|>»[]/.test(lines[k]!);
  return {
    lines,
    bodyStart,
    excluded: memo((k) => Boolean(furniture[k]) || isMenu(k) || isStamp(lines[k]!) || parseByline(lines[k]!, false) !== null),
    prose: (k) => info[k]!.cls === "good",
    words: (k) => info[k]!.words,
    bylineLike: memo((k) => parseByline(lines[k]!, true) !== null),
    datedOrSigned: memo((k) => SIGNED.test(lines[k]!) || isTimeStamp(lines[k]!) || (info[k]!.words <= 16 && findDates(lines[k]!).length > 0)),
  };
}

/** Cache a per-line test: headline scoring asks about the same lines several times. */
function memo(test: (k: number) => boolean): (k: number) => boolean {
  const known = new Map<number, boolean>();
  return (k) => {
    let value = known.get(k);
    if (value === undefined) known.set(k, (value = test(k)));
    return value;
  };
}

/** Without a prose span to anchor on, the first headline-like line that is not furniture. */
function fallbackHeadline(lines: readonly string[], furniture: readonly (string | null)[]): number {
  const at = lines.findIndex((line, k) => !furniture[k] && isHeadlineLike(line) && !isDateOnly(line));
  return at >= 0 ? at : lines.findIndex((_, k) => !furniture[k]);
}

/** Whether every line in `from..to` is short furniture-like text, as a page's last lines are. */
function lastLines(info: readonly LineInfo[], from: number, to: number): boolean {
  for (let k = from; k <= to; k++) if (info[k]!.cls === "good") return false;
  return to - from <= 3;
}

/** How a sentence ends. */
const SENTENCE_END = /[.!?"”]$/;
/** Words of a line, unpunctuated like the one before it, that make the two a site's unpunctuated prose. */
const UNPUNCTUATED_BODY_WORDS = 10;

/** Whether the line at `i` is a standfirst: short, and set apart from the body that follows. */
function isStandfirst(
  lines: readonly string[],
  furniture: readonly (string | null)[],
  i: number,
  isTitleRepeat: (line: string) => boolean,
): boolean {
  const line = lines[i]!;
  if (spaceSeparatedWords(line, SUBTITLE_MAX_WORDS + 1) > SUBTITLE_MAX_WORDS) return false;
  if (typeLine(line, undefined, undefined).type !== "paragraph") return false;
  const next = lines[i + 1];
  if (next === undefined) return false;
  // Unpunctuated, it stands apart, unless the story's own sentences go unpunctuated as well.
  if (!SENTENCE_END.test(line)) return SENTENCE_END.test(next) || spaceSeparatedWords(next, UNPUNCTUATED_BODY_WORDS) < UNPUNCTUATED_BODY_WORDS || Boolean(furniture[i + 1]);
  return Boolean(furniture[i + 1]) || isTitleRepeat(next) || isDateOnly(next) || parseByline(next, true) !== null || parseSplitByline(lines, i + 1, true) !== null;
}

/** Words of a line whose spacing is folded to single spaces, counted up to `limit`. */
function spaceSeparatedWords(line: string, limit: number): number {
  let words = 1;
  for (let at = line.indexOf(" "); at >= 0 && words < limit; at = line.indexOf(" ", at + 1)) words++;
  return words;
}
