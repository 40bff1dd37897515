/**
 * Grapheme cluster boundaries (Unicode UAX #29 extended grapheme clusters) for the segment
 * counter, computed with `Intl.Segmenter` only where clustering can differ from code points.
 *
 * A code point is "simple" when UAX #29 always puts a boundary between it and a neighbouring
 * simple code point, except CR × LF (rule GB3): it is none of Extend, ZWJ, SpacingMark, Prepend,
 * Regional_Indicator or a Hangul jamo/syllable. The ranges below are a conservative subset
 * (Latin, Greek, Cyrillic, Armenian, general punctuation and symbols, CJK, most emoji, lone
 * surrogates which are GCB=Control); anything else is "complex" and goes to `Intl.Segmenter`.
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
  segment(input: string): Iterable<{ readonly index: number }>;
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
      const w = c >= 0xd800 && c < 0xdc00 && i + 1 < to && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00 ? 2 : 1;
      if (i > from && !(c === 10 && text.charCodeAt(i - 1) === 13)) out.push(i);
      i += w;
    }
  }
  return Int32Array.from(out);
};
