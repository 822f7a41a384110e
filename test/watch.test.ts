/** `clippings serve --watch`: a new article appears in the open page without a manual rebuild. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { describe, it } from "node:test";
import { launchChromium } from "./helpers/chromium.ts";
import { ROOT } from "./helpers/site.ts";

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

describe("clippings serve --watch", () => {
  it("should rebuild after an article is added and reload the open page", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "clippings-watch-"));
    const input = path.join(work, "in");
    await cp(path.join(ROOT, "seeds"), input, { recursive: true });
    const port = await freePort();
    const child = spawn(process.execPath, [path.join(ROOT, "bin/clippings.js"), "serve", "--watch", "--input", input, "--dir", path.join(work, "dist"), "--port", String(port)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    // Started inside the try: a browser that cannot start must not leave the server running.
    let browser: Awaited<ReturnType<typeof launchChromium>> | null = null;
    try {
      browser = await launchChromium();
      await new Promise<void>((resolve, reject) => {
        let out = "";
        child.stdout.on("data", (chunk: Buffer) => {
          out += chunk.toString();
          if (out.includes("Watching")) resolve();
        });
        child.on("exit", (code) => reject(new Error(`serve exited ${code}`)));
      });
      const page = await browser.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      assert.equal(await page.locator("main h3").count(), 5);
      await new Promise((r) => setTimeout(r, 300));
      await writeFile(path.join(input, "new.txt"), "Freshly added article about Quneitra\n\nA new paragraph of body text that the archive did not have before.\n");
      await page.waitForSelector("text=Freshly added article about Quneitra", { timeout: 30_000 });
      assert.equal(await page.locator("main h3").count(), 6);
    } finally {
      await browser?.close();
      child.kill();
      await rm(work, { recursive: true, force: true });
    }
  });
});
