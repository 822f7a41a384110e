/** Extraction of an article record from raw scraped text. */
import type { ArticleRecord, Block, RemovedLine } from "../record.js";
import { furnitureReason, isRelatedHeader, publisherFromFooter } from "./boilerplate.js";
import { parseByline } from "./byline.js";
import { findDateline, isSectionLine, typeLine } from "./blocks.js";
import { findDates, isDateOnly, type FoundDate } from "./dates.js";
import { foldLine, isHeadlineLike, splitOutletSuffix } from "./headline.js";
import { UNREADABLE } from "./normalize.js";

/** Fields of a record that extraction finds (everything but `source`, `slug` and `topics`). */
export type ExtractedFields = Omit<ArticleRecord, "source" | "slug" | "topics">;

const HEADLINE_WINDOW = 15;
const SUBTITLE_MAX_WORDS = 45;
const DATE_CUE_PREFIX = /^(?:(?:date of publication|published|publication date|posted|last updated|updated|date)(?:\s+(?:at|on))?[:\s]*)?$/i;

/**
 * Extract title, standfirst, byline, dates and typed body from normalised scraped text.
 *
 * @param text Normalised text (LF line endings).
 * @returns The extracted fields; `removed` lists every line taken out and why.
 */
export function extractFromText(text: string): ExtractedFields {
  const lines = text.split("\n").map((l) => l.replace(/\s+/g, " ").trim()).filter((l) => l.length > 0);
  const removed: RemovedLine[] = [];
  const warnings: string[] = [];
  const drop = (line: string, reason: string) => removed.push({ text: line, reason });
  const out: ExtractedFields = {
    title: "",
    subtitle: null,
    authors: [],
    publisher: null,
    published: null,
    updated: null,
    dateline: null,
    section: null,
    body: [],
    removed,
    warnings,
  };

  // Lines that are nothing but an unreadable fragment carry no text.
  const readable = lines.filter((line) => {
    if (line.replaceAll(UNREADABLE, "").trim() === "") {
      drop(line, "unreadable");
      return false;
    }
    return true;
  });

  const furniture = readable.map((line) => furnitureReason(line));
  const headlineAt = chooseHeadline(readable, furniture);
  if (headlineAt < 0) {
    warnings.push("no headline found");
    for (const line of readable) drop(line, "no-text");
    return out;
  }
  for (let i = 0; i < headlineAt; i++) {
    drop(readable[i]!, isDateOnly(readable[i]!) ? "site-clock" : furniture[i] ?? "site-header");
  }
  const { title, outlet } = splitOutletSuffix(readable[headlineAt]!);
  out.title = title;
  if (outlet) out.publisher = outlet;
  const titleKey = foldLine(title);
  const headlineKey = foldLine(readable[headlineAt]!);
  const isTitleRepeat = (line: string) => {
    const key = foldLine(line);
    return key === titleKey || key === headlineKey;
  };

  // Header zone: repeated headline, byline, date lines, standfirst.
  const publishedDates: FoundDate[] = [];
  let i = headlineAt + 1;
  let headerEnds = false;
  for (; i < readable.length && i <= headlineAt + 8 && !headerEnds; i++) {
    const line = readable[i]!;
    if (isTitleRepeat(line)) {
      drop(line, "repeated-title");
      continue;
    }
    if (furniture[i]) {
      drop(line, furniture[i]!);
      continue;
    }
    const byline = out.authors.length === 0 ? parseByline(line, i <= headlineAt + 3) : null;
    if (byline) {
      out.authors = byline.authors;
      if (byline.publisher) out.publisher = byline.publisher;
      if (byline.published) publishedDates.push(byline.published);
      if (byline.updated) out.updated = byline.updated.iso;
      drop(line, "byline");
      continue;
    }
    if (isDateOnly(line)) {
      const date = findDates(line)[0]!;
      if (/updated|modified/i.test(line)) out.updated ??= date.iso;
      else publishedDates.push(date);
      drop(line, "date");
      continue;
    }
    if (out.subtitle === null && out.authors.length === 0 && publishedDates.length === 0 && isStandfirst(readable, furniture, i, isTitleRepeat)) {
      out.subtitle = line;
      continue;
    }
    headerEnds = true;
    i--;
  }

  // Body: the rest, without furniture; a "Related" block near the end takes what follows with it.
  let bodyLines: string[] = [];
  let relatedFrom = -1;
  for (let k = i; k < readable.length; k++) {
    const line = readable[k]!;
    if (relatedFrom < 0 && isRelatedHeader(line) && k >= i + (readable.length - i) / 2) relatedFrom = k;
    if (relatedFrom >= 0) {
      drop(line, "related-links");
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
    bodyLines.push(line);
  }

  if (bodyLines.length >= 3 && isSectionLine(bodyLines[bodyLines.length - 1]!)) {
    out.section = bodyLines.pop()!;
    drop(out.section, "section");
  }

  // A date (and a repeated headline) opening the first paragraph, as in "Wed 05 Apr 2017 Title. Text…".
  if (bodyLines.length > 0) {
    let first = bodyLines[0]!;
    if (publishedDates.length === 0 && out.updated === null) {
      const lead = leadingDate(first);
      if (lead) {
        if (/updated/i.test(lead.prefix)) out.updated = lead.date.iso;
        else publishedDates.push(lead.date);
        drop(lead.prefix, "date");
        first = first.slice(lead.prefix.length).trim();
      }
    }
    const titlePrefix = leadingTitle(first, title);
    if (titlePrefix) {
      drop(titlePrefix, "repeated-title");
      first = first.slice(titlePrefix.length).trim();
    }
    if (first) bodyLines[0] = first;
    else bodyLines = bodyLines.slice(1);
  }

  const distinct = [...new Set(publishedDates.map((d) => d.iso.slice(0, 10)))];
  if (distinct.length === 1) out.published = publishedDates[0]!.iso;
  else if (distinct.length > 1) {
    warnings.push(`publication date left empty: the page states several dates (${distinct.join(", ")})`);
  }
  if (out.published === null) {
    warnings.push(out.updated ? "only a last-updated date is stated; publication date unknown" : "no publication date stated");
  }

  out.body = bodyLines.map((line, k): Block => typeLine(line, bodyLines[k - 1], bodyLines[k + 1]));
  const firstParagraph = out.body.find((b) => b.type === "paragraph");
  if (firstParagraph) out.dateline = findDateline(firstParagraph.text);
  if (out.body.length === 0) warnings.push("no body text found");
  return out;
}

/** Index of the headline among the first lines: a headline-like line repeated on the page wins. */
function chooseHeadline(lines: readonly string[], furniture: readonly (string | null)[]): number {
  const candidates: number[] = [];
  for (let i = 0; i < lines.length && candidates.length < HEADLINE_WINDOW; i++) {
    if (furniture[i] || isDateOnly(lines[i]!) || parseByline(lines[i]!, false)) continue;
    if (isHeadlineLike(lines[i]!)) candidates.push(i);
  }
  const keys = lines.map(foldLine);
  const repeated = candidates.find((i) => keys.indexOf(keys[i]!, i + 1) > 0 && i < 10);
  if (repeated !== undefined) return repeated;
  if (candidates.length > 0) return candidates[0]!;
  return lines.findIndex((_, i) => !furniture[i]);
}

/** Whether the line at `i` is a standfirst: short, and set apart from the body that follows. */
function isStandfirst(
  lines: readonly string[],
  furniture: readonly (string | null)[],
  i: number,
  isTitleRepeat: (line: string) => boolean,
): boolean {
  const line = lines[i]!;
  if (line.split(/\s+/).length > SUBTITLE_MAX_WORDS) return false;
  if (typeLine(line, undefined, undefined).type !== "paragraph") return false;
  const next = lines[i + 1];
  if (next === undefined) return false;
  if (!/[.!?"”]$/.test(line)) return true;
  return Boolean(furniture[i + 1]) || isTitleRepeat(next) || isDateOnly(next) || parseByline(next, true) !== null;
}

/** A date stated at the very start of a paragraph, with its cue words ("Published …"). */
function leadingDate(paragraph: string): { prefix: string; date: FoundDate } | null {
  const date = findDates(paragraph.slice(0, 80))[0];
  if (!date || !DATE_CUE_PREFIX.test(paragraph.slice(0, date.index).trim())) return null;
  let end = paragraph.indexOf(date.text) + date.text.length;
  if (end < date.text.length) return null;
  const tail = /^\s*(?:at\s+\d{1,2}:?\d{2}(?:\s*(?:GMT|UTC|[AP]M))?|\(updated[^)]{0,40}\))?/i.exec(paragraph.slice(end));
  end += tail ? tail[0].length : 0;
  return { prefix: paragraph.slice(0, end), date };
}

/** The headline repeated at the start of a paragraph, with its closing punctuation, or null. */
function leadingTitle(paragraph: string, title: string): string | null {
  const words = title.match(/[\p{L}\p{N}]+/gu);
  if (!words || words.length < 3) return null;
  const pattern = new RegExp(`^${words.map(escapeRegExp).join("[^\\p{L}\\p{N}]+")}[^\\p{L}\\p{N}\\s]*\\s*`, "iu");
  const m = pattern.exec(paragraph);
  return m ? m[0] : null;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
