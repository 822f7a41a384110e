/**
 * Parse throughput on a corpus folder, on one core: every file is read into memory first, then
 * parsed RUNS times; the median run gives MB/s, by wall time and by CPU time (steadier on a busy
 * machine). A reference pass (decoding and text hygiene only, the floor any parse pays) is timed
 * in the same run and the ratio printed.
 *
 * Usage: npm run bench:parse -- <corpus-dir> [runs]
 */
import { performance } from "node:perf_hooks";
import { extractRecord } from "../src/parse/batch.js";
import { decodeBytes } from "../src/read/decode.js";
import { readSources, type SourceFile } from "../src/read/sources.js";
import { normalizeText } from "../src/parse/normalize.js";

const [dir, runsArg] = process.argv.slice(2);
if (!dir) {
  process.stderr.write("usage: npm run bench:parse -- <corpus-dir> [runs]\n");
  process.exit(2);
}
const runs = Math.max(1, Number(runsArg ?? 7));
const { files } = await readSources(dir);
const bytes = files.reduce((n, f) => n + f.bytes.length, 0);
if (files.length === 0) {
  process.stderr.write(`no article files in ${dir}\n`);
  process.exit(1);
}

/** Median wall and CPU time in milliseconds of `runs` passes of `fn` over every file (after one warm-up pass). */
function time(fn: (file: SourceFile) => unknown): { wall: number; cpu: number } {
  for (const file of files) fn(file);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    const used = process.cpuUsage();
    for (const file of files) fn(file);
    const spent = process.cpuUsage(used);
    wall.push(performance.now() - start);
    cpu.push((spent.user + spent.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wall: median(wall), cpu: median(cpu) };
}

const mb = bytes / 1e6;
const parse = time((file) => extractRecord(file));
const hygiene = time((file) => normalizeText(decodeBytes(file.bytes).text));
const rate = (ms: number) => (mb / (ms / 1000)).toFixed(2);
process.stdout.write(
  `corpus: ${dir} — ${files.length} files, ${mb.toFixed(2)} MB; median of ${runs} runs\n` +
    `parse (decode → record, dedupe): ${parse.wall.toFixed(0)} ms, ${rate(parse.wall)} MB/s (CPU time ${parse.cpu.toFixed(0)} ms, ${rate(parse.cpu)} MB/s)\n` +
    `reference (decode + text hygiene only): ${hygiene.wall.toFixed(0)} ms, ${rate(hygiene.wall)} MB/s\n` +
    `parse / reference time: ${(parse.wall / hygiene.wall).toFixed(1)}×\n`,
);
