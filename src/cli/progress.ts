/**
 * Build progress on the terminal: a bar redrawn in place on a TTY, one plain line per stage
 * otherwise. Shown only once a build has run for a while, so quick builds stay quiet.
 */
import type { BuildProgress } from "../build.js";

const LABELS: Readonly<Record<BuildProgress["stage"], string>> = {
  read: "Reading files",
  parse: "Parsing articles",
  link: "Finding duplicates and topics",
  render: "Rendering pages",
  index: "Building the search index",
  write: "Writing the site",
};
const WIDTH = 24;

/** Draws progress on a stream; `finish` clears what was drawn. */
export interface ProgressDisplay {
  readonly update: (progress: BuildProgress) => void;
  readonly finish: () => void;
}

/**
 * A progress display for a build.
 *
 * @param stream Where to draw (stderr, so stdout keeps only results).
 * @param quietMs How long a build runs before progress shows.
 */
export function progressDisplay(stream: NodeJS.WriteStream, quietMs = 1000): ProgressDisplay {
  const started = Date.now();
  const tty = Boolean(stream.isTTY);
  let lastStage: string | null = null;
  let lastDraw = 0;
  let drawn = false;
  return {
    update(progress) {
      const now = Date.now();
      if (now - started < quietMs) return;
      if (!tty) {
        if (progress.stage !== lastStage) stream.write(`${LABELS[progress.stage]}…\n`);
        lastStage = progress.stage;
        return;
      }
      if (progress.stage === lastStage && now - lastDraw < 100 && progress.done < progress.total) return;
      lastStage = progress.stage;
      lastDraw = now;
      const share = progress.total > 0 ? Math.min(1, progress.done / progress.total) : 0;
      const filled = Math.round(share * WIDTH);
      const bar = `${"█".repeat(filled)}${"░".repeat(WIDTH - filled)}`;
      const count = progress.total > 1 ? ` ${progress.done}/${progress.total}` : "";
      stream.write(`\r\x1b[2K${bar} ${String(Math.round(share * 100)).padStart(3)}% ${LABELS[progress.stage]}${count}`);
      drawn = true;
    },
    finish() {
      if (drawn) stream.write("\r\x1b[2K");
      drawn = false;
    },
  };
}
