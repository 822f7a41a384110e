/**
 * The site's assets (stylesheet, icon, search scripts) under names that carry a hash of their
 * content: a changed asset gets a new address, so caches may keep every asset for good
 * (`Cache-Control: immutable`) and a page never meets an asset of another build.
 */
import { hashOf } from "../hash.js";

/** A file the site serves as it is, by its plain name (`site.css`). */
export interface AssetSource {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/** The assets as the site holds them. */
export interface SiteAssets {
  /** The files to write, with their site-relative paths. */
  readonly files: readonly { readonly path: string; readonly content: Uint8Array }[];
  /** Each asset's address below the site's root (`/assets/site.0f3a9c51d2.css`), by its plain name. */
  readonly urls: Readonly<Record<string, string>>;
}

/** Hex digits of the content hash in an asset's name: 40 bits, so that two versions of one file never meet. */
const HASH_LENGTH = 10;

/** The folder assets go to, in the site. */
const FOLDER = "assets";

/**
 * Name the site's assets by their content.
 *
 * @param singles Files that stand alone: each is named `<stem>.<hash>.<extension>`
 *   (`lunr.min.js` → `lunr.min.0f3a9c51d2.js`).
 * @param modules Browser modules that import one another by relative paths: they keep their
 *   names, in one folder named by a hash of them all (`search.0f3a9c51d2/engine.js`).
 * @returns The files and their addresses; an asset's address changes exactly when its bytes do
 *   (for a module, when any module of its folder does).
 */
export function nameAssets(singles: readonly AssetSource[], modules: { readonly folder: string; readonly files: readonly AssetSource[] }): SiteAssets {
  const files: { path: string; content: Uint8Array }[] = [];
  const urls: Record<string, string> = {};
  const add = (name: string, path: string, content: Uint8Array) => {
    if (Object.hasOwn(urls, name)) throw new Error(`two assets are named ${name}`);
    urls[name] = `/${path}`;
    files.push({ path, content });
  };
  for (const asset of singles) {
    const dot = asset.name.lastIndexOf(".");
    const [stem, extension] = dot > 0 ? [asset.name.slice(0, dot), asset.name.slice(dot)] : [asset.name, ""];
    add(asset.name, `${FOLDER}/${stem}.${digest([asset])}${extension}`, asset.bytes);
  }
  const folder = `${FOLDER}/${modules.folder}.${digest(modules.files)}`;
  for (const asset of modules.files) add(asset.name, `${folder}/${asset.name}`, asset.bytes);
  return { files, urls };
}

/** A hash of the files' names and bytes, in the order given. */
function digest(files: readonly AssetSource[]): string {
  const parts: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for (const file of files) parts.push(encoder.encode(`${file.name}\0${file.bytes.length}\0`), file.bytes);
  return hashOf("sha256", Buffer.concat(parts), "hex").slice(0, HASH_LENGTH);
}
