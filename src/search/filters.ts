/** Filter options (topic, publisher, year) and the articles each one keeps. */
import { deltaEncode, hash32, type FilterKind, type FilterOption } from "../client/format.js";
import type { SearchRecord, SearchTopic } from "./lunr-index.js";

/**
 * Filter options by kind, and each option's file content (delta-coded doc numbers). File names
 * come from a hash of the option's value, so adding an option leaves the others' files alone.
 */
export interface FilterIndex {
  readonly options: Record<FilterKind, FilterOption[]>;
  readonly files: Map<string, number[]>;
}

/**
 * Group articles by topic, publisher and year of publication.
 *
 * @param records Records in doc-number order.
 * @param ids Doc number of each record.
 * @param topics Topic pages (for names and slugs).
 * @returns Options and files.
 */
export function buildFilters(records: readonly Omit<SearchRecord, "body">[], ids: readonly number[], topics: readonly SearchTopic[]): FilterIndex {
  const slugOf = new Map(topics.map((t) => [t.topic.name, t.topic.slug]));
  const groups: Record<FilterKind, Map<string, { label: string; docs: number[] }>> = { topic: new Map(), publisher: new Map(), year: new Map() };
  const add = (kind: FilterKind, value: string, label: string, doc: number) => {
    let group = groups[kind].get(value);
    if (!group) groups[kind].set(value, (group = { label, docs: [] }));
    if (group.docs[group.docs.length - 1] !== doc) group.docs.push(doc);
  };
  records.forEach((r, i) => {
    const doc = ids[i]!;
    for (const topic of r.topics) add("topic", slugOf.get(topic) ?? topic, topic, doc);
    if (r.publisher) add("publisher", r.publisher, r.publisher, doc);
    const year = r.published?.match(/^\d{4}/)?.[0];
    if (year) add("year", year, year, doc);
  });
  const files = new Map<string, number[]>();
  const collator = new Intl.Collator();
  const options = {} as Record<FilterKind, FilterOption[]>;
  for (const kind of ["topic", "publisher", "year"] as const) {
    const entries = [...groups[kind]].sort(([a, x], [b, y]) => (kind === "year" ? collator.compare(b, a) : collator.compare(x.label, y.label)));
    options[kind] = entries.map(([value, group]): FilterOption => {
      let file = `${kind}-${hash32(value).toString(36)}`;
      while (files.has(file)) file += "x";
      files.set(file, deltaEncode(group.docs));
      return [group.label, value, file, group.docs.length];
    });
  }
  return { options, files };
}
