/**
 * A cache file: byte values by key, replaced whole on each build. The file is a header followed
 * by frames (key length, key, value length, value), so it is written and read a few megabytes
 * at a time, whatever its size, and its values are read back as views on the blocks read,
 * never as a copy of every value.
 */
import { mkdir, open, readdir, rename, rm, type FileHandle } from "node:fs/promises";
import path from "node:path";

const HEADER = Buffer.from("clippings-store 1\n");
/** Bytes gathered before each write. */
const WRITE_BYTES = 4 * 1024 * 1024;
/**
 * Bytes read at a time (or the whole file, when smaller). Blocks this large are mapped memory
 * given back to the system when freed; smaller ones (up to 32 MB with glibc) may come from the
 * heap's arena and leave it fragmented: blocks of 8 MB raised a rebuild's peak by about 50 MB.
 */
const READ_BYTES = 64 * 1024 * 1024;

/**
 * The entries of a cache file; empty when there is none or it is not a whole store file (a
 * damaged cache costs recomputing, never a wrong result). The file is read a block at a time,
 * whatever its size, and the values are views on those blocks: a block stays in memory while
 * any of its values is kept, and no longer.
 *
 * @param dir Cache folder.
 * @param name File name in it.
 * @param blockBytes Bytes read at a time (a larger value gets a block of its own).
 */
export async function loadStore(dir: string, name: string, blockBytes = READ_BYTES): Promise<Map<string, Uint8Array>> {
  let file: FileHandle;
  try {
    file = await open(path.join(dir, name), "r");
  } catch {
    return new Map();
  }
  try {
    const { size } = await file.stat();
    return (await readFrames(new BlockReader(file, size, blockBytes))) ?? new Map();
  } catch {
    return new Map();
  } finally {
    await file.close();
  }
}

/**
 * Replace a cache file with these entries (those of the current build only, so it never grows
 * past the archive). Written to a temporary file and renamed, so a build stopped midway leaves
 * the old file whole. When the file holds `held` (as loaded by this build) and every key of
 * `held` is among the entries, only the other entries are appended to it instead: a rebuild
 * that only added files does not write the whole cache again. An append stopped midway leaves
 * a file that does not end on a frame, which is then read as empty.
 *
 * @param dir Cache folder.
 * @param name File name in it.
 * @param entries Key and value pairs, in order.
 * @param held The entries {@link loadStore} found in the file, by key.
 */
export async function saveStore(dir: string, name: string, entries: readonly (readonly [string, Uint8Array])[], held?: ReadonlyMap<string, unknown>): Promise<void> {
  const target = path.join(dir, name);
  if (held !== undefined && held.size > 0) {
    const keys = new Set(entries.map(([key]) => key));
    let kept = true;
    for (const key of held.keys()) {
      if (keys.has(key)) continue;
      kept = false;
      break;
    }
    if (kept && (await appendFrames(target, entries.filter(([key]) => !held.has(key))))) return;
  }
  await mkdir(dir, { recursive: true });
  const temporary = `${target}.${process.pid}.tmp`;
  const file = await open(temporary, "w");
  try {
    await file.write(HEADER);
    await writeFrames(file, entries, HEADER.length);
  } finally {
    await file.close();
  }
  await rename(temporary, target);
}

/** Append frames to a store file; false when there is no store file to append to. */
async function appendFrames(target: string, entries: readonly (readonly [string, Uint8Array])[]): Promise<boolean> {
  let file: FileHandle;
  try {
    file = await open(target, "r+");
  } catch {
    return false;
  }
  try {
    const { size } = await file.stat();
    if (size < HEADER.length) return false;
    await writeFrames(file, entries, size);
    return true;
  } finally {
    await file.close();
  }
}

/** Write entries as frames from `position` on, a few megabytes at a time. */
async function writeFrames(file: FileHandle, entries: readonly (readonly [string, Uint8Array])[], position: number): Promise<void> {
  let pending: Uint8Array[] = [];
  let size = 0;
  for (const [key, value] of entries) {
    const keyBytes = Buffer.from(key);
    pending.push(uint32(keyBytes.length), keyBytes, uint32(value.byteLength), value);
    size += 8 + keyBytes.length + value.byteLength;
    if (size < WRITE_BYTES) continue;
    await file.write(Buffer.concat(pending, size), 0, size, position);
    position += size;
    pending = [];
    size = 0;
  }
  if (size > 0) await file.write(Buffer.concat(pending, size), 0, size, position);
}

/**
 * Remove the files of a cache folder named like `pattern`, except `current`: files of an
 * earlier format, which are never read again.
 *
 * @param dir Cache folder.
 * @param pattern Names of the files of every format.
 * @param current Name of the current format's file.
 */
export async function removeOlderFormats(dir: string, pattern: RegExp, current: string): Promise<void> {
  for (const name of await readdir(dir)) if (name !== current && pattern.test(name)) await rm(path.join(dir, name), { force: true });
}

/** The frames of a store file, or null when it is not one or ends partway through a frame. */
async function readFrames(reader: BlockReader): Promise<Map<string, Uint8Array> | null> {
  const header = await reader.take(HEADER.length);
  if (header === null || !header.equals(HEADER)) return null;
  const entries = new Map<string, Uint8Array>();
  while (!(await reader.atEnd())) {
    const keyLength = await reader.take(4);
    const key = keyLength && (await reader.take(keyLength.readUInt32LE(0)));
    const valueLength = key && (await reader.take(4));
    const value = valueLength && (await reader.take(valueLength.readUInt32LE(0)));
    if (!value) return null;
    entries.set(key!.toString("utf8"), value);
  }
  return entries;
}

/** Reads a file front to back in blocks, handing out views on them. */
class BlockReader {
  private block = Buffer.alloc(0);
  private at = 0;
  private position = 0;

  constructor(
    private readonly file: FileHandle,
    private readonly size: number,
    private readonly blockBytes: number,
  ) {}

  /** The next `length` bytes, or null when the file ends first. */
  take(length: number): Buffer | null | Promise<Buffer | null> {
    if (this.block.length - this.at >= length) return this.next(length);
    return this.refill(length).then(() => (this.block.length - this.at >= length ? this.next(length) : null));
  }

  /** Whether every byte of the file has been taken. */
  async atEnd(): Promise<boolean> {
    if (this.at < this.block.length) return false;
    await this.refill(1);
    return this.at === this.block.length;
  }

  private next(length: number): Buffer {
    const bytes = this.block.subarray(this.at, this.at + length);
    this.at += length;
    return bytes;
  }

  /** A new block: what is left of the current one, then more of the file, `length` bytes in all if the file has them. */
  private async refill(length: number): Promise<void> {
    const left = this.block.subarray(this.at);
    const block = Buffer.allocUnsafeSlow(Math.max(length, Math.min(this.blockBytes, left.length + this.size - this.position)));
    left.copy(block);
    let filled = left.length;
    while (filled < block.length) {
      const { bytesRead } = await this.file.read(block, filled, block.length - filled, this.position);
      if (bytesRead === 0) break;
      filled += bytesRead;
      this.position += bytesRead;
    }
    this.block = block.subarray(0, filled);
    this.at = 0;
  }
}

function uint32(n: number): Buffer {
  const bytes = Buffer.allocUnsafe(4);
  bytes.writeUInt32LE(n);
  return bytes;
}
