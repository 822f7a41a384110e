/** Test helper: find constructs in built HTML that could run script. */
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parse } from "parse5";

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
  value?: string;
}

/** Script sources the site itself ships; any other script is injected. */
const OWN_SCRIPTS = /\/assets\/(?:search\.[0-9a-f]+\/)?[a-z0-9.-]+\.js$/;
const DANGEROUS_URL = /^\s*(javascript|vbscript|data):/i;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "poster", "srcset", "background", "cite", "data"]);
const FORBIDDEN = new Set(["iframe", "object", "embed", "base", "frame", "frameset", "applet", "svg", "math"]);

/**
 * List executable constructs in one HTML document, as a browser would parse it.
 *
 * @param html The document.
 * @returns One description per problem found.
 */
export function findExecutable(html: string): string[] {
  const problems: string[] = [];
  const walk = (node: Node) => {
    const tag = node.tagName;
    if (tag) {
      for (const attr of node.attrs ?? []) {
        if (/^on/i.test(attr.name)) problems.push(`<${tag} ${attr.name}=…>`);
        if (URL_ATTRIBUTES.has(attr.name.toLowerCase()) && DANGEROUS_URL.test(attr.value)) problems.push(`<${tag} ${attr.name}="${attr.value.slice(0, 40)}">`);
        if (attr.name === "style" && /expression\(|javascript:|url\(/i.test(attr.value)) problems.push(`<${tag} style>`);
        if (tag === "meta" && attr.name === "http-equiv" && /refresh/i.test(attr.value)) problems.push("<meta http-equiv=refresh>");
      }
      if (FORBIDDEN.has(tag)) problems.push(`<${tag}>`);
      if (tag === "style") problems.push("<style>");
      if (tag === "script") {
        const src = node.attrs?.find((a) => a.name === "src")?.value;
        const type = node.attrs?.find((a) => a.name === "type")?.value;
        const text = (node.childNodes ?? []).map((c) => c.value ?? "").join("");
        if (type === "application/ld+json") {
          try {
            JSON.parse(text);
          } catch {
            problems.push("<script type=application/ld+json> that is not JSON");
          }
        } else if (!src || !OWN_SCRIPTS.test(src) || text.trim() !== "") {
          problems.push(`<script${src ? ` src="${src}"` : ""}>`);
        }
      }
    }
    for (const child of node.childNodes ?? []) walk(child);
    if (node.content) walk(node.content);
  };
  walk(parse(html) as unknown as Node);
  return problems;
}

/**
 * Every file below `dir`, as paths relative to it.
 *
 * @param dir A folder.
 */
export async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) out.push(path.relative(dir, path.join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/**
 * Executable constructs in every HTML page of a built site.
 *
 * @param dir Site folder.
 * @returns `file: problem` strings.
 */
export async function scanSite(dir: string): Promise<string[]> {
  const problems: string[] = [];
  for (const file of await listTree(dir)) {
    if (!file.endsWith(".html")) continue;
    for (const p of findExecutable(await readFile(path.join(dir, file), "utf8"))) problems.push(`${file}: ${p}`);
  }
  return problems;
}
