/**
 * How a build used the cores, from the CPU profiles of one run: per time bin, each thread's busy
 * share and their sum (200 means both cores of a two-core machine busy), then, for a stretch of
 * the run, the functions one thread spent it in. Stretches where one thread works alone while
 * the other core waits are where a build can still gain by running things side by side.
 *
 * Usage:
 *   node --cpu-prof --cpu-prof-dir=DIR --cpu-prof-interval 1000 bin/clippings.js build …
 *   node --import tsx scripts/thread-timeline.ts DIR [--bin MS] [--from MS --to MS] [--thread N] [--top K]
 *
 * Threads are named by Node's thread ids: `main`, then `t1`, `t2`… in order of starting.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { busiestFunctions, threadTimeline, type CpuProfile, type ThreadProfile } from "./lib/cpu-profiles.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    bin: { type: "string", default: "1000" },
    from: { type: "string" },
    to: { type: "string" },
    thread: { type: "string", default: "main" },
    top: { type: "string", default: "25" },
  },
});
const dir = positionals[0];
if (dir === undefined) {
  process.stderr.write("usage: thread-timeline.ts PROFILE_DIR [--bin MS] [--from MS --to MS] [--thread NAME] [--top K]\n");
  process.exit(2);
}

// Node names the files CPU.<date>.<time>.<pid>.<thread id>.<sequence>.cpuprofile.
const threads: ThreadProfile[] = readdirSync(dir)
  .filter((name) => name.endsWith(".cpuprofile"))
  .map((name) => ({ id: Number(name.split(".").at(-3)), name }))
  .sort((a, b) => a.id - b.id)
  .map(({ id, name }) => ({ name: id === 0 ? "main" : `t${id}`, profile: JSON.parse(readFileSync(path.join(dir, name), "utf8")) as CpuProfile }));
if (threads.length === 0) {
  process.stderr.write(`no .cpuprofile files in ${dir}\n`);
  process.exit(1);
}

const binMs = Number(values.bin);
const timeline = threadTimeline(threads, binMs);
const cell = (share: number) => (share === 0 ? "." : String(Math.round(share * 100))).padStart(6);
console.log(`${"ms".padStart(8)}${timeline.threads.map((name) => name.padStart(6)).join("")}   total`);
timeline.busy.forEach((row, bin) => {
  const total = row.reduce((sum, share) => sum + share, 0);
  console.log(`${String(bin * binMs).padStart(8)}${row.map(cell).join("")}${String(Math.round(total * 100)).padStart(8)}`);
});

if (values.from !== undefined || values.to !== undefined) {
  const thread = timeline.threads.indexOf(values.thread);
  if (thread < 0) {
    process.stderr.write(`no thread ${values.thread}: ${timeline.threads.join(", ")}\n`);
    process.exit(2);
  }
  const from = Number(values.from ?? 0);
  const to = Number(values.to ?? timeline.busy.length * binMs);
  console.log(`\n${values.thread}, ${from} to ${to} ms: milliseconds in each function and what it called`);
  for (const [name, ms] of busiestFunctions(threads, thread, from, to, Number(values.top))) console.log(`${ms.toFixed(0).padStart(8)}  ${name}`);
}
