/** Reading bylines: "By AFP - Aug 01,2018 - Last updated at …", "Hussein Alkhattab - 7Dnews Syria". */
import { findDates, type FoundDate } from "./dates.js";

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

/**
 * Parse a byline line.
 *
 * @param line One trimmed line.
 * @param nearHeadline Whether the line sits right by the headline, where an unprefixed
 *   "Name - Outlet" line is a byline.
 * @returns The byline, or null when the line is not one.
 */
export function parseByline(line: string, nearHeadline: boolean): Byline | null {
  const text = line.trim();
  if (text.length > 160) return null;
  const prefixed = /^(?:by|written by|words by|reporting by)\s+/i.exec(text);
  if (!prefixed && !nearHeadline) return null;
  const rest = prefixed ? text.slice(prefixed[0].length) : text;
  const parts = rest.split(SEPARATOR).map((p) => p.trim()).filter(Boolean);
  let published: FoundDate | null = null;
  let updated: FoundDate | null = null;
  const names: string[] = [];
  for (const part of parts) {
    const dates = findDates(part);
    if (dates.length > 0) {
      if (/updated|modified/i.test(part)) updated ??= dates[0]!;
      else published ??= dates[0]!;
      continue;
    }
    names.push(part.replace(/[.,;:]+$/, ""));
  }
  if (names.length === 0) return null;
  const authors = names[0]!.split(/\s*,\s*|\s+and\s+|\s*&\s*/).map((a) => a.trim()).filter(Boolean);
  if (!authors.every((a) => NAME.test(a) || /^[A-Z]{2,6}$/.test(a))) return null;
  if (!prefixed) {
    // An unprefixed line must look like "Name Surname - Outlet" and nothing else.
    if (names.length !== 2 || authors.length !== 1 || authors[0]!.split(/\s+/).length < 2) return null;
    if (!/^[\p{Lu}\d][\p{L}\d'’.& -]{1,40}$/u.test(names[1]!)) return null;
  }
  const outlet = names[1] ? names[1].replace(DESK, "").trim() || names[1] : null;
  return { authors, publisher: outlet, published, updated };
}
