import { SmsArbitraries } from "@septet/testing";
import { type SmsVector, smsVectors } from "@septet/testing/vectors";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Gsm7 from "./Gsm7.js";
import * as Sms from "./Sms.js";

// ---------------------------------------------------------------------------------------------
// A slow, obviously-correct reference: whole-text Intl.Segmenter, every (locking, single) pair
// tried with explicit per-character costs, capacities computed from the UDH octets of TS 23.040,
// greedy packing of whole clusters (a cluster larger than a part is placed code point by code
// point).
// ---------------------------------------------------------------------------------------------

const segmenter = new Intl.Segmenter(undefined, { granularity: "grapheme" });

const codePoints = (s: string): Array<string> => Array.from(s);

const atomsOf = (text: string, boundary: "grapheme" | "code-point" | undefined): Array<string> =>
  boundary === "code-point" ? codePoints(text) : Array.from(segmenter.segment(text), (s) => s.segment);

const setOf = (table: ReadonlyArray<string>): Set<string> => new Set(table.filter((c) => c !== ""));
const DEFAULT_BASIC = setOf(Gsm7.defaultAlphabet);
const DEFAULT_EXT = setOf(Gsm7.defaultExtension);

/** UDH octets (without the length octet) → units left in 140 octets of user data. */
const gsmCapacity = (udhOctets: number): number =>
  udhOctets === 0 ? 160 : 160 - Math.ceil(((udhOctets + 1) * 8) / 7);
const ucs2Capacity = (udhOctets: number): number =>
  udhOctets === 0 ? 70 : Math.floor((140 - udhOctets - 1) / 2);

interface RefResult {
  encoding: "GSM-7" | "UCS-2";
  units: number;
  segments: number;
  perSegment: number;
  remaining: number;
  ends: Array<number>;
  lockingShift: string | null;
  singleShift: string | null;
  characters: number;
}

const refPack = (atoms: Array<string>, cost: (cp: string) => number, cap: number) => {
  const ends: Array<number> = [];
  const lastUnits: Array<number> = [];
  let used = 0;
  let pos = 0;
  const close = () => {
    ends.push(pos);
    lastUnits.push(used);
    used = 0;
  };
  for (const atom of atoms) {
    const cps = codePoints(atom);
    const units = cps.reduce((sum, c) => sum + cost(c), 0);
    if (units <= cap) {
      if (used + units > cap) close();
      used += units;
      pos += atom.length;
    } else {
      for (const c of cps) {
        if (used + cost(c) > cap) close();
        used += cost(c);
        pos += c.length;
      }
    }
  }
  close();
  return { ends, last: lastUnits[lastUnits.length - 1]! };
};

const reference = (text: string, options: Sms.MeasureOptions = {}): RefResult => {
  const atoms = atomsOf(text, options.boundary);
  const concat = options.reference === 16 ? 6 : 5;
  const languages = options.languages ?? [];
  const lockings: Array<[string | null, Set<string>]> = [[null, DEFAULT_BASIC]];
  const singles: Array<[string | null, Set<string>]> = [[null, DEFAULT_EXT]];
  for (const l of languages) {
    if (l.lockingShift) lockings.push([l.name, setOf(l.lockingShift)]);
    if (l.singleShift) singles.push([l.name, setOf(l.singleShift)]);
  }
  const cps = codePoints(text);
  let best: RefResult | null = null;
  for (const [lName, lSet] of lockings) {
    for (const [sName, sSet] of singles) {
      const cost = (c: string) => (lSet.has(c) ? 1 : sSet.has(c) ? 2 : Number.NaN);
      const units = cps.reduce((sum, c) => sum + cost(c), 0);
      if (Number.isNaN(units)) continue;
      const ies = 3 * ((lName ? 1 : 0) + (sName ? 1 : 0));
      const single = gsmCapacity(ies);
      const multi = gsmCapacity(ies + concat);
      let r: RefResult;
      if (units <= single)
        r = {
          encoding: "GSM-7",
          units,
          segments: 1,
          perSegment: single,
          remaining: single - units,
          ends: [text.length],
          lockingShift: lName,
          singleShift: sName,
          characters: atoms.length,
        };
      else {
        const { ends, last } = refPack(atoms, cost, multi);
        r = {
          encoding: "GSM-7",
          units,
          segments: ends.length,
          perSegment: multi,
          remaining: multi - last,
          ends,
          lockingShift: lName,
          singleShift: sName,
          characters: atoms.length,
        };
      }
      if (
        best === null ||
        r.segments < best.segments ||
        (r.segments === best.segments && r.remaining > best.remaining)
      )
        best = r;
    }
  }
  if (best !== null) return best;
  const units = text.length;
  const single = ucs2Capacity(0);
  const multi = ucs2Capacity(concat);
  if (units <= single)
    return {
      encoding: "UCS-2",
      units,
      segments: 1,
      perSegment: single,
      remaining: single - units,
      ends: [text.length],
      lockingShift: null,
      singleShift: null,
      characters: atoms.length,
    };
  const { ends, last } = refPack(atoms, (c) => c.length, multi);
  return {
    encoding: "UCS-2",
    units,
    segments: ends.length,
    perSegment: multi,
    remaining: multi - last,
    ends,
    lockingShift: null,
    singleShift: null,
    characters: atoms.length,
  };
};

const summary = (m: Sms.Measurement): RefResult => ({
  encoding: m.encoding,
  units: m.units,
  segments: m.segments,
  perSegment: m.perSegment,
  remaining: m.remaining,
  ends: m.parts.map((p) => p.end),
  lockingShift: m.lockingShift,
  singleShift: m.singleShift,
  characters: m.characters,
});

const text = SmsArbitraries.smsText();
const options = SmsArbitraries.measureOptions();

const byName = new Map(Gsm7.languages.map((l) => [l.name, l]));
const toOptions = (v: SmsVector): Sms.MeasureOptions => {
  const { languages, ...rest } = v.options;
  return languages ? { ...rest, languages: languages.map((n) => byName.get(n)!) } : rest;
};

describe("Sms.measure vectors (packages/testing/src/vectors/sms.ts)", () => {
  it.each(smsVectors)("$name", (v) => {
    const o = toOptions(v);
    const m = Sms.measure(v.text, o);
    expect({
      encoding: m.encoding,
      units: m.units,
      segments: m.segments,
      perSegment: m.perSegment,
      remaining: m.remaining,
      partLengths: Sms.split(v.text, o).map((p) => p.length),
      lockingShift: m.lockingShift,
      singleShift: m.singleShift,
      characters: m.characters,
      loneSurrogates: m.loneSurrogates,
    }).toEqual({
      encoding: v.encoding,
      units: v.units,
      segments: v.segments,
      perSegment: v.perSegment,
      remaining: v.remaining,
      partLengths: v.partLengths,
      lockingShift: v.lockingShift,
      singleShift: v.singleShift,
      characters: v.characters,
      loneSurrogates: v.loneSurrogates,
    });
  });

  it.each(smsVectors)("$name agrees with the reference implementation", (v) => {
    const o = toOptions(v);
    expect(summary(Sms.measure(v.text, o))).toEqual(reference(v.text, o));
  });
});

describe("Sms.measure details", () => {
  it("reports every character that forced UCS-2 with its index", () => {
    const m = Sms.measure("Hi 👋, ça va? \ud800");
    expect(m.forcedUcs2).toEqual([
      { index: 3, char: "👋" },
      { index: 7, char: "ç" },
      { index: 14, char: "\ud800" },
    ]);
    expect(m.loneSurrogates).toEqual([14]);
  });

  it("reports no forced characters for GSM-7", () => {
    expect(Sms.measure("Ação: 5€", { languages: [Gsm7.Portuguese, Gsm7.Spanish] }).forcedUcs2).toEqual([]);
  });

  it("with languages, reports only the characters no enabled table holds", () => {
    const m = Sms.measure("Çalışma 😀", { languages: [Gsm7.Turkish] });
    expect(m.forcedUcs2).toEqual([{ index: 8, char: "😀" }]);
  });

  it("chooses the national pair with fewest parts, then most room", () => {
    // ş is in the Turkish locking table (1 septet) and the Turkish single shift table (2).
    expect(Sms.measure("ş", { languages: [Gsm7.Turkish] })).toMatchObject({
      lockingShift: "Turkish",
      singleShift: null,
      units: 1,
      remaining: 154,
    });
    // Spanish has no locking table: á goes through its single shift table.
    expect(Sms.measure("á", { languages: [Gsm7.Spanish] })).toMatchObject({
      singleShift: "Spanish",
      units: 2,
    });
  });

  it("counts characters as grapheme clusters or code points", () => {
    const t = "👨‍👩‍👧 e\u0301 🇪🇪\r\n";
    expect(Sms.measure(t).characters).toBe(6);
    expect(Sms.measure(t, { boundary: "code-point" }).characters).toBe(codePoints(t).length);
  });

  it("never throws on hostile options", () => {
    const bad = [
      null,
      5,
      "x",
      { languages: "Turkish" },
      { languages: [null, 3, {}] },
      { reference: 7, boundary: "?" },
    ];
    for (const o of bad) expect(Sms.measure("hello", o as never).segments).toBe(1);
    expect(Sms.measure(undefined as never).segments).toBe(1);
  });

  it("never throws on options that throw when read (getters, proxies)", () => {
    const boom = () => {
      throw new Error("boom");
    };
    const throwing = [
      Object.defineProperty({}, "languages", { get: boom, enumerable: true }),
      { languages: [new Proxy({}, { has: boom, get: boom })] },
      { languages: new Proxy([Gsm7.Turkish], { get: boom }) },
      new Proxy({}, { get: boom }),
    ];
    for (const o of throwing) {
      expect(Sms.measure("ş hello", o as never)).toMatchObject({ encoding: "UCS-2", segments: 1 });
      expect(Sms.split("ş hello", o as never)).toEqual(["ş hello"]);
      expect(Sms.truncate("ş hello", 1, o as never)).toBe("ş hello");
    }
  });

  it("uses national tables only from Gsm7's values (a JSON copy is ignored, as documented)", () => {
    const copy = JSON.parse(JSON.stringify(Gsm7.Turkish)) as Gsm7.NationalLanguage;
    expect(copy.lockingShift).toEqual(Gsm7.Turkish.lockingShift);
    expect(Sms.measure("ş", { languages: [copy] }).encoding).toBe("UCS-2");
    expect(Sms.measure("ş", { languages: [copy, Gsm7.Turkish] }).lockingShift).toBe("Turkish");
    const byName = Gsm7.languages.find((l) => l.name === copy.name);
    expect(Sms.measure("ş", { languages: byName === undefined ? [] : [byName] }).encoding).toBe("GSM-7");
  });

  it("handles megabytes of hostile text in one pass", () => {
    const pieces = ["a", "€", "\u0000", "\ud800", "👍🏽", "e\u0301", "\r\n", "🇪🇪", "ж"];
    const big = Array.from({ length: 200_000 }, (_, i) => pieces[(i * 7) % pieces.length]).join("");
    const m = Sms.measure(big);
    expect(m.encoding).toBe("UCS-2");
    expect(m.units).toBe(big.length);
    expect(Sms.split(big).join("")).toBe(big);
    const gsm = "Hello world {€} ".repeat(70_000);
    const g = Sms.measure(gsm);
    expect(g.segments).toBeGreaterThanOrEqual(Math.ceil(g.units / 153));
    expect(g.segments).toBeLessThanOrEqual(Math.ceil(g.units / 152));
    const oneCluster = `a${"\u0301".repeat(300_000)}`;
    const parts = Sms.split(oneCluster);
    expect(parts.join("")).toBe(oneCluster);
    expect(parts.length).toBe(Math.ceil(oneCluster.length / 67));
  });

  it("cuts a cluster longer than a part between code points, never inside a surrogate pair", () => {
    // "a" + 60 skin-tone modifiers (surrogate pairs, Extend) is one 121-unit cluster, after 30 units.
    const text = `${"x".repeat(30)}a${"\u{1F3FB}".repeat(60)}yz`;
    const m = Sms.measure(text);
    expect(m.characters).toBe(33);
    // Part 1 is filled with 30 + 1 + 18 pairs = 67 units; part 2 holds 33 pairs (66, the next pair
    // would make 68); part 3 the last 9 pairs and "yz".
    expect(m.parts.map((p) => [p.start, p.end, p.units])).toEqual([
      [0, 67, 67],
      [67, 133, 66],
      [133, 153, 20],
    ]);
  });
});

describe("Sms laws", () => {
  it("split/join round trip", () => {
    fc.assert(
      fc.property(text, options, (t, o) => Sms.split(t, o).join("") === t),
      { numRuns: 600 },
    );
  });

  it("parts are contiguous, cover the text and each fits its capacity", () => {
    fc.assert(
      fc.property(text, options, (t, o) => {
        const m = Sms.measure(t, o);
        let pos = 0;
        let units = 0;
        for (const p of m.parts) {
          expect(p.start).toBe(pos);
          expect(p.units).toBeLessThanOrEqual(p.capacity);
          expect(p.capacity).toBe(m.perSegment);
          // never inside a surrogate pair
          const before = t.charCodeAt(p.start - 1);
          const at = t.charCodeAt(p.start);
          expect(before >= 0xd800 && before < 0xdc00 && at >= 0xdc00 && at < 0xe000).toBe(false);
          pos = p.end;
          units += p.units;
        }
        expect(pos).toBe(t.length);
        expect(units).toBe(m.units);
        expect(m.remaining).toBe(m.perSegment - m.parts[m.parts.length - 1]!.units);
      }),
      { numRuns: 600 },
    );
  });

  it("segments === split(...).length", () => {
    fc.assert(
      fc.property(text, options, (t, o) => Sms.measure(t, o).segments === Sms.split(t, o).length),
      { numRuns: 400 },
    );
  });

  it("appending a character never lowers segments", () => {
    fc.assert(
      fc.property(text, SmsArbitraries.unicodePiece(), options, (t, c, o) => {
        expect(Sms.measure(t + c, o).segments).toBeGreaterThanOrEqual(Sms.measure(t, o).segments);
      }),
      { numRuns: 600 },
    );
  });

  it("GSM-7 exactly when every character is in the default tables (no languages)", () => {
    fc.assert(
      fc.property(text, (t) => {
        const all = codePoints(t).every((c) => Gsm7.isGsm7(c.codePointAt(0)!));
        expect(Sms.measure(t).encoding).toBe(all ? "GSM-7" : "UCS-2");
      }),
      { numRuns: 800 },
    );
  });

  it("GSM-7 exactly when one locking + one single shift table of the enabled ones holds every character", () => {
    fc.assert(
      fc.property(SmsArbitraries.languageAndText({ foreignWeight: 0.5 }), options, ([lang, t], o) => {
        const languages = [lang, ...(o.languages ?? [])];
        const lockings = [
          DEFAULT_BASIC,
          ...languages.flatMap((l) => (l.lockingShift ? [setOf(l.lockingShift)] : [])),
        ];
        const singles = [
          DEFAULT_EXT,
          ...languages.flatMap((l) => (l.singleShift ? [setOf(l.singleShift)] : [])),
        ];
        const cps = codePoints(t);
        const encodable = lockings.some((l) => singles.some((s) => cps.every((c) => l.has(c) || s.has(c))));
        expect(Sms.measure(t, { ...o, languages }).encoding).toBe(encodable ? "GSM-7" : "UCS-2");
      }),
      { numRuns: 400 },
    );
  });

  it("forcedUcs2 lists exactly the code points outside the default tables", () => {
    fc.assert(
      fc.property(text, (t) => {
        const m = Sms.measure(t);
        const expected: Array<Sms.Forced> = [];
        const lone: Array<number> = [];
        let i = 0;
        for (const c of codePoints(t)) {
          if (!Gsm7.isGsm7(c.codePointAt(0)!)) expected.push({ index: i, char: c });
          if (c.length === 1 && c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) < 0xe000) lone.push(i);
          i += c.length;
        }
        expect(m.forcedUcs2).toEqual(m.encoding === "GSM-7" ? [] : expected);
        expect(m.loneSurrogates).toEqual(lone);
      }),
      { numRuns: 400 },
    );
  });

  it("measure agrees with the reference implementation", () => {
    fc.assert(
      fc.property(text, options, (t, o) => {
        expect(summary(Sms.measure(t, o))).toEqual(reference(t, o));
      }),
      { numRuns: 800 },
    );
  });

  it("measure agrees with the reference implementation on national-language text", () => {
    fc.assert(
      fc.property(SmsArbitraries.languageAndText({ foreignWeight: 0.2 }), options, ([lang, t], o) => {
        const opts = { ...o, languages: [lang, ...(o.languages ?? [])] };
        expect(summary(Sms.measure(t, opts))).toEqual(reference(t, opts));
      }),
      { numRuns: 400 },
    );
  });
});

describe("Sms.truncate", () => {
  it("returns the longest prefix that fits, cut only at a cluster boundary", () => {
    fc.assert(
      fc.property(text, fc.integer({ min: 1, max: 4 }), options, (t, k, o) => {
        const p = Sms.truncate(t, k, o);
        expect(t.startsWith(p)).toBe(true);
        expect(Sms.measure(p, o).segments).toBeLessThanOrEqual(k);
        const atoms = atomsOf(t, o.boundary);
        let end = 0;
        const ends = [0];
        for (const a of atoms) {
          end += a.length;
          ends.push(end);
        }
        expect(ends).toContain(p.length);
        if (p.length < t.length) {
          // the next cluster would not fit
          const next = ends[ends.indexOf(p.length) + 1]!;
          expect(Sms.measure(t.slice(0, next), o).segments).toBeGreaterThan(k);
        } else expect(p).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it("prefers a GSM-7 prefix when the UCS-2 character comes after the cut", () => {
    expect(Sms.truncate(`${"a".repeat(200)}👋`, 1)).toBe("a".repeat(160));
    expect(Sms.truncate(`${"a".repeat(159)}€`, 1)).toBe("a".repeat(159));
    expect(Sms.truncate(`${"a".repeat(65)}👍🏽`, 1)).toBe(`${"a".repeat(65)}👍🏽`);
    expect(Sms.truncate(`${"a".repeat(67)}👍🏽x`, 1)).toBe("a".repeat(67));
  });

  it.each([
    [0, ""],
    [-1, ""],
    [Number.NaN, ""],
    ["2" as unknown as number, ""],
    [0.5, ""],
    [1.9, "a".repeat(160)],
    [Number.POSITIVE_INFINITY, "a".repeat(400)],
  ])("maxSegments %s never throws", (k, expected) => {
    expect(Sms.truncate("a".repeat(400), k)).toBe(expected);
  });

  it("is fast on megabytes of text", () => {
    const big = "ж".repeat(2_000_000);
    expect(Sms.truncate(big, 2).length).toBe(134);
    expect(Sms.truncate(big, Number.POSITIVE_INFINITY).length).toBe(big.length);
  });
});
