/**
 * What the paginated pages of articles and topics are made from, named in a few bytes. An
 * article page shows its own record, its topics' links and other articles' summaries; a topic's
 * pages show the topic and its articles. A record as parsed is named by the key its parse is
 * cached under, so a page's inputs can be named without serialising its view: a page whose
 * inputs have the same name as in the last build shows the same, and is planned without its view
 * being digested (see `planPages`).
 *
 * Every view field of these pages must come from what is named here: the record (its parts as
 * parsed, its slug and the article it duplicates), the topic links and the topic views of
 * `buildSiteData`, and the records of the articles a page lists. The render modules' code and
 * the runtime's version are part of every name, so that another version of them is never
 * trusted with the last build's pages.
 */
import { contentHash as hash } from "../cache/site-manifest.js";
import { codeKey } from "../code-key.js";
import type { ArticleRecord } from "../record.js";
import { nameContent, type ContentNames } from "./digest.js";
import type { ArticleSummary, SiteData } from "./site-data.js";

/** Each record's name, by slug: only records whose parts are all as parsed have one. */
export type RecordNames = ReadonlyMap<string, string>;

/**
 * Name each record whose parts are as parsed (its body, removed lines, warnings and authors all
 * named in `names` by its parse) by those names, its slug and the article it duplicates: all
 * its fields but its topics then follow from the name. A record a later stage changed (lines
 * removed as furniture) has no name, and the pages showing it are digested in full.
 *
 * @param records Every record, slugs unique, duplicates marked.
 * @param names What stands for the records' parts (see `nameContent`).
 */
export function nameRecords(records: readonly ArticleRecord[], names: ContentNames): Map<string, string> {
  const named = new Map<string, string>();
  for (const r of records) {
    const body = names.get(r.body);
    const removed = names.get(r.removed);
    const warnings = names.get(r.warnings);
    const authors = names.get(r.authors);
    if (body === undefined || removed === undefined || warnings === undefined || authors === undefined) continue;
    named.set(r.slug, shortHash(`${body}\0${removed}\0${warnings}\0${authors}\0${r.slug}\0${r.duplicateOf ?? ""}`));
  }
  return named;
}

/**
 * Name the inputs of every article page, duplicate page, topic page, topic year page and topic
 * feed whose records are all named. The article summaries these pages list are named too, in
 * `names`, by their records' names: the pages digested (those whose inputs changed, and the
 * date and publisher pages) then stand for them by name instead of serialising them.
 *
 * @param data The site's view models.
 * @param records The records' names, from {@link nameRecords}.
 * @param shared A key for what every page shares (templates, configuration, site settings).
 * @param names Where the summaries' names are kept (see `nameContent`).
 * @returns Each such page's inputs' name, by address.
 */
export function namePageInputs(data: SiteData, records: RecordNames, shared: string, names: ContentNames = new WeakMap()): Map<string, string> {
  const inputs = new Map<string, string>();
  // Views are made by the render modules, with dates written by the runtime's ICU.
  const made = `${codeKey(["render"])}\0${process.versions.node}\0${process.versions.icu ?? ""}\0`;
  const prefix = `${hash(`${shared}\0${made}`)}\0`;
  // Every article's summary is in one month's list or among the undated.
  const summaryPrefix = `summary:${hash(made)}:`;
  // Each summary's record name, looked up by the summary itself: pages list summaries millions
  // of times in a large archive, and a lookup by object is several times quicker than by slug.
  const summaryNames = new Map<ArticleSummary, string>();
  for (const list of [...data.dates.months.map((m) => m.articles), data.dates.undated]) {
    for (const summary of list) {
      const name = records.get(summary.slug);
      if (name === undefined) continue;
      summaryNames.set(summary, name);
      if (!names.has(summary)) nameContent(names, summary, summaryPrefix + name);
    }
  }
  // No name has "~" in it (names are base64url): it stands for no article. A duplicate's own
  // summaries are in no month's list, and are looked up by slug.
  const of = (summary: ArticleSummary | null) => (summary === null ? "~" : (summaryNames.get(summary) ?? records.get(summary.slug)));
  const links = new Map<object, string>();
  const linkName = (link: object) => {
    let name = links.get(link);
    if (name === undefined) links.set(link, (name = shortHash(JSON.stringify(link))));
    return name;
  };

  article: for (const a of data.articles) {
    const own = records.get(a.slug);
    if (own === undefined) continue;
    let text = `${prefix}article\0${a.url}\0${own}\0`;
    for (const link of a.topics) text += linkName(link);
    for (const list of [a.related, [a.earlier, a.later], a.alsoPublishedAs]) {
      text += "\0";
      for (const summary of list) {
        const name = of(summary);
        if (name === undefined) continue article;
        text += name;
      }
    }
    inputs.set(a.url, hash(text));
  }
  for (const d of data.duplicates) {
    const own = records.get(d.slug);
    const canonical = of(d.canonical);
    if (own !== undefined && canonical !== undefined) inputs.set(d.url, hash(`${prefix}duplicate\0${d.url}\0${own}\0${canonical}`));
  }

  // A topic's pages are all made from the topic's view; what tells them apart is their address.
  const topics = new Map<string, string>();
  topic: for (const t of data.topics) {
    const { articles, ...header } = t;
    let text = `${prefix}${JSON.stringify(header)}\0`;
    for (const summary of articles) {
      const name = of(summary);
      if (name === undefined) continue topic;
      text += name;
    }
    topics.set(t.url, hash(text));
  }
  const page = (family: string, url: string, topicUrl: string, extra = "") => {
    const topic = topics.get(topicUrl);
    if (topic !== undefined) inputs.set(url, `${family}:${topic}${extra}`);
  };
  for (const p of data.topicPages) page("topic", p.url, p.topic.url);
  for (const p of data.topicYears) page("topic-year", p.url, p.topic.url);
  // A feed without dated entries states the archive's newest date instead.
  for (const f of data.topicFeeds) page("topic-feed", f.url, f.homeUrl, `:${f.updated}`);
  return inputs;
}

/**
 * A short hash, for the parts of which names are made: 96 bits, ample against chance
 * collisions between the few that stand at the same place in two builds' names.
 */
function shortHash(text: string): string {
  return hash(text).slice(0, 16);
}
