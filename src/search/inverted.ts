/**
 * The inverted index, kept lean: documents are read one by one (in doc-number order) and each
 * term's postings — field, term frequency and word positions — are appended as variable-length
 * bytes to one of {@link BUCKETS} buckets chosen by the term's hash. A shard is a set of buckets,
 * so shards can be written one at a time once every document is read.
 *
 * Each bucket also keeps a fingerprint of what went into it: the sequence of documents that
 * gave it postings, each by a name for its content. A shard whose buckets' fingerprints are
 * those of the last build holds the same postings, and need not be made again.
 */
import { createHash } from "node:crypto";
import { hash32 } from "../client/format.js";
import { DROPPED, EMPTY, TermTable } from "./terms.js";

/** Buckets postings are kept in; shard counts are powers of two up to this. */
export const BUCKETS = 8192;

/** Growable bytes of variable-length unsigned integers. */
class Bytes {
  data = new Uint8Array(64);
  length = 0;
  /** Last doc index written (postings store doc indexes as differences). */
  lastDoc = 0;

  push(value: number): void {
    if (this.length + 5 > this.data.length) {
      const grown = new Uint8Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    while (value >= 0x80) {
      this.data[this.length++] = (value & 0x7f) | 0x80;
      value >>>= 7;
    }
    this.data[this.length++] = value;
  }
}

/**
 * A term's postings in one field: doc indexes, term frequencies, and where each posting's word
 * positions start in `data` (read them with {@link readPositions}).
 */
export interface FieldPostings {
  readonly docs: number[];
  readonly tfs: number[];
  readonly at: number[];
  readonly data: Uint8Array;
}

/**
 * Word positions of one posting.
 *
 * @param list The postings.
 * @param i Which posting.
 * @param each Gets the positions in order, delta-coded (first one as is).
 */
export function readPositions(list: FieldPostings, i: number, each: (delta: number) => void): void {
  const cursor = new Cursor(list.data, list.at[i]!);
  for (let n = list.tfs[i]!; n > 0; n--) each(cursor.next());
}

/** Reads the variable-length integers written by {@link Bytes}. */
class Cursor {
  constructor(
    readonly data: Uint8Array,
    public at: number,
  ) {}

  /** The next integer (all are below 2³¹). */
  next(): number {
    let value = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = this.data[this.at++]!;
      value |= (byte & 0x7f) << shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  }
}

/** A field's text, whole or in parts (read as if joined by line breaks). */
export type FieldText = string | readonly string[];

/** Postings of the whole archive by term, with field lengths and term numbering. */
export class InvertedIndex {
  readonly table = new TermTable();
  readonly fieldCount: number;
  /** Documents added so far. */
  docCount = 0;
  /** Per field, the length (indexed words, Lunr's count) of each document's field, by doc index. */
  readonly fieldLengths: number[][];
  /** Per field, the sum of its lengths over all documents. */
  readonly totalLengths: number[];
  /** Postings recorded, one per (term, field, document). */
  postingCount = 0;
  readonly #buckets: (Bytes | undefined)[] = new Array(BUCKETS);
  /** Per term number: its bucket (-1 until known), and scratch for the field being read. */
  #bucket = new Int32Array(0);
  #seen = new Int32Array(0);
  #ownStamp = new Int32Array(0);
  #count = new Int32Array(0);
  #first = new Int32Array(0);
  #last = new Int32Array(0);
  /** Per word position of the field being read: the next position of the same term. */
  #next = new Int32Array(0);
  /** Term numbers of the words of the field being read. */
  readonly #words = { terms: new Int32Array(0) };
  #stamp = 0;
  /** Per document, until its dependent fields are added: the terms of its other fields. */
  readonly #own: (Int32Array | undefined)[] = [];
  /** Per document: what names its content (see {@link add}). */
  readonly #names: string[] = [];
  /** Per bucket: two lanes of a running hash of the documents that gave it postings, and their count. */
  readonly #prints = new Int32Array(BUCKETS * 3);

  /** @param fieldCount Number of index fields. */
  constructor(fieldCount: number) {
    this.fieldCount = fieldCount;
    this.fieldLengths = Array.from({ length: fieldCount }, () => []);
    this.totalLengths = new Array<number>(fieldCount).fill(0);
  }

  /**
   * Add the next document (doc indexes are given in order of addition). Fields whose text
   * depends on the others are left out here and added with {@link addDependent}, at any time
   * later, in doc order.
   *
   * @param fields Text of each field, in field order (parts of a field are read as if joined by
   *   a line break); null for a field added later.
   * @param name Names everything the document's postings are made from: equal for documents
   *   with equal fields and doc number, different for any other (a hash of them).
   */
  add(fields: readonly (FieldText | null)[], name: string): void {
    const doc = this.docCount++;
    this.#names[doc] = name;
    const token = tokenOf(name);
    const own: number[] = [];
    fields.forEach((text, f) => {
      if (text !== null) for (const term of this.#read(doc, f, text, token)) own.push(term);
    });
    this.#own[doc] = Int32Array.from(own);
  }

  /**
   * Add a field of an added document whose text depends on the document's other fields. Each
   * such field is added for the documents in the order they were added.
   *
   * @param doc The document's index.
   * @param field The field.
   * @param text Gets a test of whether a term (by number) is in the document's other fields,
   *   and returns the field's text.
   */
  addDependent(doc: number, field: number, text: (own: (term: number) => boolean) => string): void {
    const stamp = ++this.#stamp;
    for (const term of this.#own[doc] ?? []) this.#ownStamp[term] = stamp;
    this.#own[doc] = undefined;
    const own = (term: number) => term >= 0 && term < this.#ownStamp.length && this.#ownStamp[term] === stamp;
    const fieldText = text(own);
    this.#read(doc, field, fieldText, tokenOf(`${this.#names[doc]}\0${field}\0${fieldText}`));
  }

  /**
   * Number a term as the index would, without adding a document.
   *
   * @param term Index term.
   * @returns Its number, or {@link DROPPED} when no document has it yet.
   */
  termNumber(term: string): number {
    return this.table.ofTerm(term);
  }

  /**
   * Read one field: its length, then one posting per distinct term with its positions.
   *
   * @param token Two numbers drawn from the name of what the field is made from (see `tokenOf`),
   *   added to the fingerprint of each bucket the field gives postings to.
   * @returns The field's distinct terms.
   */
  #read(doc: number, field: number, text: FieldText, token: Token): number[] {
    let words = 0;
    for (const part of typeof text === "string" ? [text] : text) words = this.table.read(part, this.#words, words);
    const terms = this.#words.terms;
    if (this.#next.length < words) this.#next = new Int32Array(words * 2);
    const fieldStamp = ++this.#stamp;
    const distinct: number[] = [];
    let length = 0;
    for (let position = 0; position < words; position++) {
      const term = terms[position]!;
      if (term === DROPPED) continue;
      length++;
      if (term === EMPTY) continue;
      if (term >= this.#seen.length) this.#grow(term);
      if (this.#seen[term] !== fieldStamp) {
        this.#seen[term] = fieldStamp;
        this.#count[term] = 0;
        this.#first[term] = position;
        distinct.push(term);
      } else {
        this.#next[this.#last[term]!] = position;
      }
      this.#last[term] = position;
      this.#count[term]!++;
    }
    this.fieldLengths[field]![doc] = length;
    this.totalLengths[field] = this.totalLengths[field]! + length;
    const prints = this.#prints;
    for (const term of distinct) {
      const bucket = this.#bucketOf(term);
      prints[bucket * 3] = mix(mix(prints[bucket * 3]!, token.a), field);
      prints[bucket * 3 + 1] = mix(mix(prints[bucket * 3 + 1]!, token.b), field);
      prints[bucket * 3 + 2]!++;
      const bytes = (this.#buckets[bucket] ??= new Bytes());
      const count = this.#count[term]!;
      bytes.push(term);
      // Dependent fields are added after their documents, so a doc can step back: zigzag.
      const step = doc - bytes.lastDoc;
      bytes.push(step >= 0 ? step * 2 : -step * 2 - 1);
      bytes.lastDoc = doc;
      bytes.push(field);
      bytes.push(count);
      let position = this.#first[term]!;
      let previous = 0;
      for (let i = 0; i < count; i++) {
        bytes.push(position - previous);
        previous = position;
        position = this.#next[position]!;
      }
      this.postingCount++;
    }
    return distinct;
  }

  /** Make the per-term arrays hold term number `term`. */
  #grow(term: number): void {
    const size = Math.max(1024, term * 2);
    const grow = (old: Int32Array, fill: number) => {
      const grown = new Int32Array(size).fill(fill);
      grown.set(old);
      return grown;
    };
    this.#seen = grow(this.#seen, 0);
    this.#ownStamp = grow(this.#ownStamp, 0);
    this.#count = grow(this.#count, 0);
    this.#first = grow(this.#first, 0);
    this.#last = grow(this.#last, 0);
    this.#bucket = grow(this.#bucket, -1);
  }

  #bucketOf(term: number): number {
    let b = this.#bucket[term]!;
    if (b < 0) this.#bucket[term] = b = hash32(this.table.terms[term]!) % BUCKETS;
    return b;
  }

  /**
   * A fingerprint of what went into `buckets`: equal, but for hash collisions, only when the
   * same documents, with the same content and doc numbers, gave them postings, in the same
   * order, so that their postings are the same.
   *
   * @param buckets Bucket numbers (those of one shard).
   * @returns Three numbers per bucket, in the order given.
   */
  fingerprint(buckets: readonly number[]): Int32Array {
    const out = new Int32Array(buckets.length * 3);
    buckets.forEach((b, i) => out.set(this.#prints.subarray(b * 3, b * 3 + 3), i * 3));
    return out;
  }

  /**
   * Drop the postings of `buckets` unread (those of a shard that need not be made).
   *
   * @param buckets Bucket numbers.
   */
  drop(buckets: Iterable<number>): void {
    for (const b of buckets) this.#buckets[b] = undefined;
  }

  /**
   * The postings of every term whose bucket is in `buckets`, then drop those buckets.
   *
   * @param buckets Bucket numbers (those of one shard).
   * @returns Per term number, per field postings in doc order.
   */
  take(buckets: Iterable<number>): Map<number, FieldPostings[]> {
    const out = new Map<number, FieldPostings[]>();
    for (const b of buckets) {
      const bytes = this.#buckets[b];
      if (!bytes) continue;
      this.#buckets[b] = undefined;
      const { data, length } = bytes;
      const cursor = new Cursor(data, 0);
      let doc = 0;
      while (cursor.at < length) {
        const term = cursor.next();
        const step = cursor.next();
        doc += step % 2 === 0 ? step / 2 : -(step + 1) / 2;
        const field = cursor.next();
        const tf = cursor.next();
        let lists = out.get(term);
        if (!lists) out.set(term, (lists = Array.from({ length: this.fieldCount }, () => ({ docs: [], tfs: [], at: [], data }))));
        const list = lists[field]!;
        list.docs.push(doc);
        list.tfs.push(tf);
        list.at.push(cursor.at);
        for (let i = 0; i < tf; i++) while (data[cursor.at++]! & 0x80);
      }
    }
    return out;
  }
}

/** Two numbers drawn from a name, mixed into bucket fingerprints. */
interface Token {
  readonly a: number;
  readonly b: number;
}

/** The first eight bytes of a name's SHA-1, as two numbers. */
function tokenOf(name: string): Token {
  const digest = createHash("sha1").update(name).digest();
  return { a: digest.readInt32LE(0), b: digest.readInt32LE(4) };
}

/** One step of a running hash (MurmurHash3's block step): `h` with `k` mixed in. */
function mix(h: number, k: number): number {
  k = Math.imul(k, 0xcc9e2d51);
  k = (k << 15) | (k >>> 17);
  k = Math.imul(k, 0x1b873593);
  h ^= k;
  h = (h << 13) | (h >>> 19);
  return (Math.imul(h, 5) + 0xe6546b64) | 0;
}
