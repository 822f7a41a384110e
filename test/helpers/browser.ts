/** Test helper: the seed archive served on loopback, with Debian's Chromium to read it. */
import { after, before } from "node:test";
import type { Browser } from "playwright-core";
import { launchChromium } from "./chromium.ts";
import { buildTemp, serveTemp, type BuiltSite } from "./site.ts";

/** The seed archive, built, served on loopback, and a browser to read it with. */
export interface ServedArchive {
  site: BuiltSite;
  server: Awaited<ReturnType<typeof serveTemp>>;
  browser: Browser;
}

/**
 * Build the seeds, serve them and launch Chromium before the enclosing suite's tests, and tear
 * all three down after them. Call inside `describe`; read the fields inside tests.
 *
 * @returns The archive, filled in once the suite starts.
 */
export function useServedSeeds(): ServedArchive {
  const archive = {} as ServedArchive;
  before(async () => {
    archive.site = await buildTemp();
    archive.server = await serveTemp(archive.site.dir);
    archive.browser = await launchChromium();
  });
  after(async () => {
    await archive.browser?.close();
    await archive.server?.close();
    await archive.site?.dispose();
  });
  return archive;
}
