/**
 * SMS encoding and segmentation (3GPP TS 23.038 alphabets, TS 23.040 user data headers): which
 * encoding a text goes out in, how many units and billed segments it takes, and where a sender
 * splits it.
 *
 * Everything here is synchronous, pure, linear in the length of the text and never throws, also
 * on hostile input (megabytes of text, lone surrogates, NUL, control characters, bad options).
 * This module imports only the default GSM 7 bit tables; national language tables are passed in
 * by the caller (`Gsm7.Turkish`, …) and bring the national algorithm with them, so an app that
 * only counts default-alphabet text stays small (`measure` alone: about 3.9 kB min+gzip).
 *
 * `count` gives the numbers alone (encoding, units, segments, room left) and is the call for a
 * counter on every keystroke or a queue of messages. `measure` gives the same numbers with the
 * lists (parts, characters that forced UCS-2, lone surrogates, character count). On UCS-2 text
 * those lists are built when first read: reading them on a 10 MB text costs what the lists
 * weigh (one object per forced character), measuring it does not. Every field is an own,
 * enumerable property, so spread, `JSON.stringify`, `structuredClone` and deep equality see
 * them all.
 *
 * @module
 * @since 0.1.0
 */
import type { LanguageName, NationalLanguage } from "./Gsm7.js";
import { countFast, type Details, measureFast } from "./internal/sms/fast.js";
import { COST as DEFAULT_COST, COST_LIMIT as DEFAULT_COST_LIMIT } from "./internal/sms/gsm7Cost.js";
import type { NationalSupport, Tables } from "./internal/sms/nationalKey.js";
import { supportOf as nationalSupportOf } from "./internal/sms/nationalKey.js";
import { NONE, type Scanned, scanText } from "./internal/sms/scan.js";
import * as U from "./internal/sms/units.js";

/**
 * The data coding of a message: the GSM 7 bit alphabet (with the national tables chosen, if any)
 * or UCS-2 (UTF-16 code units).
 *
 * @category models
 * @since 0.1.0
 */
export type Encoding = "GSM-7" | "UCS-2";

/**
 * Options of `measure`, `split` and `truncate`. Unknown or malformed values fall back to the
 * default of that option (the functions never throw).
 *
 * @example
 * ```ts
 * import { Gsm7, Sms } from "@septet/core"
 *
 * const options: Sms.MeasureOptions = { languages: [Gsm7.Turkish], reference: 16, boundary: "grapheme" }
 * Sms.measure("Şişli", options).encoding // => "GSM-7"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export interface MeasureOptions {
  /**
   * National language tables the sender may use (opt-in, default none): values of `Gsm7`
   * (`Gsm7.Turkish`, `Gsm7.languages`, …). Each language contributes its locking shift table (if
   * it has one) and its single shift table; `measure` picks at most one of each to minimise
   * segments. The `Gsm7` values also carry the national algorithm (so an app that never uses one
   * does not bundle it): a list with no `Gsm7` value in it, only copies made by hand or through
   * JSON, is ignored like any other malformed value. Map names back with
   * `Gsm7.languages.find((l) => l.name === name)`.
   */
  readonly languages?: ReadonlyArray<NationalLanguage>;
  /**
   * Concatenation reference size of the TS 23.040 concatenation header: `8` (IEI 0x00, the
   * default: 153 septets / 67 UCS-2 units per part) or `16` (IEI 0x08: 152 / 66).
   */
  readonly reference?: 8 | 16;
  /**
   * Where a part may end: between grapheme clusters (`"grapheme"`, the default: what a person
   * sees as one character is never cut) or between any two code points (`"code-point"`). Escape
   * pairs and surrogate pairs are never cut in either mode. Clusters follow Unicode UAX #29 as
   * the runtime's `Intl.Segmenter` implements it (emoji sequences, flags and combining marks are
   * recognised natively; a runtime without `Intl.Segmenter` gets code points, CR LF kept whole).
   */
  readonly boundary?: "grapheme" | "code-point";
}

/**
 * One SMS part of a measured text.
 *
 * @category models
 * @since 0.1.0
 */
export interface Part {
  /** UTF-16 index in the text where the part starts (inclusive). */
  readonly start: number;
  /** UTF-16 index where it ends (exclusive). */
  readonly end: number;
  /** Units (septets or UTF-16 code units) the part uses. */
  readonly units: number;
  /** Units the part may hold (after the user data header). */
  readonly capacity: number;
}

/**
 * A character that forced UCS-2.
 *
 * @category models
 * @since 0.1.0
 */
export interface Forced {
  /** UTF-16 index of the character in the text. */
  readonly index: number;
  /** The character: one whole code point (two code units for a surrogate pair; a lone surrogate as itself). */
  readonly char: string;
}

/**
 * What `measure` reports about a text.
 *
 * @category models
 * @since 0.1.0
 */
export interface Measurement {
  readonly encoding: Encoding;
  /** Septets (GSM-7, an escape pair counts 2) or UTF-16 code units (UCS-2) of the whole text. */
  readonly units: number;
  /** Billed segments (SMS parts): `parts.length`, at least 1 (empty text is one segment). */
  readonly segments: number;
  /** Capacity of each part: the single-part capacity when `segments` is 1, else the per-part one. */
  readonly perSegment: number;
  /** Units still free in the last part. */
  readonly remaining: number;
  /** National locking shift table used (`null`: the default alphabet). */
  readonly lockingShift: LanguageName | null;
  /** National single shift table used (`null`: the default extension table). */
  readonly singleShift: LanguageName | null;
  /** The parts, in order, covering the text exactly (one part `{start: 0, end: 0}` for ""). */
  readonly parts: ReadonlyArray<Part>;
  /** Every character that forced UCS-2, in text order (empty for GSM-7). */
  readonly forcedUcs2: ReadonlyArray<Forced>;
  /** UTF-16 indices of lone surrogates (each counts 1 UCS-2 unit and also appears in `forcedUcs2`). */
  readonly loneSurrogates: ReadonlyArray<number>;
  /**
   * Characters as a person counts them: grapheme clusters (with `boundary: "code-point"`, code
   * points). "👍🏽" is 1, "e\u0301" is 1, CR LF is 1.
   */
  readonly characters: number;
}

// Local bindings of what the hot paths read on every call or character (module runners such as
// vitest's turn imported bindings into getters).
const COST: Uint8Array = DEFAULT_COST;
const COST_LIMIT: number = DEFAULT_COST_LIMIT;
const supportOf = nationalSupportOf;
const boundaryTest = U.boundaryTest;
const codePointAt = U.codePointAt;
const GSM_SINGLE = U.GSM_SINGLE;
const GSM_MULTI_8 = U.GSM_MULTI_8;
const GSM_MULTI_16 = U.GSM_MULTI_16;
const UCS2_SINGLE = U.UCS2_SINGLE;
const UCS2_MULTI_8 = U.UCS2_MULTI_8;
const UCS2_MULTI_16 = U.UCS2_MULTI_16;
type Cost = U.Cost;

const ucs2Cost: Cost = (cp) => (cp > 0xffff ? 2 : 1);
const defaultGsmCost: Cost = (cp) => (cp < COST_LIMIT ? COST[cp]! : 0);

/** What the options ask for, read once. */
interface Settings {
  readonly ref16: boolean;
  readonly codePointMode: boolean;
  /** The national algorithm and the tables it may use, when `languages` enables some. */
  readonly national: { readonly support: NationalSupport; readonly tables: Tables } | null;
}

const DEFAULTS: Settings = { ref16: false, codePointMode: false, national: null };

/**
 * Reads the options. A malformed value takes its option's default; options that cannot be read
 * at all (a getter or a proxy that throws) are all defaults: nothing throws out of `measure`.
 */
const settingsOf = (options: unknown): Settings => {
  if (options === null || typeof options !== "object") return DEFAULTS;
  try {
    const { reference, boundary, languages } = options as MeasureOptions;
    const support = supportOf(languages);
    const tables = support?.tables(languages) ?? null;
    return {
      ref16: reference === 16,
      codePointMode: boundary === "code-point",
      national: support === undefined || tables === null ? null : { support, tables },
    };
  } catch {
    return DEFAULTS;
  }
};

/** The lists of a measurement from the reference pass, with the characters that forced UCS-2. */
const detailsOf = (sc: Scanned, forced: ReadonlyArray<Forced> = sc.forced): Details => ({
  forcedUcs2: forced,
  loneSurrogates: sc.lone,
  characters: sc.characters,
});

/** The lists of a default-tables measurement (built on first read). */
const defaultDetails = (t: string, codePointMode: boolean): Details => detailsOf(scanText(t, codePointMode));

/**
 * Measures a text as an SMS: encoding, units, segments, the parts and what forced UCS-2.
 *
 * Rules (3GPP TS 23.038 / TS 23.040):
 * - GSM-7 when every character is in the default alphabet or its extension table, or — with
 *   `languages` — in one locking shift table plus one single shift table of the enabled
 *   languages; otherwise UCS-2. The national pair is chosen for the fewest segments, then the
 *   most units left in the last part; on a tie the default tables win, then the languages in
 *   the order given (as Android does).
 * - Units: septets for GSM-7 (a character of the extension or single shift table is an escape
 *   pair, 2 septets), UTF-16 code units for UCS-2 (an emoji is 2; an extension character is 1).
 * - Capacity: GSM-7 160 in one part, 153 per part (152 with a 16-bit reference); UCS-2 70 / 67
 *   / 66. National language headers reduce GSM-7 to 155 / 149 (148 with a 16-bit reference)
 *   with one table and 152 / 146 (145) with two.
 * - Parts: greedy, never cutting an escape pair or a surrogate pair, and by default never a
 *   grapheme cluster (`boundary: "code-point"` allows cuts between any code points). A single
 *   cluster longer than a whole part (e.g. a letter with 100 combining marks) is the exception:
 *   it is cut between code points, filling the current part first.
 * - Empty text is 1 segment (of 0 units). CR LF counts 2 units (1 character). ESC (U+001B), NUL
 *   and other controls outside the tables force UCS-2. A lone surrogate forces UCS-2, counts 1
 *   unit and is listed in both `forcedUcs2` and `loneSurrogates`.
 * - `forcedUcs2` lists every character outside all enabled tables with its UTF-16 index. In the
 *   rare case that every character is in some enabled table but no single pair of tables holds
 *   them all, it lists the characters outside the default tables.
 *
 * @example
 * ```ts
 * import { Gsm7, Sms } from "@septet/core"
 *
 * // € is an escape pair (2 septets); 161 septets are 153 + 8.
 * Sms.measure("Hello €").units          // => 8
 * Sms.measure("a".repeat(161)).segments // => 2
 * Sms.measure("Hi 👋").encoding         // => "UCS-2"
 * Sms.measure("Hi 👋").forcedUcs2       // => [{ index: 3, char: "👋" }]
 * Sms.measure("Çalışma", { languages: [Gsm7.Turkish] }).lockingShift // => "Turkish"
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const measure = (text: string, options?: MeasureOptions): Measurement => {
  const t = typeof text === "string" ? text : "";
  const { ref16, codePointMode, national } = settingsOf(options);
  if (national === null) return measureFast(t, ref16, codePointMode, defaultDetails);
  const sc = scanText(t, codePointMode);
  const choice = national.support.choose(t, sc.spans, ref16, national.tables);
  if (choice === null || Array.isArray(choice)) {
    // UCS-2 (or GSM-7 in the default tables): counted as without languages, listing what the
    // national tables could not hold.
    const forced = sc.forced.length === 0 ? NONE : (choice ?? sc.forced);
    return measureFast(t, ref16, codePointMode, () => detailsOf(sc, forced));
  }
  const perSegment = choice.parts === null ? choice.single : choice.multi;
  const parts = choice.parts ?? [{ start: 0, end: t.length, units: choice.units, capacity: perSegment }];
  return {
    encoding: "GSM-7",
    units: choice.units,
    segments: parts.length,
    perSegment,
    remaining: perSegment - parts[parts.length - 1]!.units,
    lockingShift: choice.lockingShift,
    singleShift: choice.singleShift,
    parts,
    forcedUcs2: NONE,
    loneSurrogates: NONE,
    characters: sc.characters,
  };
};

/**
 * What `count` reports: the counting fields of a {@link Measurement}, without its lists.
 *
 * @category models
 * @since 0.1.0
 */
export type Count = Pick<
  Measurement,
  "encoding" | "units" | "segments" | "perSegment" | "remaining" | "lockingShift" | "singleShift"
>;

/**
 * Counts a text as an SMS: encoding, units, segments, and what is left in the last part, equal
 * to the same fields of {@link measure} (same rules, same options).
 *
 * Use it where only the numbers matter (a counter on every keystroke, a price check on a queue
 * of messages): it builds no list, and on UCS-2 text it reads only the characters around the
 * cut points, so it costs about as much as counting by length. `measure` returns the same
 * numbers with the parts, the characters that forced UCS-2 and the lone surrogates; it builds
 * those lists when they are first read, but defining the accessors that do that costs V8 about
 * 0.5 µs, which dominates on short UCS-2 messages (the benchmarks page has the figures).
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 *
 * Sms.count("Hello €")                      // => { encoding: "GSM-7", units: 8, segments: 1, perSegment: 160, remaining: 152, lockingShift: null, singleShift: null }
 * Sms.count("Привет ".repeat(20)).segments  // => 3
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const count = (text: string, options?: MeasureOptions): Count => {
  const t = typeof text === "string" ? text : "";
  const settings = settingsOf(options);
  if (settings.national === null) {
    const c = countFast(t, settings.ref16, settings.codePointMode);
    return {
      encoding: c.encoding,
      units: c.units,
      segments: c.segments,
      perSegment: c.perSegment,
      remaining: c.remaining,
      lockingShift: null,
      singleShift: null,
    };
  }
  const { encoding, units, segments, perSegment, remaining, lockingShift, singleShift } = measure(t, options);
  return { encoding, units, segments, perSegment, remaining, lockingShift, singleShift };
};

/**
 * Splits a text into its SMS parts, as `measure` cuts it. Joined, the parts give back the input
 * exactly (`split(t).join("") === t`); `split(t).length === measure(t).segments`. Empty text is
 * one empty part.
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 *
 * // In the second text the escape pair (€) moves whole to the next part.
 * Sms.split("a".repeat(200)).map((p) => p.length)      // => [153, 47]
 * Sms.split("a".repeat(152) + "€" + "a".repeat(7)).map((p) => p.length) // => [152, 8]
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const split = (text: string, options?: MeasureOptions): ReadonlyArray<string> => {
  const t = typeof text === "string" ? text : "";
  const settings = settingsOf(options);
  if (settings.national !== null) return measure(t, options).parts.map((p) => t.slice(p.start, p.end));
  // The part ends alone: no measurement object (and no lists) on the way.
  const { ends } = countFast(t, settings.ref16, settings.codePointMode);
  const out: Array<string> = [];
  let start = 0;
  for (const end of ends) {
    out.push(t.slice(start, end));
    start = end;
  }
  out.push(t.slice(start));
  return out;
};

/**
 * End of the longest prefix (walked cluster by cluster) that fits in `maxParts` parts when the
 * encoding and tables are fixed by `cost` (0 = not encodable: the prefix stops before it). Both
 * "fits in one part" and "greedy packing needs at most maxParts parts" are monotone in the
 * prefix, so the walk stops at the first cluster that breaks both.
 */
const longestPrefix = (
  text: string,
  spans: ReadonlyArray<number>,
  cost: Cost,
  singleCap: number,
  multiCap: number,
  maxParts: number,
): number => {
  const n = text.length;
  const isBoundary = boundaryTest(spans);
  let best = 0;
  let total = 0;
  let parts = 1;
  let used = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let units = 0;
    let k = i;
    do {
      const cp = codePointAt(text, j);
      const c = cost(cp);
      if (c === 0) return best;
      units += c;
      j += cp > 0xffff ? 2 : 1;
    } while (j < n && !isBoundary(j));
    total += units;
    if (maxParts >= 2) {
      if (units <= multiCap) {
        if (used + units > multiCap) {
          parts++;
          used = 0;
        }
        used += units;
      } else {
        while (k < j) {
          const cp = codePointAt(text, k);
          const c = cost(cp);
          if (used + c > multiCap) {
            parts++;
            used = 0;
          }
          used += c;
          k += cp > 0xffff ? 2 : 1;
        }
      }
    }
    if (total <= singleCap || (maxParts >= 2 && parts <= maxParts)) best = j;
    else return best;
    i = j;
  }
  return best;
};

/**
 * The longest prefix of `text` that fits in `maxSegments` segments, cut only where `split` may
 * cut: never inside an escape pair or a surrogate pair, and (by default) never inside a grapheme
 * cluster. The prefix is measured on its own, so it may fit in GSM-7 although the whole text
 * needs UCS-2 (`truncate("a".repeat(200) + "👋", 1)` is 160 `a`s).
 *
 * `maxSegments` is floored; anything below 1, `NaN` or a non-number gives `""`; `Infinity` gives
 * the whole text. `measure(truncate(t, k, o), o).segments <= k` always holds.
 *
 * @example
 * ```ts
 * import { Sms } from "@septet/core"
 *
 * // The € pair after 159 septets would need septets 160 and 161, so it is cut off whole.
 * Sms.truncate("a".repeat(200), 1).length   // => 160
 * Sms.truncate("a".repeat(159) + "€", 1)     // => "a".repeat(159)
 * Sms.truncate("hello", 0)                  // => ""
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const truncate = (text: string, maxSegments: number, options?: MeasureOptions): string => {
  const t = typeof text === "string" ? text : "";
  if (typeof maxSegments !== "number" || Number.isNaN(maxSegments) || maxSegments < 1) return "";
  if (maxSegments === Number.POSITIVE_INFINITY) return t;
  const max = Math.floor(maxSegments);
  // A prefix that fits holds at most 160 code points (320 code units) per segment, and a cluster
  // boundary depends only on what precedes it (UAX #29 has no look-ahead), so only the head of a
  // long text needs looking at.
  const limit = Math.min(t.length, max * 320 + 8);
  const head = limit < t.length ? t.slice(0, limit) : t;
  if (head.length === t.length && measure(t, options).segments <= max) return t;
  const { ref16, codePointMode, national } = settingsOf(options);
  const { spans } = scanText(head, codePointMode);
  const candidates: Array<{ cost: Cost; single: number; multi: number }> = [
    { cost: ucs2Cost, single: UCS2_SINGLE, multi: ref16 ? UCS2_MULTI_16 : UCS2_MULTI_8 },
    { cost: defaultGsmCost, single: GSM_SINGLE[0], multi: ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0] },
    ...(national === null ? [] : national.support.candidates(national.tables, ref16)),
  ];
  let best = 0;
  for (const c of candidates) {
    const end = longestPrefix(head, spans, c.cost, c.single, c.multi, max);
    if (end > best) best = end;
  }
  return t.slice(0, best);
};
