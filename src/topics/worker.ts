/** Worker thread entry for finding topic mentions in parallel (see `findMentions`). */
import { serveBatches } from "../threads.js";
import { mentionBatch } from "./mentions-batch.js";

serveBatches(mentionBatch);
