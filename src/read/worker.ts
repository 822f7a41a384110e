/** Worker thread entry for reading article files in parallel (see `scanArticles`). */
import { serveBatches } from "../threads.js";
import { scanBatch } from "./article-file.js";

serveBatches(scanBatch);
