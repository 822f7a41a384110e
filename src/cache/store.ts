/**
 * A cache file: byte values by key, replaced whole on each build. The file is a header followed
 * by frames (key length, key, value length, value), so it is written a few megabytes at a time
 * and read back as views on one buffer, never as a copy of every value.
 */
import { mkdir, open, readFile, rename } from "node:fs/promises";
import path from "node:path";

const HEADER = Buffer.from("clippings-store 1\n");
/** Bytes gathered before each write. */
const WRITE_BYTES = 4 * 1024 * 1024;

/**
 * The entries of a cache file; empty when there is none or it is not a whole store file (a
 * damaged cache costs recomputing, never a wrong result). The values are views on the file's
 * bytes, which stay in memory while any of them is kept.
 *
 * @param dir Cache folder.
 * @param name File name in it.
 */
export async function loadStore(dir: string, name: string): Promise<Map<string, Uint8Array>> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dir, name));
  } catch {
    return new Map();
  }
  return readFrames(bytes) ?? new Map();
}

/**
 * Replace a cache file with these entries (those of the current build only, so it never grows
 * past the archive). Written to a temporary file and renamed, so a build stopped midway leaves
 * the old file whole.
 *
 * @param dir Cache folder.
 * @param name File name in it.
 * @param entries Key and value pairs, read once, in order.
 */
export async function saveStore(dir: string, name: string, entries: Iterable<readonly [string, Uint8Array]>): Promise<void> {
  await mkdir(dir, { recursive: true });
  const target = path.join(dir, name);
  const temporary = `${target}.${process.pid}.tmp`;
  const file = await open(temporary, "w");
  try {
    let pending: Uint8Array[] = [HEADER];
    let size = HEADER.length;
    for (const [key, value] of entries) {
      const keyBytes = Buffer.from(key);
      pending.push(uint32(keyBytes.length), keyBytes, uint32(value.byteLength), value);
      size += 8 + keyBytes.length + value.byteLength;
      if (size < WRITE_BYTES) continue;
      await file.write(Buffer.concat(pending, size));
      pending = [];
      size = 0;
    }
    if (size > 0) await file.write(Buffer.concat(pending, size));
  } finally {
    await file.close();
  }
  await rename(temporary, target);
}

/** The frames of a store file, or null when it is not one or ends partway through a frame. */
function readFrames(bytes: Buffer): Map<string, Uint8Array> | null {
  if (bytes.length < HEADER.length || !bytes.subarray(0, HEADER.length).equals(HEADER)) return null;
  const entries = new Map<string, Uint8Array>();
  let at = HEADER.length;
  while (at < bytes.length) {
    if (at + 4 > bytes.length) return null;
    const keyEnd = at + 4 + bytes.readUInt32LE(at);
    if (keyEnd + 4 > bytes.length) return null;
    const valueEnd = keyEnd + 4 + bytes.readUInt32LE(keyEnd);
    if (valueEnd > bytes.length) return null;
    entries.set(bytes.toString("utf8", at + 4, keyEnd), bytes.subarray(keyEnd + 4, valueEnd));
    at = valueEnd;
  }
  return entries;
}

function uint32(n: number): Buffer {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeUInt32LE(n);
  return bytes;
}
