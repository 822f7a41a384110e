/**
 * Worker thread entry for parsing in parallel: receives batches of source files, answers with
 * each record serialised (or the reason it could not be parsed), in the same order.
 */
import { parentPort } from "node:worker_threads";
import { parseBatch, type ParseRequest } from "./batch.js";

parentPort!.on("message", (request: ParseRequest) => {
  const reply = parseBatch(request);
  parentPort!.postMessage(reply, reply.transfer);
});
