/** The single-scan text helpers of dedupe and topics: paragraph keys, word shingles, alias finding, related topics. */
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { describe, test } from "node:test";
import { paragraphKey } from "../src/dedupe/paragraph-key.js";
import { bodyShingles, jaccard } from "../src/dedupe/shingles.js";
import { foldLine } from "../src/parse/headline.js";
import { aliasFinder } from "../src/topics/aliases.js";
import { relatedTopics } from "../src/topics/related.js";
import { ArticleWordCounts, countLowerWords } from "../src/topics/word-counts.js";
import type { TopicEntry } from "../src/topics/vocabulary.js";
import { ROOT } from "./helpers/site.ts";

const body = (text: string) => ({ body: [{ type: "paragraph" as const, text }] });

describe("paragraphKey", () => {
  test("should give the same key as foldLine for every paragraph of the FA-KES corpus and odd spacing", async () => {
    const dir = path.join(ROOT, "test/fixtures/fa-kes");
    const lines = ["  Hello, World!! ", "ÀB—c…d", "x\u00a0y\u2003z", "😀a😀 b", "İstanbul ſ K", "--", "", "a\tb\nc", "Ünïcödé’s “quote” © 2017 ™"];
    for (const name of (await readdir(dir)).filter((n) => n.endsWith(".txt"))) lines.push(...(await readFile(path.join(dir, name), "utf8")).split("\n"));
    for (const line of lines) assert.equal(paragraphKey(line), foldLine(line), JSON.stringify(line));
  });
});

describe("bodyShingles", () => {
  test("should fold case, accents and punctuation, and tell different words apart", () => {
    assert.deepEqual(bodyShingles(body("Café au lait, s'il vous plaît — 𝐀 tout")), bodyShingles(body("cafe AU LAIT s il vous plait 𝐀 tout!")));
    assert.equal(jaccard(bodyShingles(body("one two three four five six")), bodyShingles(body("one two three four five seven"))), 1 / 3);
    assert.equal(bodyShingles(body("two words")).length, 1);
    assert.equal(bodyShingles(body("…")).length, 0);
  });
});

describe("aliasFinder", () => {
  const topic = (name: string, aliases: string[]): TopicEntry => ({ name, slug: name.toLowerCase(), kind: "organisation", aliases: [name, ...aliases], description: null });
  const find = aliasFinder([topic("Islamic State", ["IS", "ISIS", "Daesh"]), topic("Hayat Tahrir al-Sham", ["HTS", "Tahrir al-Sham"])]);
  const spellings = (text: string) => find(text).map((h) => `${h.topic.name}: ${h.spelling}`);

  test("should find capital aliases only in capitals and others in any case, as whole words", () => {
    assert.deepEqual(spellings("This is ISIS, not Isis; DAESH and daesh. Islamic  State. ISISes"), [
      "Islamic State: ISIS",
      "Islamic State: DAESH",
      "Islamic State: daesh",
      "Islamic State: Islamic State",
    ]);
  });

  test("should accept hyphens or spaces between words and a long s or Kelvin sign for s and k", () => {
    assert.deepEqual(spellings("hayat tahrir al sham and Tahrir-al-Sham; Daeſh; \u212Aurds"), [
      "Islamic State: Daeſh",
      "Hayat Tahrir al-Sham: hayat tahrir al sham",
      "Hayat Tahrir al-Sham: Tahrir-al-Sham",
    ]);
    assert.deepEqual(aliasFinder([topic("Kurds", [])])("\u212AURDS"), [{ topic: topic("Kurds", []), spelling: "\u212AURDS" }]);
    assert.deepEqual(spellings("nothing to see here"), []);
  });
});

describe("relatedTopics", () => {
  test("should rank topics by shared articles over the size of both, and drop single co-mentions of common topics", () => {
    const related = relatedTopics([["A", "B", "C"], ["A", "B"], ["A", "C"], ["A"], ["A"], ["A", "D"], ["B", "D"], ["B"], ["B"], ["B"]]);
    assert.deepEqual(related.get("A"), [
      { name: "C", shared: 2 },
      { name: "B", shared: 2 },
      { name: "D", shared: 1 },
    ]);
    assert.deepEqual(related.get("D"), [
      { name: "A", shared: 1 },
      { name: "B", shared: 1 },
    ]);
  });
});

describe("countLowerWords", () => {
  test("should count words written in lower case once per article, not after a letter, digit or apostrophe", () => {
    const counts = new ArticleWordCounts();
    countLowerWords("the café in l'été, 3rd x2y the Army", counts);
    countLowerWords("naïve the", counts);
    counts.nextArticle();
    countLowerWords("the end", counts);
    assert.deepEqual(
      [...counts.toMap()].sort(),
      [
        ["café", 1],
        ["end", 1],
        ["in", 1],
        ["l", 1],
        ["naïve", 1],
        ["the", 2],
        ["x", 1],
      ],
    );
  });
});
