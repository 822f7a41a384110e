/** The names of the code behind cached results: they change when that code or a dependency changes, and only then. */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { codeKey } from "../src/code-key.ts";

describe("codeKey", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "clippings-code-key-"));
  });
  after(() => rm(work, { recursive: true, force: true }));

  /** A package copy in its own folder (keys are read once per folder), with one file changed. */
  let copies = 0;
  const packageWith = async (changes: Record<string, string> = {}) => {
    const files: Record<string, string> = {
      "package.json": '{"name":"x","version":"1.0.0"}',
      "package-lock.json": '{"packages":{"node_modules/chrono-node":{"version":"2.7.0"}}}',
      "lib/parse/text.js": "export const a = 1;",
      "lib/parse/dates.js": "export const b = 2;",
      "lib/record.js": "export {};",
      "lib/render/page.js": "export const c = 3;",
      ...changes,
    };
    const root = path.join(work, String(copies++));
    for (const [name, content] of Object.entries(files)) {
      await mkdir(path.dirname(path.join(root, name)), { recursive: true });
      await writeFile(path.join(root, name), content);
    }
    return codeKey(["parse", "record"], path.join(root, "lib"));
  };

  it("should name the same code the same way, wherever it is", async () => {
    assert.equal(await packageWith(), await packageWith());
  });

  it("should change with a module of the parts named, and only with those", async () => {
    const base = await packageWith();
    assert.notEqual(await packageWith({ "lib/parse/dates.js": "export const b = 3;" }), base);
    assert.notEqual(await packageWith({ "lib/record.js": "export const r = 1;" }), base);
    assert.notEqual(await packageWith({ "lib/parse/new.js": "export {};" }), base, "a module added to a folder");
    assert.equal(await packageWith({ "lib/render/page.js": "export const c = 4;" }), base);
  });

  it("should change with the package's version and its dependencies' versions", async () => {
    const base = await packageWith();
    assert.notEqual(await packageWith({ "package.json": '{"name":"x","version":"1.0.1"}' }), base);
    assert.notEqual(await packageWith({ "package-lock.json": '{"packages":{"node_modules/chrono-node":{"version":"2.7.1"}}}' }), base);
  });
});
