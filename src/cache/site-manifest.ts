/**
 * What the last build wrote to an output folder: each planned page's fingerprint and each
 * search file's hash. A rebuild leaves the files whose fingerprint has not changed as they are.
 */
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { hashOf } from "../hash.js";
import { statStamp } from "../read/article-file.js";
import type { PlannedPage } from "../render/plan.js";
import { readJsonFile, writeJsonFile } from "./json-file.js";

/** The last build of one output folder. */
export interface SiteManifest {
  /** Planned pages by address. */
  readonly pages: ReadonlyMap<string, PlannedPage>;
  /**
   * Other files by site-relative path, with what names them: search index parts, by a hash of
   * their content or a fingerprint of what they are made from (see `IndexFile`); single pages
   * and assets, by a hash of their content.
   */
  readonly files: ReadonlyMap<string, string>;
}

interface Stored {
  readonly version: 1;
  /** Identity of the output's home page when the manifest was written: any other build since changes it. */
  readonly marker: string;
  readonly pages: [string, PlannedPage][];
  readonly files: [string, string][];
}

/**
 * Hash of a generated file's content.
 *
 * @param content The file's bytes or text.
 */
export function contentHash(content: string | Uint8Array): string {
  return hashOf("sha1", content, "base64url");
}

/**
 * Whether a manifest of a build into `out` was saved: if not, {@link loadSiteManifest} finds none.
 *
 * @param cacheDir Cache folder.
 * @param out Output folder.
 */
export function hasSiteManifest(cacheDir: string, out: string): boolean {
  return existsSync(manifestFile(cacheDir, out));
}

/**
 * The manifest of the build that made `out`, or null when there is none, it cannot be read, or
 * `out` has been rebuilt or removed since (nothing is then reused). Files that have gone from
 * `out` since are left out, so their pages are made again.
 *
 * @param cacheDir Cache folder.
 * @param out Output folder.
 * @param present The files `out` holds, site-relative (null when it could not be listed:
 *   nothing is then reused).
 */
export async function loadSiteManifest(cacheDir: string, out: string, present: ReadonlySet<string> | null): Promise<SiteManifest | null> {
  if (present === null) return null;
  try {
    const stored = (await readJsonFile(manifestFile(cacheDir, out))) as Stored | null;
    if (stored?.version !== 1 || stored.marker !== (await siteMarker(out))) return null;
    return { pages: new Map(stored.pages.filter(([, page]) => present.has(page.file))), files: new Map(stored.files.filter(([file]) => present.has(file))) };
  } catch {
    return null;
  }
}

/**
 * Record what was just built into `out` (once the output folder holds it).
 *
 * @param cacheDir Cache folder.
 * @param out Output folder.
 * @param manifest Planned pages and other generated files of the build.
 */
export async function saveSiteManifest(cacheDir: string, out: string, manifest: SiteManifest): Promise<void> {
  const stored: Stored = { version: 1, marker: await siteMarker(out), pages: [...manifest.pages], files: [...manifest.files] };
  await writeJsonFile(manifestFile(cacheDir, out), stored);
}

function manifestFile(cacheDir: string, out: string): string {
  return path.join(cacheDir, `site-${outputId(out)}.json`);
}

/**
 * A short name for an output folder, for the cache files kept about it.
 *
 * @param out Output folder.
 */
export function outputId(out: string): string {
  return createHash("sha1").update(path.resolve(out)).digest("hex").slice(0, 16);
}

/** The file {@link siteMarker} tells builds apart by: every build writes it. */
export const MARKER_FILE = "index.html";

/**
 * What identifies the build that made `out`: every build that writes a site writes a new
 * home page, so its inode and times tell builds apart.
 *
 * @param out Output folder.
 * @throws Error when it has no home page.
 */
export async function siteMarker(out: string): Promise<string> {
  const info = await stat(path.join(out, MARKER_FILE), { bigint: true });
  return `${info.dev}:${statStamp(info)}`;
}
