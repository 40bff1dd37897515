import * as fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import * as Gsm7 from "../../Gsm7.js";
import type { Measurement } from "../../Sms.js";
import * as Sms from "../../Sms.js";
import { countFast, measureFast, useNativeCopy } from "./fast.js";
import { supportOf } from "./nationalKey.js";
import { measureDefault, NONE, scanText } from "./scan.js";

/** The reference pass, as `Sms.measure` ran it before the fast path. */
const reference = (t: string, ref16: boolean, codePointMode: boolean): Measurement => {
  const sc = scanText(t, codePointMode);
  return measureDefault(t, sc, ref16, sc.forced.length === 0 ? NONE : sc.forced);
};

const fast = (t: string, ref16: boolean, codePointMode: boolean): Measurement =>
  measureFast(t, ref16, codePointMode, (text, mode) => {
    const sc = scanText(text, mode);
    return { forcedUcs2: sc.forced, loneSurrogates: sc.lone, characters: sc.characters };
  });

/** Pieces that are never cut, or that change how the text is cut, when they land on a cut point. */
const PIECES = [
  "€",
  "{",
  "|",
  "\f",
  "\r\n",
  "\r",
  "\n",
  "é",
  "’",
  "Ж",
  "ç",
  "😀",
  "👍🏽",
  "❤️",
  "1️⃣",
  "🇪🇪",
  "🇪🇪🇫🇮",
  "🇪",
  "👨‍👩‍👧",
  "🏳️‍🌈",
  "👩🏽‍💻",
  "e\u0301",
  "a\u0301\u0302\u0303",
  "\u0301",
  "\u200d",
  "\u200c",
  "\u200b",
  "\u202e",
  "\u2066",
  "\ufe0f",
  "\ud800",
  "\udc00",
  "\udbff",
  "한",
  "\u1100\u1161\u11a8",
  "नमस्ते",
  "क्षि",
  "ก่",
  "\u0600\u0661",
];

/** A long cluster: more code units than a UCS-2 part holds. */
const longCluster = fc.integer({ min: 60, max: 300 }).map((k) => `a${"\u0301".repeat(k)}`);

const filler = fc.string({ unit: fc.constantFrom(..."abc XYZ 019@£$_!?.,ÄÖüΔΩ"), maxLength: 80 });

const text = fc
  .array(
    fc.oneof(
      { weight: 3, arbitrary: filler },
      { weight: 4, arbitrary: fc.constantFrom(...PIECES) },
      { weight: 1, arbitrary: longCluster },
    ),
    {
      maxLength: 40,
    },
  )
  .map((xs) => xs.join(""));

/** GSM-7 only: extension characters and CR LF around the part ends. */
const gsmText = fc
  .array(fc.oneof(filler, fc.constantFrom("€", "{", "\r\n", "\r", "\n", "^", "\\")), { maxLength: 60 })
  .map((xs) => xs.join(""));

const settings = fc.record({ ref16: fc.boolean(), codePointMode: fc.boolean() });

const plain = (m: Measurement) => JSON.parse(JSON.stringify(m)) as unknown;

describe("measureFast", () => {
  it("agrees with the reference pass on every field (mixed text, both references, both boundaries)", () => {
    fc.assert(
      fc.property(text, settings, (t, { ref16, codePointMode }) => {
        expect(plain(fast(t, ref16, codePointMode))).toEqual(plain(reference(t, ref16, codePointMode)));
      }),
      { numRuns: 3000 },
    );
  });

  it("agrees with the reference pass on GSM-7 text", () => {
    fc.assert(
      fc.property(gsmText, settings, (t, { ref16, codePointMode }) => {
        expect(plain(fast(t, ref16, codePointMode))).toEqual(plain(reference(t, ref16, codePointMode)));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives every UCS-2 measurement the same accessor functions (not new getters for each)", () => {
    // Getters written in an object literal are new functions for every object, which V8 keeps
    // with their state in its old generation: see internal/lazyFields.ts.
    const a = fast("Привет", false, false);
    const b = fast("“quoted” ".repeat(30), true, false);
    for (const key of ["parts", "forcedUcs2", "loneSurrogates", "characters"]) {
      const da = Object.getOwnPropertyDescriptor(a, key);
      expect(da).toMatchObject({ enumerable: true, configurable: true });
      expect(da?.get).toBeTypeOf("function");
      expect(Object.getOwnPropertyDescriptor(b, key)?.get).toBe(da?.get);
    }
  });

  it("builds the parts from the text, not from fields a caller may have overwritten", () => {
    const t = "Привет, мир! ".repeat(20);
    const m = fast(t, false, false) as { -readonly [K in keyof Measurement]: Measurement[K] };
    const expected = reference(t, false, false).parts;
    m.units = 0;
    m.perSegment = 1;
    expect(m.parts).toEqual(expected);
  });

  it("keeps every field for spread, structuredClone and deep equality, and builds each list once", () => {
    fc.assert(
      fc.property(text, settings, (t, { ref16, codePointMode }) => {
        const m = fast(t, ref16, codePointMode);
        const r = reference(t, ref16, codePointMode);
        expect({ ...m }).toStrictEqual(r);
        expect(structuredClone(m)).toStrictEqual(r);
        expect(m).toEqual(r);
        expect(Object.keys(m)).toEqual(Object.keys(r));
        // What the lists are built from is kept out of sight: no other own name or symbol.
        expect(Object.getOwnPropertyNames(m)).toEqual(Object.keys(r));
        expect(
          Object.getOwnPropertySymbols(m).every((s) => !Object.getOwnPropertyDescriptor(m, s)?.enumerable),
        ).toBe(true);
        expect(m.parts).toBe(m.parts);
        expect(m.forcedUcs2).toBe(m.forcedUcs2);
      }),
      { numRuns: 500 },
    );
  });

  it.each([
    ["a letter with 10,000 marks", `a${"\u0301".repeat(10_000)}`],
    ["marks after every cut", "\u0301".repeat(5000)],
    ["a long cluster at every cut", `a${"\u0301".repeat(100)}`.repeat(60)],
    [
      "clusters just longer and shorter than a part",
      `${`a${"\u0301".repeat(66)}`.repeat(20)}${`b${"\u0301".repeat(67)}`.repeat(20)}`,
    ],
    ["ZWJ everywhere", "\u200d".repeat(5000)],
    ["flags off by one", `x${"🇪".repeat(2001)}`],
    ["pairs across every cut", `a${"😀".repeat(3000)}`],
    ["CR LF across every cut", `é${"\r\n".repeat(3000)}`],
  ])("agrees on long hostile text: %s", (_, t) => {
    for (const ref16 of [false, true])
      for (const codePointMode of [false, true])
        expect(plain(fast(t, ref16, codePointMode))).toEqual(plain(reference(t, ref16, codePointMode)));
  });

  it("Sms.count equals the counting fields of the reference measurement, with any options", () => {
    const languages = fc.option(fc.subarray([...Gsm7.languages]), { nil: undefined });
    fc.assert(
      fc.property(text, settings, languages, (t, { ref16, codePointMode }, langs) => {
        const options = {
          reference: ref16 ? (16 as const) : (8 as const),
          boundary: codePointMode ? ("code-point" as const) : ("grapheme" as const),
          ...(langs === undefined ? {} : { languages: langs }),
        };
        const m =
          langs === undefined || langs.length === 0
            ? reference(t, ref16, codePointMode)
            : Sms.measure(t, options);
        const { encoding, units, segments, perSegment, remaining, lockingShift, singleShift } = m;
        expect(Sms.count(t, options)).toEqual({
          encoding,
          units,
          segments,
          perSegment,
          remaining,
          lockingShift,
          singleShift,
        });
      }),
      { numRuns: 1000 },
    );
  });

  it("Sms.measure with languages that cannot hold the text equals the reference packing", () => {
    const languages = fc.subarray([...Gsm7.languages], { minLength: 1 });
    fc.assert(
      fc.property(text, settings, languages, (t, { ref16, codePointMode }, langs) => {
        const support = supportOf(langs);
        const tables = support?.tables(langs) ?? null;
        if (support === undefined || tables === null) throw new Error("a national language without support");
        const sc = scanText(t, codePointMode);
        const choice = support.choose(t, sc.spans, ref16, tables);
        fc.pre(choice === null || Array.isArray(choice));
        const expected = measureDefault(t, sc, ref16, sc.forced.length === 0 ? NONE : (choice ?? sc.forced));
        const options = {
          reference: ref16 ? (16 as const) : (8 as const),
          boundary: codePointMode ? ("code-point" as const) : ("grapheme" as const),
          languages: langs,
        };
        expect(plain(Sms.measure(t, options))).toEqual(plain(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it("Sms.split cuts where the reference measurement's parts end", () => {
    fc.assert(
      fc.property(text, settings, (t, { ref16, codePointMode }) => {
        const options = {
          reference: ref16 ? (16 as const) : (8 as const),
          boundary: codePointMode ? ("code-point" as const) : ("grapheme" as const),
        };
        const parts = reference(t, ref16, codePointMode).parts.map((p) => t.slice(p.start, p.end));
        expect(Sms.split(t, options)).toEqual(parts);
      }),
      { numRuns: 1000 },
    );
  });
});

/** A GSM-7 text long enough for the native copy, with extension characters and CR LF near every cut. */
const longGsmText = fc
  .array(fc.oneof(filler, fc.constantFrom("€", "{", "\r\n", "\r", "\n", "^", "\\", "€€", "~|")), {
    minLength: 4,
    maxLength: 120,
  })
  .map((xs) => xs.join(""));

/** The same text with one unit that is not GSM-7 (a lone surrogate, a letter, a backquote) put in. */
const withNonGsm = fc
  .tuple(longGsmText, fc.constantFrom("\ud800", "\udfff", "é", "Ж", "`", "\u0000", "😀", "\uffff"), fc.nat())
  .map(([t, c, at]) => {
    const i = at % (t.length + 1);
    return t.slice(0, i) + c + t.slice(i);
  });

/** `measureFast` and `countFast` with the native copy on or off. */
const both = (native: boolean, t: string, ref16: boolean, codePointMode: boolean) => {
  useNativeCopy(native);
  return { measured: plain(fast(t, ref16, codePointMode)), counted: countFast(t, ref16, codePointMode) };
};

describe("the Node-only GSM-7 pass (a native UTF-16 copy read 32 bits at a time)", () => {
  afterAll(() => {
    useNativeCopy(true);
  });

  it("is on in Node and can be switched off", () => {
    expect(useNativeCopy(false)).toBe(false);
    expect(useNativeCopy(true)).toBe(true);
  });

  it.each([
    ["GSM-7 text", longGsmText],
    ["text with one unit outside GSM-7", withNonGsm],
  ])("agrees with the portable pass and the reference pass: %s", (_, texts) => {
    fc.assert(
      fc.property(texts, settings, (t, { ref16, codePointMode }) => {
        const native = both(true, t, ref16, codePointMode);
        const portable = both(false, t, ref16, codePointMode);
        expect(native).toEqual(portable);
        expect(native.measured).toEqual(plain(reference(t, ref16, codePointMode)));
      }),
      { numRuns: 2000 },
    );
  });

  it("ends a part at every offset inside a four-unit step, with or without an extension character in it", () => {
    // A part of one-septet units ends inside the four units that overflow it, whatever the
    // offset; an extension character among them (or before them, shifting every later cut by
    // one) sends those units to the exact step instead.
    for (let lead = 0; lead < 8; lead++)
      for (const ext of ["", "€", "{{"])
        for (let at = 140; at < 170; at++) {
          const body = "a".repeat(700);
          const t = "b".repeat(lead) + body.slice(0, at) + ext + body.slice(at);
          for (const ref16 of [false, true]) {
            const native = both(true, t, ref16, false);
            expect(native).toEqual(both(false, t, ref16, false));
            expect(native.measured).toEqual(plain(reference(t, ref16, false)));
          }
        }
  });

  it("ends a part at every offset inside a step with CR LF, CR or an extension character pair there", () => {
    // The same, with the pieces the exact step settles (CR LF is two units and one character,
    // never cut; a lone CR is one septet), at every offset of the four units and both
    // boundaries: CR LF is two septets by grapheme and one plus one by code point.
    for (let lead = 0; lead < 4; lead++)
      for (const piece of ["\r\n", "\r", "\r\n\r\n", "€\r\n", "\r\n€", "a€"])
        for (let at = 145; at < 160; at++) {
          const body = "a".repeat(500);
          const t = "b".repeat(lead) + body.slice(0, at) + piece + body.slice(at);
          for (const ref16 of [false, true])
            for (const codePointMode of [false, true]) {
              const native = both(true, t, ref16, codePointMode);
              expect(native).toEqual(both(false, t, ref16, codePointMode));
              expect(native.measured).toEqual(plain(reference(t, ref16, codePointMode)));
            }
        }
  });

  it("agrees on texts around the copy threshold (64 units), of odd and even length", () => {
    // The first 64 units are read two per step with charCodeAt, the rest from the copy: the
    // hand-over, a break on the last unit read, and an odd last unit are all exercised here.
    const around = fc
      .tuple(
        fc.integer({ min: 56, max: 72 }),
        fc.array(fc.tuple(fc.nat(), fc.constantFrom("€", "{", "\r\n", "\r", "\n", "é", "\ud800", "😀")), {
          maxLength: 3,
        }),
      )
      .map(([n, inserts]) => {
        let t = "abcdefghij".repeat(8).slice(0, n);
        for (const [at, c] of inserts) {
          const i = at % (t.length + 1);
          t = t.slice(0, i) + c + t.slice(i);
        }
        return t;
      });
    fc.assert(
      fc.property(around, settings, (t, { ref16, codePointMode }) => {
        const native = both(true, t, ref16, codePointMode);
        expect(native).toEqual(both(false, t, ref16, codePointMode));
        expect(native.measured).toEqual(plain(reference(t, ref16, codePointMode)));
      }),
      { numRuns: 2000 },
    );
  });

  it("gives a text of 154 to 160 septets one part (the pass ended a part at 153 on the way)", () => {
    for (let n = 150; n <= 162; n++)
      for (const t of ["a".repeat(n), `${"a".repeat(n - 2)}€`, `€${"a".repeat(n - 2)}`])
        for (const ref16 of [false, true]) {
          const native = both(true, t, ref16, false);
          expect(native).toEqual(both(false, t, ref16, false));
          expect(native.measured).toEqual(plain(reference(t, ref16, false)));
          expect(native.counted.segments).toBe(n <= 160 ? 1 : 2);
        }
  });

  it.each([
    ["an extension character on every cut", "€".repeat(5000)],
    ["an extension character after every odd unit", "a€".repeat(3000)],
    ["CR LF across every word", `a${"\r\n".repeat(3000)}`],
    ["a lone surrogate last", `${"a".repeat(999)}\ud800`],
    ["a lone surrogate first", `\udc00${"a".repeat(999)}`],
    ["longer than the copy (read with charCodeAt)", "abc€{".repeat(7000)],
    ["longer than the copy, not GSM-7 at the end", `${"abc€{".repeat(7000)}é`],
    ["just over the copy threshold, odd length", `${"x".repeat(64)}€`],
  ])("agrees on %s", (_, t) => {
    for (const ref16 of [false, true])
      for (const codePointMode of [false, true]) {
        const native = both(true, t, ref16, codePointMode);
        expect(native).toEqual(both(false, t, ref16, codePointMode));
        expect(native.measured).toEqual(plain(reference(t, ref16, codePointMode)));
      }
  });
});
