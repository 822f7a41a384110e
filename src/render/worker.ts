/** Worker thread entry for rendering in parallel: renders the chunk it is given, answers with the files written. */
import { readFile } from "node:fs/promises";
import { deserialize, getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { collectGarbage } from "../threads.js";
import { renderSite, type RenderData, type RenderOptions } from "./eleventy.js";
import type { PageFamilies } from "./plan.js";

/** A chunk of pages to render. */
export interface RenderRequest {
  readonly id: number;
  readonly data: RenderData;
  /** File holding the chunk's items, serialised. */
  readonly chunk: string;
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

parentPort!.on("message", (request: RenderRequest) => {
  readFile(request.chunk)
    .then((bytes) => renderSite(request.data, { ...request.options, families: deserialize(bytes) as PageFamilies }))
    .then(
      (files) => {
        collectGarbage();
        parentPort!.postMessage({ id: request.id, files, heapUsed: getHeapStatistics().used_heap_size } satisfies RenderReply);
      },
      (error: Error) => parentPort!.postMessage({ id: request.id, error: error.message } satisfies RenderReply),
    );
});
