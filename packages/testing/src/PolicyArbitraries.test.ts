import { ApiKey, DeliveryReport, SmsRequest } from "@septet/core";
import { Effect, Exit, Schema } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as PolicyArbitraries from "./PolicyArbitraries.js";

const isSender = Schema.is(ApiKey.SenderId);
const urlAccepted = (url: string) =>
  Exit.isSuccess(Effect.runSync(Effect.exit(DeliveryReport.checkUrl(url))));

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
