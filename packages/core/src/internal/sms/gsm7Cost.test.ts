import { describe, expect, it } from "vitest";
import { DEFAULT_ALPHABET, DEFAULT_EXTENSION } from "../../generated/gsm7-default.js";
import { COST, COST_LIMIT, defaultCost } from "./gsm7Cost.js";

/** The assigned code points of a 128-position table (U+FFFF marks an unassigned position). */
const assigned = (table: string): Array<number> =>
  Array.from({ length: 128 }, (_, i) => table.charCodeAt(i)).filter((c) => c !== 0xffff);

describe("gsm7Cost", () => {
  it("covers every code point of both tables: the highest one is U+20AC, the limit one past it", () => {
    const highest = Math.max(...assigned(DEFAULT_ALPHABET), ...assigned(DEFAULT_EXTENSION));
    expect(highest).toBe(0x20ac);
    expect(COST_LIMIT).toBe(highest + 1);
  });

  it("prices each code unit as the tables do: 1 in the alphabet, 2 only in the extension, 0 elsewhere", () => {
    const alphabet = new Set(assigned(DEFAULT_ALPHABET));
    const extension = new Set(assigned(DEFAULT_EXTENSION));
    for (let c = 0; c < 0x10000; c++) {
      const expected = alphabet.has(c) ? 1 : extension.has(c) ? 2 : 0;
      if (defaultCost(c) !== expected) expect({ c, cost: defaultCost(c) }).toEqual({ c, cost: expected });
    }
    expect(COST.reduce((n, k) => n + (k === 1 ? 1 : 0), 0)).toBe(alphabet.size);
    expect(COST.reduce((n, k) => n + (k === 2 ? 1 : 0), 0)).toBe(
      [...extension].filter((c) => !alphabet.has(c)).length,
    );
  });

  it.each([
    ["@", 1],
    ["\n", 1],
    ["\r", 1],
    ["\f", 2],
    ["€", 2],
    ["{", 2],
    ["ü", 1],
    ["Δ", 1],
    ["\u001b", 0],
    ["é", 1],
    ["ê", 0],
  ])("%j costs %i", (char, cost) => {
    expect(defaultCost(char.charCodeAt(0))).toBe(cost);
  });
});
