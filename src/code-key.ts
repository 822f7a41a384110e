/**
 * Names for the code that makes what the cache keeps: a hash of the modules that make it, so
 * that what another version of them made is never reused.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The folder of the package's modules: `lib/` compiled, `src/` when run from sources. */
const MODULES = path.dirname(fileURLToPath(import.meta.url));
const EXTENSION = path.extname(fileURLToPath(import.meta.url));
/** What names the package's dependencies: its manifest (with its version) and, in a checkout, its lock file. */
const MANIFESTS = ["package.json", "package-lock.json"];

const keys = new Map<string, string>();

/**
 * A hash of the modules of `parts` (folders, or modules without their extension, relative to
 * the modules' folder) and of the package's manifest and lock file: it changes with any of
 * them, a dependency's version among them. Read once per thread.
 *
 * @param parts Folders and modules, such as `parse` or `render/site-data`.
 * @param root The modules' folder (the package's own by default).
 */
export function codeKey(parts: readonly string[], root = MODULES): string {
  const id = `${root}\0${parts.join("\0")}`;
  let key = keys.get(id);
  if (key !== undefined) return key;
  const extension = root === MODULES ? EXTENSION : ".js";
  const hash = createHash("sha1");
  for (const part of parts) {
    const at = path.join(root, part);
    const files = existsSync(at + extension)
      ? [at + extension]
      : readdirSync(at)
          .filter((name) => name.endsWith(extension))
          .sort()
          .map((name) => path.join(at, name));
    for (const file of files) hash.update(`${path.relative(root, file)}\0`).update(readFileSync(file)).update("\0");
  }
  for (const name of MANIFESTS) {
    const file = path.join(root, "..", name);
    if (existsSync(file)) hash.update(`${name}\0`).update(readFileSync(file)).update("\0");
  }
  key = hash.digest("base64url");
  keys.set(id, key);
  return key;
}

/**
 * A hash of every module of the package, with its manifest and lock file (see {@link codeKey}).
 *
 * @param root The modules' folder (the package's own by default).
 */
export function packageCodeKey(root = MODULES): string {
  const extension = root === MODULES ? EXTENSION : ".js";
  const parts = readdirSync(root, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() || entry.name.endsWith(extension))
    .map((entry) => (entry.isDirectory() ? entry.name : entry.name.slice(0, -extension.length)))
    .sort();
  return codeKey(parts, root);
}
