/**
 * The fast path of `Sms.measure` in the default tables: the counts come from as little reading as
 * the rules allow, and the lists (`parts`, `forcedUcs2`, `loneSurrogates`, `characters`) are built
 * on first read.
 *
 * - GSM-7: one pass over the code units with the cost table, recording only where parts end. It
 *   stops at the first character outside the default tables: from there the text is UCS-2.
 * - UCS-2: the units are the length, so only the cut points (one per 67 units) are looked at: a
 *   cut moves back to the start of the cluster (or surrogate pair, or CR LF) it would split,
 *   found by segmenting a window that starts at a known boundary (see {@link clusterCut}).
 *
 * Results equal the reference pass (`scan.ts`) on every field; `fast.test.ts` checks it.
 *
 * @internal
 */
import type { Forced, Measurement, Part } from "../../Sms.js";
import {
  clusterStartsFast,
  clusterStartsInside,
  graphemeSegmenter,
  isKnownExtend,
  isSimple,
} from "./grapheme.js";
import { COST as COST_TABLE, COST_LIMIT as LIMIT } from "./gsm7Cost.js";
import { NONE } from "./scan.js";
import { GSM_MULTI_8, GSM_MULTI_16, GSM_SINGLE, UCS2_MULTI_8, UCS2_MULTI_16, UCS2_SINGLE } from "./units.js";

// Local bindings (module runners turn imported bindings into getters).
const COST: Uint8Array = COST_TABLE;
const COST_LIMIT: number = LIMIT;

/** The lists a caller may read, built by the reference pass on first read. */
export interface Details {
  readonly forcedUcs2: ReadonlyArray<Forced>;
  readonly loneSurrogates: ReadonlyArray<number>;
  readonly characters: number;
}

/** The ASCII characters of the default alphabet other than CR, skipped natively by `search`. */
const PLAIN = /[^\n -Z_a-z]/;

/** Where the parts of a GSM-7 text end (all but the last), with their septets. */
interface GsmPass {
  readonly units: number;
  readonly characters: number;
  readonly ends: Array<number>;
  readonly sizes: Array<number>;
  readonly last: number;
}

/**
 * Greedy packing in parts of `cap` septets, or `null` at the first code unit outside the default
 * alphabet and its extension table. An extension character costs 2 and CR LF (unless
 * `codePointMode`) is 2 septets never cut; a plain ASCII prefix is packed by arithmetic.
 */
const gsmPass = (t: string, cap: number, codePointMode: boolean): GsmPass | null => {
  const n = t.length;
  const ends: Array<number> = [];
  const sizes: Array<number> = [];
  let i = t.search(PLAIN);
  if (i < 0) i = n;
  // A part closes when the next character does not fit, so a prefix of i septets closes
  // floor((i - 1) / cap) parts.
  const full = i > 0 ? Math.floor((i - 1) / cap) : 0;
  for (let q = 1; q <= full; q++) {
    ends.push(q * cap);
    sizes.push(cap);
  }
  let used = i - full * cap;
  let units = i;
  let crlf = 0;
  for (; i < n; i++) {
    const c = t.charCodeAt(i);
    let k = c < COST_LIMIT ? COST[c]! : 0;
    if (k === 0) return null;
    const start = i;
    if (c === 13 && !codePointMode && t.charCodeAt(i + 1) === 10) {
      k = 2;
      crlf++;
      i++;
    }
    if (used + k > cap) {
      ends.push(start);
      sizes.push(used);
      used = 0;
    }
    used += k;
    units += k;
  }
  return { units, characters: n - crlf, ends, sizes, last: used };
};

/** Whether `i` (0 < i < length) lies between the two halves of a surrogate pair. */
const insidePair = (t: string, i: number): boolean =>
  (t.charCodeAt(i - 1) & 0xfc00) === 0xd800 && (t.charCodeAt(i) & 0xfc00) === 0xdc00;

/** The code point that ends at `i` (0 < i). */
const codePointBefore = (t: string, i: number): number => {
  const c = t.charCodeAt(i - 1);
  if ((c & 0xfc00) === 0xdc00 && i > 1) {
    const h = t.charCodeAt(i - 2);
    if ((h & 0xfc00) === 0xd800) return ((h - 0xd800) << 10) + (c - 0xdc00) + 0x10000;
  }
  return c;
};

/**
 * Whether `i` is a cluster boundary without segmenting: the code points on both sides are simple
 * (see internal/sms/grapheme), and they are not CR LF or the halves of a pair. Such a position is
 * outside every stretch the reference pass segments.
 */
const simpleBoundary = (t: string, i: number): boolean => {
  const c = t.charCodeAt(i);
  const b = t.charCodeAt(i - 1);
  if ((c & 0xfc00) === 0xdc00 && (b & 0xfc00) === 0xd800) return false;
  if (c === 10 && b === 13) return false;
  const cp = (c & 0xfc00) === 0xd800 ? (t.codePointAt(i) as number) : c;
  return isSimple(cp) && isSimple(codePointBefore(t, i));
};

/** A window end that does not split a surrogate pair. */
const windowEnd = (t: string, end: number): number =>
  end < t.length && insidePair(t, end) ? end + 1 : Math.min(end, t.length);

/** The cluster around a cut point: its start and its end. */
interface Around {
  readonly start: number;
  readonly end: number;
}

/** What a segmenter gives for one text, made once per `measure` call (see {@link clusterAround}). */
interface Segmented {
  segments: ReturnType<NonNullable<ReturnType<typeof graphemeSegmenter>>["segment"]> | null | undefined;
}

/** The cluster at `p` as `Intl.Segmenter` cuts the whole text, or `null` without one. */
const containingCluster = (p: number, seg: Segmented): Around | null => {
  const c = seg.segments?.containing?.(p);
  return c === undefined ? null : { start: c.index, end: c.index + c.segment.length };
};

/**
 * The cluster containing `p`, segmenting from `from` (a known boundary, `from` ≤ `p`): a
 * boundary depends only on the cluster it ends (UAX #29 looks back over Extend, ZWJ and the
 * regional indicators of one cluster only, and never ahead). The window reaches 16 units past
 * `p`, then a whole part past it: then the cluster ends in it or is longer than `cap` (`end` -1). Where the native clustering does not know
 * a code point (Hangul, Indic scripts, …), `Intl.Segmenter` answers for the whole text at once
 * (`containing`), which costs no more than the window.
 */
const clusterAround = (t: string, from: number, p: number, cap: number, seg: Segmented): Around => {
  const n = t.length;
  let reach = 16;
  for (;;) {
    const to = windowEnd(t, p + reach);
    let starts = clusterStartsFast(t, from, to);
    if (starts === null) {
      if (seg.segments === undefined) seg.segments = graphemeSegmenter()?.segment(t) ?? null;
      const c = containingCluster(p, seg);
      if (c !== null) return c;
      starts = clusterStartsInside(t, from, to);
    }
    let start = from;
    let end = to;
    for (let k = 0; k < starts.length; k++) {
      const s = starts[k]!;
      if (s <= p) start = s;
      else {
        end = s;
        break;
      }
    }
    if (end < to || to >= n || to - start > cap) return { start, end: end < to || to >= n ? end : -1 };
    // Most cut points are settled by the short window; past it, one window of a whole part
    // settles every case (the cluster ends in it, or it is longer than a part).
    reach = cap + 2;
  }
};

/**
 * The end of the cluster containing `p` that starts at `start` and is longer than a part:
 * `Intl.Segmenter` finds it in native code (10 million combining marks in about 0.1 s); without
 * one, native clustering over windows that double.
 */
const longClusterEnd = (t: string, start: number, p: number, seg: Segmented): number => {
  // A run of combining marks up to a simple code point ends there (nothing joins a simple code
  // point to the Extend before it): found without a segmenter's copy of the text.
  const n = t.length;
  let j = p;
  while (j < n) {
    const cp = t.codePointAt(j) as number;
    if (!isKnownExtend(cp)) break;
    j += cp > 0xffff ? 2 : 1;
  }
  if (j === n || (j > p && isSimple(t.codePointAt(j) as number))) return j;
  if (seg.segments === undefined) seg.segments = graphemeSegmenter()?.segment(t) ?? null;
  const c = containingCluster(p, seg);
  if (c !== null) return c.end;
  for (let reach = Math.max(p - start, 16); ; reach *= 2) {
    const to = windowEnd(t, start + reach);
    const starts = clusterStartsFast(t, start, to) ?? clusterStartsInside(t, start, to);
    if (starts.length > 0 || to >= n) return starts.length > 0 ? starts[0]! : n;
  }
};

/** A cut between code points at or before `p`. */
const codePointCut = (t: string, p: number): number => (insidePair(t, p) ? p - 1 : p);

/**
 * Where the UCS-2 parts of `t` end (all but the last), for parts of `cap` units. Greedy as the
 * reference packing: a part ends before the cluster that does not fit, and a cluster longer than
 * a part is cut between code points, filling the current part first.
 */
const ucs2Ends = (t: string, cap: number, codePointMode: boolean): Array<number> => {
  const n = t.length;
  const ends: Array<number> = [];
  let start = 0;
  // End of a cluster longer than a part that started at or before `start` (-1: none).
  let longEnd = -1;
  const seg: Segmented = { segments: undefined };
  while (n - start > cap) {
    const p = start + cap;
    let cut: number;
    if (codePointMode || longEnd > p) cut = codePointCut(t, p);
    else {
      const base = Math.max(longEnd, start);
      if (base === p || simpleBoundary(t, p)) cut = p;
      else {
        // Back to the nearest boundary known without segmenting, never before `base`.
        let from = p - (insidePair(t, p) ? 1 : 0);
        // Once the text needed Intl.Segmenter, it answers directly (no walk back).
        if (seg.segments) from = base;
        else while (from > base && !simpleBoundary(t, from)) from -= insidePair(t, from - 1) ? 2 : 1;
        if (from < base) from = base;
        const c = (seg.segments ? containingCluster(p, seg) : null) ?? clusterAround(t, from, p, cap, seg);
        const end = c.end >= 0 ? c.end : longClusterEnd(t, c.start, p, seg);
        if (end - c.start > cap) {
          longEnd = end;
          cut = codePointCut(t, p);
        } else cut = c.start;
      }
    }
    ends.push(cut);
    start = cut;
  }
  return ends;
};

/** The parts from their ends; `sizes` null means UCS-2 (a part's units are its length). */
const partsOf = (
  n: number,
  ends: ReadonlyArray<number>,
  sizes: ReadonlyArray<number> | null,
  last: number,
  capacity: number,
): Array<Part> => {
  const parts: Array<Part> = [];
  let start = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k]!;
    parts.push({ start, end, units: sizes === null ? end - start : sizes[k]!, capacity });
    start = end;
  }
  parts.push({ start, end: n, units: last, capacity });
  return parts;
};

/**
 * A measurement whose lists are computed on first read. They are own, enumerable accessors
 * (not prototype getters), so `JSON.stringify`, spread, `structuredClone` and deep equality see
 * every field; each list is built once. An object with accessors costs about 2 µs to create in
 * V8 (a plain one about 50 ns): `Sms.count` is the call for counts alone.
 */
const lazy = (
  encoding: "GSM-7" | "UCS-2",
  units: number,
  perSegment: number,
  segments: number,
  remaining: number,
  makeParts: () => Array<Part>,
  details: () => Details,
): Measurement => {
  let parts: Array<Part> | undefined;
  let found: Details | undefined;
  return {
    encoding,
    units,
    segments,
    perSegment,
    remaining,
    lockingShift: null,
    singleShift: null,
    get parts() {
      if (parts === undefined) parts = makeParts();
      return parts;
    },
    get forcedUcs2() {
      if (found === undefined) found = details();
      return found.forcedUcs2;
    },
    get loneSurrogates() {
      if (found === undefined) found = details();
      return found.loneSurrogates;
    },
    get characters() {
      if (found === undefined) found = details();
      return found.characters;
    },
  };
};

/** The counts in the default tables, with where the parts end (see {@link countFast}). */
export interface Counted {
  readonly encoding: "GSM-7" | "UCS-2";
  readonly units: number;
  readonly segments: number;
  readonly perSegment: number;
  readonly remaining: number;
  /** Ends of every part but the last. */
  readonly ends: ReadonlyArray<number>;
  /** Units of every part but the last (`null`: UCS-2, a part's units are its length). */
  readonly sizes: ReadonlyArray<number> | null;
  readonly last: number;
  /** Characters of a GSM-7 text (-1 for UCS-2: counted by the reference pass when read). */
  readonly characters: number;
}

/** Encoding, units and segments in the default tables, and where the parts end. */
export const countFast = (t: string, ref16: boolean, codePointMode: boolean): Counted => {
  const n = t.length;
  const gsm = gsmPass(t, ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0], codePointMode);
  if (gsm !== null) {
    const single = gsm.units <= GSM_SINGLE[0];
    const perSegment = single ? GSM_SINGLE[0] : ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0];
    const last = single ? gsm.units : gsm.last;
    return {
      encoding: "GSM-7",
      units: gsm.units,
      segments: single ? 1 : gsm.ends.length + 1,
      perSegment,
      remaining: perSegment - last,
      ends: single ? NONE : gsm.ends,
      sizes: single ? NONE : gsm.sizes,
      last,
      characters: gsm.characters,
    };
  }
  if (n <= UCS2_SINGLE)
    return {
      encoding: "UCS-2",
      units: n,
      segments: 1,
      perSegment: UCS2_SINGLE,
      remaining: UCS2_SINGLE - n,
      ends: NONE,
      sizes: null,
      last: n,
      characters: -1,
    };
  const cap = ref16 ? UCS2_MULTI_16 : UCS2_MULTI_8;
  const ends = ucs2Ends(t, cap, codePointMode);
  const last = n - (ends.length > 0 ? ends[ends.length - 1]! : 0);
  return {
    encoding: "UCS-2",
    units: n,
    segments: ends.length + 1,
    perSegment: cap,
    remaining: cap - last,
    ends,
    sizes: null,
    last,
    characters: -1,
  };
};

/**
 * `Sms.measure` in the default tables. A GSM-7 measurement is a plain object (its lists cost
 * nothing). A UCS-2 one holds its lists as accessors: `details` runs the reference pass when a
 * list or the character count is first read.
 */
export const measureFast = (
  t: string,
  ref16: boolean,
  codePointMode: boolean,
  details: () => Details,
): Measurement => {
  const c = countFast(t, ref16, codePointMode);
  if (c.encoding === "GSM-7")
    return {
      encoding: "GSM-7",
      units: c.units,
      segments: c.segments,
      perSegment: c.perSegment,
      remaining: c.remaining,
      lockingShift: null,
      singleShift: null,
      parts: partsOf(t.length, c.ends, c.sizes, c.last, c.perSegment),
      forcedUcs2: NONE,
      loneSurrogates: NONE,
      characters: c.characters,
    };
  return lazy(
    "UCS-2",
    c.units,
    c.perSegment,
    c.segments,
    c.remaining,
    () => partsOf(t.length, c.ends, null, c.last, c.perSegment),
    details,
  );
};
