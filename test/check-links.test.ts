/** The link checker used on built sites. */
import assert from "node:assert/strict";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { checkLinks } from "./helpers/check-links.ts";

test("checkLinks", async (t) => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "clippings-links-"));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(path.join(dir, "a"), { recursive: true });
  await writeFile(
    path.join(dir, "index.html"),
    `<a href="/base/a/">ok</a><a href="a/#x">ok fragment</a><a href="/base/missing/">missing</a>
     <a href="/elsewhere/">outside</a><a href="a/#nope">bad fragment</a><a href="https://other.example/">external</a>
     <link rel="stylesheet" href="/base/style.css"><a href="https://host.example/base/a/?q=1">absolute</a>`,
  );
  await writeFile(path.join(dir, "a/index.html"), `<h1 id="x">A</h1><a href="../index.html">up</a><img src="pic.png" alt="">`);
  await writeFile(path.join(dir, "feed.xml"), `<feed><link href="https://host.example/base/gone/"/></feed>`);
  await writeFile(path.join(dir, "sitemap.xml"), `<urlset><url><loc>https://host.example/base/a/</loc></url></urlset>`);

  await t.test("should report each broken internal link with its page and reason", async () => {
    const report = await checkLinks(dir, "https://host.example/base/");
    assert.equal(report.files, 4);
    assert.equal(report.links, 11);
    assert.deepEqual(
      report.broken.map((b) => [b.page, b.href, b.reason]),
      [
        ["a/index.html", "pic.png", "no such file"],
        ["feed.xml", "https://host.example/base/gone/", "no such file"],
        ["index.html", "/base/missing/", "no such file"],
        ["index.html", "/base/style.css", "no such file"],
        ["index.html", "/elsewhere/", "outside the base path /base/"],
        ["index.html", "a/#nope", 'no element with id "nope"'],
      ],
    );
  });
});
