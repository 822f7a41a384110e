/** Date archive, publisher grouping, related articles, neighbours and JSON-LD for the site's pages. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { archiveTrail, buildDateArchive } from "../src/render/date-archive.js";
import { newsArticle, toScriptJson } from "../src/render/json-ld.js";
import { buildPublishers } from "../src/render/publishers.js";
import { findNeighbours, findRelated } from "../src/render/related.js";
import type { ArticleSummary } from "../src/render/site-data.js";

const summary = (slug: string, published: string | null, publisher: string | null = null): ArticleSummary => ({
  slug,
  url: `/articles/${slug}/`,
  title: slug,
  published,
  dateLabel: "",
  publisher,
  excerpt: "",
});
const topics = (...names: string[]) => names.map((name) => ({ name }));

test("buildDateArchive", async (t) => {
  await t.test("should group dated articles by year and month, newest first, and keep undated ones apart", () => {
    const archive = buildDateArchive([summary("c", "2018-08-03T21:55:00Z"), summary("b", "2018-08-01"), summary("a", "2017-03-04"), summary("x", null)]);
    assert.deepEqual(archive.years.map((y) => [y.year, y.count, y.url, y.months.map((m) => m.label)]), [
      ["2018", 2, "/dates/2018/", ["August 2018"]],
      ["2017", 1, "/dates/2017/", ["March 2017"]],
    ]);
    assert.deepEqual(archive.months.map((m) => [m.url, m.articles.map((a) => a.slug)]), [
      ["/dates/2018/08/", ["c", "b"]],
      ["/dates/2017/03/", ["a"]],
    ]);
    assert.deepEqual(archive.undated.map((a) => a.slug), ["x"]);
  });

  await t.test("should give breadcrumbs through year and month, or to the undated page", () => {
    assert.deepEqual(archiveTrail("2018-08-01"), [
      { label: "2018", url: "/dates/2018/" },
      { label: "August", url: "/dates/2018/08/" },
    ]);
    assert.deepEqual(archiveTrail(null), [{ label: "Undated", url: "/dates/undated/" }]);
  });
});

test("buildPublishers", async (t) => {
  await t.test("should merge spellings of one outlet under the most frequent and order by size", () => {
    const list = buildPublishers([summary("a", null, "AFP"), summary("b", null, "Afp"), summary("c", null, "AFP"), summary("d", null, "SANA"), summary("e", null, null)]);
    assert.deepEqual(list.map((p) => [p.name, p.url, p.articles.map((a) => a.slug)]), [
      ["AFP", "/publishers/afp/", ["a", "b", "c"]],
      ["SANA", "/publishers/sana/", ["d"]],
    ]);
  });
});

test("findRelated", async (t) => {
  await t.test("should rank by shared rare topics and ignore topics every article has", () => {
    const articles = [
      { slug: "a", published: "2018-01-03", topics: topics("Syria", "Daraa", "Jordan") },
      { slug: "b", published: "2018-01-02", topics: topics("Syria", "Daraa", "Jordan") },
      { slug: "c", published: "2018-01-01", topics: topics("Syria", "Daraa") },
      { slug: "d", published: null, topics: topics("Syria") },
    ];
    assert.deepEqual(findRelated(articles), [[1, 2], [0, 2], [1, 0], []]);
    assert.deepEqual(findRelated(articles, 1)[0], [1]);
  });

  await t.test("should break ties by nearness in the list, then by list order, keeping the best few of many", () => {
    const articles = Array.from({ length: 40 }, (_, i) => ({ slug: `a${i}`, published: null, topics: topics(...(i < 39 ? ["Shared"] : []), ...(i % 10 === 0 ? ["Rare"] : [])) }));
    const related = findRelated(articles);
    assert.deepEqual(related[20], [10, 30, 0, 19, 21], "rare topic first, nearest first; then the nearest sharing the common one");
    assert.deepEqual(related[5], [4, 6, 3, 7, 2]);
    assert.deepEqual(findRelated(articles, 0)[5], []);
  });
});

test("findNeighbours", async (t) => {
  await t.test("should link dated articles by date and undated ones among themselves", () => {
    const articles = [
      { slug: "new", published: "2018-02-01", topics: [] },
      { slug: "old", published: "2018-01-01", topics: [] },
      { slug: "u1", published: null, topics: [] },
      { slug: "u2", published: null, topics: [] },
    ];
    assert.deepEqual(findNeighbours(articles), [
      { earlier: 1, later: null },
      { earlier: null, later: 0 },
      { earlier: null, later: 3 },
      { earlier: 2, later: null },
    ]);
  });
});

test("toScriptJson", async (t) => {
  await t.test("should keep the value while leaving nothing that can end a script element", () => {
    const value = { headline: "</script><script>alert(1)</script><!-- & \u2028" };
    const json = toScriptJson(value);
    assert.doesNotMatch(json, /[<>&\u2028]/);
    assert.deepEqual(JSON.parse(json), value);
  });
});

test("newsArticle", async (t) => {
  await t.test("should state known fields and leave out unknown ones rather than guess", () => {
    const base = { title: "T", excerpt: "", authors: [], publisher: null, published: null, updated: null, section: null, dateline: null };
    assert.deepEqual(newsArticle(base, "https://x.example/a/"), {
      "@context": "https://schema.org",
      "@type": "NewsArticle",
      headline: "T",
      url: "https://x.example/a/",
      mainEntityOfPage: "https://x.example/a/",
    });
    const full = newsArticle({ ...base, authors: ["A B"], publisher: "P", published: "2018-08-01" }, "https://x.example/a/");
    assert.equal(full.datePublished, "2018-08-01");
    assert.equal(full.dateModified, "2018-08-01");
    assert.deepEqual(full.author, [{ "@type": "Person", name: "A B" }]);
    assert.deepEqual(full.publisher, { "@type": "Organization", name: "P" });
  });
});
