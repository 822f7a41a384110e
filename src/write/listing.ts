/**
 * Listing an output folder by its folders' stamps. Adding, removing or renaming an entry of a
 * folder changes the folder's change time, so a folder whose inode and times are those it had
 * when it was last listed still holds the same entries: it is taken from that listing, for the
 * price of one `stat`, and only the folders changed since (those the last build wrote to among
 * them) are read again. A site of tens of thousands of folders is listed several times faster
 * so. As in git's index, a folder changed shortly before it was listed is not trusted next
 * time: file times are kept to a clock tick of a few milliseconds, so a change in the same tick
 * would leave its stamp as it was.
 */
import { readdirSync, statSync, type BigIntStats } from "node:fs";
import path from "node:path";

/** One folder as listed: its stamp, and the names of its files and of its folders. */
export interface ListedFolder {
  /** Inode and times when it was listed; empty when they are not to be trusted. */
  readonly stamp: string;
  readonly files: readonly string[];
  readonly folders: readonly string[];
}

/** A folder tree as listed, by site-relative folder path (`""` for the root, no slashes at the ends). */
export type Listing = ReadonlyMap<string, ListedFolder>;

/**
 * How long before a listing a folder must have last changed for its stamp to be trusted later:
 * well above the file system clock's tick, and any skew between it and this process's clock.
 */
export const SETTLED_MS = 2000;

/**
 * Every file below `dir`, and the listing to keep for next time. A folder whose stamp matches
 * `previous` is taken from it; any other is read.
 *
 * @param dir The folder.
 * @param previous The listing kept from the last time (empty for none).
 * @param now This moment, in milliseconds since the epoch (see {@link SETTLED_MS}).
 * @returns Its files, relative to it, with forward slashes, its listing, and how many folders
 *   were read (none: the listing is `previous` as it was).
 * @throws Error when `dir` is not a folder that can be read.
 */
export function listByStamps(dir: string, previous: Listing, now = Date.now()): { files: string[]; listing: Map<string, ListedFolder>; read: number } {
  const files: string[] = [];
  const listing = new Map<string, ListedFolder>();
  let read = 0;
  const settled = BigInt(Math.floor(now - SETTLED_MS)) * 1_000_000n;
  const walk = (folder: string, relative: string) => {
    const info = statSync(folder, { bigint: true, throwIfNoEntry: relative === "" });
    // Gone since its parent was listed, or something else stands there now: its parent,
    // changed too, is read again next time.
    if (info === undefined || !info.isDirectory()) {
      if (relative === "") throw new Error(`${dir} is not a folder`);
      return;
    }
    const stamp = stampOf(info);
    let listed = previous.get(relative);
    if (listed?.stamp !== stamp) {
      listed = readFolder(folder, info.ctimeNs < settled ? stamp : "");
      read++;
    }
    listing.set(relative, listed);
    const prefix = relative === "" ? "" : `${relative}/`;
    for (const name of listed.files) files.push(prefix + name);
    for (const name of listed.folders) walk(path.join(folder, name), prefix + name);
  };
  walk(dir, "");
  return { files, listing, read };
}

function readFolder(folder: string, stamp: string): ListedFolder {
  const files: string[] = [];
  const folders: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true })) (entry.isDirectory() ? folders : files).push(entry.name);
  return { stamp, files, folders };
}

function stampOf(info: BigIntStats): string {
  return `${info.ino}:${info.mtimeNs}:${info.ctimeNs}`;
}
