/**
 * A link checker for a built site folder: every internal link, asset and feed address in its
 * HTML, Atom and sitemap files must lead to a file of the site.
 */
import { readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { Parser } from "htmlparser2";

/** A link that leads nowhere. */
export interface BrokenLink {
  /** The file holding the link, relative to the site folder. */
  readonly page: string;
  /** The link as written. */
  readonly href: string;
  /** Why it is broken. */
  readonly reason: string;
}

/** What a check found. */
export interface LinkReport {
  readonly files: number;
  /** Internal links checked (each occurrence). */
  readonly links: number;
  readonly broken: readonly BrokenLink[];
}

const LINK_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  a: ["href"],
  link: ["href"],
  script: ["src"],
  img: ["src"],
  source: ["src"],
  iframe: ["src"],
  form: ["action"],
};

/**
 * Check every internal link of the site in `dir`, as it will be served at `baseUrl`.
 * Links are internal when relative, root-relative, or absolute under `baseUrl`; root-relative
 * links outside the base path are broken (they would leave the site). Fragments must name
 * an element id on the target page. Query strings are ignored.
 *
 * @param dir The built site folder.
 * @param baseUrl Absolute URL the site is served at, ending in `/`.
 * @returns Counts and the broken links, sorted.
 */
export async function checkLinks(dir: string, baseUrl: string): Promise<LinkReport> {
  const base = new URL(baseUrl);
  const files = (await listFiles(dir)).filter((f) => /\.(html|xml)$/.test(f));
  const idCache = new Map<string, Set<string>>();
  const broken: BrokenLink[] = [];
  let links = 0;
  for (const file of files) {
    const text = await readFile(path.join(dir, file), "utf8");
    const pageUrl = new URL(file.replace(/(^|\/)index\.html$/, "$1"), base);
    const found = file.endsWith(".html") ? collectHtmlLinks(text) : collectXmlLinks(text);
    for (const href of found) {
      let target: URL;
      try {
        target = new URL(href, pageUrl);
      } catch {
        broken.push({ page: file, href, reason: "not a valid URL" });
        continue;
      }
      if (target.origin !== base.origin) continue; // external (or mailto:, data:…): not ours to check
      links++;
      if (!target.pathname.startsWith(base.pathname)) {
        broken.push({ page: file, href, reason: `outside the base path ${base.pathname}` });
        continue;
      }
      const relative = decodeURIComponent(target.pathname.slice(base.pathname.length));
      const resolved = await resolveFile(dir, relative);
      if (!resolved) {
        broken.push({ page: file, href, reason: "no such file" });
        continue;
      }
      const fragment = decodeURIComponent(target.hash.slice(1));
      if (fragment && resolved.endsWith(".html")) {
        let ids = idCache.get(resolved);
        if (!ids) idCache.set(resolved, (ids = collectIds(await readFile(path.join(dir, resolved), "utf8"))));
        if (!ids.has(fragment)) broken.push({ page: file, href, reason: `no element with id "${fragment}"` });
      }
    }
  }
  broken.sort((a, b) => a.page.localeCompare(b.page) || a.href.localeCompare(b.href));
  return { files: files.length, links, broken };
}

/** Links in an HTML page: the attributes of {@link LINK_ATTRIBUTES}. */
function collectHtmlLinks(html: string): string[] {
  const found: string[] = [];
  const parser = new Parser({
    onopentag(name, attributes) {
      for (const attribute of LINK_ATTRIBUTES[name] ?? []) {
        const value = attributes[attribute];
        if (value !== undefined) found.push(value.trim());
      }
    },
  });
  parser.end(html);
  return found;
}

/** Addresses in an Atom feed (`<link href>`) or a sitemap (`<loc>`). */
function collectXmlLinks(xml: string): string[] {
  const found: string[] = [];
  let inLoc = false;
  let loc = "";
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        if (name === "link" && attributes.href) found.push(attributes.href.trim());
        if (name === "loc") {
          inLoc = true;
          loc = "";
        }
      },
      ontext(text) {
        if (inLoc) loc += text;
      },
      onclosetag(name) {
        if (name !== "loc") return;
        inLoc = false;
        found.push(loc.trim());
      },
    },
    { xmlMode: true, decodeEntities: true },
  );
  parser.end(xml);
  return found;
}

function collectIds(html: string): Set<string> {
  const ids = new Set<string>();
  const parser = new Parser({
    onopentag(_name, attributes) {
      if (attributes.id) ids.add(attributes.id);
    },
  });
  parser.end(html);
  return ids;
}

/** The file a path is served from, as static hosts do: `x/` → `x/index.html`, `x` → `x`, `x.html` or `x/index.html`. */
async function resolveFile(dir: string, relative: string): Promise<string | null> {
  const candidates = relative === "" || relative.endsWith("/") ? [`${relative}index.html`] : [relative, `${relative}.html`, `${relative}/index.html`];
  for (const candidate of candidates) {
    const full = path.join(dir, candidate);
    if (!full.startsWith(path.resolve(dir))) return null;
    try {
      if ((await stat(full)).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  return null;
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => path.relative(dir, path.join(e.parentPath, e.name)).split(path.sep).join("/"))
    .sort();
}
