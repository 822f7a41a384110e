/**
 * Transliteration-aware folding of names: every common romanisation of an Arabic name, and the
 * English calque of its generic word, folds to one skeleton key.
 */

/** Arabic generic words and their English equivalents, folded to one word. */
const SYNONYMS: Readonly<Record<string, string>> = {
  army: "jaish",
  jaish: "jaish",
  jaysh: "jaish",
  jeish: "jaish",
  jish: "jaish",
  brigade: "liwa",
  brigades: "liwa",
  liwa: "liwa",
  front: "jabhat",
  jabhat: "jabhat",
  jabha: "jabhat",
  movement: "harakat",
  harakat: "harakat",
  haraka: "harakat",
};
/** Articles, patronymic links and the "of" of "Army of …", dropped from keys. */
const PARTICLES = new Set(["al", "el", "ul", "il", "the", "of", "bin", "ben", "ibn", "bn", "bint", "ez", "es", "ed", "ad", "ar", "az", "ash", "ath", "adh"]);
/** Two-letter transliterations folded to one letter, and letters spelt two ways. */
const DIGRAPHS: readonly [RegExp, string][] = [
  [/kh/g, "k"],
  [/gh/g, "g"],
  [/sh/g, "s"],
  [/ch/g, "s"],
  [/th/g, "t"],
  [/dh/g, "d"],
  [/ph/g, "f"],
  [/[qc]/g, "k"],
  [/z/g, "z"],
];

/**
 * Skeleton key of a name. Case, diacritics and apostrophes go; `al-`/`el-` (also attached, as
 * in "Alwaleed"), sun-letter articles (`as-`, `ad-`…), `bin`/`ben`/`ibn` and "of" go; "Army",
 * "Jaish" and "Jaysh" become one word; kh/k, q/k, sh/s and doubled letters fold; every run of
 * vowels inside a word becomes one marker (a leading vowel keeps its class); words are sorted,
 * so word order does not count. Acronyms (all capitals) are kept as they are.
 *
 * "Khalid ibn al-Walid Army", "Jaysh Khaled bin Waleed" and "Army of Khaled Ben Al Waleed" share
 * a key, as do "Daraa", "Deraa" and "Dar'a".
 *
 * @param name A name as written.
 * @returns The key, or "" when nothing of the name is left.
 */
export function foldName(name: string): string {
  const trimmed = name.trim();
  if (isAcronym(trimmed)) return trimmed;
  const words = trimmed
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/['’‘`ʿʾ]s\b/g, "")
    .replace(/['’‘`ʿʾ]/g, "")
    .replace(/(?<![\p{L}\p{N}])[ae](?:[dnrstz]|sh|th|dh)-(?=\p{L})/gu, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w && !PARTICLES.has(w))
    .map((w) => (Object.hasOwn(SYNONYMS, w) ? SYNONYMS[w]! : /^[ae]l[^aeiou]/.test(w) && w.length >= 6 ? w.slice(2) : w));
  return words.map(skeleton).filter(Boolean).sort().join(" ");
}

/**
 * Whether a word is an acronym: two to six capitals or digits, starting with a capital
 * (ISIS, SOHR, UN, YPG, G7).
 *
 * @param word A single word.
 */
export function isAcronym(word: string): boolean {
  return /^\p{Lu}[\p{Lu}\p{N}]{1,5}$/u.test(word);
}

/** Vowel class of a vowel run: a; e, i, y → i; o, u → u. */
function vowelClass(run: string): string {
  const vowels = run.replace(/^w/, "");
  if (/^[ae][iy]/.test(vowels)) return "i";
  const first = vowels[0] ?? "a";
  return first === "a" ? "a" : first === "o" || first === "u" ? "u" : "i";
}

/**
 * One word's skeleton. Words with four or more consonants keep only a marker per vowel run
 * (Hezbollah = Hizballah); words with three keep each run's vowel class (Khaled = Khalid);
 * shorter words keep their vowels, folding only doubled letters, ou/oo and ee (Raqqa = Raqa),
 * since a bare consonant frame would join unrelated short names (Syria and Suri, Daraa and Daraya).
 */
function skeleton(word: string): string {
  let w = word.length >= 5 ? word.replace(/^e([dnrstz])\1/, "$1") : word;
  for (const [pattern, replacement] of DIGRAPHS) w = w.replace(pattern, replacement);
  w = w.replace(/(?<=[aeiouy])h$/, "");
  const leadRun = /^[aeiou]+|^y(?![aeiou])/.exec(w)?.[0] ?? "";
  const lead = leadRun ? vowelClass(leadRun) : "";
  const body = w.slice(leadRun.length);
  const runs = /(?<=.)(?:[aeiouy]|w(?=[aeiouy]))+/g;
  const loose = (lead + body.replace(runs, "v")).replace(/(.)\1+/g, "$1");
  const consonants = loose.replace(/v/g, "").length - lead.length;
  if (consonants >= 4) return loose;
  if (consonants === 3) return (lead + body.replace(runs, vowelClass)).replace(/(.)\1+/g, "$1");
  return w.replace(/(.)\1+/g, "$1").replace(/o[ou]|ou/g, "u").replace(/e[ey]/g, "i");
}
