/**
 * JSON text written straight into UTF-8 bytes: the shards are mostly integers, and writing their
 * digits into one reused buffer makes no string per number.
 */

const encoder = new TextEncoder();

/** A growable UTF-8 buffer for JSON text. */
export class JsonBytes {
  #data = new Uint8Array(1 << 16);
  #length = 0;

  /**
   * Append ASCII punctuation or text.
   *
   * @param text Text (any string; non-ASCII is encoded as UTF-8).
   */
  raw(text: string): this {
    this.#room(text.length * 3);
    this.#length += encoder.encodeInto(text, this.#data.subarray(this.#length)).written;
    return this;
  }

  /**
   * Append one character by its code (ASCII).
   *
   * @param code Character code below 128.
   */
  char(code: number): this {
    this.#room(1);
    this.#data[this.#length++] = code;
    return this;
  }

  /**
   * Append an integer in decimal.
   *
   * @param value A safe integer.
   */
  int(value: number): this {
    this.#room(17);
    if (value < 0) {
      this.#data[this.#length++] = 45;
      value = -value;
    }
    let digits = 1;
    for (let rest = value; rest >= 10; rest = Math.floor(rest / 10)) digits++;
    let at = this.#length + digits;
    this.#length = at;
    do {
      this.#data[--at] = 48 + (value % 10);
      value = Math.floor(value / 10);
    } while (value > 0);
    return this;
  }

  /**
   * The bytes written so far (a copy), and start again empty.
   *
   * @returns UTF-8 JSON text.
   */
  take(): Uint8Array {
    const out = this.#data.slice(0, this.#length);
    this.#length = 0;
    return out;
  }

  #room(bytes: number): void {
    if (this.#length + bytes <= this.#data.length) return;
    const grown = new Uint8Array(Math.max(this.#data.length * 2, this.#length + bytes));
    grown.set(this.#data.subarray(0, this.#length));
    this.#data = grown;
  }
}
