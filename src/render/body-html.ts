/** Rendering a record's body blocks to safe HTML with remark-html. */
import type { List, Paragraph, Root } from "mdast";
import remarkHtml from "remark-html";
import { defaultSchema } from "hast-util-sanitize";
import { unified } from "unified";
import type { Block } from "../record.js";

const schema = {
  ...defaultSchema,
  tagNames: [...(defaultSchema.tagNames ?? []), "figure", "figcaption"],
  attributes: { ...defaultSchema.attributes, figure: ["className"], p: ["className"], ol: [...(defaultSchema.attributes?.["ol"] ?? []), "start"] },
  clobber: [],
};
const processor = unified().use(remarkHtml, { sanitize: schema });

/**
 * Render body blocks to HTML. Block text is set as mdast text nodes, never parsed as
 * Markdown or HTML, so `<b>`, `*stars*` and `{{ braces }}` stay verbatim (escaped).
 *
 * @param blocks The record's body.
 * @returns Sanitised HTML.
 */
export function renderBody(blocks: readonly Block[]): string {
  const children: Root["children"] = [];
  let list: List | null = null;
  for (const block of blocks) {
    const text = { type: "text" as const, value: block.text };
    if (block.type === "list-item") {
      const { number } = block;
      if (!goesOn(list, number)) {
        list = number === undefined ? { type: "list", ordered: false, spread: false, children: [] } : { type: "list", ordered: true, start: number, spread: false, children: [] };
        children.push(list);
      }
      list.children.push({ type: "listItem", spread: false, children: [{ type: "paragraph", children: [text] }] });
      continue;
    }
    list = null;
    if (block.type === "heading") children.push({ type: "heading", depth: 2, children: [text] });
    else if (block.type === "quote") children.push({ type: "blockquote", children: [{ type: "paragraph", children: [text] }] });
    else if (block.type === "caption") {
      const caption: Paragraph = { type: "paragraph", children: [text], data: { hName: "figcaption" } };
      children.push({ type: "blockquote", children: [caption], data: { hName: "figure", hProperties: { className: ["caption"] } } });
    } else children.push({ type: "paragraph", children: [text] });
  }
  const tree: Root = { type: "root", children };
  return String(processor.stringify(processor.runSync(tree) as Root)).trim();
}

/** Whether a list item numbered `number` (or not numbered) goes on `list`: a numbered one only as its next number. */
function goesOn(list: List | null, number: number | undefined): list is List {
  if (list === null) return false;
  return number === undefined ? !list.ordered : list.ordered === true && number === (list.start ?? 1) + list.children.length;
}
