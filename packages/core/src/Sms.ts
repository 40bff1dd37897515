/**
 * TEMPORARY STUB (owned by the encoding-core helper, who replaces it). The exported names and
 * types below are the contract other modules use; the body is a naive default-alphabet count.
 */
import * as Gsm7 from "./Gsm7.js";

export type Encoding = "GSM-7" | "UCS-2";

export interface MeasureOptions {
  /** National language tables the sender may use (opt-in); default none. */
  readonly languages?: ReadonlyArray<Gsm7.NationalLanguage>;
  /** Concatenation reference size: 8-bit (153 / 67 per part, the default) or 16-bit (152 / 66). */
  readonly reference?: 8 | 16;
  /** Where a part may end: whole grapheme clusters (default) or any code point. */
  readonly boundary?: "grapheme" | "code-point";
}

export interface Part {
  /** UTF-16 index in the text where the part starts (inclusive). */
  readonly start: number;
  /** UTF-16 index where it ends (exclusive). */
  readonly end: number;
  /** Units (septets or UTF-16 code units) the part uses. */
  readonly units: number;
  /** Units the part may hold. */
  readonly capacity: number;
}

export interface Forced {
  /** UTF-16 index of the character in the text. */
  readonly index: number;
  /** The character (a whole code point; a lone surrogate as itself). */
  readonly char: string;
}

export interface Measurement {
  readonly encoding: Encoding;
  /** Septets (GSM-7) or UTF-16 code units (UCS-2) of the whole text. */
  readonly units: number;
  readonly segments: number;
  /** Capacity of each part (single-part capacity when segments is 1). */
  readonly perSegment: number;
  /** Units still free in the last part. */
  readonly remaining: number;
  /** National language tables used (null when none). */
  readonly lockingShift: Gsm7.LanguageName | null;
  readonly singleShift: Gsm7.LanguageName | null;
  readonly parts: ReadonlyArray<Part>;
  /** Every character that forced UCS-2, in order (empty for GSM-7). */
  readonly forcedUcs2: ReadonlyArray<Forced>;
  /** UTF-16 indices of lone surrogates. */
  readonly loneSurrogates: ReadonlyArray<number>;
}

export const measure = (text: string, _options?: MeasureOptions): Measurement => {
  let septets = 0;
  const forcedUcs2: Array<Forced> = [];
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const size = cp > 0xffff ? 2 : 1;
    const cost = Gsm7.septets(cp);
    if (cost === 0) forcedUcs2.push({ index: i, char: text.slice(i, i + size) });
    septets += cost;
    i += size;
  }
  const encoding: Encoding = forcedUcs2.length === 0 ? "GSM-7" : "UCS-2";
  const units = encoding === "GSM-7" ? septets : text.length;
  const single = encoding === "GSM-7" ? 160 : 70;
  const multi = encoding === "GSM-7" ? 153 : 67;
  const perSegment = units <= single ? single : multi;
  const segments = Math.max(1, Math.ceil(units / perSegment));
  return {
    encoding,
    units,
    segments,
    perSegment,
    remaining: segments * perSegment - units,
    lockingShift: null,
    singleShift: null,
    parts: [{ start: 0, end: text.length, units, capacity: perSegment }],
    forcedUcs2,
    loneSurrogates: [],
  };
};

export const split = (text: string, _options?: MeasureOptions): ReadonlyArray<string> => [text];

export const truncate = (text: string, _maxSegments: number, _options?: MeasureOptions): string => text;
