/** Worker threads for the stages that use every core: starting them and asking them for work. */
import { Worker } from "node:worker_threads";

/**
 * Start a worker thread running a module of this package.
 *
 * @param module URL of the module's compiled `.js` file (its `.ts` source is used when the
 *   caller itself runs from sources, as tests and scripts do: the worker then registers the
 *   TypeScript loader first).
 */
export function startWorker(module: URL): Worker {
  let worker: Worker;
  if (import.meta.url.endsWith(".ts")) {
    const loader = JSON.stringify(import.meta.resolve("tsx/esm/api"));
    const entry = JSON.stringify(module.href.replace(/\.js$/, ".ts"));
    worker = new Worker(`import(${loader}).then((tsx) => { tsx.register(); return import(${entry}); });`, { eval: true });
  } else {
    worker = new Worker(module);
  }
  worker.unref();
  return worker;
}

/**
 * Send a worker one request and wait for the reply carrying the same `id`.
 *
 * @param worker The worker.
 * @param message The request; its `id` tells the reply apart.
 * @returns The reply.
 * @throws The worker's error, when it fails or exits first.
 */
export function request<Reply extends { readonly id: number }>(worker: Worker, message: { readonly id: number; readonly [key: string]: unknown }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
    };
    const onMessage = (reply: Reply) => {
      if (reply.id !== message.id) return;
      cleanup();
      resolve(reply);
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const onExit = (code: number) => {
      cleanup();
      reject(new Error(`worker thread stopped (exit code ${code})`));
    };
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage(message);
  });
}
