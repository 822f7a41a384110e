/**
 * Build benchmark: a generated archive of N articles (sentences and headlines of a real corpus,
 * default test/fixtures/fa-kes) built by Clippings, beside Eleventy alone rendering the same
 * articles from plain Markdown files with a one-line layout, in the same run. Measures, each in
 * its own process: Eleventy's bare render; Clippings' full build (empty cache); the rebuild
 * after adding one article; the rebuild after it with nothing changed; peak memory of each.
 * Then, in one process that stays up as `clippings serve --watch` does, the same one-article
 * rebuild repeated, after one unreported round that warms the process up. Prints one JSON line
 * with medians and ratios.
 * Before each measured command, what earlier ones wrote is flushed to disk (`sync`), so that no
 * command pays for the previous one's pending writes. Where the benchmark may (as root on
 * Linux), the page cache is then emptied and the files the commands read (the inputs, the
 * cache folder, the package's code and dependencies) are read back into it: on some virtual
 * machines, creating files grows several times slower after earlier commands created and
 * deleted tens of thousands (10,000 folders with one page each: 0.7 s with the page cache just
 * emptied, 3 to 9 s after a few such rounds), which would make every figure depend on what
 * ran before it. `--keep-page-cache` leaves the page cache alone.
 *
 *   npm run bench:build -- [corpus] [--articles 10000] [--runs 3] [--work DIR] [--keep-page-cache]
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { copyFile, mkdir, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { listTree } from "../src/write/output.js";
import { generateArticles, writeArchive } from "./lib/archive.js";

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const PEAK = path.join(ROOT, "scripts/lib/peak-memory.mjs");

interface Options {
  corpus: string;
  articles: number;
  runs: number;
  work: string;
  /** Leave the page cache as earlier commands left it. */
  keepPageCache: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = { corpus: path.join(ROOT, "test/fixtures/fa-kes"), articles: 10_000, runs: 3, work: path.join(os.tmpdir(), "clippings-bench-build"), keepPageCache: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--articles") options.articles = Number(argv[++i]);
    else if (arg === "--runs") options.runs = Number(argv[++i]);
    else if (arg === "--work") options.work = path.resolve(argv[++i]!);
    else if (arg === "--keep-page-cache") options.keepPageCache = true;
    else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else options.corpus = path.resolve(arg);
  }
  if (!Number.isInteger(options.articles) || options.articles < 1) throw new Error("--articles must be a positive whole number");
  if (!Number.isInteger(options.runs) || options.runs < 1) throw new Error("--runs must be a positive whole number");
  return options;
}

/** Wall time (s) and peak resident memory (MB) of one command, run with the memory probe preloaded. */
async function measure(args: readonly string[], cwd: string, settle: () => void): Promise<{ seconds: number; peakMB: number }> {
  const peakFile = path.join(os.tmpdir(), `clippings-peak-${process.pid}-${Date.now()}`);
  flushWrites();
  settle();
  const started = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", PEAK, ...args], { cwd, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, PEAK_MEMORY_FILE: peakFile } });
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${args.join(" ")} exited with ${code}`))));
  });
  const seconds = (performance.now() - started) / 1000;
  const peakMB = Number(await readFile(peakFile, "utf8")) / 1024;
  await rm(peakFile, { force: true });
  return { seconds, peakMB };
}

/** Write what the page cache holds to disk (the `sync` command; skipped where there is none). */
function flushWrites(): void {
  try {
    execFileSync("sync");
  } catch {
    // No sync command here: measurements then include earlier commands' writes.
  }
}

/**
 * Empty the page cache (Linux, as root; nothing happens elsewhere) and read every file below
 * `folders` back into it, so that each measured command starts with what it reads cached and
 * nothing else. Returns whether the page cache could be emptied.
 */
function resetPageCache(folders: readonly string[]): boolean {
  try {
    writeFileSync("/proc/sys/vm/drop_caches", "1");
  } catch {
    return false;
  }
  for (const folder of folders) {
    if (!existsSync(folder)) continue;
    // Links to folders are listed as files; only files are read.
    for (const file of listTree(folder).map((name) => path.join(folder, name))) if (statSync(file).isFile()) readFileSync(file);
  }
  return true;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

const round = (n: number, digits = 2) => Number(n.toFixed(digits));

/** The same articles as Markdown for Eleventy alone: front matter title, paragraphs, one-line layout. */
async function writeMarkdown(corpus: string, count: number, dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(path.join(dir, "_includes"), { recursive: true });
  await writeFile(path.join(dir, "_includes/page.njk"), "<!doctype html><title>{{ title }}</title><main>{{ content | safe }}</main>\n");
  for await (const a of generateArticles(corpus, count)) {
    await writeFile(path.join(dir, `${a.name}.md`), `---\ntitle: ${JSON.stringify(a.title)}\nlayout: page.njk\n---\n${a.paragraphs.join("\n\n")}\n`);
  }
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const input = path.join(options.work, "input");
  const markdown = path.join(options.work, "markdown");
  const out = path.join(options.work, "site");
  process.stderr.write(`generating ${options.articles} articles from ${options.corpus}…\n`);
  await writeArchive(options.corpus, options.articles + 1, input, path.join(ROOT, "seeds/topics.yml"));
  // The last generated article is held back, to be added for the rebuild.
  const extra = `article-${String(options.articles).padStart(6, "0")}`;
  const held = path.join(options.work, "held");
  await rm(held, { recursive: true, force: true });
  await mkdir(held);
  for (const ext of [".txt", ".meta.yml"]) {
    await copyFile(path.join(input, extra + ext), path.join(held, extra + ext));
    await rm(path.join(input, extra + ext));
  }
  await writeMarkdown(options.corpus, options.articles, markdown);

  const eleventyBin = path.join(ROOT, "node_modules/@11ty/eleventy/cmd.cjs");
  const clippings = path.join(ROOT, "bin/clippings.js");
  const cache = path.join(options.work, "cache");
  const eleventy: { seconds: number; peakMB: number }[] = [];
  const full: { seconds: number; peakMB: number }[] = [];
  const addOne: { seconds: number; peakMB: number }[] = [];
  const noChange: { seconds: number; peakMB: number }[] = [];
  let unchangedWritten = 0;
  let stages: unknown = null;
  let written = 0;
  let pages = 0;
  const code = ["node_modules", "lib", "bin", "templates", "public", "scripts"].map((folder) => path.join(ROOT, folder));
  // Emptied before every command, or before none: it stops at the first that may not.
  let pageCacheReset = !options.keepPageCache;
  const settleOn = (folders: readonly string[]) => () => void (pageCacheReset &&= resetPageCache([...folders, ...code]));
  const settleEleventy = settleOn([markdown]);
  const settleClippings = settleOn([input, cache]);
  for (let run = 1; run <= options.runs; run++) {
    process.stderr.write(`run ${run}/${options.runs}: eleventy alone…\n`);
    await rm(path.join(options.work, "markdown-out"), { recursive: true, force: true });
    eleventy.push(await measure([eleventyBin, "--input=markdown", "--output=markdown-out", "--quiet"], options.work, settleEleventy));

    process.stderr.write(`run ${run}/${options.runs}: clippings full build…\n`);
    for (const ext of [".txt", ".meta.yml"]) await rm(path.join(input, extra + ext), { force: true });
    await rm(cache, { recursive: true, force: true });
    await rm(out, { recursive: true, force: true });
    const build = ["build", "--input", input, "--out", out, "--cache-dir", cache, "--base-url", "https://archive.example/"];
    full.push(await measure([clippings, ...build], ROOT, settleClippings));

    process.stderr.write(`run ${run}/${options.runs}: clippings rebuild after adding one article…\n`);
    for (const ext of [".txt", ".meta.yml"]) await copyFile(path.join(held, extra + ext), path.join(input, extra + ext));
    addOne.push(await measure([clippings, ...build], ROOT, settleClippings));
    const report = JSON.parse(await readFile(path.join(options.work, ".clippings/report.json"), "utf8")) as { summary: { pages: number; written: number; stages: unknown } };
    stages = report.summary.stages;
    written = report.summary.written;
    pages = report.summary.pages;

    process.stderr.write(`run ${run}/${options.runs}: clippings rebuild with nothing changed…\n`);
    noChange.push(await measure([clippings, ...build], ROOT, settleClippings));
    unchangedWritten = (JSON.parse(await readFile(path.join(options.work, ".clippings/report.json"), "utf8")) as { summary: { written: number } }).summary.written;
  }
  process.stderr.write(`clippings rebuilds after adding one article, in one process…\n`);
  const loopFile = path.join(options.work, "rebuild-loop.json");
  const loop = await measure(
    ["--import", "tsx", path.join(ROOT, "scripts/lib/rebuild-loop.ts"), "--input", input, "--out", out, "--cache-dir", cache, "--held", held, "--cycles", String(options.runs + 1), "--result", loopFile],
    ROOT,
    settleClippings,
  );
  const inProcess = JSON.parse(await readFile(loopFile, "utf8")) as number[];
  await rm(loopFile, { force: true });
  const eleventySeconds = median(eleventy.map((m) => m.seconds));
  const fullSeconds = median(full.map((m) => m.seconds));
  const addOneSeconds = median(addOne.map((m) => m.seconds));
  const noChangeSeconds = median(noChange.map((m) => m.seconds));
  const fullPeak = Math.max(...full.map((m) => m.peakMB), ...addOne.map((m) => m.peakMB));
  const result = {
    articles: options.articles,
    runs: options.runs,
    cores: os.availableParallelism(),
    pageCache: pageCacheReset ? "emptied before each command, its inputs and code read back" : "as earlier commands left it",
    eleventyBare: { seconds: round(eleventySeconds), peakMB: Math.round(median(eleventy.map((m) => m.peakMB))) },
    fullBuild: { seconds: round(fullSeconds), peakMB: Math.round(median(full.map((m) => m.peakMB))), runs: full.map((m) => round(m.seconds)) },
    addOneRebuild: { seconds: round(addOneSeconds), peakMB: Math.round(median(addOne.map((m) => m.peakMB))), runs: addOne.map((m) => round(m.seconds)), filesWritten: written, files: pages, lastStagesMs: stages },
    noChangeRebuild: { seconds: round(noChangeSeconds), peakMB: Math.round(median(noChange.map((m) => m.peakMB))), filesWritten: unchangedWritten },
    addOneInProcess: { seconds: round(median(inProcess)), runs: inProcess.map((s) => round(s)), processPeakMB: Math.round(loop.peakMB) },
    ratios: {
      fullVsEleventy: round(fullSeconds / eleventySeconds),
      addOneVsFull: round(addOneSeconds / fullSeconds),
      noChangeVsFull: round(noChangeSeconds / fullSeconds),
      addOneInProcessVsFull: round(median(inProcess) / fullSeconds),
    },
    goals: {
      fullAtMostEleventy: fullSeconds <= eleventySeconds,
      addOneAtMostTenthOfFull: addOneSeconds <= fullSeconds * 0.1,
      peakMemoryUnder1GB: fullPeak <= 1024,
    },
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

await main();
