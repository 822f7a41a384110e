/**
 * The search page's script: loads the prebuilt Lunr index, reads `?q=`, and lists matching
 * articles inside <main>. Results are built with DOM APIs only; nothing is inserted as HTML.
 */
import type LunrModule from "lunr";

declare const lunr: typeof LunrModule;

interface SearchDoc {
  t: string;
  d: string;
  p: string;
  e: string;
}

const results = document.getElementById("search-results") as HTMLOListElement | null;
const status = document.getElementById("search-status");
const input = document.getElementById("q") as HTMLInputElement | null;
const base = results?.dataset.base ?? "/";

/** Words of a query as index terms: tokenised, trimmed, stop words dropped. */
function queryTerms(query: string): string[] {
  const terms: string[] = [];
  for (const token of lunr.tokenizer(query.slice(0, 500))) {
    const trimmed = lunr.trimmer(token);
    if (!trimmed || !lunr.stopWordFilter(trimmed)) continue;
    const text = trimmed.toString();
    if (text && !terms.includes(text)) terms.push(text);
  }
  return terms;
}

/** Articles matching every word of `query`, best first. */
function search(index: LunrModule.Index, query: string): LunrModule.Index.Result[] {
  const terms = queryTerms(query);
  if (terms.length === 0) return [];
  try {
    return index.query((q) => {
      for (const term of terms) q.term(term, { presence: lunr.Query.presence.REQUIRED });
    });
  } catch {
    return [];
  }
}

function show(found: LunrModule.Index.Result[], docs: Record<string, SearchDoc>, query: string): void {
  if (!results || !status) return;
  results.replaceChildren();
  status.textContent = `${found.length} article${found.length === 1 ? "" : "s"} found for “${query.trim()}”.`;
  for (const hit of found) {
    const doc = docs[hit.ref];
    if (!doc) continue;
    const item = document.createElement("li");
    const heading = document.createElement("h3");
    const link = document.createElement("a");
    link.href = `${base}articles/${encodeURIComponent(hit.ref)}/`;
    link.textContent = doc.t;
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = doc.p ? `${doc.d} · ${doc.p}` : doc.d;
    const excerpt = document.createElement("p");
    excerpt.className = "excerpt";
    excerpt.textContent = doc.e.length > 240 ? `${doc.e.slice(0, 240)}…` : doc.e;
    item.append(heading, meta, excerpt);
    results.append(item);
  }
}

async function main(): Promise<void> {
  const query = new URLSearchParams(location.search).get("q") ?? "";
  if (input) input.value = query;
  if (!status) return;
  if (!query.trim()) {
    status.textContent = "Type words to search the archive.";
    return;
  }
  status.textContent = "Searching…";
  try {
    const [indexJson, docs] = await Promise.all([
      fetch(`${base}search/index.json`).then((r) => r.json()),
      fetch(`${base}search/docs.json`).then((r) => r.json() as Promise<Record<string, SearchDoc>>),
    ]);
    show(search(lunr.Index.load(indexJson), query), docs, query);
  } catch {
    status.textContent = "The search index could not be loaded.";
  }
}

void main();
