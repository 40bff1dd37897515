/**
 * The FULL engine's report, kept compact: two 32-bit numbers per change (where it starts in the
 * original, and the lengths and rule packed) instead of one object. The strings are not kept:
 * a change's `original` is a slice of the input and its `replacement` a slice of the output, and
 * its `outputIndex` follows from the changes before it (the output is the input with every change
 * applied in order). `Replacement.apply` turns it into `Change` objects when a caller first reads
 * `replacements`.
 *
 * @internal
 */
import type { Change, Leftover, Rule } from "../Replacement.js";

const RULES: ReadonlyArray<Rule> = [
  "table",
  "compose",
  "curated",
  "diacritic",
  "transliteration",
  "removed",
  "substitute",
];
const RULE_CODE: Readonly<Record<Rule, number>> = {
  table: 0,
  compose: 1,
  curated: 2,
  diacritic: 3,
  transliteration: 4,
  removed: 5,
  substitute: 6,
};

/** Pairs per chunk: chunks are never copied, so the report grows without a peak. */
const CHUNK = 1 << 14;
/** Lengths that fit the packed form: original < 2^20, replacement < 2^8. */
const ORIGINAL_BITS = 20;
const REPLACEMENT_BITS = 8;

/** A list of `[index, value]` pairs in chunks of 32-bit integers. */
class Pairs {
  length = 0;
  readonly chunks: Array<Int32Array> = [];
  push(a: number, b: number): void {
    const at = (this.length % CHUNK) * 2;
    if (at === 0) this.chunks.push(new Int32Array(CHUNK * 2));
    const chunk = this.chunks[this.chunks.length - 1]!;
    chunk[at] = a;
    chunk[at + 1] = b;
    this.length++;
  }
  first(k: number): number {
    return this.chunks[Math.floor(k / CHUNK)]![(k % CHUNK) * 2]!;
  }
  second(k: number): number {
    return this.chunks[Math.floor(k / CHUNK)]![(k % CHUNK) * 2 + 1]!;
  }
}

/** The changes of one FULL run. */
export class ChangeLog {
  readonly #pairs = new Pairs();
  /** Lengths too long for the packed form (a long table key, a leftover with many marks). */
  readonly #long = new Map<number, readonly [number, number]>();

  get length(): number {
    return this.#pairs.length;
  }

  /** Records that `originalLength` units at `index` of the input became `replacementLength` units. */
  add(index: number, originalLength: number, replacementLength: number, rule: Rule): void {
    const code = RULE_CODE[rule];
    if (originalLength < 1 << ORIGINAL_BITS && replacementLength < 1 << REPLACEMENT_BITS)
      this.#pairs.push(index, (originalLength << (REPLACEMENT_BITS + 3)) | (replacementLength << 3) | code);
    else {
      this.#long.set(this.#pairs.length, [originalLength, replacementLength]);
      this.#pairs.push(index, code);
    }
  }

  /** The changes as objects: `original` sliced from the input, `replacement` from the output. */
  changes(input: string, output: string): Array<Change> {
    const out: Array<Change> = [];
    let shift = 0; // output index - input index after the changes so far
    for (let k = 0; k < this.#pairs.length; k++) {
      const index = this.#pairs.first(k);
      const packed = this.#pairs.second(k);
      const long = this.#long.get(k);
      const from = long === undefined ? packed >>> (REPLACEMENT_BITS + 3) : long[0];
      const to = long === undefined ? (packed >>> 3) & ((1 << REPLACEMENT_BITS) - 1) : long[1];
      const outputIndex = index + shift;
      out.push({
        index,
        outputIndex,
        original: input.slice(index, index + from),
        replacement: output.slice(outputIndex, outputIndex + to),
        rule: RULES[packed & 7]!,
      });
      shift += to - from;
    }
    return out;
  }
}

/** The leftovers of one FULL run: index and length in the input, or the text when it is not there. */
export class LeftoverLog {
  readonly #pairs = new Pairs();
  /** Leftovers found in a table's replacement value rather than in the input. */
  readonly #foreign = new Map<number, string>();

  get length(): number {
    return this.#pairs.length;
  }

  /** A leftover of `length` units at `index` of the input. */
  add(index: number, length: number): void {
    this.#pairs.push(index, length);
  }

  /** A leftover reported at `index` whose text is `char` (from a table value). */
  addText(index: number, char: string): void {
    this.#foreign.set(this.#pairs.length, char);
    this.#pairs.push(index, -1);
  }

  leftovers(input: string): Array<Leftover> {
    const out: Array<Leftover> = [];
    for (let k = 0; k < this.#pairs.length; k++) {
      const index = this.#pairs.first(k);
      const length = this.#pairs.second(k);
      out.push({ index, char: length < 0 ? this.#foreign.get(k)! : input.slice(index, index + length) });
    }
    return out;
  }
}
