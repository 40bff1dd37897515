import { Allowlist, Ip } from "@septet/core";
import { Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryCase, arbitraryLaws, failsFast } from "../test/arbitraryLaws.js";
import * as IpArbitraries from "./IpArbitraries.js";

const MAX4 = (1n << 32n) - 1n;
const MAX6 = (1n << 128n) - 1n;
const inFamily = (v: IpArbitraries.IpValue) => {
  expect([4, 6]).toContain(v.family);
  expect(v.value >= 0n && v.value <= (v.family === 4 ? MAX4 : MAX6)).toBe(true);
};
/** The range septet parses from `text` is the one the value states (host bits masked). */
const parsesAsStated = (c: IpArbitraries.CidrValue) => {
  const parsed = Ip.parseCidrUnsafe(c.text.includes("/") ? c.text : `${c.text}/${c.family === 4 ? 32 : 128}`);
  expect(parsed.prefix).toBe(c.prefix);
  expect(parsed.family).toBe(c.family);
  const [first] = IpArbitraries.rangeOf(c.family, c.value, c.prefix);
  expect(Ip.toBytes(parsed.address)).toStrictEqual(
    Ip.toBytes(Ip.parseAddressUnsafe(IpArbitraries.spell({ family: c.family, value: first }, plain))),
  );
};
const plain: IpArbitraries.Spelling = { upper: false, pad: false, dotted: false, run: 0 };
const rules = [
  { family: 4 as const, value: 0x0a000000n, prefix: 8, text: "10.0.0.0/8" },
  { family: 6 as const, value: 1n, prefix: 128, text: "::1/128" },
];

arbitraryLaws([
  arbitraryCase({
    name: "ipv4()",
    build: IpArbitraries.ipv4,
    valid: (v) => {
      inFamily(v);
      expect(v.family).toBe(4);
    },
  }),
  arbitraryCase({
    name: "ipv6()",
    build: IpArbitraries.ipv6,
    valid: (v) => {
      inFamily(v);
      expect(v.family).toBe(6);
    },
  }),
  arbitraryCase({
    name: "mapped()",
    build: IpArbitraries.mapped,
    valid: (v) => {
      inFamily(v);
      expect(Ip.isIPv4Mapped(Ip.parseAddressUnsafe(IpArbitraries.spell(v, plain)))).toBe(true);
    },
  }),
  arbitraryCase({ name: "boundary()", build: IpArbitraries.boundary, valid: inFamily }),
  arbitraryCase({ name: "address()", build: IpArbitraries.address, valid: inFamily }),
  arbitraryCase({
    name: "addressText(IpArbitraries.ipv6())",
    build: () => IpArbitraries.addressText(IpArbitraries.ipv6()),
    valid: ({ value, text }) => {
      const parsed = Ip.parseAddressUnsafe(text);
      expect(parsed.family).toBe(6);
      expect(Ip.format(parsed)).toBe(Ip.format(Ip.parseAddressUnsafe(IpArbitraries.spell(value, plain))));
    },
  }),
  arbitraryCase({ name: "cidr()", build: () => IpArbitraries.cidr(), valid: parsesAsStated }),
  arbitraryCase({
    name: "cidr({ families: [4], hostBits: false })",
    build: () => IpArbitraries.cidr({ families: [4], hostBits: false }),
    valid: (c) => {
      parsesAsStated(c);
      expect(c.family).toBe(4);
      expect(Ip.parseCidrUnsafe(c.text).hostBitsMasked).toBe(false);
    },
  }),
  arbitraryCase({
    name: "cidr({ families: [6], mappedRules: false })",
    build: () => IpArbitraries.cidr({ families: [6], mappedRules: false }),
    valid: (c) => {
      parsesAsStated(c);
      expect(c.family).toBe(6);
    },
  }),
  arbitraryCase({
    name: "ruleSet({ minLength: 2, maxLength: 5 })",
    build: () => IpArbitraries.ruleSet({ minLength: 2, maxLength: 5 }),
    valid: (list) => {
      expect(list.length).toBeGreaterThanOrEqual(2);
      expect(list.length).toBeLessThanOrEqual(5);
      for (const c of list) parsesAsStated(c);
      expect(Result.isSuccess(Allowlist.makeResult(list.map((c) => c.text)))).toBe(true);
    },
  }),
  arbitraryCase({
    name: "probe([10.0.0.0/8, ::1/128])",
    build: () => IpArbitraries.probe(rules),
    valid: inFamily,
  }),
]);

failsFast([
  ["cidr({ families: [] })", () => IpArbitraries.cidr({ families: [] }), /cidr: families/],
  ["cidr({ families: [5] })", () => IpArbitraries.cidr({ families: [5 as 4] }), /cidr: families/],
  ["ruleSet({ minLength: -1 })", () => IpArbitraries.ruleSet({ minLength: -1 }), /ruleSet: minLength/],
  [
    "ruleSet({ minLength: 3, maxLength: 2 })",
    () => IpArbitraries.ruleSet({ minLength: 3, maxLength: 2 }),
    /ruleSet: maxLength/,
  ],
  ["ruleSet({ families: [] })", () => IpArbitraries.ruleSet({ families: [] }), /cidr: families/],
]);

describe("IpArbitraries", () => {
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
