import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import * as Gsm7 from "./Gsm7.js";

const script = fileURLToPath(new URL("../scripts/generate-gsm7.mjs", import.meta.url));

const lockings = Gsm7.languages.filter((l) => l.lockingShift !== undefined);

describe("generated tables", () => {
  it("are up to date with packages/core/scripts/gsm7-data (generate-gsm7.mjs --check)", () => {
    expect(() => execFileSync(process.execPath, [script, "--check"], { stdio: "pipe" })).not.toThrow();
  });

  it("has the 13 languages of TS 23.038 6.2.1.2.4 with identifiers 1..13", () => {
    expect(Gsm7.languages.map((l) => [l.id, l.name])).toEqual([
      [1, "Turkish"],
      [2, "Spanish"],
      [3, "Portuguese"],
      [4, "Bengali"],
      [5, "Gujarati"],
      [6, "Hindi"],
      [7, "Kannada"],
      [8, "Malayalam"],
      [9, "Oriya"],
      [10, "Punjabi"],
      [11, "Tamil"],
      [12, "Telugu"],
      [13, "Urdu"],
    ]);
    expect(Gsm7.Spanish.lockingShift).toBeUndefined();
    expect(lockings).toHaveLength(12);
  });

  it("every table has 128 single-character entries and nothing at 0x1B", () => {
    const tables = [
      Gsm7.defaultAlphabet,
      Gsm7.defaultExtension,
      ...Gsm7.languages.flatMap((l) => [l.lockingShift, l.singleShift].filter((t) => t !== undefined)),
    ];
    expect(tables).toHaveLength(2 + 12 + 13);
    for (const t of tables) {
      expect(t).toHaveLength(128);
      expect(t[0x1b]).toBe("");
      for (const c of t) expect(c.length).toBeLessThanOrEqual(1);
      expect(Object.isFrozen(t)).toBe(true);
    }
  });

  it("locking tables keep LF, CR and space at 0x0A, 0x0D, 0x20 (TS 23.038 Annex A.3)", () => {
    for (const t of [Gsm7.defaultAlphabet, ...lockings.map((l) => l.lockingShift!)]) {
      expect([t[0x0a], t[0x0d], t[0x20]]).toEqual(["\n", "\r", " "]);
    }
  });

  it("single shift tables hold FF at 0x0A and the default extension characters (TS 23.038 Annex A.2)", () => {
    for (const l of Gsm7.languages) {
      const t = l.singleShift!;
      expect(t[0x0a]).toBe("\f");
      expect(t[0x0d]).toBe("");
      for (const c of "^{}\\[~]|") expect(t).toContain(c);
    }
  });

  it("equal their data files position by position (the packed national tables unpack exactly)", () => {
    const data = (file: string): Array<string> => {
      const t = new Array<string>(128).fill("");
      for (const line of readFileSync(new URL(`../scripts/gsm7-data/${file}`, import.meta.url), "utf8").split(
        "\n",
      )) {
        const [pos, cp] = line.split("\t");
        if (pos === undefined || cp === undefined || !pos.startsWith("0x")) continue;
        t[Number.parseInt(pos, 16)] = String.fromCodePoint(Number.parseInt(cp.slice(2), 16));
      }
      return t;
    };
    expect(Gsm7.defaultAlphabet).toEqual(data("default-alphabet.txt"));
    expect(Gsm7.defaultExtension).toEqual(data("default-extension.txt"));
    for (const l of Gsm7.languages) {
      const key = l.name.toLowerCase();
      if (l.lockingShift !== undefined) expect(l.lockingShift, l.name).toEqual(data(`${key}-locking.txt`));
      expect(l.singleShift, l.name).toEqual(data(`${key}-single.txt`));
    }
  });

  it("has no character twice in a table, except `*` and `¡` as printed in the Indic single shift tables", () => {
    for (const [name, t] of [
      ["default", Gsm7.defaultAlphabet],
      ["extension", Gsm7.defaultExtension],
      ...Gsm7.languages.flatMap((l) => [
        [`${l.name} locking`, l.lockingShift ?? []] as const,
        [`${l.name} single`, l.singleShift!] as const,
      ]),
    ] as const) {
      const chars = t.filter((c) => c !== "");
      const dups = [...new Set(chars.filter((c, i) => chars.indexOf(c) !== i))].sort();
      const indic = /single/.test(name) && !/Turkish|Spanish|Portuguese/.test(name);
      expect(dups, name).toEqual(indic ? ["*", "¡"] : []);
    }
  });
});

describe("known positions (TS 23.038 clause 6.2.1 and Annex A, cross-checked with Android GsmAlphabet)", () => {
  it.each([
    ["default 0x00", Gsm7.defaultAlphabet, 0x00, "@"],
    ["default 0x09", Gsm7.defaultAlphabet, 0x09, "Ç"],
    ["default 0x10", Gsm7.defaultAlphabet, 0x10, "Δ"],
    ["default 0x24", Gsm7.defaultAlphabet, 0x24, "¤"],
    ["default 0x7f", Gsm7.defaultAlphabet, 0x7f, "à"],
    ["extension 0x14", Gsm7.defaultExtension, 0x14, "^"],
    ["extension 0x65", Gsm7.defaultExtension, 0x65, "€"],
    ["Turkish locking 0x07", Gsm7.Turkish.lockingShift!, 0x07, "ı"],
    ["Turkish locking 0x0b", Gsm7.Turkish.lockingShift!, 0x0b, "Ğ"],
    ["Turkish locking 0x40", Gsm7.Turkish.lockingShift!, 0x40, "İ"],
    ["Turkish single 0x47", Gsm7.Turkish.singleShift!, 0x47, "Ğ"],
    ["Spanish single 0x09", Gsm7.Spanish.singleShift!, 0x09, "ç"],
    ["Spanish single 0x41", Gsm7.Spanish.singleShift!, 0x41, "Á"],
    ["Portuguese locking 0x04", Gsm7.Portuguese.lockingShift!, 0x04, "ê"],
    ["Portuguese locking 0x18", Gsm7.Portuguese.lockingShift!, 0x18, "€"],
    ["Portuguese single 0x41", Gsm7.Portuguese.singleShift!, 0x41, "À"],
    ["Bengali locking 0x03", Gsm7.Bengali.lockingShift!, 0x03, "অ"],
    ["Bengali single 0x19", Gsm7.Bengali.singleShift!, 0x19, "০"],
    ["Gujarati locking 0x03", Gsm7.Gujarati.lockingShift!, 0x03, "અ"],
    ["Hindi locking 0x03", Gsm7.Hindi.lockingShift!, 0x03, "अ"],
    ["Hindi locking 0x2c", Gsm7.Hindi.lockingShift!, 0x2c, ","],
    ["Hindi single 0x1c", Gsm7.Hindi.singleShift!, 0x1c, "०"],
    ["Kannada locking 0x24", Gsm7.Kannada.lockingShift!, 0x24, "ಡ"],
    ["Malayalam locking 0x03", Gsm7.Malayalam.lockingShift!, 0x03, "അ"],
    ["Oriya locking 0x03", Gsm7.Oriya.lockingShift!, 0x03, "ଅ"],
    ["Punjabi locking 0x03", Gsm7.Punjabi.lockingShift!, 0x03, "ਅ"],
    ["Tamil locking 0x03", Gsm7.Tamil.lockingShift!, 0x03, "அ"],
    ["Tamil single 0x1c", Gsm7.Tamil.singleShift!, 0x1c, "௦"],
    ["Telugu locking 0x03", Gsm7.Telugu.lockingShift!, 0x03, "అ"],
    ["Telugu single 0x65", Gsm7.Telugu.singleShift!, 0x65, "€"],
    ["Urdu locking 0x00", Gsm7.Urdu.lockingShift!, 0x00, "ا"],
    ["Urdu single 0x1c", Gsm7.Urdu.singleShift!, 0x1c, "۰"],
  ] as const)("%s", (name, table, septet, char) => {
    expect(table[septet], `${name} 0x${septet.toString(16)}`).toBe(char);
  });

  it.each([
    ["Bengali", 0x0980],
    ["Gujarati", 0x0a80],
    ["Hindi", 0x0900],
    ["Kannada", 0x0c80],
    ["Malayalam", 0x0d00],
    ["Oriya", 0x0b00],
    ["Punjabi", 0x0a00],
    ["Tamil", 0x0b80],
    ["Telugu", 0x0c00],
    ["Urdu", 0x0600],
  ] as const)("%s locking table: its script block, ASCII digits/punctuation and a-z only", (name, block) => {
    const t = Gsm7.languages.find((l) => l.name === name)!.lockingShift!;
    for (const c of t) {
      if (c === "") continue;
      const cp = c.codePointAt(0)!;
      const inBlock = cp >= block && cp < block + 0x100;
      expect(inBlock || cp < 0x80, `${name} U+${cp.toString(16)}`).toBe(true);
    }
    expect(t.slice(0x61, 0x7b).join("")).toBe("abcdefghijklmnopqrstuvwxyz");
  });
});

describe("septets / isGsm7", () => {
  it("costs 1 for the default alphabet, 2 for the extension table, 0 otherwise", () => {
    for (const c of Gsm7.defaultAlphabet) if (c !== "") expect(Gsm7.septets(c.codePointAt(0)!)).toBe(1);
    for (const c of Gsm7.defaultExtension) if (c !== "") expect(Gsm7.septets(c.codePointAt(0)!)).toBe(2);
    let encodable = 0;
    for (let cp = 0; cp < 0x10000; cp++) if (Gsm7.isGsm7(cp)) encodable++;
    expect(encodable).toBe(127 + 10);
  });

  it.each([
    [0x1b, 0],
    [0x00, 0],
    [0x40, 1],
    [0x0c, 2],
    [0xe7, 0],
    [0x1f600, 0],
    [-1, 0],
    [1.5, 0],
    [Number.NaN, 0],
    [0x110000, 0],
  ])("septets(%s) = %s", (cp, cost) => {
    expect(Gsm7.septets(cp)).toBe(cost);
    expect(Gsm7.isGsm7(cp)).toBe(cost !== 0);
  });
});
