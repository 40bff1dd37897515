/**
 * An SMS API key's settings (see the precedence guide): its JSON config, the
 * Schema that checks it, and the compiled {@link ApiKey} that `Policy.authorize` and
 * `Policy.resolve` read.
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Result, Schema, SchemaTransformation } from "effect";
import * as Allowlist from "./Allowlist.js";
import * as DeliveryReport from "./DeliveryReport.js";
import { type Mode, type Table, TableFromConfig } from "./internal/policy/autoReplace.js";
import { senderProblem } from "./internal/policy/sender.js";
import { flatten, toPointer } from "./internal/schema/issues.js";
import { type JsonCaps, parsePlainJson, toPlainJson } from "./internal/schema/json.js";

// -----------------------------------------------------------------------------
// Caps
// -----------------------------------------------------------------------------

/**
 * Most entries in `senders`: 1 000.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_SENDERS = 1_000;

/**
 * Longest key `name`: 200 characters.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_NAME_LENGTH = 200;

/**
 * Structural caps applied to a config before the Schema sees it: nesting depth 8, 50 000 values
 * (whitelist and replacement-table entries included), strings and keys of at most 4 096 code units.
 * The whitelist and table Schemas apply their own, tighter per-entry caps.
 *
 * @category constants
 * @since 0.1.0
 */
export const JSON_CAPS: JsonCaps = { maxDepth: 8, maxNodes: 50_000, maxString: 4_096 };

/**
 * Longest raw config {@link decodeJson} parses: 1 MiB of text.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_CONFIG_LENGTH = 1_048_576;

// -----------------------------------------------------------------------------
// Fields
// -----------------------------------------------------------------------------

/**
 * A sender ID: numeric (an optional `+`, then 1 to 15 digits) or alphanumeric (1 to 11 characters
 * of the GSM 7-bit default alphabet, an extension character such as `€` counting 2; no control
 * characters, no leading or trailing space).
 *
 * @example
 * ```ts
 * import { ApiKey } from "@septet/core"
 * import { Schema } from "effect"
 *
 * Schema.is(ApiKey.SenderId)("Septet") // => true
 * Schema.is(ApiKey.SenderId)("+37251000000") // => true
 * Schema.is(ApiKey.SenderId)("TooLongSender") // => false
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const SenderId = Schema.String.check(
  Schema.isMaxLength(64),
  Schema.makeFilter((s: string) => {
    const problem = senderProblem(s);
    return problem === undefined ? true : `Expected a sender ID: ${problem}`;
  }),
);

/**
 * The Auto-Replace modes: `"off"` (text unchanged), `"on"` (the key's table), `"full"` (the table,
 * then every non-GSM character to its closest GSM text). Exact lowercase values.
 *
 * @category schemas
 * @since 0.1.0
 */
export const AutoReplace = Schema.Literals(["off", "on", "full"]);

/**
 * Options of {@link decode}: how the key's `dlrUrl` is checked (`DeliveryReport.checkUrl`).
 *
 * @category models
 * @since 0.1.0
 */
export interface DecodeOptions {
  readonly dlr?: DeliveryReport.UrlOptions | undefined;
}

const dlrUrlField = (options: DecodeOptions | undefined) =>
  Schema.String.check(
    Schema.isMaxLength(DeliveryReport.MAX_URL_LENGTH),
    Schema.makeFilter((s: string) => {
      const checked = Effect.runSync(Effect.result(DeliveryReport.checkUrl(s, options?.dlr)));
      return Result.isSuccess(checked) ? true : `Expected a delivery report URL: ${checked.failure.reason}`;
    }),
  );

/**
 * The Schema of a key config for given URL options: `name` required; `ipWhitelist` (JSON array of
 * addresses / CIDR ranges, compiled by `Allowlist`; absent means empty, which denies everyone);
 * `defaultSender`, `autoReplace`, `replacementTable`, `dlrUrl` and `senders` optional, `null`
 * meaning the same as absent. Unknown fields are dropped.
 *
 * @example
 * ```ts
 * import { ApiKey } from "@septet/core"
 * import { Schema } from "effect"
 *
 * const Config = ApiKey.configSchema({ dlr: { allowHttp: true } })
 * Schema.decodeUnknownSync(Config)({ name: "k", dlrUrl: "http://example.com/dlr" }).dlrUrl
 * // => "http://example.com/dlr"
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const configSchema = (options?: DecodeOptions) =>
  Schema.Struct({
    name: Schema.String.check(Schema.isMinLength(1), Schema.isMaxLength(MAX_NAME_LENGTH)),
    ipWhitelist: Schema.optionalKey(Schema.NullOr(Allowlist.FromConfig)),
    defaultSender: Schema.optionalKey(Schema.NullOr(SenderId)),
    autoReplace: Schema.optionalKey(Schema.NullOr(AutoReplace)),
    replacementTable: Schema.optionalKey(Schema.NullOr(TableFromConfig)),
    dlrUrl: Schema.optionalKey(Schema.NullOr(dlrUrlField(options))),
    senders: Schema.optionalKey(
      Schema.NullOr(
        Schema.Array(Schema.Unknown)
          .check(Schema.isMaxLength(MAX_SENDERS))
          .pipe(Schema.decodeTo(Schema.Array(SenderId), SchemaTransformation.passthrough({ strict: false }))),
      ),
    ),
  });

/**
 * The default (strict) config Schema: `https:` DLR URLs on public hosts only.
 *
 * @category schemas
 * @since 0.1.0
 */
export const Config = configSchema();

/**
 * A key config as decoded by {@link Config} (before `null`s are normalised).
 *
 * @category models
 * @since 0.1.0
 */
export type Config = typeof Config.Type;

/**
 * A compiled API key. Unset settings are `undefined` (never `null`, never `""`).
 *
 * @category models
 * @since 0.1.0
 */
export interface ApiKey {
  readonly name: string;
  /** The compiled whitelist; an empty one denies every address. */
  readonly ipWhitelist: Allowlist.Allowlist;
  readonly defaultSender: string | undefined;
  readonly autoReplace: Mode | undefined;
  readonly replacementTable: Table | undefined;
  /** The normalised URL (`URL.href`). */
  readonly dlrUrl: string | undefined;
  /**
   * The activated sender IDs; `undefined`: not checked. Fail closed like the whitelist: an empty
   * list refuses every sender.
   */
  readonly senders: ReadonlyArray<string> | undefined;
}

const emptyWhitelist = (): Allowlist.Allowlist => Effect.runSync(Allowlist.make([]));

/**
 * The {@link ApiKey} of a decoded config: `null`s become `undefined`, an absent whitelist becomes
 * the empty (deny-all) list, the DLR URL is normalised.
 *
 * @example
 * ```ts
 * import { ApiKey } from "@septet/core"
 * import { Schema } from "effect"
 *
 * ApiKey.fromConfig(Schema.decodeUnknownSync(ApiKey.Config)({ name: "k", defaultSender: null })).defaultSender
 * // => undefined
 * ```
 *
 * @category conversions
 * @since 0.1.0
 */
export const fromConfig = (config: Config): ApiKey => ({
  name: config.name,
  ipWhitelist: config.ipWhitelist ?? emptyWhitelist(),
  defaultSender: config.defaultSender ?? undefined,
  autoReplace: config.autoReplace ?? undefined,
  replacementTable: config.replacementTable ?? undefined,
  dlrUrl: config.dlrUrl == null ? undefined : new URL(config.dlrUrl).href,
  senders: config.senders ?? undefined,
});

// -----------------------------------------------------------------------------
// Decoding
// -----------------------------------------------------------------------------

/**
 * A key config that does not decode: every problem at once (at most 50), each with the JSON
 * Pointer of its field (`/ipWhitelist/2`, `/defaultSender`).
 *
 * @example
 * ```ts
 * import { ApiKey } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const error = Effect.runSync(Effect.flip(ApiKey.decode({ name: "", autoReplace: "ON" })))
 * error.issues.map((i) => i.pointer) // => ["/name", "/autoReplace"]
 * ```
 *
 * @category errors
 * @since 0.1.0
 */
export class InvalidApiKey extends Schema.TaggedError<InvalidApiKey>()("InvalidApiKey", {
  issues: Schema.Array(Schema.Struct({ pointer: Schema.String, message: Schema.String })),
}) {
  override get message(): string {
    return `Invalid API key config: ${this.issues.map((i) => `${i.pointer || "/"}: ${i.message}`).join("; ")}`;
  }
}

const decoders = new WeakMap<DecodeOptions, (u: unknown) => Result.Result<Config, Schema.SchemaError>>();
const strictDecoder = Schema.decodeUnknownResult(Config, { errors: "all" });

const decoderFor = (options: DecodeOptions | undefined) => {
  // Anything but an options object (null, a number) gets the strict defaults: nothing is relaxed.
  if (typeof options !== "object" || options === null) return strictDecoder;
  let decoder = decoders.get(options);
  if (decoder === undefined) {
    decoder = Schema.decodeUnknownResult(configSchema(options), { errors: "all" });
    decoders.set(options, decoder);
  }
  return decoder;
};

const fromPlain = (
  value: unknown,
  options: DecodeOptions | undefined,
): Effect.Effect<ApiKey, InvalidApiKey> => {
  const result = decoderFor(options)(value);
  if (Result.isSuccess(result)) return Effect.succeed(fromConfig(result.success));
  return Effect.fail(
    new InvalidApiKey({
      issues: flatten(result.failure).map((i) => ({ pointer: toPointer(i.path), message: i.message })),
    }),
  );
};

/**
 * Decodes an untrusted key config (already parsed JSON) into an {@link ApiKey}, reporting every
 * problem at once. The same JSON gate as requests runs first ({@link JSON_CAPS}; `__proto__` keys
 * are inert, inherited properties are never read). Never throws.
 *
 * @example
 * ```ts
 * import { ApiKey } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const key = Effect.runSync(ApiKey.decode({ name: "shop", ipWhitelist: ["203.0.113.0/24"], defaultSender: "Shop" }))
 * key.defaultSender // => "Shop"
 * key.autoReplace // => undefined
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const decode = (input: unknown, options?: DecodeOptions): Effect.Effect<ApiKey, InvalidApiKey> => {
  const plain = toPlainJson(input, JSON_CAPS);
  return plain.ok
    ? fromPlain(plain.value, options)
    : Effect.fail(
        new InvalidApiKey({
          issues: [{ pointer: toPointer(plain.problem.path), message: plain.problem.message }],
        }),
      );
};

/**
 * Parses and decodes a raw key config (at most {@link MAX_CONFIG_LENGTH} characters), as
 * {@link decode}.
 *
 * @example
 * ```ts
 * import { ApiKey } from "@septet/core"
 * import { Effect } from "effect"
 *
 * Effect.runSync(ApiKey.decodeJson('{"name":"shop"}')).name // => "shop"
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const decodeJson = (raw: string, options?: DecodeOptions): Effect.Effect<ApiKey, InvalidApiKey> => {
  const plain = parsePlainJson(raw, MAX_CONFIG_LENGTH, JSON_CAPS);
  return plain.ok
    ? fromPlain(plain.value, options)
    : Effect.fail(
        new InvalidApiKey({
          issues: [{ pointer: toPointer(plain.problem.path), message: plain.problem.message }],
        }),
      );
};
