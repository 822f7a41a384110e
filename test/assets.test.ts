/** Asset names that carry a hash of the asset's content. */
import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nameAssets, type AssetSource } from "../src/write/assets.ts";

const bytes = (text: string) => new TextEncoder().encode(text);
const CSS: AssetSource = { name: "site.css", bytes: bytes("body { margin: 0 }") };
const LUNR: AssetSource = { name: "lunr.min.js", bytes: bytes("var lunr = {};") };
const MODULES: readonly AssetSource[] = [
  { name: "search.js", bytes: bytes('import { run } from "./engine.js"; run();') },
  { name: "engine.js", bytes: bytes("export function run() {}") },
];
const name = (singles: readonly AssetSource[], modules = MODULES) => nameAssets(singles, { folder: "search", files: modules });

describe("asset names", () => {
  it("should put a hash of the content before the extension, and keep the modules' names in one hashed folder", () => {
    const { urls, files } = name([CSS, LUNR]);
    assert.match(urls["site.css"]!, /^\/assets\/site\.[0-9a-f]{10}\.css$/);
    assert.match(urls["lunr.min.js"]!, /^\/assets\/lunr\.min\.[0-9a-f]{10}\.js$/);
    const folder = /^\/assets\/search\.[0-9a-f]{10}\//.exec(urls["search.js"]!)?.[0];
    assert.ok(folder, urls["search.js"]);
    assert.equal(urls["engine.js"], `${folder}engine.js`, "a module's relative imports still resolve");
    assert.deepEqual(
      files.map((f) => [`/${f.path}`, new TextDecoder().decode(f.content)]),
      [
        [urls["site.css"], "body { margin: 0 }"],
        [urls["lunr.min.js"], "var lunr = {};"],
        [urls["search.js"], 'import { run } from "./engine.js"; run();'],
        [urls["engine.js"], "export function run() {}"],
      ],
    );
  });

  it("should change an asset's address exactly when its bytes change", () => {
    const before = name([CSS, LUNR]).urls;
    assert.deepEqual(name([CSS, LUNR]).urls, before, "the same bytes, the same names");
    const edited = name([{ ...CSS, bytes: bytes("body { margin: 1px }") }, LUNR]).urls;
    assert.notEqual(edited["site.css"], before["site.css"]);
    assert.equal(edited["lunr.min.js"], before["lunr.min.js"]);
    assert.equal(edited["search.js"], before["search.js"]);
    const module = name([CSS, LUNR], [MODULES[0]!, { name: "engine.js", bytes: bytes("export function run() { return 1; }") }]).urls;
    assert.notEqual(module["search.js"], before["search.js"], "a module's folder changes with any module in it");
    assert.notEqual(module["engine.js"], before["engine.js"]);
    assert.equal(module["site.css"], before["site.css"]);
  });

  it("should refuse two assets of one name", () => {
    assert.throws(() => name([CSS, { ...CSS, bytes: bytes("p {}") }]), /two assets are named site\.css/);
  });
});
