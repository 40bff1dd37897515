/**
 * The compiled allowlist: merged, sorted, disjoint, non-adjacent inclusive ranges per family in
 * typed arrays, and the O(log n) lookups over them. Plain functions over numbers; no Effect.
 *
 * - IPv4: `v4Starts[i]`, `v4Ends[i]` (unsigned 32-bit), ascending, `v4Ends[i] + 1 < v4Starts[i+1]`.
 * - IPv6: four big-endian words per range in `v6Starts` / `v6Ends` (range `i` at `4i .. 4i+3`),
 *   with the same ordering invariants on the 128-bit values.
 *
 * @internal
 */
import * as scan from "./scan.js";

// Module-local copies of the scanner's bindings (see the note in Allowlist.ts on live bindings).
const { maskWord, scanCidr, scanned, words, wordsAreMapped } = scan;

/** The compiled lookup tables (see the module doc for the invariants). */
export interface Tables {
  readonly v4Starts: Uint32Array;
  readonly v4Ends: Uint32Array;
  readonly v6Starts: Uint32Array;
  readonly v6Ends: Uint32Array;
}

/**
 * A first-level index over the IPv4 starts for large lists: `index[b]` is the number of ranges
 * starting below bucket `b` (the top `32 - shift` bits of an address), so a lookup only binary
 * searches inside one bucket. Sized at about one bucket per two ranges (2 bytes per range);
 * absent (`shift = 32`) below {@link INDEX_MIN_RANGES} ranges. Derived data: rebuilt on restore.
 */
export interface V4Index {
  readonly index: Uint32Array;
  readonly shift: number;
}

/** Lists with fewer IPv4 ranges than this are searched without an index. */
export const INDEX_MIN_RANGES = 256;

/** Builds the {@link V4Index} for sorted starts. */
export const buildIndex = (starts: Uint32Array): V4Index => {
  const n = starts.length;
  if (n < INDEX_MIN_RANGES) return { index: new Uint32Array(0), shift: 32 };
  const bits = Math.min(16, Math.floor(Math.log2(n)) - 1);
  const shift = 32 - bits;
  const buckets = 2 ** bits;
  const index = new Uint32Array(buckets + 1);
  let j = 0;
  for (let b = 0; b <= buckets; b++) {
    const bucketStart = b * 2 ** shift;
    while (j < n && starts[j]! < bucketStart) j++;
    index[b] = j;
  }
  return { index, shift };
};

/**
 * Whether the IPv4 address `x` lies in one of the ranges: binary search (O(log n)) for the last
 * range starting at or below `x`, narrowed first by the bucket index when there is one.
 */
export const has4 = (
  starts: Uint32Array,
  ends: Uint32Array,
  index: Uint32Array,
  shift: number,
  x: number,
): boolean => {
  let lo = 0;
  let hi = starts.length - 1;
  if (shift < 32) {
    const b = x >>> shift;
    // Ranges below index[b] start before this bucket (so at or below x); ranges from
    // index[b + 1] on start after x. The answer is in [index[b] - 1, index[b + 1] - 1].
    const a = index[b]!;
    lo = a > 0 ? a - 1 : 0;
    hi = index[b + 1]! - 1;
  }
  if (hi < 0 || x < starts[lo]!) return false;
  // Invariant: starts[lo] <= x; find the last index with starts[i] <= x.
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= x) lo = mid;
    else hi = mid - 1;
  }
  return x <= ends[lo]!;
};

/** `t[o..o+3] <= (a, b, c, d)` as 128-bit unsigned numbers. */
const le = (t: Uint32Array, o: number, a: number, b: number, c: number, d: number): boolean => {
  const t0 = t[o]!;
  if (t0 !== a) return t0 < a;
  const t1 = t[o + 1]!;
  if (t1 !== b) return t1 < b;
  const t2 = t[o + 2]!;
  if (t2 !== c) return t2 < c;
  return t[o + 3]! <= d;
};

/** `(a, b, c, d) <= t[o..o+3]`. */
const ge = (t: Uint32Array, o: number, a: number, b: number, c: number, d: number): boolean => {
  const t0 = t[o]!;
  if (t0 !== a) return t0 > a;
  const t1 = t[o + 1]!;
  if (t1 !== b) return t1 > b;
  const t2 = t[o + 2]!;
  if (t2 !== c) return t2 > c;
  return t[o + 3]! >= d;
};

/** Whether the IPv6 address `(a, b, c, d)` lies in one of the ranges (binary search). */
export const has6 = (
  starts: Uint32Array,
  ends: Uint32Array,
  a: number,
  b: number,
  c: number,
  d: number,
): boolean => {
  let hi = (starts.length >>> 2) - 1;
  if (hi < 0 || !le(starts, 0, a, b, c, d)) return false;
  let lo = 0;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (le(starts, mid << 2, a, b, c, d)) lo = mid;
    else hi = mid - 1;
  }
  return ge(ends, lo << 2, a, b, c, d);
};

/** A bad entry found while compiling. */
export interface Problem {
  readonly index: number;
  readonly status: number;
  /** Set for problems that are not scan failures. */
  readonly reason?: string;
}

/** Septet-specific refusal of a mapped rule shorter than /96. */
export const MAPPED_TOO_SHORT =
  "IPv4-mapped range shorter than /96 would cover native IPv6 addresses; write it as an IPv4 range or use a prefix of /96 or longer";

/**
 * Scans one entry (CIDR or bare address) and applies the family rules: a mapped rule of /96 or
 * longer becomes the IPv4 rule (prefix - 96), shorter is refused. Leaves the UNMASKED address in
 * `words` and returns `4 | 6`, a negative scan status, or 0 for the mapped-too-short refusal.
 */
export const scanEntry = (entry: string): number => {
  const family = scanCidr(entry, true);
  if (family === 6 && wordsAreMapped()) {
    if (scanned.prefix < 96) return 0;
    scanned.prefix -= 96;
    words[2] = 0;
    return 4;
  }
  return family;
};

const TWO32 = 4294967296;
/**
 * Compiles entries into tables, or returns every problem. Cost: one scan per entry, one sort of
 * the IPv4 starts (radix for large lists), one comparison sort of the IPv6 rules, one merge pass.
 */
export const compile = (entries: ReadonlyArray<unknown>, radixThreshold = 2048): Tables | Array<Problem> => {
  const n = entries.length;
  const starts4 = new Uint32Array(n);
  const prefixes4 = new Uint8Array(n);
  let c4 = 0;
  const v6: Array<number> = [];
  const problems: Array<Problem> = [];
  for (let i = 0; i < n; i++) {
    const entry = entries[i];
    if (typeof entry !== "string") {
      problems.push({ index: i, status: 0, reason: "entry is not a string" });
      continue;
    }
    const family = scanEntry(entry);
    if (family <= 0) {
      problems.push(
        family === 0 ? { index: i, status: 0, reason: MAPPED_TOO_SHORT } : { index: i, status: family },
      );
      continue;
    }
    const prefix = scanned.prefix;
    if (family === 4) {
      starts4[c4] = words[3]! & maskWord(prefix, 0);
      prefixes4[c4++] = prefix;
    } else {
      v6.push(
        (words[0]! & maskWord(prefix, 0)) >>> 0,
        (words[1]! & maskWord(prefix, 1)) >>> 0,
        (words[2]! & maskWord(prefix, 2)) >>> 0,
        (words[3]! & maskWord(prefix, 3)) >>> 0,
        prefix,
      );
    }
  }
  if (problems.length > 0) return problems;
  return { ...merge4(starts4.subarray(0, c4), prefixes4.subarray(0, c4), radixThreshold), ...merge6(v6) };
};

/**
 * Sorts `(start, prefix)` pairs by start: an LSD radix sort (two 16-bit passes) from
 * `radixThreshold` pairs on, a comparison sort of packed keys below (the radix counts cost
 * 2 × 256 KiB to clear). Ties keep any order: the merge takes the largest end either way.
 */
const sort4 = (
  starts: Uint32Array,
  prefixes: Uint8Array,
  radixThreshold: number,
): { starts: Uint32Array; prefixes: Uint8Array } => {
  const n = starts.length;
  if (n < radixThreshold) {
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = starts[i]! * 64 + prefixes[i]!;
    keys.sort();
    const s = new Uint32Array(n);
    const p = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      const prefix = keys[i]! % 64;
      s[i] = (keys[i]! - prefix) / 64;
      p[i] = prefix;
    }
    return { starts: s, prefixes: p };
  }
  let srcS: Uint32Array = starts;
  let srcP: Uint8Array = prefixes;
  let dstS: Uint32Array = new Uint32Array(n);
  let dstP: Uint8Array = new Uint8Array(n);
  const counts = new Uint32Array(65536);
  for (let shift = 0; shift <= 16; shift += 16) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[(srcS[i]! >>> shift) & 0xffff]!++;
    let sum = 0;
    for (let b = 0; b < 65536; b++) {
      const c = counts[b]!;
      counts[b] = sum;
      sum += c;
    }
    for (let i = 0; i < n; i++) {
      const v = srcS[i]!;
      const at = counts[(v >>> shift) & 0xffff]!++;
      dstS[at] = v;
      dstP[at] = srcP[i]!;
    }
    const ts = srcS;
    const tp = srcP;
    srcS = dstS;
    srcP = dstP;
    dstS = ts;
    dstP = tp;
  }
  return { starts: srcS, prefixes: srcP };
};

const merge4 = (
  unsortedStarts: Uint32Array,
  unsortedPrefixes: Uint8Array,
  radixThreshold: number,
): { v4Starts: Uint32Array; v4Ends: Uint32Array } => {
  const { starts: sorted, prefixes } = sort4(unsortedStarts, unsortedPrefixes, radixThreshold);
  const n = sorted.length;
  const starts = new Uint32Array(n);
  const ends = new Uint32Array(n);
  let m = 0;
  let lastEnd = -2;
  for (let i = 0; i < n; i++) {
    const start = sorted[i]!;
    const end = start + 2 ** (32 - prefixes[i]!) - 1;
    if (start <= lastEnd + 1) {
      if (end > lastEnd) {
        lastEnd = end;
        ends[m - 1] = end;
      }
    } else {
      starts[m] = start;
      ends[m] = end;
      m++;
      lastEnd = end;
    }
  }
  return m === n
    ? { v4Starts: starts, v4Ends: ends }
    : { v4Starts: starts.slice(0, m), v4Ends: ends.slice(0, m) };
};

const merge6 = (v6: ReadonlyArray<number>): { v6Starts: Uint32Array; v6Ends: Uint32Array } => {
  const n = v6.length / 5;
  const order = new Array<number>(n);
  for (let i = 0; i < n; i++) order[i] = i * 5;
  order.sort((x, y) => {
    for (let k = 0; k < 5; k++) {
      const d = v6[x + k]! - v6[y + k]!;
      if (d !== 0) return d;
    }
    return 0;
  });
  const starts = new Uint32Array(n * 4);
  const ends = new Uint32Array(n * 4);
  let m = 0;
  for (let i = 0; i < n; i++) {
    const o = order[i]!;
    const prefix = v6[o + 4]!;
    const s0 = v6[o]!;
    const s1 = v6[o + 1]!;
    const s2 = v6[o + 2]!;
    const s3 = v6[o + 3]!;
    const e0 = (s0 | ~maskWord(prefix, 0)) >>> 0;
    const e1 = (s1 | ~maskWord(prefix, 1)) >>> 0;
    const e2 = (s2 | ~maskWord(prefix, 2)) >>> 0;
    const e3 = (s3 | ~maskWord(prefix, 3)) >>> 0;
    if (m > 0 && touches(ends, (m - 1) * 4, s0, s1, s2, s3)) {
      const p = (m - 1) * 4;
      if (!ge(ends, p, e0, e1, e2, e3)) {
        ends[p] = e0;
        ends[p + 1] = e1;
        ends[p + 2] = e2;
        ends[p + 3] = e3;
      }
    } else {
      const p = m * 4;
      starts[p] = s0;
      starts[p + 1] = s1;
      starts[p + 2] = s2;
      starts[p + 3] = s3;
      ends[p] = e0;
      ends[p + 1] = e1;
      ends[p + 2] = e2;
      ends[p + 3] = e3;
      m++;
    }
  }
  return m === n
    ? { v6Starts: starts, v6Ends: ends }
    : { v6Starts: starts.slice(0, m * 4), v6Ends: ends.slice(0, m * 4) };
};

/** Whether the range ending at `t[o..o+3]` overlaps or is adjacent to one starting at `(a..d)`: start <= end + 1. */
const touches = (t: Uint32Array, o: number, a: number, b: number, c: number, d: number): boolean => {
  // end + 1 with carry; an all-ones end touches everything after it.
  let e3 = t[o + 3]! + 1;
  let e2 = t[o + 2]!;
  let e1 = t[o + 1]!;
  let e0 = t[o]!;
  if (e3 === TWO32) {
    e3 = 0;
    e2++;
    if (e2 === TWO32) {
      e2 = 0;
      e1++;
      if (e1 === TWO32) {
        e1 = 0;
        e0++;
        if (e0 === TWO32) return true;
      }
    }
  }
  if (a !== e0) return a < e0;
  if (b !== e1) return b < e1;
  if (c !== e2) return c < e2;
  return d <= e3;
};

/**
 * Validates restored tables: lengths, ordering, disjointness and non-adjacency (what `compile`
 * guarantees). Returns a reason or undefined.
 */
export const checkTables = (t: Tables): string | undefined => {
  const { v4Starts, v4Ends, v6Starts, v6Ends } = t;
  if (v4Starts.length !== v4Ends.length) return "v4Starts and v4Ends differ in length";
  if (v6Starts.length !== v6Ends.length) return "v6Starts and v6Ends differ in length";
  if (v6Starts.length % 4 !== 0) return "IPv6 tables must hold four words per range";
  for (let i = 0; i < v4Starts.length; i++) {
    if (v4Starts[i]! > v4Ends[i]!) return `IPv4 range ${i} starts after it ends`;
    if (i > 0 && v4Starts[i]! <= v4Ends[i - 1]! + 1) return `IPv4 range ${i} is not after range ${i - 1}`;
  }
  for (let i = 0; i < v6Starts.length; i += 4) {
    if (!le(v6Starts, i, v6Ends[i]!, v6Ends[i + 1]!, v6Ends[i + 2]!, v6Ends[i + 3]!)) {
      return `IPv6 range ${i / 4} starts after it ends`;
    }
    if (i > 0 && touches(v6Ends, i - 4, v6Starts[i]!, v6Starts[i + 1]!, v6Starts[i + 2]!, v6Starts[i + 3]!)) {
      return `IPv6 range ${i / 4} is not after range ${i / 4 - 1}`;
    }
  }
  return undefined;
};
