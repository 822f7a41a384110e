/**
 * Writing files on a worker thread while this thread makes the next ones. Creating a file can
 * take longer than making its content (about 0.2 ms a file on a virtual machine's disk), so a
 * stage that makes many files alone, with the other core idle, lets the two overlap.
 */
import type { Worker } from "node:worker_threads";
import { request, startWorker } from "../threads.js";
import type { OutputFile } from "./output.js";

/** Batches sent and not yet written, at most: bounds the memory the content waiting takes. */
const IN_FLIGHT = 3;

/** Writes batches of files below one folder on a worker thread, in the order given. */
export class FileWriter {
  readonly #root: string;
  readonly #worker: Worker;
  readonly #pending: Promise<unknown>[] = [];
  #sent = 0;

  /** @param root Folder the files' site-relative paths are below (see `writeFiles`). */
  constructor(root: string) {
    this.#root = root;
    this.#worker = startWorker(new URL("./writer-worker.js", import.meta.url));
  }

  /**
   * Send a batch to be written; waits only while {@link IN_FLIGHT} batches are still being
   * written. A failure to write is thrown by this or a later call, or by {@link close}.
   *
   * @param files Files with site-relative paths.
   */
  async write(files: readonly OutputFile[]): Promise<void> {
    if (files.length === 0) return;
    while (this.#pending.length >= IN_FLIGHT) await this.#pending.shift();
    const sent = request(this.#worker, { id: this.#sent++, items: files, context: { root: this.#root } });
    // Awaited in turn, by `write` or `close`; until then a failure waits there.
    sent.catch(() => {});
    this.#pending.push(sent);
  }

  /** Wait for every batch sent to be written, then stop the thread (also after a failure). */
  async close(): Promise<void> {
    try {
      await Promise.all(this.#pending.splice(0));
    } finally {
      await this.#worker.terminate();
    }
  }
}
