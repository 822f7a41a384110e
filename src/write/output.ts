/** Writing the built site: a staging folder beside the output, swapped in when complete. */
import { randomBytes } from "node:crypto";
import { copyFile, link, mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import pMap from "p-map";

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
 * Write files below `root`, refusing any path that would leave it.
 *
 * @param root Site folder.
 * @param files Files with site-relative paths.
 * @throws Error when a path escapes `root`.
 */
export async function writeFiles(root: string, files: readonly OutputFile[]): Promise<void> {
  const ensureDir = folderMaker();
  await pMap(
    files,
    async (file) => {
      const full = insideRoot(root, file.path);
      await ensureDir(path.dirname(full));
      await writeFile(full, file.content);
    },
    { concurrency: 32 },
  );
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

/** A file the last build wrote is no longer in the output folder (someone changed it). */
export class MissingOutputError extends Error {}

/**
 * Keep files of the previous site in the new one without copying them: hard links from
 * `fromRoot` into `toRoot`. Only files nothing else writes in this build are linked, so the
 * previous site is never modified.
 *
 * @param fromRoot The previous site.
 * @param toRoot The staging folder.
 * @param files Site-relative paths.
 * @throws MissingOutputError when a file is missing from `fromRoot`.
 */
export async function linkFiles(fromRoot: string, toRoot: string, files: readonly string[]): Promise<void> {
  const ensureDir = folderMaker();
  await pMap(
    files,
    async (file) => {
      const to = insideRoot(toRoot, file);
      await ensureDir(path.dirname(to));
      try {
        await link(insideRoot(fromRoot, file), to);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "ENOENT") throw new MissingOutputError(`${file} is missing from ${fromRoot}`);
        if (code === "EXDEV" || code === "EPERM") await copyFile(insideRoot(fromRoot, file), to);
        else throw error;
      }
    },
    { concurrency: 32 },
  );
}

/** `mkdir -p`, once per folder, safe to call from concurrent writes. */
function folderMaker(): (dir: string) => Promise<unknown> {
  const made = new Map<string, Promise<unknown>>();
  return (dir) => {
    let done = made.get(dir);
    if (!done) {
      done = mkdir(dir, { recursive: true });
      made.set(dir, done);
    }
    return done;
  };
}

function insideRoot(root: string, relative: string): string {
  const base = path.resolve(root);
  const full = path.resolve(base, relative.replace(/^\/+/, ""));
  if (full !== base && !full.startsWith(base + path.sep)) throw new Error(`refusing to write outside the output folder: ${relative}`);
  return full;
}
