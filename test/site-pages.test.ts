/** The built site's pages, feeds and metadata, read from the files a build writes. */
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { gzipSync } from "node:zlib";
import { Parser } from "htmlparser2";
import { HtmlValidate } from "html-validate";
import { buildSeeds, ROOT } from "./helpers/site.ts";
import { checkLinks } from "./helpers/check-links.ts";

const BASE = "https://news.example.org/archive/";
const HOSTILE_TITLE = `Raid </script><script>alert("x")</script> <!-- & "quoted"`;
const HOSTILE = `---\ntitle: '${HOSTILE_TITLE}'\nauthors: [Jane </script> Doe]\npublisher: The <b>Courier</b>\npublished: 2017-03-04\n---\nA first paragraph about a raid.\n\nA second paragraph.\n`;

let site: Awaited<ReturnType<typeof buildSeeds>>;
let rootSite: Awaited<ReturnType<typeof buildSeeds>>;

before(async () => {
  site = await buildSeeds(BASE, { "hostile.md": HOSTILE });
  rootSite = await buildSeeds("http://localhost:8080/");
});
after(async () => {
  await site?.dispose();
  await rootSite?.dispose();
});

const read = (file: string, s = site) => readFile(path.join(s.dir, file), "utf8");

async function htmlFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.map(String).filter((f) => f.endsWith(".html")).sort();
}

/** Elements of a document matching a tag name, with attributes and text. */
function elements(html: string, tag: string, xmlMode = false): { attrs: Record<string, string>; text: string }[] {
  const found: { attrs: Record<string, string>; text: string }[] = [];
  const open: { attrs: Record<string, string>; text: string }[] = [];
  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (name === tag) open.push({ attrs, text: "" });
      },
      ontext(text) {
        for (const e of open) e.text += text;
      },
      onclosetag(name) {
        if (name === tag) found.push(open.pop()!);
      },
    },
    { xmlMode, decodeEntities: true },
  );
  parser.end(html);
  return found;
}

function meta(html: string, key: string): string | undefined {
  return elements(html, "meta").find((m) => m.attrs.property === key || m.attrs.name === key)?.attrs.content;
}

describe("built site", () => {
  test("should write every page type", async () => {
    const slugs = site.report.published.map((p) => p.slug);
    const expected = [
      "index.html",
      "404.html",
      "robots.txt",
      "sitemap.xml",
      "feed.xml",
      "_headers",
      "topics/index.html",
      "topics/islamic-state/index.html",
      "topics/islamic-state/feed.xml",
      "dates/index.html",
      "dates/2018/index.html",
      "dates/2018/08/index.html",
      "dates/2017/03/index.html",
      "dates/undated/index.html",
      "publishers/index.html",
      "search/index.html",
      ...slugs.map((s) => `articles/${s}/index.html`),
    ];
    for (const file of expected) assert.ok((await read(file)).length > 0, `${file} is written`);
    const publishers = await read("publishers/index.html");
    const links = elements(publishers, "a").filter((a) => a.attrs.href?.startsWith("/archive/publishers/"));
    assert.ok(links.some((a) => a.text === "The <b>Courier</b>"), "publisher names are listed as text");
  });

  test("should give an article page headline, byline, date, dateline, topics, neighbours, related articles and its record", async () => {
    const html = await read("articles/daesh-cornered-in-pocket-of-southern-syria/index.html");
    assert.equal(elements(html, "h1")[0]?.text, "Daesh cornered in pocket of southern Syria");
    assert.match(elements(html, "p").find((p) => p.attrs.class === "byline")!.text, /^By AFP$/);
    assert.equal(elements(html, "time")[0]?.attrs.datetime, "2018-08-01");
    assert.equal(elements(html, "span").find((s) => s.attrs.class === "dateline")?.text, "BEIRUT");
    const hrefs = elements(html, "a").map((a) => a.attrs.href);
    assert.ok(hrefs.includes("/archive/topics/islamic-state/"), "links its topics");
    assert.ok(elements(html, "section").some((s) => s.attrs.class === "related" && s.text.includes("Related articles")));
    const pager = elements(html, "nav").find((n) => n.attrs.class === "pager");
    assert.ok(pager?.text.includes("Later"), "links the next article by date");
    const crumbs = elements(html, "nav").find((n) => n.attrs["aria-label"] === "Breadcrumb")!;
    assert.match(crumbs.text.replace(/\s+/g, " "), /Home 2018 August Daesh cornered/);
    const record = elements(html, "details")[0]!;
    assert.equal(record.attrs.open, undefined, "the record block starts collapsed");
    assert.match(record.text, /About this record[\s\S]*004_03146239e8682a65\.txt[\s\S]*Removed from the source text/);
    assert.match(record.text, /navigation\s+You are here/);
  });

  test("should say 'date unknown' for an article without a date and never invent one", async () => {
    const html = await read("articles/is-militia-collapse-following-syrian-regime-offensive-in-yarmouk-valley/index.html");
    assert.match(elements(html, "p").find((p) => p.attrs.class === "meta")!.text, /Date unknown/);
    assert.equal(meta(html, "article:published_time"), undefined);
    const data = JSON.parse(elements(html, "script").find((s) => s.attrs.type === "application/ld+json")!.text);
    assert.equal(data.datePublished, undefined);
    assert.equal(elements(html, "a").find((a) => a.attrs.href === "/archive/dates/undated/")?.text, "Undated");
  });

  test("should give every page a title, description, canonical URL and Open Graph tags under the base URL", async () => {
    for (const file of await htmlFiles(site.dir)) {
      const html = await read(file);
      assert.ok(elements(html, "title")[0]?.text.trim(), `${file} has a title`);
      assert.ok(meta(html, "description")?.trim(), `${file} has a description`);
      assert.ok(meta(html, "og:title") && meta(html, "og:url")?.startsWith(BASE), `${file} has Open Graph tags`);
      if (file === "404.html" || file === "search/index.html") {
        assert.equal(meta(html, "robots"), "noindex", `${file} is not indexed`);
        continue;
      }
      const canonical = elements(html, "link").find((l) => l.attrs.rel === "canonical")?.attrs.href;
      assert.equal(canonical, new URL(file.replace(/index\.html$/, ""), BASE).href, `${file} canonical`);
    }
  });

  test("should describe articles as JSON-LD NewsArticle that no headline can break out of", async () => {
    const slug = site.report.published.find((p) => p.source === "hostile.md")!.slug;
    const html = await read(`articles/${slug}/index.html`);
    const scripts = elements(html, "script");
    assert.equal(scripts.length, 1, "the headline opens no script element");
    assert.equal(scripts[0]!.attrs.type, "application/ld+json");
    assert.doesNotMatch(scripts[0]!.text, /<\/?script|<!--/i);
    const data = JSON.parse(scripts[0]!.text);
    assert.equal(data["@type"], "NewsArticle");
    assert.equal(data.headline, HOSTILE_TITLE);
    assert.equal(data.datePublished, "2017-03-04");
    assert.deepEqual(data.author, [{ "@type": "Person", name: "Jane </script> Doe" }]);
    assert.deepEqual(data.publisher, { "@type": "Organization", name: "The <b>Courier</b>" });
    assert.equal(data.url, `${BASE}articles/${slug}/`);
    assert.equal(elements(html, "h1")[0]!.text, HOSTILE_TITLE, "the headline shows as text");
  });

  test("should publish an Atom feed of the latest dated articles and one per topic", async () => {
    const feed = await read("feed.xml");
    const entries = elements(feed, "entry", true);
    const dated = site.report.published.length - 3; // three seed articles state no date
    assert.equal(entries.length, Math.min(50, dated));
    const ids = elements(feed, "id", true).map((e) => e.text);
    assert.equal(ids[0], `${BASE}feed.xml`);
    assert.ok(ids.slice(1).every((id) => id.startsWith(`${BASE}articles/`)));
    const updated = elements(feed, "updated", true).map((e) => e.text);
    assert.ok(updated.every((u) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(u)), "RFC 3339 dates");
    assert.equal(elements(feed, "link", true)[0]!.attrs.href, `${BASE}feed.xml`);
    const topicFeed = await read("topics/islamic-state/feed.xml");
    assert.equal(elements(topicFeed, "title", true)[0]!.text, "Islamic State · Clippings archive");
    assert.ok(elements(topicFeed, "entry", true).length >= 1);
    const topicPage = await read("topics/islamic-state/index.html");
    assert.ok(elements(topicPage, "link").some((l) => l.attrs.rel === "alternate" && l.attrs.href === "/archive/topics/islamic-state/feed.xml"));
  });

  test("should list every page in the sitemap and point robots.txt to it", async () => {
    const locs = elements(await read("sitemap.xml"), "loc", true).map((l) => l.text);
    const pages = (await htmlFiles(site.dir)).filter((f) => f !== "404.html" && f !== "search/index.html");
    assert.deepEqual([...locs].sort(), pages.map((f) => new URL(f.replace(/index\.html$/, ""), BASE).href).sort());
    assert.match(await read("robots.txt"), new RegExp(`^Sitemap: ${BASE}sitemap\\.xml$`, "m"));
  });

  test("should validate as HTML with 0 errors", async () => {
    const config = JSON.parse(await readFile(new URL("../.htmlvalidate.json", import.meta.url), "utf8"));
    const validator = new HtmlValidate(config);
    const problems: string[] = [];
    for (const file of await htmlFiles(site.dir)) {
      const report = await validator.validateString(await read(file), file);
      for (const result of report.results) for (const m of result.messages) problems.push(`${file}:${m.line} ${m.ruleId} ${m.message}`);
    }
    assert.deepEqual(problems, []);
  });

  test("should name every asset by its content, so that caches may keep it for good", async () => {
    const home = await read("index.html");
    const search = await read("search/index.html");
    const addresses = [
      ...elements(home, "link").filter((l) => l.attrs.rel === "stylesheet" || l.attrs.rel === "icon"),
      ...elements(search, "link").filter((l) => l.attrs.rel === "modulepreload"),
      ...elements(search, "script").filter((s) => s.attrs.src),
    ].map((e) => e.attrs.href ?? e.attrs.src);
    assert.equal(addresses.length, 8, "stylesheet, icon, four module preloads, Lunr and the search script");
    const own = { "site.css": "public/assets/site.css", "favicon.svg": "public/assets/favicon.svg", "search.js": "lib/client/search.js", "engine.js": "lib/client/engine.js" };
    for (const address of addresses) {
      const match = /^\/archive\/assets\/(?:(?<module>search\.[0-9a-f]{10})\/(?<name>[a-z0-9]+\.js)|(?<stem>[a-z.]+)\.[0-9a-f]{10}(?<ext>\.[a-z]+))$/.exec(address!);
      assert.ok(match, `${address} carries a content hash`);
      const plain = match.groups!.name ?? `${match.groups!.stem}${match.groups!.ext}`;
      const bytes = await readFile(path.join(site.dir, address!.slice("/archive/".length)));
      if (plain in own) assert.deepEqual(bytes, await readFile(path.join(ROOT, own[plain as keyof typeof own])), `${address} is ${plain}`);
    }
    const modules = new Set(addresses.filter((a) => a!.includes("/search.")).map((a) => path.posix.dirname(a!)));
    assert.equal(modules.size, 1, "the search page's modules share one folder, so their imports resolve");
    assert.match(await read("_headers"), /\/assets\/\*\n  Cache-Control: public, max-age=31536000, immutable\n/);
    assert.deepEqual((await readdir(path.join(site.dir, "assets"))).filter((name) => !/\.[0-9a-f]{10}(\.[a-z]+)?$/.test(name)), [], "no asset without its hash");
  });

  test("should keep every article page, with its stylesheet, at or under 30 KB", async () => {
    const stylesheet = elements(await read("index.html"), "link").find((l) => l.attrs.rel === "stylesheet")!.attrs.href!;
    const css = await read(stylesheet.slice("/archive/".length));
    for (const { slug } of site.report.published) {
      const html = await read(`articles/${slug}/index.html`);
      const scripts = elements(html, "script").filter((s) => s.attrs.src);
      assert.deepEqual(scripts, [], "article pages load no script");
      const stylesheets = elements(html, "link").filter((l) => l.attrs.rel === "stylesheet").map((l) => l.attrs.href);
      assert.deepEqual(stylesheets, [stylesheet]);
      const bytes = Buffer.byteLength(html) + Buffer.byteLength(css);
      assert.ok(bytes <= 30 * 1024, `${slug}: ${bytes} bytes uncompressed`);
      assert.ok(gzipSync(html).length + gzipSync(css).length < bytes);
    }
  });

  test("should have no inline scripts, inline styles or style attributes", async () => {
    for (const file of await htmlFiles(site.dir)) {
      const html = await read(file);
      for (const s of elements(html, "script")) assert.ok(s.attrs.src || s.attrs.type === "application/ld+json", `${file}: inline script`);
      assert.deepEqual(elements(html, "style"), [], `${file}: style element`);
      assert.doesNotMatch(html, /\sstyle=|\son[a-z]+=/i, `${file}: style or event attribute`);
    }
  });

  test("should have 0 broken internal links under a sub-path and at the root", async () => {
    for (const s of [site, rootSite]) {
      const report = await checkLinks(s.dir, s.baseUrl);
      assert.ok(report.links > 100, `${s.baseUrl}: ${report.links} links checked`);
      assert.deepEqual(report.broken, [], s.baseUrl);
    }
    const home = await read("index.html");
    const own = [...elements(home, "a"), ...elements(home, "link"), ...elements(home, "form")]
      .map((e) => e.attrs.href ?? e.attrs.action)
      .filter((u) => u && !u.startsWith("#") && !u.startsWith("https://"));
    assert.ok(own.length > 10 && own.every((u) => u!.startsWith("/archive/")), "every own link carries the path prefix");
  });
});
