/** Updating the output folder in place: changed files moved in, unchanged ones untouched, stale ones removed. */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { applyInPlace } from "../src/write/output.ts";

describe("applyInPlace", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "clippings-apply-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  const put = async (root: string, file: string, content: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), content);
  };

  it("should replace changed files, keep unchanged ones as they are, and remove what the new site lacks", async () => {
    const out = path.join(work, "dist");
    const staging = path.join(work, "staging");
    await put(out, "index.html", "old home");
    await put(out, "articles/kept/index.html", "kept page");
    await put(out, "articles/gone/index.html", "deleted article");
    await put(out, "topics", "a file where a folder must go");
    await put(out, "feed.xml/stale.txt", "a folder where a file must go");
    await put(staging, "index.html", "new home");
    await put(staging, "topics/daraa/index.html", "topic page");
    await put(staging, "feed.xml", "feed");
    const kept = await stat(path.join(out, "articles/kept/index.html"));

    const held = ["index.html", "articles/kept/index.html", "articles/gone/index.html", "topics", "feed.xml/stale.txt"];
    await applyInPlace(staging, out, new Set(["index.html", "articles/kept/index.html", "topics/daraa/index.html", "feed.xml"]), held);

    assert.equal(await readFile(path.join(out, "index.html"), "utf8"), "new home");
    assert.equal(await readFile(path.join(out, "topics/daraa/index.html"), "utf8"), "topic page");
    assert.equal(await readFile(path.join(out, "feed.xml"), "utf8"), "feed");
    const after = await stat(path.join(out, "articles/kept/index.html"));
    assert.equal(after.ino, kept.ino, "an unchanged file is not rewritten");
    assert.equal(after.mtimeMs, kept.mtimeMs);
    assert.ok(!existsSync(path.join(out, "articles/gone")), "the deleted article's folder is removed");
    assert.ok(!existsSync(staging), "the staging folder is removed");
    assert.deepEqual((await readdir(out, { recursive: true })).sort(), ["articles", "articles/kept", "articles/kept/index.html", "feed.xml", "index.html", "topics", "topics/daraa", "topics/daraa/index.html"]);
  });
});
