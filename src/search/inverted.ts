/**
 * The inverted index, kept lean: documents are read one by one (in doc-number order) into
 * postings — field, term frequency and word positions, as variable-length bytes — which are
 * then put into {@link BUCKETS} buckets chosen by the terms' hashes. A shard is a set of
 * buckets, so shards can be written one at a time once every document is read, and only the
 * buckets of shards that changed need filling.
 *
 * Each bucket also keeps a fingerprint of what went into it: the sequence of documents that
 * gave it postings, each by a name for its content. A shard whose buckets' fingerprints are
 * those of the last build holds the same postings, and need not be made again.
 */
import { hash32 } from "../client/format.js";
import { hashOf } from "../hash.js";
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

  /** Append bytes `from`…`to` of `source` as they are. */
  append(source: Uint8Array, from: number, to: number): void {
    const size = to - from;
    if (this.length + size > this.data.length) {
      const grown = new Uint8Array(Math.max(this.data.length * 2, this.length + size));
      grown.set(this.data.subarray(0, this.length));
      this.data = grown;
    }
    this.data.set(source.subarray(from, to), this.length);
    this.length += size;
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

  /** Step over `count` integers. */
  skip(count: number): void {
    for (; count > 0; count--) while (this.data[this.at++]! & 0x80);
  }
}

/** A field's text, whole or in parts (read as if joined by line breaks). */
export type FieldText = string | readonly string[];

/**
 * Postings of the whole archive by term, with field lengths and term numbering.
 *
 * A document's fields are read into its own postings first (bytes: per field, its number,
 * length and distinct terms, each with its frequency and positions), which can be kept
 * between builds and read back instead of the text (see {@link addRead}): reading them back
 * is many times quicker than reading the text. The postings go into the buckets only when
 * asked for ({@link fill}), and only for the buckets asked for: those of the shards that
 * changed.
 */
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
  /** Per document, until the buckets are filled: its own postings (see {@link add}). */
  readonly #postings: (Uint8Array | undefined)[] = [];
  /** The dependent fields' postings, in the order they were added, until the buckets are filled. */
  #dependent: { readonly doc: number; readonly postings: Uint8Array }[] = [];
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
   * @returns The document's own postings, which {@link addRead} takes instead of the text in
   *   an index whose table numbers terms as this one's does.
   */
  add(fields: readonly (FieldText | null)[], name: string): Uint8Array {
    const bytes = new Bytes();
    let highest = -1;
    fields.forEach((text, f) => {
      if (text !== null) highest = Math.max(highest, this.#read(f, text, bytes));
    });
    const postings = withBound(bytes.data.subarray(0, bytes.length), highest);
    if (!this.addRead(postings, name)) throw new Error("search index: a document's terms were not numbered");
    return postings;
  }

  /**
   * Add the next document from its own postings as {@link add} returned them, in this index or
   * an earlier one whose table numbered the same terms the same way.
   *
   * @param postings The document's own postings.
   * @param name What names the document's content (see {@link add}).
   * @returns False, and nothing added, when the postings name terms this table does not have.
   */
  addRead(postings: Uint8Array, name: string): boolean {
    if (!postingsFit(postings, this.table.terms.length)) return false;
    const cursor = new Cursor(postings, 0);
    cursor.next();
    const doc = this.docCount++;
    this.#names[doc] = name;
    this.#postings[doc] = postings;
    const token = tokenOf(name);
    const own: number[] = [];
    this.#scan(doc, cursor, postings.length, token, own);
    this.#own[doc] = Int32Array.from(own);
    return true;
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
    const bytes = new Bytes();
    this.#read(field, fieldText, bytes);
    const postings = bytes.data.slice(0, bytes.length);
    this.#scan(doc, new Cursor(postings, 0), postings.length, tokenOf(`${this.#names[doc]}\0${field}\0${fieldText}`), null);
    this.#dependent.push({ doc, postings });
  }

  /**
   * A document's own postings, as {@link add} made them or {@link addRead} took them, until
   * the buckets are filled.
   *
   * @param doc The document's index.
   */
  ownPostings(doc: number): Uint8Array {
    const postings = this.#postings[doc];
    if (postings === undefined) throw new Error("search index: postings asked for after the buckets were filled");
    return postings;
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
   * Read one field's text into postings: its number and length, then one posting per
   * distinct term (term number, frequency, positions delta-coded), in order of first use.
   *
   * @returns The highest term number of the field (-1 when it has none).
   */
  #read(field: number, text: FieldText, out: Bytes): number {
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
    out.push(field);
    out.push(length);
    out.push(distinct.length);
    let highest = -1;
    for (const term of distinct) {
      if (term > highest) highest = term;
      const count = this.#count[term]!;
      out.push(term);
      out.push(count);
      let position = this.#first[term]!;
      let previous = 0;
      for (let i = 0; i < count; i++) {
        out.push(position - previous);
        previous = position;
        position = this.#next[position]!;
      }
    }
    return highest;
  }

  /**
   * Take in a document's postings (fields from `cursor` to `end`): field lengths, posting
   * count, and each posting's bucket fingerprint; the distinct terms go to `own`.
   *
   * @param token Two numbers drawn from the name of what the fields are made from (see
   *   `tokenOf`), added to the fingerprint of each bucket a field gives postings to.
   */
  #scan(doc: number, cursor: Cursor, end: number, token: Token, own: number[] | null): void {
    const prints = this.#prints;
    while (cursor.at < end) {
      const field = cursor.next();
      const length = cursor.next();
      this.fieldLengths[field]![doc] = length;
      this.totalLengths[field] = this.totalLengths[field]! + length;
      for (let n = cursor.next(); n > 0; n--) {
        const term = cursor.next();
        cursor.skip(cursor.next());
        const bucket = this.#bucketOf(term);
        prints[bucket * 3] = mix(mix(prints[bucket * 3]!, token.a), field);
        prints[bucket * 3 + 1] = mix(mix(prints[bucket * 3 + 1]!, token.b), field);
        prints[bucket * 3 + 2]!++;
        own?.push(term);
        this.postingCount++;
      }
    }
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
    if (term >= this.#bucket.length) this.#grow(term);
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
   * Put every document's postings into the buckets `wanted` names, once every document and
   * dependent field is added: own fields document by document, then the dependent fields in
   * the order they were added. The documents' postings are let go.
   *
   * @param wanted Per bucket, 1 for a bucket to fill.
   */
  fill(wanted: Uint8Array): void {
    for (let doc = 0; doc < this.docCount; doc++) {
      const postings = this.#postings[doc];
      if (postings === undefined) continue;
      this.#postings[doc] = undefined;
      const cursor = new Cursor(postings, 0);
      cursor.next();
      this.#put(doc, cursor, postings, wanted);
    }
    for (const { doc, postings } of this.#dependent) this.#put(doc, new Cursor(postings, 0), postings, wanted);
    this.#dependent = [];
  }

  /** Append a document's postings (fields from `cursor` on) to the wanted buckets. */
  #put(doc: number, cursor: Cursor, data: Uint8Array, wanted: Uint8Array): void {
    while (cursor.at < data.length) {
      const field = cursor.next();
      cursor.next();
      for (let n = cursor.next(); n > 0; n--) {
        const term = cursor.next();
        const count = cursor.next();
        const from = cursor.at;
        cursor.skip(count);
        const bucket = this.#bucketOf(term);
        if (wanted[bucket] !== 1) continue;
        const bytes = (this.#buckets[bucket] ??= new Bytes());
        bytes.push(term);
        // Dependent fields are added after their documents, so a doc can step back: zigzag.
        const step = doc - bytes.lastDoc;
        bytes.push(step >= 0 ? step * 2 : -step * 2 - 1);
        bytes.lastDoc = doc;
        bytes.push(field);
        bytes.push(count);
        bytes.append(data, from, cursor.at);
      }
    }
  }

  /**
   * The postings of every term whose bucket is in `buckets` (filled by {@link fill}), then drop
   * those buckets.
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
        cursor.skip(tf);
      }
    }
    return out;
  }
}

/**
 * Whether an index whose table numbers `termCount` terms can take these postings (see
 * `InvertedIndex.addRead`): a table seeded with the terms they were numbered by can.
 *
 * @param postings A document's own postings.
 * @param termCount Terms the table numbers.
 */
export function postingsFit(postings: Uint8Array, termCount: number): boolean {
  return new Cursor(postings, 0).next() <= termCount;
}

/**
 * Postings with, first, one more than `highest`, the highest term number they name: an index
 * can then tell whether its table has them all.
 */
function withBound(fields: Uint8Array, highest: number): Uint8Array {
  const out = new Bytes();
  out.push(highest + 1);
  out.append(fields, 0, fields.length);
  return out.data.slice(0, out.length);
}

/**
 * A document's own postings (as `InvertedIndex.add` returns them) with its terms numbered anew.
 *
 * @param postings The postings.
 * @param number Gets a term's number in the postings, returns its new number.
 * @returns The postings under the new numbers.
 */
export function renumberPostings(postings: Uint8Array, number: (term: number) => number): Uint8Array {
  const cursor = new Cursor(postings, 0);
  cursor.next();
  const out = new Bytes();
  let highest = -1;
  while (cursor.at < postings.length) {
    out.push(cursor.next());
    out.push(cursor.next());
    const n = cursor.next();
    out.push(n);
    for (let k = 0; k < n; k++) {
      const term = number(cursor.next());
      if (term > highest) highest = term;
      out.push(term);
      const count = cursor.next();
      out.push(count);
      const from = cursor.at;
      cursor.skip(count);
      out.append(postings, from, cursor.at);
    }
  }
  return withBound(out.data.subarray(0, out.length), highest);
}

/**
 * Each term number a document's own postings name, once per field that uses it.
 *
 * @param postings The postings (as `InvertedIndex.add` returns them).
 * @param each Gets each term number.
 */
export function postingTerms(postings: Uint8Array, each: (term: number) => void): void {
  const cursor = new Cursor(postings, 0);
  cursor.next();
  while (cursor.at < postings.length) {
    cursor.next();
    cursor.next();
    for (let n = cursor.next(); n > 0; n--) {
      each(cursor.next());
      cursor.skip(cursor.next());
    }
  }
}

/** Two numbers drawn from a name, mixed into bucket fingerprints. */
interface Token {
  readonly a: number;
  readonly b: number;
}

/** The first eight bytes of a name's SHA-1, as two numbers. */
function tokenOf(name: string): Token {
  const digest = hashOf("sha1", name, "buffer");
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
