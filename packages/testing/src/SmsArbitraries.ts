/**
 * fast-check arbitraries for SMS text and `Sms.measure` options: GSM-7 text (extension
 * characters included), hostile Unicode text (surrogate pairs, combining marks, ZWJ sequences,
 * flags, lone surrogates, CR LF, controls), national-language text and option sets.
 *
 * Every builder validates its constraints when called and throws a `RangeError` naming the bad
 * field, so a misconfigured property fails before it runs.
 *
 * @module
 * @since 0.1.0
 */
import * as Gsm7 from "@septet/core/Gsm7";
import type { MeasureOptions } from "@septet/core/Sms";
import * as fc from "fast-check";
import { lengths } from "./internal/lengths.js";

/**
 * Length constraints shared by the text builders (counted in units of the builder: characters,
 * or pieces for `unicodeText`).
 *
 * @category models
 * @since 0.1.0
 */
export interface LengthConstraints {
  /** Minimum number of units (default 0). */
  readonly minLength?: number;
  /** Maximum number of units (default 400: enough to cross the 160/306/459 boundaries). */
  readonly maxLength?: number;
}

const chars = (table: ReadonlyArray<string>): Array<string> => table.filter((c) => c !== "");

/**
 * One character of the GSM 7 bit default alphabet (1 septet).
 *
 * @example
 * ```ts
 * import { Gsm7 } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * // e.g. "k", "Ø", "@"
 * fc.sample(SmsArbitraries.gsm7BasicChar(), 50).every((c) => Gsm7.septets(c.codePointAt(0)!) === 1) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const gsm7BasicChar = (): fc.Arbitrary<string> => fc.constantFrom(...chars(Gsm7.defaultAlphabet));

/**
 * One character of the default extension table (2 septets: `\f ^ { } \ [ ~ ] | €`).
 *
 * @example
 * ```ts
 * import { Gsm7 } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * // e.g. "€", "{"
 * fc.sample(SmsArbitraries.gsm7ExtensionChar(), 50).every((c) => Gsm7.septets(c.codePointAt(0)!) === 2) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const gsm7ExtensionChar = (): fc.Arbitrary<string> => fc.constantFrom(...chars(Gsm7.defaultExtension));

/**
 * Constraints of `gsm7Text`.
 *
 * @category models
 * @since 0.1.0
 */
export interface Gsm7TextConstraints extends LengthConstraints {
  /** Relative weight of extension characters against 1 for basic ones (default 0.25; 0 = none). */
  readonly extensionWeight?: number;
}

/**
 * Text made only of GSM-7 default alphabet and extension characters (so `Sms.measure` must
 * choose GSM-7), including CR, LF and CR LF. Lengths in characters; by default up to 400, with
 * extra weight on the lengths around the 160 / 306 septet boundaries.
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * fc.sample(SmsArbitraries.gsm7Text(), 50).every((t) => Sms.measure(t).encoding === "GSM-7") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const gsm7Text = (constraints?: Gsm7TextConstraints): fc.Arbitrary<string> => {
  const { minLength, maxLength } = lengths("gsm7Text", constraints, 400);
  const weight = constraints?.extensionWeight ?? 0.25;
  if (!(weight >= 0 && weight <= 100))
    throw new RangeError(`gsm7Text: extensionWeight must be in [0, 100], got ${weight}`);
  const unit =
    weight === 0
      ? gsm7BasicChar()
      : fc.oneof(
          { arbitrary: gsm7BasicChar(), weight: 100 },
          { arbitrary: gsm7ExtensionChar(), weight: Math.round(weight * 100) },
        );
  const near = (n: number) => {
    const lo = Math.max(minLength, n - 6);
    const hi = Math.min(maxLength, n + 6);
    return lo <= hi ? [fc.string({ unit, minLength: lo, maxLength: hi })] : [];
  };
  return fc.oneof(fc.string({ unit, minLength, maxLength }), ...near(153), ...near(160), ...near(306));
};

const pick = (s: string): fc.Arbitrary<string> => fc.constantFrom(...Array.from(s));

/**
 * Pieces of hostile Unicode text, each a short string: GSM characters, non-GSM BMP letters and
 * punctuation, emoji (surrogate pairs), emoji with skin tones and variation selectors, ZWJ
 * sequences, flags (regional indicator pairs) and single regional indicators, combining marks
 * (also stacked), Devanagari conjuncts, Hangul jamo, CR LF, controls (NUL, ESC) and lone
 * surrogates (high and low).
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * // e.g. "a", "👨‍👩‍👧", "\u0301", "\ud83d"
 * fc.sample(SmsArbitraries.unicodePiece(), { seed: 1, numRuns: 100 }).some((p) => Sms.measure(p).encoding === "UCS-2") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const unicodePiece = (): fc.Arbitrary<string> =>
  fc.oneof(
    { arbitrary: gsm7BasicChar(), weight: 30 },
    { arbitrary: gsm7ExtensionChar(), weight: 5 },
    { arbitrary: pick("êąłżčőЖщΣλ’“”–…™ä中文字ひら"), weight: 10 },
    { arbitrary: pick("😀👍🎉🚀🐍🧪𝄞𠀋"), weight: 8 },
    { arbitrary: fc.constantFrom("👍🏽", "❤️", "☺️", "✌🏿", "#️⃣", "🏳️‍🌈"), weight: 4 },
    { arbitrary: fc.constantFrom("👨‍👩‍👧", "👩‍💻", "🧑🏽‍🚀", "\u200d", "\ufe0f"), weight: 4 },
    { arbitrary: fc.constantFrom("🇪🇪", "🇫🇷", "🇯🇵", "🇺", "🇸"), weight: 4 },
    {
      arbitrary: fc.constantFrom("\u0301", "\u0308", "\u0327", "e\u0301", "a\u0301\u0302\u0303", "\u093f"),
      weight: 6,
    },
    { arbitrary: fc.constantFrom("क्ष", "न्", "स्ते", "한", "\u1100\u1161\u11a8", "ก่"), weight: 4 },
    {
      arbitrary: fc.constantFrom("\r\n", "\r", "\n", "\u0000", "\u001b", "\t", "\u00ad", "\u2028"),
      weight: 4,
    },
    { arbitrary: fc.constantFrom("\ud83d", "\ude00", "\udbff", "\udc00"), weight: 3 },
  );

/**
 * Hostile Unicode text made of `unicodePiece`s (lengths count pieces; default up to 120 pieces,
 * which crosses the UCS-2 boundaries of 70 and 134 code units).
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * fc.sample(SmsArbitraries.unicodeText(), 50).every((t) => Sms.split(t).join("") === t) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const unicodeText = (constraints?: LengthConstraints): fc.Arbitrary<string> => {
  const { minLength, maxLength } = lengths("unicodeText", constraints, 120);
  return fc.array(unicodePiece(), { minLength, maxLength }).map((a) => a.join(""));
};

/**
 * Any text of `gsm7Text` or `unicodeText`, half of each: the input most laws are checked on.
 *
 * @example
 * ```ts
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * fc.sample(SmsArbitraries.smsText(), 20).every((t) => typeof t === "string") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const smsText = (): fc.Arbitrary<string> => fc.oneof(gsm7Text(), unicodeText());

/**
 * Text for one national language: characters of its locking shift table (or the default
 * alphabet for Spanish), its single shift table, and now and then a default-alphabet character
 * or (with `foreignWeight > 0`) a character of no table at all.
 *
 * @example
 * ```ts
 * import { Gsm7 } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * import { Sms } from "@septet/core"
 *
 * // e.g. "कि ५A"
 * const texts = fc.sample(SmsArbitraries.nationalText(Gsm7.Hindi, { maxLength: 5 }), { seed: 1, numRuns: 50 })
 * // Hindi text that only the Hindi tables make GSM-7:
 * texts.some((t) => Sms.measure(t).encoding === "UCS-2" && Sms.measure(t, { languages: [Gsm7.Hindi] }).encoding === "GSM-7") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const nationalText = (
  language: Gsm7.NationalLanguage,
  constraints?: LengthConstraints & { readonly foreignWeight?: number },
): fc.Arbitrary<string> => {
  if (language === null || typeof language !== "object" || language.singleShift === undefined)
    throw new RangeError("nationalText: language must be a Gsm7.NationalLanguage");
  const { minLength, maxLength } = lengths("nationalText", constraints, 300);
  const foreign = constraints?.foreignWeight ?? 0;
  if (!(foreign >= 0 && foreign <= 100))
    throw new RangeError(`nationalText: foreignWeight must be in [0, 100], got ${foreign}`);
  const locking = chars(language.lockingShift ?? Gsm7.defaultAlphabet);
  const single = chars(language.singleShift);
  const unit = fc.oneof(
    { arbitrary: fc.constantFrom(...locking), weight: 60 },
    { arbitrary: fc.constantFrom(...single), weight: 20 },
    { arbitrary: gsm7BasicChar(), weight: 10 },
    { arbitrary: gsm7ExtensionChar(), weight: 5 },
    ...(foreign > 0 ? [{ arbitrary: pick("😀中ж\u0301"), weight: Math.round(foreign * 10) }] : []),
  );
  return fc.string({ unit, minLength, maxLength });
};

/**
 * A language of `Gsm7.languages` and text for it (`nationalText`).
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * // e.g. [Gsm7.Tamil, "அ ௧"]
 * const samples = fc.sample(SmsArbitraries.languageAndText({ maxLength: 20 }), { seed: 1, numRuns: 30 })
 * samples.every(([language, t]) => Sms.measure(t, { languages: [language] }).units >= 0) // => true
 * new Set(samples.map(([language]) => language.name)).size > 1 // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const languageAndText = (
  constraints?: LengthConstraints & { readonly foreignWeight?: number },
): fc.Arbitrary<readonly [Gsm7.NationalLanguage, string]> =>
  fc
    .constantFrom(...Gsm7.languages)
    .chain((language) => nationalText(language, constraints).map((text) => [language, text] as const));

/**
 * Constraints of `measureOptions`.
 *
 * @category models
 * @since 0.1.0
 */
export interface MeasureOptionsConstraints {
  /** Maximum number of national languages enabled (default 3, at most 13). */
  readonly maxLanguages?: number;
}

/**
 * `Sms.MeasureOptions` sets: any subset (in random order) of the national languages, each of
 * `reference` and `boundary` present or absent.
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 * import { SmsArbitraries } from "@septet/testing"
 * import * as fc from "fast-check"
 *
 * // e.g. {}, { reference: 16, languages: [Gsm7.Urdu] }
 * fc.sample(SmsArbitraries.measureOptions(), 30).every((o) => Sms.measure("hi", o).segments === 1) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const measureOptions = (constraints?: MeasureOptionsConstraints): fc.Arbitrary<MeasureOptions> => {
  const max = constraints?.maxLanguages ?? 3;
  if (!Number.isSafeInteger(max) || max < 0 || max > 13)
    throw new RangeError(`measureOptions: maxLanguages must be an integer in [0, 13], got ${max}`);
  return fc.record(
    {
      languages: fc.shuffledSubarray([...Gsm7.languages], { maxLength: max }),
      reference: fc.constantFrom(8 as const, 16 as const),
      boundary: fc.constantFrom("grapheme" as const, "code-point" as const),
    },
    { requiredKeys: [] },
  );
};
