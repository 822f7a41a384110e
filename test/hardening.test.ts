/** Hostile and awkward input: every file accounted for, nothing injected, builds you can trust. */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { build, type BuildReport } from "../src/build.ts";
import { listTree, scanSite } from "./helpers/html-safety.ts";
import { ROOT } from "./helpers/site.ts";
import { assertSameTree } from "./helpers/tree.ts";

/** Files a scraper really produces, by name. */
function awkwardFiles(): Record<string, Uint8Array | string> {
  let n = 0;
  // Each file's body differs, as real articles do (a line shared by many would be site furniture).
  const bodies = ["shelling", "talks", "refugees", "harvest", "elections", "water", "schools", "hospitals", "roads", "markets", "prices", "courts", "border", "power", "bread", "fuel", "rain"];
  const body = () => `The body of this article has enough words to be a paragraph of text about ${bodies[n++ % bodies.length]} in Daraa.`;
  const binary = new Uint8Array(4096).map((_, i) => (i * 131 + 7) % 256);
  return {
    "empty.txt": "",
    "blank.txt": "  \n\t\r\n",
    "binary.txt": binary,
    "notes.docx": "PK not really a document",
    "utf16.txt": Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`UTF-16 headline from a Windows tool\n\n${body()}\n`, "utf16le")]),
    "utf8-bom.txt": `\ufeffHeadline of a file with a byte-order mark\n\n${body()}\n`,
    "cp1252.txt": Buffer.from([...Buffer.from("Caf"), 0xe9, ...Buffer.from(" owners protest in Latin-1\r\n\r\n"), 0x93, ...Buffer.from("Quoted"), 0x94, ...Buffer.from(` ${body()}\r\n`)]),
    "bad-utf8.txt": Buffer.from([...Buffer.from("Headline with a broken byte in it\n\nBody "), 0xc3, 0xa9, 0xff, ...Buffer.from(` ${body()}\n`)]),
    "crlf.txt": `Headline with Windows line endings\r\n\r\n${body()}\r\n\r\nSecond paragraph of the article.\r\n`,
    "one-line.txt": `Headline of a one megabyte file ${"word ".repeat(200_000)}`,
    "title-only.txt": "A file that holds only its headline\n",
    "arabic.txt": `سوريا: مقتل عشرات في درعا\n\nنص المقال هنا. ${body()}\n`,
    "emoji.txt": `😀🔥💥\n\n${body()}\n`,
    "con.txt": `CON\n\n${body()}\n`,
    "traversal.txt": `../../etc/passwd\n\n${body()}\n`,
    "same-a.txt": `Two articles share this headline\n\n${body()} First copy.\n`,
    "same-b.txt": `Two articles share this headline\n\n${body()} Second, different copy.\n`,
  };
}

async function writeInput(dir: string, files: Record<string, Uint8Array | string>): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(dir, name), content);
}

describe("build: awkward input", () => {
  let work: string;
  let report: BuildReport;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "clippings-awkward-"));
    await cp(path.join(ROOT, "seeds"), path.join(work, "in"), { recursive: true });
    await writeInput(path.join(work, "in"), awkwardFiles());
    report = await build({ input: path.join(work, "in"), out: path.join(work, "site") });
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("should publish the seeds and every readable file", () => {
    const published = new Set(report.published.map((p) => p.source));
    for (const seed of ["000_b916555c1ae067f7.txt", "001_6442bd6def682b13.txt", "002_7ac6687362326750.txt", "003_af543044a1aaa2aa.txt", "004_03146239e8682a65.txt"]) {
      assert.ok(published.has(seed), seed);
    }
    for (const name of ["utf16.txt", "utf8-bom.txt", "cp1252.txt", "bad-utf8.txt", "crlf.txt", "one-line.txt", "title-only.txt", "arabic.txt", "emoji.txt", "con.txt", "traversal.txt", "same-a.txt", "same-b.txt"]) {
      assert.ok(published.has(name), name);
    }
  });

  it("should skip each unusable file with its reason", () => {
    assert.deepEqual(
      report.skipped.map((s) => `${s.name}: ${s.reason}`),
      ["binary.txt: binary file (contains NUL bytes)", "blank.txt: empty file (only white space)", "empty.txt: empty file", 'notes.docx: unsupported file type ".docx"'],
    );
  });

  it("should account for every input file in the report", async () => {
    const written = JSON.parse(await readFile(report.reportFile, "utf8")) as { inputs: { file: string; status: string }[] };
    assert.equal(written.inputs.length, 5 + Object.keys(awkwardFiles()).length);
  });

  it("should decode every encoding to the same clean text", async () => {
    const page = async (source: string) => {
      const slug = report.published.find((p) => p.source === source)!.slug;
      return readFile(path.join(work, "site/articles", slug, "index.html"), "utf8");
    };
    assert.match(await page("utf16.txt"), /<h1>UTF-16 headline from a Windows tool<\/h1>/);
    assert.match(await page("utf8-bom.txt"), /<h1>Headline of a file with a byte-order mark<\/h1>/);
    assert.match(await page("cp1252.txt"), /<h1>Café owners protest in Latin-1<\/h1>/);
    assert.match(await page("cp1252.txt"), /“Quoted”/);
    const bad = report.published.find((p) => p.source === "bad-utf8.txt")!;
    assert.ok(bad.warnings.some((w) => /invalid UTF-8 at byte offset \d+/.test(w)));
  });

  it("should keep awkward titles as titles, shown as text", async () => {
    const page = async (source: string) => {
      const slug = report.published.find((p) => p.source === source)!.slug;
      return readFile(path.join(work, "site/articles", slug, "index.html"), "utf8");
    };
    assert.match(await page("con.txt"), /<h1>CON<\/h1>/);
    assert.match(await page("emoji.txt"), /<h1>😀🔥💥<\/h1>/);
    assert.match(await page("traversal.txt"), /<h1>\.\.\/\.\.\/etc\/passwd<\/h1>/);
    assert.match(await page("arabic.txt"), /<h1>سوريا: مقتل عشرات في درعا<\/h1>/);
  });

  it("should give every article a unique readable slug that stays in the output folder", () => {
    const slugs = report.published.map((p) => p.slug);
    assert.equal(new Set(slugs).size, slugs.length);
    for (const slug of slugs) assert.match(slug, /^[a-z0-9][a-z0-9-]{0,79}$/, slug);
    const same = report.published.filter((p) => p.source.startsWith("same-")).map((p) => p.slug).sort();
    assert.deepEqual(same, ["two-articles-share-this-headline", "two-articles-share-this-headline-2"]);
  });

  it("should write nothing outside the output folder", async () => {
    const outside = (await listTree(work)).filter((f) => !f.startsWith("in/") && !f.startsWith("site/") && !f.startsWith(".clippings/"));
    assert.deepEqual(outside, []);
  });
});

/** At least 100 distinct script-injection vectors. */
function xssVectors(): string[] {
  const payloads = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<iframe src=javascript:alert(1)></iframe>",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href='data:text/html,<script>alert(1)</script>'>x</a>",
    "<body onload=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<math><mtext></table><img src=x onerror=alert(1)>",
    "<object data=javascript:alert(1)>",
    "<embed src=javascript:alert(1)>",
    "<base href=javascript:alert(1)//>",
    "<meta http-equiv=refresh content=0;url=javascript:alert(1)>",
    "<style>*{background:url(javascript:alert(1))}</style>",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<input autofocus onfocus=alert(1)>",
    "[x](javascript:alert(1))",
    "<scr<script>ipt>alert(1)</script>",
    "{{ constructor.constructor('alert(1)')() }}",
  ];
  const breakouts = ["", "\">", "'>", "</title>", "--></textarea></script>"];
  return breakouts.flatMap((b) => payloads.map((p) => `${b}${p}`));
}

describe("build: injection", () => {
  let work: string;
  before(async () => {
    work = await mkdtemp(path.join(os.tmpdir(), "clippings-xss-"));
    const input = path.join(work, "in");
    const vectors = xssVectors();
    assert.ok(vectors.length >= 100);
    const files: Record<string, string> = {};
    const topics: string[] = [];
    vectors.forEach((v, i) => {
      const name = `x${String(i).padStart(3, "0")}`;
      files[`${name}.txt`] = `Headline ${i} ${v}\n\nParagraph about Daraa with ${vectors[(i + 1) % vectors.length]} inside the text of the article.\n\n${vectors[(i + 2) % vectors.length]}\n`;
      files[`${name}.meta.yml`] = `publisher: ${JSON.stringify(vectors[(i + 3) % vectors.length])}\nauthors: [${JSON.stringify(vectors[(i + 4) % vectors.length])}]\nsection: ${JSON.stringify(v)}\n`;
      topics.push(`- name: ${JSON.stringify(`Topic ${i} ${v}`)}\n  slug: topic-${i}\n  kind: subject\n  description: ${JSON.stringify(v)}\n  aliases: [${JSON.stringify(`Headline ${i}`)}]`);
    });
    files["topics.yml"] = `${topics.join("\n")}\n`;
    await writeInput(input, files);
    await build({ input, out: path.join(work, "site") });
  });
  after(() => rm(work, { recursive: true, force: true }));

  it("should produce no executable construct in any page", async () => {
    assert.deepEqual(await scanSite(path.join(work, "site")), []);
  });

  it("should still show the vectors as text", async () => {
    const pages = (await listTree(path.join(work, "site"))).filter((f) => f.startsWith("articles/"));
    assert.ok(pages.length >= 100);
    const html = await readFile(path.join(work, "site", pages[0]!), "utf8");
    assert.match(html, /&lt;/);
  });
});

describe("build: trustworthy output", () => {
  it("should be byte-identical across checkouts, time zones and file orders", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "clippings-determinism-"));
    try {
      await cp(path.join(ROOT, "seeds"), path.join(work, "a"), { recursive: true });
      // A second checkout, its files written in the opposite order.
      const names = (await listTree(path.join(ROOT, "seeds"))).reverse();
      await mkdir(path.join(work, "b"));
      for (const n of names) await writeFile(path.join(work, "b", n), await readFile(path.join(ROOT, "seeds", n)));
      const runBuild = (input: string, out: string, tz: string) =>
        new Promise<void>((resolve, reject) => {
          const child = spawn(process.execPath, [path.join(ROOT, "bin/clippings.js"), "build", "--input", input, "--out", out], {
            env: { ...process.env, TZ: tz },
            stdio: "ignore",
          });
          child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`build exited ${code}`))));
        });
      await runBuild(path.join(work, "a"), path.join(work, "out-a"), "UTC");
      await runBuild(path.join(work, "b"), path.join(work, "out-b"), "Pacific/Kiritimati");
      await assertSameTree(path.join(work, "out-a"), path.join(work, "out-b"));
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });

  it("should leave the previous site intact when a build is killed at any point", async () => {
    const work = await mkdtemp(path.join(os.tmpdir(), "clippings-kill-"));
    try {
      const out = path.join(work, "dist");
      await build({ input: path.join(ROOT, "seeds"), out });
      const before = await listTree(out);
      const home = await readFile(path.join(out, "index.html"));
      const delays = [0, 50, 100, 200, 300, 450, 600, 800, 1000, 1300, 1700];
      for (const delay of delays) {
        // --no-cache: a build that reused the last one's work could finish before the kill.
        const child = spawn(process.execPath, [path.join(ROOT, "bin/clippings.js"), "build", "--input", path.join(ROOT, "seeds"), "--out", out, "--no-cache"], { stdio: "ignore" });
        const exited = new Promise((r) => child.on("exit", r));
        await new Promise((r) => setTimeout(r, delay));
        child.kill("SIGKILL");
        await exited;
        assert.deepEqual(await listTree(out), before, `after a kill at ${delay} ms`);
        assert.ok((await readFile(path.join(out, "index.html"))).equals(home));
      }
    } finally {
      await rm(work, { recursive: true, force: true });
    }
  });
});
