/** The package's templates and the code they render with: where they are, and a key naming them. */
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { codeKey } from "../code-key.js";

/**
 * Compiled modules behind the Eleventy configuration's filters (in `lib/render/`; see
 * `filters.ts`): part of every page's fingerprint, since what they make is not in the pages'
 * data. Named here, not imported: a build that renders nothing never loads them.
 */
export const FILTER_MODULES: readonly string[] = Object.freeze(["filters.js", "body-html.js", "json-ld.js"]);

/** The package's root folder (holding `templates/`, `public/` and the Eleventy config). */
export const PACKAGE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/**
 * A hash of everything every page shares besides its data: the templates, the Eleventy
 * configuration, its filters' modules, its speed-up of Nunjucks and the package's dependencies
 * (see `codeKey`). Part of each page's fingerprint.
 */
export async function templatesKey(): Promise<string> {
  const hash = createHash("sha1");
  const templates = path.join(PACKAGE_ROOT, "templates");
  const names = (await readdir(templates, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.relative(templates, path.join(e.parentPath, e.name)))
    .sort();
  for (const name of names) hash.update(`${name}\0`).update(await readFile(path.join(templates, name))).update("\0");
  hash.update(await readFile(path.join(PACKAGE_ROOT, "eleventy.config.js")));
  hash.update(codeKey([...FILTER_MODULES.map((name) => `render/${name.replace(/\.js$/, "")}`), "render/nunjucks-speed"]));
  return hash.digest("base64url");
}
