/**
 * septet's own functions as a conformance {@link Implementation}. Part of the `Conformance`
 * module.
 *
 * @internal
 */
import {
  Allowlist,
  ApiKey,
  DeliveryReport,
  Gsm7,
  Ip,
  Policy,
  Replacement,
  Sms,
  SmsRequest,
} from "@septet/core";
import { Effect, Result, Schema } from "effect";
import { defined } from "../internal/defined.js";
import type { SmsOptions } from "./cases.js";
import type { Implementation, ResolvedSetting, ResolveResult } from "./runner.js";

// -----------------------------------------------------------------------------
// septet itself, as an implementation
// -----------------------------------------------------------------------------

const languagesOf = (options: SmsOptions): Sms.MeasureOptions => {
  const languages = (options.languages ?? []).flatMap((name) =>
    Gsm7.languages.filter((l) => l.name === name),
  );
  return defined({ languages, reference: options.reference, boundary: options.boundary });
};

const onlyValue = (r: Policy.Resolved<string | null>): ResolvedSetting => ({
  value: r.value,
  provenance: r.provenance,
});

const firstError = (error: Policy.PolicyError | ApiKey.InvalidApiKey): ResolveResult => {
  if (error._tag === "InvalidApiKey") return { error: { code: "105", source: "apiKey" } };
  const e = Policy.toOmnichannelError(error);
  return { error: { code: e.code, source: e.source } };
};

/**
 * septet's own functions adapted to {@link Implementation}: what the kit is checked against in
 * septet's CI, and a model for writing an adapter of your own (a wrapper service can compare its
 * answers with these).
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * await Conformance.septet.parseAddress?.("::FFFF:1.2.3.4") // => "::ffff:1.2.3.4"
 * await Conformance.septet.parseAddress?.("010.0.0.1") // => null
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const septet: Implementation = {
  measure: (text, options) => Sms.measure(text, languagesOf(options)),
  split: (text, options) => Sms.split(text, languagesOf(options)),
  replace: (text, options) => {
    const table = options.table === undefined ? undefined : Replacement.makeTable(options.table);
    if (table !== undefined && table._tag === "InvalidTable") throw new Error(table.message);
    const result = Replacement.apply(
      text,
      defined({ mode: options.mode, table, leftovers: options.leftovers }),
    );
    if (result._tag !== "Applied") throw new Error(result.message);
    return result.text;
  },
  parseAddress: (input) => {
    const result = Ip.parseAddressResult(input);
    return Result.isSuccess(result) ? Ip.format(result.success) : null;
  },
  parseCidr: (input) => {
    const result = Ip.parseCidrResult(input);
    return Result.isSuccess(result)
      ? { canonical: result.success.canonical, hostBitsMasked: result.success.hostBitsMasked }
      : null;
  },
  allows: (entries, client) => {
    const list = Allowlist.makeResult(entries);
    return Result.isSuccess(list) && Allowlist.allows(list.success, client);
  },
  enforce: (entries) => {
    const list = Allowlist.makeResult(entries);
    return Result.isSuccess(list)
      ? { enforced: Allowlist.rules(list.success).map((r) => r.canonical) }
      : { bad: list.failure.entries.map((e) => e.index) };
  },
  resolve: (keySettings, requestBody) =>
    Effect.runSync(
      Effect.gen(function* () {
        const key = yield* ApiKey.decode({ name: "conformance", ...keySettings });
        const request = yield* SmsRequest.decode(requestBody);
        const r = yield* Policy.resolve(key, request);
        return {
          sender: onlyValue(r.sender),
          autoReplace: onlyValue(r.autoReplace),
          dlrUrl: onlyValue(r.dlrUrl),
        } satisfies ResolveResult;
      }).pipe(Effect.catch((e) => Effect.succeed(firstError(e)))),
    ),
  acceptsSender: (sender) => Schema.is(ApiKey.SenderId)(sender),
  acceptsDlrUrl: (url) => Effect.runSync(Effect.result(DeliveryReport.checkUrl(url)))._tag === "Success",
  sign: (secret, body) => Effect.runPromise(DeliveryReport.sign(secret, body)),
};
