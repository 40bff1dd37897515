/**
 * Grapheme cluster boundaries (Unicode UAX #29 extended grapheme clusters) for the segment
 * counter, computed with `Intl.Segmenter` only where clustering can differ from code points.
 *
 * A code point is "simple" when UAX #29 always puts a boundary between it and a neighbouring
 * simple code point, except CR × LF (rule GB3): it is none of Extend, ZWJ, SpacingMark, Prepend,
 * Regional_Indicator or a Hangul jamo/syllable. The ranges below are a conservative subset
 * (Latin, Greek, Cyrillic, Armenian, general punctuation and symbols, CJK, most emoji, lone
 * surrogates); anything else is "complex": common emoji sequences, flags and combining marks are
 * clustered natively (`clusterStartsFast`), the rest by `Intl.Segmenter`.
 *
 * Only the stretch from one code point before the first complex code point to one code point
 * after the last one is segmented: every rule of UAX #29 that looks further than one code point
 * back (GB9c, GB11, GB12/13) looks back over complex code points only, and no rule looks ahead,
 * so boundaries outside that stretch are exactly "every code point, except inside CR LF".
 *
 * @internal
 */

/** Whether a code point always forms a cluster of its own next to other simple code points. */
export const isSimple = (cp: number): boolean =>
  cp < 0x300 ||
  (cp >= 0x370 && cp < 0x483) ||
  (cp >= 0x48a && cp < 0x591) ||
  (cp >= 0x2000 && cp < 0x200c) ||
  (cp >= 0x200e && cp < 0x20d0) ||
  (cp >= 0x2100 && cp < 0x2c00) ||
  (cp >= 0x3000 && cp < 0x302a) ||
  (cp >= 0x3030 && cp < 0x3099) ||
  (cp >= 0x309b && cp < 0x3100) ||
  (cp >= 0x3400 && cp < 0x4dc0) ||
  (cp >= 0x4e00 && cp < 0xa000) ||
  (cp >= 0xd800 && cp < 0xe000) ||
  (cp >= 0xff01 && cp < 0xff9e) ||
  (cp >= 0x1f300 && cp < 0x1f3fb) ||
  (cp >= 0x1f400 && cp < 0x1fb00) ||
  (cp >= 0x20000 && cp < 0x3fffe);

interface SegmenterLike {
  segment(input: string): Iterable<{ readonly index: number }> & {
    /** The cluster at an index (ES2022 `Segments.prototype.containing`). */
    containing?(index: number): { readonly index: number; readonly segment: string } | undefined;
  };
}

let segmenter: SegmenterLike | null | undefined;

/** The shared grapheme segmenter, or `null` where the runtime has no `Intl.Segmenter`. */
export const graphemeSegmenter = (): SegmenterLike | null => {
  if (segmenter === undefined) {
    const Ctor = (globalThis as { Intl?: { Segmenter?: new (l?: string, o?: object) => SegmenterLike } }).Intl
      ?.Segmenter;
    try {
      segmenter = Ctor ? new Ctor(undefined, { granularity: "grapheme" }) : null;
    } catch {
      segmenter = null;
    }
  }
  return segmenter;
};

const EMPTY = new Int32Array(0);

/**
 * Start indices of the grapheme clusters that begin strictly inside `(from, to)` of `text`,
 * ascending. Without `Intl.Segmenter`, every code point start except an LF after CR.
 */
export const clusterStartsInside = (text: string, from: number, to: number): Int32Array => {
  if (to - from < 2) return EMPTY;
  const seg = graphemeSegmenter();
  const out: Array<number> = [];
  if (seg !== null) {
    for (const s of seg.segment(text.slice(from, to))) {
      if (s.index > 0) out.push(from + s.index);
    }
  } else {
    for (let i = from; i < to; ) {
      const c = text.charCodeAt(i);
      const w =
        c >= 0xd800 && c < 0xdc00 && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      if (i > from && !(c === 10 && text.charCodeAt(i - 1) === 13)) out.push(i);
      i += w;
    }
  }
  return Int32Array.from(out);
};

// --- A native fast path for the common complex cases ------------------------------------------
// Combining diacritics, variation selectors, emoji modifiers, tags, ZWJ emoji sequences and flags
// are clustered here without Intl.Segmenter (which costs microseconds per call). Anything else
// complex (Indic scripts, Hangul, Prepend, SpacingMark, …) makes `clusterStartsFast` return null
// and the caller falls back to Intl.Segmenter. The rules are UAX #29 GB3-GB5, GB9, GB11, GB12/13.

const KIND_OTHER = 0;
const KIND_CONTROL = 1;
const KIND_EXTEND = 2;
const KIND_ZWJ = 3;
const KIND_RI = 4;
const KIND_UNKNOWN = 5;

/**
 * GCB=Control (or CR/LF) among the simple code points. Lone surrogates are not: V8's
 * Intl.Segmenter reads them as U+FFFD (GCB=Other), so a combining mark after one joins it.
 */
const isControl = (cp: number): boolean =>
  cp < 0x20 ||
  (cp >= 0x7f && cp < 0xa0) ||
  cp === 0xad ||
  cp === 0x200b ||
  cp === 0x200e ||
  cp === 0x200f ||
  (cp >= 0x2028 && cp <= 0x202e) ||
  (cp >= 0x2060 && cp <= 0x206f);

const kindOf = (cp: number): number => {
  if (isSimple(cp)) return isControl(cp) ? KIND_CONTROL : KIND_OTHER;
  if (
    (cp >= 0x300 && cp < 0x370) ||
    cp === 0x200c ||
    (cp >= 0x20d0 && cp <= 0x20f0) ||
    (cp >= 0xfe00 && cp < 0xfe10) ||
    (cp >= 0xfe20 && cp < 0xfe30) ||
    (cp >= 0x1f3fb && cp < 0x1f400) ||
    (cp >= 0xe0020 && cp < 0xe0080)
  )
    return KIND_EXTEND;
  if (cp === 0x200d) return KIND_ZWJ;
  if (cp >= 0x1f1e6 && cp < 0x1f200) return KIND_RI;
  return KIND_UNKNOWN;
};

/**
 * Whether a code point is one of the Extend code points the native clustering knows (combining
 * diacritics, variation selectors, emoji modifiers, tags, ZWNJ): it never starts a cluster.
 */
export const isKnownExtend = (cp: number): boolean => kindOf(cp) === KIND_EXTEND;

/** Extended_Pictographic code points known for sure (emoji blocks and common ZWJ targets). */
const isPictographic = (cp: number): boolean =>
  (cp >= 0x1f300 && cp < 0x1f3fb) ||
  (cp >= 0x1f400 && cp < 0x1f53e) ||
  (cp >= 0x1f546 && cp < 0x1f650) ||
  (cp >= 0x1f680 && cp < 0x1f700) ||
  (cp >= 0x1f90c && cp < 0x1f93b) ||
  (cp >= 0x1f93c && cp < 0x1f946) ||
  (cp >= 0x1f947 && cp < 0x1fb00) ||
  cp === 0x2620 ||
  cp === 0x2640 ||
  cp === 0x2642 ||
  cp === 0x2695 ||
  cp === 0x2696 ||
  cp === 0x26a7 ||
  cp === 0x2708 ||
  cp === 0x2744 ||
  cp === 0x2764 ||
  cp === 0x27a1 ||
  cp === 0x2b1b;

/** Code points known NOT to be Extended_Pictographic. */
const isNotPictographic = (cp: number): boolean =>
  cp < 0xa9 ||
  (cp > 0xae && cp < 0x2000) ||
  (cp >= 0xd800 && cp < 0xe000) ||
  (cp >= 0x3040 && cp < 0x3100) ||
  (cp >= 0x3400 && cp < 0xa000) ||
  (cp >= 0xff01 && cp < 0xff9e) ||
  (cp >= 0x20000 && cp < 0x3fffe);

/**
 * Cluster starts strictly inside `(from, to)` (as `clusterStartsInside`), computed natively, or
 * `null` when the stretch holds a code point whose clustering this fast path does not know.
 */
export const clusterStartsFast = (text: string, from: number, to: number): Int32Array | null => {
  const out: Array<number> = [];
  let prevKind = -1; // nothing before `from` matters: the code point there is simple or first
  let prevCp = -1;
  let ri = 0; // regional indicators in a row just before
  let emoji = 0; // 1: ExtPict Extend* just before; 2: ExtPict Extend* ZWJ just before
  let baseUnknown = false; // the last non-Extend code point may or may not be ExtPict
  for (let i = from; i < to; ) {
    let cp = text.charCodeAt(i);
    let w = 1;
    if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        cp = ((cp - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
        w = 2;
      }
    }
    const kind = kindOf(cp);
    if (kind === KIND_UNKNOWN) return null;
    const pict = kind === KIND_OTHER && isPictographic(cp);
    if (prevKind >= 0) {
      let join: boolean;
      if (prevCp === 13 && cp === 10) join = true;
      else if (prevKind === KIND_CONTROL || kind === KIND_CONTROL) join = false;
      else if (kind === KIND_EXTEND || kind === KIND_ZWJ) join = true;
      else if (emoji === 2) {
        if (!pict && !isNotPictographic(cp)) return null;
        join = pict;
      } else join = kind === KIND_RI && ri % 2 === 1;
      if (!join) out.push(i);
    }
    if (kind === KIND_ZWJ) {
      if (emoji === 0 && baseUnknown) return null;
      emoji = emoji === 1 ? 2 : 0;
    } else if (kind === KIND_EXTEND) {
      if (emoji === 2) emoji = 0;
    } else {
      emoji = pict ? 1 : 0;
      baseUnknown = kind === KIND_OTHER && !pict && !isNotPictographic(cp);
    }
    ri = kind === KIND_RI ? ri + 1 : 0;
    prevKind = kind;
    prevCp = cp;
    i += w;
  }
  return Int32Array.from(out);
};
