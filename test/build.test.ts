import assert from "node:assert/strict";
import { mkdtemp, readdir, rm, writeFile, cp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import lunr from "lunr";
import { SearchEngine } from "../src/client/engine.ts";
import { buildTemp, ROOT, type BuiltSite } from "./helpers/site.ts";

describe("build: the seed archive", () => {
  let site: BuiltSite;
  before(async () => {
    site = await buildTemp();
  });
  after(() => site.dispose());

  it("should publish all five seeds and skip nothing", () => {
    assert.equal(site.report.published.length, 5);
    assert.deepEqual(site.report.skipped, []);
  });

  it("should write one page per article", async () => {
    const slugs = (await readdir(path.join(site.dir, "articles"))).sort();
    assert.equal(slugs.length, 5);
    for (const slug of slugs) {
      const html = await site.read(`articles/${slug}/index.html`);
      assert.match(html, /<h1>[^<]+<\/h1>/);
    }
    const page = await site.read("articles/syrian-regime-captures-100-islamic-state-fighters/index.html");
    assert.match(page, /<h1>Syrian Regime Captures 100 Islamic State Fighters<\/h1>/);
    assert.match(page, /By Hussein Alkhattab/);
    assert.match(page, /<time datetime="2018-08-03T21:55:00Z">3 August 2018<\/time>/);
    const shown = page.slice(0, page.indexOf('<details class="record">'));
    assert.doesNotMatch(shown, /21 Nov 2019/, "the site clock is not shown as the article's date");
  });

  it("should list articles on the home page newest first, undated last as 'date unknown'", async () => {
    const home = await site.read("index.html");
    const titles = [...home.matchAll(/<h3><a href="[^"]+">([^<]+)<\/a><\/h3>/g)].map((m) => m[1]);
    assert.equal(titles.length, 5);
    assert.equal(titles[0], "Syrian Regime Captures 100 Islamic State Fighters");
    assert.equal(titles[1], "Daesh cornered in pocket of southern Syria");
    assert.equal((home.match(/date unknown/g) ?? []).length, 3);
  });

  it("should write a topics index and topic pages gathering every spelling", async () => {
    const index = await site.read("topics/index.html");
    assert.match(index, /href="\/topics\/khalid-ibn-al-walid-army\/"/);
    const group = await site.read("topics/khalid-ibn-al-walid-army/index.html");
    assert.equal((group.match(/<h3><a href="\/articles\//g) ?? []).length, 5);
    for (const spelling of ["Khaled Ben al-Walid Army", "Jaysh Khaled bin Waleed", "Jaish Khalid bin al-Waleed", "Jaysh Khalid Bin Alwaleed", "Jaish Khaled bin Walid", "Army of Khaled Ben Al Waleed"]) {
      assert.ok(group.includes(spelling), spelling);
    }
    const daraa = await site.read("topics/daraa/index.html");
    assert.equal((daraa.match(/<h3><a href="\/articles\//g) ?? []).length, 5);
  });

  it("should write search, 404, feed and sitemap", async () => {
    assert.match(await site.read("search/index.html"), /id="search-results"/);
    assert.match(await site.read("404.html"), /Page not found/);
    const feed = await site.read("feed.xml");
    assert.match(feed, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom">/);
    // The feed carries the dated articles (Atom entries need a date): two of the seeds state one.
    assert.equal((feed.match(/<entry>/g) ?? []).length, 2);
    assert.match(feed, /Syrian Regime Captures 100 Islamic State Fighters/);
    const sitemap = await site.read("sitemap.xml");
    for (const p of site.report.published) assert.ok(sitemap.includes(`<loc>http://localhost:8080/articles/${p.slug}/</loc>`), p.slug);
    assert.ok(sitemap.includes("<loc>http://localhost:8080/topics/daraa/</loc>"));
  });

  it("should ship a sharded Lunr index that loads and finds articles", async () => {
    const engine = new SearchEngine(lunr, async (file) => JSON.parse(await site.read(file)));
    const hits = (await engine.search("Sweida")).hits;
    assert.ok(hits.length >= 2);
    for (const hit of hits) assert.ok((await engine.doc(hit.doc))?.t, `metadata for ${hit.doc}`);
    const tasil = (await engine.search("Tasil")).hits;
    assert.deepEqual(await Promise.all(tasil.map(async (h) => (await engine.doc(h.doc))?.s)), ["syria-massive-losses-of-syrian-rebels-after-ambush-by-isis-in-deraa"]);
  });
});

describe("build: article text is data, never markup or template source", () => {
  let site: BuiltSite;
  let input: string;
  before(async () => {
    input = await mkdtemp(path.join(os.tmpdir(), "clippings-input-"));
    await writeFile(
      path.join(input, "evil.txt"),
      "<script>alert(1)</script> {{ 7 * 7 }} headline\n\nBody with {% raw %} and {{ site.title }} and <img src=x onerror=alert(1)> in it, long enough to be a paragraph.\n",
    );
    await writeFile(path.join(input, "empty.txt"), "");
    await writeFile(path.join(input, "image.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]));
    site = await buildTemp(input);
  });
  after(async () => {
    await site.dispose();
    await rm(input, { recursive: true, force: true });
  });

  it("should show template syntax verbatim and escape markup", async () => {
    const [slug] = await readdir(path.join(site.dir, "articles"));
    const html = await site.read(`articles/${slug}/index.html`);
    assert.ok(html.includes("{{ 7 * 7 }}"));
    assert.ok(html.includes("{% raw %} and {{ site.title }}"));
    assert.ok(html.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(!html.includes("<img src=x"));
    assert.ok(!/<script>alert/.test(html));
  });

  it("should skip unusable files with a reason", () => {
    assert.deepEqual(
      site.report.skipped.map((s) => [s.name, s.reason.split(" ")[0]]),
      [["empty.txt", "empty"], ["image.png", "unsupported"]],
    );
  });
});

describe("build: --base-url with a sub-path", () => {
  it("should prefix every internal link with the sub-path", async () => {
    const site = await buildTemp(path.join(ROOT, "seeds"), { baseUrl: "https://example.org/archive/" });
    try {
      const home = await site.read("index.html");
      const hrefs = [...home.matchAll(/(?:href|src|action)="([^"]+)"/g)].map((m) => m[1]!);
      assert.ok(hrefs.length > 10);
      for (const href of hrefs) assert.ok(/^(\/archive\/|https:\/\/example\.org\/archive\/|#)/.test(href), href);
      assert.match(await site.read("feed.xml"), /https:\/\/example.org\/archive\/articles\//);
    } finally {
      await site.dispose();
    }
  });
});

describe("build: a failed build leaves the previous site alone", () => {
  it("should keep the old output when the vocabulary is broken", async () => {
    const site = await buildTemp();
    const input = await mkdtemp(path.join(os.tmpdir(), "clippings-input-"));
    try {
      await cp(path.join(ROOT, "seeds"), input, { recursive: true });
      await writeFile(path.join(input, "topics.yml"), "- kind: place\n");
      const { build } = await import("../src/build.ts");
      await assert.rejects(build({ input, out: site.dir }), /topics\.yml: topic #1 has no "name"/);
      assert.match(await site.read("index.html"), /Syrian Regime Captures/);
    } finally {
      await site.dispose();
      await rm(input, { recursive: true, force: true });
    }
  });
});
