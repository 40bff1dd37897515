import { Replacement, Transliteration } from "@septet/core";
import { ReplacementArbitraries as RA } from "@septet/testing";
import {
  messenteVectors,
  type ReplacementVector,
  replacementEdgeVectors,
  replacementLanguageVectors,
} from "@septet/testing/vectors";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Gsm7 from "./Gsm7.js";

const isGsmText = (s: string): boolean => [...s].every((c) => Gsm7.isGsm7(c.codePointAt(0)!));
const nonGsm = (s: string): Array<string> => [...s].filter((c) => !Gsm7.isGsm7(c.codePointAt(0)!));

const tableOf = (pairs: ReadonlyArray<readonly [string, string]>): Replacement.Table => {
  const t = Replacement.makeTable(pairs);
  if (t._tag !== "Table") throw new Error(t.message);
  return t;
};

/** `Replacement.apply` with valid options: anything but `Applied` fails the test. */
const appliedOf = (text: string, options: Replacement.Options): Replacement.Applied => {
  const r = Replacement.apply(text, options);
  if (r._tag !== "Applied") throw new Error(`expected Applied, got ${r._tag}: ${r.message}`);
  return r;
};

const run = (v: ReplacementVector) =>
  Replacement.apply(v.input, {
    mode: v.mode,
    table: v.table === undefined ? undefined : tableOf(v.table),
    leftovers: v.leftovers,
  });

/** The report's indices are in order, do not overlap, and point at what they say. */
const checkReport = (input: string, r: Replacement.Applied) => {
  let lastEnd = 0;
  let lastOut = 0;
  for (const c of r.replacements) {
    expect(c.index).toBeGreaterThanOrEqual(lastEnd);
    expect(c.outputIndex).toBeGreaterThanOrEqual(lastOut);
    expect(input.slice(c.index, c.index + c.original.length)).toBe(c.original);
    expect(r.text.slice(c.outputIndex, c.outputIndex + c.replacement.length)).toBe(c.replacement);
    lastEnd = c.index + c.original.length;
    lastOut = c.outputIndex + c.replacement.length;
  }
  expect(Replacement.replay(r)).toBe(input);
};

describe("vectors", () => {
  it.each(replacementLanguageVectors.map((v) => [v.name, v] as const))("%s", (_name, v) => {
    const r = run(v);
    expect(r._tag).toBe("Applied");
    if (r._tag !== "Applied") return;
    expect(r.text).toBe(v.expected);
    expect(r.after.encoding).toBe("GSM-7");
    checkReport(v.input, r);
  });

  it.each([...messenteVectors, ...replacementEdgeVectors].map((v) => [v.name, v] as const))(
    "%s",
    (_name, v) => {
      const r = run(v);
      expect(r._tag).toBe("Applied");
      if (r._tag !== "Applied") return;
      expect(r.text).toBe(v.expected);
      checkReport(v.input, r);
    },
  );

  it("covers at least fifteen languages", () => {
    expect(new Set(replacementLanguageVectors.map((v) => v.language)).size).toBeGreaterThanOrEqual(15);
  });
});

describe("apply: results and policies", () => {
  it("reports a composition against the two-code-unit original", () => {
    const r = appliedOf("Cafe\u0301!", { mode: "full" });
    expect(r.replacements).toEqual([
      { index: 3, outputIndex: 3, original: "e\u0301", replacement: "é", rule: "compose" },
    ]);
  });

  it("names each rule", () => {
    const r = appliedOf("’ë\u200bж\u212bＡ", { mode: "full" });
    expect(r.replacements.map((c) => c.rule)).toEqual([
      "curated",
      "diacritic",
      "removed",
      "transliteration",
      "compose",
      "curated",
    ]);
  });

  it("measures before and after", () => {
    const r = appliedOf("It’s", { mode: "full" });
    expect(r.before.encoding).toBe("UCS-2");
    expect(r.after.encoding).toBe("GSM-7");
    expect(r.changed).toBe(true);
    expect(r.reverted).toBe(false);
  });

  it("reject lists leftovers with positions", () => {
    const r = Replacement.apply("a😀b中", { mode: "full", leftovers: "reject" });
    expect(r).toMatchObject({
      _tag: "LeftoversRejected",
      field: "leftovers",
      leftovers: [
        { index: 1, char: "😀" },
        { index: 4, char: "中" },
      ],
    });
    expect(Replacement.apply("a’b", { mode: "full", leftovers: "reject" })._tag).toBe("Applied");
  });

  it("all-or-nothing returns the original and says so", () => {
    const r = Replacement.apply("“a” 😀", { mode: "full", leftovers: "all-or-nothing" });
    expect(r).toMatchObject({
      text: "“a” 😀",
      reverted: true,
      replacements: [],
      leftovers: [{ index: 4, char: "😀" }],
    });
    expect(Replacement.apply("“a”", { mode: "full", leftovers: "all-or-nothing" })).toMatchObject({
      text: '"a"',
      reverted: false,
    });
  });

  it("substitute must be short GSM-7 text", () => {
    for (const bad of ["😀", "ж", "x".repeat(17), 5 as unknown as string]) {
      const r = Replacement.apply("a😀", { mode: "full", leftovers: { substitute: bad } });
      expect(r).toMatchObject({ _tag: "InvalidSubstitute", field: "leftovers.substitute" });
    }
    expect(Replacement.apply("a😀", { mode: "full", leftovers: { substitute: "" } })).toMatchObject({
      text: "a",
    });
    expect(Replacement.apply("a😀", { mode: "full", leftovers: { substitute: "[?]" } })).toMatchObject({
      text: "a[?]",
      replacements: [{ index: 1, original: "😀", replacement: "[?]", rule: "substitute" }],
    });
  });

  it("policies do not apply under OFF and ON", () => {
    expect(Replacement.apply("😀", { mode: "off", leftovers: "reject" })).toMatchObject({
      _tag: "Applied",
      text: "😀",
    });
    expect(Replacement.apply("😀", { mode: "on", leftovers: "reject" })).toMatchObject({
      _tag: "Applied",
      text: "😀",
    });
  });

  it("never throws on hostile input", () => {
    const hostile = [
      "\ud800",
      "\udc00a",
      "a\u0301\u0301\u0301",
      "\u0000\u001b",
      "\u0301",
      "😀\u200d",
      "\u200d😀",
    ];
    for (const t of hostile) {
      const r = appliedOf(t, { mode: "full" });
      expect(Replacement.replay(r)).toBe(t);
    }
  });

  it("refuses options that bypassed type checking, naming the field", () => {
    expect(Replacement.apply(undefined as unknown as string, { mode: "full" })).toMatchObject({
      _tag: "InvalidOptions",
      field: "text",
    });
    expect(Replacement.apply("x", { mode: "bogus" as Replacement.Mode })).toMatchObject({
      _tag: "InvalidOptions",
      field: "mode",
      reason: 'expected "off", "on" or "full", got "bogus"',
    });
    expect(
      Replacement.apply("x", { mode: "on", table: { x: "y" } as unknown as Replacement.Table }),
    ).toMatchObject({ _tag: "InvalidOptions", field: "table" });
    expect(
      Replacement.applyTable("x", { _tag: "Table", entries: [] } as unknown as Replacement.Table),
    ).toMatchObject({ _tag: "InvalidOptions", field: "table" });
  });

  it("refuses options and tables that throw when read (getters, proxies), never throwing", () => {
    const boom = () => {
      throw new Error("boom");
    };
    const unreadable = [
      new Proxy({}, { get: boom }),
      Object.defineProperty({ mode: "full" }, "table", { get: boom, enumerable: true }),
      { mode: "full", leftovers: new Proxy({}, { get: boom }) },
    ];
    for (const o of unreadable)
      expect(Replacement.apply("Brontë", o as unknown as Replacement.Options)).toMatchObject({
        _tag: "InvalidOptions",
        field: "options",
        reason: "could not be read (a getter or proxy threw)",
      });
    for (const input of [new Proxy({}, { ownKeys: boom, get: boom }), new Proxy([["a", "b"]], { get: boom })])
      expect(Replacement.makeTable(input)).toMatchObject({
        _tag: "InvalidTable",
        issues: [{ path: [], reason: "could not be read (a getter or proxy threw)" }],
      });
  });

  it("FULL: every changed character is its own change", () => {
    const r = appliedOf("Здравствуйте, naïve café’s", { mode: "full" });
    const word = [..."Здравствуйте"].map((c, i) => [i, c, "Zdravstvuite"[i], "transliteration"]);
    expect(r.replacements.map((c) => [c.index, c.original, c.replacement, c.rule])).toEqual([
      ...word,
      [16, "ï", "i", "diacritic"],
      [24, "’", "'", "curated"],
    ]);
  });

  // No timing assertion: quadratic behaviour on this input would take minutes and hit the
  // test's timeout; speed itself is measured in benchmarks.
  it("FULL: hostile text (megabytes, long mark runs, surrogates) round-trips", { timeout: 60_000 }, () => {
    const pieces = ["e\u0301", "ж", "😀", "\ud800", "a", "\u0301".repeat(40), "’"];
    const text = Array.from({ length: 200_000 }, (_, i) => pieces[i % pieces.length]).join("");
    const r = appliedOf(text, { mode: "full" });
    expect(Replacement.replay(r)).toBe(text);
  });

  it("FULL: Cyrillic capitals follow the word's case", () => {
    expect(appliedOf("ЩУКА Щука Щ. ЖЖ", { mode: "full" }).text).toBe("SHCHUKA Shchuka Shch. ZHZH");
  });

  it("FULL: a table value is itself made GSM-7", () => {
    const r = appliedOf("x", { mode: "full", table: tableOf([["x", "“ж”"]]) });
    expect(r.text).toBe('"zh"');
    expect(r.replacements).toEqual([
      { index: 0, outputIndex: 0, original: "x", replacement: '"zh"', rule: "table" },
    ]);
  });

  it("FULL: table keys match the composed text", () => {
    const r = appliedOf("Bronte\u0308", { mode: "full", table: tableOf([["Brontë", "B."]]) });
    expect(r.text).toBe("B.");
    expect(r.replacements[0]).toMatchObject({ index: 0, original: "Bronte\u0308", rule: "table" });
  });
});

describe("makeTable", () => {
  it("accepts objects and pairs", () => {
    expect(tableOf([["a", "b"]]).entries).toEqual([["a", "b"]]);
    const t = Replacement.makeTable({ "„": '"', __proto__: "x" } as unknown);
    expect(t._tag).toBe("Table");
    expect(Replacement.makeTable(JSON.parse('{"__proto__":"x"}'))).toMatchObject({
      entries: [["__proto__", "x"]],
    });
  });

  it("merges identical duplicates", () => {
    expect(
      tableOf([
        ["a", "b"],
        ["a", "b"],
      ]).entries,
    ).toEqual([["a", "b"]]);
  });

  it("names every bad entry", () => {
    const r = Replacement.makeTable([
      ["", "x"],
      ["a", 1],
      ["b", "1"],
      ["b", "2"],
      ["é", "1"],
      ["e\u0301", "1"],
      "zz",
    ]);
    expect(r._tag).toBe("InvalidTable");
    if (r._tag !== "InvalidTable") return;
    expect(r.issues.map((i) => i.path)).toEqual([[6], [0], [1], [3], [5]]);
    expect(r.message).toContain("key is empty");
  });

  it("caps sizes", () => {
    expect(Replacement.makeTable(Array.from({ length: 2001 }, (_, i) => [`k${i}`, "v"]))._tag).toBe(
      "InvalidTable",
    );
    expect(Replacement.makeTable({ ["k".repeat(65)]: "v" })._tag).toBe("InvalidTable");
    expect(Replacement.makeTable({ k: "v".repeat(257) })._tag).toBe("InvalidTable");
    expect(Replacement.makeTable(null)._tag).toBe("InvalidTable");
  });

  it("refuses every generated bad input, naming the entry", () => {
    fc.assert(
      fc.property(RA.invalidTableInput(), ({ input, path }) => {
        const r = Replacement.makeTable(input);
        return (
          r._tag === "InvalidTable" && r.issues.some((i) => JSON.stringify(i.path) === JSON.stringify(path))
        );
      }),
      { numRuns: 300 },
    );
  });

  // Quadratic matching would take minutes here and hit the timeout; no timing assertion.
  it("handles hostile tables (prefix keys, megabyte text)", { timeout: 60_000 }, () => {
    const t = tableOf(Array.from({ length: 64 }, (_, i) => ["a".repeat(i + 1), `${i}`]));
    const text = "a".repeat(1_000_000);
    const r = appliedOf(text, { mode: "on", table: t });
    expect(r.text).toBe("63".repeat(1_000_000 / 64));
  });
});

describe("laws", () => {
  const anyText = fc.oneof(
    RA.mixedText(),
    RA.latinText(),
    RA.greekText(),
    RA.cyrillicText(),
    fc.string({ unit: "binary" }),
  );

  it("OFF is the identity", () => {
    fc.assert(
      fc.property(anyText, RA.table(), (t, table) => {
        const r = appliedOf(t, { mode: "off", table });
        return r.text === t && r.replacements.length === 0 && !r.changed;
      }),
      { numRuns: 500 },
    );
  });

  it("FULL output is GSM-7 except the reported leftovers", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const r = appliedOf(t, { mode: "full" });
        expect(nonGsm(r.text)).toEqual(r.leftovers.flatMap((l) => nonGsm(l.char)));
        const s = appliedOf(t, { mode: "full", leftovers: { substitute: "?" } });
        expect(s._tag === "Applied" && isGsmText(s.text)).toBe(true);
      }),
      { numRuns: 800 },
    );
  });

  it("FULL is idempotent", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const once = appliedOf(t, { mode: "full" }).text;
        const twice = appliedOf(once, { mode: "full" });
        expect(twice.text).toBe(once);
        expect(twice.replacements).toEqual([]);
      }),
      { numRuns: 800 },
    );
  });

  it("FULL never changes a GSM-7 character", () => {
    fc.assert(
      fc.property(anyText, (t) => {
        const r = appliedOf(t, { mode: "full" });
        // Every replaced stretch holds a non-GSM-7 character (a lone GSM-7 base letter is only
        // ever part of a composed sequence with its combining marks).
        for (const c of r.replacements) expect(isGsmText(c.original)).toBe(false);
        // And GSM-7 text alone goes through untouched.
        const gsm = [...t].filter((c) => Gsm7.isGsm7(c.codePointAt(0)!)).join("");
        expect(appliedOf(gsm, { mode: "full" }).text).toBe(gsm);
      }),
      { numRuns: 800 },
    );
  });

  it("the report replays to the input, in order and without overlap (FULL, ON, every policy)", () => {
    fc.assert(
      fc.property(
        anyText,
        RA.table(),
        fc.constantFrom("full", "on"),
        fc.constantFrom<Replacement.LeftoverPolicy>("keep", { substitute: "?" }, { substitute: "" }),
        (t, table, mode, leftovers) => {
          const r = appliedOf(t, { mode, table, leftovers });
          if (r._tag !== "Applied") return false;
          checkReport(t, r);
          return true;
        },
      ),
      { numRuns: 800 },
    );
  });

  it("ON only changes table keys and never re-replaces its output", () => {
    fc.assert(
      fc.property(fc.oneof(RA.mixedText({ maxLength: 40 }), fc.string()), RA.table(), (t, table) => {
        const r = Replacement.applyTable(t, table);
        if (r._tag !== "Applied") throw new Error(r.message);
        const map = new Map(table.entries);
        for (const c of r.replacements) {
          expect(map.get(c.original)).toBe(c.replacement);
          expect(c.rule).toBe("table");
        }
        // Longest match first: no key starting at a replaced index is longer than the one used.
        for (const c of r.replacements)
          for (const [k] of table.entries)
            if (k.length > c.original.length) expect(t.startsWith(k, c.index)).toBe(false);
        // Unreplaced positions start no key (one pass from the left), and output is not re-scanned:
        // replaying gives back the input even when values contain keys.
        let at = 0;
        for (const c of [...r.replacements, { index: t.length, original: "" }]) {
          for (let i = at; i < c.index; i++)
            for (const [k] of table.entries)
              if (i + k.length <= c.index) expect(t.startsWith(k, i)).toBe(false);
          at = c.index + c.original.length;
        }
        expect(Replacement.replay(r)).toBe(t);
      }),
      { numRuns: 500 },
    );
  });

  it("apply with mode on equals applyTable", () => {
    fc.assert(
      fc.property(RA.mixedText({ maxLength: 40 }), RA.table(), (t, table) => {
        expect(appliedOf(t, { mode: "on", table })).toEqual(Replacement.applyTable(t, table));
      }),
      { numRuns: 200 },
    );
  });
});

describe("built-in table", () => {
  const all = Transliteration.entries();
  it("every target is GSM-7 text and every source is not GSM-7", () => {
    for (const e of all) {
      expect(isGsmText(e.to), `${e.from} → ${e.to}`).toBe(true);
      expect(Gsm7.isGsm7(e.codePoint)).toBe(false);
    }
  });

  it("prefers one-septet targets for the curated punctuation", () => {
    for (const c of "‘’‚‛“”„‟«»‹›–—―−…•\u00a0\u2009\u3000")
      expect([...Transliteration.lookup(c)!.to].every((x) => Gsm7.septets(x.codePointAt(0)!) === 1)).toBe(
        true,
      );
  });

  it("covers Latin-1 and Latin Extended-A, Greek and Russian completely", () => {
    const ranges = [
      [0xa0, 0x17f],
      [0x391, 0x3a9],
      [0x3b1, 0x3c9],
      [0x410, 0x44f],
    ] as ReadonlyArray<readonly [number, number]>;
    for (const [a, b] of ranges)
      for (let cp = a; cp <= b; cp++) {
        if (cp === 0x3a2) continue; // unassigned
        const c = String.fromCodePoint(cp);
        expect(Gsm7.isGsm7(cp) || Transliteration.lookup(c) !== undefined, `U+${cp.toString(16)} ${c}`).toBe(
          true,
        );
      }
  });
});

describe("the report is built on first read and stays a plain value", () => {
  it.each([
    ["Cyrillic and quotes", "Привет – “мир” 😀 e\u0301"],
    ["a composed piece and a leftover", "Ёлка 👍🏽 a\u0301\u0302 🇪🇪"],
    ["nothing to replace", "plain GSM-7 text"],
  ])("spread, JSON and structuredClone keep every field: %s", (_, text) => {
    const r = Replacement.apply(text, { mode: "full" });
    if (r._tag !== "Applied") throw new Error("expected Applied");
    const copy = { ...r };
    expect(Object.keys(copy)).toEqual(Object.keys(r));
    expect(copy.replacements).toEqual(r.replacements);
    expect(copy.leftovers).toEqual(r.leftovers);
    expect(structuredClone(r)).toEqual(copy);
    expect(JSON.parse(JSON.stringify(r))).toEqual(JSON.parse(JSON.stringify(copy)));
    expect(r.replacements).toBe(r.replacements);
    expect(Replacement.replay(copy)).toBe(text);
  });

  it("keeps the field order and no other own name, with the same accessor functions on every result", () => {
    const a = Replacement.apply("Привет – “мир” 😀", { mode: "full" });
    const b = Replacement.apply("naïve café", { mode: "full" });
    if (a._tag !== "Applied" || b._tag !== "Applied") throw new Error("expected Applied");
    const fields = [
      "_tag",
      "mode",
      "original",
      "text",
      "changed",
      "reverted",
      "replacements",
      "leftovers",
      "before",
      "after",
    ];
    expect(Object.keys(a)).toEqual(fields);
    expect(Object.getOwnPropertyNames(a)).toEqual(fields);
    // Getters written in an object literal would be new functions for each result (see internal/lazyFields.ts).
    for (const key of ["replacements", "leftovers"]) {
      const d = Object.getOwnPropertyDescriptor(a, key);
      expect(d).toMatchObject({ enumerable: true, configurable: true });
      expect(Object.getOwnPropertyDescriptor(b, key)?.get).toBe(d?.get);
    }
  });

  it("the output is the input with every change applied in order (what the compact report relies on)", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(..."aé€Жщ“–😀\u0301\u200b½1γυα🇪"), maxLength: 60 }),
        (text) => {
          const r = Replacement.apply(text, { mode: "full", leftovers: { substitute: "?" } });
          if (r._tag !== "Applied") return;
          let rebuilt = "";
          let at = 0;
          for (const c of r.replacements) {
            rebuilt += text.slice(at, c.index) + c.replacement;
            at = c.index + c.original.length;
          }
          expect(rebuilt + text.slice(at)).toBe(r.text);
        },
      ),
      { numRuns: 500 },
    );
  });
});
