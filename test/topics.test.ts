import assert from "node:assert/strict";
import { readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { build, type BuildReport } from "../src/build.js";
import type { ArticleRecord } from "../src/record.js";
import { cleanName } from "../src/topics/clean.js";
import { assignTopics, combineMentions } from "../src/topics/assign.js";
import { articleMentions, vocabularyIndex } from "../src/topics/article-mentions.js";
import { mentionBatch, restoreEvidence, restoreMentions, restoreWords } from "../src/topics/mentions-batch.js";
import { countCaseStats, updateCaseStats, type ArticleWords } from "../src/topics/case-stats.js";
import { parseVocabulary } from "../src/topics/vocabulary.js";
import { assignUniqueSlugs } from "../src/dedupe/slugs.js";
import { readSources } from "../src/read/sources.js";
import { foldName } from "../src/topics/fold.js";
import { findNameMentions } from "../src/topics/mentions.js";
import { articleLinks, copyInputs, decode, readPage, tempDir, topicCounts } from "./helpers/pages.ts";
import { ROOT } from "./helpers/site.ts";

const SEEDS = path.join(ROOT, "seeds");
const ARMY_SPELLINGS = [
  "Khaled Ben al-Walid Army",
  "Jaysh Khaled bin Waleed",
  "Jaish Khalid bin al-Waleed",
  "Jaysh Khalid Bin Alwaleed",
  "Jaish Khaled bin Walid",
  "Army of Khaled Ben Al Waleed",
];

describe("foldName", () => {
  test("should give every transliteration of the armed group one key", () => {
    const keys = new Set(["Khalid ibn al-Walid Army", ...ARMY_SPELLINGS].map(foldName));
    assert.equal(keys.size, 1);
  });
  test("should fold unlisted variants: al-/el-, bin/ibn, kh/k, doubled letters, vowels, word order", () => {
    assert.equal(foldName("Jabhat al-Nusra"), foldName("Nusra Front"));
    assert.equal(foldName("Hezbollah"), foldName("Hizbullah"));
    assert.equal(foldName("Raqqa"), foldName("ar-Raqqah"));
    assert.equal(foldName("Idlib"), foldName("Edlib"));
    assert.equal(foldName("Deir ez-Zor"), foldName("Deir Ezzor"));
    assert.equal(foldName("Khan Sheikhoun"), foldName("Khan Shaykhun"));
    assert.equal(foldName("Assad"), foldName("al-Asad"));
  });
  test("should keep short unrelated names apart", () => {
    assert.notEqual(foldName("Syria"), foldName("Suri"));
    assert.notEqual(foldName("Daraa"), foldName("Daraya"));
    assert.notEqual(foldName("Russia"), foldName("Rose"));
    assert.notEqual(foldName("Midan"), foldName("Mayadeen"));
  });
  test("should keep acronyms exact", () => {
    assert.equal(foldName("IS"), "IS");
    assert.notEqual(foldName("Is"), foldName("IS"));
  });
});

describe("findNameMentions", () => {
  test("should find linked names and break at punctuation and hyphenated words", () => {
    const texts = findNameMentions("The Khaled Ben al-Walid Army, close to ISIS, holds the Israeli-occupied Golan Heights. U.S.-Russia talks").map((m) => m.text);
    assert.deepEqual(texts, ["The Khaled Ben al-Walid Army", "ISIS", "Israeli", "Golan Heights", "US", "Russia"]);
  });
});

describe("cleanName", () => {
  const stats = { lower: new Map([["heavy", 5], ["observatory", 3]]), capital: new Map([["syria", 9], ["observatory", 1], ["tasil", 3]]) };
  test("should reject calendar words, function words, demonyms and common words", () => {
    for (const [words, initial] of [[["Tuesday"], false], [["The"], true], [["Syrian"], false], [["Heavy"], true], [["Observatory"], false], [["August", "Tasil"], false]] as const) {
      assert.equal(cleanName(words, initial, stats), null, words.join(" "));
    }
  });
  test("should strip a sentence-opening word and titles", () => {
    assert.deepEqual(cleanName(["Heavy", "Tasil"], true, stats)?.words, ["Tasil"]);
    assert.deepEqual(cleanName(["Syrian", "President", "Bashar", "al", "Assad"], false, stats)?.words, ["Bashar", "al", "Assad"]);
  });
});

describe("assignTopics", () => {
  const record = (slug: string, text: string): ArticleRecord => ({
    source: `${slug}.txt`, slug, title: slug, subtitle: null, authors: [], publisher: null, published: null, updated: null,
    dateline: null, section: null, body: [{ type: "paragraph", text }], removed: [], warnings: [], topics: [],
  });
  test("should discover a recurring name in enough articles only", () => {
    const records = [
      record("a", "Fighting went on in Tafas on Monday, activists said."),
      record("b", "Rebels left Tafas after a deal."),
      record("c", "The army entered Tafas and Nawa."),
      record("d", "Residents of Nawa fled."),
    ];
    const pages = assignTopics(records, []);
    assert.deepEqual(pages.map((p) => [p.topic.name, p.articles]), [["Tafas", ["a", "b", "c"]]]);
    assert.deepEqual(records[0]!.topics, ["Tafas"]);
  });
});

describe("case statistics", () => {
  const words = new Map<string, ArticleWords>([
    ["a", { lowerWords: ["the", "army", "said"], capitalWords: ["army", "deraa"] }],
    ["b", { lowerWords: ["the", "said"], capitalWords: ["deraa"] }],
    ["c", { lowerWords: ["the", "rebels"], capitalWords: ["daraa", "army"] }],
    ["d", { lowerWords: ["west"], capitalWords: ["west"] }],
  ]);
  const wordsOf = (key: string) => words.get(key) ?? null;
  const count = (keys: string[]) => countCaseStats(keys.map((key) => words.get(key)!));
  const sorted = (stats: { lower: Map<string, number>; capital: Map<string, number> }) => ({ lower: [...stats.lower].sort(), capital: [...stats.capital].sort() });

  test("should update last build's counts to exactly what counting afresh gives, as articles come, go and repeat", () => {
    const builds = [["a", "b"], ["a", "b", "c"], ["b", "c"], ["b", "c", "c", "d"], ["d"], ["a", "b", "c", "d"], []];
    let previous = { keys: builds[0]!, stats: count(builds[0]!) };
    for (const keys of builds.slice(1)) {
      const stats = updateCaseStats(previous, keys, wordsOf);
      assert.deepEqual(sorted(stats), sorted(count(keys)), `after ${previous.keys.join(",")} → ${keys.join(",")}`);
      // A word no article writes any more is gone, not counted zero.
      for (const map of [stats.lower, stats.capital]) assert.ok([...map.values()].every((n) => n > 0));
      previous = { keys, stats };
    }
  });

  test("should count afresh when there is no previous count or a departed article's words are unknown", () => {
    assert.deepEqual(sorted(updateCaseStats(null, ["a", "c"], wordsOf)), sorted(count(["a", "c"])));
    const stale = { keys: ["a", "gone"], stats: { lower: new Map([["wrong", 7]]), capital: new Map() } };
    assert.deepEqual(sorted(updateCaseStats(stale, ["a", "b"], wordsOf)), sorted(count(["a", "b"])));
    assert.throws(() => updateCaseStats(null, ["a", "missing"], wordsOf), /no words for mentions missing/);
  });
});

describe("articleMentions and combineMentions", () => {
  /** The seed articles and the first fa-kes articles, parsed as the build does, one of them with topics set by a sidecar. */
  const archive = async () => {
    const { extractRecord } = await import("../src/parse/batch.js");
    const seeds = await readSources(SEEDS);
    const fakes = await readSources(path.join(ROOT, "test", "fixtures", "fa-kes"));
    const records = [...seeds.files, ...fakes.files.slice(0, 40)].map(extractRecord);
    assignUniqueSlugs(records);
    records[1]!.topics = ["Jordan", "Unlisted Council"];
    return { records, vocabulary: parseVocabulary(seeds.vocabulary ?? "") };
  };
  test("should give assignTopics' topics and pages from mentions stored and restored one by one", async () => {
    const { records, vocabulary } = await archive();
    const copy = structuredClone(records);
    const pages = assignTopics(records, vocabulary);
    const index = vocabularyIndex(vocabulary);
    const mentions = copy.map((r) => articleMentions(r, index));
    const { results: stored } = mentionBatch(copy, { key: "seeds", vocabulary });
    assert.deepEqual(stored.map(restoreMentions), mentions);
    function* restored() {
      for (const s of stored) yield restoreEvidence(s);
    }
    assert.deepEqual(combineMentions(copy, restored(), countCaseStats(stored.map(restoreWords)), vocabulary), pages);
    assert.deepEqual(copy.map((r) => r.topics), records.map((r) => r.topics));
    assert.ok(pages.some((p) => p.topic.discovered) && pages.some((p) => !p.topic.discovered && p.spellings.length > 1));
    assert.ok(records[1]!.topics.includes("Unlisted Council"));
  });
  test("should find the same mentions in an article whatever the index saw before", async () => {
    const { records, vocabulary } = await archive();
    const used = vocabularyIndex(vocabulary);
    const forward = records.map((r) => articleMentions(r, used));
    const alone = records.map((r) => articleMentions(r, vocabularyIndex(vocabulary)));
    assert.deepEqual(forward, alone);
  });
});

describe("build on the seeds", () => {
  let out: string;
  let report: BuildReport;
  let index: string;
  before(async () => {
    out = await tempDir("seeds-out");
    report = await build({ input: SEEDS, out });
    index = await readPage(out, "/topics/");
  });
  after(() => rm(out, { recursive: true, force: true }));

  const topicPage = async (name: string) => {
    const topic = topicCounts(index).find((t) => t.name === name);
    assert.ok(topic, `no topic page for ${name}`);
    return readPage(out, topic.url);
  };

  test("should list all five articles and all six spellings on the Khalid ibn al-Walid Army page", async () => {
    const html = decode(await topicPage("Khalid ibn al-Walid Army"));
    assert.equal(new Set(articleLinks(html)).size, 5);
    for (const spelling of ARMY_SPELLINGS) assert.ok(html.includes(`>${spelling}<`), spelling);
  });
  test("should list the Islamic State under all four names on one page", async () => {
    const html = decode(await topicPage("Islamic State"));
    assert.equal(new Set(articleLinks(html)).size, 5);
    for (const name of ["ISIS", "IS", "Islamic State", "Daesh"]) assert.ok(html.includes(`>${name}<`), name);
  });
  test("should list Daraa and Deraa on one page", async () => {
    const html = decode(await topicPage("Daraa"));
    const deraa = report.published.find((p) => p.source.startsWith("000_"))!.slug;
    assert.ok(articleLinks(html).includes(deraa));
    for (const name of ["Daraa", "Deraa"]) assert.ok(html.includes(`>${name}<`), name);
  });
  test("should have no junk topics", () => {
    const names = topicCounts(index).map((t) => t.name);
    const junk = /^(?:the|but|in|a|syrian|russian|israeli|observatory|army|monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august|september|october|november|december|search|you)$/i;
    assert.deepEqual(names.filter((n) => junk.test(n)), []);
    const vocabulary = ["Khalid ibn al-Walid Army", "Islamic State", "Daraa", "Jordan", "Syrian Observatory for Human Rights"];
    for (const name of vocabulary) assert.ok(names.includes(name), name);
    const discovered = names.filter((n) => !/^(?:Khalid|Islamic|Yarmouk|Syrian Obs|SANA|Free|Ahrar|Southern|Tiger|Hezbollah|Zaman|AFP|Daraa|Quneitra|Sweida|Golan|Damascus|Badiya|Jordan|Israel|Russia|Bashar|Rami|Abu Bakr|De-escalation|Surrender)/.test(n));
    assert.deepEqual(discovered, ["Syria"]);
  });
  test("should group the topics index by kind, with counts", () => {
    for (const label of ["Organisations and armed groups", "People", "Places", "Subjects"]) assert.match(index, new RegExp(`<h2[^>]*>${label}</h2>`), label);
    assert.ok(topicCounts(index).every((t) => t.count >= 1));
  });
  test("should show related topics on a topic page", async () => {
    const html = await topicPage("Khalid ibn al-Walid Army");
    assert.match(html, /<h2[^>]*>Related topics<\/h2>[\s\S]*href="\/topics\/[^"]+\/">[^<]+<\/a> <span class="count">\d+ shared<\/span>/);
  });
});

describe("build after editing the vocabulary", () => {
  test("should honour an alias added to topics.yml", async () => {
    const input = await tempDir("vocab-in");
    const out = await tempDir("vocab-out");
    try {
      await copyInputs(SEEDS, input);
      const yml = path.join(input, "topics.yml");
      const shipped = await readFile(yml, "utf8");
      const line = "  aliases: [Yarmouk Valley, Yarmuk Basin, Yarmouk Valley basin]\n";
      assert.ok(shipped.includes(line));
      await writeFile(yml, shipped.replace(line, "  aliases: [Yarmuk Basin]\n"));
      const first = await build({ input, out });
      const valley = first.published.find((p) => p.source.startsWith("001_"))!.slug;
      assert.ok(!articleLinks(await readPage(out, "/topics/yarmouk-basin/")).includes(valley));
      await writeFile(yml, shipped.replace(line, "  aliases: [Yarmuk Basin, Yarmouk Valley]\n"));
      await build({ input, out });
      const html = decode(await readPage(out, "/topics/yarmouk-basin/"));
      assert.ok(articleLinks(html).includes(valley));
      assert.ok(html.includes(">Yarmouk Valley<"));
    } finally {
      await rm(input, { recursive: true, force: true });
      await rm(out, { recursive: true, force: true });
    }
  });
});
