/**
 * Two of Nunjucks' runtime functions made quicker, each doing exactly what the shipped one does,
 * and each installed only over the implementation it was written against (recognised by its
 * source), so that another version of Nunjucks keeps its own.
 *
 * - `Frame.prototype.set`: Nunjucks sets a template variable by splitting its name at dots
 *   (`loop.index` is the `index` of the frame's `loop` object), and every `for` loop sets eight
 *   such names on each turn. The parts a split makes are new strings, which V8 must look up in
 *   its string table before it can use them as property keys: over half of the time a loop of 50
 *   links takes to render (160 µs against 85 µs with each name's parts kept). The quicker one
 *   keeps each name's parts, so the same key strings are used every time.
 * - `lib.escape`, which autoescaping calls on every value a template prints: it replaces each
 *   special character through a callback, and most values hold none. The quicker one first
 *   tests for one (a million short values: 190 against 115 ms).
 */
import { contentHash } from "../cache/site-manifest.js";

/** The part of Nunjucks' runtime (`nunjucks.runtime`) the quicker `set` replaces. */
export interface NunjucksRuntime {
  readonly Frame: { readonly prototype: FrameLike };
}

/** The part of Nunjucks' helpers (`nunjucks.lib`) the quicker `escape` replaces. */
export interface NunjucksLib {
  escape(value: string): string;
}

/** A Nunjucks frame: its variables, and the set and resolve it offers. */
interface FrameLike {
  variables: Record<string, unknown>;
  set(name: string, value: unknown, resolveUp?: boolean): void;
  resolve(name: string, forWrite?: boolean): FrameLike | undefined;
}

/** Hashes (`contentHash`) of the sources these were written against (`@11ty/nunjucks` 3.3.0). */
const KNOWN_SET = "fm5-XJNAmVTHCrvUNHcwA8Wc3hI";
const KNOWN_ESCAPE = "6vzo1EilHq_zLlbT_xPiZXX_iHU";

/** Most names whose parts are kept: templates name a few hundred variables; anything beyond is split each time. */
const MOST_NAMES = 10_000;

/**
 * Install the quicker `set` on Nunjucks' frames, if their `set` is the one it replaces.
 *
 * @param runtime `nunjucks.runtime`.
 * @returns Whether frames now use it (also when it was already installed).
 */
export function quickenFrameSet(runtime: NunjucksRuntime): boolean {
  const proto = runtime.Frame.prototype;
  if (proto.set === quickSet) return true;
  if (contentHash(proto.set.toString()) !== KNOWN_SET) return false;
  proto.set = quickSet;
  return true;
}

/** The quicker escapes installed, each calling the one it replaced for values that need it. */
const quickEscapes = new WeakSet<(value: string) => string>();

/**
 * Install the quicker `escape`, if Nunjucks' is the one it replaces: a test for any character
 * that one changes, then that one only for values holding such a character. The shipped escape
 * replaces each character on its own, so a value with none of them comes back unchanged. The
 * characters are found by asking it about every one of the Basic Multilingual Plane, which holds
 * every character its pattern can match.
 *
 * @param lib `nunjucks.lib`.
 * @returns Whether autoescaping now uses it (also when it was already installed).
 */
export function quickenEscape(lib: NunjucksLib): boolean {
  const escape = lib.escape;
  if (quickEscapes.has(escape)) return true;
  if (contentHash(escape.toString()) !== KNOWN_ESCAPE) return false;
  let specials = "";
  // A block at a time, and the characters of a block one by one only when it changes.
  for (let block = 0; block <= 0xffff; block += 256) {
    const chars = Array.from({ length: 256 }, (_, i) => String.fromCharCode(block + i));
    const text = chars.join("");
    if (escape(text) === text) continue;
    for (const char of chars) if (escape(char) !== char) specials += `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
  }
  if (specials === "") return false;
  const special = new RegExp(`[${specials}]`);
  const quick = (value: string) => (special.test(value) ? escape(value) : value);
  quickEscapes.add(quick);
  lib.escape = quick;
  return true;
}

const parts = new Map<string, readonly string[]>();

function partsOf(name: string): readonly string[] {
  let split = parts.get(name);
  if (split === undefined) {
    split = name.split(".");
    if (parts.size < MOST_NAMES) parts.set(name, split);
  }
  return split;
}

/** Nunjucks' `Frame.prototype.set`, line for line, with each name's parts kept. */
function quickSet(this: FrameLike, name: string, value: unknown, resolveUp?: boolean): void {
  const split = partsOf(name);
  if (resolveUp) {
    const frame = this.resolve(split[0]!, true);
    if (frame) {
      frame.set(name, value);
      return;
    }
  }
  let obj = this.variables;
  for (let i = 0; i < split.length - 1; i++) {
    const id = split[i]!;
    if (!obj[id]) obj[id] = {};
    obj = obj[id] as Record<string, unknown>;
  }
  obj[split[split.length - 1]!] = value;
}
