/** Text hygiene: line endings, invisible and non-breaking spaces, mojibake. */
import iconv from "iconv-lite";

/** Marker that stands in for text that could not be repaired. */
export const UNREADABLE = "[unreadable]";

/** Normalised text and what was done to it. */
export interface NormalizedText {
  readonly text: string;
  readonly warnings: string[];
}

const CP1252_ENCODE = buildCp1252Encoder();
/** C0 control characters (but line feed) and DEL: not text, and invalid in HTML and XML. */
const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f]/g;
/** A run that looks like UTF-8 bytes read as Windows-1252 (e.g. `â€™`, `Ã©`). */
const MOJIBAKE_RUN = /[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]{1,3}/g;
/** A token made only of Latin-1 symbols and accented capitals with no ASCII letter: garbled text. */
const GARBLED_TOKEN = /(?<![\p{L}\p{N}])[\u0080-\u00ff\u0152-\u02dc]{2,}(?![\p{L}\p{N}])/gu;

/**
 * Normalise scraped text: LF line endings, plain spaces for non-breaking and zero-width ones,
 * control characters removed, mojibake repaired where it can be, unrepairable fragments replaced
 * by {@link UNREADABLE}.
 *
 * @param input Decoded file text.
 * @returns The clean text and warnings about repairs.
 */
export function normalizeText(input: string): NormalizedText {
  const warnings: string[] = [];
  let text = input
    .replace(/^\ufeff/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, "")
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g, " ");
  const controls = (text.match(CONTROL) ?? []).length;
  if (controls > 0) {
    text = text.replace(CONTROL, "");
    warnings.push(`removed ${controls} control character${controls === 1 ? "" : "s"}`);
  }

  let repaired = 0;
  for (let pass = 0; pass < 2; pass++) {
    const next = text.replace(MOJIBAKE_RUN, (run) => {
      const fixed = repairRun(run);
      if (fixed !== run) repaired++;
      return fixed;
    });
    if (next === text) break;
    text = next;
  }
  if (repaired > 0) warnings.push(`repaired ${repaired} mis-decoded character sequence${repaired === 1 ? "" : "s"} (mojibake)`);

  const garbled: string[] = [];
  text = text.replace(GARBLED_TOKEN, (token) => {
    garbled.push(token);
    return UNREADABLE;
  });
  if (garbled.length > 0) {
    warnings.push(`replaced ${garbled.length} unreadable fragment${garbled.length === 1 ? "" : "s"} with ${UNREADABLE}`);
  }
  const replacement = (text.match(/\ufffd/g) ?? []).length;
  if (replacement > 0) warnings.push(`text contains ${replacement} replacement character${replacement === 1 ? "" : "s"} (U+FFFD) from a lossy source`);
  return { text, warnings };
}

/** Re-read a run of characters as Windows-1252 bytes decoded as UTF-8; keep the run if that fails. */
function repairRun(run: string): string {
  const bytes: number[] = [];
  for (const ch of run) {
    const b = CP1252_ENCODE.get(ch);
    if (b === undefined) return run;
    bytes.push(b);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Uint8Array.from(bytes));
  } catch {
    return run;
  }
}

function buildCp1252Encoder(): Map<string, number> {
  const map = new Map<string, number>();
  for (let b = 0; b < 256; b++) map.set(iconv.decode(Buffer.from([b]), "windows-1252"), b);
  // Bytes undefined in Windows-1252 decode to the C1 controls of Latin-1.
  for (const b of [0x81, 0x8d, 0x8f, 0x90, 0x9d]) map.set(String.fromCharCode(b), b);
  return map;
}
