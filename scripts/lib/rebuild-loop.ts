/**
 * One process rebuilding an archive again and again, as `clippings serve --watch` does when
 * files are added: the held-back article is removed and the archive rebuilt, then added back
 * and rebuilt, `cycles` times. The first cycle warms the process up and is not reported; the
 * seconds of each later rebuild after adding the article are written, as a JSON array, to the
 * file named by `--result`.
 *
 *   node --import tsx scripts/lib/rebuild-loop.ts --input DIR --out DIR --cache-dir DIR
 *     --held DIR --cycles N --result FILE
 */
import { copyFile, readdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { parseArgs } from "node:util";

const { values } = parseArgs({
  options: {
    input: { type: "string" },
    out: { type: "string" },
    "cache-dir": { type: "string" },
    held: { type: "string" },
    cycles: { type: "string", default: "3" },
    result: { type: "string" },
  },
});
const { input, out, held, result } = values;
const cacheDir = values["cache-dir"];
const cycles = Number(values.cycles);
if (!input || !out || !cacheDir || !held || !result || !Number.isInteger(cycles) || cycles < 2) {
  throw new Error("rebuild-loop: --input, --out, --cache-dir, --held, --result and --cycles (at least 2) are needed");
}

// The compiled modules, as `clippings serve --watch` runs them.
const { build } = (await import(new URL("../../lib/build.js", import.meta.url).href)) as typeof import("../../src/build.js");
const options = { input, out, cacheDir, baseUrl: "https://archive.example/" };
const files = await readdir(held);
const seconds: number[] = [];
for (let cycle = 0; cycle < cycles; cycle++) {
  for (const name of files) await rm(path.join(input, name), { force: true });
  await build(options);
  for (const name of files) await copyFile(path.join(held, name), path.join(input, name));
  const started = performance.now();
  await build(options);
  if (cycle > 0) seconds.push((performance.now() - started) / 1000);
}
await writeFile(result, JSON.stringify(seconds));
