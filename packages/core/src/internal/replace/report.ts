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

/** Pairs a scratch buffer holds; the log keeps them in chunks of this size at most. */
const CHUNK = 4096;
/** Lengths that fit the packed form: original < 2^20, replacement < 2^8. */
const ORIGINAL_BITS = 20;
const REPLACEMENT_BITS = 8;

/**
 * Where the changes and the leftovers of the run being written go first (constants, so the
 * engine's fast path writes them without reloading). Only one run writes at a time: a run that
 * starts another saves its pairs first ({@link Pairs.save}).
 */
export const CHANGE_PAIRS = new Int32Array(CHUNK * 2);
const LEFTOVER_PAIRS = new Int32Array(CHUNK * 2);

/**
 * A list of `[a, b]` pairs of 32-bit integers, read back in order. Pairs are written to a
 * shared scratch buffer and copied out in chunks when it is full and when the run ends, so a
 * report of millions of changes grows without a peak and a short one costs one copy.
 */
class Pairs {
  readonly #chunks: Array<ArrayLike<number>> = [];
  /** Pairs saved in {@link #chunks}. */
  #saved = 0;
  /** Integers written to the scratch buffer since the last {@link save}. */
  at = 0;

  /** The scratch buffer of this kind of list. */
  declare readonly scratch: Int32Array;

  get length(): number {
    return this.#saved + this.at / 2;
  }
  push(a: number, b: number): void {
    if (this.at === this.scratch.length) this.save();
    this.scratch[this.at++] = a;
    this.scratch[this.at++] = b;
  }
  /** Copies the pairs out of the scratch buffer (when it is full, and before another run writes). */
  save(): void {
    if (this.at === 0) return;
    // A few pairs are copied to a plain array: allocating a typed array costs more than that.
    let chunk: Array<number> | Int32Array = [];
    if (this.at > 128) chunk = this.scratch.slice(0, this.at);
    else for (let i = 0; i < this.at; i++) chunk.push(this.scratch[i]!);
    this.#chunks.push(chunk);
    this.#saved += this.at / 2;
    this.at = 0;
  }
  /** Calls `f` with every pair and its position, in order (after {@link save}). */
  each(f: (a: number, b: number, k: number) => void): void {
    let k = 0;
    for (const chunk of this.#chunks)
      for (let i = 0; i < chunk.length; i += 2) f(chunk[i]!, chunk[i + 1]!, k++);
  }
}

/** The changes of one FULL run. */
export class ChangeLog extends Pairs {
  override readonly scratch = CHANGE_PAIRS;
  /** Lengths too long for the packed form (a long table key, a leftover with many marks). */
  #long: Map<number, readonly [number, number]> | undefined;

  /**
   * Records that `originalLength` units at `index` of the input became `replacementLength`
   * units, by the rule numbered `code` ({@link RULE_CODE}).
   */
  add(index: number, originalLength: number, replacementLength: number, code: number): void {
    if (originalLength < 1 << ORIGINAL_BITS && replacementLength < 1 << REPLACEMENT_BITS)
      this.push(index, (originalLength << (REPLACEMENT_BITS + 3)) | (replacementLength << 3) | code);
    else {
      this.#long ??= new Map();
      this.#long.set(this.length, [originalLength, replacementLength]);
      this.push(index, code);
    }
  }

  /** The changes as objects: `original` sliced from the input, `replacement` from the output. */
  changes(input: string, output: string): Array<Change> {
    const out: Array<Change> = [];
    let shift = 0; // output index - input index after the changes so far
    this.each((index, packed, k) => {
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
export class LeftoverLog extends Pairs {
  override readonly scratch = LEFTOVER_PAIRS;
  /** Leftovers found in a table's replacement value rather than in the input. */
  #foreign: Map<number, string> | undefined;

  /** A leftover of `length` units at `index` of the input. */
  add(index: number, length: number): void {
    this.push(index, length);
  }

  /** A leftover reported at `index` whose text is `char` (from a table value). */
  addText(index: number, char: string): void {
    this.#foreign ??= new Map();
    this.#foreign.set(this.length, char);
    this.push(index, -1);
  }

  leftovers(input: string): Array<Leftover> {
    const out: Array<Leftover> = [];
    this.each((index, length, k) => {
      out.push({ index, char: length < 0 ? this.#foreign!.get(k)! : input.slice(index, index + length) });
    });
    return out;
  }
}
