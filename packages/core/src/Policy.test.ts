import { Allowlist, ApiKey, Policy, Sms, SmsRequest } from "@septet/core";
import { PolicyArbitraries } from "@septet/testing";
import * as PolicyVectors from "@septet/testing/vectors";
import { Effect, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const key = (config: Record<string, unknown>) => Effect.runSync(ApiKey.decode({ name: "k", ...config }));
const req = (input: unknown) => Effect.runSync(SmsRequest.decode(input));
const resolve = (k: ApiKey.ApiKey, r: SmsRequest.SmsRequest, options?: Policy.ResolveOptions) =>
  Effect.runSync(Effect.result(Policy.resolve(k, r, options)));

const KEY_FIELD = { sender: "defaultSender", autoReplace: "autoReplace", dlrUrl: "dlrUrl" } as const;

describe("Policy.precedence (cell by cell)", () => {
  it.each(PolicyVectors.precedenceCells)(
    "$setting: request $request × key $key",
    ({ setting, requestValue, keyValue, expected }) => {
      const config: Record<string, unknown> = {};
      if (keyValue !== undefined) config[KEY_FIELD[setting]] = keyValue;
      const sms: Record<string, unknown> = { channel: "sms", text: "Hello" };
      if (setting !== "sender") sms.sender = "Base";
      const json: Record<string, unknown> = { to: "+37251000000", messages: [sms] };
      if (requestValue !== undefined) {
        if (setting === "sender") sms.sender = requestValue;
        else if (setting === "autoReplace") sms.autoconvert = requestValue;
        else json.dlr_url = requestValue;
      }
      const result = resolve(key(config), req(json));
      if ("code" in expected) {
        expect(Result.isFailure(result)).toBe(true);
        if (Result.isFailure(result)) {
          const error = Policy.toOmnichannelError(result.failure);
          expect({ code: error.code, source: error.source }).toStrictEqual(expected);
        }
      } else {
        expect(Result.isSuccess(result)).toBe(true);
        if (Result.isSuccess(result)) {
          const resolved = result.success[setting];
          expect({ value: resolved.value, provenance: resolved.provenance }).toStrictEqual(expected);
        }
      }
    },
  );

  it("has 30 cells: 3 settings × 5 request states × 2 key states", () => {
    expect(PolicyVectors.precedenceCells).toHaveLength(30);
    expect(Policy.precedence.map((r) => r.setting)).toStrictEqual(["sender", "autoReplace", "dlrUrl"]);
  });
});

// An independent oracle of the documented precedence and the documented decisions.
type Expect =
  | { readonly value: unknown; readonly provenance: Policy.Provenance }
  | { readonly code: string; readonly source: string };
const oracle = <A>(
  field: PolicyArbitraries.FieldState<A>,
  keyValue: A | undefined,
  none: Expect,
  source: string,
  normal: (a: A) => unknown = (a) => a,
): Expect => {
  switch (field.state) {
    case "valid":
      return { value: normal(field.value), provenance: "request" };
    case "empty":
    case "invalid":
      return { code: "105", source };
    default:
      return keyValue !== undefined ? { value: normal(keyValue), provenance: "apiKey" } : none;
  }
};

describe("Policy.resolve (properties)", () => {
  const arbitrary = fc.tuple(PolicyArbitraries.keyConfig(), PolicyArbitraries.requestWithStates());

  it("uses the request value exactly when it is present and valid; provenance names the source used", () => {
    fc.assert(
      fc.property(arbitrary, ([config, { json, sender, autoconvert, dlrUrl }]) => {
        const k = key(config);
        const href = (u: string) => new URL(u).href;
        const expectations: Array<readonly ["sender" | "autoReplace" | "dlrUrl", Expect]> = [
          [
            "sender",
            oracle(
              sender,
              k.defaultSender,
              { code: "106", source: "payload[messages][0][sender]" },
              "payload[messages][0][sender]",
            ),
          ],
          [
            "autoReplace",
            oracle(
              autoconvert,
              k.autoReplace,
              { value: "on", provenance: "default" },
              "payload[messages][0][autoconvert]",
            ),
          ],
          [
            "dlrUrl",
            oracle(dlrUrl, k.dlrUrl, { value: null, provenance: "default" }, "payload[dlr_url]", href),
          ],
        ];
        const result = resolve(k, req(json));
        const firstError = expectations.find(([, e]) => "code" in e);
        if (firstError !== undefined) {
          expect(Result.isFailure(result)).toBe(true);
          if (Result.isFailure(result)) {
            const error = Policy.toOmnichannelError(result.failure);
            expect({ code: error.code, source: error.source }).toStrictEqual(firstError[1]);
          }
          return;
        }
        expect(Result.isSuccess(result)).toBe(true);
        if (Result.isSuccess(result)) {
          for (const [setting, e] of expectations) {
            const resolved = result.success[setting];
            expect({ value: resolved.value, provenance: resolved.provenance }).toStrictEqual(e);
            // The field named is the one the value came from.
            if (resolved.provenance === "apiKey")
              expect(resolved.field).toBe(`apiKey[${KEY_FIELD[setting]}]`);
            if (resolved.provenance === "default") expect(resolved.field).toBeNull();
            if (resolved.provenance === "request") expect(resolved.field?.startsWith("payload[")).toBe(true);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });

  it("is deterministic: same key and request (or a copy), same resolution", () => {
    fc.assert(
      fc.property(arbitrary, ([config, { json }]) => {
        const k = key(config);
        const first = resolve(k, req(json));
        expect(resolve(k, req(structuredClone(json)))).toStrictEqual(first);
        expect(resolve(key(structuredClone(config)), req(json))).toStrictEqual(first);
      }),
      { numRuns: 300 },
    );
  });

  it("never fails with anything but InvalidField or MissingField on any decodable request", () => {
    fc.assert(
      fc.property(PolicyArbitraries.keyConfig(), PolicyArbitraries.hostileRequest(), (config, input) => {
        const decoded = Effect.runSync(Effect.result(SmsRequest.decode(input)));
        if (Result.isFailure(decoded)) return;
        const result = resolve(key(config), decoded.success);
        if (Result.isFailure(result)) expect(["InvalidField", "MissingField"]).toContain(result.failure._tag);
      }),
      { numRuns: 500 },
    );
  });
});

describe("Policy.resolve (sender rules)", () => {
  const base = { to: "+37251000000" };
  const run = (config: Record<string, unknown>, message: Record<string, unknown>) =>
    resolve(key(config), req({ ...base, messages: [{ channel: "sms", text: "Hi", ...message }] }));
  const errorOf = (result: ReturnType<typeof run>) =>
    Result.isFailure(result) ? Policy.toOmnichannelError(result.failure) : undefined;

  it.each(PolicyVectors.senders)("sender $sender: valid $valid ($why)", ({ sender, valid }) => {
    const result = run({}, { sender });
    expect(Result.isSuccess(result)).toBe(valid);
  });

  it("reads the legacy from when sender is not given", () => {
    const result = run({ defaultSender: "Key" }, { from: "Legacy", sender: null });
    expect(Result.isSuccess(result) && result.success.sender).toStrictEqual({
      value: "Legacy",
      provenance: "request",
      field: "payload[messages][0][from]",
    });
  });

  it("accepts sender and from when equal, refuses them when they differ", () => {
    expect(Result.isSuccess(run({}, { sender: "Same", from: "Same" }))).toBe(true);
    expect(errorOf(run({}, { sender: "One", from: "Two" }))).toMatchObject({
      code: "105",
      source: "payload[messages][0][from]",
    });
  });

  it("checks membership in the key's senders, naming the field that supplied the sender", () => {
    const config = { senders: ["Shop", "+37251000000"], defaultSender: "Shop" };
    expect(Result.isSuccess(run(config, {}))).toBe(true);
    expect(Result.isSuccess(run(config, { sender: "+37251000000" }))).toBe(true);
    expect(errorOf(run(config, { sender: "Other" }))).toMatchObject({
      code: "105",
      source: "payload[messages][0][sender]",
    });
    expect(errorOf(run(config, { sender: "shop" }))).toMatchObject({ code: "105" });
    expect(errorOf(run({ senders: [], defaultSender: "Shop" }, {}))).toMatchObject({ code: "105" });
    expect(Result.isSuccess(run({ senders: null, defaultSender: "Shop" }, {}))).toBe(true);
    expect(errorOf(run({ senders: ["Shop"], defaultSender: "Other" }, {}))).toMatchObject({
      code: "105",
      source: "apiKey[defaultSender]",
    });
  });

  it("checks the key's own value when the key was built by hand", () => {
    const handMade: ApiKey.ApiKey = { ...key({}), defaultSender: "Not a valid sender" };
    expect(errorOf(run({}, {}))).toMatchObject({ code: "106" });
    const result = resolve(handMade, req({ ...base, messages: [{ channel: "sms", text: "Hi" }] }));
    expect(errorOf(result)).toMatchObject({ code: "105", source: "apiKey[defaultSender]" });
  });
});

describe("Policy.resolve (text)", () => {
  it("returns the original text, outgoing text, replacements and measurement", () => {
    const result = resolve(
      key({ defaultSender: "Shop", autoReplace: "off" }),
      req({ to: "+37251000000", messages: [{ channel: "sms", text: "Hello" }] }),
    );
    expect(Result.isSuccess(result)).toBe(true);
    if (Result.isSuccess(result)) {
      expect(result.success.originalText).toBe("Hello");
      expect(result.success.text).toBe("Hello");
      expect(result.success.replacements).toStrictEqual([]);
      expect(result.success.measurement.encoding).toBe("GSM-7");
      expect(result.success.measurement.segments).toBe(1);
      expect(result.success.messageIndex).toBe(0);
      expect(result.success.to).toBe("+37251000000");
    }
  });

  const text = (
    config: Record<string, unknown>,
    message: Record<string, unknown>,
    options?: Policy.ResolveOptions,
  ) =>
    resolve(
      key({ defaultSender: "Shop", ...config }),
      req({ to: "+37251000000", messages: [{ channel: "sms", ...message }] }),
      options,
    );

  it("ON applies the key's table; the replacements are reported", () => {
    const result = text({ replacementTable: { "„": '"', "“": '"' } }, { text: "„Hi“ – ok" });
    expect(Result.isSuccess(result)).toBe(true);
    if (Result.isSuccess(result)) {
      expect(result.success.autoReplace).toStrictEqual({ value: "on", provenance: "default", field: null });
      expect(result.success.text).toBe('"Hi" – ok');
      expect(result.success.replacements.map((r) => [r.original, r.replacement])).toStrictEqual([
        ["„", '"'],
        ["“", '"'],
      ]);
      // The en dash is not in the key's table: ON leaves it, the message stays UCS-2.
      expect(result.success.measurement.encoding).toBe("UCS-2");
    }
  });

  it("FULL (from the request) makes the text GSM-7 and measures the outgoing text", () => {
    const result = text({ autoReplace: "off" }, { text: "„Hi“ – ok", autoconvert: "full" });
    expect(Result.isSuccess(result)).toBe(true);
    if (Result.isSuccess(result)) {
      expect(result.success.originalText).toBe("„Hi“ – ok");
      expect(result.success.measurement.encoding).toBe("GSM-7");
      expect(result.success.measurement).toStrictEqual(Sms.measure(result.success.text));
    }
  });

  it("the leftover policy: reject is error 105 on the text, all-or-nothing reverts", () => {
    const rejected = text({}, { text: "Hi 😀", autoconvert: "full" }, { leftovers: "reject" });
    expect(Result.isFailure(rejected) && Policy.toOmnichannelError(rejected.failure)).toMatchObject({
      code: "105",
      source: "payload[messages][0][text]",
    });
    const reverted = text({}, { text: "Hi – 😀", autoconvert: "full" }, { leftovers: "all-or-nothing" });
    expect(Result.isSuccess(reverted) && [reverted.success.text, reverted.success.reverted]).toStrictEqual([
      "Hi – 😀",
      true,
    ]);
  });

  it("OFF leaves the text unchanged, byte for byte", () => {
    fc.assert(
      fc.property(fc.string({ unit: "grapheme", maxLength: 300 }), (text) => {
        const result = resolve(
          key({ defaultSender: "Shop", autoReplace: "off" }),
          req({ to: "+37251000000", messages: [{ channel: "sms", text }] }),
        );
        expect(Result.isSuccess(result) && result.success.text).toBe(text);
      }),
      { numRuns: 300 },
    );
  });
});

describe("Policy.resolve (DLR URL options)", () => {
  it("applies the caller's URL options to the request and the key", () => {
    const loopback = Effect.runSync(Allowlist.make(["127.0.0.1"]));
    const r = req({
      to: "+37251000000",
      dlr_url: "http://127.0.0.1:9/dlr",
      messages: [{ channel: "sms", text: "Hi" }],
    });
    const k = key({ defaultSender: "Shop" });
    expect(Result.isFailure(resolve(k, r))).toBe(true);
    const result = resolve(k, r, { dlr: { allowHttp: true, allowSpecialPurpose: loopback } });
    expect(Result.isSuccess(result) && result.success.dlrUrl).toStrictEqual({
      value: "http://127.0.0.1:9/dlr",
      provenance: "request",
      field: "payload[dlr_url]",
    });
  });
});

describe("Policy.authorize", () => {
  const k = key({ ipWhitelist: ["203.0.113.0/24", "2001:db8::/32", "127.0.0.1"] });
  const authorize = (kk: ApiKey.ApiKey, address: string) =>
    Effect.runSync(Effect.result(Policy.authorize(kk, address)));

  it.each([
    ["203.0.113.77", true],
    ["::ffff:203.0.113.77", true],
    ["127.0.0.1", true],
    ["::ffff:127.0.0.1", true],
    ["2001:db8::5", true],
    ["198.51.100.1", false],
    ["::1", false],
    ["fe80::1%eth0", false],
    ["[2001:db8::5]", false],
    ["localhost", false],
    ["", false],
    [" 127.0.0.1", false],
    ["0x7f.0.0.1", false],
  ])("%s → %s", (address, allowed) => {
    const result = authorize(k, address);
    expect(Result.isSuccess(result)).toBe(allowed);
    if (Result.isFailure(result)) {
      expect(Policy.toOmnichannelError(result.failure)).toMatchObject({
        code: "102",
        title: "Forbidden",
        source: "address",
      });
    }
  });

  it("denies everyone with an empty or absent whitelist", () => {
    expect(Result.isFailure(authorize(key({}), "127.0.0.1"))).toBe(true);
    expect(Result.isFailure(authorize(key({ ipWhitelist: [] }), "203.0.113.1"))).toBe(true);
  });

  it("agrees with Allowlist.allows for any address text", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6(), fc.string({ maxLength: 50 })), (address) => {
        expect(Result.isSuccess(authorize(k, address))).toBe(Allowlist.allows(k.ipWhitelist, address));
      }),
      { numRuns: 1000 },
    );
  });
});

describe("Policy.toOmnichannelError", () => {
  it.each([
    [
      new Policy.Forbidden({ address: "10.0.0.1", reason: "r" }),
      { title: "Forbidden", code: "102", source: "address" },
    ],
    [
      new Policy.InvalidField({ source: "payload[dlr_url]", pointer: "/dlr_url", reason: "empty" }),
      { title: "Invalid data", code: "105", source: "payload[dlr_url]", detail: "empty" },
    ],
    [
      new Policy.MissingField({
        source: "payload[messages][0][sender]",
        pointer: "/messages/0/sender",
        reason: "none",
      }),
      { title: "Missing data", code: "106", source: "payload[messages][0][sender]", detail: "none" },
    ],
  ] as const)("maps %s", (error, expected) => {
    expect(Policy.toOmnichannelError(error)).toMatchObject(expected);
  });

  it("maps every problem of an invalid request, missing fields as 106", () => {
    const error = Effect.runSync(Effect.flip(SmsRequest.decode({ messages: [{ channel: "sms", text: 1 }] })));
    expect(Policy.toOmnichannelErrors(error)).toStrictEqual([
      { title: "Missing data", detail: "Missing key", code: "106", source: "payload[to]" },
      { title: "Invalid data", detail: "Expected string", code: "105", source: "payload[messages][0][text]" },
    ]);
  });

  it("serialises errors as plain data (no input echoed for hostile values)", () => {
    const error = new Policy.Forbidden({
      address: "10.0.0.1",
      reason: "address not in the key's IP whitelist",
    });
    expect(JSON.parse(JSON.stringify(error))).toStrictEqual({
      _tag: "Forbidden",
      address: "10.0.0.1",
      reason: "address not in the key's IP whitelist",
    });
  });
});
