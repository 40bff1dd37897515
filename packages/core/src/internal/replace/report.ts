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
import type { Change, Leftover, Rule } from "../../Replacement.js";

const RULES: ReadonlyArray<Rule> = [
  "table",
  "compose",
  "curated",
  "diacritic",
  "transliteration",
  "removed",
  "substitute",
];
/** The number a rule is stored as. */
export const RULE_CODE: Readonly<Record<Rule, number>> = {
  table: 0,
  compose: 1,
  curated: 2,
  diacritic: 3,
  transliteration: 4,
  removed: 5,
  substitute: 6,
};

/** Pairs kept in a plain array (cheapest for the short texts of most calls). */
const SMALL = 4096;
/** Pairs per typed chunk after that. Chunks are never copied: a report of millions of changes grows without a peak. */
const CHUNK = 1 << 14;
/** Lengths that fit the packed form: original < 2^20, replacement < 2^8. */
const ORIGINAL_BITS = 20;
const REPLACEMENT_BITS = 8;

/** A list of `[a, b]` pairs of 32-bit integers, read back in order. */
class Pairs {
  length = 0;
  readonly #small: Array<number> = [];
  readonly #chunks: Array<Int32Array> = [];
  #at = CHUNK * 2;
  push(a: number, b: number): void {
    if (this.length < SMALL) this.#small.push(a, b);
    else {
      if (this.#at === CHUNK * 2) {
        this.#chunks.push(new Int32Array(CHUNK * 2));
        this.#at = 0;
      }
      const chunk = this.#chunks[this.#chunks.length - 1]!;
      chunk[this.#at] = a;
      chunk[this.#at + 1] = b;
      this.#at += 2;
    }
    this.length++;
  }
  /** Calls `f` with every pair and its position, in order. */
  each(f: (a: number, b: number, k: number) => void): void {
    const small = this.#small;
    let k = 0;
    for (let i = 0; i < small.length; i += 2) f(small[i]!, small[i + 1]!, k++);
    for (const chunk of this.#chunks)
      for (let i = 0; i < chunk.length && k < this.length; i += 2) f(chunk[i]!, chunk[i + 1]!, k++);
  }
}

/** The changes of one FULL run. */
export class ChangeLog {
  readonly #pairs = new Pairs();
  /** Lengths too long for the packed form (a long table key, a leftover with many marks). */
  #long: Map<number, readonly [number, number]> | undefined;

  get length(): number {
    return this.#pairs.length;
  }

  /**
   * Records that `originalLength` units at `index` of the input became `replacementLength`
   * units, by the rule numbered `code` ({@link RULE_CODE}).
   */
  add(index: number, originalLength: number, replacementLength: number, code: number): void {
    if (originalLength < 1 << ORIGINAL_BITS && replacementLength < 1 << REPLACEMENT_BITS)
      this.#pairs.push(index, (originalLength << (REPLACEMENT_BITS + 3)) | (replacementLength << 3) | code);
    else {
      this.#long ??= new Map();
      this.#long.set(this.#pairs.length, [originalLength, replacementLength]);
      this.#pairs.push(index, code);
    }
  }

  /** The changes as objects: `original` sliced from the input, `replacement` from the output. */
  changes(input: string, output: string): Array<Change> {
    const out: Array<Change> = [];
    let shift = 0; // output index - input index after the changes so far
    this.#pairs.each((index, packed, k) => {
      const long = this.#long?.get(k);
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
    });
    return out;
  }
}

/** The leftovers of one FULL run: index and length in the input, or the text when it is not there. */
export class LeftoverLog {
  readonly #pairs = new Pairs();
  /** Leftovers found in a table's replacement value rather than in the input. */
  #foreign: Map<number, string> | undefined;

  get length(): number {
    return this.#pairs.length;
  }

  /** A leftover of `length` units at `index` of the input. */
  add(index: number, length: number): void {
    this.#pairs.push(index, length);
  }

  /** A leftover reported at `index` whose text is `char` (from a table value). */
  addText(index: number, char: string): void {
    this.#foreign ??= new Map();
    this.#foreign.set(this.#pairs.length, char);
    this.#pairs.push(index, -1);
  }

  leftovers(input: string): Array<Leftover> {
    const out: Array<Leftover> = [];
    this.#pairs.each((index, length, k) => {
      out.push({ index, char: length < 0 ? this.#foreign!.get(k)! : input.slice(index, index + length) });
    });
    return out;
  }
}
