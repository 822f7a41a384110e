/** Extraction of an article record from a Markdown file with YAML front matter. */
import matter from "gray-matter";
import type { Root, RootContent } from "mdast";
import { toString } from "mdast-util-to-string";
import remarkParse from "remark-parse";
import { unified } from "unified";
import type { Block } from "../record.js";
import { MATTER_OPTIONS, type OverrideData } from "./overrides.js";
import { emptyFields, extractFromText, type ExtractedFields } from "./text.js";

/** Fields extracted from Markdown, and the front matter that overrides them. */
export interface MarkdownExtraction {
  readonly fields: ExtractedFields;
  readonly frontMatter: OverrideData;
}

const parser = unified().use(remarkParse);

/**
 * Extract a record from Markdown: front matter is read with gray-matter, the body with
 * remark-parse. A first-level heading is the title unless front matter names one.
 *
 * @param text Normalised file text.
 * @returns Extracted fields and the front-matter data (applied by the caller).
 * @throws Error when the front matter is not valid YAML.
 */
export function extractFromMarkdown(text: string): MarkdownExtraction {
  const { data, content } = matter(text, MATTER_OPTIONS);
  const tree = parser.parse(content) as Root;
  const body: Block[] = [];
  let title: string | null = null;
  for (const node of tree.children) {
    if (node.type === "heading" && node.depth === 1 && title === null && body.length === 0) {
      title = clean(toString(node));
      continue;
    }
    body.push(...blocksOf(node));
  }
  const hasTitle = typeof data.title === "string" && data.title.trim() !== "";
  const fields: ExtractedFields =
    title === null && !hasTitle
      ? extractFromText(body.map((b) => b.text).join("\n"))
      : { ...emptyFields(), title: title ?? "", body: body.filter((b) => b.text !== "") };
  return { fields, frontMatter: data as OverrideData };
}

function blocksOf(node: RootContent): Block[] {
  switch (node.type) {
    case "heading":
      return [{ type: "heading", text: clean(toString(node)) }];
    case "blockquote":
      return node.children.map((child) => ({ type: "quote", text: clean(toString(child)) }));
    case "list":
      return node.children.map((item, i) => {
        const text = clean(toString(item));
        return node.ordered ? { type: "list-item", text, number: (node.start ?? 1) + i } : { type: "list-item", text };
      });
    case "code":
    case "html":
      return [{ type: "paragraph", text: clean(node.value) }];
    case "thematicBreak":
    case "definition":
      return [];
    default:
      return [{ type: "paragraph", text: clean(toString(node)) }];
  }
}

function clean(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}
