/** A reader searching the seed archive in Chromium. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { useServedSeeds } from "./helpers/browser.ts";

describe("search page in a browser", () => {
  const archive = useServedSeeds();

  async function resultsFor(query: string): Promise<string[]> {
    const page = await archive.browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(`${archive.server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => !/Searching|needs JavaScript/.test(document.getElementById("search-status")?.textContent ?? ""));
    const hrefs = await page.$$eval("main a[href*='/articles/']", (links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    await page.close();
    assert.deepEqual(errors, []);
    return hrefs;
  }

  it("should find the article that mentions a village, as a link inside <main>", async () => {
    assert.deepEqual(await resultsFor("Tasil"), ["/articles/syria-massive-losses-of-syrian-rebels-after-ambush-by-isis-in-deraa/"]);
  });

  it("should require every word of the query", async () => {
    const sweida = await resultsFor("Sweida");
    const both = await resultsFor("Sweida Druze");
    assert.ok(sweida.length >= 2);
    assert.ok(both.length >= 1 && both.length < sweida.length);
    for (const href of both) assert.ok(sweida.includes(href));
  });

  it("should open the article a result links to", async () => {
    const page = await archive.browser.newPage();
    await page.goto(`${archive.server.url}search/?q=Jordanian+border+guards`);
    await page.locator("#search-results a").first().click();
    await page.waitForURL(/\/articles\//);
    assert.equal(await page.locator("h1").textContent(), "Syrian Regime Captures 100 Islamic State Fighters");
    await page.close();
  });

  it("should show nothing for a query with no match, without errors", async () => {
    assert.deepEqual(await resultsFor("zzyzx"), []);
    assert.deepEqual(await resultsFor('<img src=x onerror=alert(1)> "unclosed foo: ~ - *'), []);
  });
});
