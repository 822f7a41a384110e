/**
 * The search page's script: reads `?q=` and the filters, runs the query against the sharded
 * index, and lists results inside <main> — title, date, publisher and an excerpt with the
 * matched words in <mark>. Everything shown is built with DOM APIs (text nodes and elements);
 * nothing typed or indexed is ever parsed as HTML.
 */
import { SearchEngine, type Filters, type Hit, type SearchOutcome } from "./engine.js";
import { excerpt, markSpans, segment, type Segment } from "./excerpt.js";
import { FILTER_KINDS, type FilterOptions } from "./format.js";
import { MAX_GROUPS, type Lunr } from "./query.js";

declare const lunr: Lunr;

/** Results shown at once (and added by "Show more"). */
const PAGE_SIZE = 10;

const form = document.getElementById("search-form") as HTMLFormElement | null;
const input = document.getElementById("q") as HTMLInputElement | null;
const status = document.getElementById("search-status");
const results = document.getElementById("search-results") as HTMLOListElement | null;
const filterBox = document.getElementById("search-filters") as HTMLFieldSetElement | null;
const more = document.getElementById("search-more") as HTMLButtonElement | null;
const base = results?.dataset.base ?? "/";

const engine = new SearchEngine(lunr, async (path) => {
  const response = await fetch(`${base}${path}`);
  if (response.status === 404) return null;
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return response.json();
});

let current: { outcome: SearchOutcome; shown: number } | null = null;
let generation = 0;

/** Reads the query and filters from the address bar. */
function fromLocation(): { query: string; filters: Filters } {
  const params = new URLSearchParams(location.search);
  const filters: Filters = {};
  for (const kind of FILTER_KINDS) {
    const value = params.get(kind);
    if (value) filters[kind] = value;
  }
  return { query: params.get("q") ?? "", filters };
}

/** Reads the query and filters from the form. */
function fromForm(): { query: string; filters: Filters } {
  const filters: Filters = {};
  for (const kind of FILTER_KINDS) {
    const select = form?.elements.namedItem(kind) as HTMLSelectElement | null;
    if (select?.value) filters[kind] = select.value;
  }
  return { query: input?.value ?? "", filters };
}

function toUrl(query: string, filters: Filters): string {
  const params = new URLSearchParams({ q: query });
  for (const kind of FILTER_KINDS) if (filters[kind]) params.set(kind, filters[kind]!);
  return `${location.pathname}?${params}`;
}

/** Fills the filter menus from the index's options and shows them. */
function setUpFilters(options: FilterOptions, chosen: Filters): void {
  if (!form || !filterBox) return;
  for (const kind of FILTER_KINDS) {
    const select = form.elements.namedItem(kind) as HTMLSelectElement | null;
    if (!select) continue;
    select.replaceChildren(new Option("Any", ""));
    for (const [label, value, , count] of options[kind]) select.append(new Option(`${label} (${count})`, value));
    select.value = options[kind].some((o) => o[1] === chosen[kind]) ? chosen[kind]! : "";
  }
  filterBox.hidden = false;
}

function appendSegments(parent: HTMLElement, segments: readonly Segment[]): void {
  for (const s of segments) {
    if (s.mark) {
      const mark = document.createElement("mark");
      mark.textContent = s.text;
      parent.append(mark);
    } else {
      parent.append(document.createTextNode(s.text));
    }
  }
}

async function renderItems(outcome: SearchOutcome, hits: readonly Hit[]): Promise<HTMLLIElement[]> {
  const docs = await Promise.all(hits.map((h) => engine.doc(h.doc)));
  const items: HTMLLIElement[] = [];
  for (const doc of docs) {
    if (!doc) continue;
    const item = document.createElement("li");
    item.className = "search-result";
    const heading = document.createElement("h2");
    const link = document.createElement("a");
    link.href = `${base}articles/${encodeURIComponent(doc.s)}/`;
    appendSegments(link, segment(doc.t, markSpans(lunr, doc.t, outcome.highlights)));
    heading.append(link);
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = doc.p ? `${doc.d} · ${doc.p}` : doc.d;
    const text = document.createElement("p");
    text.className = "excerpt";
    appendSegments(text, excerpt(lunr, doc.x, outcome.highlights));
    item.append(heading, meta, text);
    items.push(item);
  }
  return items;
}

function describe(query: string, outcome: SearchOutcome, filters: Filters): string {
  const shown = query.trim().length > 80 ? `${query.trim().slice(0, 80)}…` : query.trim();
  if (outcome.parsed.groups.length === 0) return `No searchable words in “${shown}” (very common words are left out).`;
  const n = outcome.hits.length;
  const narrowed = FILTER_KINDS.filter((k) => filters[k]).map((k) => `${k} ${filters[k]}`);
  let text = `${n} article${n === 1 ? "" : "s"} found for “${shown}”`;
  if (narrowed.length) text += ` (${narrowed.join(", ")})`;
  text += ".";
  if (outcome.parsed.truncated) text += ` Only the first ${MAX_GROUPS} words were searched.`;
  return text;
}

async function run(query: string, filters: Filters): Promise<void> {
  if (!results || !status) return;
  const mine = ++generation;
  results.dataset.state = "loading";
  current = null;
  if (more) more.hidden = true;
  if (!query.trim()) {
    results.replaceChildren();
    status.textContent = "Type words to search the archive.";
    results.dataset.state = "done";
    results.dataset.query = query;
    return;
  }
  status.textContent = "Searching…";
  try {
    const outcome = await engine.search(query, filters);
    const items = await renderItems(outcome, outcome.hits.slice(0, PAGE_SIZE));
    if (mine !== generation) return;
    results.replaceChildren(...items);
    status.textContent = describe(query, outcome, filters);
    current = { outcome, shown: PAGE_SIZE };
    if (more) more.hidden = outcome.hits.length <= PAGE_SIZE;
    results.dataset.query = query;
    results.dataset.state = "done";
  } catch (error) {
    if (mine !== generation) return;
    console.error(error);
    results.replaceChildren();
    status.textContent = "The search index could not be loaded. Try again, or browse the topics.";
    results.dataset.state = "error";
  }
}

async function showMore(): Promise<void> {
  if (!current || !results || !more) return;
  const { outcome, shown } = current;
  const items = await renderItems(outcome, outcome.hits.slice(shown, shown + PAGE_SIZE));
  if (current?.outcome !== outcome) return;
  results.append(...items);
  current.shown = shown + PAGE_SIZE;
  more.hidden = outcome.hits.length <= current.shown;
  items[0]?.querySelector("a")?.focus();
}

function start(): void {
  const { query, filters } = fromLocation();
  if (input) input.value = query;
  void engine.meta().catch(() => undefined);
  form?.addEventListener("submit", (event) => {
    event.preventDefault();
    const next = fromForm();
    history.pushState(null, "", toUrl(next.query, next.filters));
    void run(next.query, next.filters);
  });
  filterBox?.addEventListener("change", () => form?.requestSubmit());
  let typing: ReturnType<typeof setTimeout> | undefined;
  input?.addEventListener("input", () => {
    clearTimeout(typing);
    typing = setTimeout(() => engine.prefetch(input.value).catch(() => undefined), 150);
  });
  more?.addEventListener("click", () => void showMore());
  input?.addEventListener("focus", () => void engine.prefetch(input.value).catch(() => undefined));
  window.addEventListener("popstate", () => {
    const next = fromLocation();
    if (input) input.value = next.query;
    for (const kind of FILTER_KINDS) {
      const select = form?.elements.namedItem(kind) as HTMLSelectElement | null;
      if (select) select.value = next.filters[kind] ?? "";
    }
    void run(next.query, next.filters);
  });
  // The filter menus are filled once the first results are shown, so they never delay them.
  void run(query, filters).then(() =>
    engine
      .filters()
      .then((options) => setUpFilters(options, filters))
      .catch(() => undefined),
  );
}

start();
