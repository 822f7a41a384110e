/**
 * The site in Chromium: accessibility (axe-core), the strict Content-Security-Policy, small
 * screens and dark mode, served under a sub-path as a project site would be.
 */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { after, before, describe, test } from "node:test";
import type { Browser, Page } from "playwright-core";
import { launchChromium } from "./helpers/chromium.ts";
import { buildSeeds } from "./helpers/site.ts";
import { serveStatic, STRICT_CSP, type StaticServer } from "./helpers/static-server.ts";

const PREFIX = "/archive/";
const PAGES: Readonly<Record<string, string>> = {
  home: "",
  article: "articles/daesh-cornered-in-pocket-of-southern-syria/",
  "undated article": "articles/is-militia-collapse-following-syrian-regime-offensive-in-yarmouk-valley/",
  topic: "topics/islamic-state/",
  "topics index": "topics/",
  "dates index": "dates/",
  year: "dates/2018/",
  month: "dates/2018/08/",
  undated: "dates/undated/",
  publishers: "publishers/",
  publisher: "publishers/7dnews/",
  search: "search/?q=daraa",
  "not found": "no/such/page/",
};

interface AxeViolation {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string[] }[];
}

let site: Awaited<ReturnType<typeof buildSeeds>>;
let server: StaticServer;
let browser: Browser;
let axeSource: string;
let page: Page;
let problems: string[] = [];

before(async () => {
  site = await buildSeeds(`https://news.example.org${PREFIX}`);
  server = await serveStatic(site.dir, { prefix: PREFIX, headers: { "Content-Security-Policy": STRICT_CSP } });
  browser = await launchChromium();
  axeSource = await readFile(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
  page = await (await browser.newContext()).newPage();
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (e) => {
      const w = window as unknown as { cspViolations?: string[] };
      (w.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
  // A request the browser itself cancels (the favicon when the next page is already loading)
  // is no failure of the site.
  page.on("requestfailed", (r) => {
    if (r.failure()?.errorText !== "net::ERR_ABORTED") problems.push(`request failed: ${r.url()} (${r.failure()?.errorText})`);
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
  await site?.dispose();
});

/**
 * Open a page under the strict policy in the shared tab, recording policy violations,
 * script errors, console errors and failed requests. (One tab serves every test: a new
 * browser context costs a second or more.)
 */
async function openStrict(path: string, options: { width?: number; dark?: boolean } = {}): Promise<{ page: Page; problems: string[] }> {
  problems = [];
  await page.setViewportSize({ width: options.width ?? 1280, height: 900 });
  await page.emulateMedia({ colorScheme: options.dark ? "dark" : "light", media: "screen" });
  await page.goto(server.url + path, { waitUntil: "load" });
  const violations = await page.evaluate(() => (window as unknown as { cspViolations?: string[] }).cspViolations ?? []);
  problems.push(...violations.map((v) => `CSP: ${v}`));
  return { page, problems };
}

/** Run axe-core on an open page (injected through the DevTools protocol, which the policy does not govern). */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(axeSource);
  const violations = (await page.evaluate(() =>
    (window as unknown as { axe: { run(): Promise<{ violations: unknown[] }> } }).axe.run().then((r) => r.violations),
  )) as AxeViolation[];
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

describe("site in Chromium", () => {
  test("should have an axe-core check that reports what it finds", async () => {
    await page.setContent(`<!DOCTYPE html><html><head><title>x</title></head><body><main><img src="x.png"><a href="#"></a></main></body></html>`);
    const found = await axe(page);
    assert.ok(found.some((v) => v.startsWith("image-alt")) && found.some((v) => v.startsWith("html-has-lang")), found.join("\n"));
  });

  test("should notice inline scripts and styles under the policy", async () => {
    await page.route(`${server.url}probe/`, (route) =>
      route.fulfill({
        headers: { "Content-Type": "text/html", "Content-Security-Policy": STRICT_CSP },
        body: `<!DOCTYPE html><title>probe</title><style>p{color:red}</style><p style="color:blue">x</p><script>document.title="ran"</script>`,
      }),
    );
    const { page: probe, problems } = await openStrict("probe/");
    assert.equal(await probe.title(), "probe", "the inline script did not run");
    assert.ok(problems.some((p) => p.startsWith("CSP: script-src")), problems.join("\n"));
    assert.ok(problems.some((p) => p.startsWith("CSP: style-src")), problems.join("\n"));
    await page.unroute(`${server.url}probe/`);
  });

  test("should load every page type under default-src 'self' with no policy violation or error", async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      const { page, problems } = await openStrict(path);
      assert.ok((await page.title()).length > 0, `${name} has a title`);
      // The not-found page itself comes with status 404, as it should.
      const expected = name === "not found" ? ["console: Failed to load resource: the server responded with a status of 404 (Not Found)"] : [];
      assert.deepEqual(problems, expected, name);
    }
  });

  test("should find search results with the page's own script under the policy", async () => {
    const { page, problems } = await openStrict(PAGES.search!);
    await page.waitForSelector("#search-results li a");
    const hrefs = await page.$$eval("main #search-results a", (links) => links.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.length >= 1);
    assert.ok(hrefs.every((h) => h?.startsWith(`${PREFIX}articles/`)), "result links carry the path prefix");
    assert.equal(await page.inputValue("#q"), "daraa");
    assert.deepEqual(problems, []);
  });

  test("should report 0 axe-core violations on every page type, in light and dark mode", async () => {
    for (const dark of [false, true]) {
      for (const [name, path] of Object.entries(PAGES)) {
        const { page } = await openStrict(path, { dark });
        if (name === "search") await page.waitForSelector("#search-results li");
        assert.deepEqual(await axe(page), [], `${name}${dark ? " (dark)" : ""}`);
      }
    }
  });

  test("should fit a 320 px wide screen without sideways scrolling", async () => {
    for (const [name, path] of Object.entries(PAGES)) {
      const { page } = await openStrict(path, { width: 320 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(overflow <= 0, `${name} overflows by ${overflow} px`);
    }
  });

  test("should follow the system's dark mode", async () => {
    const colours: string[] = [];
    for (const dark of [false, true]) {
      const { page } = await openStrict(PAGES.article!, { dark });
      colours.push(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
    }
    assert.notEqual(colours[0], colours[1]);
  });

  test("should keep the article's collapsed record block openable and hide navigation when printed", async () => {
    const { page } = await openStrict(PAGES.article!);
    assert.equal(await page.isVisible("details.record dl"), false);
    await page.click("details.record summary");
    assert.equal(await page.isVisible("details.record dl"), true);
    await page.emulateMedia({ media: "print" });
    assert.equal(await page.isVisible(".site-header"), false);
    assert.equal(await page.isVisible(".article h1"), true);
  });
});
