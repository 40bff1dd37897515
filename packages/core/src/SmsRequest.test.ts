import { SmsRequest } from "@septet/core";
import { PolicyArbitraries } from "@septet/testing";
import { Effect, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const decode = (input: unknown) => Effect.runSync(Effect.result(SmsRequest.decode(input)));
const issuesOf = (input: unknown) => {
  const result = decode(input);
  if (Result.isSuccess(result)) throw new Error("expected a failure");
  return result.failure.issues;
};
const ok = (input: unknown) => {
  const result = decode(input);
  if (Result.isFailure(result)) throw new Error(result.failure.message);
  return result.success;
};
const sms = (fields: Record<string, unknown> = {}) => ({ channel: "sms", text: "Hello", ...fields });
const request = (fields: Record<string, unknown> = {}, message: Record<string, unknown> = {}) => ({
  to: "+37251000000",
  messages: [sms(message)],
  ...fields,
});

describe("SmsRequest.decode", () => {
  it("decodes a full request and drops unknown fields", () => {
    const decoded = ok({
      ...request(
        {
          dlr_url: "https://example.com/dlr",
          text_store: "nostore",
          time_to_send: "2030-01-01T10:00:00",
          priority: "high",
          extra: 1,
        },
        { sender: "Shop", autoconvert: "full", udh: "050003CC0201", validity: 360, unknown: true },
      ),
    });
    expect(decoded).toStrictEqual({
      to: "+37251000000",
      messages: [
        {
          channel: "sms",
          text: "Hello",
          sender: "Shop",
          autoconvert: "full",
          udh: "050003CC0201",
          validity: 360,
        },
      ],
      dlr_url: "https://example.com/dlr",
      text_store: "nostore",
      time_to_send: new Date("2030-01-01T10:00:00Z"),
      priority: "high",
    });
  });

  it("keeps null and absent apart for the overridable fields", () => {
    const decoded = ok(request({ dlr_url: null }, { sender: null, autoconvert: "" }));
    expect(decoded.dlr_url).toBeNull();
    expect(decoded.messages[0]).toStrictEqual({
      channel: "sms",
      text: "Hello",
      sender: null,
      autoconvert: "",
    });
  });

  it("accepts other channels as fallbacks, decoding only their channel", () => {
    const decoded = ok({
      to: "+37251000000",
      messages: [{ channel: "viber", text: 5, image_url: "x" }, sms()],
    });
    expect(decoded.messages).toStrictEqual([{ channel: "viber" }, { channel: "sms", text: "Hello" }]);
    expect(SmsRequest.smsOf(decoded).index).toBe(1);
  });

  it.each([
    ["no sms entry", { to: "+37251000000", messages: [{ channel: "viber" }] }, "payload[messages]", false],
    [
      "two sms entries",
      { to: "+37251000000", messages: [sms(), sms()] },
      "payload[messages][1][channel]",
      false,
    ],
    ["an empty messages array", { to: "+37251000000", messages: [] }, "payload[messages]", false],
    [
      "an unknown channel",
      { to: "+37251000000", messages: [{ channel: "fax" }] },
      "payload[messages][0]",
      false,
    ],
    ["validity and ttl together", request({}, { validity: 5, ttl: 300 }), "payload[messages][0][ttl]", false],
    [
      "a missing text",
      { to: "+37251000000", messages: [{ channel: "sms" }] },
      "payload[messages][0][text]",
      true,
    ],
    ["a missing to", { messages: [sms()] }, "payload[to]", true],
    [
      "a text over the cap",
      request({}, { text: "a".repeat(SmsRequest.MAX_TEXT_LENGTH + 1) }),
      "payload[messages][0][text]",
      false,
    ],
    ["odd-length udh", request({}, { udh: "050" }), "payload[messages][0][udh]", false],
    ["non-hex udh", request({}, { udh: "zz" }), "payload[messages][0][udh]", false],
    ["a zero validity", request({}, { validity: 0 }), "payload[messages][0][validity]", false],
    ["a fractional ttl", request({}, { ttl: 1.5 }), "payload[messages][0][ttl]", false],
    ["a numeric sender", request({}, { sender: 372 }), "payload[messages][0][sender]", false],
    ["an unknown text_store", request({ text_store: "forever" }), "payload[text_store]", false],
    ["an unzoned garbage time_to_send", request({ time_to_send: "soon" }), "payload[time_to_send]", false],
  ])("refuses %s", (_, input, source, missing) => {
    const issues = issuesOf(input);
    expect(issues[0]?.source).toBe(source);
    expect(issues[0]?.missing).toBe(missing);
  });

  it.each(["+37251000000", "+12", "+123456789012345"])("accepts to %s", (to) => {
    expect(ok(request({ to })).to).toBe(to);
  });

  it.each(["37251000000", "+0123", "+1", "+1234567890123456", "+372 5100 0000", "00372510000", "+３７２"])(
    "refuses to %s",
    (to) => {
      expect(issuesOf(request({ to }))[0]?.source).toBe("payload[to]");
    },
  );

  it("reports every problem at once", () => {
    const issues = issuesOf({
      to: "x",
      messages: [{ channel: "sms", text: 1, validity: -1 }],
      priority: "urgent",
    });
    expect(issues.map((i) => i.source)).toStrictEqual([
      "payload[to]",
      "payload[messages][0][text]",
      "payload[messages][0][validity]",
      "payload[priority]",
    ]);
  });

  it("refuses an oversized messages array before decoding its entries", () => {
    const issues = issuesOf({ to: "+37251000000", messages: Array.from({ length: 11 }, () => ({})) });
    expect(issues).toHaveLength(1);
    expect(issues[0]?.source).toBe("payload[messages]");
  });

  describe("hostile input", () => {
    it("treats a JSON __proto__ key as an inert unknown field", () => {
      const input = JSON.parse(
        '{"to":"+37251000000","__proto__":{"dlr_url":"https://evil.example/"},"messages":[{"channel":"sms","text":"hi","__proto__":{"sender":"EVIL"}}]}',
      );
      const decoded = ok(input);
      expect(decoded.dlr_url).toBeUndefined();
      expect(decoded.messages[0]).toStrictEqual({ channel: "sms", text: "hi" });
      expect(({} as Record<string, unknown>).sender).toBeUndefined();
    });

    it("never reads inherited properties (prototype literal or a polluted Object.prototype)", () => {
      const message = Object.create({ sender: "EVIL", autoconvert: "off" });
      Object.assign(message, { channel: "sms", text: "hi" });
      // An object whose prototype is not Object.prototype (or null) is not JSON: refused, not read.
      expect(issuesOf({ to: "+37251000000", messages: [message] })[0]?.message).toBe(
        "not a plain JSON object",
      );
      const proto = Object.prototype as Record<string, unknown>;
      proto.sender = "POLLUTED";
      try {
        expect(ok(request()).messages[0]).toStrictEqual({ channel: "sms", text: "Hello" });
      } finally {
        delete proto.sender;
      }
    });

    it.each([
      [
        "a getter",
        () => Object.defineProperty(request(), "to", { get: () => "+37251000000", enumerable: true }),
      ],
      [
        "a cycle",
        () => {
          const r: Record<string, unknown> = request();
          r.self = r;
          return r;
        },
      ],
      ["a function", () => request({ extra: () => 1 })],
      ["NaN", () => request({}, { validity: Number.NaN })],
      ["a Date", () => request({ time_to_send: new Date() })],
      ["a Map", () => new Map([["to", "+37251000000"]])],
      ["nesting 17 deep", () => request({ extra: PolicyArbitraries.deeplyNested(17) })],
      [
        "a throwing proxy",
        () =>
          new Proxy(
            {},
            {
              ownKeys: () => {
                throw new Error("trap");
              },
            },
          ),
      ],
      ["too many values", () => request({ extra: Array.from({ length: 3000 }, () => 1) })],
      ["a huge unknown string", () => request({ extra: "x".repeat(1_000_000) })],
    ])("refuses %s with a typed error", (_, make) => {
      expect(issuesOf(make()).length).toBeGreaterThan(0);
    });

    it("never throws, fails only with InvalidRequest, never pollutes a prototype", () => {
      fc.assert(
        fc.property(PolicyArbitraries.hostileRequest(), (input) => {
          const result = decode(input);
          if (Result.isFailure(result)) expect(result.failure._tag).toBe("InvalidRequest");
          expect(Object.keys(Object.prototype)).toStrictEqual([]);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: 1000 },
      );
    });

    it("decodeJson: never throws on any text", () => {
      fc.assert(
        fc.property(fc.oneof(fc.json(), fc.string()), (raw) => {
          const result = Effect.runSync(Effect.result(SmsRequest.decodeJson(raw)));
          if (Result.isFailure(result)) expect(result.failure._tag).toBe("InvalidRequest");
        }),
        { numRuns: 1000 },
      );
    });

    it("decodeJson: refuses a body over the cap and invalid JSON", () => {
      const long = Effect.runSync(
        Effect.flip(SmsRequest.decodeJson(" ".repeat(SmsRequest.MAX_BODY_LENGTH + 1))),
      );
      expect(long.issues[0]?.message).toBe("longer than 65536 characters");
      expect(Effect.runSync(Effect.flip(SmsRequest.decodeJson("{"))).issues[0]?.source).toBe("payload");
    });
  });
});
