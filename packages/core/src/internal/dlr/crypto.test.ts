/**
 * The signature comparison: equal exactly when the bytes are, and it reads every byte whatever
 * the inputs (no early exit at the first difference, the timing oracle of a naive compare).
 * Timing itself is not asserted (no timed tests): the law is on what is read.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { constantTimeEqual, fromHex, toHex } from "./crypto.js";

/** A byte array that counts the indexed reads made through it. */
const counting = (bytes: Uint8Array) => {
  const reads = new Set<number>();
  const proxy = new Proxy(bytes, {
    get: (target, key) => {
      if (typeof key === "string" && /^\d+$/.test(key)) reads.add(Number(key));
      const value: unknown = Reflect.get(target, key, target);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
  return { proxy, reads };
};

describe("constantTimeEqual", () => {
  it("is byte equality, and reads every byte of both inputs wherever they differ (property)", () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (bytes, at, flip) => {
          const other = bytes.slice();
          const i = at % bytes.length;
          other[i] = other[i]! ^ flip;
          const a = counting(bytes);
          const b = counting(other);
          expect(constantTimeEqual(a.proxy, b.proxy)).toBe(false);
          expect(a.reads.size).toBe(bytes.length);
          expect(b.reads.size).toBe(bytes.length);
          expect(constantTimeEqual(bytes, bytes.slice())).toBe(true);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("is false for different lengths", () => {
    expect(constantTimeEqual(new Uint8Array(32), new Uint8Array(31))).toBe(false);
  });
});

describe("fromHex / toHex", () => {
  it("round-trips, reads either case, and refuses any other length or digit (property)", () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), (bytes) => {
        const hex = toHex(bytes);
        expect(fromHex(hex, 32)).toStrictEqual(bytes);
        expect(fromHex(hex.toUpperCase(), 32)).toStrictEqual(bytes);
        expect(fromHex(hex.slice(1), 32)).toBeUndefined();
        expect(fromHex(`${hex} `, 32)).toBeUndefined();
        expect(fromHex(`${hex.slice(0, 63)}g`, 32)).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
