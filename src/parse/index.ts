/** The parse stage: one source file in, one article record out. */
import { decodeBytes } from "../read/decode.js";
import type { SourceFile } from "../read/sources.js";
import type { ArticleRecord } from "../record.js";
import { extractFromMarkdown } from "./markdown.js";
import { normalizeText } from "./normalize.js";
import { applyOverrides, readSidecar } from "./overrides.js";
import { makeSlug } from "./slug.js";
import { extractFromText, type ExtractedFields } from "./text.js";

/**
 * Parse one source file into an article record: decode, normalise, extract, then apply
 * front matter and sidecar corrections.
 *
 * @param file The file's name, bytes and sidecar text.
 * @returns The record (its slug is a proposal until the build makes slugs unique).
 * @throws Error naming the file when its front matter or sidecar is not valid YAML.
 */
export function parseSource(file: SourceFile): ArticleRecord {
  const decoded = decodeBytes(file.bytes);
  const normalized = normalizeText(decoded.text);
  let fields: ExtractedFields;
  let frontMatter: Readonly<Record<string, unknown>> | null = null;
  if (/\.(md|markdown)$/i.test(file.name)) {
    const md = wrap(file.name, "front matter", () => extractFromMarkdown(normalized.text));
    fields = md.fields;
    frontMatter = md.frontMatter;
  } else {
    fields = extractFromText(normalized.text);
  }
  const record: ArticleRecord = {
    source: file.name,
    slug: "",
    ...fields,
    warnings: [...decoded.warnings, ...normalized.warnings, ...fields.warnings],
    topics: [],
  };
  if (frontMatter) applyOverrides(record, frontMatter, "front matter");
  if (file.sidecar !== null) {
    const sidecar = wrap(file.name, "sidecar", () => readSidecar(file.sidecar!));
    applyOverrides(record, sidecar, "sidecar");
  }
  if (!record.title) record.title = file.name.replace(/^.*\//, "").replace(/\.[^.]+$/, "");
  if (!record.slug) record.slug = makeSlug(record.title, file.name);
  return record;
}

function wrap<T>(name: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    throw new Error(`${name}: invalid ${what}: ${(error as Error).message.split("\n")[0]}`, { cause: error });
  }
}
