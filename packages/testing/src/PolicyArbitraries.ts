/**
 * fast-check arbitraries for the policy: sender IDs, Auto-Replace modes, DLR URLs, API key
 * configs, Omnichannel requests (valid, with each overridable field in every state), and hostile
 * JSON for fuzzing decoders.
 *
 * @module
 * @since 0.1.0
 */
import * as fc from "fast-check";

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyzÄÖÑÜäöñüàèéùìòÅåÆæßÉ";
const DIGITS = "0123456789";

/**
 * A valid alphanumeric sender ID: 1 to 11 GSM characters (letters, digits, `-`, `.`), at least
 * one letter, no space at either end.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * fc.sample(PolicyArbitraries.alphanumericSender(), 1)[0]!.length <= 11 // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const alphanumericSender = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.constantFrom(...LETTERS),
      fc.array(fc.constantFrom(...`${LETTERS}${DIGITS}-.`), { maxLength: 10 }),
      fc.nat(),
    )
    .map(([letter, rest, at]) => {
      const chars = [...rest];
      chars.splice(at % (chars.length + 1), 0, letter);
      return chars.join("");
    });

/**
 * A valid numeric sender ID: an optional `+`, then 1 to 15 digits.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * fc.sample(PolicyArbitraries.numericSender(), 50).every((s) => /^\+?[0-9]{1,15}$/.test(s)) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const numericSender = (): fc.Arbitrary<string> =>
  fc
    .tuple(fc.boolean(), fc.array(fc.constantFrom(...DIGITS), { minLength: 1, maxLength: 15 }))
    .map(([plus, digits]) => `${plus ? "+" : ""}${digits.join("")}`);

/**
 * A valid sender ID (alphanumeric or numeric).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 * import { ApiKey } from "@septet/core"
 * import { Schema } from "effect"
 *
 * fc.sample(PolicyArbitraries.sender(), 50).every(Schema.is(ApiKey.SenderId)) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const sender = (): fc.Arbitrary<string> => fc.oneof(alphanumericSender(), numericSender());

/**
 * A non-empty sender ID that the policy refuses: too long, a non-GSM character, a control
 * character, a leading space, or no letter and not all digits.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 * import { ApiKey } from "@septet/core"
 * import { Schema } from "effect"
 *
 * fc.sample(PolicyArbitraries.invalidSender(), 50).some(Schema.is(ApiKey.SenderId)) // => false
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const invalidSender = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.array(fc.constantFrom(...LETTERS), { minLength: 12, maxLength: 20 }).map((cs) => cs.join("")),
    fc.array(fc.constantFrom(...DIGITS), { minLength: 16, maxLength: 30 }).map((cs) => cs.join("")),
    alphanumericSender().map((s) => `${s.slice(0, 9)}😀`),
    alphanumericSender().map((s) => `${s.slice(0, 9)}\n`),
    alphanumericSender().map((s) => ` ${s.slice(0, 9)}`),
    fc.constantFrom("+", "-", "12-34", "...", "+-1"),
  );

/**
 * An Auto-Replace mode.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * fc.sample(PolicyArbitraries.mode(), 20).every((m) => ["off", "on", "full"].includes(m)) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const mode = (): fc.Arbitrary<"off" | "on" | "full"> => fc.constantFrom("off", "on", "full");

/**
 * A non-empty `autoconvert` value that is not exactly a mode (`"ON"`, `" on"`, `"auto"`…).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * fc.sample(PolicyArbitraries.invalidMode(), 50).some((m) => ["off", "on", "full"].includes(m)) // => false
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const invalidMode = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom("ON", "Off", "FULL", " on", "on ", "true", "auto", "0"),
    fc.string({ minLength: 1, maxLength: 10 }).filter((s) => s !== "off" && s !== "on" && s !== "full"),
  );

/**
 * A DLR URL accepted by the strict check: `https:` on a DNS name.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * fc.sample(PolicyArbitraries.dlrUrl(), 20).every((u) => u.startsWith("https://")) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const dlrUrl = (): fc.Arbitrary<string> =>
  fc
    .tuple(
      fc.array(fc.stringMatching(/^[a-z][a-z0-9]{0,10}$/), { minLength: 1, maxLength: 3 }),
      fc.constantFrom("com", "ee", "org", "example"),
      fc.stringMatching(/^[a-z0-9/]{0,20}$/),
    )
    .map(([labels, tld, path]) => `https://${labels.join(".")}.${tld}/${path}`);

/**
 * A non-empty DLR URL the strict check refuses: `http:`, user info, special-purpose IP hosts,
 * other schemes, relative references.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 * import { DeliveryReport } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const accepted = (u: string) => Effect.runSync(Effect.result(DeliveryReport.checkUrl(u)))._tag === "Success"
 * fc.sample(PolicyArbitraries.invalidDlrUrl(), 30).some(accepted) // => false
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const invalidDlrUrl = (): fc.Arbitrary<string> =>
  fc.oneof(
    dlrUrl().map((u) => u.replace("https:", "http:")),
    dlrUrl().map((u) => u.replace("https://", "https://user:pw@")),
    fc.constantFrom(
      "https://127.0.0.1/",
      "https://0x7f.1/",
      "https://169.254.169.254/",
      "https://10.0.0.1/",
      "https://[::1]/",
      "https://[::ffff:127.0.0.1]/",
      "https://[fd00::1]/",
      "ftp://example.com/",
      "/dlr",
      "not a url",
    ),
  );

/**
 * How a request writes an overridable field: absent (`undefined`), `null`, `""`, a valid value or
 * an invalid one, with the state named.
 *
 * @category models
 * @since 0.1.0
 */
export type FieldState<A> =
  | { readonly state: "absent"; readonly value: undefined }
  | { readonly state: "null"; readonly value: null }
  | { readonly state: "empty"; readonly value: "" }
  | { readonly state: "valid"; readonly value: A }
  | { readonly state: "invalid"; readonly value: string };

/**
 * A field in any of the five states, valid and invalid values drawn from the given arbitraries.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * const states = fc.sample(PolicyArbitraries.fieldState(PolicyArbitraries.mode(), PolicyArbitraries.invalidMode()), { seed: 1, numRuns: 200 })
 * new Set(states.map((s) => s.state)).size // => 5
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const fieldState = <A extends string>(
  valid: fc.Arbitrary<A>,
  invalid: fc.Arbitrary<string>,
): fc.Arbitrary<FieldState<A>> =>
  fc.oneof(
    fc.constant({ state: "absent" as const, value: undefined }),
    fc.constant({ state: "null" as const, value: null }),
    fc.constant({ state: "empty" as const, value: "" as const }),
    valid.map((value) => ({ state: "valid" as const, value })),
    invalid.map((value) => ({ state: "invalid" as const, value })),
  );

/**
 * A request with every overridable field in a random state, and the states used.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * const [sample] = fc.sample(PolicyArbitraries.requestWithStates(), { seed: 7, numRuns: 1 })
 * Array.isArray(sample?.json.messages) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const requestWithStates = (): fc.Arbitrary<{
  readonly json: Record<string, unknown>;
  readonly sender: FieldState<string>;
  readonly autoconvert: FieldState<"off" | "on" | "full">;
  readonly dlrUrl: FieldState<string>;
}> =>
  fc
    .record({
      to: fc.stringMatching(/^\+[1-9][0-9]{6,13}$/),
      text: fc.string({ maxLength: 200 }),
      sender: fieldState(sender(), invalidSender()),
      autoconvert: fieldState(mode(), invalidMode()),
      dlrUrl: fieldState(dlrUrl(), invalidDlrUrl()),
    })
    .map(({ to, text, sender, autoconvert, dlrUrl }) => {
      const sms: Record<string, unknown> = { channel: "sms", text };
      if (sender.state !== "absent") sms.sender = sender.value;
      if (autoconvert.state !== "absent") sms.autoconvert = autoconvert.value;
      const json: Record<string, unknown> = { to, messages: [sms] };
      if (dlrUrl.state !== "absent") json.dlr_url = dlrUrl.value;
      return { json, sender, autoconvert, dlrUrl };
    });

/**
 * A valid key config: optional settings each set or unset, an empty or small whitelist.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 * import { ApiKey } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const decodes = (c: unknown) => Effect.runSync(Effect.result(ApiKey.decode(c)))._tag === "Success"
 * fc.sample(PolicyArbitraries.keyConfig(), 20).every(decodes) // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const keyConfig = (): fc.Arbitrary<Record<string, unknown>> =>
  fc
    .record(
      {
        name: fc.string({ minLength: 1, maxLength: 30 }),
        ipWhitelist: fc.array(fc.ipV4(), { maxLength: 4 }),
        defaultSender: sender(),
        autoReplace: mode(),
        dlrUrl: dlrUrl(),
      },
      { requiredKeys: ["name"] },
    )
    .map((config) => ({ ...config }));

/**
 * Objects with hostile keys: `__proto__` (as an own key, the way `JSON.parse` makes it),
 * `constructor` and `prototype`, at the top and inside `messages`.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * const [value] = fc.sample(PolicyArbitraries.protoKeyed(), { seed: 3, numRuns: 1 })
 * typeof value // => "object"
 * Object.hasOwn(Object.prototype, "polluted") // => false
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const protoKeyed = (): fc.Arbitrary<unknown> =>
  fc
    .tuple(fc.jsonValue(), fc.constantFrom("__proto__", "constructor", "prototype"), fc.boolean())
    .map(([payload, key, nested]) => {
      const hostile = `{"${key}":${JSON.stringify(payload) ?? "null"}}`;
      const inner = `{"channel":"sms","text":"hi","${key}":{"sender":"EVIL","polluted":true}}`;
      return JSON.parse(
        nested
          ? `{"to":"+37251000000","messages":[${inner}],"${key}":{"polluted":true}}`
          : `{"to":"+37251000000","messages":[{"channel":"sms","text":"hi"}],"x":${hostile}}`,
      );
    });

/**
 * JSON nested `depth` levels deep (arrays or objects), for depth caps.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 *
 * PolicyArbitraries.deeplyNested(2) // => { x: ["bottom"] }
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const deeplyNested = (depth: number): unknown => {
  let value: unknown = "bottom";
  for (let i = 0; i < depth; i++) value = i % 2 === 0 ? [value] : { x: value };
  return value;
};

/**
 * Anything a hostile or buggy client may send: any JSON value, any JS value (fast-check
 * `anything`), requests with hostile keys, requests with a field of the wrong type, huge strings.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 * import { SmsRequest } from "@septet/core"
 * import { Effect } from "effect"
 *
 * // Decoding never throws: every sample succeeds or fails with a typed error.
 * const tags = fc.sample(PolicyArbitraries.hostileRequest(), { seed: 5, numRuns: 30 })
 *   .map((r) => Effect.runSync(Effect.result(SmsRequest.decode(r)))._tag)
 * tags.every((t) => t === "Success" || t === "Failure") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const hostileRequest = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.jsonValue(),
    fc.anything({ withNullPrototype: true, withObjectString: true, withBoxedValues: true, withMap: true }),
    protoKeyed(),
    fc
      .tuple(
        fc.constantFrom("to", "messages", "dlr_url", "text_store", "time_to_send", "priority"),
        fc.anything(),
      )
      .map(([key, value]) => ({
        to: "+37251000000",
        messages: [{ channel: "sms", text: "hi" }],
        [key]: value,
      })),
    fc
      .tuple(
        fc.constantFrom("text", "sender", "from", "autoconvert", "udh", "validity", "ttl", "channel"),
        fc.anything(),
      )
      .map(([key, value]) => ({
        to: "+37251000000",
        messages: [{ channel: "sms", text: "hi", [key]: value }],
      })),
    fc.nat({ max: 40 }).map((depth) => ({
      to: "+37251000000",
      messages: [{ channel: "sms", text: "hi" }],
      x: deeplyNested(depth),
    })),
    fc.constantFrom(
      { to: "+37251000000", messages: [{ channel: "sms", text: "a".repeat(200_000) }] },
      { to: "+37251000000", messages: Array.from({ length: 5000 }, () => ({ channel: "sms", text: "hi" })) },
    ),
  );

/**
 * Anything as a key config: any JSON, any JS value, configs with hostile keys or wrong types.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { PolicyArbitraries } from "@septet/testing"
 * import { ApiKey } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const tags = fc.sample(PolicyArbitraries.hostileConfig(), { seed: 5, numRuns: 30 })
 *   .map((c) => Effect.runSync(Effect.result(ApiKey.decode(c)))._tag)
 * tags.every((t) => t === "Success" || t === "Failure") // => true
 * ```
 *
 * @category arbitraries
 * @since 0.1.0
 */
export const hostileConfig = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.jsonValue(),
    fc.anything({ withNullPrototype: true, withBoxedValues: true }),
    fc
      .tuple(
        fc.constantFrom(
          "name",
          "ipWhitelist",
          "defaultSender",
          "autoReplace",
          "replacementTable",
          "dlrUrl",
          "senders",
        ),
        fc.oneof(fc.jsonValue(), fc.anything()),
      )
      .map(([key, value]) => ({ name: "k", [key]: value })),
    fc
      .constantFrom("__proto__", "constructor")
      .map((key) => JSON.parse(`{"name":"k","${key}":{"defaultSender":"EVIL"}}`)),
  );
