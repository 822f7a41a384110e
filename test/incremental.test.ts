/**
 * Rebuilds: only changed files are parsed, only changed pages rendered, pages of removed
 * articles disappear, and the site is byte-identical to a build from scratch of the same input.
 */
import assert from "node:assert/strict";
import { appendFile, cp, mkdtemp, readdir, readFile, rm, stat, truncate, utimes, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { setTimeout as sleep } from "node:timers/promises";
import { build, type BuildOptions, type BuildReport } from "../src/build.ts";
import { SETTLED_MS } from "../src/write/listing.ts";
import { listTree } from "../src/write/output.ts";
import { ROOT } from "./helpers/site.ts";
import { assertSameTree } from "./helpers/tree.ts";

const FAKES = path.join(ROOT, "test/fixtures/fa-kes");

describe("incremental rebuilds", () => {
  let work: string;
  let input: string;
  let out: string;
  // Every rebuild checks that the pages kept by their inputs' names would have been digested the same.
  const rebuild = (extra: Partial<BuildOptions> = {}) => build({ input, out, baseUrl: "https://archive.example/sub/", checkPageInputs: true, ...extra });
  /** A build from scratch of the current input, compared with the incremental one. */
  async function assertSameAsClean(): Promise<BuildReport> {
    const clean = path.join(work, `clean-${Date.now()}`);
    const report = await build({ input, out: clean, baseUrl: "https://archive.example/sub/", cacheDir: false });
    await assertSameTree(out, clean);
    await rm(clean, { recursive: true, force: true });
    return report;
  }

  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "clippings-incremental-"));
    input = path.join(work, "input");
    out = path.join(work, "dist");
    await cp(path.join(ROOT, "seeds"), input, { recursive: true });
    const fakes = (await readdir(FAKES)).filter((n) => n.endsWith(".txt")).sort().slice(0, 60);
    for (const name of fakes) await cp(path.join(FAKES, name), path.join(input, name));
    // Files that have been there a while: the build remembers their stamps and reads them only
    // when a stamp changes (files written in the last moments are read every time).
    const hourAgo = new Date(Date.now() - 3_600_000);
    for (const name of await readdir(input)) await utimes(path.join(input, name), hourAgo, hourAgo);
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("should parse every file on the first build and none when nothing changed", async () => {
    const first = await rebuild();
    assert.equal(first.parsed, 65);
    const second = await rebuild();
    assert.equal(second.parsed, 0);
    assert.equal(second.pages, first.pages);
    assert.ok(second.written < first.written / 4, `${second.written} of ${second.pages} files rewritten with no change`);
    await assertSameAsClean();
  });

  it("should parse and render little when one article is added, and match a clean build", async () => {
    const names = (await readdir(FAKES)).filter((n) => n.endsWith(".txt")).sort();
    await cp(path.join(FAKES, names[100]!), path.join(input, names[100]!));
    const report = await rebuild();
    assert.equal(report.parsed, 1);
    assert.ok(report.published.some((p) => p.source === names[100]));
    assert.ok(report.written < report.pages / 2, `${report.written} of ${report.pages} files rewritten after adding one article`);
    await assertSameAsClean();
  });

  it("should remove the pages of a deleted article and leave no stale file", async () => {
    const before = await rebuild();
    const gone = before.published.find((p) => p.source.startsWith("fakes-"))!;
    await rm(path.join(input, gone.source));
    const report = await rebuild();
    assert.equal(report.parsed, 0);
    assert.ok(!report.published.some((p) => p.source === gone.source));
    await assertSameAsClean();
  });

  it("should follow edits to an article, its sidecar and the vocabulary", async () => {
    const seed = (await readdir(input)).find((n) => /^00\d.*\.txt$/.test(n))!;
    await appendFile(path.join(input, seed), "\n\nA paragraph added later about the Nasib border crossing and Deraa.\n");
    assert.equal((await rebuild()).parsed, 1);
    await assertSameAsClean();
    await writeFile(path.join(input, seed.replace(/\.txt$/, ".meta.yml")), "title: A corrected headline\n");
    assert.equal((await rebuild()).parsed, 1);
    await assertSameAsClean();
    await appendFile(path.join(input, "topics.yml"), "\n- name: Nasib crossing\n  kind: place\n  aliases: [Nasib border crossing]\n");
    const report = await rebuild();
    assert.equal(report.parsed, report.published.length, "a new vocabulary re-parses every file");
    await assertSameAsClean();
  });

  it("should leave the files an edit does not reach as they were, times included", async () => {
    await rebuild();
    // Servers and caches tell a file's versions apart by its times (ETag, Last-Modified).
    const assets = listTree(path.join(out, "assets")).map((file) => `assets/${file}`);
    assert.ok(assets.some((file) => /^assets\/site\.[0-9a-f]+\.css$/.test(file)) && assets.some((file) => /^assets\/search\.[0-9a-f]+\/search\.js$/.test(file)), assets.join(" "));
    const untouched = [...assets, "_headers", "robots.txt", "404.html", "search/index.html"];
    const stamp = async (file: string) => {
      const info = await stat(path.join(out, file));
      return `${info.ino}:${info.mtimeMs}`;
    };
    const before = await Promise.all(untouched.map(stamp));
    const home = await stat(path.join(out, "index.html"));
    const seed = (await readdir(input)).find((n) => /^00\d.*\.txt$/.test(n))!;
    await appendFile(path.join(input, seed), "\n\nAnother paragraph added later, about the road to Busra al-Harir.\n");
    const report = await rebuild();
    assert.equal(report.parsed, 1);
    assert.deepEqual(await Promise.all(untouched.map(stamp)), before);
    assert.ok((await stat(path.join(out, "index.html"))).mtimeMs > home.mtimeMs, "the home page is written by every build");
    await assertSameAsClean();
    const again = await rebuild();
    assert.ok(again.written <= 2, `${again.written} files written by a rebuild with nothing changed: the home page and the sitemap at most`);
  });

  it("should notice a file rewritten with the same size and modification time", async () => {
    assert.equal((await rebuild()).parsed, 0);
    const name = (await readdir(input)).find((n) => n.startsWith("fakes-") && n.endsWith(".txt"))!;
    const file = path.join(input, name);
    const { atime, mtime } = await stat(file);
    const text = await readFile(file, "utf8");
    await writeFile(file, text.replace(/[a-z]/, (c) => c.toUpperCase()));
    await utimes(file, atime, mtime);
    assert.equal((await stat(file)).size, Buffer.byteLength(text));
    assert.equal((await rebuild()).parsed, 1);
    await assertSameAsClean();
  });

  it("should rebuild the pages of a new title or base URL, and recover when the output was changed", async () => {
    const retitled = await rebuild({ title: "Southern Syria clippings" });
    assert.equal(retitled.parsed, 0);
    const clean = path.join(work, "clean-title");
    await build({ input, out: clean, baseUrl: "https://archive.example/sub/", title: "Southern Syria clippings", cacheDir: false });
    await assertSameTree(out, clean);
    await rm(path.join(out, "topics"), { recursive: true, force: true });
    await rebuild();
    await assertSameAsClean();
  });

  describe("a rebuild with nothing changed", () => {
    // An output folder of its own, built without the page-inputs check, which rebuilds everything.
    const quiet = () => path.join(work, "quiet", "dist");
    const quietBuild = (extra: Partial<BuildOptions> = {}) => build({ input, out: quiet(), baseUrl: "https://archive.example/sub/", ...extra });
    async function assertQuietIsClean(extra: Partial<BuildOptions> = {}): Promise<void> {
      const clean = path.join(work, `quiet-clean-${Date.now()}`);
      await build({ input, out: clean, baseUrl: "https://archive.example/sub/", cacheDir: false, ...extra });
      await assertSameTree(quiet(), clean);
      await rm(clean, { recursive: true, force: true });
    }
    const outcome = (r: BuildReport) => ({ published: r.published, skipped: r.skipped, topics: r.topics, duplicates: r.duplicates, pages: r.pages });

    it("should write nothing and report what the last build reported, even when files were touched", async () => {
      const first = await quietBuild();
      assert.ok(first.written > 0);
      const home = await stat(path.join(quiet(), "index.html"));
      const second = await quietBuild();
      assert.equal(second.written, 0);
      assert.equal(second.parsed, 0);
      assert.deepEqual(outcome(second), outcome(first));
      // Saved anew, but with the same bytes: every file stays as it was.
      const touched = (await readdir(input)).find((n) => n.endsWith(".txt"))!;
      await writeFile(path.join(input, touched), await readFile(path.join(input, touched)));
      const third = await quietBuild();
      assert.equal(third.written, 0);
      assert.deepEqual(outcome(third), outcome(first));
      assert.equal((await stat(path.join(quiet(), "index.html"))).mtimeMs, home.mtimeMs, "the home page was not written again");
      const saved = JSON.parse(await readFile(path.join(work, "quiet", ".clippings", "report.json"), "utf8")) as { summary: { written: number; published: number } };
      assert.deepEqual([saved.summary.written, saved.summary.published], [0, first.published.length]);
      await assertQuietIsClean();
    });

    it("should build again when a file of the site was removed or one was added", async () => {
      await quietBuild();
      await rm(path.join(quiet(), "topics", "index.html"));
      assert.ok((await quietBuild()).written > 0);
      await assertQuietIsClean();
      await writeFile(path.join(quiet(), "stray.html"), "not part of the site");
      assert.ok((await quietBuild()).written > 0);
      await assertQuietIsClean();
      assert.equal((await quietBuild()).written, 0);
    });

    it("should find files removed or added by hand in folders whose listing was kept", async () => {
      await quietBuild();
      // Long enough for the folders' stamps to be trusted: the next listing is kept with them.
      await sleep(SETTLED_MS + 200);
      assert.equal((await quietBuild()).written, 0);
      const article = (await readdir(path.join(quiet(), "articles"))).sort()[0]!;
      await rm(path.join(quiet(), "articles", article, "index.html"));
      await writeFile(path.join(quiet(), "topics", "stray.html"), "not part of the site");
      assert.ok((await quietBuild()).written > 0);
      await assertQuietIsClean();
      assert.equal((await quietBuild()).written, 0);
    });

    it("should build again for another title or another vocabulary", async () => {
      const retitled = await quietBuild({ title: "Another title" });
      assert.ok(retitled.written > 0);
      await assertQuietIsClean({ title: "Another title" });
      assert.ok((await quietBuild()).written > 0);
      const vocabulary = path.join(input, "topics.yml");
      const before = await readFile(vocabulary, "utf8");
      await writeFile(vocabulary, `${before}\n- name: Aleppo city\n  kind: place\n  aliases: [Aleppo]\n`);
      assert.ok((await quietBuild()).written > 0);
      await assertQuietIsClean();
      assert.equal((await quietBuild()).written, 0);
      await writeFile(vocabulary, before);
      assert.ok((await quietBuild()).written > 0);
      await assertQuietIsClean();
    });
  });

  it("should reparse what a damaged cache held and still match a clean build", async () => {
    const cache = path.join(work, ".clippings", "cache");
    const records = path.join(cache, "records.v8");
    const { size } = await stat(records);
    await truncate(records, Math.floor(size / 2));
    const mentions = (await readdir(cache)).filter((n) => n.startsWith("mentions"));
    assert.equal(mentions.length, 1);
    await writeFile(path.join(cache, mentions[0]!), "not a cache file");
    const listings = (await readdir(cache)).filter((n) => n.startsWith("listing-"));
    assert.equal(listings.length, 1, "the output folder's listing is kept");
    await writeFile(path.join(cache, listings[0]!), "not a listing");
    await rm(path.join(out, "publishers"), { recursive: true });
    await appendFile(path.join(input, "002_7ac6687362326750.txt"), "\n\nA paragraph added after the cache was damaged.\n");
    const report = await rebuild();
    assert.equal(report.parsed, report.published.length, "every file parsed again");
    await assertSameAsClean();
  });

  it("should neither read nor keep the mentions a version with another format cached", async () => {
    const cache = path.join(work, ".clippings", "cache");
    const [current] = (await readdir(cache)).filter((n) => n.startsWith("mentions"));
    // The same entries under an older name, each value in a form the current version cannot read.
    const older = path.join(cache, "mentions.v8");
    await cp(path.join(cache, current!), older);
    const bytes = await readFile(older);
    await writeFile(older, bytes.toString("latin1").replace(/\{"(topics|lowerWords)"/g, '\u00ff"$1"'), "latin1");
    await rm(path.join(cache, current!));
    const edited = path.join(input, "003_af543044a1aaa2aa.txt");
    await stat(edited);
    await appendFile(edited, "\n\nA paragraph added after the format changed.\n");
    assert.equal((await rebuild()).parsed, 1);
    assert.deepEqual((await readdir(cache)).filter((n) => n.startsWith("mentions")), [current]);
    await assertSameAsClean();
  });
});
