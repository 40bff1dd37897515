/**
 * Delivery reports (DLR): the webhook URL check, the callback payload decoder and the
 * `X-Messente-Signature` HMAC that authenticates a callback.
 *
 * - {@link checkUrl}: may a DLR URL be called at all (https, no user info, no special-purpose
 *   IP literal)?
 * - {@link decode}: the callback body, decoded with a Schema.
 * - {@link sign} / {@link verify}: hex HMAC-SHA256 of the raw body, Web Crypto only, so the same
 *   code runs in Node, Deno, Bun, edge runtimes and browsers.
 *
 * @module
 * @since 0.1.0
 */
import { Clock, Duration, Effect, Option, Result, Schema } from "effect";
import * as Allowlist from "./Allowlist.js";
import * as Ip from "./Ip.js";
import {
  bytesOf,
  fromHex,
  hmacSha256,
  hmacSha256Verify,
  importHmacKey,
  toHex,
} from "./internal/dlr/crypto.js";
import { type Checked, checkSecret } from "./internal/dlr/secret.js";
import type * as SpecialPurpose from "./internal/ip/specialPurpose.js";
import { blockOf } from "./internal/ip/specialPurposeMatch.js";
import { type FlatIssue, flatten, toPointer } from "./internal/schema/issues.js";
import { Timestamp as TimestampSchema } from "./internal/schema/timestamp.js";

// -----------------------------------------------------------------------------
// Errors
// -----------------------------------------------------------------------------

/**
 * A delivery-report URL that septet will not call. `reason` says why, in words a key owner can
 * act on; `url` is the input, cut to 200 characters.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = Effect.runSync(Effect.flip(DeliveryReport.checkUrl("http://example.com/dlr")))
 * error.reason // => "the scheme must be https: (http: is not allowed)"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidDlrUrl extends Schema.TaggedError<InvalidDlrUrl>()("InvalidDlrUrl", {
  url: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `Invalid delivery report URL: ${this.reason}`;
  }
}

/**
 * A delivery-report body that does not decode: every problem, each with a JSON Pointer
 * (`/status`) to the offending field. Input values are never echoed.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = Effect.runSync(Effect.flip(DeliveryReport.decode({ status: "LOST" })))
 * error.issues[0]?.pointer // => "/status"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidReport extends Schema.TaggedError<InvalidReport>()("InvalidReport", {
  issues: Schema.Array(Schema.Struct({ pointer: Schema.String, message: Schema.String })),
}) {
  override get message(): string {
    return `Invalid delivery report: ${this.issues.map((i) => `${i.pointer || "/"}: ${i.message}`).join("; ")}`;
  }
}

/**
 * A signature that does not authenticate the body: `"malformed"` when it is not exactly 64 hex
 * digits (the length of a hex HMAC-SHA256), `"mismatch"` when it is well formed but wrong (tampered
 * body, wrong secret).
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = await Effect.runPromise(Effect.flip(DeliveryReport.verify("s3cret", "{}", "zz")))
 * error.reason // => "malformed"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidSignature extends Schema.TaggedError<InvalidSignature>()("InvalidSignature", {
  reason: Schema.Literals(["malformed", "mismatch"]),
}) {
  override get message(): string {
    return this.reason === "malformed"
      ? "X-Messente-Signature is not 64 hexadecimal digits"
      : "X-Messente-Signature does not match the body";
  }
}

/**
 * A signing secret septet refuses, and why: not one of the accepted forms ({@link Secret}),
 * empty (an HMAC keyed with nothing authenticates nothing), a string with a lone surrogate (its
 * UTF-8 bytes would be ambiguous), a `CryptoKey` that is not HMAC SHA-256 or may not be used
 * that way, shorter than the receiver's `minSecretBytes`. `index` is the position of the refused
 * secret when {@link verify} was given a list.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = await Effect.runPromise(Effect.flip(DeliveryReport.sign("", "{}")))
 * error.reason // => "empty"
 * const listed = await Effect.runPromise(Effect.flip(DeliveryReport.verify(["s3cret", null as never], "{}", "0".repeat(64))))
 * listed // => { reason: "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey", index: 1 }
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidSecret extends Schema.TaggedError<InvalidSecret>()("InvalidSecret", {
  reason: Schema.String,
  index: Schema.optionalKey(Schema.Number),
}) {
  override get message(): string {
    return `Invalid signing secret${this.index === undefined ? "" : ` (secrets[${this.index}])`}: ${this.reason}`;
  }
}

/**
 * A body {@link sign} or {@link verify} refuses before hashing: not one of the accepted forms
 * ({@link Body}), or larger than the cap (`maxBodyBytes`, default {@link MAX_SIGNED_BODY_BYTES}).
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = await Effect.runPromise(Effect.flip(DeliveryReport.sign("s3cret", "{}", { maxBodyBytes: 1 })))
 * error.reason // => "larger than 1 bytes (maxBodyBytes)"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidBody extends Schema.TaggedError<InvalidBody>()("InvalidBody", {
  reason: Schema.String,
}) {
  override get message(): string {
    return `Invalid delivery report body: ${this.reason}`;
  }
}

/**
 * An option of {@link sign}, {@link verify} or {@link decode} that is not what it must be (or
 * whose getter threw). `option` names it. Nothing falls back to a default silently.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = Effect.runSync(Effect.flip(DeliveryReport.decode("{}", { maxAge: -1 })))
 * error // => { option: "maxAge", reason: "must be a finite, non-negative duration" }
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidOptions extends Schema.TaggedError<InvalidOptions>()("InvalidOptions", {
  option: Schema.String,
  reason: Schema.String,
}) {
  override get message(): string {
    return `Invalid option ${this.option}: ${this.reason}`;
  }
}

/**
 * A report refused by the replay tolerance of {@link decode} (`maxAge`): its timestamp is more
 * than `maxAge` before the clock (`"too-old"`), more than `maxAge` after it (`"in-the-future"`:
 * clock skew, or a report that would outlive your deduplication window), or it has none
 * (`"no-timestamp"`: its age cannot be bounded). `timestamp` and `now` are ISO 8601.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const old = '{"status":"DELIVRD","timestamp":"2020-02-03T14:16:41"}'
 * const error = Effect.runSync(Effect.flip(DeliveryReport.decode(old, { maxAge: "5 minutes" })))
 * error.reason // => "too-old"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class StaleReport extends Schema.TaggedError<StaleReport>()("StaleReport", {
  reason: Schema.Literals(["too-old", "in-the-future", "no-timestamp"]),
  timestamp: Schema.NullOr(Schema.String),
  now: Schema.String,
  maxAgeMillis: Schema.Number,
}) {
  override get message(): string {
    const tolerance = `${this.maxAgeMillis} ms`;
    if (this.reason === "no-timestamp")
      return "Delivery report has no timestamp, so its age cannot be checked";
    return this.reason === "too-old"
      ? `Delivery report from ${this.timestamp} is older than ${tolerance} at ${this.now} (replay?)`
      : `Delivery report from ${this.timestamp} is more than ${tolerance} ahead of ${this.now}`;
  }
}

/** Reads one option; a throwing getter (or a revoked Proxy) becomes {@link InvalidOptions}. */
const readOption = (options: unknown, option: string): Result.Result<unknown, InvalidOptions> => {
  try {
    return Result.succeed(
      options === undefined || options === null ? undefined : (options as Record<string, unknown>)[option],
    );
  } catch {
    return Result.fail(new InvalidOptions({ option, reason: "could not be read" }));
  }
};

/** A byte count option: absent means `fallback`. */
const countOption = (
  options: unknown,
  option: string,
  fallback: number,
): Result.Result<number, InvalidOptions> =>
  Result.flatMap(readOption(options, option), (value) =>
    value === undefined
      ? Result.succeed(fallback)
      : typeof value === "number" && Number.isSafeInteger(value) && value >= 0
        ? Result.succeed(value)
        : Result.fail(new InvalidOptions({ option, reason: "must be a non-negative safe integer" })),
  );

// -----------------------------------------------------------------------------
// URL check
// -----------------------------------------------------------------------------

/**
 * Longest DLR URL accepted, in UTF-16 code units (checked before parsing). 2048 is what
 * browsers and most gateways reliably carry.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_URL_LENGTH = 2048;

/**
 * What {@link checkUrl} relaxes. Both default to the strict setting. Anything else than the types
 * below (or a getter that throws) refuses every URL with a reason naming the option: a check
 * that guards outgoing requests fails closed.
 *
 * @category models
 * @since 0.1.0
 */
export interface UrlOptions {
  /** Accept `http:` as well as `https:` (tests, private networks). Default `false`. */
  readonly allowHttp?: boolean | undefined;
  /**
   * Special-purpose addresses that may be called anyway, e.g. a list compiled from
   * `["127.0.0.1/32"]` for a test receiver on loopback. Default: none. The loopback names
   * (`localhost`, `*.localhost`) pass when it allows 127.0.0.1 or ::1.
   */
  readonly allowSpecialPurpose?: Allowlist.Allowlist | undefined;
}

const cut = (s: string): string => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

/**
 * The special-purpose block (IANA IPv4 / IPv6 Special-Purpose Address Registries, plus multicast
 * and SIIT) that contains an IP-literal host, or `undefined` when the host is a public address or
 * a DNS name. `hostname` is the WHATWG-parsed hostname (IPv6 in brackets). The matcher is the one
 * `Egress` uses, so the URL check and the connect-time guard refuse the same addresses.
 */
const specialPurposeOf = (hostname: string): SpecialPurpose.SpecialPurposeBlock | undefined => {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const address = Ip.parseAddressOption(host);
  return address._tag === "None" ? undefined : blockOf(address.value);
};

/**
 * Whether a WHATWG-parsed hostname is `localhost` or a name under it, trailing dots included:
 * RFC 6761 §6.3 makes them loopback by definition, whatever DNS says.
 */
const isLoopbackName = (hostname: string): boolean => {
  let end = hostname.length;
  while (end > 0 && hostname[end - 1] === ".") end--;
  const name = hostname.slice(0, end);
  return name === "localhost" || name.endsWith(".localhost");
};

interface ReadUrlOptions {
  readonly allowHttp: boolean;
  readonly allowSpecialPurpose: Allowlist.Allowlist | undefined;
}

/** The options, or the reason they refuse every URL. */
const readUrlOptions = (options: unknown): ReadUrlOptions | string => {
  const allowHttp = readOption(options, "allowHttp");
  if (Result.isFailure(allowHttp)) return "options.allowHttp could not be read";
  if (allowHttp.success !== undefined && typeof allowHttp.success !== "boolean") {
    return "options.allowHttp must be a boolean";
  }
  const allow = readOption(options, "allowSpecialPurpose");
  if (Result.isFailure(allow)) return "options.allowSpecialPurpose could not be read";
  if (allow.success !== undefined && !Allowlist.isAllowlist(allow.success)) {
    return "options.allowSpecialPurpose must be an Allowlist (Allowlist.make)";
  }
  return { allowHttp: allowHttp.success === true, allowSpecialPurpose: allow.success };
};

/**
 * Checks a delivery-report URL before septet (or your service) calls it, and returns the
 * parsed URL.
 *
 * Rules (listed with vectors in the guide `docs/guides/delivery-reports.md`):
 * - a string of at most {@link MAX_URL_LENGTH} characters, an absolute URL per the WHATWG URL
 *   Standard;
 * - scheme `https:` (`http:` only with `allowHttp`); nothing else (`ftp:`, `file:`, `data:`…);
 * - no user info (`https://user:pass@host/`): credentials in a URL end up in logs;
 * - not port 0 (no server listens there; some stacks read it as "any port");
 * - not `localhost` nor a name under it (`api.localhost`, trailing dots too): RFC 6761 §6.3 makes
 *   them loopback names, refused like 127.0.0.1 unless `allowSpecialPurpose` allows 127.0.0.1 or
 *   ::1;
 * - an IP-literal host must not be in a special-purpose block: loopback, private-use, link-local
 *   (incl. the 169.254.169.254 cloud metadata service), CGNAT 100.64.0.0/10, ULA fc00::/7,
 *   unspecified, multicast, documentation, benchmarking, reserved, NAT64, 6to4, Teredo, SIIT's
 *   IPv4-translated `::ffff:0:0:0/96`, and IPv4-mapped IPv6 forms of the IPv4 ones; unless
 *   `allowSpecialPurpose` contains the address.
 *
 * Gotchas:
 * - The check runs on the WHATWG-parsed hostname, so the obfuscated forms the URL parser
 *   normalises are caught: `http://0x7f.1/`, `http://2130706433/` and `http://127.1/` all parse to
 *   host `127.0.0.1`; `http://[::ffff:127.0.0.1]/` to `[::ffff:7f00:1]`; `https://LOCALHOST%2E/`
 *   to `localhost.`.
 * - Other DNS names are not resolved here (a pure check cannot): a name that resolves to a
 *   private address must be refused by your HTTP client at connect time, on every connection.
 * - Never throws: a non-string URL or unusable options give an {@link InvalidDlrUrl}.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * Effect.runSync(DeliveryReport.checkUrl("https://example.com/dlr")).href
 * // => "https://example.com/dlr"
 * Effect.runSync(Effect.flip(DeliveryReport.checkUrl("https://169.254.169.254/latest"))).reason
 * // => "the host 169.254.169.254 is in a special-purpose block: Link Local (includes the 169.254.169.254 metadata service), RFC 3927"
 * Effect.runSync(Effect.flip(DeliveryReport.checkUrl("https://api.localhost/dlr"))).reason
 * // => "api.localhost is a loopback name (RFC 6761 §6.3)"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const checkUrl = (url: string, options?: UrlOptions): Effect.Effect<URL, InvalidDlrUrl> => {
  const fail = (reason: string) =>
    Effect.fail(new InvalidDlrUrl({ url: typeof url === "string" ? cut(url) : "", reason }));
  if (typeof url !== "string") return fail("not a string");
  const read = readUrlOptions(options);
  if (typeof read === "string") return fail(read);
  if (url.length > MAX_URL_LENGTH) return fail(`longer than ${MAX_URL_LENGTH} characters`);
  if (url.length === 0) return fail("empty");
  const parsed = URL.parse(url);
  if (parsed === null) return fail("not an absolute URL");
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && read.allowHttp)) {
    return fail(
      parsed.protocol === "http:"
        ? "the scheme must be https: (http: is not allowed)"
        : `the scheme must be https:, not ${cut(parsed.protocol)}`,
    );
  }
  if (parsed.username !== "" || parsed.password !== "")
    return fail("user info (user:password@) is not allowed");
  if (parsed.hostname === "") return fail("no host");
  if (parsed.port === "0") return fail("port 0 is not a port a server listens on");
  const allowed = (address: string) =>
    read.allowSpecialPurpose !== undefined && Allowlist.allows(read.allowSpecialPurpose, address);
  if (isLoopbackName(parsed.hostname) && !allowed("127.0.0.1") && !allowed("::1")) {
    return fail(`${parsed.hostname} is a loopback name (RFC 6761 §6.3)`);
  }
  const block = specialPurposeOf(parsed.hostname);
  if (block !== undefined) {
    const literal = parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname;
    if (!allowed(literal)) {
      return fail(`the host ${parsed.hostname} is in a special-purpose block: ${block.name}, ${block.rfc}`);
    }
  }
  return Effect.succeed(parsed);
};

// -----------------------------------------------------------------------------
// Payload
// -----------------------------------------------------------------------------

/**
 * Delivery statuses of the Omnichannel callback: `ACK` (accepted by the operator), `DELIVRD`,
 * `UNDELIV`, `FAILED`, `UNKNOWN`, `ACCEPTD`, `REJECTD`, `DELETED`, `EXPIRED`, `NACK`, `SEEN` (read,
 * chat channels).
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 *
 * DeliveryReport.statuses.includes("DELIVRD") // => true
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const statuses = [
  "ACK",
  "DELIVRD",
  "UNDELIV",
  "FAILED",
  "UNKNOWN",
  "ACCEPTD",
  "REJECTD",
  "DELETED",
  "EXPIRED",
  "NACK",
  "SEEN",
] as const;

/**
 * One of {@link statuses}.
 *
 * @category models
 * @since 0.1.0
 */
export type Status = (typeof statuses)[number];

/**
 * Error codes of the callback's `err` field: `0` no error, `1`–`10` Messente's delivery error
 * classes, `999` unknown error.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 *
 * DeliveryReport.errorCodes.at(-1) // => 999
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const errorCodes = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 999] as const;

/**
 * One of {@link errorCodes}.
 *
 * @category models
 * @since 0.1.0
 */
export type ErrorCode = (typeof errorCodes)[number];

/**
 * Longest raw body {@link decode} parses by default, in UTF-16 code units (string fields are
 * capped at 1 024); the `maxBodyLength` option changes it. A real report is a few hundred
 * characters.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_BODY_LENGTH = 65_536;

const MAX_FIELD_LENGTH = 1024;

/**
 * A callback timestamp: ISO 8601 date and time, read as UTC when it carries no zone (Messente
 * sends `2020-02-03T14:16:41.584924` meaning UTC). Decodes to a `Date` (millisecond precision).
 * Years 0000–9999, at most nine fraction digits, offsets below 24 hours; a leap second (`:60`)
 * is invalid (a `Date` has none).
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Schema } from "effect"
 *
 * Schema.decodeUnknownSync(DeliveryReport.Timestamp)("2020-02-03T14:16:41.584924").toISOString()
 * // => "2020-02-03T14:16:41.584Z"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Timestamp = TimestampSchema;

const Text = Schema.String.check(Schema.isMaxLength(MAX_FIELD_LENGTH));

/**
 * The delivery-report callback body. `status`, `err`, `error` and `timestamp` are `null` while
 * the message is in progress; absent ones decode as `null` too. Unknown fields (`price_info`…)
 * are dropped.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Schema } from "effect"
 *
 * Schema.decodeUnknownSync(DeliveryReport.Report)({ status: "DELIVRD", err: 0, message_id: "m1" }).status
 * // => "DELIVRD"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const Report = Schema.Struct({
  status: Schema.NullOr(Schema.Literals(statuses)).pipe(Schema.withDecodingDefaultKey(Effect.succeed(null))),
  err: Schema.NullOr(Schema.Literals(errorCodes)).pipe(Schema.withDecodingDefaultKey(Effect.succeed(null))),
  error: Schema.NullOr(Text).pipe(Schema.withDecodingDefaultKey(Effect.succeed(null))),
  timestamp: Schema.NullOr(Timestamp).pipe(Schema.withDecodingDefaultKey(Effect.succeed(null))),
  message_id: Schema.optionalKey(Text),
  omnimessage_id: Schema.optionalKey(Text),
  channel: Schema.optionalKey(Text),
  to: Schema.optionalKey(Text),
  sender: Schema.optionalKey(Schema.NullOr(Text)),
});

/**
 * A decoded delivery report.
 *
 * @category models
 * @since 0.1.0
 */
export type Report = typeof Report.Type;

const decodeReport = Schema.decodeUnknownResult(Report, { errors: "all" });

const invalid = (issues: ReadonlyArray<FlatIssue>) =>
  new InvalidReport({ issues: issues.map((i) => ({ pointer: toPointer(i.path), message: i.message })) });

/**
 * Options of {@link decode}.
 *
 * @category models
 * @since 0.1.0
 */
export interface DecodeOptions {
  /**
   * Replay tolerance: refuse a report whose `timestamp` is further than this from the clock, in
   * either direction, or that has no timestamp ({@link StaleReport}). A `Duration` input:
   * milliseconds or text like `"5 minutes"`. Default: no check. The clock is Effect's `Clock`
   * service, so a test provides its own (one that gives no finite time is a defect, never a
   * pass). An input `Duration.fromInput` would read as zero without meaning it (`NaN`, `{}`, a
   * field that is not a finite number or not a `DurationObject` field) is {@link InvalidOptions}.
   */
  readonly maxAge?: Duration.Input | undefined;
  /** Longest raw JSON text, in UTF-16 code units (raw bytes: in bytes). Default {@link MAX_BODY_LENGTH}. */
  readonly maxBodyLength?: number | undefined;
}

const invalidAt = (message: string) => invalid([{ path: [], message, missing: false }]);

const UNREADABLE = "could not be read (a getter or proxy trap threw)";

/**
 * The issues of a value Schema could not even read (a getter or a Proxy trap threw): the report
 * fields whose reading throws, or the whole value when no single field is to blame.
 */
const unreadable = (value: unknown): InvalidReport => {
  const fields: Array<FlatIssue> = [];
  for (const key of Object.keys(Report.fields)) {
    try {
      Object.getOwnPropertyDescriptor(value, key);
      void (key in (value as object));
      void (value as Record<string, unknown>)[key];
    } catch {
      fields.push({ path: [key], message: UNREADABLE, missing: false });
    }
  }
  const whole = fields.length === 0 || fields.length === Object.keys(Report.fields).length;
  return invalid(whole ? [{ path: [], message: UNREADABLE, missing: false }] : fields);
};

const decodeValue = (value: unknown): Result.Result<Report, InvalidReport> => {
  try {
    const result = decodeReport(value);
    return Result.isSuccess(result)
      ? Result.succeed(result.success)
      : Result.fail(invalid(flatten(result.failure)));
  } catch {
    return Result.fail(unreadable(value));
  }
};

const DURATION_FIELDS = new Set([
  "weeks",
  "days",
  "hours",
  "minutes",
  "seconds",
  "milliseconds",
  "microseconds",
  "nanoseconds",
]);

/**
 * Whether `Duration.fromInput` reads `value` as what it says. It reads `NaN`, `[NaN, 0]`, `{}`,
 * `{ minutes: NaN }` and `{ millis: 5 }` (an unknown field) as zero; a tolerance nobody asked for
 * is refused instead. Throws on a hostile object (the caller catches).
 */
const isExactDuration = (value: unknown): boolean => {
  if (typeof value === "number") return !Number.isNaN(value);
  if (Array.isArray(value)) return value.length === 2 && value.every((n) => Number.isFinite(n));
  if (typeof value !== "object" || value === null || Duration.isDuration(value)) return true;
  const keys = Object.keys(value);
  return (
    keys.length > 0 &&
    keys.every((key) => {
      const field = (value as Record<string, unknown>)[key];
      return DURATION_FIELDS.has(key) && (field === undefined || Number.isFinite(field));
    })
  );
};

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/**
 * The JSON text of a raw body: a string as it is, bytes (the `Body` forms `verify` takes) as
 * UTF-8 (RFC 8259 §8.1), each within the cap; `undefined` for anything else (a parsed value).
 */
const textOf = (body: unknown, max: number): Result.Result<string | undefined, InvalidReport> => {
  if (typeof body === "string") {
    return body.length > max ? Result.fail(invalidAt(`longer than ${max} characters`)) : Result.succeed(body);
  }
  const read = bytesOf(body, max);
  if (read._tag === "WrongType") return Result.succeed(undefined);
  if (read._tag === "TooLarge") return Result.fail(invalidAt(`longer than ${max} bytes`));
  try {
    return Result.succeed(utf8.decode(read.bytes));
  } catch {
    return Result.fail(invalidAt("not UTF-8"));
  }
};

/**
 * Whether a value that is not text may be a parsed report: primitives and arrays are left to the
 * Schema (which names them), while boxed strings, other typed arrays, maps and dates, which it
 * would read as an object without any field (an empty, "in progress" report), are refused.
 */
const isJsonObjectLike = (value: unknown): boolean => {
  if (typeof value !== "object" || value === null) return true;
  try {
    const tag = Object.prototype.toString.call(value);
    return tag === "[object Object]" || tag === "[object Array]";
  } catch {
    return true; // a revoked Proxy: the Schema's own unreadable path names it
  }
};

const maxAgeOption = (options: unknown): Result.Result<number | undefined, InvalidOptions> =>
  Result.flatMap(readOption(options, "maxAge"), (value) => {
    if (value === undefined) return Result.succeed(undefined);
    let millis: number;
    try {
      const duration = isExactDuration(value) ? Duration.fromInput(value as Duration.Input) : Option.none();
      millis = Option.isSome(duration) ? Duration.toMillis(duration.value) : Number.NaN;
    } catch {
      return Result.fail(new InvalidOptions({ option: "maxAge", reason: "could not be read" }));
    }
    return Number.isFinite(millis) && millis >= 0
      ? Result.succeed(millis)
      : Result.fail(
          new InvalidOptions({ option: "maxAge", reason: "must be a finite, non-negative duration" }),
        );
  });

/**
 * Refuses a report whose timestamp is further than `maxAge` from the clock, or absent. A clock
 * that gives no finite time is a defect: no age can be checked against it, and a report is never
 * accepted unchecked (`NaN` compares false with everything, so a plain `age > maxAge` would pass).
 */
const checkAge = (report: Report, maxAgeMillis: number): Effect.Effect<Report, StaleReport> =>
  Effect.flatMap(Clock.currentTimeMillis, (now) => {
    if (!Number.isFinite(now)) {
      return Effect.die(new RangeError(`DeliveryReport.decode: the Clock gave ${now}, not a time`));
    }
    const stale = (reason: StaleReport["reason"]) =>
      Effect.fail(
        new StaleReport({
          reason,
          timestamp: report.timestamp?.toISOString() ?? null,
          now: new Date(now).toISOString(),
          maxAgeMillis,
        }),
      );
    if (report.timestamp === null) return stale("no-timestamp");
    const age = now - report.timestamp.getTime();
    // Written to fail closed: any comparison with a NaN refuses.
    if (!(age <= maxAgeMillis)) return stale("too-old");
    if (!(-age <= maxAgeMillis)) return stale("in-the-future");
    return Effect.succeed(report);
  });

/**
 * Decodes a callback body: the raw JSON text (at most {@link MAX_BODY_LENGTH} characters
 * unless `maxBodyLength` says otherwise), its raw bytes as {@link verify} takes them (UTF-8, at
 * most that many bytes; invalid UTF-8 is refused), or an already parsed value. Verify the
 * signature on the raw body first ({@link verify}). Any other object (a `String` object, a
 * `Map`, another typed array) is refused rather than read as a report without fields.
 *
 * Every problem is reported at once ({@link InvalidReport}); `__proto__` keys and unknown fields
 * are dropped. Nothing throws: a value whose getters or Proxy traps throw is an
 * {@link InvalidReport} naming the field that could not be read.
 *
 * With `maxAge` (replay tolerance), a report whose `timestamp` is further than that from the
 * clock, or has none, fails with {@link StaleReport}. The signature header carries no timestamp,
 * so this is the only age septet can check: pair it with deduplication by message id and status
 * (the delivery reports guide has the recipe).
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Clock, Effect } from "effect"
 *
 * const raw = '{"status":"DELIVRD","err":0,"timestamp":"2020-02-03T14:16:41"}'
 * const report = Effect.runSync(DeliveryReport.decode(raw))
 * report.timestamp?.toISOString() // => "2020-02-03T14:16:41.000Z"
 *
 * const oneMinuteLater = Date.parse("2020-02-03T14:17:41Z")
 * const clock = { ...Clock.Clock.defaultValue(), currentTimeMillis: Effect.succeed(oneMinuteLater) }
 * const fresh = DeliveryReport.decode(raw, { maxAge: "5 minutes" }).pipe(Effect.provideService(Clock.Clock, clock))
 * Effect.runSync(fresh).status // => "DELIVRD"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export function decode(body: unknown): Effect.Effect<Report, InvalidReport>;
/**
 * Decodes a callback body with options: a replay tolerance (`maxAge`, failing with
 * {@link StaleReport}) and a body length cap (`maxBodyLength`); an unusable option fails with
 * {@link InvalidOptions}. See the one-argument form for the rest.
 *
 * @category parsing
 * @since 0.1.0
 */
export function decode(
  body: unknown,
  options: DecodeOptions | undefined,
): Effect.Effect<Report, InvalidReport | StaleReport | InvalidOptions>;
export function decode(
  body: unknown,
  options?: DecodeOptions,
): Effect.Effect<Report, InvalidReport | StaleReport | InvalidOptions> {
  const maxBodyLength = countOption(options, "maxBodyLength", MAX_BODY_LENGTH);
  if (Result.isFailure(maxBodyLength)) return Effect.fail(maxBodyLength.failure);
  const maxAge = maxAgeOption(options);
  if (Result.isFailure(maxAge)) return Effect.fail(maxAge.failure);
  const text = textOf(body, maxBodyLength.success);
  if (Result.isFailure(text)) return Effect.fail(text.failure);
  let value = body;
  if (text.success !== undefined) {
    try {
      value = JSON.parse(text.success);
    } catch {
      return Effect.fail(invalidAt("not JSON"));
    }
  } else if (!isJsonObjectLike(body)) {
    return Effect.fail(
      invalidAt("not a JSON object: give the raw text, its bytes, or what JSON.parse returned"),
    );
  }
  const decoded = decodeValue(value);
  if (Result.isFailure(decoded)) return Effect.fail(decoded.failure);
  return maxAge.success === undefined
    ? Effect.succeed(decoded.success)
    : checkAge(decoded.success, maxAge.success);
}

// -----------------------------------------------------------------------------
// Signature
// -----------------------------------------------------------------------------

/**
 * The header that carries the signature.
 *
 * @category constants
 * @since 0.1.0
 */
export const SIGNATURE_HEADER = "X-Messente-Signature";

/**
 * Largest body {@link sign} and {@link verify} hash by default, in bytes: 64 KiB, a hundred
 * times a real report, refused before any hashing. The `maxBodyBytes` option changes it.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_SIGNED_BODY_BYTES = 65_536;

/**
 * A signing secret: the API key's password as the provider issued it, in one of these forms.
 *
 * - `string`: its UTF-8 bytes (a string with a lone surrogate is refused: it has no UTF-8 form);
 * - `Uint8Array` (a Node `Buffer` is one): the bytes of its own window of the buffer;
 * - `ArrayBuffer`: all its bytes;
 * - `DataView`: the bytes of its own window (what `crypto.subtle.exportKey("raw", key)` gives,
 *   wrapped);
 * - `CryptoKey`: an HMAC SHA-256 secret key, used as is (it may be non-extractable); `sign` needs
 *   the `"sign"` usage, `verify` `"verify"` or `"sign"`. Importing the key once and passing it
 *   saves the import on every call (the other forms are imported each time: nothing is cached).
 *
 * Anything else (another typed array, `null`, a number, a plain object) and an empty secret are
 * refused with {@link InvalidSecret}. No minimum length is imposed unless you pass
 * `minSecretBytes`.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const bytes = new TextEncoder().encode("[key]")
 * const window = new DataView(bytes.buffer, 1, 3)
 * const byWindow = await Effect.runPromise(DeliveryReport.sign(window, "{}"))
 * byWindow === (await Effect.runPromise(DeliveryReport.sign("key", "{}"))) // => true
 *
 * const refused = await Effect.runPromise(Effect.flip(DeliveryReport.sign(new Uint16Array([1]) as never, "{}")))
 * refused.reason // => "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey"
 * ```
 *
 * @category models
 * @since 0.1.0
 */
export type Secret = string | Uint8Array | ArrayBuffer | DataView | CryptoKey;

/**
 * A body as it is hashed: a string (its UTF-8 bytes), or the raw bytes as a `Uint8Array`
 * (`Buffer`), `ArrayBuffer` or `DataView`. Pass the body exactly as received. A string's lone
 * surrogate is hashed as U+FFFD, the bytes `TextEncoder` and Node's sockets write for it.
 *
 * @category models
 * @since 0.1.0
 */
export type Body = string | Uint8Array | ArrayBuffer | DataView;

/**
 * Options of {@link sign} and {@link verify}.
 *
 * @category models
 * @since 0.1.0
 */
export interface SignatureOptions {
  /** Refuse a secret shorter than this many bytes ({@link InvalidSecret}). Default `0`: any non-empty secret. */
  readonly minSecretBytes?: number | undefined;
  /** Refuse a body larger than this many bytes ({@link InvalidBody}). Default {@link MAX_SIGNED_BODY_BYTES}. */
  readonly maxBodyBytes?: number | undefined;
}

/**
 * What {@link verify} found: the position in the list of secrets of the one that signed the
 * body (`0` when a single secret was given). During a rotation, `secretIndex > 0` says the
 * sender still signs with a previous secret.
 *
 * @category models
 * @since 0.1.0
 */
export interface Verified {
  readonly secretIndex: number;
}

/**
 * Most secrets {@link verify} tries: a rotation needs two or three. Sixteen leaves room and
 * bounds the work one report can cause.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_SECRETS = 16;

interface ReadSignatureOptions {
  readonly minSecretBytes: number;
  readonly maxBodyBytes: number;
}

const signatureOptions = (options: unknown): Result.Result<ReadSignatureOptions, InvalidOptions> =>
  Result.flatMap(countOption(options, "minSecretBytes", 0), (minSecretBytes) =>
    Result.map(countOption(options, "maxBodyBytes", MAX_SIGNED_BODY_BYTES), (maxBodyBytes) => ({
      minSecretBytes,
      maxBodyBytes,
    })),
  );

const bodyBytes = (
  rawBody: unknown,
  maxBodyBytes: number,
): Result.Result<Uint8Array<ArrayBuffer>, InvalidBody> => {
  const read = bytesOf(rawBody, maxBodyBytes);
  switch (read._tag) {
    case "Bytes":
      return Result.succeed(read.bytes);
    case "TooLarge":
      return Result.fail(new InvalidBody({ reason: `larger than ${maxBodyBytes} bytes (maxBodyBytes)` }));
    case "WrongType":
      return Result.fail(new InvalidBody({ reason: "not a string, Uint8Array, ArrayBuffer or DataView" }));
  }
};

/** The one secret {@link sign} takes: a list is refused, not signed with its first entry. */
const oneSecret = (secret: unknown, minSecretBytes: number): Result.Result<Checked, InvalidSecret> => {
  let listed: boolean;
  try {
    listed = Array.isArray(secret);
  } catch {
    listed = false; // a revoked Proxy: checkSecret refuses it as not a secret
  }
  if (listed) return Result.fail(new InvalidSecret({ reason: "sign takes one secret, not a list" }));
  const checked = checkSecret(secret, "sign", minSecretBytes);
  return typeof checked === "string"
    ? Result.fail(new InvalidSecret({ reason: checked }))
    : Result.succeed(checked);
};

/** The secrets of a single secret or a list; `index` in errors only when a list was given. */
const secretList = (
  secrets: unknown,
  minSecretBytes: number,
): Result.Result<ReadonlyArray<Checked>, InvalidSecret> => {
  let items: ReadonlyArray<unknown>;
  let listed: boolean;
  try {
    listed = Array.isArray(secrets);
    if (listed) {
      const list = secrets as ReadonlyArray<unknown>;
      if (list.length === 0) return Result.fail(new InvalidSecret({ reason: "no secret given" }));
      if (list.length > MAX_SECRETS) {
        return Result.fail(new InvalidSecret({ reason: `more than ${MAX_SECRETS} secrets` }));
      }
      items = Array.from({ length: list.length }, (_, i) => list[i]);
    } else items = [secrets];
  } catch {
    return Result.fail(new InvalidSecret({ reason: "the list of secrets could not be read" }));
  }
  const checked: Array<Checked> = [];
  for (const [index, secret] of items.entries()) {
    const result = checkSecret(secret, "verify", minSecretBytes);
    if (typeof result === "string") {
      return Result.fail(new InvalidSecret(listed ? { reason: result, index } : { reason: result }));
    }
    checked.push(result);
  }
  return Result.succeed(checked);
};

const keyOf = (secret: Checked): Effect.Effect<CryptoKey, InvalidSecret> =>
  secret._tag === "Key"
    ? Effect.succeed(secret.key)
    : Effect.tryPromise({
        try: () => importHmacKey(secret.bytes),
        catch: () => new InvalidSecret({ reason: "Web Crypto could not import it as an HMAC key" }),
      });

/**
 * Signs a raw callback body: lowercase hex HMAC-SHA256 (RFC 2104) of the exact bytes sent
 * (strings are UTF-8 encoded), keyed with the API key's secret, for the
 * `X-Messente-Signature` header.
 *
 * Sign the bytes you send, not a re-serialisation: a receiver verifies the raw body. The secret
 * may be any {@link Secret} form; every form of the same bytes gives the same signature (the
 * example signs with the key as a string, bytes, an `ArrayBuffer`, a `DataView` and a
 * `CryptoKey`). A body
 * over {@link MAX_SIGNED_BODY_BYTES} (or `maxBodyBytes`) is refused before hashing. Failures are
 * typed ({@link InvalidSecret}, {@link InvalidBody}, {@link InvalidOptions}); nothing throws.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const body = "The quick brown fox jumps over the lazy dog"
 * await Effect.runPromise(DeliveryReport.sign("key", body))
 * // => "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
 *
 * const bytes = new TextEncoder().encode("key")
 * const key = await crypto.subtle.importKey("raw", bytes, { name: "HMAC", hash: "SHA-256" }, false, ["sign"])
 * const forms = [bytes, bytes.buffer, new DataView(bytes.buffer), key]
 * new Set(await Promise.all(forms.map((secret) => Effect.runPromise(DeliveryReport.sign(secret, body))))).size
 * // => 1
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const sign = (
  secret: Secret,
  rawBody: Body,
  options?: SignatureOptions,
): Effect.Effect<string, InvalidSecret | InvalidBody | InvalidOptions> =>
  Effect.gen(function* () {
    const { minSecretBytes, maxBodyBytes } = yield* Effect.fromResult(signatureOptions(options));
    const checked = yield* Effect.fromResult(oneSecret(secret, minSecretBytes));
    const body = yield* Effect.fromResult(bodyBytes(rawBody, maxBodyBytes));
    const key = yield* keyOf(checked);
    return toHex(yield* Effect.promise(() => hmacSha256(key, body)));
  });

/**
 * Verifies `X-Messente-Signature` against the raw body: succeeds when the signature is the hex
 * HMAC-SHA256 of `rawBody` keyed with the secret, or with one of the secrets when given a list,
 * and says which one ({@link Verified}); fails with {@link InvalidSignature} otherwise.
 *
 * Rotation: give the current secret first and the previous ones after it (at most
 * {@link MAX_SECRETS}). Reports signed with either verify while the sender switches, so a leaked
 * API password can be replaced without a window where real reports are refused; once
 * `secretIndex` stays `0`, drop the old secret.
 *
 * The signature must be exactly 64 hex digits (either case, no whitespace, no `sha256=` prefix);
 * anything else is `"malformed"` before any hashing. The comparison of the digests takes the same
 * time wherever they differ. Secrets are checked before the body and the signature, so a
 * misconfigured secret fails every report with {@link InvalidSecret}, never as a bad signature.
 * A body over {@link MAX_SIGNED_BODY_BYTES} (or `maxBodyBytes`) is {@link InvalidBody}. Nothing
 * throws.
 *
 * A valid signature proves who sent the body, not when: a captured report verifies forever.
 * Bound its age with `decode`'s `maxAge` and deduplicate by message id and status.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const body = '{"status":"DELIVRD"}'
 * const signature = await Effect.runPromise(DeliveryReport.sign("s3cret", body))
 * await Effect.runPromise(DeliveryReport.verify("s3cret", body, signature)) // => { secretIndex: 0 }
 *
 * const byOld = await Effect.runPromise(DeliveryReport.sign("old s3cret", body))
 * await Effect.runPromise(DeliveryReport.verify(["new s3cret", "old s3cret"], body, byOld)) // => { secretIndex: 1 }
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const verify = (
  secrets: Secret | ReadonlyArray<Secret>,
  rawBody: Body,
  signature: string,
  options?: SignatureOptions,
): Effect.Effect<Verified, InvalidSignature | InvalidSecret | InvalidBody | InvalidOptions> =>
  Effect.gen(function* () {
    const { minSecretBytes, maxBodyBytes } = yield* Effect.fromResult(signatureOptions(options));
    const checked = yield* Effect.fromResult(secretList(secrets, minSecretBytes));
    const body = yield* Effect.fromResult(bodyBytes(rawBody, maxBodyBytes));
    const given = typeof signature === "string" ? fromHex(signature, 32) : undefined;
    if (given === undefined) return yield* new InvalidSignature({ reason: "malformed" });
    for (const [secretIndex, secret] of checked.entries()) {
      const key = yield* keyOf(secret);
      if (yield* Effect.promise(() => hmacSha256Verify(key, body, given))) return { secretIndex };
    }
    return yield* new InvalidSignature({ reason: "mismatch" });
  });
