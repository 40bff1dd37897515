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
 *   four units per step through 32-bit reads; elsewhere, `charCodeAt` (browser bundles leave the
 *   Node pass out: `platform.ts`). `useNativeCopy` switches
 *   the copy off (same results: `fast.test.ts` compares the two).
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
import { COST } from "./gsm7Cost.js";
import { NODE_PASS } from "./platform.js";
import { NONE } from "./scan.js";
import { GSM_MULTI_8, GSM_MULTI_16, GSM_SINGLE, UCS2_MULTI_8, UCS2_MULTI_16, UCS2_SINGLE } from "./units.js";

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

/** The part of Node's `Buffer` the copy needs; typed here so the package imports nothing from Node. */
interface NodeBuffer {
  alloc(size: number): Uint8Array & Partial<Utf16Writer>;
}

/** Node's native UTF-16 write (what `Buffer#write` calls after parsing its arguments). */
interface Utf16Writer {
  ucs2Write(text: string, offset: number): number;
}

/** Texts up to this many units are copied; longer ones are read with `charCodeAt`. */
const COPY_UNITS = 0x8000;

/**
 * Units read with `charCodeAt` before a text is copied: most texts that are not GSM-7 stop
 * before, and a shorter text gains less from the copy than the copy costs. (Copying from unit 4
 * or 16 made GSM-7 messages up to 5 % faster and UCS-2 ones slower: many have their first
 * non-GSM character before unit 64, and copying a whole text costs more than reading to it.)
 */
const COPY_FROM = 64;

/**
 * A copy of the text as UTF-16 (Node's `Buffer`, also Bun's and Deno's), written natively and read
 * two units per 32-bit read; one scratch buffer serves every call. `null` where `Buffer` is not
 * native (browsers: a bundler's polyfill lacks `process.versions.node`), has no `ucs2Write` (the
 * native write `Buffer#write` calls after parsing its arguments, which took as long as the copy
 * itself on short texts), or the platform is big-endian.
 */
let words: Uint32Array | null | undefined;
/** The buffer under `words` (called directly: no closure, so no call site ever changes target). */
let buffer: Utf16Writer;

const nativeCopy = (): Uint32Array | null => {
  const g = globalThis as { Buffer?: NodeBuffer; process?: { versions?: { node?: string } } };
  if (!NODE_PASS) return null;
  // `alloc` is never pooled, so the view covers the whole buffer from its start; checked below,
  // with the byte order (a 1 in the first byte reads as 1 only in little-endian).
  const b = g.process?.versions?.node ? g.Buffer?.alloc?.(COPY_UNITS * 2) : undefined;
  if (!b?.ucs2Write) return null;
  buffer = b as Utf16Writer;
  const w = new Uint32Array(b.buffer);
  b[0] = 1;
  return w[0] === 1 && w.length === COPY_UNITS >> 1 ? w : null;
};

/**
 * Turns the Node-only GSM-7 pass (a native UTF-16 copy read 32 bits at a time) on or off, and
 * says whether it is now on; it is on by default wherever a native `Buffer` is found. Both passes
 * give the same results: the switch exists for the benchmark and the tests that compare them.
 */
export const useNativeCopy = (on: boolean): boolean => {
  words = on ? nativeCopy() : null;
  return words !== null;
};

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
  if (words === undefined) words = nativeCopy();
  const W = wideCost();
  const n = t.length;
  let closed = 0;
  let used = 0;
  let partStart = 0;
  let crlf = 0;
  // The first COPY_FROM units are read with `charCodeAt` (most non-GSM texts stop there); the
  // rest, if the text fits, through the native copy as `m` 32-bit words (0: not copied).
  const copyAt = NODE_PASS && words !== null && n >= COPY_FROM && n <= COPY_UNITS ? COPY_FROM : n;
  let m = 0;
  let i = 0;
  while (i < n) {
    if (NODE_PASS && m > 0) {
      // Four units per step; the last ones, and those around a part end, by the exact step.
      let w = i >> 1;
      if ((i & 1) === 0) {
        const u = words!;
        let next = 0;
        for (; w + 1 < m; w += 2) {
          const x = u[w]!;
          const y = u[w + 1]!;
          next = used + W[x & 0xffff]! + W[x >>> 16]! + W[y & 0xffff]! + W[y >>> 16]!;
          if (next > cap) break;
          used = next;
        }
        i = w << 1;
        if (i >= n) break;
        // Four units of one septet each overflow the part: it ends full among them. (When the
        // loop stopped for want of units, `next` is `used` or, before any step, 0.)
        if (next - used === 4) {
          const end = i + cap - used;
          parts.push({ start: partStart, end, units: cap, capacity: cap });
          partStart = end;
          closed += cap;
          used = next - cap;
          i += 4;
          continue;
        }
      }
    } else {
      for (; i < copyAt; i++) {
        const next = used + W[t.charCodeAt(i)]!;
        if (next > cap) break;
        used = next;
      }
      if (i >= n) break;
      if (NODE_PASS && i >= copyAt) {
        buffer.ucs2Write(t, 0);
        m = n >> 1;
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

/** The UCS-2 parts from their ends (a part's units are its length). */
const partsOf = (n: number, ends: ReadonlyArray<number>, last: number, capacity: number): Array<Part> => {
  const parts: Array<Part> = [];
  let start = 0;
  for (let k = 0; k < ends.length; k++) {
    const end = ends[k]!;
    parts.push({ start, end, units: end - start, capacity });
    start = end;
  }
  parts.push({ start, end: n, units: last, capacity });
  return parts;
};

/**
 * A UCS-2 measurement whose lists are computed on first read. They are own, enumerable accessors
 * (not prototype getters), so `JSON.stringify`, spread, `structuredClone` and deep equality see
 * every field; each list is built once. An object with accessors costs about 2 µs to create in
 * V8 (a plain one about 50 ns): `Sms.count` is the call for counts alone.
 */
const lazy = (n: number, c: Counted, details: () => Details): Measurement => {
  let parts: Array<Part> | undefined;
  let found: Details | undefined;
  const read = (): Details => {
    found ??= details();
    return found;
  };
  return {
    encoding: "UCS-2",
    units: c.units,
    segments: c.segments,
    perSegment: c.perSegment,
    remaining: c.remaining,
    lockingShift: null,
    singleShift: null,
    get parts() {
      parts ??= partsOf(n, c.ends, c.last, c.perSegment);
      return parts;
    },
    get forcedUcs2() {
      return read().forcedUcs2;
    },
    get loneSurrogates() {
      return read().loneSurrogates;
    },
    get characters() {
      return read().characters;
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
  readonly last: number;
}

/** The counts of a text that needs UCS-2. */
const ucs2Count = (t: string, ref16: boolean, codePointMode: boolean): Counted => {
  const n = t.length;
  // A text that fits one part has no cut point: `ucs2Ends` finds none.
  const cap = n <= UCS2_SINGLE ? UCS2_SINGLE : ref16 ? UCS2_MULTI_16 : UCS2_MULTI_8;
  const ends = ucs2Ends(t, cap, codePointMode);
  const last = n - (ends.length > 0 ? ends[ends.length - 1]! : 0);
  return {
    encoding: "UCS-2",
    units: n,
    segments: ends.length + 1,
    perSegment: cap,
    remaining: cap - last,
    ends,
    last,
  };
};

/** Encoding, units and segments in the default tables, and where the parts end. */
export const countFast = (t: string, ref16: boolean, codePointMode: boolean): Counted => {
  const parts: Array<Part> = [];
  const gsm = gsmPass(t, ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0], codePointMode, parts);
  if (gsm === null) return ucs2Count(t, ref16, codePointMode);
  const single = gsm.units <= GSM_SINGLE[0];
  const perSegment = single ? GSM_SINGLE[0] : ref16 ? GSM_MULTI_16[0] : GSM_MULTI_8[0];
  const last = single ? gsm.units : gsm.last;
  return {
    encoding: "GSM-7",
    units: gsm.units,
    segments: single ? 1 : parts.length + 1,
    perSegment,
    remaining: perSegment - last,
    ends: single ? NONE : parts.map((p) => p.end),
    last,
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
  const parts: Array<Part> = [];
  const gsm = gsmPass(t, multi, codePointMode, parts);
  if (gsm !== null) {
    const single = gsm.units <= GSM_SINGLE[0];
    if (single) parts.length = 0;
    const perSegment = single ? GSM_SINGLE[0] : multi;
    parts.push({
      start: single ? 0 : gsm.lastStart,
      end: t.length,
      units: single ? gsm.units : gsm.last,
      capacity: perSegment,
    });
    return {
      encoding: "GSM-7",
      units: gsm.units,
      segments: parts.length,
      perSegment,
      remaining: perSegment - parts[parts.length - 1]!.units,
      lockingShift: null,
      singleShift: null,
      parts,
      forcedUcs2: NONE,
      loneSurrogates: NONE,
      characters: gsm.characters,
    };
  }
  return lazy(t.length, ucs2Count(t, ref16, codePointMode), () => details(t, codePointMode));
};
