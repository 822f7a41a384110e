/** Worker thread entry for rendering in parallel: renders the templates it is given, answers with the files written. */
import { getHeapStatistics } from "node:v8";
import { parentPort } from "node:worker_threads";
import { renderSite, type RenderData, type RenderOptions } from "./eleventy.js";

/** A share of the pages to render. */
export interface RenderRequest {
  readonly id: number;
  readonly data: RenderData;
  readonly options: RenderOptions;
}

/** The files written, or why rendering failed. */
export interface RenderReply {
  readonly id: number;
  readonly files?: readonly string[];
  /** Bytes of this thread's heap in use after the run. */
  readonly heapUsed?: number;
  readonly error?: string;
}

parentPort!.on("message", (request: RenderRequest) => {
  renderSite(request.data, request.options).then(
    (files) => parentPort!.postMessage({ id: request.id, files, heapUsed: getHeapStatistics().used_heap_size } satisfies RenderReply),
    (error: Error) => parentPort!.postMessage({ id: request.id, error: error.message } satisfies RenderReply),
  );
});
