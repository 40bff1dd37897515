import { Replacement } from "@septet/core";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryCase, arbitraryLaws, failsFast } from "../test/arbitraryLaws.js";
import * as RA from "./ReplacementArbitraries.js";

/** Lengths of the text builders count pieces; a piece is at most 8 code points (a ZWJ family). */
const withinPieces = (min: number, max: number) => (t: string) => {
  const codePoints = Array.from(t).length;
  expect(codePoints).toBeGreaterThanOrEqual(min);
  expect(codePoints).toBeLessThanOrEqual(max * 8);
};

arbitraryLaws([
  arbitraryCase({
    name: "latinText({ minLength: 1, maxLength: 20 })",
    build: () => RA.latinText({ minLength: 1, maxLength: 20 }),
    valid: withinPieces(1, 20),
  }),
  arbitraryCase({
    name: "greekText({ maxLength: 20 })",
    build: () => RA.greekText({ maxLength: 20 }),
    valid: withinPieces(0, 20),
  }),
  arbitraryCase({
    name: "cyrillicText({ maxLength: 20 })",
    build: () => RA.cyrillicText({ maxLength: 20 }),
    valid: withinPieces(0, 20),
  }),
  arbitraryCase({
    name: "mixedText({ minLength: 3, maxLength: 30 })",
    build: () => RA.mixedText({ minLength: 3, maxLength: 30 }),
    valid: withinPieces(3, 30),
  }),
  arbitraryCase({
    name: "table({ maxEntries: 5, maxKeyLength: 2 })",
    build: () => RA.table({ maxEntries: 5, maxKeyLength: 2 }),
    valid: (t) => {
      expect(Replacement.isTable(t)).toBe(true);
      expect(t.entries.length).toBeLessThanOrEqual(5);
      for (const [from] of t.entries) expect(from.length).toBeGreaterThan(0);
    },
  }),
  arbitraryCase({
    name: 'table({ alphabet: ["x", "y"] })',
    build: () => RA.table({ alphabet: ["x", "y"] }),
    valid: (t) => {
      for (const [from] of t.entries) expect(from).toMatch(/^[xy]+$/);
    },
  }),
  arbitraryCase({
    name: "invalidTableInput()",
    build: RA.invalidTableInput,
    valid: ({ input, path }) => {
      const result = Replacement.makeTable(input as Parameters<typeof Replacement.makeTable>[0]);
      expect(result._tag).toBe("InvalidTable");
      if (result._tag === "InvalidTable") expect(result.issues.map((i) => i.path)).toContainEqual(path);
    },
  }),
]);

failsFast([
  ["latinText({ minLength: -1 })", () => RA.latinText({ minLength: -1 }), /latinText: minLength/],
  [
    "mixedText({ minLength: 5, maxLength: 2 })",
    () => RA.mixedText({ minLength: 5, maxLength: 2 }),
    /maxLength/,
  ],
  ["table({ maxEntries: 5000 })", () => RA.table({ maxEntries: 5000 }), /table: maxEntries/],
  ["table({ maxKeyLength: 0 })", () => RA.table({ maxKeyLength: 0 }), /table: maxKeyLength/],
  ["table({ alphabet: [] })", () => RA.table({ alphabet: [] }), /table: alphabet/],
  ['table({ alphabet: [""] })', () => RA.table({ alphabet: [""] }), /table: alphabet/],
]);

describe("ReplacementArbitraries", () => {
  it("respect lengths in code points", () => {
    fc.assert(
      fc.property(RA.greekText({ minLength: 2, maxLength: 5 }), (t) => {
        const n = [...t].length;
        return n >= 2 && n <= 5 * 2; // a piece may be two code points (accented letters are one)
      }),
      { numRuns: 200 },
    );
  });

  it("tables are valid and often have prefix keys", () => {
    const samples = fc.sample(RA.table({ maxEntries: 12 }), 300);
    expect(samples.every(Replacement.isTable)).toBe(true);
    const prefixed = samples.filter((t) =>
      t.entries.some(([a]) => t.entries.some(([b]) => a !== b && b.startsWith(a))),
    );
    expect(prefixed.length).toBeGreaterThan(30);
  });
});
