/**
 * Worker thread entry for `surveyFolder`: lists the folder it is given by its folders' stamps
 * (see `listByStamps`), from the listing kept in a file and keeping the new one there.
 */
import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { deserialize, serialize } from "node:v8";
import { parentPort } from "node:worker_threads";
import { listByStamps, type ListedFolder, type Listing } from "./listing.js";

/** List `dir`, with the listing kept in `file` (none when null). */
export interface SurveyRequest {
  readonly id: number;
  readonly dir: string;
  readonly file: string | null;
}

/** The folder's files, or why they could not be listed. */
export interface SurveyReply {
  readonly id: number;
  readonly files?: readonly string[];
  readonly error?: string;
}

/** The kept file's format; another one is never read. */
const VERSION = 1;

interface Kept {
  readonly version: number;
  readonly folders: readonly (readonly [string, ListedFolder])[];
}

parentPort!.once("message", ({ id, dir, file }: SurveyRequest) => {
  let reply: SurveyReply;
  try {
    const { files, listing, read } = listByStamps(dir, file === null ? new Map() : load(file));
    // Kept before the reply, since the thread is ended then; with no folder read, the kept one
    // is this one. The folders this build goes on to write change their stamps, so the next
    // listing reads them again.
    if (file !== null && read > 0) keep(file, listing);
    reply = { id, files };
  } catch (error) {
    reply = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});

/** The listing kept in `file`, or none when it is missing, damaged or of another format. */
function load(file: string): Listing {
  try {
    const kept = deserialize(readFileSync(file)) as Kept;
    return kept.version === VERSION ? new Map(kept.folders) : new Map();
  } catch {
    return new Map();
  }
}

/**
 * Replace the listing kept in `file`: written aside and renamed, so it is never read half
 * written. One that cannot be kept costs the next build a full listing, nothing more.
 */
function keep(file: string, listing: Listing): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, serialize({ version: VERSION, folders: [...listing] } satisfies Kept));
    renameSync(temporary, file);
  } catch {
    rmSync(temporary, { force: true });
  }
}
