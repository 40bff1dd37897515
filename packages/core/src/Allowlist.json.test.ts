import { Allowlist } from "@septet/core";
import { IpArbitraries } from "@septet/testing";
import { Effect, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const make = (entries: ReadonlyArray<string>) => Effect.runSync(Allowlist.make(entries));
const spell = (v: IpArbitraries.IpValue) =>
  IpArbitraries.spell(v, { upper: false, pad: false, dotted: false, run: 0 });

describe("Allowlist: JSON round trip", () => {
  it("JSON.stringify then fromJSON answers exactly as the original (property)", () => {
    fc.assert(
      fc.property(
        IpArbitraries.ruleSet({ maxLength: 20 }).chain((rules) =>
          fc.tuple(
            fc.constant(rules),
            fc.array(fc.oneof(IpArbitraries.probe(rules), IpArbitraries.address()), { maxLength: 20 }),
          ),
        ),
        fc.boolean(),
        ([rules, probes], parsed) => {
          const list = make(rules.map((r) => r.text));
          const text = JSON.stringify(list);
          const back = Allowlist.fromJSONResult(parsed ? JSON.parse(text) : text);
          expect(Result.isSuccess(back)).toBe(true);
          if (Result.isFailure(back)) return;
          expect(Allowlist.entries(back.success)).toStrictEqual(Allowlist.entries(list));
          expect(Allowlist.ranges(back.success)).toStrictEqual(Allowlist.ranges(list));
          for (const probe of probes) {
            const address = spell(probe);
            expect(Allowlist.allows(back.success, address)).toBe(Allowlist.allows(list, address));
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("survives a JSON config store nested in other data", () => {
    const stored = JSON.parse(JSON.stringify({ key: "shop", whitelist: make(["192.0.2.0/24"]) }));
    const list = Effect.runSync(Allowlist.fromJSON(stored.whitelist));
    expect(Allowlist.allows(list, "192.0.2.77")).toBe(true);
    expect(Allowlist.allows(list, "192.0.3.1")).toBe(false);
  });

  const throwing = new Proxy(
    {},
    {
      get: () => {
        throw new Error("boom");
      },
      ownKeys: () => {
        throw new Error("boom");
      },
    },
  );
  const getter = Object.defineProperty({ _id: "Allowlist" }, "entries", {
    enumerable: true,
    get: () => {
      throw new Error("boom");
    },
  });

  it.each([
    ["invalid JSON", '{"_id":"Allowlist","entries":["10.0.0.0/8"]', "not valid JSON"],
    ["null", null, "not an"],
    ["an array", ["10.0.0.0/8"], "not an"],
    ["a number", 42, "not an"],
    ["no _id", { entries: [] }, "_id must be"],
    ["another _id", { _id: "Blocklist", entries: [] }, "_id must be"],
    [
      "an extra key (typed tables smuggled in)",
      { _id: "Allowlist", entries: [], v4Starts: { 0: 0 } },
      "unexpected key",
    ],
    ["entries not an array", { _id: "Allowlist", entries: "10.0.0.0/8" }, "entries must be"],
    [
      "a non-string entry",
      { _id: "Allowlist", entries: ["10.0.0.0/8", 167772160] },
      "entries[1] is not a string",
    ],
    [
      "a bad entry among good ones",
      { _id: "Allowlist", entries: ["10.0.0.0/8", "10.0.0.0/33"] },
      "invalid entry: #1",
    ],
    ["the serialize() form", { ...Allowlist.serialize(make(["10.0.0.0/8"])) }, "_id must be"],
    ["a throwing proxy", throwing, "could not be read"],
    ["a throwing getter", getter, "could not be read"],
    [
      "_id and entries inherited from a prototype, not its own",
      Object.create({ _id: "Allowlist", entries: ["0.0.0.0/0"] }),
      "_id must be",
    ],
    [
      "entries inherited from a prototype",
      Object.assign(Object.create({ entries: ["0.0.0.0/0"] }), { _id: "Allowlist" }),
      "entries must be",
    ],
  ])("refuses %s, whole, with a typed error", (_name, payload, reason) => {
    const result = Allowlist.fromJSONResult(payload);
    expect(Result.isFailure(result)).toBe(true);
    if (Result.isFailure(result)) {
      expect(result.failure._tag).toBe("InvalidSerializedAllowlist");
      expect(result.failure.reason).toContain(reason);
    }
  });

  it("a polluted Object.prototype cannot turn {} into an allow-all list", () => {
    const proto = Object.prototype as Record<string, unknown>;
    proto._id = "Allowlist";
    proto.entries = ["0.0.0.0/0", "::/0"];
    try {
      expect(Result.isFailure(Allowlist.fromJSONResult({}))).toBe(true);
      expect(Result.isFailure(Allowlist.fromJSONResult("{}"))).toBe(true);
    } finally {
      delete proto._id;
      delete proto.entries;
    }
  });

  it("reads a duplicate key as JSON.parse does: the last one wins", () => {
    const text = '{"_id":"Allowlist","entries":["0.0.0.0/0"],"entries":["10.0.0.0/8"]}';
    const result = Allowlist.fromJSONResult(text);
    expect(Result.map(result, Allowlist.entries)).toStrictEqual(Result.succeed(["10.0.0.0/8"]));
  });

  it("refuses any single-character corruption of the text unless it is still a valid payload (property)", () => {
    const list = make(["10.0.0.0/8", "192.0.2.1", "2001:db8::/32"]);
    const text = JSON.stringify(list);
    fc.assert(
      fc.property(fc.nat({ max: text.length - 1 }), fc.string({ minLength: 1, maxLength: 1 }), (at, c) => {
        const tampered = text.slice(0, at) + c + text.slice(at + 1);
        const result = Allowlist.fromJSONResult(tampered);
        if (Result.isFailure(result)) return;
        // Accepted only when the tampered text is itself a well-formed list, and then it is that list.
        const parsed = JSON.parse(tampered) as Allowlist.Json;
        expect(Allowlist.entries(result.success)).toStrictEqual(parsed.entries);
      }),
      { numRuns: 2_000 },
    );
  });
});

describe("Allowlist.restore: hostile data never throws", () => {
  it.each([
    [
      "a throwing proxy",
      new Proxy(
        {},
        {
          get: () => {
            throw new Error("boom");
          },
        },
      ),
    ],
    [
      "a throwing getter",
      Object.defineProperty({ format: "septet.allowlist", version: 1 }, "entries", {
        get: () => {
          throw new Error("boom");
        },
      }),
    ],
  ])("%s", (_name, data) => {
    const result = Allowlist.restoreResult(data);
    expect(Result.isFailure(result) && result.failure._tag).toBe("InvalidSerializedAllowlist");
  });
});
