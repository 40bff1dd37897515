/**
 * fast-check arbitraries for Auto-Replace: replacement tables (overlapping keys and keys that
 * are prefixes of each other included), Latin, Greek and Cyrillic text, and mixed text with
 * emoji, combining marks, invisible characters and typographic punctuation.
 *
 * Every builder validates its constraints when called and throws a `RangeError` naming the bad
 * field, so a misconfigured property fails before it runs.
 *
 * @module
 * @since 0.1.0
 */
import * as Replacement from "@septet/core/Replacement";
import * as fc from "fast-check";
import { lengths } from "./internal/lengths.js";

/**
 * Length constraints of the text builders, in code points.
 *
 * @category models
 * @since 0.1.0
 */
export interface TextConstraints {
  /** Minimum number of code points (default 0). */
  readonly minLength?: number;
  /** Maximum number of code points (default 200). */
  readonly maxLength?: number;
}

const range = (from: number, to: number): Array<string> =>
  Array.from({ length: to - from + 1 }, (_, i) => String.fromCodePoint(from + i));

/** Latin letters of European languages, with and without diacritics, and ligatures. */
const LATIN = [
  ...range(0x41, 0x5a),
  ...range(0x61, 0x7a),
  ..."ÀÁÂÃÄÅÆÇÈÉÊËÌÍÎÏÐÑÒÓÔÕÖØÙÚÛÜÝÞßàáâãäåæçèéêëìíîïðñòóôõöøùúûüýþÿ",
  ..."ĀāĂăĄąĆćČčĎďĐđĒēĖėĘęĚěĞğĢģĪīĮįİıĶķĹĺĻļĽľŁłŃńŅņŇňŐőŒœŔŕŘřŚśŞşŠšŢţŤťŪūŮůŰűŲųŸŹźŻżŽžȘșȚțẞ",
  ..."ơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ",
];
/** Greek letters, accented and not, capitals that are GSM-7 and capitals that are not. */
const GREEK = [
  ...range(0x391, 0x3a1),
  ...range(0x3a3, 0x3a9),
  ...range(0x3b1, 0x3c9),
  ..."άέήίόύώϊϋΐΰΆΈΉΊΌΎΏ",
];
/** Cyrillic of Russian, Ukrainian, Belarusian, Bulgarian, Serbian and Macedonian. */
const CYRILLIC = [...range(0x410, 0x44f), ..."ЁёЄєІіЇїҐґЎўЂђЃѓЅѕЈјЉљЊњЋћЌќЏџ"];
/** Punctuation and spacing that FULL's curated table covers. */
const TYPOGRAPHY = [
  ..."‘’‚‛“”„‟«»‹›–—―−…•·\u00a0\u2009\u202f\u3000\u200b\u200d\ufeff\u00ad½¼¾™©®°×÷±ＡＢｃ１２ﬁ№",
];
/** Characters FULL cannot map. */
const LEFTOVERS = ["😀", "👍🏽", "👨‍👩‍👧", "🇪🇪", "❤️", "中", "文", "한", "ع", "א", "ก", "\u0915\u093f"];
const COMBINING = range(0x300, 0x30c);
const SPACE = [" ", " ", " ", "\n", ",", ".", "!", "?", "-", "'", "1", "2"];

const text = (
  name: string,
  c: TextConstraints | undefined,
  parts: ReadonlyArray<{ readonly weight: number; readonly arbitrary: fc.Arbitrary<string> }>,
): fc.Arbitrary<string> => {
  const { minLength, maxLength } = lengths(name, c, 200);
  return fc.array(fc.oneof(...parts), { minLength, maxLength }).map((a) => a.join(""));
};

/**
 * Text in Latin script (letters of European and Vietnamese orthographies, spaces, punctuation).
 *
 * @example
 * ```ts
 * import { ReplacementArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * fc.sample(ReplacementArbitraries.latinText({ maxLength: 10 }), 5).every((t) => typeof t === "string") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const latinText = (constraints?: TextConstraints): fc.Arbitrary<string> =>
  text("latinText", constraints, [
    { weight: 6, arbitrary: fc.constantFrom(...LATIN) },
    { weight: 2, arbitrary: fc.constantFrom(...SPACE) },
  ]);

/**
 * Text in Greek script (monotonic, accented and not), with spaces and punctuation.
 *
 * @example
 * ```ts
 * import { ReplacementArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * fc.sample(ReplacementArbitraries.greekText({ minLength: 1 }), 5).every((t) => t.length > 0) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const greekText = (constraints?: TextConstraints): fc.Arbitrary<string> =>
  text("greekText", constraints, [
    { weight: 6, arbitrary: fc.constantFrom(...GREEK) },
    { weight: 2, arbitrary: fc.constantFrom(...SPACE) },
  ]);

/**
 * Text in Cyrillic script (the letters of the six languages FULL transliterates).
 *
 * @example
 * ```ts
 * import { ReplacementArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * fc.sample(ReplacementArbitraries.cyrillicText({ maxLength: 5 }), 5).every((t) => [...t].length <= 5) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const cyrillicText = (constraints?: TextConstraints): fc.Arbitrary<string> =>
  text("cyrillicText", constraints, [
    { weight: 6, arbitrary: fc.constantFrom(...CYRILLIC) },
    { weight: 2, arbitrary: fc.constantFrom(...SPACE) },
  ]);

/**
 * Mixed text: Latin, Greek and Cyrillic letters, typographic punctuation and spaces, stray
 * combining marks, invisible characters and leftovers FULL cannot map (emoji with modifiers,
 * ZWJ sequences and flags, CJK, Hangul, Arabic, Hebrew, Thai, Devanagari), plus occasional
 * arbitrary code points (lone surrogates included).
 *
 * @example
 * ```ts
 * import { ReplacementArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * fc.sample(ReplacementArbitraries.mixedText(), 5).length // => 5
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const mixedText = (constraints?: TextConstraints): fc.Arbitrary<string> =>
  text("mixedText", constraints, [
    { weight: 5, arbitrary: fc.constantFrom(...LATIN) },
    { weight: 3, arbitrary: fc.constantFrom(...GREEK) },
    { weight: 3, arbitrary: fc.constantFrom(...CYRILLIC) },
    { weight: 3, arbitrary: fc.constantFrom(...TYPOGRAPHY) },
    { weight: 3, arbitrary: fc.constantFrom(...SPACE) },
    { weight: 1, arbitrary: fc.constantFrom(...COMBINING) },
    { weight: 1, arbitrary: fc.constantFrom(...LEFTOVERS) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 1 }) },
  ]);

/**
 * Constraints of `table`.
 *
 * @category models
 * @since 0.1.0
 */
export interface TableConstraints {
  /** Maximum number of entries (default 12, at most `Replacement.TABLE_LIMITS.entries`). */
  readonly maxEntries?: number;
  /** Maximum key length in code points (default 4, at most 16). */
  readonly maxKeyLength?: number;
  /**
   * Characters keys are made of (default a small mixed alphabet, so keys overlap, repeat
   * prefixes and occur in generated text).
   */
  readonly alphabet?: ReadonlyArray<string>;
}

const KEY_ALPHABET = [..."aabé’“–ёжΩα😀", "e\u0301"];

/**
 * A valid `Replacement.Table` whose keys are drawn from a small alphabet, so keys are often
 * prefixes of each other (`a`, `aa`, `ab`) and overlap in text. Values are short text, GSM-7 or
 * not, `""` included (deletion), and may themselves contain keys (to check that ON never
 * re-scans its output).
 *
 * @example
 * ```ts
 * import { ReplacementArbitraries } from "@septet/testing"
 * import { Replacement } from "@septet/core"
 * import * as fc from "fast-check"
 *
 * fc.sample(ReplacementArbitraries.table(), 5).every(Replacement.isTable) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const table = (constraints?: TableConstraints): fc.Arbitrary<Replacement.Table> => {
  const maxEntries = constraints?.maxEntries ?? 12;
  const maxKeyLength = constraints?.maxKeyLength ?? 4;
  const alphabet = constraints?.alphabet ?? KEY_ALPHABET;
  if (!Number.isSafeInteger(maxEntries) || maxEntries < 0 || maxEntries > Replacement.TABLE_LIMITS.entries)
    throw new RangeError(
      `table: maxEntries must be an integer in 0..${Replacement.TABLE_LIMITS.entries}, got ${maxEntries}`,
    );
  if (!Number.isSafeInteger(maxKeyLength) || maxKeyLength < 1 || maxKeyLength > 16)
    throw new RangeError(`table: maxKeyLength must be an integer in 1..16, got ${maxKeyLength}`);
  if (alphabet.length === 0 || alphabet.some((c) => typeof c !== "string" || c.length === 0))
    throw new RangeError("table: alphabet must be a non-empty list of non-empty strings");
  const key = fc
    .array(fc.constantFrom(...alphabet), { minLength: 1, maxLength: maxKeyLength })
    .map((a) => a.join(""));
  const value = fc.oneof(
    fc.constantFrom("", "x", "ab", '"', "'", "-", "ae", "é", "ж", "Ω"),
    fc.array(fc.constantFrom(...alphabet), { maxLength: 3 }).map((a) => a.join("")),
  );
  return fc
    .uniqueArray(fc.tuple(key, value), { maxLength: maxEntries, selector: ([k]) => k.normalize("NFC") })
    .map((pairs) => {
      const t = Replacement.makeTable(pairs);
      if (t._tag !== "Table") throw new Error(`table: generated an invalid table: ${t.message}`);
      return t;
    });
};

/**
 * Raw table input that `Replacement.makeTable` must refuse: an empty key, a non-text value, a
 * conflicting duplicate, NFC-equal keys, an over-long key, or not an object at all. Each sample
 * is `{ input, path }` with the path of one entry the refusal must name.
 *
 * @example
 * ```ts
 * import { ReplacementArbitraries } from "@septet/testing"
 * import { Replacement } from "@septet/core"
 * import * as fc from "fast-check"
 *
 * fc.sample(ReplacementArbitraries.invalidTableInput(), 5).every((s) => Replacement.makeTable(s.input)._tag === "InvalidTable") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const invalidTableInput = (): fc.Arbitrary<{
  readonly input: unknown;
  readonly path: ReadonlyArray<string | number>;
}> => {
  const good = fc.uniqueArray(fc.tuple(fc.constantFrom("a", "b", "c", "’"), fc.string({ maxLength: 3 })), {
    maxLength: 4,
    selector: ([k]) => k,
  });
  const bad = fc.oneof(
    fc.constant<[unknown, unknown]>(["", "x"]),
    fc.tuple(fc.constant("k"), fc.oneof(fc.integer(), fc.constant(null), fc.boolean(), fc.constant({}))),
    fc.constant<[unknown, unknown]>(["k".repeat(Replacement.TABLE_LIMITS.keyLength + 1), "x"]),
    fc.constant<[unknown, unknown]>(["\ud800", "x"]),
    fc.constant<[unknown, unknown]>([7, "x"]),
  );
  return fc.oneof(
    fc.tuple(good, bad).map(([pairs, b]) => ({ input: [...pairs, b], path: [pairs.length] })),
    good.map((pairs) => ({ input: [...pairs, ["zz", "1"], ["zz", "2"]], path: [pairs.length + 1] })),
    good.map((pairs) => ({ input: [...pairs, ["é", "1"], ["e\u0301", "1"]], path: [pairs.length + 1] })),
    fc.oneof(fc.integer(), fc.string(), fc.constant(null)).map((input) => ({ input, path: [] })),
  );
};
