import { Allowlist, ApiKey } from "@septet/core";
import { PolicyArbitraries } from "@septet/testing";
import { Effect, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const decode = (input: unknown, options?: ApiKey.DecodeOptions) =>
  Effect.runSync(Effect.result(ApiKey.decode(input, options)));
const pointers = (input: unknown, options?: ApiKey.DecodeOptions) => {
  const result = decode(input, options);
  return Result.isFailure(result) ? result.failure.issues.map((i) => i.pointer) : [];
};

describe("ApiKey.decode", () => {
  it("compiles a full config", () => {
    const result = decode({
      name: "shop",
      ipWhitelist: ["203.0.113.0/24", "2001:db8::1"],
      defaultSender: "Shop",
      autoReplace: "full",
      replacementTable: {},
      dlrUrl: "https://Example.com/dlr",
      senders: ["Shop", "+37251000000"],
      unknown: { deep: true },
    });
    expect(Result.isSuccess(result)).toBe(true);
    if (Result.isSuccess(result)) {
      const key = result.success;
      expect(Allowlist.allows(key.ipWhitelist, "203.0.113.9")).toBe(true);
      expect(key).toMatchObject({
        name: "shop",
        defaultSender: "Shop",
        autoReplace: "full",
        dlrUrl: "https://example.com/dlr",
        senders: ["Shop", "+37251000000"],
      });
      expect("unknown" in key).toBe(false);
    }
  });

  it("reads null as unset, and an absent whitelist as the empty deny-all list", () => {
    const result = decode({ name: "k", defaultSender: null, autoReplace: null, dlrUrl: null, senders: null });
    expect(Result.isSuccess(result) && result.success).toMatchObject({
      defaultSender: undefined,
      autoReplace: undefined,
      dlrUrl: undefined,
      senders: undefined,
    });
    expect(Result.isSuccess(result) && Allowlist.allows(result.success.ipWhitelist, "127.0.0.1")).toBe(false);
  });

  it("reports every problem at once, each with the pointer of its field", () => {
    expect(
      pointers({
        name: "",
        ipWhitelist: ["10.0.0.0/8", "010.0.0.1", "1.2.3.4/33"],
        defaultSender: "Twelve Chars",
        autoReplace: "ON",
        replacementTable: { "": "x" },
        dlrUrl: "http://example.com/",
        senders: ["ok", 5, "bad\n"],
      }),
    ).toStrictEqual([
      "/name",
      "/ipWhitelist/1",
      "/ipWhitelist/2",
      "/defaultSender",
      "/autoReplace",
      "/replacementTable",
      "/dlrUrl",
      "/senders/1",
      "/senders/2",
    ]);
  });

  it.each([
    ["a missing name", {}, ["/name"]],
    ["a whitelist that is not an array", { name: "k", ipWhitelist: "10.0.0.0/8" }, ["/ipWhitelist"]],
    ["a private DLR URL", { name: "k", dlrUrl: "https://10.0.0.1/" }, ["/dlrUrl"]],
    ["a DLR URL with user info", { name: "k", dlrUrl: "https://a:b@example.com/" }, ["/dlrUrl"]],
    ["too many senders", { name: "k", senders: Array.from({ length: 1001 }, () => "S") }, ["/senders"]],
    ["a config nested too deep", { name: "k", x: PolicyArbitraries.deeplyNested(9) }, ["/x/0/x/0/x/0/x/0"]],
  ])("refuses %s", (_, input, expected) => {
    expect(pointers(input)).toStrictEqual(expected);
  });

  it("checks the DLR URL with the caller's options", () => {
    const loopback = Effect.runSync(Allowlist.make(["127.0.0.1"]));
    const config = { name: "k", dlrUrl: "http://127.0.0.1:8080/dlr" };
    expect(pointers(config)).toStrictEqual(["/dlrUrl"]);
    expect(pointers(config, { dlr: { allowHttp: true } })).toStrictEqual(["/dlrUrl"]);
    const result = decode(config, { dlr: { allowHttp: true, allowSpecialPurpose: loopback } });
    expect(Result.isSuccess(result) && result.success.dlrUrl).toBe("http://127.0.0.1:8080/dlr");
  });

  it("decodeJson: parses raw text, refuses invalid JSON with a typed error", () => {
    expect(Effect.runSync(ApiKey.decodeJson('{"name":"k"}')).name).toBe("k");
    expect(Effect.runSync(Effect.flip(ApiKey.decodeJson("{"))).issues[0]?.message).toBe("not valid JSON");
  });

  it("ignores __proto__ and constructor keys (never a polluted prototype)", () => {
    const key = Effect.runSync(
      ApiKey.decode(JSON.parse('{"name":"k","__proto__":{"defaultSender":"EVIL"}}')),
    );
    expect(key.defaultSender).toBeUndefined();
    expect(({} as Record<string, unknown>).defaultSender).toBeUndefined();
  });

  it.each([
    [
      "nesting 100 000 deep (no stack overflow)",
      () => {
        const root: Record<string, unknown> = { name: "k" };
        let node = root;
        for (let i = 0; i < 100_000; i++) node = node.extra = {} as Record<string, unknown>;
        return root;
      },
      "/extra/extra/extra/extra/extra/extra/extra/extra", // depth 8, the cap
    ],
    [
      "a cycle",
      () => {
        const root: Record<string, unknown> = { name: "k" };
        root.senders = [root];
        return root;
      },
      "/senders/0/senders/0/senders/0/senders/0",
    ],
    [
      "a 5 000 000-entry whitelist",
      () => ({ name: "k", ipWhitelist: new Array(5_000_000).fill("10.0.0.1") }),
      "/ipWhitelist",
    ],
    [
      "a JSON text nested 100 000 deep",
      () => `{"name":"k","extra":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
      "/extra/0/0/0/0/0/0/0",
    ],
  ])("refuses %s with a typed error naming where", (_, make, pointer) => {
    const input = make();
    const result =
      typeof input === "string"
        ? Effect.runSync(Effect.result(ApiKey.decodeJson(input)))
        : Effect.runSync(Effect.result(ApiKey.decode(input)));
    expect(Result.isFailure(result) && result.failure.issues.map((i) => i.pointer)).toStrictEqual([pointer]);
  });

  it("never throws, fails only with InvalidApiKey, whatever the config", () => {
    fc.assert(
      fc.property(PolicyArbitraries.hostileConfig(), (input) => {
        const result = decode(input);
        if (Result.isFailure(result)) expect(result.failure._tag).toBe("InvalidApiKey");
        expect(Object.keys(Object.prototype)).toStrictEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it("decodes every generated valid config", () => {
    fc.assert(
      fc.property(PolicyArbitraries.keyConfig(), (config) => {
        expect(Result.isSuccess(decode(config))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
