/**
 * A topic's pages: its newest articles on its own page, and every article year by year on pages
 * that an article added to another year leaves as they were.
 */
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import type { ArticleRecord } from "../src/record.ts";
import { pageFamilies, planPages } from "../src/render/plan.ts";
import { buildSiteData, TOPIC_PAGE_SIZE, type SiteData } from "../src/render/site-data.ts";
import type { TopicPage } from "../src/topics/assign.ts";
import { makeRecord } from "./helpers/records.ts";

const SITE = { title: "Archive", url: "https://archive.example/", assets: {} };

function record(slug: string, published: string | null): ArticleRecord {
  return makeRecord(slug, published, { topics: ["Daraa"] });
}

/** 40 articles in each of 2016, 2017 and 2018, and 7 undated ones, all about Daraa. */
function archive(extra: ArticleRecord[] = []): ArticleRecord[] {
  const records: ArticleRecord[] = [];
  for (const year of [2016, 2017, 2018]) {
    for (let i = 0; i < 40; i++) records.push(record(`r${year}-${i}`, `${year}-${String(1 + (i % 12)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`));
  }
  for (let i = 0; i < 7; i++) records.push(record(`undated-${i}`, null));
  return [...records, ...extra];
}

function siteOf(records: ArticleRecord[]): SiteData {
  const topic: TopicPage = {
    topic: { name: "Daraa", slug: "daraa", kind: "place", aliases: ["Daraa"], description: null },
    articles: records.map((r) => r.slug),
    spellings: ["Daraa"],
    related: [],
  };
  return buildSiteData(records, [topic], SITE);
}

describe("topic pages", () => {
  test("should show a large topic's newest articles on its page and all of them year by year", () => {
    const data = siteOf(archive());
    const listed = data.articles.map((a) => a.slug);
    const [page] = data.topicPages;
    assert.deepEqual(page!.articles.map((a) => a.slug), listed.slice(0, TOPIC_PAGE_SIZE));
    assert.deepEqual(
      page!.years.map((y) => [y.label, y.url, y.count]),
      [["2018", "/topics/daraa/2018/", 40], ["2017", "/topics/daraa/2017/", 40], ["2016", "/topics/daraa/2016/", 40], ["Undated", "/topics/daraa/undated/", 7]],
    );
    assert.deepEqual(data.topicYears.flatMap((p) => p.articles.map((a) => a.slug)), listed, "every article once, in list order");
    for (const p of data.topicYears) {
      for (const a of p.articles) assert.equal(a.published?.slice(0, 4) ?? "Undated", p.label, `${a.slug} on ${p.url}`);
    }
  });

  test("should continue a year past one page, newest first", () => {
    const data = siteOf(archive(Array.from({ length: 20 }, (_, i) => record(`more-${i}`, `2017-12-${String(1 + i).padStart(2, "0")}`))));
    const pages = data.topicYears.filter((p) => p.label === "2017");
    assert.deepEqual(pages.map((p) => [p.url, p.pageNumber, p.pageCount, p.articles.length, p.previousUrl, p.nextUrl]), [
      ["/topics/daraa/2017/", 1, 2, 50, null, "/topics/daraa/2017/page/2/"],
      ["/topics/daraa/2017/page/2/", 2, 2, 10, "/topics/daraa/2017/", null],
    ]);
    assert.ok(pages.every((p) => p.articleCount === 60));
  });

  test("should keep every page of the other years when an article is added to one year", () => {
    const shared = `templates\0site`;
    const before = planPages(pageFamilies(siteOf(archive())), shared);
    const after = planPages(pageFamilies(siteOf(archive([record("added", "2017-06-15")]))), shared);
    const changed = [...after].filter(([url, page]) => url.startsWith("/topics/") && before.get(url)?.fingerprint !== page.fingerprint).map(([url]) => url);
    // The feed holds the latest articles only, so an older addition leaves it as it was.
    assert.deepEqual(changed.sort(), ["/topics/daraa/", "/topics/daraa/2017/"]);
  });

  test("should give a topic that fits on one page no year pages", () => {
    const data = siteOf(archive().slice(0, TOPIC_PAGE_SIZE));
    assert.equal(data.topicPages[0]!.articles.length, TOPIC_PAGE_SIZE);
    assert.deepEqual(data.topicPages[0]!.years, []);
    assert.deepEqual(data.topicYears, []);
  });
});
