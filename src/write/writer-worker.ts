/** Worker thread for {@link FileWriter} (see `file-writer.ts`): writes each batch of files it is sent. */
import { serveBatches } from "../threads.js";
import { writeFiles, type OutputFile } from "./output.js";

serveBatches<OutputFile, never, { readonly root: string }>((files, { root }) => {
  writeFiles(root, files);
  return { results: [] };
});
