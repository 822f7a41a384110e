/** Decoding of article file bytes into text: BOMs, UTF-8, and a Windows-1252 fallback. */
import iconv from "iconv-lite";

/** Result of decoding one file. */
export interface DecodedText {
  readonly text: string;
  /** Encoding the bytes were read as. */
  readonly encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";
  readonly warnings: readonly string[];
}

/**
 * Decode file bytes to text.
 *
 * A byte-order mark decides UTF-8 or UTF-16. Otherwise valid UTF-8 is read as such; bytes with
 * no valid multi-byte UTF-8 sequence at all are read as Windows-1252; UTF-8 with some invalid
 * sequences keeps its valid text, gets U+FFFD for the rest, and a warning naming the byte offset.
 *
 * @param bytes Raw file content.
 * @returns The text and how it was read.
 */
export function decodeBytes(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return decodeUtf8(bytes.subarray(3));
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le", warnings: [] };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be", warnings: [] };
  }
  return decodeUtf8(bytes);
}

function decodeUtf8(bytes: Uint8Array): DecodedText {
  const scan = scanUtf8(bytes);
  if (scan.firstInvalid < 0) {
    return { text: new TextDecoder("utf-8").decode(bytes), encoding: "utf-8", warnings: [] };
  }
  if (scan.multiByte === 0) {
    return { text: iconv.decode(Buffer.from(bytes), "windows-1252"), encoding: "windows-1252", warnings: [] };
  }
  return {
    text: new TextDecoder("utf-8").decode(bytes),
    encoding: "utf-8",
    warnings: [
      `invalid UTF-8 at byte offset ${scan.firstInvalid} (${scan.invalid} invalid sequence${scan.invalid === 1 ? "" : "s"} replaced with U+FFFD)`,
    ],
  };
}

/** Count valid multi-byte sequences and invalid ones; remember where the first invalid one is. */
function scanUtf8(bytes: Uint8Array): { multiByte: number; invalid: number; firstInvalid: number } {
  let multiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) ok = false;
    }
    if (ok) {
      multiByte++;
      i += need + 1;
    } else {
      invalid++;
      if (firstInvalid < 0) firstInvalid = i;
      i++;
    }
  }
  return { multiByte, invalid, firstInvalid };
}
