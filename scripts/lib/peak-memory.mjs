/**
 * Preloaded with `node --import` into a measured process: on exit, writes the process's peak
 * resident memory (kilobytes, worker threads included) to the file named by PEAK_MEMORY_FILE.
 */
import { writeFileSync } from "node:fs";

process.on("exit", () => {
  if (process.env.PEAK_MEMORY_FILE) writeFileSync(process.env.PEAK_MEMORY_FILE, String(process.resourceUsage().maxRSS));
});
