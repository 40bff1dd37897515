/**
 * The reference pass of `Sms.measure`: one scan that finds every unit that is never cut (escape
 * pairs, CR LF, surrogate pairs, grapheme clusters), every character that forces UCS-2 and every
 * lone surrogate, then a greedy packing over those spans. `Sms.measure` answers from
 * `fast.ts` and builds the lists found here only when a caller reads them; `truncate` and the
 * national language path use the spans directly. The fast path is tested against this one.
 *
 * @internal
 */
import type { Forced, Measurement, Part } from "../../Sms.js";
import { clusterStartsFast, clusterStartsInside, isSimple } from "./grapheme.js";
import { COST, COST_LIMIT } from "./gsm7Cost.js";
import {
  codePointAt,
  GSM_MULTI_8,
  GSM_MULTI_16,
  GSM_SINGLE,
  UCS2_MULTI_8,
  UCS2_MULTI_16,
  UCS2_SINGLE,
} from "./units.js";

/**
 * One code point before the first complex code point of a stretch to one after its last, and
 * the cluster starts strictly inside.
 */
const stretch = (
  text: string,
  firstComplex: number,
  lastComplexEnd: number,
): { from: number; to: number; starts: Int32Array } => {
  let from = firstComplex;
  if (from > 0)
    from -=
      (text.charCodeAt(from - 2) & 0xfc00) === 0xd800 && (text.charCodeAt(from - 1) & 0xfc00) === 0xdc00
        ? 2
        : 1;
  let to = lastComplexEnd;
  if (to < text.length) to += codePointAt(text, to) > 0xffff ? 2 : 1;
  return { from, to, starts: clusterStartsFast(text, from, to) ?? clusterStartsInside(text, from, to) };
};

export const NONE: ReadonlyArray<never> = Object.freeze([]);

/**
 * The ASCII characters of the default alphabet other than CR: `search` skips a run of them in
 * native code (a single character class, no backtracking; a class with non-ASCII ranges is
 * several times slower in V8 than a loop).
 */
const PLAIN = /[^\n -Z_a-z]/;

/** What one pass over a text finds (see {@link scanText}). */
export interface Scanned {
  /** Characters of the default extension table (2 septets each in the default tables). */
  readonly extension: number;
  /**
   * Flat `[start, end, …]`, ascending: the units never cut. Each extension character (1 code
   * unit), CR LF, surrogate pair and grapheme cluster of more than one code unit.
   */
  readonly spans: ReadonlyArray<number>;
  /** Characters outside the default tables (incl. lone surrogates). */
  readonly forced: Array<Forced>;
  readonly lone: Array<number>;
  /** Grapheme clusters (code points with `boundary: "code-point"`). */
  readonly characters: number;
}

/**
 * The one pass every function here starts with: `search` skips plain ASCII natively, then one
 * loop looks at the rest. Clusters are computed only around complex code points (see
 * internal/sms/grapheme): a simple code point resets every UAX #29 rule that looks back, so a text
 * without complex code points clusters by code point, CR LF kept whole.
 */
export const scanText = (t: string, codePointMode: boolean): Scanned => {
  const n = t.length;
  let extension = 0;
  // Complex stretches as [first, end, …]: one unless two complex code points are more than one
  // code point apart.
  const complex: Array<number> = [];
  let spans: Array<number> = [];
  const forced: Array<Forced> = [];
  const lone: Array<number> = [];
  // `spans.push(i, ++i + 1)` records a 2-unit span and steps over its second code unit.
  for (let i = t.search(PLAIN); i >= 0 && i < n; i++) {
    const c = t.charCodeAt(i);
    const k = c < COST_LIMIT ? COST[c]! : 0;
    if (k === 1) {
      if (c === 13 && t.charCodeAt(i + 1) === 10 && !codePointMode) spans.push(i, ++i + 1);
    } else if (k === 2) {
      extension++;
      spans.push(i, i + 1);
    } else {
      let cp = c;
      const start = i;
      if ((c & 0xf800) === 0xd800) {
        const d = t.charCodeAt(i + 1);
        if (c < 0xdc00 && (d & 0xfc00) === 0xdc00) {
          cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          spans.push(i, ++i + 1);
        } else lone.push(i);
      }
      if (!codePointMode && cp >= 0x300 && !isSimple(cp)) {
        const m = complex.length - 1;
        if (m > 0 && start <= complex[m]! + (codePointAt(t, complex[m]!) > 0xffff ? 2 : 1))
          complex[m] = i + 1;
        else complex.push(start, i + 1);
      }
      forced.push({ index: start, char: t.slice(start, i + 1) });
    }
  }
  if (complex.length > 0) spans = withClusters(t, spans, complex);
  let characters = n;
  for (let q = 0; q < spans.length; q += 2) characters -= spans[q + 1]! - spans[q]! - 1;
  return { extension, spans, forced, lone, characters };
};

/**
 * `spans` with the grapheme clusters of each complex stretch (`[first, end, …]`) in place of
 * the spans inside it: there an extension character is in a UCS-2 or national text, where the
 * cost function prices it. A CR LF across a stretch's end stays whole.
 */
const withClusters = (
  t: string,
  old: ReadonlyArray<number>,
  complex: ReadonlyArray<number>,
): Array<number> => {
  const spans: Array<number> = [];
  let k = 0;
  for (let q = 0; q < complex.length; q += 2) {
    const { from, to, starts } = stretch(t, complex[q]!, complex[q + 1]!);
    for (; k < old.length && old[k]! < from; k += 2) spans.push(old[k]!, old[k + 1]!);
    let a = from;
    for (let r = 0; r <= starts.length; r++) {
      const b = r < starts.length ? starts[r]! : to;
      if (b - a > 1) spans.push(a, b);
      a = b;
    }
    // a CR LF across `to` stays whole
    for (; k < old.length && old[k]! < to; k += 2) if (old[k + 1]! > to) spans.push(old[k]!, old[k + 1]!);
  }
  for (; k < old.length; k += 2) spans.push(old[k]!, old[k + 1]!);
  return spans;
};

/**
 * Greedy packing when every code unit costs 1 except inside `spans`: in GSM-7 an extension
 * character (1 code unit) or CR LF, 2 septets each; in UCS-2 a cluster of `end - start` units
 * (1-unit spans, the extension characters, are ignored). Arithmetic between the spans. A span
 * longer than a whole part (a letter with 100 combining marks) is cut between code points,
 * filling the current part first.
 */
export const packSpans = (
  t: string,
  spans: ReadonlyArray<number>,
  cap: number,
  ucs2: boolean,
): Array<Part> => {
  const n = t.length;
  const parts: Array<Part> = [];
  let partStart = 0;
  let used = 0;
  let i = 0;
  for (let k = 0; k <= spans.length; k += 2) {
    const s = k < spans.length ? spans[k]! : n;
    const e = k < spans.length ? spans[k + 1]! : n;
    const cost = k === spans.length ? 0 : ucs2 ? e - s : 2;
    if (cost === 1) continue;
    while (used + s - i > cap) {
      i += cap - used;
      parts.push({ start: partStart, end: i, units: cap, capacity: cap });
      partStart = i;
      used = 0;
    }
    used += s - i;
    if (cost > cap) {
      // Only UCS-2 clusters get here (a GSM-7 span costs 2); cut between code points.
      for (let j = s; j < e; ) {
        const w = (t.charCodeAt(j) & 0xfc00) === 0xd800 && (t.charCodeAt(j + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
        if (used + w > cap) {
          parts.push({ start: partStart, end: j, units: used, capacity: cap });
          partStart = j;
          used = 0;
        }
        used += w;
        j += w;
      }
    } else {
      if (used + cost > cap) {
        parts.push({ start: partStart, end: s, units: used, capacity: cap });
        partStart = s;
        used = 0;
      }
      used += cost;
    }
    i = e;
  }
  parts.push({ start: partStart, end: n, units: used, capacity: cap });
  return parts;
};

/** A measurement in the default tables (GSM-7 when nothing is forced, else UCS-2). */
export const measureDefault = (
  t: string,
  sc: Scanned,
  ref16: boolean,
  forced: ReadonlyArray<Forced>,
): Measurement => {
  const n = t.length;
  const ucs2 = forced.length > 0;
  const units = ucs2 ? n : n + sc.extension;
  const single = ucs2 ? UCS2_SINGLE : GSM_SINGLE[0];
  const perSegment =
    units <= single
      ? single
      : ucs2
        ? ref16
          ? UCS2_MULTI_16
          : UCS2_MULTI_8
        : ref16
          ? GSM_MULTI_16[0]
          : GSM_MULTI_8[0];
  const parts =
    units <= single
      ? [{ start: 0, end: n, units, capacity: single }]
      : packSpans(t, sc.spans, perSegment, ucs2);
  return {
    encoding: ucs2 ? "UCS-2" : "GSM-7",
    units,
    segments: parts.length,
    perSegment,
    remaining: perSegment - parts[parts.length - 1]!.units,
    lockingShift: null,
    singleShift: null,
    parts,
    forcedUcs2: ucs2 ? forced : NONE,
    loneSurrogates: ucs2 ? sc.lone : NONE,
    characters: sc.characters,
  };
};
