/** Worker thread entry for parsing in parallel (see `parseFiles`). */
import { serveBatches } from "../threads.js";
import { parseBatch } from "./batch.js";

serveBatches(parseBatch);
