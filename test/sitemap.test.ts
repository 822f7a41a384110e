/** The sitemap: one file while the pages fit, an index of parts past the protocol's limit. */
import assert from "node:assert/strict";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { renderSite } from "../src/render/eleventy.ts";
import { buildSiteData } from "../src/render/site-data.ts";
import { buildSitemap, SITEMAP_LIMIT } from "../src/render/sitemap.ts";
import { makeRecord } from "./helpers/records.ts";

const entries = (n: number) => Array.from({ length: n }, (_, i) => ({ url: `/articles/a${i}/`, lastmod: i % 2 ? "2018-07-01T00:00:00Z" : null }));

/** The root element's name and the `<loc>` texts of a sitemap file. */
function parseSitemap(xml: string): { root: string; locs: string[] } {
  assert.match(xml, /^<\?xml version="1\.0" encoding="utf-8"\?>\n</);
  const root = /^<\?xml[^>]*>\n<([a-z]+) xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9">/.exec(xml)?.[1];
  assert.ok(root, "a sitemap root element");
  assert.ok(xml.trimEnd().endsWith(`</${root}>`));
  return { root, locs: [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]!) };
}

describe("sitemap", () => {
  test("should list the pages in one file up to the limit, and cut them into parts past it", () => {
    assert.equal(SITEMAP_LIMIT, 50_000);
    const few = entries(3);
    assert.deepEqual(buildSitemap(few, 3), { entries: few, parts: [] });
    const many = entries(7);
    const split = buildSitemap(many, 3);
    assert.deepEqual(split.entries, []);
    assert.deepEqual(split.parts.map((p) => p.url), ["/sitemaps/1.xml", "/sitemaps/2.xml", "/sitemaps/3.xml"]);
    assert.deepEqual(split.parts.flatMap((p) => p.entries), many, "every page once, in order");
  });

  test("should write an index of part files, each a sitemap of its own, when the pages do not fit in one", async () => {
    const records = Array.from({ length: 12 }, (_, i) => makeRecord(`story-${i}`, i < 10 ? `2018-0${1 + (i % 9)}-1${i % 10}` : null));
    const site = buildSiteData(records, [], { title: "Archive", url: "https://archive.example/sub/", assets: {} });
    const all = site.sitemap.entries.map((e) => `https://archive.example/sub${e.url}`);
    assert.ok(all.length > 20);
    const out = await mkdtemp(path.join(os.tmpdir(), "clippings-sitemap-"));
    try {
      const written = await renderSite({ ...site, sitemap: buildSitemap(site.sitemap.entries, 10) }, { outDir: out });
      const index = parseSitemap(await readFile(path.join(out, "sitemap.xml"), "utf8"));
      assert.equal(index.root, "sitemapindex");
      const parts = Math.ceil(all.length / 10);
      assert.deepEqual(index.locs, Array.from({ length: parts }, (_, i) => `https://archive.example/sub/sitemaps/${i + 1}.xml`));
      const listed: string[] = [];
      for (let i = 1; i <= parts; i++) {
        assert.ok(written.includes(`sitemaps/${i}.xml`));
        const part = parseSitemap(await readFile(path.join(out, `sitemaps/${i}.xml`), "utf8"));
        assert.equal(part.root, "urlset");
        assert.ok(part.locs.length <= 10);
        listed.push(...part.locs);
      }
      assert.deepEqual(listed, all);
      const dated = await readFile(path.join(out, "sitemaps/1.xml"), "utf8");
      assert.match(dated, /<url><loc>https:\/\/archive\.example\/sub\/articles\/story-\d\/<\/loc><lastmod>2018-0\d-1\d/);
    } finally {
      await rm(out, { recursive: true, force: true });
    }
  });
});
