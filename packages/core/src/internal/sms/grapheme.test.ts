import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { clusterStartsFast, clusterStartsInside, isSimple } from "./grapheme.js";

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

// Samples from every "simple" range, plus CR and LF.
const simpleRanges: Array<[number, number]> = [
  [0x00, 0x2ff],
  [0x370, 0x482],
  [0x48a, 0x590],
  [0x2000, 0x200b],
  [0x200e, 0x20cf],
  [0x2100, 0x2bff],
  [0x3000, 0x3029],
  [0x3030, 0x3098],
  [0x309b, 0x30ff],
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xff01, 0xff9d],
  [0x1f300, 0x1f3fa],
  [0x1f400, 0x1faff],
  [0x20000, 0x2a6df],
];
const simpleChar = fc
  .constantFrom(...simpleRanges)
  .chain(([lo, hi]) => fc.integer({ min: lo, max: hi }))
  .map((cp) => String.fromCodePoint(cp));

describe("isSimple", () => {
  it("agrees with Intl.Segmenter: simple code points are clusters of their own (except CR LF)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(simpleChar, fc.constantFrom("\r", "\n", "\r\n")), { maxLength: 40 }),
        (parts) => {
          const text = parts.join("");
          for (const c of text) expect(isSimple(c.codePointAt(0)!)).toBe(true);
          const clusters = Array.from(segmenter.segment(text), (s) => s.segment);
          const expected: Array<string> = [];
          for (const c of text) {
            if (c === "\n" && expected[expected.length - 1] === "\r") expected[expected.length - 1] = "\r\n";
            else expected.push(c);
          }
          expect(clusters).toEqual(expected);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it.each([
    ["combining acute", 0x301],
    ["ZWJ", 0x200d],
    ["ZWNJ", 0x200c],
    ["VS16", 0xfe0f],
    ["skin tone", 0x1f3fd],
    ["regional indicator", 0x1f1ea],
    ["Devanagari virama", 0x94d],
    ["Hangul syllable", 0xac00],
    ["Hangul jamo", 0x1100],
    ["Arabic number sign (Prepend)", 0x600],
    ["tag", 0xe0067],
  ])("%s is not simple", (_name, cp) => {
    expect(isSimple(cp)).toBe(false);
  });
});

describe("clusterStartsInside", () => {
  it("returns the cluster starts strictly inside the range", () => {
    const t = "ab👍🏽e\u0301c";
    expect(Array.from(clusterStartsInside(t, 1, t.length))).toEqual([2, 6, 8]);
    expect(Array.from(clusterStartsInside(t, 0, 1))).toEqual([]);
  });
});

describe("clusterStartsFast", () => {
  const piece = fc.constantFrom(
    "a",
    "Z",
    " ",
    "\r",
    "\n",
    "\u0000",
    "\u00ad",
    "\u200b",
    "\ud800",
    "ж",
    "中",
    "©",
    "™",
    "☺",
    "👨",
    "👩",
    "👧",
    "❤",
    "♀",
    "♂",
    "⬛",
    "🐈",
    "🔥",
    "🏳",
    "🌈",
    "😀",
    "\u0301",
    "\u0308",
    "\ufe0f",
    "\ufe0e",
    "\u20e3",
    "\u200c",
    "🏻",
    "🏽",
    "\u{e0067}",
    "\u{e007f}",
    "\u200d",
    "🇪",
    "🇫",
    "🇺",
  );
  it("agrees with Intl.Segmenter whenever it answers", () => {
    let answered = 0;
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 24 }), (parts) => {
        const text = parts.join("");
        const fast = clusterStartsFast(text, 0, text.length);
        if (fast === null) return;
        answered++;
        const expected = Array.from(segmenter.segment(text), (s) => s.index).filter((i) => i > 0);
        expect(Array.from(fast)).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
    expect(answered).toBeGreaterThan(2000);
  });

  it("answers for emoji sequences, flags and combining marks", () => {
    const t = "x👨‍👩‍👧 ❤️‍🔥 🏃🏽‍♀️ 🇪🇪🇫 e\u0301\u0308 #️⃣ 🏴\u{e0067}\u{e0062}\u{e007f}";
    expect(clusterStartsFast(t, 0, t.length)).not.toBeNull();
    expect(clusterStartsFast("क्ष", 0, 3)).toBeNull();
    expect(clusterStartsFast("한", 0, 1)).toBeNull();
  });
});
