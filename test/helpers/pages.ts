/** Test helpers: temporary input folders, and reading pages of a built site. */
import { cp, mkdtemp, readFile, readdir } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

/**
 * A fresh temporary folder.
 *
 * @param prefix Name prefix.
 */
export function tempDir(prefix: string): Promise<string> {
  return mkdtemp(path.join(tmpdir(), `clippings-${prefix}-`));
}

/**
 * Copy the `.txt`, `.md` and `topics.yml` files of a folder into another.
 *
 * @param from Source folder.
 * @param to Destination folder.
 */
export async function copyInputs(from: string, to: string): Promise<void> {
  for (const name of await readdir(from)) {
    if (name.endsWith(".txt") || name === "topics.yml") await cp(path.join(from, name), path.join(to, name));
  }
}

/**
 * Read a page of a built site.
 *
 * @param out The site folder.
 * @param url Site path such as `/topics/daraa/`.
 */
export function readPage(out: string, url: string): Promise<string> {
  return readFile(path.join(out, url, url.endsWith("/") ? "index.html" : ""), "utf8");
}

/**
 * The article links inside a page's `<main>`, as slugs.
 *
 * @param html A page.
 */
export function articleLinks(html: string): string[] {
  const main = html.slice(html.indexOf("<main"), html.indexOf("</main>"));
  return [...main.matchAll(/href="\/articles\/([^/"]+)\/"/g)].map((m) => m[1]!);
}

/**
 * Topic names and counts from the topics index page.
 *
 * @param html The `/topics/` page.
 */
export function topicCounts(html: string): { name: string; url: string; count: number }[] {
  return [...html.matchAll(/<li><a href="(\/topics\/[^"]+)">([^<]+)<\/a> <span class="count">\(?(\d+)\)?<\/span><\/li>/g)].map((m) => ({
    url: m[1]!,
    name: decode(m[2]!),
    count: Number(m[3]),
  }));
}

/**
 * Undo HTML escaping of text.
 *
 * @param text Escaped text.
 */
export function decode(text: string): string {
  return text.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
}
