/**
 * Precedence of one overridable setting: request value, else key value, else built-in default.
 * Pure and total; the meaning of absent / `null` / `""` is decided here once for all three
 * settings (see `Policy.precedence` for the table).
 *
 * @internal
 */

/** Where a resolved value came from. */
export type Provenance = "request" | "apiKey" | "default";

/** How a request field was written. */
export type Presence = "absent" | "null" | "empty" | "value";

/** The presence of a decoded request field (`undefined` = key absent). */
export const presenceOf = (value: string | null | undefined): Presence =>
  value === undefined ? "absent" : value === null ? "null" : value === "" ? "empty" : "value";

/** The outcome of one setting. */
export type Outcome<A> =
  | { readonly _tag: "Resolved"; readonly value: A; readonly provenance: Provenance }
  | { readonly _tag: "Invalid"; readonly from: "request" | "apiKey"; readonly reason: string }
  | { readonly _tag: "Missing" };

/** A check that turns a raw string into the setting's value, or says why not. */
export type Check<A> = (
  raw: string,
) => { readonly ok: true; readonly value: A } | { readonly ok: false; readonly reason: string };

/**
 * Resolves one setting.
 *
 * - request absent or `null`: not given; the key decides, else the default;
 * - request `""`: given and invalid (an empty sender, mode or URL is never meant: refusing it
 *   surfaces the client bug instead of silently sending with the key's value);
 * - request string: checked; valid wins with provenance "request", invalid is an error even when
 *   the key has a value (no silent fallback);
 * - key value: checked too (a key built by hand may hold anything); provenance "apiKey";
 * - neither: `fallback` (provenance "default"), or Missing when the setting has no default.
 */
export const resolveSetting = <A>(
  requestValue: string | null | undefined,
  keyValue: string | undefined,
  check: Check<A>,
  fallback: { readonly value: A } | undefined,
): Outcome<A> => {
  const presence = presenceOf(requestValue);
  if (presence === "empty") return { _tag: "Invalid", from: "request", reason: "empty" };
  if (presence === "value") {
    const checked = check(requestValue!);
    return checked.ok
      ? { _tag: "Resolved", value: checked.value, provenance: "request" }
      : { _tag: "Invalid", from: "request", reason: checked.reason };
  }
  if (keyValue !== undefined) {
    const checked = check(keyValue);
    return checked.ok
      ? { _tag: "Resolved", value: checked.value, provenance: "apiKey" }
      : { _tag: "Invalid", from: "apiKey", reason: checked.reason };
  }
  return fallback === undefined
    ? { _tag: "Missing" }
    : { _tag: "Resolved", value: fallback.value, provenance: "default" };
};
