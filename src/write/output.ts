/**
 * Writing the built site: a staging folder beside the output, swapped in whole when complete,
 * or moved into the previous site file by file when only some files changed.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, renameSync, rmdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { mkdir, readFile, rename, rm, unlink } from "node:fs/promises";
import path from "node:path";
import { contentHash } from "../cache/site-manifest.js";

/** A file to write, at a path relative to the site root. */
export interface OutputFile {
  readonly path: string;
  readonly content: string | Uint8Array;
}

/**
 * Create an empty staging folder next to `outDir` (same file system, so the swap is a rename).
 *
 * @param outDir The final output folder.
 * @returns The staging folder's path.
 */
export async function createStaging(outDir: string): Promise<string> {
  const staging = `${path.resolve(outDir)}.staging-${process.pid}-${randomBytes(4).toString("hex")}`;
  await mkdir(staging, { recursive: true });
  return staging;
}

/**
 * Replace `outDir` with the finished staging folder. Until the first rename, the old site is
 * untouched; between the two renames it is kept aside and restored if the second one fails.
 *
 * @param staging Folder holding the complete new site.
 * @param outDir The output folder to replace.
 */
export async function swapIntoPlace(staging: string, outDir: string): Promise<void> {
  const target = path.resolve(outDir);
  const aside = `${target}.old-${process.pid}-${randomBytes(4).toString("hex")}`;
  let hadOld = true;
  try {
    await rename(target, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    hadOld = false;
  }
  try {
    await rename(staging, target);
  } catch (error) {
    if (hadOld) await rename(aside, target);
    throw error;
  }
  if (hadOld) await rm(aside, { recursive: true, force: true });
}

/**
 * Update `outDir` in place from a staging folder holding only the files that changed: each
 * staged file's counterpart is moved aside into the staging folder and the staged file moved
 * in, by renames (so a reader sees the old file or the new one, never a part, though for the
 * instant between the two renames neither), then every file `outDir` held before that is not
 * in `files` is removed, with the folders left empty. Cheaper than {@link swapIntoPlace} when
 * little changed, since unchanged files are not touched; if it stops midway, the output mixes
 * old and new files until the next build, which finds them by their fingerprints. Synchronous
 * calls, as in {@link writeFiles}.
 *
 * @param staging Folder holding the changed files (removed afterwards).
 * @param outDir The output folder to update.
 * @param files Every file of the new site, site-relative with forward slashes.
 * @param held The files `outDir` held when the build began, listed the same way: those the
 *   new site lacks are removed.
 */
export async function applyInPlace(staging: string, outDir: string, files: ReadonlySet<string>, held: Iterable<string>): Promise<void> {
  const root = path.resolve(outDir);
  const ensureDir = folderMaker((dir) => makeFolder(root, dir));
  const staged = listTree(staging);
  // What the staged files replace, removed with the staging folder. Renaming a file over
  // another makes ext4 write the moved file's data out first: many times slower than moving
  // the old one aside, then the new one in.
  const replaced = path.join(staging, `.replaced-${randomBytes(4).toString("hex")}`);
  mkdirSync(replaced);
  staged.forEach((file, i) => {
    const to = insideRoot(root, file);
    ensureDir(path.dirname(to));
    try {
      renameSync(to, path.join(replaced, String(i)));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    renameSync(path.join(staging, file), to);
  });
  await rm(staging, { recursive: true, force: true });
  const emptied: string[] = [];
  for (const file of held) {
    if (files.has(file)) continue;
    try {
      rmSync(insideRoot(root, file), { force: true });
    } catch (error) {
      // A folder of the new site stands there now, or a file where a folder of the old one stood.
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== "ERR_FS_EISDIR" && code !== "EISDIR" && code !== "ENOTDIR") throw error;
    }
    emptied.push(path.dirname(path.join(root, file)));
  }
  removeEmptyFolders(root, emptied);
}

/** `mkdir -p` inside `root`, replacing a file that stands where a folder must go. */
function makeFolder(root: string, dir: string): void {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== "EEXIST" && code !== "ENOTDIR") throw error;
    let at = root;
    for (const part of path.relative(root, dir).split(path.sep)) {
      at = path.join(at, part);
      const info = statSync(at, { throwIfNoEntry: false });
      if (info === undefined) break;
      if (!info.isDirectory()) {
        rmSync(at, { force: true });
        break;
      }
    }
    mkdirSync(dir, { recursive: true });
  }
}

/**
 * Every file below `dir`, relative to it, with forward slashes.
 *
 * @param dir The folder.
 */
export function listTree(dir: string): string[] {
  const files: string[] = [];
  // Walked by hand, joining names as it goes: about twice as fast on a large site as a
  // recursive `readdirSync` whose every entry's path is then made relative.
  const walk = (folder: string, prefix: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name), `${prefix}${entry.name}/`);
      else files.push(prefix + entry.name);
    }
  };
  walk(dir, "");
  return files;
}

/** Remove each of `folders` that is left empty, and its parents up to `root` that are left empty. */
function removeEmptyFolders(root: string, folders: readonly string[]): void {
  for (const start of [...new Set(folders)].sort((a, b) => b.length - a.length)) {
    for (let folder = start; folder !== root && folder.startsWith(root + path.sep); folder = path.dirname(folder)) {
      try {
        rmdirSync(folder);
      } catch {
        break; // Not empty (or gone): its parents keep files too.
      }
    }
  }
}

/**
 * Write files below `root`, refusing any path that would leave it. Written one after another
 * with synchronous calls: for thousands of small files that is several times faster than
 * asynchronous writes, and nothing else runs while the site is written.
 *
 * @param root Site folder.
 * @param files Files with site-relative paths.
 * @throws Error when a path escapes `root`.
 */
export function writeFiles(root: string, files: readonly OutputFile[]): void {
  const ensureDir = folderMaker();
  for (const file of files) {
    const full = insideRoot(root, file.path);
    ensureDir(path.dirname(full));
    writeFileSync(full, file.content);
  }
}

/**
 * Leave out of an in-place update (see {@link applyInPlace}) the staged files whose content is
 * what the last build wrote: removed from `staging`, they stay in the output folder untouched,
 * with their times, by which servers and caches tell a file's versions apart.
 *
 * @param staging The staging folder.
 * @param files Staged files to compare, site-relative.
 * @param previous Content hashes of the last build's files (see `contentHash`), by path; none
 *   on a first build, which keeps every file.
 * @param always Files staged whatever their content.
 * @returns Each file's content hash, and how many files were left out.
 */
export async function dropUnchanged(
  staging: string,
  files: readonly string[],
  previous: ReadonlyMap<string, string> | null,
  always: ReadonlySet<string>,
): Promise<{ readonly hashes: Map<string, string>; readonly dropped: number }> {
  const hashes = new Map<string, string>();
  let dropped = 0;
  for (const file of files) {
    const full = insideRoot(staging, file);
    const hash = contentHash(await readFile(full));
    hashes.set(file, hash);
    if (previous?.get(file) !== hash || always.has(file)) continue;
    await unlink(full);
    dropped++;
  }
  return { hashes, dropped };
}

/** `mkdir -p` (or `make`), once per folder. */
function folderMaker(make: (dir: string) => void = (dir) => mkdirSync(dir, { recursive: true })): (dir: string) => void {
  const made = new Set<string>();
  return (dir) => {
    if (made.has(dir)) return;
    make(dir);
    made.add(dir);
  };
}

function insideRoot(root: string, relative: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, relative.replace(/^\/+/, ""));
  if (full !== base && !full.startsWith(base + path.sep)) throw new Error(`refusing to write outside the output folder: ${relative}`);
  return full;
}
