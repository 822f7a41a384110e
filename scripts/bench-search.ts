/**
 * Search benchmark: Clippings' sharded Lunr index against Pagefind on the same built archive.
 *
 * Generates an archive of N articles (default 10,000) from the sentences of a real corpus
 * (default test/fixtures/fa-kes), builds it with Clippings, indexes the same output with
 * Pagefind, serves it locally with gzip, and measures both in Chromium: bytes transferred and time
 * until the first results show (cold cache, one fresh browser context per query), and query
 * latency for the same fixed query list typed into an open page. Prints one JSON line per engine.
 *
 *   npm run bench:search -- [corpus] [--articles 10000] [--work DIR] [--runs 3] [--reuse]
 *
 * `--reuse` measures the archive an earlier run left in the work folder again (with the current
 * search scripts) instead of generating and building it anew.
 */
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type Page } from "playwright-core";
import { build } from "../src/build.js";
import { SEARCH_CLIENT_MODULES } from "../src/search/build-index.js";
import { writeArchive } from "./lib/archive.js";

const QUERIES = [
  "Deraa",
  "Daesh",
  "Syria",
  "chemical weapons",
  "Russian air strikes",
  '"Free Syrian Army"',
  "Aleppo ceasefire",
  "Hezbollah fighters",
  "civilians killed Idlib",
  "Geneva negotiations opposition",
];
const LAUNCH_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");

interface Options {
  corpus: string;
  articles: number;
  work: string;
  runs: number;
  reuse: boolean;
}

function parseArgs(argv: string[]): Options {
  const options: Options = {
    corpus: path.resolve(ROOT, "test/fixtures/fa-kes"),
    articles: 10_000,
    work: path.join(os.tmpdir(), "clippings-bench-search"),
    runs: 3,
    reuse: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === "--articles") options.articles = Number(argv[++i]);
    else if (arg === "--work") options.work = path.resolve(argv[++i]!);
    else if (arg === "--runs") options.runs = Number(argv[++i]);
    else if (arg === "--reuse") options.reuse = true;
    else if (arg.startsWith("--")) throw new Error(`unknown option ${arg}`);
    else options.corpus = path.resolve(arg);
  }
  if (!Number.isInteger(options.articles) || options.articles < 1) throw new Error("--articles must be a positive whole number");
  return options;
}

/** Page that runs a Pagefind search for `?q=` and shows its first ten results. */
const PAGEFIND_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><main><p id="status"></p><ol id="results"></ol></main>
<script type="module">
const pagefind = await import("/pagefind/pagefind.js");
const list = document.getElementById("results");
async function run(q) {
  list.dataset.state = "loading";
  if (!q.trim()) { list.dataset.query = q; list.dataset.state = "done"; return; }
  const search = await pagefind.search(q);
  const data = await Promise.all(search.results.slice(0, 10).map((r) => r.data()));
  list.replaceChildren(...data.map((d) => {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = d.url;
    link.textContent = d.meta.title;
    const excerpt = document.createElement("p");
    excerpt.innerHTML = d.excerpt;
    item.append(link, excerpt);
    return item;
  }));
  document.getElementById("status").textContent = search.results.length + " results";
  list.dataset.count = String(search.results.length);
  list.dataset.query = q;
  list.dataset.state = "done";
}
window.runQuery = run;
run(new URLSearchParams(location.search).get("q") ?? "");
</script></body></html>`;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".json": "application/json",
  ".css": "text/css",
  ".xml": "application/xml",
  ".wasm": "application/wasm",
};
const COMPRESSIBLE = new Set([".html", ".js", ".json", ".css", ".xml"]);

/** A static server with gzip for text files (compressed once, then from memory), as a CDN would. */
async function serve(root: string): Promise<{ url: string; close: () => Promise<void> }> {
  const cache = new Map<string, Buffer>();
  const server = http.createServer(async (req, res) => {
    try {
      let file = path.join(root, decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
      if (!file.startsWith(root)) throw new Error("outside");
      if ((await stat(file).catch(() => null))?.isDirectory()) file = path.join(file, "index.html");
      const ext = path.extname(file);
      let body = cache.get(file);
      if (!body) {
        body = await readFile(file);
        if (COMPRESSIBLE.has(ext)) body = gzipSync(body);
        cache.set(file, body);
      }
      res.setHeader("Content-Type", TYPES[ext] ?? "application/octet-stream");
      if (COMPRESSIBLE.has(ext)) res.setHeader("Content-Encoding", "gzip");
      res.setHeader("Cache-Control", "no-cache");
      res.end(body);
    } catch {
      res.statusCode = 404;
      res.end("Not found");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Tells the bench (through an exposed function) when the results list first says `data-state="done"`. */
const DONE_OBSERVER = `new MutationObserver((records, observer) => {
  for (const r of records) if (r.target.dataset && r.target.dataset.state === "done") { window.__doneAt = performance.now(); window.__reportDone(); observer.disconnect(); return; }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-state"] });`;

interface ColdRun {
  ms: number;
  bytes: number;
  requests: number;
  results: number;
}

/**
 * Open `url` in a fresh context (empty cache); time from navigation start and bytes received
 * (headers and encoded bodies, workers included) until the first results show.
 */
async function coldRun(browser: Browser, url: string, countResults: (page: Page) => Promise<number>): Promise<ColdRun> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const finished: Promise<{ at: number; bytes: number }>[] = [];
  context.on("requestfinished", (request) => {
    const at = performance.now();
    finished.push(request.sizes().then((s) => ({ at, bytes: s.responseBodySize + s.responseHeadersSize })));
  });
  let doneAt = Infinity;
  const done = new Promise<void>((resolve) => {
    void page.exposeFunction("__reportDone", () => {
      doneAt = performance.now();
      resolve();
    });
  });
  await page.addInitScript(DONE_OBSERVER);
  await page.goto(url);
  await Promise.race([done, new Promise((_, reject) => setTimeout(() => reject(new Error(`${url}: no results after 60 s`)), 60_000))]);
  const ms = await page.evaluate(() => (window as unknown as { __doneAt: number }).__doneAt);
  const before = (await Promise.all(finished)).filter((f) => f.at <= doneAt);
  const results = await countResults(page);
  await context.close();
  return { ms, bytes: before.reduce((sum, f) => sum + f.bytes, 0), requests: before.length, results };
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function folderSize(dir: string): Promise<{ files: number; bytes: number }> {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += (await stat(path.join(entry.parentPath, entry.name))).size;
  }
  return { files, bytes };
}

interface Engine {
  name: string;
  url: (q: string) => string;
  count: (page: Page) => Promise<number>;
  /** Runs a query in an open page; resolves with its latency in ms. */
  typeQuery: (page: Page, q: string) => Promise<number>;
  index: { files: number; bytes: number };
  buildSeconds: number;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const input = path.join(options.work, "input");
  const out = path.join(options.work, "site");
  let clippingsSeconds = NaN;
  if (!(options.reuse && existsSync(path.join(out, "search/meta.json")))) {
    process.stderr.write(`generating ${options.articles} articles from ${options.corpus}…\n`);
    await writeArchive(options.corpus, options.articles, input, path.join(ROOT, "seeds/topics.yml"));
    process.stderr.write("building with clippings…\n");
    const report = await build({ input, out, baseUrl: "http://127.0.0.1/" });
    clippingsSeconds = report.milliseconds / 1000;
    process.stderr.write(`built ${report.published.length} articles in ${clippingsSeconds.toFixed(1)} s\n`);
  } else {
    process.stderr.write(`measuring the archive already built in ${out} (search scripts refreshed from lib/client)…\n`);
    // The search page loads its modules from one folder named by their hash (see `nameAssets`).
    const folder = /\/(assets\/search\.[0-9a-f]+)\/search\.js"/.exec(await readFile(path.join(out, "search/index.html"), "utf8"))?.[1];
    if (folder === undefined) throw new Error(`${out}/search/index.html names no search modules: build it again without --reuse`);
    for (const name of SEARCH_CLIENT_MODULES) await copyFile(path.join(ROOT, "lib/client", name), path.join(out, folder, name));
  }
  // Pagefind indexes what Clippings indexes: the article element (headline, standfirst, byline,
  // body, topics), not the page's navigation, related-article list or source record.
  process.stderr.write("indexing with pagefind…\n");
  await rm(path.join(out, "pagefind"), { recursive: true, force: true });
  const started = performance.now();
  execFileSync(
    path.join(ROOT, "node_modules/.bin/pagefind"),
    ["--site", out, "--glob", "articles/**/*.html", "--root-selector", "article.article", "--exclude-selectors", "details.record", "--quiet"],
    { stdio: "inherit" },
  );
  const pagefindSeconds = (performance.now() - started) / 1000;
  await mkdir(path.join(out, "pagefind-bench"), { recursive: true });
  await writeFile(path.join(out, "pagefind-bench/index.html"), PAGEFIND_PAGE);

  const engines: Engine[] = [
    {
      name: "clippings",
      url: (q) => `/search/?q=${encodeURIComponent(q)}`,
      count: (page) => page.evaluate(() => Number(/^(\d+)/.exec(document.getElementById("search-status")?.textContent ?? "")?.[1] ?? 0)),
      typeQuery: (page, q) =>
        page.evaluate(
          (query) =>
            new Promise<number>((resolve) => {
              const list = document.getElementById("search-results")!;
              const started = performance.now();
              const observer = new MutationObserver(() => {
                if (list.dataset.state === "done" && list.dataset.query === query) {
                  observer.disconnect();
                  resolve(performance.now() - started);
                }
              });
              observer.observe(list, { attributes: true });
              (document.getElementById("q") as HTMLInputElement).value = query;
              (document.getElementById("search-form") as HTMLFormElement).requestSubmit();
            }),
          q,
        ),
      index: await folderSize(path.join(out, "search")),
      buildSeconds: clippingsSeconds,
    },
    {
      name: "pagefind",
      url: (q) => `/pagefind-bench/?q=${encodeURIComponent(q)}`,
      count: (page) => page.evaluate(() => Number(document.getElementById("results")?.dataset.count ?? 0)),
      typeQuery: (page, q) =>
        page.evaluate(async (query) => {
          const started = performance.now();
          await (window as unknown as { runQuery: (q: string) => Promise<void> }).runQuery(query);
          return performance.now() - started;
        }, q),
      index: await folderSize(path.join(out, "pagefind")),
      buildSeconds: pagefindSeconds,
    },
  ];

  const server = await serve(out);
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: LAUNCH_ARGS });
  try {
    const cold = new Map<string, Map<string, ColdRun[]>>(engines.map((e) => [e.name, new Map(QUERIES.map((q) => [q, []]))]));
    for (let run = -1; run < options.runs; run++) {
      for (const q of QUERIES) {
        for (const engine of run % 2 ? engines : [...engines].reverse()) {
          const result = await coldRun(browser, server.url + engine.url(q), engine.count);
          if (run >= 0) cold.get(engine.name)!.get(q)!.push(result);
        }
      }
    }
    const lines: Record<string, unknown>[] = [];
    for (const engine of engines) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(server.url + engine.url(""));
      await page.waitForFunction(() => document.querySelector("[data-state=done]") !== null);
      const latencies: number[] = [];
      for (let run = 0; run < options.runs; run++) for (const q of QUERIES) latencies.push(await engine.typeQuery(page, q));
      await context.close();
      const perQuery = QUERIES.map((q) => {
        const runs = cold.get(engine.name)!.get(q)!;
        return { query: q, ms: round(median(runs.map((r) => r.ms))), bytes: median(runs.map((r) => r.bytes)), requests: median(runs.map((r) => r.requests)), results: runs[0]!.results };
      });
      lines.push({
        engine: engine.name,
        articles: options.articles,
        queries: QUERIES.length,
        runs: options.runs,
        firstResults: {
          medianMs: round(median(perQuery.map((p) => p.ms))),
          maxMs: round(Math.max(...perQuery.map((p) => p.ms))),
          medianBytes: median(perQuery.map((p) => p.bytes)),
          maxBytes: Math.max(...perQuery.map((p) => p.bytes)),
        },
        latency: { medianMs: round(median(latencies)), p95Ms: round(percentile(latencies, 95)) },
        index: engine.index,
        buildSeconds: Number.isNaN(engine.buildSeconds) ? null : round(engine.buildSeconds),
        perQuery,
      });
    }
    const [ours, theirs] = lines as { firstResults: { medianMs: number; medianBytes: number }; perQuery: { ms: number; bytes: number }[] }[];
    lines[0]!.vsPagefind = {
      medianBytesRatio: round(ours!.firstResults.medianBytes / theirs!.firstResults.medianBytes),
      medianTimeRatio: round(ours!.firstResults.medianMs / theirs!.firstResults.medianMs),
      worstQueryBytesRatio: round(Math.max(...ours!.perQuery.map((p, i) => p.bytes / theirs!.perQuery[i]!.bytes))),
      worstQueryTimeRatio: round(Math.max(...ours!.perQuery.map((p, i) => p.ms / theirs!.perQuery[i]!.ms))),
    };
    for (const line of lines) process.stdout.write(`${JSON.stringify(line)}\n`);
  } finally {
    await browser.close();
    await server.close();
  }
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

main().catch((error: Error) => {
  process.stderr.write(`bench-search: ${error.stack ?? error.message}\n`);
  process.exitCode = 1;
});
