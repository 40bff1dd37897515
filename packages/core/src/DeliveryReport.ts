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
import { Effect, Result, Schema } from "effect";
import * as Allowlist from "./Allowlist.js";
import * as Ip from "./Ip.js";
import { constantTimeEqual, fromHex, hmacSha256, toBytes, toHex } from "./internal/dlrCrypto.js";
import * as SpecialPurpose from "./internal/dlrSpecialPurpose.js";
import { Timestamp as TimestampSchema } from "./internal/dlrTimestamp.js";
import { type FlatIssue, flatten, toPointer } from "./internal/policyIssues.js";

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
 * A signing secret septet refuses: empty (an HMAC keyed with nothing authenticates nothing).
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = await Effect.runPromise(Effect.flip(DeliveryReport.sign("", "{}")))
 * error._tag // => "InvalidSecret"
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidSecret extends Schema.TaggedError<InvalidSecret>()("InvalidSecret", {
  reason: Schema.String,
}) {
  override get message(): string {
    return `Invalid signing secret: ${this.reason}`;
  }
}

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
 * What {@link checkUrl} relaxes. Both default to the strict setting.
 *
 * @category models
 * @since 0.1.0
 */
export interface UrlOptions {
  /** Accept `http:` as well as `https:` (tests, private networks). Default `false`. */
  readonly allowHttp?: boolean | undefined;
  /**
   * Special-purpose addresses that may be called anyway, e.g. a list compiled from
   * `["127.0.0.1/32"]` for a test receiver on loopback. Default: none.
   */
  readonly allowSpecialPurpose?: Allowlist.Allowlist | undefined;
}

const cut = (s: string): string => (s.length > 200 ? `${s.slice(0, 200)}…` : s);

interface Compiled {
  /** Every block in one list: one lookup for the common case (a public host). */
  readonly any: Allowlist.Allowlist;
  /** One list per block, consulted only to name the block that matched. */
  readonly each: ReadonlyArray<readonly [SpecialPurpose.SpecialPurposeBlock, Allowlist.Allowlist]>;
}

let compiled: Compiled | undefined;

/** The registry blocks compiled with `Allowlist`, built on first use. */
const specialPurposeBlocks = (): Compiled => {
  if (compiled === undefined) {
    compiled = {
      any: Effect.runSync(Allowlist.make(SpecialPurpose.all.map((block) => block.cidr))),
      each: SpecialPurpose.all.map((block) => [block, Effect.runSync(Allowlist.make([block.cidr]))] as const),
    };
  }
  return compiled;
};

/**
 * The special-purpose block (IANA IPv4 / IPv6 Special-Purpose Address Registries, plus multicast)
 * that contains an IP-literal host, or `undefined` when the host is a public address or a DNS name.
 * `hostname` is the WHATWG-parsed hostname (IPv6 in brackets).
 */
const specialPurposeOf = (hostname: string): SpecialPurpose.SpecialPurposeBlock | undefined => {
  const host = hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
  const address = Ip.parseAddressOption(host);
  if (address._tag === "None") return undefined;
  const blocks = specialPurposeBlocks();
  if (!Allowlist.allows(blocks.any, address.value)) return undefined;
  for (const [block, list] of blocks.each) {
    if (Allowlist.allows(list, address.value)) return block;
  }
  return undefined;
};

/**
 * Checks a delivery-report URL before septet (or your service) calls it, and returns the
 * parsed URL.
 *
 * Rules (PRODUCT.md, "Delivery reports"):
 * - at most {@link MAX_URL_LENGTH} characters, an absolute URL per the WHATWG URL Standard;
 * - scheme `https:` (`http:` only with `allowHttp`); nothing else (`ftp:`, `file:`, `data:`…);
 * - no user info (`https://user:pass@host/`): credentials in a URL end up in logs;
 * - an IP-literal host must not be in a special-purpose block: loopback, private-use, link-local
 *   (incl. the 169.254.169.254 cloud metadata service), CGNAT 100.64.0.0/10, ULA fc00::/7,
 *   unspecified, multicast, documentation, benchmarking, reserved, NAT64, 6to4, Teredo, and
 *   IPv4-mapped IPv6 forms of the IPv4 ones; unless `allowSpecialPurpose` contains the address.
 *
 * Gotchas:
 * - The check runs on the WHATWG-parsed hostname, so the obfuscated forms the URL parser
 *   normalises are caught: `http://0x7f.1/`, `http://2130706433/` and `http://127.1/` all parse to
 *   host `127.0.0.1`; `http://[::ffff:127.0.0.1]/` to `[::ffff:7f00:1]`.
 * - DNS names are not resolved here (a pure check cannot): a name that resolves to a private
 *   address must be refused by your HTTP client at connect time.
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
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const checkUrl = (url: string, options?: UrlOptions): Effect.Effect<URL, InvalidDlrUrl> => {
  const fail = (reason: string) => Effect.fail(new InvalidDlrUrl({ url: cut(url), reason }));
  if (url.length > MAX_URL_LENGTH) return fail(`longer than ${MAX_URL_LENGTH} characters`);
  if (url.length === 0) return fail("empty");
  const parsed = URL.parse(url);
  if (parsed === null) return fail("not an absolute URL");
  if (parsed.protocol !== "https:" && !(parsed.protocol === "http:" && options?.allowHttp === true)) {
    return fail(
      parsed.protocol === "http:"
        ? "the scheme must be https: (http: is not allowed)"
        : `the scheme must be https:, not ${cut(parsed.protocol)}`,
    );
  }
  if (parsed.username !== "" || parsed.password !== "")
    return fail("user info (user:password@) is not allowed");
  if (parsed.hostname === "") return fail("no host");
  const block = specialPurposeOf(parsed.hostname);
  if (block !== undefined) {
    const allowed =
      options?.allowSpecialPurpose !== undefined &&
      Allowlist.allows(
        options.allowSpecialPurpose,
        parsed.hostname.startsWith("[") ? parsed.hostname.slice(1, -1) : parsed.hostname,
      );
    if (!allowed) {
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
 * Longest raw body {@link decode} parses, in UTF-16 code units (string fields are capped at 1 024).
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_BODY_LENGTH = 65_536;

const MAX_FIELD_LENGTH = 1024;

/**
 * A callback timestamp: ISO 8601 date and time, read as UTC when it carries no zone (Messente
 * sends `2020-02-03T14:16:41.584924` meaning UTC). Decodes to a `Date` (millisecond precision).
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
 * Decodes a callback body: either the raw JSON text (at most {@link MAX_BODY_LENGTH} characters)
 * or an already parsed value. Verify the signature on the raw text first ({@link verify}).
 *
 * Every problem is reported at once ({@link InvalidReport}); `__proto__` keys and unknown fields
 * are dropped; nothing throws.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const report = Effect.runSync(DeliveryReport.decode('{"status":"DELIVRD","err":0,"timestamp":"2020-02-03T14:16:41"}'))
 * report.timestamp?.toISOString() // => "2020-02-03T14:16:41.000Z"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const decode = (body: unknown): Effect.Effect<Report, InvalidReport> => {
  let value = body;
  if (typeof body === "string") {
    if (body.length > MAX_BODY_LENGTH) {
      return Effect.fail(
        invalid([{ path: [], message: `longer than ${MAX_BODY_LENGTH} characters`, missing: false }]),
      );
    }
    try {
      value = JSON.parse(body);
    } catch {
      return Effect.fail(invalid([{ path: [], message: "not JSON", missing: false }]));
    }
  }
  const result = decodeReport(value);
  return Result.isSuccess(result)
    ? Effect.succeed(result.success)
    : Effect.fail(invalid(flatten(result.failure)));
};

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

const keyBytes = (secret: string | Uint8Array): Effect.Effect<Uint8Array<ArrayBuffer>, InvalidSecret> => {
  const bytes = toBytes(secret);
  return bytes.length === 0 ? Effect.fail(new InvalidSecret({ reason: "empty" })) : Effect.succeed(bytes);
};

/**
 * Signs a raw callback body: lowercase hex HMAC-SHA256 (RFC 2104) of the exact bytes sent
 * (strings are UTF-8 encoded), keyed with the API key's secret, for the
 * `X-Messente-Signature` header.
 *
 * Sign the bytes you send, not a re-serialisation: a receiver verifies the raw body.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * await Effect.runPromise(DeliveryReport.sign("key", "The quick brown fox jumps over the lazy dog"))
 * // => "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8"
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const sign = (
  secret: string | Uint8Array,
  rawBody: string | Uint8Array,
): Effect.Effect<string, InvalidSecret> =>
  Effect.flatMap(keyBytes(secret), (key) =>
    Effect.promise(() => hmacSha256(key, toBytes(rawBody))).pipe(Effect.map(toHex)),
  );

/**
 * Verifies `X-Messente-Signature` against the raw body: succeeds when the signature is the hex
 * HMAC-SHA256 of `rawBody` keyed with `secret`, fails with {@link InvalidSignature} otherwise.
 *
 * The signature must be exactly 64 hex digits (either case, no whitespace, no `sha256=` prefix);
 * anything else is `"malformed"` before any hashing. The comparison of the digests takes the same
 * time wherever they differ.
 *
 * @example
 * ```ts
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const signature = await Effect.runPromise(DeliveryReport.sign("s3cret", '{"status":"DELIVRD"}'))
 * await Effect.runPromise(DeliveryReport.verify("s3cret", '{"status":"DELIVRD"}', signature)) // => undefined
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const verify = (
  secret: string | Uint8Array,
  rawBody: string | Uint8Array,
  signature: string,
): Effect.Effect<void, InvalidSignature | InvalidSecret> =>
  Effect.gen(function* () {
    const key = yield* keyBytes(secret);
    const given = typeof signature === "string" ? fromHex(signature, 32) : undefined;
    if (given === undefined) return yield* new InvalidSignature({ reason: "malformed" });
    const expected = yield* Effect.promise(() => hmacSha256(key, toBytes(rawBody)));
    if (!constantTimeEqual(expected, given)) return yield* new InvalidSignature({ reason: "mismatch" });
  });
