/** Comparing two built sites file by file. */
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { listTree } from "./html-safety.ts";

/**
 * Assert two folders hold the same files with the same bytes.
 *
 * @param a One folder.
 * @param b The other.
 * @returns The files compared.
 */
export async function assertSameTree(a: string, b: string): Promise<string[]> {
  const files = await listTree(a);
  assert.deepEqual(await listTree(b), files, "the two sites hold different files");
  for (const file of files) {
    const [x, y] = await Promise.all([readFile(path.join(a, file)), readFile(path.join(b, file))]);
    assert.ok(x.equals(y), `${file} differs`);
  }
  return files;
}
