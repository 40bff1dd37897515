/**
 * The fast path of `Sms.measure` in the default tables: the counts come from as little reading as
 * the rules allow, and the lists (`parts`, `forcedUcs2`, `loneSurrogates`, `characters`) are built
 * on first read.
 *
 * - GSM-7: one pass over the code units through a 64 KiB cost table, making the parts as it goes.
 *   Each step adds costs and tests one predictable branch (the part is full, or a unit is not
 *   GSM-7, or CR); four units of one septet each that overflow a part end it at once, and the
 *   exact step settles any other case. It stops at the first character outside the default
 *   tables: from there the text is UCS-2. In Node (Bun, Deno) a text of 64 to 32,768 units is
 *   copied natively (`ucs2Write`) into one reused UTF-16 buffer after its first 64 units and read
 *   four units per step through 32-bit reads (`nativeCopy.ts`); elsewhere, `charCodeAt` (browser
 *   bundles leave the Node pass out: `platform.ts`). `useNativeCopy` switches the copy off (same
 *   results: `fast.test.ts` compares the two).
 * - UCS-2: the units are the length, so only the cut points (one per 67 units) are looked at: a
 *   cut moves back to the start of the cluster (or surrogate pair, or CR LF) it would split,
 *   found by segmenting a window that starts at a known boundary (see {@link clusterAround}).
 *   A UCS-2 measurement builds its lists on first read, through accessors shared by all of them.
 *
 * Results equal the reference pass (`scan.ts`) on every field; `fast.test.ts` checks it.
 *
 * @internal
 */
import type { Forced, Measurement, Part } from "../../Sms.js";
import { defineLazyFields, STATE } from "../lazyFields.js";
import {
  clusterStartsFast,
  clusterStartsInside,
  graphemeSegmenter,
  isKnownExtend,
  isSimple,
} from "./grapheme.js";
import { COST } from "./gsm7Cost.js";
import { copyText, fourUnitCost, fourUnitSteps, NODE_PASS } from "./platform.js";
import { NONE } from "./scan.js";
import { GSM_MULTI_8, GSM_MULTI_16, GSM_SINGLE, UCS2_MULTI_8, UCS2_MULTI_16, UCS2_SINGLE } from "./units.js";

export { useNativeCopy } from "./platform.js";

/** The lists a caller may read, built by the reference pass on first read. */
export interface Details {
  readonly forcedUcs2: ReadonlyArray<Forced>;
  readonly loneSurrogates: ReadonlyArray<number>;
  readonly characters: number;
}

/** The totals of a GSM-7 text; its parts but the last are pushed to the caller's list. */
interface GsmPass {
  readonly units: number;
  readonly characters: number;
  /** Septets and start of the last part. */
  readonly last: number;
  readonly lastStart: number;
}

/**
 * Septet cost of every UTF-16 code unit, or 255 (more than any part holds) where the exact step
 * must look: a unit outside the default tables, and CR (it may start CR LF). Built on first use
 * (64 KiB), so the hot loop has no range check and one branch: `used > cap` catches a part end
 * and a non-GSM unit alike.
 */
let wide: Uint8Array | undefined;
const wideCost = (): Uint8Array => {
  if (wide === undefined) {
    wide = new Uint8Array(0x10000).fill(255);
    for (let c = 0; c < COST.length; c++) if (c !== 13) wide[c] = COST[c] || 255;
  }
  return wide;
};

/**
 * Units read with `charCodeAt` before a text is copied: most texts that are not GSM-7 stop
 * before, and a shorter text gains less from the copy than the copy costs. (Copying from unit 4
 * or 16 made GSM-7 messages up to 5 % faster and UCS-2 ones slower: many have their first
 * non-GSM character before unit 64, and copying a whole text costs more than reading to it.)
 */
const COPY_FROM = 64;

/**
 * Greedy packing in parts of `cap` septets, or `null` at the first code unit outside the default
 * alphabet and its extension table. An extension character costs 2 and CR LF (unless
 * `codePointMode`) is 2 septets never cut.
 *
 * The hot loop adds the cost of each unit (two per 32-bit read on the Node path) and only checks
 * that the part still holds them. When it does not and the four units cost one septet each (the
 * usual part end), the part ends full among them; otherwise the exact step (the reference rules,
 * one character at a time) settles those units: a part end at an extension character, CR LF, or
 * a unit that is not GSM-7. (Settling every part end one unit at a time, in and out of the
 * loop, cost about 7 % on GSM-7 messages.)
 */
const gsmPass = (t: string, cap: number, codePointMode: boolean, parts: Array<Part>): GsmPass | null => {
  const W = wideCost();
  const n = t.length;
  let closed = 0;
  let used = 0;
  let partStart = 0;
  let crlf = 0;
  // The first COPY_FROM units are read with `charCodeAt` (most non-GSM texts stop there); the
  // rest, if the text is copied, as `m` 32-bit words (0: not copied, read on with `charCodeAt`).
  let copyAt = NODE_PASS && n >= COPY_FROM ? COPY_FROM : n;
  let m = 0;
  let i = 0;
  while (i < n) {
    if (NODE_PASS && m > 0) {
      // Four units per step; the last ones, and those around a part end, by the exact step.
      if ((i & 1) === 0) {
        const stop = fourUnitSteps(W, i >> 1, m, used, cap);
        const w = stop >>> 9;
        used = stop & 511;
        i = w << 1;
        if (i >= n) break;
        // Four units of one septet each overflow the part: it ends full among them.
        if (w + 1 < m && fourUnitCost(W, w) === 4) {
          const end = i + cap - used;
          parts.push({ start: partStart, end, units: cap, capacity: cap });
          partStart = end;
          closed += cap;
          used = used + 4 - cap;
          i += 4;
          continue;
        }
      }
    } else {
      // Two units per step, their costs added together before `used` (one dependent addition
      // per step); a break or an odd last unit goes to the exact step.
      for (; i + 1 < copyAt; i += 2) {
        const next = used + (W[t.charCodeAt(i)]! + W[t.charCodeAt(i + 1)]!);
        if (next > cap) break;
        used = next;
      }
      if (i >= n) break;
      if (NODE_PASS && i >= copyAt) {
        m = copyText(t);
        copyAt = n;
        continue;
      }
    }
    // The exact step, for one character.
    const c = t.charCodeAt(i);
    let k = W[c]!;
    const start = i;
    if (k > 2) {
      if (c !== 13) return null;
      k = 1;
      if (!codePointMode && t.charCodeAt(i + 1) === 10) {
        k = 2;
        crlf++;
        i++;
      }
    }
    if (used + k > cap) {
      parts.push({ start: partStart, end: start, units: used, capacity: cap });
      partStart = start;
      closed += used;
      used = 0;
    }
    used += k;
    i++;
  }
  return { units: closed + used, characters: n - crlf, last: used, lastStart: partStart };
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
 * Where the UCS-2 parts of `t` end (all but the last), for parts of `cap` units, pushed to `ends`
 * (the caller's own array: see {@link countFast}). Greedy as the reference packing: a part ends
 * before the cluster that does not fit, and a cluster longer than a part is cut between code
 * points, filling the current part first.
 */
const ucs2Ends = (t: string, cap: number, codePointMode: boolean, ends: Array<number>): Array<number> => {
  const n = t.length;
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

/** Units per part of a UCS-2 text of `n` units: a text that fits one part has no cut point. */
const ucs2Cap = (n: number, ref16: boolean): number =>
  n <= UCS2_SINGLE ? UCS2_SINGLE : ref16 ? UCS2_MULTI_16 : UCS2_MULTI_8;

/** The UCS-2 parts from their ends (a part's units are its length). */
const partsOf = (n: number, ends: ReadonlyArray<number>, capacity: number): Array<Part> => {
  const parts: Array<Part> = [];
  let start = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k]!;
    parts.push({ start, end, units: end - start, capacity });
    start = end;
  }
  parts.push({ start, end: n, units: n - start, capacity });
  return parts;
};

/** What a UCS-2 measurement builds its lists from (see internal/lazyFields). */
interface LazyState {
  readonly n: number;
  readonly cap: number;
  readonly ends: ReadonlyArray<number>;
  readonly details: () => Details;
  parts?: Array<Part>;
  found?: Details;
}

type Lazy = { readonly [STATE]: LazyState };

/** A list read from the details, built by the reference pass on its first read. */
const detail = (key: keyof Details) =>
  function (this: Lazy) {
    const s = this[STATE];
    s.found ??= s.details();
    return s.found[key];
  };

/** The four list accessors, one set of functions shared by every UCS-2 measurement. */
const ACCESSORS = {
  parts(this: Lazy) {
    const s = this[STATE];
    s.parts ??= partsOf(s.n, s.ends, s.cap);
    return s.parts;
  },
  forcedUcs2: detail("forcedUcs2"),
  loneSurrogates: detail("loneSurrogates"),
  characters: detail("characters"),
};

/**
 * A UCS-2 measurement whose lists are built on first read. They are own, enumerable accessors
 * (not prototype getters), so `JSON.stringify`, spread, `structuredClone` and deep equality see
 * every field (internal/lazyFields); each list is built once. Defining them costs about 0.5 µs a
 * measurement (a plain object about 30 ns): `Sms.count` is the call for counts alone.
 */
const lazy = (t: string, ref16: boolean, codePointMode: boolean, details: () => Details): Measurement => {
  const n = t.length;
  const cap = ucs2Cap(n, ref16);
  const ends = ucs2Ends(t, cap, codePointMode, []);
  const m = {
    encoding: "UCS-2",
    units: n,
    segments: ends.length + 1,
    perSegment: cap,
    remaining: cap - n + (ends.at(-1) ?? 0),
    lockingShift: null,
    singleShift: null,
  };
  // Its own copies of the length and part size: the measurement's fields are writable.
  const state: LazyState = { n, cap, ends, details };
  defineLazyFields(m, state, ACCESSORS);
  return m as unknown as Measurement;
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
}

/**
 * Encoding, units and segments in the default tables, and where the parts end. Its arrays and
 * objects are made here, not in code `measure` shares: V8 decides per allocation site whether to
 * allocate in the old generation, and measurements an application keeps must not move `count`'s
 * allocations there.
 */
export const countFast = (t: string, ref16: boolean, codePointMode: boolean): Counted => {
  const n = t.length;
  const parts: Array<Part> = [];
  const gsm = gsmPass(t, ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0], codePointMode, parts);
  if (gsm === null) {
    const cap = ucs2Cap(n, ref16);
    const ends = ucs2Ends(t, cap, codePointMode, []);
    return {
      encoding: "UCS-2",
      units: n,
      segments: ends.length + 1,
      perSegment: cap,
      remaining: cap - n + (ends.at(-1) ?? 0),
      ends,
    };
  }
  const single = gsm.units <= GSM_SINGLE[0];
  const perSegment = single ? GSM_SINGLE[0] : ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0];
  return {
    encoding: "GSM-7",
    units: gsm.units,
    segments: single ? 1 : parts.length + 1,
    perSegment,
    remaining: perSegment - (single ? gsm.units : gsm.last),
    ends: single ? NONE : parts.map((p) => p.end),
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
  details: (t: string, codePointMode: boolean) => Details,
): Measurement => {
  const multi = ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0];
  // GSM-7: the parts are made during the pass (no list of ends in between).
  let parts: Array<Part> = [];
  const gsm = gsmPass(t, multi, codePointMode, parts);
  if (gsm !== null) {
    const single = gsm.units <= GSM_SINGLE[0];
    const perSegment = single ? GSM_SINGLE[0] : multi;
    const last: Part = {
      start: single ? 0 : gsm.lastStart,
      end: t.length,
      units: single ? gsm.units : gsm.last,
      capacity: perSegment,
    };
    // One part: a new list of one, dropping a part the pass ended at 153 septets on the way
    // (emptying the pass's list by setting its length is a slow path in V8: 8 % of the time).
    if (single) parts = [last];
    else parts.push(last);
    return {
      encoding: "GSM-7",
      units: gsm.units,
      segments: parts.length,
      perSegment,
      remaining: perSegment - last.units,
      lockingShift: null,
      singleShift: null,
      parts,
      forcedUcs2: NONE,
      loneSurrogates: NONE,
      characters: gsm.characters,
    };
  }
  return lazy(t, ref16, codePointMode, () => details(t, codePointMode));
};
