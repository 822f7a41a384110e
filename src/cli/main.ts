/** The `clippings` command line: build, parse, serve. */
import { readFile } from "node:fs/promises";
import { Command, InvalidArgumentError } from "commander";
import { build, DEFAULT_BASE_URL, extractRecord } from "../build.js";
import { serveSite } from "./serve.js";

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
  .action(async (opts: { input: string; out: string; baseUrl: string; title: string }) => {
    await runBuild(opts);
  });

program
  .command("parse")
  .description("parse article files and print their records")
  .argument("<files...>", "article files")
  .option("--json", "print one JSON record per line, in argument order")
  .action(async (files: string[], opts: { json?: boolean }) => {
    let failed = false;
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
  .command("serve")
  .description("serve a built site over HTTP")
  .option("--dir <dir>", "folder to serve", "dist")
  .option("--port <n>", "port to listen on", parsePort, 8080)
  .option("--host <host>", "address to listen on", "127.0.0.1")
  .action(async (opts: { dir: string; port: number; host: string }) => {
    await serveSite(opts);
    process.stdout.write(`Serving ${opts.dir} on http://${opts.host === "127.0.0.1" ? "localhost" : opts.host}:${opts.port}/ (Ctrl-C to stop)\n`);
  });

async function runBuild(opts: { input: string; out: string; baseUrl: string; title: string }): Promise<void> {
  const report = await build({ input: opts.input, out: opts.out, baseUrl: opts.baseUrl, title: opts.title });
  for (const skip of report.skipped) process.stderr.write(`skipped ${skip.name}: ${skip.reason}\n`);
  process.stdout.write(
    `Built ${opts.out}: ${report.published.length} articles published, ${report.skipped.length} files skipped, ` +
      `${report.duplicates} duplicates merged, ${report.topics} topics, ${report.pages} pages written in ${(report.milliseconds / 1000).toFixed(1)} s\n`,
  );
  if (report.published.length === 0) {
    process.stderr.write(`clippings: no readable article in ${opts.input}\n`);
    process.exitCode = 1;
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
