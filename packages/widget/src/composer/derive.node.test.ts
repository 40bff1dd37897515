import * as Gsm7 from "@septet/core/Gsm7";
import { makeTable } from "@septet/core/Replacement";
import * as Sms from "@septet/core/Sms";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type DeriveInput, derive } from "./derive.js";
import { textDirection } from "./direction.js";
import { toCrlf, toLf } from "./line-breaks.js";
import { MARK_WINDOW, MAX_MARK_RUNS, marksFor } from "./marks.js";
import { refine } from "./refine.js";
import { defaultStrings } from "./strings.js";

const input = (patch: Partial<DeriveInput>): DeriveInput => ({
  value: "",
  mode: "off",
  languages: [],
  nationalTables: undefined,
  engine: { refine },
  hasTable: false,
  table: undefined,
  leftovers: "keep",
  loadFailed: false,
  strings: defaultStrings,
  ...patch,
});

/** Runs of adjacent forced characters measured directly on the LF text (CR and LF are GSM-7). */
const directRuns = (value: string): Array<[number, number]> => {
  const runs: Array<[number, number]> = [];
  for (const { index, char } of Sms.measure(value).forcedUcs2) {
    const last = runs.at(-1);
    if (last !== undefined && last[1] === index) last[1] += char.length;
    else runs.push([index, index + char.length]);
  }
  return runs;
};

describe("derive", () => {
  it.each([
    // value                 mode       outgoing                encoding   units
    ["Hi\nthere", "off", "Hi\r\nthere", "GSM-7", 9],
    ["It’s\n5 – 7", "full", "It's\r\n5 - 7", "GSM-7", 11],
    ["It’s\n5 – 7", "on", "It’s\r\n5 – 7", "UCS-2", 11],
    ["Ёлка", "nonsense", "Ёлка", "UCS-2", 4],
  ])(
    "%j in %s goes out as %j, %s, %i units (line breaks as posted)",
    (value, mode, outgoing, encoding, units) => {
      const { derived } = derive(input({ value, mode }));
      expect(derived.outgoing).toBe(outgoing);
      expect(derived.posted).toBe(toCrlf(value));
      expect(derived.after.encoding).toBe(encoding);
      expect(derived.after.units).toBe(units);
    },
  );

  it("without the engine shows the plain count and asks for the engine when there is something to explain", () => {
    const plain = derive(input({ value: "plain", engine: undefined }));
    expect(plain.needs).toEqual({ engine: false, languages: false });
    expect(plain.derived.pending).toBe(false);
    const curly = derive(input({ value: "“x”", engine: undefined }));
    expect(curly.needs.engine).toBe(true);
    expect(curly.derived.pending).toBe(true);
    expect(curly.derived.after.encoding).toBe("UCS-2");
    // A failed load stops the waiting.
    expect(derive(input({ value: "“x”", engine: undefined, loadFailed: true })).derived.pending).toBe(false);
  });

  it("asks for the national tables, then uses the ones named", () => {
    const text = "Günaydın, çarşı";
    const waiting = derive(input({ value: text, languages: ["turkish"] }));
    expect(waiting.needs.languages).toBe(true);
    expect(waiting.derived.after.encoding).toBe("UCS-2");
    const loaded = derive(
      input({ value: text, languages: ["TURKISH", "klingon"], nationalTables: Gsm7.languages }),
    );
    expect(loaded.needs.languages).toBe(false);
    expect(loaded.derived.after.encoding).toBe("GSM-7");
  });

  it("uses an ON table and reports a refused one", () => {
    const table = makeTable({ ü: "ue" });
    const on = derive(input({ value: "über", mode: "on", hasTable: true, table }));
    expect(on.derived.outgoing).toBe("ueber");
    const refused = makeTable({ "": "x" });
    const bad = derive(input({ value: "über", mode: "on", hasTable: true, table: refused }));
    expect(bad.derived.tableError).toMatch(/^The replacement table was refused: /);
  });
});

describe("marks", () => {
  const text = fc.string({
    unit: fc.constantFrom("a", " ", "\n", "\r", "\r\n", "é", "ł", "“", "😀", "\u200b", "Ж"),
    maxLength: 200,
  });

  it("cover exactly the characters that force UCS-2 in the textarea's text, whatever the line breaks", () => {
    fc.assert(
      fc.property(text, (raw) => {
        const value = toLf(raw);
        const marks = marksFor(value, Sms.measure(toCrlf(value)).forcedUcs2);
        expect(marks.complete).toBe(true);
        expect(marks.runs).toEqual(directRuns(value));
      }),
      { numRuns: 500 },
    );
  });

  it("are bounded in runs and in length on a long hostile text, and say where they stop", () => {
    const value = "\u202ex\u200by".repeat(100_000);
    const marks = marksFor(value, Sms.measure(value).forcedUcs2);
    expect(marks.complete).toBe(false);
    expect(marks.runs).toHaveLength(MAX_MARK_RUNS);
    expect(marks.runs).toEqual(directRuns(value.slice(0, marks.end)));
    expect(marks.end).toBeLessThanOrEqual(MARK_WINDOW);
    expect(marks.layerEnd).toBeGreaterThanOrEqual(marks.end);
  });

  it("stop at the window on a long text with few marks, at the end of a word", () => {
    const value = "word “quoted” and then plain words here ".repeat(1000); // 2 marks per 40 characters
    const marks = marksFor(value, Sms.measure(value).forcedUcs2);
    expect(marks.complete).toBe(false);
    expect(marks.end).toBe(MARK_WINDOW);
    expect(marks.runs.every(([, end]) => end <= MARK_WINDOW + 1)).toBe(true);
    expect(value[marks.layerEnd] === " " || marks.layerEnd === marks.end).toBe(true);
  });
});

describe("textDirection", () => {
  it.each([
    ["Hello", "ltr"],
    ["مرحبا", "rtl"],
    ["שלום", "rtl"],
    ["123 — مرحبا, hello", "rtl"],
    ["  42 “Hi” مرحبا", "ltr"],
    ["\u200fabc", "rtl"],
    // A letter of each other right-to-left script, then Latin.
    ["\u0710 Syriac", "rtl"],
    ["\u0780 Thaana", "rtl"],
    ["\u07ca N'Ko", "rtl"],
    ["\u0800 Samaritan", "rtl"],
    ["\u0840 Mandaic", "rtl"],
    ["\u{1e900} Adlam", "rtl"],
    ["\u{10d00} Hanifi Rohingya", "rtl"],
    ["\u{10c80} Old Hungarian", "rtl"],
    ["\u0391 Greek, \u0410 Cyrillic", "ltr"],
    ["123 456 !?", undefined],
    ["", undefined],
  ])("%j reads %s", (text, direction) => {
    expect(textDirection(text)).toBe(direction);
  });
});
