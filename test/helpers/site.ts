/** Test helpers: building a site into a temporary folder, serving it, reading its pages. */
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import os from "node:os";
import path from "node:path";
import { build, type BuildOptions, type BuildReport } from "../../src/build.ts";
import { serveSite } from "../../src/cli/serve.ts";

/** Project root (holding seeds/, templates/, public/). */
export const ROOT = path.resolve(import.meta.dirname, "../..");

/** A built site in a temporary folder. */
export interface BuiltSite {
  readonly dir: string;
  readonly report: BuildReport;
  /** Read a file of the site, by site-relative path. */
  read(file: string): Promise<string>;
  /** Remove the temporary folder. */
  dispose(): Promise<void>;
}

/**
 * Build an input folder into a fresh temporary folder.
 *
 * @param input Input folder (default: the seeds).
 * @param options Other build options.
 */
export async function buildTemp(input = path.join(ROOT, "seeds"), options: Partial<BuildOptions> = {}): Promise<BuiltSite> {
  const parent = await mkdtemp(path.join(os.tmpdir(), "clippings-test-"));
  const dir = path.join(parent, "site");
  const report = await build({ input, out: dir, ...options });
  return {
    dir,
    report,
    read: (file) => readFile(path.join(dir, file), "utf8"),
    dispose: () => rm(parent, { recursive: true, force: true }),
  };
}

/**
 * Serve a folder on a free loopback port.
 *
 * @param dir Site folder.
 * @returns The server and its base URL (ending in `/`).
 */
export async function serveTemp(dir: string): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const { server } = await serveSite({ dir, port: 0, host: "127.0.0.1" });
  const address = server.address();
  if (!address || typeof address === "string") throw new Error("server has no port");
  return {
    server,
    url: `http://127.0.0.1:${address.port}/`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * Build the seeds, plus any extra input files, at a base URL into a fresh temporary folder.
 *
 * @param baseUrl The site's base URL.
 * @param extra Extra input files: name → content.
 */
export async function buildSeeds(baseUrl: string, extra: Record<string, string> = {}): Promise<BuiltSite & { readonly baseUrl: string }> {
  const input = await mkdtemp(path.join(os.tmpdir(), "clippings-input-"));
  await cp(path.join(ROOT, "seeds"), input, { recursive: true });
  for (const [name, content] of Object.entries(extra)) await writeFile(path.join(input, name), content);
  const site = await buildTemp(input, { baseUrl });
  return {
    ...site,
    baseUrl,
    dispose: async () => {
      await site.dispose();
      await rm(input, { recursive: true, force: true });
    },
  };
}
