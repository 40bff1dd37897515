import { Allowlist, Ip } from "@septet/core";
import { Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as IpArbitraries from "./IpArbitraries.js";

describe("IpArbitraries", () => {
  it("fails fast on bad configuration", () => {
    expect(() => IpArbitraries.cidr({ families: [] })).toThrow(RangeError);
    expect(() => IpArbitraries.cidr({ families: [5 as 4] })).toThrow(/families/);
    expect(() => IpArbitraries.ruleSet({ minLength: -1 })).toThrow(/minLength/);
    expect(() => IpArbitraries.ruleSet({ minLength: 3, maxLength: 2 })).toThrow(/maxLength/);
  });

  it("addressText spells valid addresses of the stated value", () => {
    fc.assert(
      fc.property(IpArbitraries.addressText(), ({ value, text }) => {
        const a = Ip.parseAddressUnsafe(text);
        expect(a.family).toBe(value.family);
      }),
      { numRuns: 300 },
    );
  });

  it("cidr and ruleSet only produce entries septet accepts", () => {
    fc.assert(
      fc.property(IpArbitraries.ruleSet({ maxLength: 20 }), (rules) => {
        expect(Result.isSuccess(Allowlist.makeResult(rules.map((r) => r.text)))).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(IpArbitraries.cidr({ hostBits: false }), (c) => {
        expect(Ip.parseCidrUnsafe(c.text).hostBitsMasked).toBe(false);
      }),
      { numRuns: 300 },
    );
  });

  it("rangeOf gives the first and last address of a prefix", () => {
    expect(IpArbitraries.rangeOf(4, 0x0a010203n, 8)).toEqual([0x0a000000n, 0x0affffffn]);
    expect(IpArbitraries.rangeOf(6, 1n, 0)).toEqual([0n, (1n << 128n) - 1n]);
    expect(IpArbitraries.rangeOf(4, 5n, 32)).toEqual([5n, 5n]);
  });
});
