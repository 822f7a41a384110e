/** `clippings check`: what the parser makes of each input file, for an editor to review. */
import { extractRecord } from "../parse/batch.js";
import { readSources } from "../read/sources.js";
import type { ArticleRecord } from "../record.js";

/** Totals printed after the per-file reports. */
export interface CheckSummary {
  readonly files: number;
  readonly skipped: number;
  readonly failed: number;
  readonly withoutDate: number;
  readonly withWarnings: number;
  readonly removedLines: number;
}

const SHOWN_TEXT = 90;

/**
 * Parse every article of `input` and write a report: per file the fields found, every line
 * removed with its reason, and the warnings; then a summary.
 *
 * @param input Folder of article files.
 * @param write Where the report goes (one call per line).
 * @returns The summary totals.
 */
export async function checkFolder(input: string, write: (line: string) => void): Promise<CheckSummary> {
  const sources = await readSources(input);
  let failed = 0;
  let withoutDate = 0;
  let withWarnings = 0;
  let removedLines = 0;
  for (const file of sources.files) {
    let record: ArticleRecord;
    try {
      record = extractRecord(file);
    } catch (error) {
      failed++;
      write(`${file.name}\n  ERROR ${(error as Error).message}\n`);
      continue;
    }
    if (record.published === null) withoutDate++;
    if (record.warnings.length > 0) withWarnings++;
    removedLines += record.removed.length;
    write(formatRecord(record));
  }
  for (const skip of sources.skipped) write(`${skip.name}\n  SKIPPED ${skip.reason}\n`);
  const summary: CheckSummary = {
    files: sources.files.length,
    skipped: sources.skipped.length,
    failed,
    withoutDate,
    withWarnings,
    removedLines,
  };
  write(
    `Checked ${summary.files} files in ${input}: ${summary.failed} could not be parsed, ${summary.skipped} skipped, ` +
      `${summary.withoutDate} without a publication date, ${summary.withWarnings} with warnings, ` +
      `${summary.removedLines} lines removed.`,
  );
  return summary;
}

/**
 * One file's report: fields, removed lines grouped by reason, warnings.
 *
 * @param record A parsed record.
 * @returns Lines of text ending with a newline.
 */
export function formatRecord(record: ArticleRecord): string {
  const out: string[] = [record.source];
  const field = (name: string, value: string | null) => out.push(`  ${name.padEnd(10)} ${value ?? "-"}`);
  field("title", record.title);
  field("subtitle", record.subtitle);
  field("authors", record.authors.length > 0 ? record.authors.join(", ") : null);
  field("publisher", record.publisher);
  field("published", record.published);
  field("updated", record.updated);
  field("dateline", record.dateline);
  field("section", record.section);
  const kinds = new Map<string, number>();
  for (const block of record.body) kinds.set(block.type, (kinds.get(block.type) ?? 0) + 1);
  field("body", [...kinds].map(([type, n]) => `${n} ${type}${n === 1 ? "" : "s"}`).join(", ") || null);
  const byReason = new Map<string, string[]>();
  for (const line of record.removed) byReason.set(line.reason, [...(byReason.get(line.reason) ?? []), line.text]);
  for (const [reason, lines] of byReason) {
    out.push(`  removed    ${reason} (${lines.length})`);
    for (const text of lines.slice(0, 5)) out.push(`    - ${shorten(text)}`);
    if (lines.length > 5) out.push(`    … ${lines.length - 5} more`);
  }
  for (const warning of record.warnings) out.push(`  warning    ${warning}`);
  return `${out.join("\n")}\n`;
}

function shorten(text: string): string {
  return text.length > SHOWN_TEXT ? `${text.slice(0, SHOWN_TEXT - 1)}…` : text;
}
