/**
 * Bylines set apart from the headline they belong to: a name with its time stamp just above
 * the body when teasers stand between it and the headline, and a byline between two prints of
 * the headline.
 */
import { bareNameByline, isStamp, parseByline } from "./byline.js";
import type { LineInfo } from "./content.js";
import { foldLine } from "./headline.js";

/** Most lines between a name with its time stamp and the body they head. */
const NAME_ABOVE_BODY_REACH = 8;
/** Most words of each line between a name's time stamp and the body ("•", "Filed to: metroid", a count). */
const BETWEEN_STAMP_AND_BODY_WORDS = 3;

/**
 * Whether the line at `at`, a name or not, has a time stamp on the next line and nothing but
 * short lines after that down to the body: "Mama Robotnik" / "9/11/13 10:00AM" / "•" / "Filed
 * to: metroid" / "158" above the first paragraph. Teasers' bylines have the same shape, but the
 * next teaser's headline follows them, not the body.
 *
 * @param info The page's lines, classified.
 * @param at The line that may be a name.
 * @param bodyStart The body's first line.
 */
export function stampedAboveBody(info: readonly LineInfo[], at: number, bodyStart: number): boolean {
  if (at + 1 >= bodyStart || bodyStart - at > NAME_ABOVE_BODY_REACH) return false;
  if (!isStamp(info[at + 1]!.text)) return false;
  for (let k = at + 2; k < bodyStart; k++) if (info[k]!.words > BETWEEN_STAMP_AND_BODY_WORDS) return false;
  return true;
}

/** Most lines above the headline within which it may be printed before. */
const EARLIER_PRINT_REACH = 60;

/**
 * The byline between two prints of the headline, when the second heads the body: pages print
 * the article's header (headline, author, tags, date, an editor's menu) and then the headline
 * again over the text, so what stands between the two prints is the article's own. The page's
 * first line, its title, is no such print: the site's menus follow it.
 *
 * @param lines The page's lines.
 * @param headlineAt The headline that heads the body.
 * @returns The authors, and the line that names them; null when there is no earlier print or
 *   no byline between.
 */
export function bylineBetweenPrints(lines: readonly string[], headlineAt: number): { readonly authors: string[]; readonly at: number } | null {
  const key = foldLine(lines[headlineAt]!);
  // Not the page's first line: that is its title, above the site's menus.
  const highest = Math.max(1, headlineAt - EARLIER_PRINT_REACH);
  let earlier = headlineAt - 1;
  while (earlier >= highest && foldLine(lines[earlier]!) !== key) earlier--;
  if (earlier < highest) return null;
  for (let k = earlier + 1; k < headlineAt; k++) {
    const byline = parseByline(lines[k]!, true);
    if (byline !== null && byline.authors.length > 0) return { authors: byline.authors, at: k };
    const name = bareNameByline(lines, k);
    if (name !== null) return { authors: [name], at: k };
  }
  return null;
}
