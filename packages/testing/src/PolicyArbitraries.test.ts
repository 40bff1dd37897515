import { ApiKey, DeliveryReport, SmsRequest } from "@septet/core";
import { Effect, Exit, Schema } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { arbitraryCase, arbitraryLaws } from "../test/arbitraryLaws.js";
import * as PolicyArbitraries from "./PolicyArbitraries.js";

const isSender = Schema.is(ApiKey.SenderId);
const urlAccepted = (url: string) =>
  Exit.isSuccess(Effect.runSync(Effect.exit(DeliveryReport.checkUrl(url))));

const decodes = (effect: Effect.Effect<unknown, unknown>) =>
  Exit.isSuccess(Effect.runSync(Effect.exit(effect)));
/** Decoding hostile input never throws or dies: it succeeds or fails with a typed error. */
const decodedOrRefused = (effect: Effect.Effect<unknown, unknown>) => {
  const exit = Effect.runSync(Effect.exit(effect));
  expect(Exit.isSuccess(exit) || Exit.hasFails(exit)).toBe(true);
};
const MODES = ["off", "on", "full"];

arbitraryLaws([
  arbitraryCase({
    name: "alphanumericSender()",
    build: PolicyArbitraries.alphanumericSender,
    valid: (s) => expect(isSender(s)).toBe(true),
  }),
  arbitraryCase({
    name: "numericSender()",
    build: PolicyArbitraries.numericSender,
    valid: (s) => expect(isSender(s)).toBe(true),
  }),
  arbitraryCase({
    name: "sender()",
    build: PolicyArbitraries.sender,
    valid: (s) => expect(isSender(s)).toBe(true),
  }),
  arbitraryCase({
    name: "invalidSender()",
    build: PolicyArbitraries.invalidSender,
    valid: (s) => expect(isSender(s)).toBe(false),
  }),
  arbitraryCase({ name: "mode()", build: PolicyArbitraries.mode, valid: (m) => expect(MODES).toContain(m) }),
  arbitraryCase({
    name: "invalidMode()",
    build: PolicyArbitraries.invalidMode,
    valid: (m) => expect(MODES).not.toContain(m),
  }),
  arbitraryCase({
    name: "dlrUrl()",
    build: PolicyArbitraries.dlrUrl,
    valid: (u) => expect(urlAccepted(u)).toBe(true),
    numRuns: 100,
  }),
  arbitraryCase({
    name: "invalidDlrUrl()",
    build: PolicyArbitraries.invalidDlrUrl,
    valid: (u) => expect(urlAccepted(u)).toBe(false),
    numRuns: 100,
  }),
  arbitraryCase({
    name: "fieldState(mode(), invalidMode())",
    build: () => PolicyArbitraries.fieldState(PolicyArbitraries.mode(), PolicyArbitraries.invalidMode()),
    valid: (f) => {
      const expected = { absent: undefined, null: null, empty: "" } as const;
      if (f.state === "valid") expect(MODES).toContain(f.value);
      else if (f.state === "invalid") expect(MODES).not.toContain(f.value);
      else expect(f.value).toBe(expected[f.state]);
    },
  }),
  arbitraryCase({
    name: "requestWithStates()",
    build: PolicyArbitraries.requestWithStates,
    valid: ({ json }) => expect(decodes(SmsRequest.decode(json))).toBe(true),
    numRuns: 100,
  }),
  arbitraryCase({
    name: "keyConfig()",
    build: PolicyArbitraries.keyConfig,
    valid: (c) => expect(decodes(ApiKey.decode(c))).toBe(true),
    numRuns: 100,
  }),
  arbitraryCase({
    name: "protoKeyed()",
    build: PolicyArbitraries.protoKeyed,
    valid: (value) => {
      decodedOrRefused(SmsRequest.decode(value));
      expect(Object.hasOwn(Object.prototype, "polluted")).toBe(false);
    },
    numRuns: 100,
  }),
  arbitraryCase({
    name: "hostileRequest()",
    build: PolicyArbitraries.hostileRequest,
    valid: (r) => decodedOrRefused(SmsRequest.decode(r)),
    numRuns: 100,
  }),
  arbitraryCase({
    name: "hostileConfig()",
    build: PolicyArbitraries.hostileConfig,
    valid: (c) => decodedOrRefused(ApiKey.decode(c)),
    numRuns: 100,
  }),
]);

describe("PolicyArbitraries (they generate what they promise)", () => {
  it("sender() is always a valid sender ID, invalidSender() never", () => {
    fc.assert(
      fc.property(PolicyArbitraries.sender(), (s) => {
        expect(isSender(s)).toBe(true);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(PolicyArbitraries.invalidSender(), (s) => {
        expect(isSender(s)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it("dlrUrl() passes the strict URL check, invalidDlrUrl() never", () => {
    fc.assert(
      fc.property(PolicyArbitraries.dlrUrl(), (u) => {
        expect(urlAccepted(u)).toBe(true);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(PolicyArbitraries.invalidDlrUrl(), (u) => {
        expect(urlAccepted(u)).toBe(false);
      }),
      {
        numRuns: 300,
      },
    );
  });

  it("invalidMode() is never exactly a mode", () => {
    fc.assert(
      fc.property(PolicyArbitraries.invalidMode(), (m) => {
        expect(["off", "on", "full"]).not.toContain(m);
      }),
      { numRuns: 300 },
    );
  });

  it("keyConfig() decodes; requestWithStates() decodes (its states are the resolver's business)", () => {
    fc.assert(
      fc.property(
        PolicyArbitraries.keyConfig(),
        PolicyArbitraries.requestWithStates(),
        (config, { json }) => {
          expect(Exit.isSuccess(Effect.runSync(Effect.exit(ApiKey.decode(config))))).toBe(true);
          expect(Exit.isSuccess(Effect.runSync(Effect.exit(SmsRequest.decode(json))))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
