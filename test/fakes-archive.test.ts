import assert from "node:assert/strict";
import { readFile, readdir, rm } from "node:fs/promises";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { build, type BuildReport } from "../src/build.js";
import { parseSource } from "../src/parse/index.js";
import { articleLinks, copyInputs, readPage, tempDir, topicCounts } from "./helpers/pages.ts";
import { ROOT } from "./helpers/site.ts";

const FAKES = path.join(ROOT, "test/fixtures/fa-kes");

/** Names accepted among the 40 largest topics: every one a real place, organisation or person. */
const REAL_ENTITIES = new Set([
  "Syria", "Syrian Observatory for Human Rights", "Islamic State", "Aleppo", "Bashar al-Assad", "Damascus", "AFP", "Russia", "US",
  "SANA", "Idlib", "Britain", "United Nations", "UN", "Nusra Front", "Qaeda", "Al Qaeda", "Turkey", "Rami Abdel Rahman", "Iraq", "Homs",
  "Raqqa", "Deir Ezzor", "Deir ez-Zor", "United States", "Reuters", "Hama", "Eastern Ghouta", "Moscow", "Daraa", "Syrian Democratic Forces",
  "SDF", "Iran", "Aleppo Police Command", "Manbij", "Sputnik", "Nusra", "UK", "UN Security Council", "Washington", "Free Syrian Army",
  "Hezbollah", "Syrian Coalition", "Levant", "TRT World", "Ghouta", "Hasakeh", "Latakia", "YPG", "Jaish al-Islam", "Douma",
  "Khan Sheikhun", "Jordan", "Israel", "Quneitra", "Palmyra", "Saudi Arabia", "White Helmets", "Kurds", "Lebanon", "France",
  "Ahrar al-Sham", "Euphrates", "Tehran", "Geneva", "Ankara", "Barack Obama", "Donald Trump", "Vladimir Putin", "Qamishli",
  "Fateh al-Sham Front", "Foua", "Kefraya", "Madaya", "Zahraa", "Sweida", "Golan Heights", "De-escalation zones",
]);

/** The corpus's exact repeats: files whose text after the headline equals an earlier file's. */
async function exactRepeats(): Promise<{ copy: string; original: string }[]> {
  const seen = new Map<string, string>();
  const repeats = [];
  for (const name of (await readdir(FAKES)).filter((n) => n.endsWith(".txt")).sort()) {
    const body = (await readFile(path.join(FAKES, name), "utf8")).split("\n").slice(2).join("\n");
    const original = seen.get(body);
    if (original) repeats.push({ copy: name, original });
    else seen.set(body, name);
  }
  return repeats;
}

describe("build of seeds plus the FA-KES corpus", () => {
  let out: string;
  let report: BuildReport;
  let slugOf: Map<string, string>;
  before(async () => {
    const input = await tempDir("fakes-in");
    out = await tempDir("fakes-out");
    await copyInputs(path.join(ROOT, "seeds"), input);
    await copyInputs(FAKES, input);
    report = await build({ input, out });
    slugOf = new Map(report.published.map((p) => [p.source, p.slug]));
    await rm(input, { recursive: true, force: true });
  });
  after(() => rm(out, { recursive: true, force: true }));

  test("should merge the 15 exact repeats, each copy pointing to its story's canonical page", async () => {
    const repeats = await exactRepeats();
    assert.equal(repeats.length, 15);
    assert.ok(report.duplicates >= 15, `${report.duplicates} duplicates merged`);
    for (const { copy, original } of repeats) {
      const html = await readPage(out, `/articles/${slugOf.get(copy)}/`);
      const canonical = /<a class="canonical" href="\/articles\/([^/]+)\/">/.exec(html)?.[1];
      assert.ok(canonical, `${copy} has no short page`);
      const group = [slugOf.get(copy), slugOf.get(original)];
      const listed = articleLinks(await readPage(out, `/articles/${canonical}/`));
      assert.ok(group.includes(canonical) || listed.includes(group[1]!), `${copy}: canonical ${canonical} is not its story`);
      if (canonical !== slugOf.get(copy)) assert.ok(listed.includes(slugOf.get(copy)!), `${canonical} does not list ${copy}`);
    }
  });

  test("should make the 40 largest topics real entities", async () => {
    const topics = topicCounts(await readPage(out, "/topics/")).sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
    const largest = topics.slice(0, 40).map((t) => t.name);
    assert.deepEqual(largest.filter((name) => !REAL_ENTITIES.has(name)), []);
  });

  test("should show a large topic's newest 50 articles and link every one of them year by year", async () => {
    const html = await readPage(out, "/topics/syria/");
    const first = articleLinks(html);
    const total = Number(/All (\d+) articles by year/.exec(html)?.[1]);
    assert.equal(new Set(first).size, 50);
    const years = [...html.matchAll(/<li><a href="(\/topics\/syria\/(?:\d{4}|undated)\/)">([^<]+)<\/a> <span class="count">(\d+)<\/span>/g)];
    assert.ok(years.length >= 2, "links to several years");
    const all: string[] = [];
    for (const [, url, label, count] of years) {
      const onYear: string[] = [];
      for (let next: string | undefined = url, number = 1; next; number++) {
        const page = await readPage(out, next);
        assert.equal(/<h1>([^<]*)<\/h1>/.exec(page)?.[1], `Syria: ${label}${number > 1 ? ` (page ${number})` : ""}`, `${next}'s heading`);
        onYear.push(...articleLinks(page));
        for (const date of page.slice(page.indexOf("<main")).matchAll(/<time datetime="(\d{4})/g)) assert.equal(date[1], label, `${next} lists an article of ${date[1]}`);
        next = /<a rel="next" href="([^"]+)">Older articles<\/a>/.exec(page)?.[1];
      }
      assert.equal(onYear.length, Number(count), `${url} and its later pages list ${count} articles`);
      all.push(...onYear);
    }
    assert.equal(all.length, total);
    assert.equal(new Set(all).size, total, "no article twice");
    assert.deepEqual(all.slice(0, 50), first, "the topic's page shows the newest");
  });
});

describe("parse of the FA-KES headers that lost their line breaks", () => {
  /** Every corpus file with its text and record. */
  async function corpus(): Promise<{ name: string; text: string; record: ReturnType<typeof parseSource> }[]> {
    const names = (await readdir(FAKES)).filter((n) => n.endsWith(".txt")).sort();
    return Promise.all(
      names.map(async (name) => {
        const bytes = await readFile(path.join(FAKES, name));
        return { name, text: bytes.toString("utf8"), record: parseSource({ name, bytes, sidecar: null }) };
      }),
    );
  }

  test("should read the publication and update dates of every article opening 'DD.MM.YYYY(updated …)'", async () => {
    const stamped = (await corpus()).filter((a) => /^\d\d\.\d\d\.\d{4}\(updated /.test(a.text.split("\n")[2]!));
    assert.ok(stamped.length >= 15, `${stamped.length} such articles`);
    for (const { name, text, record } of stamped) {
      const [, day, month, year] = /^(\d\d)\.(\d\d)\.(\d{4})/.exec(text.split("\n")[2]!)!;
      assert.equal(record.published, `${year}-${month}-${day}`, name);
      assert.ok(record.updated, `${name} has its update date`);
    }
  });

  test("should read the date after a photo credit, a section and a clock ('Sputnik Michael Alaeddin Middle East 1449 09.04.2017')", async () => {
    const credited = (await corpus()).flatMap((a) => {
      const clocked = /[A-Za-z] [0-2]\d[0-5]\d (\d\d)\.(\d\d)\.(20\d\d)/.exec(a.text.split("\n")[2]?.slice(0, 200) ?? "");
      return clocked ? [{ ...a, date: `${clocked[3]}-${clocked[2]}-${clocked[1]}` }] : [];
    });
    assert.ok(credited.length >= 20, `${credited.length} such articles`);
    for (const { name, record, date } of credited) assert.equal(record.published, date, name);
  });

  test("should take the sections and outlet off every 'Title - Region - World - Ahram Online' and read its dated credit", async () => {
    const ahram = (await corpus()).filter((a) => a.text.split("\n")[0]!.endsWith(" - Region - World - Ahram Online"));
    assert.ok(ahram.length >= 20, `${ahram.length} such articles`);
    for (const { name, text, record } of ahram) {
      assert.equal(record.title, text.split("\n")[0]!.replace(" - Region - World - Ahram Online", ""), name);
      assert.equal(record.publisher, "Ahram Online", name);
      const credit = /\b(?:AFP|AP|Reuters) \w+day (\d{1,2} \w{3} \d{4})/.exec(text.split("\n")[2]!);
      if (credit) assert.equal(record.published, new Date(`${credit[1]} UTC`).toISOString().slice(0, 10), name);
    }
  });
});
