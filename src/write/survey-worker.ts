/** Worker thread entry for `surveyFolder`: lists the folder it is given. */
import { parentPort } from "node:worker_threads";
import { listTree } from "./output.js";

/** The folder's files, or why they could not be listed. */
export interface SurveyReply {
  readonly id: number;
  readonly files?: readonly string[];
  readonly error?: string;
}

parentPort!.once("message", (message: { readonly id: number; readonly dir: string }) => {
  let reply: SurveyReply;
  try {
    reply = { id: message.id, files: listTree(message.dir) };
  } catch (error) {
    reply = { id: message.id, error: (error as Error).message };
  }
  parentPort!.postMessage(reply);
});
