/**
 * The Omnichannel-style message request (`POST /omnimessage`): its Schema, its caps, and a decoder
 * for untrusted JSON that never throws and never lets a hostile key near a prototype.
 *
 * The request's overridable settings (`sender` / legacy `from`, `autoconvert`, `dlr_url`) are
 * decoded here only as "absent, `null` or a string"; what each of those means is decided in one
 * place, `Policy.precedence`, so the rule and its table live together.
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Result, Schema, SchemaTransformation } from "effect";
import { flatten, toPointer, toSource } from "./internal/schema/issues.js";
import { type JsonCaps, parsePlainJson, toPlainJson } from "./internal/schema/json.js";
import { Timestamp } from "./internal/schema/timestamp.js";

// -----------------------------------------------------------------------------
// Caps
// -----------------------------------------------------------------------------

/**
 * Longest SMS `text`, in UTF-16 code units: 10 000 (about 65 GSM-7 or 150 UCS-2 segments, well
 * past any real message; 255 concatenated parts is the protocol ceiling).
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_TEXT_LENGTH = 10_000;

/**
 * Most entries in `messages` (one per channel: sms, viber, whatsapp, telegram, rcs, …): 10.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_MESSAGES = 10;

/**
 * Longest raw request body {@link decodeJson} parses: 64 KiB of text.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_BODY_LENGTH = 65_536;

/**
 * Structural caps applied to any input before the Schema sees it (unknown fields included):
 * nesting depth 16, 2 000 values, strings (and keys) of at most {@link MAX_TEXT_LENGTH} code units.
 *
 * @category constants
 * @since 0.1.0
 */
export const JSON_CAPS: JsonCaps = { maxDepth: 16, maxNodes: 2_000, maxString: MAX_TEXT_LENGTH };

/** Longest value accepted for `sender` / `from` / `autoconvert` before their own rules run. */
const MAX_SETTING_LENGTH = 64;

/** Longest `dlr_url` accepted by the Schema (the URL rules themselves run in `Policy.resolve`). */
const MAX_URL_FIELD_LENGTH = 4096;

// -----------------------------------------------------------------------------
// Fields
// -----------------------------------------------------------------------------

const isE164 = (s: string): boolean => {
  // "+" then 2–15 digits, the first not 0 (ITU-T E.164 §6: at most 15 digits, country code first).
  if (s.length < 3 || s.length > 16 || s.charCodeAt(0) !== 0x2b) return false;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return s.charCodeAt(1) !== 0x30;
};

/**
 * A recipient in E.164 international form: `+`, then 2 to 15 digits, the first not `0`
 * (`+37251000000`). No spaces, dashes or leading `00`.
 *
 * @example
 * ```ts
 * import { SmsRequest } from "@septet/core"
 * import { Schema } from "effect"
 *
 * Schema.is(SmsRequest.E164)("+37251000000") // => true
 * Schema.is(SmsRequest.E164)("0037251000000") // => false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const E164 = Schema.String.check(
  Schema.isMaxLength(16),
  Schema.makeFilter(
    (s: string) => isE164(s) || "Expected an E.164 number: + and 2 to 15 digits, the first not 0",
  ),
);

const isHexEven = (s: string): boolean => {
  if (s.length % 2 !== 0) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 0x20;
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
};

/** A user data header, hex encoded: at most 140 octets (a whole TP-UD, 3GPP TS 23.040 §9.2.3.24). */
const Udh = Schema.String.check(
  Schema.isMaxLength(280),
  Schema.makeFilter(
    (s: string) => isHexEven(s) || "Expected hex-encoded octets (an even number of hex digits)",
  ),
);

const PositiveInt = Schema.Number.check(
  Schema.isInt(),
  Schema.isBetween({ minimum: 1, maximum: 2_147_483_647 }),
);

const Setting = Schema.NullOr(Schema.String.check(Schema.isMaxLength(MAX_SETTING_LENGTH)));

/**
 * The SMS entry of `messages`. `sender`, `from` (legacy alias of `sender`) and `autoconvert` are
 * kept as written (string or `null`); `Policy.resolve` decides what they mean. `validity`
 * (minutes) and `ttl` (seconds) exclude each other.
 *
 * @example
 * ```ts
 * import { SmsRequest } from "@septet/core"
 * import { Schema } from "effect"
 *
 * Schema.decodeUnknownSync(SmsRequest.SmsMessage)({ channel: "sms", text: "Hi", sender: null }).sender
 * // => null
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const SmsMessage = Schema.Struct({
  channel: Schema.Literal("sms"),
  text: Schema.String.check(Schema.isMaxLength(MAX_TEXT_LENGTH)),
  sender: Schema.optionalKey(Setting),
  from: Schema.optionalKey(Setting),
  autoconvert: Schema.optionalKey(Setting),
  udh: Schema.optionalKey(Schema.NullOr(Udh)),
  validity: Schema.optionalKey(Schema.NullOr(PositiveInt)),
  ttl: Schema.optionalKey(Schema.NullOr(PositiveInt)),
}).check(
  Schema.makeFilter((m) =>
    m.validity != null && m.ttl != null
      ? { path: ["ttl"], issue: "Only one of validity and ttl can be used" }
      : true,
  ),
);

/**
 * A decoded SMS entry.
 *
 * @category models
 * @since 0.1.0
 */
export type SmsMessage = typeof SmsMessage.Type;

/**
 * The other Omnichannel channels a request may list as fallbacks. Only `channel` is decoded: their
 * content plays no part in an SMS decision.
 *
 * @category schemas
 * @since 0.1.0
 */
export const otherChannels = ["viber", "whatsapp", "telegram", "rcs"] as const;

// One struct per channel, each with a single-literal `channel`: the union then picks the member by
// `channel` and reports only that member's problems.
const Other = otherChannels.map((channel) => Schema.Struct({ channel: Schema.Literal(channel) }));

/**
 * One entry of `messages`: an {@link SmsMessage} or another channel's entry.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Message = Schema.Union([SmsMessage, ...Other]);

/**
 * A decoded entry of `messages`.
 *
 * @category models
 * @since 0.1.0
 */
export type Message = typeof Message.Type;

// The length cap is checked on the raw array before any element is decoded.
const Messages = Schema.Array(Schema.Unknown)
  .check(Schema.isBetweenLength(1, MAX_MESSAGES))
  .pipe(Schema.decodeTo(Schema.Array(Message), SchemaTransformation.passthrough({ strict: false })));

const checkChannels = (messages: ReadonlyArray<Message>) => {
  const seen = new Set<string>();
  const issues: Array<{ path: ReadonlyArray<PropertyKey>; issue: string }> = [];
  messages.forEach((m, i) => {
    if (seen.has(m.channel))
      issues.push({ path: ["messages", i, "channel"], issue: `Duplicate channel ${m.channel}` });
    seen.add(m.channel);
  });
  if (!seen.has("sms")) issues.push({ path: ["messages"], issue: "Expected one message with channel sms" });
  return issues.length === 0 ? true : issues;
};

/**
 * The Omnichannel request: `to` (E.164), `messages` (1 to {@link MAX_MESSAGES} entries, one per
 * channel, exactly one of them `sms`), and the optional `dlr_url` (string or `null`; checked by
 * `Policy.resolve`), `text_store` (`nostore` | `plaintext` | `sha256`), `time_to_send` (ISO 8601,
 * no zone means UTC) and `priority` (`low` | `regular` | `high`). Unknown fields are dropped.
 *
 * Decode untrusted input with {@link decode} / {@link decodeJson} (they add the JSON gate and the
 * caps); use this Schema directly only on values you built yourself.
 *
 * @example
 * ```ts
 * import { SmsRequest } from "@septet/core"
 * import { Schema } from "effect"
 *
 * const request = Schema.decodeUnknownSync(SmsRequest.SmsRequest)({
 *   to: "+37251000000",
 *   messages: [{ channel: "sms", text: "Hello" }],
 * })
 * request.messages.length // => 1
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const SmsRequest = Schema.Struct({
  to: E164,
  messages: Messages,
  dlr_url: Schema.optionalKey(Schema.NullOr(Schema.String.check(Schema.isMaxLength(MAX_URL_FIELD_LENGTH)))),
  text_store: Schema.optionalKey(Schema.NullOr(Schema.Literals(["nostore", "plaintext", "sha256"]))),
  time_to_send: Schema.optionalKey(Schema.NullOr(Timestamp)),
  priority: Schema.optionalKey(Schema.NullOr(Schema.Literals(["low", "regular", "high"]))),
}).check(Schema.makeFilter((r) => checkChannels(r.messages)));

/**
 * A decoded request.
 *
 * @category models
 * @since 0.1.0
 */
export type SmsRequest = typeof SmsRequest.Type;

/**
 * The SMS entry of a decoded request and its index in `messages` (the index names the field in
 * error sources, `payload[messages][1][text]`).
 *
 * @example
 * ```ts
 * import { SmsRequest } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const request = Effect.runSync(SmsRequest.decode({
 *   to: "+37251000000",
 *   messages: [{ channel: "viber" }, { channel: "sms", text: "Hi" }],
 * }))
 * SmsRequest.smsOf(request).index // => 1
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const smsOf = (request: SmsRequest): { readonly message: SmsMessage; readonly index: number } => {
  const index = request.messages.findIndex((m) => m.channel === "sms");
  // The Schema guarantees one; a hand-built request without one gets an empty text.
  const message = request.messages[index];
  return message !== undefined && message.channel === "sms"
    ? { message: message as SmsMessage, index }
    : { message: { channel: "sms", text: "" }, index: 0 };
};

// -----------------------------------------------------------------------------
// Decoding
// -----------------------------------------------------------------------------

/**
 * One problem of a request.
 *
 * @category errors
 * @since 0.1.0
 */
export const RequestIssue = Schema.Struct({
  /** Omnichannel source, `payload[messages][0][text]` (see `Policy.toOmnichannelError`). */
  source: Schema.String,
  /** RFC 6901 JSON Pointer to the same field, `/messages/0/text`. */
  pointer: Schema.String,
  message: Schema.String,
  /** A required field is absent ("106 Missing data"); otherwise the value is wrong ("105"). */
  missing: Schema.Boolean,
});

/**
 * A request that does not decode: every problem at once (at most 50), each naming its field.
 * Input values are never echoed back.
 *
 * @example
 * ```ts
 * import { SmsRequest } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = Effect.runSync(Effect.flip(SmsRequest.decode({ to: "+37251000000", messages: [{ channel: "sms" }] })))
 * error.issues[0]?.source // => "payload[messages][0][text]"
 * error.issues[0]?.missing // => true
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidRequest extends Schema.TaggedError<InvalidRequest>()("InvalidRequest", {
  issues: Schema.Array(RequestIssue),
}) {
  override get message(): string {
    return `Invalid request: ${this.issues.map((i) => `${i.source}: ${i.message}`).join("; ")}`;
  }
}

const decodeSchema = Schema.decodeUnknownResult(SmsRequest, { errors: "all" });

const single = (path: ReadonlyArray<string | number>, message: string) =>
  new InvalidRequest({
    issues: [{ source: toSource(path), pointer: toPointer(path), message, missing: false }],
  });

const fromPlain = (value: unknown): Effect.Effect<SmsRequest, InvalidRequest> => {
  const result = decodeSchema(value);
  if (Result.isSuccess(result)) return Effect.succeed(result.success);
  return Effect.fail(
    new InvalidRequest({
      issues: flatten(result.failure).map((i) => ({
        source: toSource(i.path),
        pointer: toPointer(i.path),
        message: i.message,
        missing: i.missing,
      })),
    }),
  );
};

/**
 * Decodes an untrusted, already parsed request. First a JSON gate ({@link JSON_CAPS}: only own data
 * properties of plain objects and arrays are read, `__proto__` stays an inert key, getters,
 * cycles, functions, `NaN` and deep nesting are refused), then the {@link SmsRequest} Schema with
 * every problem reported. Never throws; the result never shares objects with the input.
 *
 * @example
 * ```ts
 * import { SmsRequest } from "@septet/core"
 * import { Effect } from "effect"
 *
 * Effect.runSync(SmsRequest.decode({ to: "+37251000000", messages: [{ channel: "sms", text: "Hi" }] })).to
 * // => "+37251000000"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const decode = (input: unknown): Effect.Effect<SmsRequest, InvalidRequest> => {
  const plain = toPlainJson(input, JSON_CAPS);
  return plain.ok ? fromPlain(plain.value) : Effect.fail(single(plain.problem.path, plain.problem.message));
};

/**
 * Parses and decodes a raw request body (at most {@link MAX_BODY_LENGTH} characters), as
 * {@link decode}. Invalid JSON is an {@link InvalidRequest} with source `payload`.
 *
 * @example
 * ```ts
 * import { SmsRequest } from "@septet/core"
 * import { Effect } from "effect"
 *
 * Effect.runSync(Effect.flip(SmsRequest.decodeJson("{"))).issues[0]?.message // => "not valid JSON"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const decodeJson = (raw: string): Effect.Effect<SmsRequest, InvalidRequest> => {
  const plain = parsePlainJson(raw, MAX_BODY_LENGTH, JSON_CAPS);
  return plain.ok ? fromPlain(plain.value) : Effect.fail(single(plain.problem.path, plain.problem.message));
};
