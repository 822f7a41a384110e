/** Building an archive into a temporary folder for tests. */
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { build, type BuildReport } from "../../src/build.js";

/** The project's sample archive. */
export const SEEDS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../seeds");

/** A built site in a temporary folder. */
export interface BuiltSite {
  readonly dir: string;
  readonly baseUrl: string;
  readonly report: BuildReport;
  remove(): Promise<void>;
}

/**
 * Build the seeds (plus any extra input files) into a temporary folder.
 *
 * @param baseUrl The site's base URL.
 * @param extra Extra input files: name → content.
 */
export async function buildSeeds(baseUrl: string, extra: Record<string, string> = {}): Promise<BuiltSite> {
  const root = await mkdtemp(path.join(os.tmpdir(), "clippings-site-"));
  const input = path.join(root, "input");
  await cp(SEEDS, input, { recursive: true });
  for (const [name, content] of Object.entries(extra)) await writeFile(path.join(input, name), content);
  const dir = path.join(root, "out");
  const report = await build({ input, out: dir, baseUrl });
  return { dir, baseUrl, report, remove: () => rm(root, { recursive: true, force: true }) };
}
