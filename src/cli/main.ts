/** The `clippings` command line: build, parse, check, serve. */
import { readFile } from "node:fs/promises";
import { Command, InvalidArgumentError } from "commander";
import { build, DEFAULT_BASE_URL } from "../build.js";
import { progressDisplay } from "./progress.js";
import { serveSite } from "./serve.js";
import { watchInput } from "./watch.js";

const program = new Command();
program
  .name("clippings")
  .description("Turn a folder of scraped news articles into a clean, searchable static archive.")
  .showHelpAfterError()
  .configureOutput({ outputError: (text, write) => write(text) });

program
  .command("build")
  .description("build the archive from an input folder into an output folder")
  .option("--input <dir>", "folder of article files (.txt, .md)", "seeds")
  .option("--out <dir>", "folder to write the site to", "dist")
  .option("--base-url <url>", "absolute URL the site is served at", DEFAULT_BASE_URL)
  .option("--title <text>", "archive title shown on every page", "Clippings archive")
  .option("--report <file>", "where to write the JSON build report (default: .clippings/report.json beside the output)")
  .option("--strict", "exit non-zero when any file is skipped or any record has warnings")
  .option("--cache-dir <dir>", "where rebuilds keep parsed records and what was written (default: .clippings/cache beside the output)")
  .option("--no-cache", "parse every file and render every page, reusing nothing")
  .action(async (opts: BuildCommandOptions) => {
    // A reader that stops early (`| head`) is no error: the build is done, and its exit code holds.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code !== "EPIPE") throw error;
    });
    await runBuild(opts);
  });

program
  .command("parse")
  .description("parse article files and print their records")
  .argument("<files...>", "article files")
  .option("--json", "print one JSON record per line, in argument order")
  .action(async (files: string[], opts: { json?: boolean }) => {
    let failed = false;
    // Loaded by the commands that need it, so that the others start without it.
    const { extractRecord } = await import("../parse/batch.js");
    for (const file of files) {
      let line: string;
      try {
        const bytes = new Uint8Array(await readFile(file));
        const sidecar = await readFile(file.replace(/\.[^./]+$/, ".meta.yml"), "utf8").catch(() => null);
        const record = extractRecord({ name: file, bytes, sidecar });
        line = opts.json ? JSON.stringify(record) : JSON.stringify(record, null, 2);
      } catch (error) {
        failed = true;
        process.stderr.write(`clippings: ${file}: ${(error as Error).message}\n`);
        line = JSON.stringify({ source: file, error: (error as Error).message });
      }
      process.stdout.write(`${line}\n`);
    }
    if (failed) process.exitCode = 1;
  });

program
  .command("check")
  .description("report, per file, the fields found, the lines removed and why, and the warnings")
  .option("--input <dir>", "folder of article files (.txt, .md)", "seeds")
  .action(async (opts: { input: string }) => {
    // A reader that stops early (`| head`) ends the report quietly.
    process.stdout.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE") process.exit(0);
      throw error;
    });
    const { checkFolder } = await import("./check.js");
    const summary = await checkFolder(opts.input, (line) => process.stdout.write(`${line}\n`));
    if (summary.failed > 0 || summary.files === 0) process.exitCode = 1;
  });

program
  .command("serve")
  .description("serve a built site over HTTP; with --watch, build it first and rebuild on change")
  .option("--dir <dir>", "folder to serve (the build output with --watch)", "dist")
  .option("--port <n>", "port to listen on", parsePort, 8080)
  .option("--host <host>", "address to listen on", "127.0.0.1")
  .option("--watch", "build --input into --dir, rebuild when it changes, and reload open pages")
  .option("--input <dir>", "folder of article files, with --watch", "seeds")
  .action(async (opts: { dir: string; port: number; host: string; watch?: boolean; input: string }) => {
    const address = `http://${opts.host === "127.0.0.1" ? "localhost" : opts.host}:${opts.port}/`;
    const buildOptions: BuildCommandOptions = { input: opts.input, out: opts.dir, baseUrl: address, title: "Clippings archive" };
    if (opts.watch) await runBuild(buildOptions);
    const live = await serveSite({ dir: opts.dir, port: opts.port, host: opts.host, liveReload: Boolean(opts.watch) });
    process.stdout.write(`Serving ${opts.dir} on ${address} (Ctrl-C to stop)\n`);
    if (!opts.watch) return;
    process.stdout.write(`Watching ${opts.input} for changes\n`);
    watchInput({
      input: opts.input,
      rebuild: async () => {
        try {
          await runBuild(buildOptions);
          live.reload();
        } catch (error) {
          process.stderr.write(`clippings: rebuild failed: ${(error as Error).message}\n`);
        }
      },
    });
  });

interface BuildCommandOptions {
  input: string;
  out: string;
  baseUrl: string;
  title: string;
  report?: string;
  strict?: boolean;
  cacheDir?: string;
  /** False with `--no-cache`. */
  cache?: boolean;
}

async function runBuild(opts: BuildCommandOptions): Promise<void> {
  const display = progressDisplay(process.stderr);
  const report = await build({
    input: opts.input,
    out: opts.out,
    baseUrl: opts.baseUrl,
    title: opts.title,
    reportFile: opts.report,
    cacheDir: opts.cache === false ? false : opts.cacheDir,
    onProgress: display.update,
  }).finally(display.finish);
  for (const skip of report.skipped) process.stderr.write(`skipped ${skip.name}: ${skip.reason}\n`);
  process.stdout.write(
    `Built ${opts.out}: ${report.published.length} articles published, ${report.duplicates} duplicates merged, ` +
      `${report.skipped.length} files skipped, ${report.topics} topics, ${report.pages} pages ` +
      `(${report.written} written, ${report.pages - report.written} unchanged) in ${(report.milliseconds / 1000).toFixed(1)} s\n`,
  );
  process.stdout.write(`Report: ${report.reportFile}\n`);
  if (report.published.length === 0) {
    process.stderr.write(`clippings: no readable article in ${opts.input}\n`);
    process.exitCode = 1;
  } else if (opts.strict) {
    const warned = report.published.filter((p) => p.warnings.length > 0);
    for (const p of warned) process.stderr.write(`warning ${p.source}: ${p.warnings.join("; ")}\n`);
    if (warned.length > 0 || report.skipped.length > 0) {
      process.stderr.write(`clippings: --strict: ${report.skipped.length} files skipped, ${warned.length} records with warnings\n`);
      process.exitCode = 1;
    }
  }
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new InvalidArgumentError("must be a port number (0-65535)");
  return port;
}

program.parseAsync(process.argv).catch((error: Error) => {
  process.stderr.write(`clippings: ${error.message}\n`);
  process.exitCode = 2;
});
