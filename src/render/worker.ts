/**
 * Worker thread entry for rendering in parallel: renders the pages it is given, one request
 * after the other, and answers with the files written. Eleventy is loaded as the thread starts.
 */
import { readFile } from "node:fs/promises";
import { deserialize, getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { collectGarbage } from "../threads.js";
import { renderSite, type RenderData, type RenderOptions } from "./eleventy.js";
import { EMPTY_FAMILIES, type PageFamilies } from "./plan.js";

/** Pages to render: a chunk's, given inline or in a file, or none but the single pages. */
export interface RenderRequest {
  readonly id: number;
  readonly data: RenderData;
  /** File holding the chunk's items, serialised. */
  readonly chunk?: string;
  /** The chunk's items (when there is no `chunk` file); without either, no paginated page. */
  readonly families?: PageFamilies;
  readonly options: Omit<RenderOptions, "families">;
}

/** The files written, or why rendering failed. */
export interface RenderReply {
  readonly id: number;
  readonly files?: readonly string[];
  /** Bytes of this thread's heap in use after the run, garbage collected. */
  readonly heapUsed?: number;
  readonly error?: string;
}

/** The request being rendered, after which the next one starts. */
let queue: Promise<void> = Promise.resolve();

parentPort!.on("message", (request: RenderRequest) => {
  queue = queue.then(() => render(request));
});

async function render(request: RenderRequest): Promise<void> {
  try {
    const families = request.families ?? (request.chunk === undefined ? EMPTY_FAMILIES : (deserialize(await readFile(request.chunk)) as PageFamilies));
    const files = await renderSite(request.data, { ...request.options, families });
    collectGarbage();
    parentPort!.postMessage({ id: request.id, files, heapUsed: getHeapStatistics().used_heap_size } satisfies RenderReply);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: (error as Error).message } satisfies RenderReply);
  }
}
