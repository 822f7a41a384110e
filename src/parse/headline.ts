/** Choosing the headline and standfirst among the first lines of a page. */

/** Words in a headline suffix (`Title | Outlet`, `Title - Reuters`) that mark it as an outlet name. */
const OUTLET_WORD = /\b(news|times|post|daily|herald|tribune|journal|observer|agency|press|tv|radio|online|gazette|guardian|telegraph|reuters|afp|ap|bbc|cnn|sana|sputnik|sabah|ahram|manar|alam|araby|al jazeera|aljazeera|monitor|chronicle|review|today|express|mail|independent|world)\b/i;

/**
 * Whether a line could be a headline: a few words of text, not a full paragraph.
 *
 * @param line One trimmed line.
 */
export function isHeadlineLike(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (line.length > 250 || words > 30) return false;
  if (words < 2 || (words < 3 && line.length < 15)) return false;
  if (!/\p{L}/u.test(line)) return false;
  return true;
}

/**
 * Split an outlet suffix off a headline: `Massive bomb kills 44 | Jordan Times`.
 *
 * @param line Headline as found.
 * @returns The headline and the outlet (or null).
 */
export function splitOutletSuffix(line: string): { title: string; outlet: string | null } {
  const m = /^(.{12,}?)\s+([|–—-])\s+([^|–—]{2,40})$/.exec(line);
  if (!m) return { title: line, outlet: null };
  const outlet = m[3]!.trim();
  const words = outlet.split(/\s+/).length;
  if (words > 4 || !/^\p{Lu}/u.test(outlet)) return { title: line, outlet: null };
  if (m[2] !== "|" && !OUTLET_WORD.test(outlet)) return { title: line, outlet: null };
  return { title: m[1]!.trim(), outlet };
}

/**
 * Comparable form of a line: case, punctuation and spacing folded.
 *
 * @param line Any text.
 */
export function foldLine(line: string): string {
  return line.toLowerCase().replace(/[\p{P}\p{S}]+/gu, " ").replace(/\s+/g, " ").trim();
}
