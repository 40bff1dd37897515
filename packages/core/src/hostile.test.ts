/**
 * Every public function of Ip, Allowlist, SmsRequest, ApiKey and Policy against hostile values
 * (non-strings, throwing toString / getters, proxies, revoked proxies, cycles): a sync function
 * returns, an Effect fails with its typed error or succeeds, and nothing throws or dies.
 */
import { Allowlist, ApiKey, ClientAddress, Egress, Ip, Policy, SmsRequest } from "@septet/core";
import { Cause, Effect, Exit } from "effect";
import { describe, expect, it } from "vitest";

const boom = () => {
  throw new Error("boom");
};
const throwingProxy = new Proxy(
  {},
  { get: boom, ownKeys: boom, getOwnPropertyDescriptor: boom, has: boom, getPrototypeOf: boom },
);
const revoked = (() => {
  const { proxy, revoke } = Proxy.revocable({}, {});
  revoke();
  return proxy;
})();
const cyclic: Record<string, unknown> = {};
cyclic.self = cyclic;

const hostile: ReadonlyArray<readonly [string, unknown]> = [
  ["null", null],
  ["undefined", undefined],
  ["a number", 42],
  ["a symbol", Symbol("s")],
  ["a bigint", 10n],
  ["a function", () => "127.0.0.1"],
  ["an array", ["127.0.0.1"]],
  ["a throwing toString", { toString: boom }],
  ["a throwing Symbol.toPrimitive", { [Symbol.toPrimitive]: boom }],
  ["a throwing proxy", throwingProxy],
  ["a revoked proxy", revoked],
  ["a cycle", cyclic],
  ["an object with null prototype", Object.create(null)],
  ["a throwing getter", Object.defineProperty({}, "to", { enumerable: true, get: boom })],
  ["an array with a throwing getter", Object.defineProperty([], 0, { enumerable: true, get: boom })],
];

/** Runs `f`; an Effect must end in success or its typed failure, never a defect. */
const survives = (f: () => unknown) => {
  let value: unknown;
  expect(() => {
    value = f();
  }).not.toThrow();
  if (Effect.isEffect(value)) {
    const exit = Effect.runSyncExit(value as Effect.Effect<unknown, unknown>);
    if (Exit.isFailure(exit)) {
      expect(Cause.hasDies(exit.cause), Cause.pretty(exit.cause)).toBe(false);
    }
  }
};

const key = Effect.runSync(ApiKey.decode({ name: "k", ipWhitelist: ["10.0.0.0/8"], defaultSender: "Shop" }));
const list = Effect.runSync(Allowlist.make(["10.0.0.0/8"]));

const calls: ReadonlyArray<readonly [string, (x: never) => unknown]> = [
  ["Ip.parseAddressOption", (x) => Ip.parseAddressOption(x)],
  ["Ip.parseAddressResult", (x) => Ip.parseAddressResult(x)],
  ["Ip.parseAddress", (x) => Ip.parseAddress(x)],
  ["Ip.parseCidrResult", (x) => Ip.parseCidrResult(x)],
  ["Ip.parseCidr", (x) => Ip.parseCidr(x)],
  ["Ip.isAddress", (x) => Ip.isAddress(x)],
  ["Ip.fromBytes", (x) => Ip.fromBytes(x)],
  ["Allowlist.makeResult", (x) => Allowlist.makeResult(x)],
  ["Allowlist.make", (x) => Allowlist.make(x)],
  ["Allowlist.make([x])", (x) => Allowlist.make([x])],
  ["Allowlist.allows(list, x)", (x) => Allowlist.allows(list, x)],
  ["Allowlist.allows(x, ip)", (x) => Allowlist.allows(x, "10.0.0.1")],
  ["Allowlist.rules", (x) => Allowlist.rules(x)],
  ["Allowlist.ranges", (x) => Allowlist.ranges(x)],
  ["Allowlist.entries", (x) => Allowlist.entries(x)],
  ["Allowlist.restoreResult", (x) => Allowlist.restoreResult(x)],
  ["Allowlist.fromJSONResult", (x) => Allowlist.fromJSONResult(x)],
  ["Allowlist.isAllowlist", (x) => Allowlist.isAllowlist(x)],
  ["SmsRequest.decode", (x) => SmsRequest.decode(x)],
  ["SmsRequest.decodeJson", (x) => SmsRequest.decodeJson(x)],
  ["ApiKey.decode", (x) => ApiKey.decode(x)],
  ["ApiKey.decode(key, x)", (x) => ApiKey.decode({ name: "k", ipWhitelist: [] }, x)],
  ["ApiKey.decodeJson", (x) => ApiKey.decodeJson(x)],
  ["Policy.authorize(key, x)", (x) => Policy.authorize(key, x)],
  ["Policy.authorize(x, ip)", (x) => Policy.authorize(x, "10.0.0.1")],
  ["Policy.resolve(key, x)", (x) => Policy.resolve(key, x)],
  [
    "Policy.resolve(x, request)",
    (x) => Policy.resolve(x, { to: "+37251000000", messages: [{ channel: "sms", text: "Hi" }] } as never),
  ],
  [
    "Policy.resolve(key, request, x)",
    (x) =>
      Policy.resolve(key, { to: "+37251000000", messages: [{ channel: "sms", text: "Hi" }] } as never, x),
  ],
  ["Egress.check", (x) => Egress.check(x)],
  ["ClientAddress.resolve", (x) => ClientAddress.resolve(x)],
];

describe("no public function throws on hostile input", () => {
  describe.each(calls)("%s", (_name, call) => {
    it.each(hostile)("%s", (_label, value) => {
      survives(() => call(value as never));
    });
  });

  it("SmsRequest.decodeJson(null) fails with the typed error", () => {
    const exit = Effect.runSyncExit(SmsRequest.decodeJson(null as never));
    expect(Exit.isFailure(exit) && Cause.hasFails(exit.cause)).toBe(true);
  });

  it("Ip.parseAddressResult on an object whose toString throws fails with InvalidAddress", () => {
    const result = Ip.parseAddressResult({ toString: boom } as never);
    expect(result._tag === "Failure" && result.failure._tag).toBe("InvalidAddress");
  });
});
