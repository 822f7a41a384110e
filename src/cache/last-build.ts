/**
 * The last build of an output folder, summed up: a key over everything it was made from, what
 * its report said, and which files it left there. A rebuild made from the same things, into an
 * output folder that still holds just those files from that build, has nothing to write.
 */
import { createHash } from "node:crypto";
import { rm } from "node:fs/promises";
import path from "node:path";
import type { SkippedFile } from "../read/sources.js";
import { readJsonFile, writeJsonFile } from "./json-file.js";
import { outputId, siteMarker } from "./site-manifest.js";

/** What a build's report says of its input and site, past the work it did. */
export interface BuildOutcome {
  readonly published: readonly { readonly source: string; readonly slug: string; readonly warnings: readonly string[] }[];
  readonly skipped: readonly SkippedFile[];
  readonly topics: number;
  readonly duplicates: number;
  /** Files in the site. */
  readonly pages: number;
}

/** A build of an output folder, as {@link saveLastBuild} keeps it. */
export interface LastBuild {
  /** Everything the build was made from (see `buildKey` in the build). */
  readonly key: string;
  /** The output folder's identity once it was written (see `siteMarker`). */
  readonly marker: string;
  /** Hash of the site's files' paths (see {@link fileListHash}). */
  readonly files: string;
  readonly outcome: BuildOutcome;
}

/** The file's format; another one is never read. */
const VERSION = 1;

/** Everything a build is made from, for {@link buildKey}. */
export interface BuildInputs {
  /** Names the code, the templates and the assets (see `siteCodeKey` in the build). */
  readonly code: string;
  /** The options that change the site. */
  readonly site: { readonly title: string; readonly url: string };
  /** The vocabulary's text. */
  readonly vocabulary: string | null;
  /** Every article file, by name and digest (see `sourceDigest`). */
  readonly files: readonly { readonly name: string; readonly digest: string }[];
  /** Files skipped while the input was scanned, with why. */
  readonly skipped: readonly SkippedFile[];
}

/**
 * A key over everything a build is made from: builds with the same key make the same site.
 *
 * @param inputs Code, options, vocabulary and files.
 */
export function buildKey(inputs: BuildInputs): string {
  const hash = createHash("sha1").update(JSON.stringify([VERSION, inputs.code, inputs.site, inputs.vocabulary, inputs.skipped]));
  for (const file of inputs.files) hash.update(`\n${file.name}\0${file.digest}`);
  return hash.digest("base64url");
}

/**
 * Hash of a site's files' paths, in any order.
 *
 * @param files Site-relative paths.
 */
export function fileListHash(files: Iterable<string>): string {
  const hash = createHash("sha1");
  for (const file of [...files].sort()) hash.update(file).update("\0");
  return hash.digest("base64url");
}

/**
 * The last build of `out`, or null when none was kept (or it cannot be read).
 *
 * @param cacheDir Cache folder.
 * @param out Output folder.
 */
export async function loadLastBuild(cacheDir: string, out: string): Promise<LastBuild | null> {
  const stored = (await readJsonFile(lastBuildFile(cacheDir, out))) as (LastBuild & { version: number }) | null;
  return stored?.version === VERSION && typeof stored.key === "string" && typeof stored.marker === "string" ? stored : null;
}

/**
 * Whether `out` is still what `last` left: the same build made it (its marker) and it holds
 * the same files, no more and no fewer.
 *
 * @param last From {@link loadLastBuild}.
 * @param out Output folder.
 * @param present The files `out` holds, site-relative (null when it could not be listed).
 */
export async function holdsLastBuild(last: LastBuild, out: string, present: ReadonlySet<string> | null): Promise<boolean> {
  if (present === null) return false;
  try {
    return (await siteMarker(out)) === last.marker && fileListHash(present) === last.files;
  } catch {
    return false;
  }
}

/**
 * Keep what a build that just finished writing `out` made it from and reported.
 *
 * @param cacheDir Cache folder.
 * @param out Output folder.
 * @param last The build's key, the hash of its files' paths, and its outcome.
 */
export async function saveLastBuild(cacheDir: string, out: string, last: Omit<LastBuild, "marker">): Promise<void> {
  await writeJsonFile(lastBuildFile(cacheDir, out), { version: VERSION, ...last, marker: await siteMarker(out) });
}

/**
 * Forget the last build of `out`, before its output folder is written to again: should that
 * build stop midway, the next one will not take the folder for the last build's.
 *
 * @param cacheDir Cache folder.
 * @param out Output folder.
 */
export async function forgetLastBuild(cacheDir: string, out: string): Promise<void> {
  await rm(lastBuildFile(cacheDir, out), { force: true });
}

function lastBuildFile(cacheDir: string, out: string): string {
  return path.join(cacheDir, `last-build-${outputId(out)}.json`);
}
