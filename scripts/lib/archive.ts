/**
 * Synthetic archives for benchmarks: articles made of sentences and headlines taken from a real
 * corpus, with deterministic pseudo-random choices so every run sees the same input.
 */
import { mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";

/** Outlets spread over generated articles. */
export const PUBLISHERS = ["Reuters", "SANA", "Al-Ahram", "Al-Manar", "Al-Alam", "Al-Araby", "Daily Sabah", "Sputnik", "Jordan Times"];

/** One generated article. */
export interface GeneratedArticle {
  readonly name: string;
  readonly title: string;
  readonly publisher: string;
  readonly published: string;
  readonly paragraphs: readonly string[];
}

/**
 * Deterministic pseudo-random numbers in [0, 1) (mulberry32).
 *
 * @param seed Any 32-bit integer.
 */
export function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Generate `count` articles from the headlines and sentences of a corpus of `.txt` files
 * (headline on the first line).
 *
 * @param corpus Folder of `.txt` articles.
 * @param count How many articles.
 * @param seed Seed for the choices.
 */
export async function* generateArticles(corpus: string, count: number, seed = 20180801): AsyncGenerator<GeneratedArticle> {
  const names = (await readdir(corpus)).filter((n) => n.endsWith(".txt")).sort();
  if (names.length === 0) throw new Error(`${corpus}: no .txt articles found`);
  const headlines: string[] = [];
  const sentences: string[] = [];
  for (const name of names) {
    const [head, ...rest] = (await readFile(path.join(corpus, name), "utf8")).split("\n");
    if (head?.trim()) headlines.push(head.trim());
    for (const s of rest.join(" ").split(/(?<=[.!?]["”]?)\s+(?=["“]?[A-Z])/)) {
      const sentence = s.trim();
      if (sentence.length >= 40 && sentence.length <= 400) sentences.push(sentence);
    }
  }
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  for (let i = 0; i < count; i++) {
    const paragraphs: string[] = [];
    const total = 6 + Math.floor(rand() * 25);
    for (let n = 0; n < total; ) {
      const size = Math.min(total - n, 1 + Math.floor(rand() * 4));
      paragraphs.push(Array.from({ length: size }, () => pick(sentences)).join(" "));
      n += size;
    }
    const title = pick(headlines);
    const published = new Date(Date.UTC(2011, 0, 1) + Math.floor(rand() * 8 * 365) * 86_400_000).toISOString().slice(0, 10);
    yield { name: `article-${String(i).padStart(6, "0")}`, title, publisher: pick(PUBLISHERS), published, paragraphs };
  }
}

/**
 * Write a generated archive as Clippings input: one `.txt` per article with a `.meta.yml`
 * sidecar naming its title, outlet and date, and the project's topic vocabulary.
 *
 * @param corpus Folder of `.txt` articles to take text from.
 * @param count How many articles.
 * @param dir Folder to (re)create.
 * @param vocabulary Path of a `topics.yml` to copy in, if any.
 */
export async function writeArchive(corpus: string, count: number, dir: string, vocabulary?: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  if (vocabulary) await writeFile(path.join(dir, "topics.yml"), await readFile(vocabulary));
  for await (const a of generateArticles(corpus, count)) {
    const base = path.join(dir, a.name);
    await writeFile(`${base}.txt`, `${a.title}\n\n${a.paragraphs.join("\n\n")}\n`);
    await writeFile(`${base}.meta.yml`, `title: ${JSON.stringify(a.title)}\npublisher: ${JSON.stringify(a.publisher)}\npublished: ${a.published}\n`);
  }
}
