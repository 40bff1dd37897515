/**
 * The decision a service makes for every request on an SMS API key:
 *
 * - {@link authorize}: may this address use this key (the compiled IP whitelist)?
 * - {@link resolve}: which sender, Auto-Replace mode and delivery-report URL apply, and why
 *   ({@link precedence}); what text actually goes out (the replacement engine) and how it is
 *   billed (`Sms.measure`).
 * - {@link toOmnichannelError}: every failure as an Omnichannel error object.
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Option, Schema } from "effect";
import * as Allowlist from "./Allowlist.js";
import type { ApiKey } from "./ApiKey.js";
import * as DeliveryReport from "./DeliveryReport.js";
import * as Ip from "./Ip.js";
import { applyReplacement, type Mode as M } from "./internal/policy/autoReplace.js";
import {
  type Check,
  type Outcome,
  type Provenance as P,
  resolveSetting,
} from "./internal/policy/precedence.js";
import { senderProblem } from "./internal/policy/sender.js";
import { describe } from "./internal/schema/describe.js";
import { toPointer, toSource } from "./internal/schema/issues.js";
import type * as Replacement from "./Replacement.js";
import type * as Sms from "./Sms.js";
import * as SmsRequest from "./SmsRequest.js";

// -----------------------------------------------------------------------------
// Models
// -----------------------------------------------------------------------------

/**
 * Where a resolved setting came from: the request, the API key, or the built-in default.
 *
 * @category models
 * @since 0.1.0
 */
export type Provenance = P;

/**
 * An Auto-Replace mode.
 *
 * @category models
 * @since 0.1.0
 */
export type Mode = M;

/**
 * A resolved setting: its value, where it came from, and the field that supplied it
 * (`payload[messages][0][sender]`, `apiKey[defaultSender]`, or `null` for a built-in default).
 *
 * @category models
 * @since 0.1.0
 */
export interface Resolved<A> {
  readonly value: A;
  readonly provenance: Provenance;
  readonly field: string | null;
}

/**
 * Everything decided for one request: an auditor's or a log's record.
 *
 * @category models
 * @since 0.1.0
 */
export interface Resolution {
  /** The recipient (E.164). */
  readonly to: string;
  /** Index of the SMS entry in `messages`. */
  readonly messageIndex: number;
  readonly sender: Resolved<string>;
  readonly autoReplace: Resolved<Mode>;
  /** The delivery-report URL (normalised), or `null`: no webhook. */
  readonly dlrUrl: Resolved<string | null>;
  /** The text as requested. */
  readonly originalText: string;
  /** The text that goes out, after Auto-Replace in the effective mode. */
  readonly text: string;
  /** Every replacement made (position, original, replacement, rule). */
  readonly replacements: ReadonlyArray<Replacement.Change>;
  /** Characters FULL could not map (kept, substituted, or the reason for a revert). */
  readonly leftovers: ReadonlyArray<Replacement.Leftover>;
  /** `true` when the `"all-or-nothing"` leftover policy sent the original text. */
  readonly reverted: boolean;
  /** Encoding and billed segments of the outgoing text. */
  readonly measurement: Sms.Measurement;
}

// -----------------------------------------------------------------------------
// Errors
// -----------------------------------------------------------------------------

/**
 * The address may not use the key: not in the whitelist, or not an IP address at all (a client
 * address that does not parse is denied). Omnichannel code `"102"`.
 *
 * @example
 * ```ts
 * import { ApiKey, Policy } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const key = Effect.runSync(ApiKey.decode({ name: "k", ipWhitelist: ["203.0.113.0/24"] }))
 * Effect.runSync(Effect.flip(Policy.authorize(key, "198.51.100.7"))).reason
 * // => "address not in the key's IP whitelist"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class Forbidden extends Schema.TaggedError<Forbidden>()("Forbidden", {
  address: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `Forbidden: ${this.reason} (${this.address})`;
  }
}

// The fields both request-field errors carry: the Omnichannel `source`, a JSON Pointer, and why.
const fieldProblem = { source: Schema.String, pointer: Schema.String, reason: Schema.String };

/**
 * A field holds a value the policy refuses (Omnichannel `"105"`). `source` names the field:
 * `payload[messages][0][sender]` for a request field, `apiKey[defaultSender]` for a key setting.
 *
 * @example
 * ```ts
 * import { Policy } from "@septet/core"
 *
 * new Policy.InvalidField({ source: "payload[dlr_url]", pointer: "/dlr_url", reason: "empty" }).message
 * // => "Invalid payload[dlr_url]: empty"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidField extends Schema.TaggedError<InvalidField>()("InvalidField", fieldProblem) {
  override get message(): string {
    return `Invalid ${this.source}: ${this.reason}`;
  }
}

/**
 * A setting with no value anywhere: today only the sender (no `sender` / `from` in the request
 * and no `defaultSender` on the key). Omnichannel `"106"`.
 *
 * @example
 * ```ts
 * import { Policy } from "@septet/core"
 *
 * new Policy.MissingField({ source: "payload[messages][0][sender]", pointer: "/messages/0/sender", reason: "no sender" }).message
 * // => "Missing payload[messages][0][sender]: no sender"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class MissingField extends Schema.TaggedError<MissingField>()("MissingField", fieldProblem) {
  override get message(): string {
    return `Missing ${this.source}: ${this.reason}`;
  }
}

/**
 * Every error {@link authorize} and {@link resolve} (and `SmsRequest.decode`) can fail with.
 *
 * @category errors
 * @since 0.1.0
 */
export type PolicyError = Forbidden | InvalidField | MissingField | SmsRequest.InvalidRequest;

// -----------------------------------------------------------------------------
// Precedence table (data: the docs are generated from it)
// -----------------------------------------------------------------------------

/**
 * How a request field is written, for the precedence table: key absent, JSON `null`, `""`, a
 * valid string, an invalid string.
 *
 * @category models
 * @since 0.1.0
 */
export type RequestState = "absent" | "null" | "empty" | "valid" | "invalid";

/**
 * One overridable setting's rule.
 *
 * @category models
 * @since 0.1.0
 */
export interface PrecedenceRule {
  readonly setting: "sender" | "autoReplace" | "dlrUrl";
  /** The request fields that overrule the key (in order of preference). */
  readonly requestFields: ReadonlyArray<string>;
  /** The key setting. */
  readonly keyField: "defaultSender" | "autoReplace" | "dlrUrl";
  /** What applies when neither request nor key gives a value. */
  readonly builtInDefault: string;
  /** What is valid. */
  readonly valid: string;
  /** Per request state: what happens. */
  readonly states: { readonly [S in RequestState]: string };
}

const notGiven = "not given: the key's value if set, else the built-in default";
const refused = "invalid: error 105 (the key's value is not used)";
/** What each state of a request field does: the same for all three settings. */
const states: PrecedenceRule["states"] = {
  absent: notGiven,
  null: notGiven,
  empty: refused,
  valid: "used, provenance request",
  invalid: refused,
};

/**
 * The precedence rules as data, one entry per overridable setting: request over
 * key over built-in default, and what a missing field, `null` and `""` mean.
 *
 * Decisions (the same for all three settings, so a client learns one rule):
 * - **absent** and **`null`** both mean "not given" (JSON serialisers write `null` for unset
 *   optional fields): the key's value applies, else the built-in default.
 * - **`""`** is a value, and an invalid one (an empty sender, mode or URL is never meant):
 *   error `"105"`; the key's value is NOT used instead, so a client bug is not hidden.
 * - **invalid** (a string that fails the setting's check): error `"105"`, again with no silent
 *   fallback to the key.
 * - **valid**: the request's value, provenance `"request"`.
 * - `sender` and its legacy alias `from`: `sender` is read first; `from` only when `sender` is
 *   absent or `null`; both given with different values is error `"105"`.
 * - The key's own values are checked the same way (a key built by hand may hold anything); an
 *   invalid key value is error `"105"` with source `apiKey[…]`.
 *
 * @example
 * ```ts
 * import { Policy } from "@septet/core"
 *
 * Policy.precedence.map((rule) => rule.setting) // => ["sender", "autoReplace", "dlrUrl"]
 * Policy.precedence[0]?.states.empty // => "invalid: error 105 (the key's value is not used)"
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const precedence: ReadonlyArray<PrecedenceRule> = [
  {
    setting: "sender",
    requestFields: ["messages[i].sender", "messages[i].from (legacy)"],
    keyField: "defaultSender",
    builtInDefault: "none: error 106 Missing data",
    valid:
      "numeric (optional +, 1-15 digits) or alphanumeric (1-11 GSM 7-bit characters, at least one letter); one of `senders` when the key has that setting",
    states,
  },
  {
    setting: "autoReplace",
    requestFields: ["messages[i].autoconvert"],
    keyField: "autoReplace",
    builtInDefault: '"on"',
    valid: 'exactly "off", "on" or "full" (lowercase)',
    states,
  },
  {
    setting: "dlrUrl",
    requestFields: ["dlr_url"],
    keyField: "dlrUrl",
    builtInDefault: "none: no delivery report is sent",
    valid: "absolute https: URL, no user info, no special-purpose IP-literal host (DeliveryReport.checkUrl)",
    states,
  },
];

// -----------------------------------------------------------------------------
// authorize
// -----------------------------------------------------------------------------

/**
 * Checks that `address` (the socket's remote address, e.g. Node's `socket.remoteAddress`) may use
 * the key, with the key's compiled whitelist. IPv4-mapped IPv6 clients (`::ffff:1.2.3.4`) are
 * matched as IPv4. An empty whitelist denies everyone; an address that does not parse (a zone ID,
 * brackets, a hostname) is denied. Fails with {@link Forbidden} (code `"102"`).
 *
 * @example
 * ```ts
 * import { ApiKey, Policy } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const key = Effect.runSync(ApiKey.decode({ name: "k", ipWhitelist: ["127.0.0.1"] }))
 * Effect.runSync(Policy.authorize(key, "::ffff:127.0.0.1")) // => undefined
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const authorize = (key: ApiKey, address: string | Ip.Address): Effect.Effect<void, Forbidden> => {
  const shown = Ip.isAddress(address) ? Ip.format(address) : describe(address);
  const parsed = Ip.isAddress(address) ? Option.some(address) : Ip.parseAddressOption(address);
  if (Option.isNone(parsed))
    return Effect.fail(new Forbidden({ address: shown, reason: "not an IP address" }));
  let whitelist: unknown;
  try {
    whitelist = key.ipWhitelist;
  } catch {
    whitelist = undefined; // a key that cannot be read denies, like an empty whitelist
  }
  return Allowlist.allows(whitelist as Allowlist.Allowlist, parsed.value)
    ? Effect.void
    : Effect.fail(new Forbidden({ address: shown, reason: "address not in the key's IP whitelist" }));
};

// -----------------------------------------------------------------------------
// resolve
// -----------------------------------------------------------------------------

/**
 * Options of {@link resolve}.
 *
 * @category models
 * @since 0.1.0
 */
export interface ResolveOptions {
  /** How DLR URLs are checked (default: strict, `https:` on public hosts only). */
  readonly dlr?: DeliveryReport.UrlOptions | undefined;
  /** Options for `Sms.measure` (national language tables, concatenation reference). */
  readonly measure?: Sms.MeasureOptions | undefined;
  /**
   * What FULL does with characters it cannot map (`Replacement.LeftoverPolicy`): `"keep"` (default,
   * the message goes UCS-2), `"all-or-nothing"`, `"reject"` (error 105 on the text) or
   * `{ substitute }`.
   */
  readonly leftovers?: Replacement.LeftoverPolicy | undefined;
}

const MODES: ReadonlyArray<string> = ["off", "on", "full"];

const checkMode: Check<Mode> = (raw) =>
  MODES.includes(raw)
    ? { ok: true, value: raw as Mode }
    : { ok: false, reason: 'expected exactly "off", "on" or "full" (lowercase)' };

const checkSender: Check<string> = (raw) => {
  const problem = senderProblem(raw);
  return problem === undefined ? { ok: true, value: raw } : { ok: false, reason: problem };
};

const checkUrl =
  (options: DeliveryReport.UrlOptions | undefined): Check<string | null> =>
  (raw) => {
    const result = Effect.runSync(Effect.result(DeliveryReport.checkUrl(raw, options)));
    return result._tag === "Success"
      ? { ok: true, value: result.success.href }
      : { ok: false, reason: result.failure.reason };
  };

const keySource = (field: string) => `apiKey[${field}]`;

/** The error or the resolved setting of one outcome. */
const settle = <A>(
  outcome: Outcome<A>,
  requestPath: ReadonlyArray<string | number>,
  keyField: string,
  missingReason: string,
): Effect.Effect<Resolved<A>, InvalidField | MissingField> => {
  switch (outcome._tag) {
    case "Resolved":
      return Effect.succeed({
        value: outcome.value,
        provenance: outcome.provenance,
        field:
          outcome.provenance === "request"
            ? toSource(requestPath)
            : outcome.provenance === "apiKey"
              ? keySource(keyField)
              : null,
      });
    case "Invalid":
      return Effect.fail(
        outcome.from === "request"
          ? new InvalidField({
              source: toSource(requestPath),
              pointer: toPointer(requestPath),
              reason: outcome.reason,
            })
          : new InvalidField({
              source: keySource(keyField),
              pointer: `/${keyField}`,
              reason: outcome.reason,
            }),
      );
    case "Missing":
      return Effect.fail(
        new MissingField({
          source: toSource(requestPath),
          pointer: toPointer(requestPath),
          reason: missingReason,
        }),
      );
  }
};

/**
 * Resolves a decoded request against a key: the {@link precedence} rules for sender, Auto-Replace
 * mode and DLR URL (each with its provenance); the sender check (format, and membership in the
 * key's `senders` when the key has that setting, compared exactly; like an empty whitelist, an
 * empty `senders` list refuses every sender); Auto-Replace in the effective mode with
 * the key's table; and the measurement of the outgoing text.
 *
 * Pure and deterministic: the same key, request and options always give the same resolution.
 * Fails with {@link InvalidField} (`"105"`) or {@link MissingField} (`"106"`), naming the field.
 * Checks run in a fixed order (sender, autoReplace, dlrUrl, text) and the first failure is reported.
 *
 * @example
 * ```ts
 * import { ApiKey, Policy, SmsRequest } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const key = Effect.runSync(ApiKey.decode({ name: "k", defaultSender: "Shop", autoReplace: "off" }))
 * const request = Effect.runSync(SmsRequest.decode({
 *   to: "+37251000000",
 *   messages: [{ channel: "sms", text: "Hello", autoconvert: "full" }],
 * }))
 * const resolution = Effect.runSync(Policy.resolve(key, request))
 * resolution.sender // => { value: "Shop", provenance: "apiKey", field: "apiKey[defaultSender]" }
 * resolution.autoReplace.provenance // => "request"
 * resolution.dlrUrl // => { value: null, provenance: "default", field: null }
 * resolution.measurement.segments // => 1
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const resolve = (
  key: ApiKey,
  request: SmsRequest.SmsRequest,
  options?: ResolveOptions,
): Effect.Effect<Resolution, InvalidField | MissingField> =>
  Effect.gen(function* () {
    const { message, index } = SmsRequest.smsOf(request);
    const at: FieldPath = (field) => ["messages", index, field];

    const conflict = senderConflict(message, at);
    if (conflict !== undefined) return yield* conflict;
    const senderField = senderFieldOf(message);
    const sender = yield* settle(
      resolveSetting(senderValueOf(message), key.defaultSender, checkSender, undefined),
      at(senderField),
      "defaultSender",
      "no sender in the request and no default sender on the key",
    );
    const notActivated = activationProblem(key, sender, at(senderField));
    if (notActivated !== undefined) return yield* notActivated;

    const autoReplace = yield* settle(
      resolveSetting(message.autoconvert, key.autoReplace, checkMode, { value: "on" as Mode }),
      at("autoconvert"),
      "autoReplace",
      "",
    );
    const dlrUrl = yield* settle(
      resolveSetting<string | null>(request.dlr_url, key.dlrUrl, checkUrl(options?.dlr), { value: null }),
      ["dlr_url"],
      "dlrUrl",
      "",
    );

    const replaced = applyReplacement(
      message.text,
      autoReplace.value,
      key.replacementTable,
      options?.leftovers,
      options?.measure,
    );
    if (replaced._tag === "Rejected") return yield* replacementRefusal(replaced, at);
    return {
      to: request.to,
      messageIndex: index,
      sender,
      autoReplace,
      dlrUrl,
      originalText: message.text,
      text: replaced.text,
      replacements: replaced.replacements,
      leftovers: replaced.leftovers,
      reverted: replaced.reverted,
      measurement: replaced.measurement,
    } satisfies Resolution;
  }).pipe(
    // Values that do not come from SmsRequest.decode / ApiKey.decode (null, a proxy, a getter
    // that throws) must not throw through: they fail as invalid data.
    Effect.catchDefect(() =>
      Effect.fail(
        new InvalidField({
          source: "payload",
          pointer: "",
          reason:
            "the request, the key or the options could not be read (pass the values SmsRequest.decode and ApiKey.decode return)",
        }),
      ),
    ),
  );

// The steps of `resolve` are plain functions: an extra Effect per step would cost a third of its
// speed (BENCHMARKS.md, `Policy.resolve`).

/** The path of a field of the request's SMS message, e.g. `["messages", 0, "sender"]`. */
type FieldPath = (field: string) => ReadonlyArray<string | number>;

const invalidRequestField = (path: ReadonlyArray<string | number>, reason: string): InvalidField =>
  new InvalidField({ source: toSource(path), pointer: toPointer(path), reason });

/** `sender` and its legacy alias `from` may both be given only when they agree. */
const senderConflict = (message: SmsRequest.SmsMessage, at: FieldPath): InvalidField | undefined =>
  message.sender != null && message.from != null && message.sender !== message.from
    ? invalidRequestField(at("from"), "sender and from (legacy) are both given and differ")
    : undefined;

/** The request field the sender is read from: `from` only when `sender` is not given. */
const senderFieldOf = (message: SmsRequest.SmsMessage): "sender" | "from" =>
  message.sender == null && message.from != null ? "from" : "sender";

/** The request's sender as the precedence rule sees it (`sender`, else `from`). */
const senderValueOf = (message: SmsRequest.SmsMessage): string | null | undefined =>
  message.sender != null ? message.sender : message.from != null ? message.from : message.sender;

/** With `senders` on the key, the effective sender must be one of them (compared exactly). */
const activationProblem = (
  key: ApiKey,
  sender: Resolved<string>,
  requestPath: ReadonlyArray<string | number>,
): InvalidField | undefined => {
  if (key.senders === undefined || key.senders.includes(sender.value)) return undefined;
  const reason = "sender not among the key's activated senders";
  return sender.provenance === "request"
    ? invalidRequestField(requestPath, reason)
    : new InvalidField({ source: keySource("defaultSender"), pointer: "/defaultSender", reason });
};

/**
 * Why Auto-Replace refused the text: leftovers refused by the leftover policy are an error on the
 * text; a bad `{ substitute }` one on `options[leftovers]`.
 */
const replacementRefusal = (
  refused: { readonly field: "text" | "leftovers"; readonly reason: string },
  at: FieldPath,
): InvalidField =>
  refused.field === "text"
    ? invalidRequestField(at("text"), refused.reason)
    : new InvalidField({ source: "options[leftovers]", pointer: "", reason: refused.reason });

// -----------------------------------------------------------------------------
// Omnichannel errors
// -----------------------------------------------------------------------------

/**
 * An Omnichannel error object, as the API returns in `{ "errors": [...] }`.
 *
 * `source` names the offending field in Messente's form: `payload[to]`,
 * `payload[messages][0][sender]`; a key setting is `apiKey[defaultSender]`; the caller's address
 * is `address`.
 *
 * @category models
 * @since 0.1.0
 */
export interface OmnichannelError {
  readonly title: "Invalid data" | "Missing data" | "Forbidden";
  readonly detail: string;
  readonly code: "105" | "106" | "102";
  readonly source: string;
}

const invalidData = (detail: string, source: string): OmnichannelError => ({
  title: "Invalid data",
  detail,
  code: "105",
  source,
});

/**
 * Every Omnichannel error object of a failure: one per problem (an {@link SmsRequest.InvalidRequest}
 * may carry many), in order. `Forbidden` is `"102"`, a missing field `"106"`, anything else `"105"`.
 *
 * @example
 * ```ts
 * import { Policy, SmsRequest } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = Effect.runSync(Effect.flip(SmsRequest.decode({ messages: [{ channel: "sms", text: 1 }] })))
 * Policy.toOmnichannelErrors(error).map((e) => `${e.code} ${e.source}`)
 * // => ["106 payload[to]", "105 payload[messages][0][text]"]
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toOmnichannelErrors = (error: PolicyError): ReadonlyArray<OmnichannelError> => {
  switch (error._tag) {
    case "Forbidden":
      return [
        { title: "Forbidden", detail: `${error.reason}: ${error.address}`, code: "102", source: "address" },
      ];
    case "InvalidField":
      return [invalidData(error.reason, error.source)];
    case "MissingField":
      return [{ title: "Missing data", detail: error.reason, code: "106", source: error.source }];
    case "InvalidRequest":
      return error.issues.length === 0
        ? [invalidData("invalid request", "payload")]
        : error.issues.map((issue) =>
            issue.missing
              ? {
                  title: "Missing data" as const,
                  detail: issue.message,
                  code: "106" as const,
                  source: issue.source,
                }
              : invalidData(issue.message, issue.source),
          );
  }
};

/**
 * The Omnichannel error object of a failure (the first one when a request has several problems;
 * use {@link toOmnichannelErrors} for all of them).
 *
 * @example
 * ```ts
 * import { Policy } from "@septet/core"
 *
 * Policy.toOmnichannelError(new Policy.Forbidden({ address: "198.51.100.7", reason: "address not in the key's IP whitelist" }))
 * // => { title: "Forbidden", detail: "address not in the key's IP whitelist: 198.51.100.7", code: "102", source: "address" }
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const toOmnichannelError = (error: PolicyError): OmnichannelError => toOmnichannelErrors(error)[0]!;
