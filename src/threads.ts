/** Worker threads for the stages that use every core: starting them and asking them for work. */
import { availableParallelism } from "node:os";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { parentPort, Worker } from "node:worker_threads";

let gc: (() => void) | null = null;

/**
 * Collect garbage now, on this thread. For the moments a thread has just let go of much and
 * will sit waiting: V8 collects only as a thread allocates, and until then the memory stays taken.
 */
export function collectGarbage(): void {
  if (gc === null) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  gc();
}

/**
 * Start a worker thread running a module of this package.
 *
 * @param module URL of the module's compiled `.js` file (its `.ts` source is used when the
 *   caller itself runs from sources, as tests and scripts do: the worker then registers the
 *   TypeScript loader first).
 */
export function startWorker(module: URL): Worker {
  let worker: Worker;
  if (import.meta.url.endsWith(".ts")) {
    const loader = JSON.stringify(import.meta.resolve("tsx/esm/api"));
    const entry = JSON.stringify(module.href.replace(/\.js$/, ".ts"));
    worker = new Worker(`import(${loader}).then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true });
  } else {
    worker = new Worker(module);
  }
  worker.unref();
  return worker;
}

/**
 * Send a worker one request and wait for the reply carrying the same `id`.
 *
 * @param worker The worker.
 * @param message The request; its `id` tells the reply apart.
 * @returns The reply.
 * @throws The worker's error, when it fails or exits first.
 */
export function request<Reply extends { readonly id: number }>(worker: Worker, message: { readonly id: number; readonly [key: string]: unknown }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== message.id) return;
      cleanup();
      resolve(reply);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`worker thread stopped (exit code ${code})`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message);
  });
}

/**
 * The buffers of these views that each view has to itself: only those can be moved to another
 * thread instead of copied (a view on part of a shared buffer is copied).
 *
 * @param views Byte views, with null or undefined for results that have none.
 */
export function ownBuffers(views: Iterable<ArrayBufferView | null | undefined>): ArrayBuffer[] {
  const buffers: ArrayBuffer[] = [];
  for (const view of views) if (view && view.byteOffset === 0 && view.byteLength === view.buffer.byteLength) buffers.push(view.buffer as ArrayBuffer);
  return buffers;
}

/** Work a worker module does on one batch: results in item order, and buffers to move back rather than copy. */
export type BatchHandler<Item, Result, Context> = (items: readonly Item[], context: Context) => { results: Result[]; transfer?: ArrayBuffer[] };

interface BatchRequest<Item, Context> {
  readonly id: number;
  readonly items: readonly Item[];
  readonly context: Context;
}

interface BatchReply<Result> {
  readonly id: number;
  readonly results: readonly Result[];
}

/**
 * In a worker module: answer every batch request with `handler`'s results.
 *
 * @param handler The work on one batch.
 */
export function serveBatches<Item, Result, Context>(handler: BatchHandler<Item, Result, Context>): void {
  parentPort!.on("message", (message: BatchRequest<Item, Context>) => {
    const { results, transfer = [] } = handler(message.items, message.context);
    parentPort!.postMessage({ id: message.id, results } satisfies BatchReply<Result>, transfer);
  });
}

/** Options for {@link mapInBatches}. */
export interface BatchOptions<Item, Result, Context> {
  /** The worker module serving `handler` (its compiled `.js` URL). */
  readonly module: URL;
  /**
   * The same work, run on the main thread for small inputs; loaded only then, so that a
   * thread that hands all of it to workers need not load its modules.
   */
  readonly handler: () => Promise<BatchHandler<Item, Result, Context>>;
  /** Sent with every batch. */
  readonly context: Context;
  readonly batchSize: number;
  /** Below this many items, everything runs on the main thread. */
  readonly threshold: number;
  /**
   * Worker threads at most (default: one per core, up to four). Work that mostly waits for the
   * disk gains from more threads than cores.
   */
  readonly threads?: number;
  /** Called with the number of items done so far. */
  readonly onProgress?: (done: number) => void;
}

/**
 * Run `handler` over `items` in batches: on worker threads (one per core, up to four, unless
 * `options.threads` says otherwise) as they free up when there are many items, on the main
 * thread otherwise.
 *
 * @param items The items.
 * @param options Worker module, handler, context and sizes.
 * @returns One result per item, in order.
 */
export async function mapInBatches<Item, Result, Context>(items: readonly Item[], options: BatchOptions<Item, Result, Context>): Promise<Result[]> {
  const onProgress = options.onProgress ?? (() => {});
  const threads = Math.min(options.threads ?? Math.min(availableParallelism(), 4), Math.ceil(items.length / options.batchSize));
  const results: Result[] = new Array(items.length);
  let done = 0;
  if (items.length < options.threshold || threads < 2) {
    if (items.length === 0) return results;
    const handler = await options.handler();
    for (let start = 0; start < items.length; start += options.batchSize) {
      handler(items.slice(start, start + options.batchSize), options.context).results.forEach((r, i) => (results[start + i] = r));
      done = Math.min(items.length, start + options.batchSize);
      onProgress(done);
    }
    return results;
  }
  let next = 0;
  const workers = Array.from({ length: threads }, () => startWorker(options.module));
  try {
    await Promise.all(
      workers.map(async (worker) => {
        while (next < items.length) {
          const start = next;
          next += options.batchSize;
          const reply = await request<BatchReply<Result>>(worker, { id: start, items: items.slice(start, start + options.batchSize), context: options.context });
          reply.results.forEach((r, i) => (results[start + i] = r));
          done += reply.results.length;
          onProgress(done);
        }
      }),
    );
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}
