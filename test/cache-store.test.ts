/** The cache file format: what is saved comes back, and a damaged file reads as an empty cache. */
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { serialize } from "node:v8";
import { loadStore, saveStore } from "../src/cache/store.ts";

describe("cache store", () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "clippings-store-"));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it("should give back every entry, in order, across files larger than one write", async () => {
    const entries = Array.from({ length: 300 }, (_, i) => [`key-${i}-é`, new Uint8Array(randomBytes(i * 100))] as const);
    await saveStore(dir, "round.v8", entries);
    const loaded = await loadStore(dir, "round.v8");
    assert.deepEqual([...loaded.keys()], entries.map(([key]) => key));
    for (const [key, value] of entries) assert.deepEqual(new Uint8Array(loaded.get(key)!), value);
  });

  it("should read a file in blocks, with values across blocks and larger than one", async () => {
    const entries = Array.from({ length: 60 }, (_, i) => [`k${i}`, new Uint8Array(randomBytes((i * 397) % 2500))] as const);
    await saveStore(dir, "blocks.v8", entries);
    for (const blockBytes of [1, 7, 1000, 1 << 20]) {
      const loaded = await loadStore(dir, "blocks.v8", blockBytes);
      assert.deepEqual([...loaded.keys()], entries.map(([key]) => key), `blocks of ${blockBytes} bytes`);
      for (const [key, value] of entries) assert.deepEqual(new Uint8Array(loaded.get(key)!), value, `${key}, blocks of ${blockBytes} bytes`);
    }
  });

  it("should read a missing, truncated or foreign file as empty", async () => {
    assert.equal((await loadStore(dir, "missing.v8")).size, 0);
    await saveStore(dir, "whole.v8", [["a", new Uint8Array(1000)], ["b", new Uint8Array(1000)]]);
    const bytes = await readFile(path.join(dir, "whole.v8"));
    await writeFile(path.join(dir, "cut.v8"), bytes.subarray(0, bytes.length - 10));
    assert.equal((await loadStore(dir, "cut.v8")).size, 0);
    assert.equal((await loadStore(dir, "cut.v8", 100)).size, 0);
    await writeFile(path.join(dir, "cut-in-length.v8"), bytes.subarray(0, bytes.length - 1002));
    assert.equal((await loadStore(dir, "cut-in-length.v8", 100)).size, 0);
    await writeFile(path.join(dir, "old.v8"), serialize([["a", new Uint8Array(3)]]));
    assert.equal((await loadStore(dir, "old.v8")).size, 0);
  });

  it("should append what a build added to the file it loaded, and write the file anew when an entry went", async () => {
    const entries = Array.from({ length: 50 }, (_, i) => [`k${i}`, new Uint8Array(randomBytes(200 + i))] as const);
    await saveStore(dir, "grow.v8", entries.slice(0, 40));
    const file = path.join(dir, "grow.v8");
    const before = await readFile(file);
    const { ino } = await stat(file);
    const held = await loadStore(dir, "grow.v8");

    await saveStore(dir, "grow.v8", entries, held);
    const grown = await readFile(file);
    assert.equal((await stat(file)).ino, ino, "appended to, not replaced");
    assert.deepEqual(grown.subarray(0, before.length), before, "the entries already there are left as they were");
    const loaded = await loadStore(dir, "grow.v8");
    assert.deepEqual([...loaded.keys()], entries.map(([key]) => key));
    for (const [key, value] of entries) assert.deepEqual(new Uint8Array(loaded.get(key)!), value);

    const fewer = entries.filter((_, i) => i !== 3);
    await saveStore(dir, "grow.v8", fewer, loaded);
    const shrunk = await loadStore(dir, "grow.v8");
    assert.deepEqual([...shrunk.keys()], fewer.map(([key]) => key), "an entry no build needs is not kept");
    assert.ok((await stat(file)).size < grown.length);

    await rm(file);
    await saveStore(dir, "grow.v8", entries, shrunk);
    assert.deepEqual([...(await loadStore(dir, "grow.v8")).keys()], entries.map(([key]) => key), "a file gone since it was loaded is written whole");
  });
});
