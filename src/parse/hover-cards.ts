/** Link previews that a text dump prints into the sentence they sit in. */

/** A capitalised word of a name ("Ilhan", "O'Rourke", "Jr."). */
const NAME_WORD = String.raw`\p{Lu}[\p{L}'’.-]*`;

/**
 * A name followed by its link's preview card, as The Hill prints one after each politician's
 * name: the name again, perhaps in full with a middle name, the headlines of their latest
 * stories, then "MORE" ("Rep. Ilhan Omar Ilhan Omar Hillicon Valley: … | … Omar asks court to …
 * MORE (D-Minn.)", "Gov. Kristi Noem Kristi Lynn Noem South Dakota governor doubles down … MORE
 * (R)"). What follows "MORE" is what followed the name: a party in brackets, a possessive,
 * punctuation. The name's first word and the rest are captured apart.
 */
const HOVER_CARD = new RegExp(
  String.raw`\b(${NAME_WORD})((?:\s+${NAME_WORD}){1,3})\s+\1(?:\s+${NAME_WORD}){0,2}\2\s+\S.{10,800}?\s+MORE(?=\s*\(|['’]s\b|[,.;:]|$)`,
  "gu",
);

/**
 * Take the link previews out of a body line, keeping the name they follow.
 *
 * @param line One body line.
 * @returns The line without them, and each preview taken out.
 */
export function withoutHoverCards(line: string): { text: string; removed: string[] } {
  const removed: string[] = [];
  // Nearly every line has no preview: the pattern, which tries each capitalised word, is not run on it.
  if (!line.includes("MORE")) return { text: line, removed };
  const text = line.replace(HOVER_CARD, (card: string, first: string, rest: string) => {
    const name = first + rest;
    removed.push(card.slice(name.length).trimStart());
    return name;
  });
  return { text, removed };
}
