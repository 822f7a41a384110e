/** Rebuilding when the input folder changes. */
import { watch } from "chokidar";

/** Options for {@link watchInput}. */
export interface WatchOptions {
  /** Folder to watch. */
  readonly input: string;
  /** Runs after changes settle; never twice at once. */
  readonly rebuild: () => Promise<void>;
  /** Quiet time after the last change before rebuilding, in milliseconds. */
  readonly debounceMs?: number;
}

/**
 * Watch the input folder and call `rebuild` once changes settle. Changes that arrive during
 * a rebuild trigger one more rebuild after it.
 *
 * @param options Folder, rebuild function and debounce.
 * @returns A function that stops watching.
 */
export function watchInput(options: WatchOptions): () => Promise<void> {
  const watcher = watch(options.input, { ignoreInitial: true, awaitWriteFinish: { stabilityThreshold: 100, pollInterval: 50 } });
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let pending = false;
  const run = async () => {
    if (running) {
      pending = true;
      return;
    }
    running = true;
    try {
      await options.rebuild();
    } finally {
      running = false;
      if (pending) {
        pending = false;
        void run();
      }
    }
  };
  watcher.on("all", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void run(), options.debounceMs ?? 200);
  });
  return async () => {
    clearTimeout(timer);
    await watcher.close();
  };
}
