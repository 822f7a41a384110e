import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, it } from "node:test";
import { ROOT } from "./helpers/site.ts";

const run = promisify(execFile);
const BIN = path.join(ROOT, "bin/clippings.js");

/** Run the CLI; resolve with its output and exit code, whatever the code. */
async function clippings(...args: string[]): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { cwd: ROOT });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const e = error as { stdout: string; stderr: string; code: number };
    return { stdout: e.stdout, stderr: e.stderr, code: e.code };
  }
}

describe("clippings parse --json", () => {
  it("should print one JSON record per file, in argument order", async () => {
    const files = ["seeds/004_03146239e8682a65.txt", "seeds/000_b916555c1ae067f7.txt", "seeds/002_7ac6687362326750.txt"];
    const { stdout, code } = await clippings("parse", "--json", ...files);
    assert.equal(code, 0);
    const records = stdout.trim().split("\n").map((l) => JSON.parse(l) as { title: string; body: unknown[] });
    assert.deepEqual(records.map((r) => r.title), [
      "Daesh cornered in pocket of southern Syria",
      "Syria: Massive losses of Syrian rebels after ambush by ISIS in Deraa",
      "Syrian Regime Captures 100 Islamic State Fighters",
    ]);
    for (const r of records) assert.ok(r.body.length > 5);
  });

  it("should keep the line count when a file cannot be read, and fail", async () => {
    const { stdout, stderr, code } = await clippings("parse", "--json", "seeds/000_b916555c1ae067f7.txt", "no/such/file.txt");
    assert.equal(stdout.trim().split("\n").length, 2);
    assert.match(stderr, /no\/such\/file\.txt/);
    assert.notEqual(code, 0);
  });
});

describe("clippings: argument errors", () => {
  it("should print usage and exit non-zero for an unknown command or option", async () => {
    const unknown = await clippings("frobnicate");
    assert.notEqual(unknown.code, 0);
    assert.match(unknown.stderr, /unknown command/i);
    const option = await clippings("build", "--nope");
    assert.notEqual(option.code, 0);
    assert.match(option.stderr, /unknown option/i);
    const port = await clippings("serve", "--port", "http");
    assert.notEqual(port.code, 0);
    assert.match(port.stderr, /port/);
  });

  it("should reject a base URL that is not absolute", async () => {
    const { code, stderr } = await clippings("build", "--base-url", "archive/", "--out", path.join(os.tmpdir(), "never-written"));
    assert.notEqual(code, 0);
    assert.match(stderr, /--base-url must be an absolute URL/);
  });
});

describe("clippings build", () => {
  it("should build the seeds and print a summary line", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "clippings-cli-"));
    try {
      const out = path.join(parent, "site");
      const { stdout, code } = await clippings("build", "--input", "seeds", "--out", out);
      assert.equal(code, 0);
      assert.match(stdout, /5 articles published, 0 duplicates merged, 0 files skipped/);
      assert.equal((await readdir(path.join(out, "articles"))).length, 5);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it("should finish quietly when the reader of its output stops early (`| head`)", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "clippings-cli-"));
    try {
      const child = spawn(process.execPath, [BIN, "build", "--input", "seeds", "--out", path.join(parent, "site")], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
      child.stdout.destroy();
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
      const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
      assert.equal(code, 0, stderr);
      assert.doesNotMatch(stderr, /EPIPE|Error/);
      assert.equal((await readdir(path.join(parent, "site", "articles"))).length, 5);
    } finally {
      await rm(parent, { recursive: true, force: true });
    }
  });

  it("should fail when the input folder does not exist, naming it", async () => {
    const { code, stderr } = await clippings("build", "--input", "no-such-folder", "--out", path.join(os.tmpdir(), "never-written"));
    assert.notEqual(code, 0);
    assert.match(stderr, /no-such-folder/);
  });
});
