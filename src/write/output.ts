/** Writing the built site: a staging folder beside the output, swapped in when complete. */
import { randomBytes } from "node:crypto";
import { copyFileSync, linkSync, mkdirSync, writeFileSync } from "node:fs";
import { copyFile, mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";

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
 * Copy files from absolute source paths to site-relative destinations.
 *
 * @param root Site folder.
 * @param copies Pairs of source path and site-relative destination.
 */
export async function copyFiles(root: string, copies: readonly (readonly [string, string])[]): Promise<void> {
  for (const [from, to] of copies) {
    const full = insideRoot(root, to);
    await mkdir(path.dirname(full), { recursive: true });
    await copyFile(from, full);
  }
}

/**
 * Keep files of the previous site in the new one without copying them: hard links from
 * `fromRoot` into `toRoot`. Only files nothing else writes in this build are linked, so the
 * previous site is never modified.
 *
 * @param fromRoot The previous site.
 * @param toRoot The staging folder.
 * @param files Site-relative paths.
 * @throws Error when a file has vanished from `fromRoot` since the build began.
 */
export function linkFiles(fromRoot: string, toRoot: string, files: readonly string[]): void {
  const ensureDir = folderMaker();
  for (const file of files) {
    const to = insideRoot(toRoot, file);
    ensureDir(path.dirname(to));
    try {
      linkSync(insideRoot(fromRoot, file), to);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === "ENOENT") throw new Error(`${file} vanished from ${fromRoot} during the build; build again`);
      if (code === "EXDEV" || code === "EPERM") copyFileSync(insideRoot(fromRoot, file), to);
      else throw error;
    }
  }
}

/** `mkdir -p`, once per folder. */
function folderMaker(): (dir: string) => void {
  const made = new Set<string>();
  return (dir) => {
    if (made.has(dir)) return;
    mkdirSync(dir, { recursive: true });
    made.add(dir);
  };
}

function insideRoot(root: string, relative: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, relative.replace(/^\/+/, ""));
  if (full !== base && !full.startsWith(base + path.sep)) throw new Error(`refusing to write outside the output folder: ${relative}`);
  return full;
}
