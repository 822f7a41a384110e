/**
 * Benchmark of the archive-wide stages: duplicate detection (shingles, MinHash LSH), removal of
 * paragraphs a source repeats (furniture), and topic assignment (vocabulary folding and name discovery), on synthetic archives made of sentences
 * from a real corpus, at growing sizes. Prints the median of three runs per stage and its
 * ratio to a reference pass measured in the same run (lower-casing and splitting every body
 * into words), so figures compare across machines.
 *
 * Usage: node --import tsx scripts/bench-dedupe-topics.ts CORPUS_DIR [VOCABULARY_YML] [SIZES]
 * e.g.   node --import tsx scripts/bench-dedupe-topics.ts test/fixtures/fa-kes seeds/topics.yml 1000,10000,100000
 */
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { markDuplicates } from "../src/dedupe/duplicates.js";
import { removeFurniture } from "../src/dedupe/furniture.js";
import type { ArticleRecord } from "../src/record.js";
import { assignTopics } from "../src/topics/assign.js";
import { parseVocabulary } from "../src/topics/vocabulary.js";

const [corpus, vocabularyFile, sizesArg] = process.argv.slice(2);
if (!corpus) {
  process.stderr.write("usage: bench-dedupe-topics.ts CORPUS_DIR [VOCABULARY_YML] [SIZES]\n");
  process.exit(2);
}
const sizes = (sizesArg ?? "1000,10000").split(",").map(Number);
const vocabulary = vocabularyFile ? parseVocabulary(await readFile(vocabularyFile, "utf8")) : [];
const sentences: string[] = [];
for (const name of (await readdir(corpus)).filter((n) => n.endsWith(".txt"))) {
  const body = (await readFile(path.join(corpus, name), "utf8")).split("\n").slice(2).join(" ");
  sentences.push(...body.split(/(?<=\.)\s+/).filter((s) => s.length > 40));
}

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function archive(size: number): ArticleRecord[] {
  const next = random(size);
  const records: ArticleRecord[] = [];
  for (let i = 0; i < size; i++) {
    const copyOf = i > 0 && next() < 0.01 ? records[Math.floor(next() * i)] : undefined;
    const body = copyOf
      ? copyOf.body.map((b) => ({ ...b }))
      : Array.from({ length: 4 }, () => ({ type: "paragraph" as const, text: Array.from({ length: 4 }, () => sentences[Math.floor(next() * sentences.length)]).join(" ") }));
    records.push({
      source: `a${i}.txt`, slug: `a${i}`, title: `Article ${i}`, subtitle: null, authors: [], publisher: null,
      published: `2017-01-${String(1 + (i % 28)).padStart(2, "0")}`, updated: null, dateline: null, section: null,
      body, removed: [], warnings: [], topics: [],
    });
  }
  return records;
}

function median(values: number[]): number {
  return [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
}

function time(run: () => void): number {
  const runs = [];
  for (let i = 0; i < 3; i++) {
    const start = performance.now();
    run();
    runs.push(performance.now() - start);
  }
  return median(runs);
}

process.stdout.write(`corpus: ${sentences.length} sentences; vocabulary: ${vocabulary.length} topics\n`);
process.stdout.write("articles  reference ms  duplicates ms (×ref, µs/article)  furniture ms (×ref, µs/article)  topics ms (×ref, µs/article)  merged  topics  heap MB\n");
for (const size of sizes) {
  const records = archive(size);
  const reference = time(() => {
    let words = 0;
    for (const r of records) for (const b of r.body) words += b.text.toLowerCase().split(/\s+/).length;
    if (words < 0) throw new Error("unreachable");
  });
  let merged = 0;
  const duplicates = time(() => {
    for (const r of records) delete r.duplicateOf;
    merged = markDuplicates(records).reduce((n, g) => n + g.copies.length, 0);
  });
  const furniture = time(() => removeFurniture(records));
  let topicCount = 0;
  const topics = time(() => {
    topicCount = assignTopics(records.filter((r) => r.duplicateOf === undefined), vocabulary).length;
  });
  const fmt = (ms: number) => `${ms.toFixed(0)} (×${(ms / reference).toFixed(1)}, ${((ms * 1000) / size).toFixed(0)})`;
  const heap = (process.memoryUsage().heapUsed / 1e6).toFixed(0);
  process.stdout.write(
    `${String(size).padStart(8)}  ${reference.toFixed(1).padStart(12)}  ${fmt(duplicates).padStart(32)}  ${fmt(furniture).padStart(31)}  ${fmt(topics).padStart(28)}  ${String(merged).padStart(6)}  ${String(topicCount).padStart(6)}  ${heap.padStart(7)}\n`,
  );
}
