/** Corrections from front matter or a `.meta.yml` sidecar: fields stated there win. */
import matter from "gray-matter";
import { CORE_SCHEMA, load } from "js-yaml";
import type { ArticleRecord } from "../record.js";

/** Front-matter or sidecar data, as YAML gives it. */
export type OverrideData = Readonly<Record<string, unknown>>;

const STRING_FIELDS = ["title", "subtitle", "publisher", "dateline", "section"] as const;
const KNOWN = new Set([...STRING_FIELDS, "authors", "author", "published", "date", "updated", "topics", "slug"]);

/**
 * Options for gray-matter that read YAML without turning dates into `Date` objects: a date stays
 * the text it was written as, so `2016-02-31` is refused instead of rolling over to March.
 */
export const MATTER_OPTIONS = Object.freeze({
  engines: { yaml: (text: string) => (load(text, { schema: CORE_SCHEMA }) ?? {}) as object },
});

/**
 * Read a `.meta.yml` sidecar as front matter.
 *
 * @param yaml Sidecar text.
 * @returns Its fields (an empty object for an empty file).
 * @throws Error with the YAML parser's message when the text is not valid YAML.
 */
export function readSidecar(yaml: string): OverrideData {
  const data = matter(`---\n${yaml}\n---\n`, MATTER_OPTIONS).data as unknown;
  return data && typeof data === "object" && !Array.isArray(data) ? (data as OverrideData) : {};
}

/**
 * Apply corrections to a record, in place. Unknown fields and values of the wrong type are
 * reported in `record.warnings` and otherwise ignored.
 *
 * @param record The record to correct.
 * @param data Fields to set.
 * @param origin Where the data came from, for warnings (e.g. `front matter`).
 */
export function applyOverrides(record: ArticleRecord, data: OverrideData, origin: string): void {
  for (const [key, value] of Object.entries(data)) {
    if (!KNOWN.has(key)) {
      record.warnings.push(`${origin}: unknown field "${key}" ignored`);
      continue;
    }
    if (value === null || value === undefined) continue;
    switch (key) {
      case "authors":
      case "author": {
        const list = stringList(value);
        if (list) record.authors = list;
        else record.warnings.push(`${origin}: "${key}" must be a string or a list of strings`);
        break;
      }
      case "published":
      case "date":
      case "updated": {
        const iso = toIsoDate(value);
        if (iso === null) record.warnings.push(`${origin}: "${key}" is not a date (YYYY-MM-DD)`);
        else if (key === "updated") record.updated = iso;
        else record.published = iso;
        break;
      }
      case "topics": {
        const list = stringList(value);
        if (list) record.topics = [...new Set([...record.topics, ...list])];
        else record.warnings.push(`${origin}: "topics" must be a list of names`);
        break;
      }
      case "slug":
        if (typeof value === "string" && /^[a-z0-9][a-z0-9-]{0,79}$/.test(value)) record.slug = value;
        else record.warnings.push(`${origin}: "slug" must be lower-case letters, digits and hyphens`);
        break;
      default: {
        if (typeof value !== "string" && typeof value !== "number") {
          record.warnings.push(`${origin}: "${key}" must be text`);
          break;
        }
        (record as unknown as Record<string, unknown>)[key] = String(value).trim();
      }
    }
  }
}

function stringList(value: unknown): string[] | null {
  if (typeof value === "string") return [value.trim()].filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.map((v) => v.trim()).filter(Boolean);
  return null;
}

function toIsoDate(value: unknown): string | null {
  if (value instanceof Date && !Number.isNaN(value.getTime())) {
    const iso = value.toISOString();
    return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso.replace(/\.\d{3}Z$/, "Z");
  }
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/.test(value.trim())) {
    const text = value.trim();
    return isCalendarDate(text.slice(0, 10)) && !Number.isNaN(Date.parse(text)) ? text : null;
  }
  return null;
}

/** Whether `YYYY-MM-DD` names a day that exists (no 31 February, no month 13). */
function isCalendarDate(ymd: string): boolean {
  const [y, m, d] = ymd.split("-").map(Number) as [number, number, number];
  const date = new Date(0);
  date.setUTCFullYear(y, m - 1, d);
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}
