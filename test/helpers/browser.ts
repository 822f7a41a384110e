/** Test helper: Debian's Chromium driven by playwright-core (never a downloaded browser). */
import { after, before } from "node:test";
import { chromium, type Browser } from "playwright-core";
import { buildTemp, serveTemp, type BuiltSite } from "./site.ts";

/** Where the system Chromium lives; override with CHROMIUM_PATH. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Launch headless Chromium with flags that keep it off the network. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

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
