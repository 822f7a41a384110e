/**
 * Listing an output folder by its folders' stamps: whatever was changed by hand between two
 * builds is found, folders unchanged since the last listing are not read again, and a rebuild
 * using the kept listing makes the same site as a clean build.
 */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { after, before, describe, it } from "node:test";
import { listTree } from "../src/write/output.ts";
import { listByStamps, SETTLED_MS, type ListedFolder } from "../src/write/listing.ts";

describe("listing by folder stamps", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "clippings-listing-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  const put = async (root: string, file: string) => {
    await mkdir(path.dirname(path.join(root, file)), { recursive: true });
    await writeFile(path.join(root, file), file);
  };
  // Later than every change made so far by more than SETTLED_MS: every stamp is trusted.
  const later = () => Date.now() + SETTLED_MS + 1000;
  // Changes land on a later tick of the file system's clock than the listing before them.
  const tick = () => sleep(30);

  it("should find every change made between two listings, as a full listing does", async () => {
    const root = path.join(work, "changes");
    for (const file of ["index.html", "a/index.html", "a/b/index.html", "a/b/c/feed.xml", "d/index.html", "e/index.html", "f"]) await put(root, file);
    await tick();
    const first = listByStamps(root, new Map(), later());
    assert.deepEqual(first.files.sort(), listTree(root).sort());
    await tick();
    await rm(path.join(root, "a/b/index.html"));
    await put(root, "a/b/c/new.html");
    await put(root, "a/b/c/g/h/deep.html");
    await rm(path.join(root, "d"), { recursive: true });
    await rm(path.join(root, "f"));
    await put(root, "f/index.html");
    await rm(path.join(root, "e"), { recursive: true });
    await writeFile(path.join(root, "e"), "a file where a folder was");
    await tick();
    const second = listByStamps(root, first.listing, later());
    assert.deepEqual(second.files.sort(), listTree(root).sort());
    assert.deepEqual(second.files.sort(), ["a/b/c/feed.xml", "a/b/c/g/h/deep.html", "a/b/c/new.html", "a/index.html", "e", "f/index.html", "index.html"]);
  });

  it("should take a folder whose stamp is unchanged from the last listing, and read one changed since", async () => {
    const root = path.join(work, "kept");
    for (const file of ["x/one.html", "y/two.html"]) await put(root, file);
    await tick();
    const first = listByStamps(root, new Map(), later());
    // What the kept listing says of x, with x's own stamp: taken as it is, x is not read.
    const listing = new Map<string, ListedFolder>(first.listing);
    listing.set("x", { ...first.listing.get("x")!, files: ["as-kept.html"] });
    await put(root, "y/three.html");
    await tick();
    const second = listByStamps(root, listing, later());
    assert.deepEqual(second.files.sort(), ["x/as-kept.html", "y/three.html", "y/two.html"]);
    assert.equal(second.read, 1, "only the changed folder is read");
    assert.equal(listByStamps(root, second.listing, later()).read, 0, "nothing is read when nothing changed");
  });

  it("should not trust the stamp of a folder changed just before it was listed", async () => {
    const root = path.join(work, "recent");
    await put(root, "z/one.html");
    const first = listByStamps(root, new Map());
    assert.equal(first.listing.get("z")!.stamp, "", "a folder changed within the settling time is read again next time");
    const settled = listByStamps(root, new Map(), later());
    assert.notEqual(settled.listing.get("z")!.stamp, "");
  });

  it("should fail for a folder that is missing", () => {
    assert.throws(() => listByStamps(path.join(work, "missing"), new Map()), /ENOENT/);
  });
});
