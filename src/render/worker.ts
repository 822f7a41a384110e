/** Worker thread entry for rendering in parallel: renders the templates it is given, answers with the files written. */
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
  readonly error?: string;
}

parentPort!.on("message", (request: RenderRequest) => {
  renderSite(request.data, request.options).then(
    (files) => parentPort!.postMessage({ id: request.id, files } satisfies RenderReply),
    (error: Error) => parentPort!.postMessage({ id: request.id, error: error.message } satisfies RenderReply),
  );
});
