import { Replacement } from "@septet/core";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as RA from "./ReplacementArbitraries.js";

describe("ReplacementArbitraries", () => {
  it("fail fast on bad constraints", () => {
    expect(() => RA.latinText({ minLength: -1 })).toThrow(RangeError);
    expect(() => RA.mixedText({ minLength: 5, maxLength: 2 })).toThrow(/maxLength/);
    expect(() => RA.table({ maxEntries: 5000 })).toThrow(/maxEntries/);
    expect(() => RA.table({ maxKeyLength: 0 })).toThrow(/maxKeyLength/);
    expect(() => RA.table({ alphabet: [] })).toThrow(/alphabet/);
  });

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
