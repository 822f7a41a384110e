/**
 * Screenshots of the site for the README: home, an article, a topic and search results, on a
 * desktop and a phone screen, made with the system Chromium.
 *
 *   node --import tsx scripts/screenshots.ts [--input seeds] [--out docs/screenshots]
 *
 * Builds the input folder into a temporary site, serves it on a loopback port, and writes
 * `<page>-<screen>.png` files. Prints the paths written.
 */
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "../src/build.js";
import { launchChromium } from "../test/helpers/chromium.js";
import { serveStatic } from "../test/helpers/static-server.js";

const SCREENS = {
  desktop: { viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 },
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true },
} as const;

const { values } = parseArgs({
  options: {
    input: { type: "string", default: "seeds" },
    out: { type: "string", default: "docs/screenshots" },
    query: { type: "string", default: "daraa" },
  },
});

const work = await mkdtemp(path.join(os.tmpdir(), "clippings-shots-"));
const site = path.join(work, "site");
const report = await build({ input: values.input!, out: site, baseUrl: "http://127.0.0.1/" });
const article = report.published.find((p) => p.slug === "daesh-cornered-in-pocket-of-southern-syria") ?? report.published[0];
if (!article) throw new Error(`no article was published from ${values.input}`);
const pages: Record<string, string> = {
  home: "",
  article: `articles/${article.slug}/`,
  topic: "topics/islamic-state/",
  search: `search/?q=${encodeURIComponent(values.query!)}`,
};

const server = await serveStatic(site);
const browser = await launchChromium();
await mkdir(values.out!, { recursive: true });
try {
  for (const [screen, options] of Object.entries(SCREENS)) {
    const context = await browser.newContext(options);
    const page = await context.newPage();
    for (const [name, url] of Object.entries(pages)) {
      const response = await page.goto(server.url + url, { waitUntil: "load" });
      if (!response?.ok()) throw new Error(`${url}: HTTP ${response?.status()}`);
      if (name === "search") await page.waitForSelector("#search-results li");
      const file = path.join(values.out!, `${name}-${screen}.png`);
      await page.screenshot({ path: file });
      console.log(file);
    }
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
  await rm(work, { recursive: true, force: true });
}
