/**
 * The API key settings page as data: everything a page where a key owner edits a key config
 * (name, IP whitelist, Default Sender, Auto-Replace, Delivery Report webhook) must show, computed
 * by the modules that enforce those settings, so the page explains exactly what is enforced.
 *
 * - {@link review}: every issue of a config, per field (and per whitelist entry or table row),
 *   the whitelist explanation, the replacement table rows and the "what a request changes" table.
 * - {@link explainWhitelist}: each entry's enforced form (`123.123.123.1/24` → `123.123.123.0/24`,
 *   host bits cleared), IPv4-mapped entries as their IPv4 rule, entries already covered by another,
 *   duplicates, and a summary in words (how many IPv4 and IPv6 addresses are allowed).
 * - {@link testAddress}: whether one client address may use the key, and which entry matched.
 * - {@link requestCases}: `Policy.resolve` run for a request with and without `sender`,
 *   `autoconvert` and `dlr_url`: what applies and where it came from.
 * - {@link exampleCallback}: a delivery report signed with `DeliveryReport.sign`, to test the
 *   receiving end.
 *
 * Gotchas: {@link review} is the page's view, one rule stricter than `ApiKey.decode`: a
 * `defaultSender` outside the key's `senders` is an issue here (every request without a sender
 * would be refused with it), while `ApiKey.decode` accepts it. Everything else is refused by
 * both. Nothing here throws; English sentences come with typed fields so a page can word them
 * itself.
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Result } from "effect";
import * as Allowlist from "./Allowlist.js";
import * as ApiKey from "./ApiKey.js";
import * as DeliveryReport from "./DeliveryReport.js";
import * as Ip from "./Ip.js";
import { senderProblem } from "./internal/policy/sender.js";
import { toPointer } from "./internal/schema/issues.js";
import { toPlainJson } from "./internal/schema/json.js";
import * as Policy from "./Policy.js";
import * as Replacement from "./Replacement.js";
import * as SmsRequest from "./SmsRequest.js";

// -----------------------------------------------------------------------------
// Issues
// -----------------------------------------------------------------------------

/**
 * A field of the settings page. `"config"` is the config as a whole (not an object, too large).
 *
 * @category models
 * @since 0.1.0
 */
export type Field =
  | "name"
  | "ipWhitelist"
  | "defaultSender"
  | "autoReplace"
  | "replacementTable"
  | "dlrUrl"
  | "senders"
  | "config";

/**
 * One problem of a key config: its field, the whitelist entry / table row / sender it is about
 * (`index`, else `undefined`), the JSON Pointer into the config and an English message that
 * quotes the input.
 *
 * @category models
 * @since 0.1.0
 */
export interface Issue {
  readonly field: Field;
  readonly index: number | undefined;
  readonly pointer: string;
  readonly message: string;
}

const issue = (field: Field, message: string, index?: number): Issue => ({
  field,
  index,
  pointer: field === "config" ? "" : index === undefined ? `/${field}` : `/${field}/${index}`,
  message,
});

const quote = (s: string): string => JSON.stringify(s.length > 64 ? `${s.slice(0, 64)}…` : s);

// -----------------------------------------------------------------------------
// Whitelist
// -----------------------------------------------------------------------------

/**
 * Longest whitelist text {@link splitWhitelist} reads: 1 MiB, as a whole key config.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_WHITELIST_TEXT = ApiKey.MAX_CONFIG_LENGTH;

const isSeparator = (c: string): boolean =>
  c === "\n" || c === "\r" || c === "\t" || c === " " || c === "," || c === ";";

/**
 * Splits whitelist text as a person types or pastes it into entries: one entry per line, or a
 * list separated by commas, semicolons, spaces or tabs; a pasted JSON array of strings is read as
 * such. Empty pieces are dropped; nothing else is changed (an entry keeps its exact text so an
 * error can quote it). Text over {@link MAX_WHITELIST_TEXT} gives one entry that `Allowlist`
 * refuses as too long. Linear time.
 *
 * @example
 * ```ts
 * import { KeySettings } from "@septet/core"
 *
 * KeySettings.splitWhitelist("123.123.123.123\n234.234.234.234, 10.0.0.0/8") // => ["123.123.123.123", "234.234.234.234", "10.0.0.0/8"]
 * KeySettings.splitWhitelist('["::1", "127.0.0.1"]') // => ["::1", "127.0.0.1"]
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const splitWhitelist = (text: string): ReadonlyArray<string> => {
  if (typeof text !== "string") return [];
  if (text.length > MAX_WHITELIST_TEXT) return [text.slice(0, 65)];
  const trimmed = text.trim();
  if (trimmed.startsWith("[")) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed) && parsed.every((e) => typeof e === "string")) {
        return parsed.filter((e) => e.length > 0);
      }
    } catch {
      // Not JSON: read as a list like any other text.
    }
  }
  const out: Array<string> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || isSeparator(text[i]!)) {
      if (i > start) out.push(text.slice(start, i));
      start = i + 1;
    }
  }
  return out;
};

/**
 * A remark on a valid whitelist entry:
 * - `hostBitsCleared`: the entry had host bits set; `enforced` has them cleared;
 * - `ipv4Mapped`: an IPv4-mapped IPv6 entry, enforced as its IPv4 rule;
 * - `duplicate`: an earlier entry (`of`) is enforced the same; the two are merged;
 * - `coveredBy`: another entry (`by`, enforced as `canonical`) already contains this one.
 *
 * @category models
 * @since 0.1.0
 */
export type EntryNote =
  | { readonly kind: "hostBitsCleared" }
  | { readonly kind: "ipv4Mapped"; readonly ipv4: string }
  | { readonly kind: "duplicate"; readonly of: number }
  | { readonly kind: "coveredBy"; readonly by: number; readonly canonical: string };

/**
 * One whitelist entry as the page explains it. A valid entry has its `rule` (`Allowlist.rules`)
 * and `enforced` form; an invalid one its `reason` (the `Allowlist` reason). `explanation` is the
 * English sentence for either, quoting the entry.
 *
 * @category models
 * @since 0.1.0
 */
export interface WhitelistEntry {
  readonly index: number;
  readonly input: string;
  readonly rule: Allowlist.Rule | undefined;
  readonly enforced: string | undefined;
  readonly reason: string | undefined;
  readonly notes: ReadonlyArray<EntryNote>;
  readonly explanation: string;
}

/**
 * What the valid entries allow, counted over the merged ranges (`Allowlist.ranges`): `ipv4` and
 * `ipv6` are exact address counts (`2n ** 32n` is every IPv4 client). `empty` is true when no
 * valid entry is left, so no one can use the key. `invalid` counts the entries not taken into
 * account. `text` says it in words.
 *
 * @category models
 * @since 0.1.0
 */
export interface WhitelistSummary {
  readonly ipv4: bigint;
  readonly ipv6: bigint;
  readonly empty: boolean;
  readonly invalid: number;
  readonly text: string;
}

/**
 * The whitelist as the page explains it: every entry, the compiled list of the valid entries
 * (the list the key enforces once the invalid ones are fixed), and the summary.
 *
 * @category models
 * @since 0.1.0
 */
export interface WhitelistReport {
  readonly entries: ReadonlyArray<WhitelistEntry>;
  readonly list: Allowlist.Allowlist;
  readonly summary: WhitelistSummary;
}

const IPV4_ALL = 2n ** 32n;
const IPV6_ALL = 2n ** 128n;

const toBigInt = (text: string): bigint => {
  const parsed = Ip.parseAddressResult(text);
  if (Result.isFailure(parsed)) return 0n;
  let n = 0n;
  for (const byte of Ip.toBytes(parsed.success)) n = (n << 8n) | BigInt(byte);
  return n;
};

const count = (n: bigint, family: string): string => {
  const all = family === "IPv4" ? IPV4_ALL : IPV6_ALL;
  if (n === all) return `every ${family} client`;
  if (n === 0n) return `no ${family} client`;
  return `${n.toLocaleString("en")} ${family} ${n === 1n ? "address" : "addresses"}`;
};

const summarize = (list: Allowlist.Allowlist, valid: number, invalid: number): WhitelistSummary => {
  let ipv4 = 0n;
  let ipv6 = 0n;
  for (const range of Allowlist.ranges(list)) {
    const size = toBigInt(range.last) - toBigInt(range.first) + 1n;
    if (range.family === 4) ipv4 += size;
    else ipv6 += size;
  }
  const empty = valid === 0;
  const skipped =
    invalid === 0
      ? ""
      : ` ${invalid} invalid ${invalid === 1 ? "entry is" : "entries are"} not counted; the key cannot be saved until ${invalid === 1 ? "it is" : "they are"} fixed.`;
  const text = empty
    ? `No one can use this key: the whitelist has no valid entry.${skipped}`
    : `Allowed: ${count(ipv4, "IPv4")}; ${count(ipv6, "IPv6")}.${skipped}`;
  return { ipv4, ipv6, empty, invalid, text };
};

/** The canonical text of the range of `rule`'s address at a shorter prefix. */
const widened = (rule: Allowlist.Rule, prefix: number): string | undefined => {
  const parsed = Ip.parseCidrResult(`${Ip.format(rule.cidr.address)}/${prefix}`);
  return Result.isSuccess(parsed) ? parsed.success.canonical : undefined;
};

const explain = (
  input: string,
  enforced: string,
  notes: ReadonlyArray<EntryNote>,
  entries: ReadonlyArray<string>,
) => {
  const parts: Array<string> = [];
  for (const note of notes) {
    switch (note.kind) {
      case "hostBitsCleared":
        parts.push("host bits cleared");
        break;
      case "ipv4Mapped":
        parts.push(`IPv4-mapped, enforced as the IPv4 rule ${note.ipv4}`);
        break;
      case "duplicate":
        parts.push(`duplicate of entry ${note.of + 1} (${quote(entries[note.of]!)}), merged`);
        break;
      case "coveredBy":
        parts.push(`already covered by ${note.canonical} (entry ${note.by + 1})`);
        break;
    }
  }
  return `${quote(input)}: enforced as ${enforced}${parts.length > 0 ? ` (${parts.join("; ")})` : ""}.`;
};

/**
 * Explains whitelist entries: each one checked on its own with `Allowlist` (so every bad entry
 * has its reason, quoted), the enforced form of each valid one (`Allowlist.rules`), entries that
 * duplicate or sit inside another, and the {@link WhitelistSummary}. Linear in the number of
 * entries (one lookup per distinct prefix length in use, at most 129, for each). Never throws.
 *
 * @example
 * ```ts
 * import { KeySettings } from "@septet/core"
 *
 * const report = KeySettings.explainWhitelist(["123.123.123.1/24", "123.123.123.123", "10.0.0.1/33"])
 * report.entries.map((e) => e.explanation)
 * // => ['"123.123.123.1/24": enforced as 123.123.123.0/24 (host bits cleared).', '"123.123.123.123": enforced as 123.123.123.123/32 (already covered by 123.123.123.0/24 (entry 1)).', '"10.0.0.1/33": prefix length out of range: at most 32.']
 * report.summary.text
 * // => "Allowed: 256 IPv4 addresses; no IPv6 client. 1 invalid entry is not counted; the key cannot be saved until it is fixed."
 * KeySettings.explainWhitelist(["0.0.0.0/0"]).summary.text // => "Allowed: every IPv4 client; no IPv6 client."
 * KeySettings.explainWhitelist([]).summary.text // => "No one can use this key: the whitelist has no valid entry."
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const explainWhitelist = (entries: ReadonlyArray<string>): WhitelistReport => {
  const list: ReadonlyArray<string> = Array.isArray(entries) ? entries : [];
  const firstByCanonical = new Map<string, number>();
  const rules: Array<Allowlist.Rule | string> = list.map((entry) => {
    if (typeof entry !== "string") return "not text";
    const made = Allowlist.makeResult([entry]);
    if (Result.isFailure(made)) return made.failure.entries[0]?.reason ?? "invalid entry";
    return Allowlist.rules(made.success)[0] ?? "invalid entry";
  });
  // The prefix lengths in use, per family: an entry can only be covered by a range of one of them.
  const prefixes = { 4: new Set<number>(), 6: new Set<number>() };
  rules.forEach((rule, index) => {
    if (typeof rule === "string") return;
    if (!firstByCanonical.has(rule.canonical)) firstByCanonical.set(rule.canonical, index);
    prefixes[rule.cidr.family].add(rule.cidr.prefix);
  });
  const sortedPrefixes = {
    4: [...prefixes[4]].sort((a, b) => a - b),
    6: [...prefixes[6]].sort((a, b) => a - b),
  };
  const valid: Array<string> = [];
  const out = rules.map((rule, index): WhitelistEntry => {
    const input = typeof list[index] === "string" ? list[index] : String(list[index]);
    if (typeof rule === "string") {
      return {
        index,
        input,
        rule: undefined,
        enforced: undefined,
        reason: rule,
        notes: [],
        explanation: `${quote(input)}: ${rule}.`,
      };
    }
    valid.push(input);
    const notes: Array<EntryNote> = [];
    if (rule.hostBitsMasked) notes.push({ kind: "hostBitsCleared" });
    if (rule.unmapped) notes.push({ kind: "ipv4Mapped", ipv4: rule.canonical });
    const first = firstByCanonical.get(rule.canonical)!;
    if (first !== index) notes.push({ kind: "duplicate", of: first });
    // The widest other entry containing this one: the same address at a shorter prefix.
    for (const prefix of sortedPrefixes[rule.cidr.family]) {
      if (prefix >= rule.cidr.prefix) break;
      const canonical = widened(rule, prefix);
      const by = canonical === undefined ? undefined : firstByCanonical.get(canonical);
      if (by !== undefined && canonical !== undefined) {
        notes.push({ kind: "coveredBy", by, canonical });
        break;
      }
    }
    return {
      index,
      input,
      rule,
      enforced: rule.canonical,
      reason: undefined,
      notes,
      explanation: explain(input, rule.canonical, notes, list),
    };
  });
  const compiled = Allowlist.makeResult(valid);
  const allowlist = Result.isSuccess(compiled) ? compiled.success : Effect.runSync(Allowlist.make([]));
  return {
    entries: out,
    list: allowlist,
    summary: summarize(allowlist, valid.length, out.length - valid.length),
  };
};

/**
 * The answer of {@link testAddress}: whether the client may use the key (`Allowlist.allows` on
 * the valid entries), the first entry (in input order) that matched, the IPv4 address a mapped
 * client was matched as, the reason an address does not parse, and the answer in words.
 *
 * @category models
 * @since 0.1.0
 */
export interface AddressTest {
  readonly address: string;
  readonly allowed: boolean;
  readonly matched: WhitelistEntry | undefined;
  readonly matchedAs: string | undefined;
  readonly reason: string | undefined;
  readonly explanation: string;
}

/**
 * Tests one client address against a {@link WhitelistReport}: allowed exactly when
 * `Allowlist.allows(report.list, address)` is; the matching entry is the first valid entry whose
 * own range holds the address. An IPv4-mapped client (`::ffff:1.2.3.4`) is matched as its IPv4
 * address, as the gateway does. Never throws.
 *
 * @example
 * ```ts
 * import { KeySettings } from "@septet/core"
 *
 * const report = KeySettings.explainWhitelist(["123.123.123.1/24", "0.0.0.0/0"])
 * KeySettings.testAddress(report, "123.123.123.7").explanation
 * // => '"123.123.123.7" is allowed: entry 1 ("123.123.123.1/24", enforced as 123.123.123.0/24).'
 * KeySettings.testAddress(report, "2001:db8::1").explanation
 * // => '"2001:db8::1" is denied: no entry covers it (IPv4 entries never match an IPv6 client).'
 * KeySettings.testAddress(report, "1.2.3.04").allowed // => false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const testAddress = (report: WhitelistReport, address: string): AddressTest => {
  const text = typeof address === "string" ? address : String(address);
  const parsed = Ip.parseAddressResult(text);
  if (Result.isFailure(parsed)) {
    const reason = parsed.failure.reason;
    return {
      address: text,
      allowed: false,
      matched: undefined,
      matchedAs: undefined,
      reason,
      explanation: `${quote(text)} is denied: it is not an IP address (${reason}).`,
    };
  }
  const mapped = Ip.isIPv4Mapped(parsed.success);
  const matchedAs = mapped ? Ip.format(Ip.unmap(parsed.success)) : undefined;
  const allowed = Allowlist.allows(report.list, parsed.success);
  const matched = allowed
    ? report.entries.find((entry) => {
        if (entry.enforced === undefined) return false;
        const one = Allowlist.makeResult([entry.enforced]);
        return Result.isSuccess(one) && Allowlist.allows(one.success, parsed.success);
      })
    : undefined;
  const as = matchedAs === undefined ? "" : ` as IPv4 ${matchedAs}`;
  const family = mapped || parsed.success.family === 4 ? 4 : 6;
  const otherFamilyOnly =
    report.entries.some((e) => e.rule !== undefined) &&
    report.entries.every((e) => e.rule === undefined || e.rule.cidr.family !== family);
  const explanation = report.summary.empty
    ? `${quote(text)} is denied: the whitelist has no valid entry, so no one can use this key.`
    : allowed && matched !== undefined
      ? `${quote(text)} is allowed${as}: entry ${matched.index + 1} (${quote(matched.input)}, enforced as ${matched.enforced}).`
      : `${quote(text)} is denied${as}: no entry covers it${otherFamilyOnly ? ` (IPv${family === 4 ? 6 : 4} entries never match an IPv${family} client)` : ""}.`;
  return { address: text, allowed, matched, matchedAs, reason: undefined, explanation };
};

// -----------------------------------------------------------------------------
// Replacement table
// -----------------------------------------------------------------------------

/**
 * One row of the replacement table editor: `from` → `to`, with every `Replacement.makeTable`
 * issue about it.
 *
 * @category models
 * @since 0.1.0
 */
export interface TableRow {
  readonly index: number;
  readonly from: string;
  readonly to: string;
  readonly issues: ReadonlyArray<string>;
}

/**
 * The table editor's rows, read from a config's `replacementTable` (an object `{ from: to }` or
 * `[from, to]` pairs), each with its `Replacement.makeTable` issues; `issues` holds the ones
 * about the table as a whole. `table` is the validated table when there is no issue.
 *
 * @category models
 * @since 0.1.0
 */
export interface TableReport {
  readonly rows: ReadonlyArray<TableRow>;
  readonly issues: ReadonlyArray<string>;
  readonly table: Replacement.Table | undefined;
}

const cellText = (u: unknown): string => (typeof u === "string" ? u : (JSON.stringify(u) ?? String(u)));

/**
 * Checks a replacement table as the editor shows it: one row per entry, every
 * `Replacement.makeTable` issue on its row (`[from, to]` pairs by index, object entries by key).
 * Never throws.
 *
 * @example
 * ```ts
 * import { KeySettings } from "@septet/core"
 *
 * const report = KeySettings.explainTable([["„", "\""], ["", "x"]])
 * report.rows.map((r) => r.issues) // => [[], ["key is empty"]]
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const explainTable = (input: unknown): TableReport => {
  if (input === undefined || input === null) return { rows: [], issues: [], table: undefined };
  const pairs: Array<readonly [unknown, unknown]> = Array.isArray(input)
    ? input.map((pair) => (Array.isArray(pair) ? [pair[0], pair[1]] : [pair, undefined]))
    : typeof input === "object"
      ? Object.entries(input)
      : [];
  const keys = Array.isArray(input) || typeof input !== "object" ? [] : Object.keys(input);
  const made = Replacement.makeTable(input);
  const perRow = pairs.map((): Array<string> => []);
  const whole: Array<string> = [];
  if (made._tag === "InvalidTable") {
    for (const i of made.issues) {
      const at = i.path[0];
      const row = typeof at === "number" ? at : typeof at === "string" ? keys.indexOf(at) : -1;
      if (row >= 0 && row < perRow.length) perRow[row]!.push(i.reason);
      else whole.push(i.reason);
    }
  }
  return {
    rows: pairs.map(([from, to], index) => ({
      index,
      from: cellText(from),
      to: to === undefined ? "" : cellText(to),
      issues: perRow[index]!,
    })),
    issues: whole,
    table: made._tag === "Table" ? made : undefined,
  };
};

// -----------------------------------------------------------------------------
// What a request changes
// -----------------------------------------------------------------------------

/**
 * One row of the "what a request changes" table: a setting, a request without or with its field
 * (`requestValue`), the request sent to `Policy.resolve`, and the outcome: the value that
 * applies with its provenance and field, or the Omnichannel error the request gets.
 *
 * @category models
 * @since 0.1.0
 */
export interface RequestCase {
  readonly setting: "sender" | "autoReplace" | "dlrUrl";
  readonly requestField: "sender" | "autoconvert" | "dlr_url";
  readonly given: boolean;
  readonly requestValue: string | undefined;
  /** The Omnichannel request body that was resolved. */
  readonly request: unknown;
  readonly outcome:
    | {
        readonly _tag: "Applies";
        readonly value: string | null;
        readonly provenance: Policy.Provenance;
        readonly field: string | null;
      }
    | { readonly _tag: "Refused"; readonly error: Policy.OmnichannelError };
  readonly explanation: string;
}

/** The recipient of the example requests and callback: any E.164 number does. */
const EXAMPLE_TO = "+37251000000";
const EXAMPLE_DLR_URL = "https://example.com/dlr";

const describeProvenance = (p: Policy.Provenance, field: string | null): string =>
  p === "request"
    ? `from the request (${field})`
    : p === "apiKey"
      ? `from the key (${field})`
      : "the built-in default";

const resolveSync = (
  key: ApiKey.ApiKey,
  body: unknown,
  options: Policy.ResolveOptions | undefined,
): Result.Result<Policy.Resolution, Policy.OmnichannelError> => {
  try {
    const result = Effect.runSync(
      Effect.result(
        Effect.flatMap(SmsRequest.decode(body), (request) => Policy.resolve(key, request, options)),
      ),
    );
    return Result.isSuccess(result)
      ? Result.succeed(result.success)
      : Result.fail(Policy.toOmnichannelError(result.failure));
  } catch {
    return Result.fail({
      title: "Invalid data",
      detail: "could not be resolved",
      code: "105",
      source: "payload",
    });
  }
};

/**
 * The "what a request changes" table: `Policy.resolve` run on the key for a request without and
 * with each overridable field (`sender`, `autoconvert`, `dlr_url`), each row isolating one field
 * (the other rows' requests carry a sender the key accepts, so a missing Default Sender shows only
 * on the sender row). The example values: a sender from the key's `senders` other than its
 * default (else `"Promo"`), the Auto-Replace mode that differs from the key's effective one, and
 * `https://example.com/dlr`. Never throws.
 *
 * @example
 * ```ts
 * import { ApiKey, KeySettings } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const key = Effect.runSync(ApiKey.decode({ name: "shop", defaultSender: "Shop" }))
 * KeySettings.requestCases(key).map((c) => c.explanation)
 * // => ['Without sender: "Shop" applies, from the key (apiKey[defaultSender]).', 'With sender "Promo": "Promo" applies, from the request (payload[messages][0][sender]).', 'Without autoconvert: "on" applies, the built-in default.', 'With autoconvert "full": "full" applies, from the request (payload[messages][0][autoconvert]).', "Without dlr_url: no delivery report, the built-in default.", 'With dlr_url "https://example.com/dlr": "https://example.com/dlr" applies, from the request (payload[dlr_url]).']
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const requestCases = (
  key: ApiKey.ApiKey,
  options?: Policy.ResolveOptions,
): ReadonlyArray<RequestCase> => {
  const senders = key.senders;
  const withSender =
    senders === undefined ? "Promo" : (senders.find((s) => s !== key.defaultSender) ?? senders[0] ?? "Promo");
  const workingSender = key.defaultSender ?? senders?.[0] ?? withSender;
  const effectiveMode = key.autoReplace ?? "on";
  const withMode = effectiveMode === "full" ? "off" : "full";
  const message = (extra: Record<string, string>) => ({ channel: "sms", text: "Hello", ...extra });
  const cases: Array<{
    setting: RequestCase["setting"];
    requestField: RequestCase["requestField"];
    value: string | undefined;
    body: unknown;
  }> = [
    {
      setting: "sender",
      requestField: "sender",
      value: undefined,
      body: { to: EXAMPLE_TO, messages: [message({})] },
    },
    {
      setting: "sender",
      requestField: "sender",
      value: withSender,
      body: { to: EXAMPLE_TO, messages: [message({ sender: withSender })] },
    },
    {
      setting: "autoReplace",
      requestField: "autoconvert",
      value: undefined,
      body: { to: EXAMPLE_TO, messages: [message({ sender: workingSender })] },
    },
    {
      setting: "autoReplace",
      requestField: "autoconvert",
      value: withMode,
      body: { to: EXAMPLE_TO, messages: [message({ sender: workingSender, autoconvert: withMode })] },
    },
    {
      setting: "dlrUrl",
      requestField: "dlr_url",
      value: undefined,
      body: { to: EXAMPLE_TO, messages: [message({ sender: workingSender })] },
    },
    {
      setting: "dlrUrl",
      requestField: "dlr_url",
      value: EXAMPLE_DLR_URL,
      body: { to: EXAMPLE_TO, messages: [message({ sender: workingSender })], dlr_url: EXAMPLE_DLR_URL },
    },
  ];
  return cases.map(({ setting, requestField, value, body }): RequestCase => {
    const head = value === undefined ? `Without ${requestField}` : `With ${requestField} ${quote(value)}`;
    const resolved = resolveSync(key, body, options);
    const request = { setting, requestField, given: value !== undefined, requestValue: value, request: body };
    if (Result.isFailure(resolved)) {
      const error = resolved.failure;
      return {
        ...request,
        outcome: { _tag: "Refused", error },
        explanation: `${head}: refused with error ${error.code} ${error.title} (${error.source}): ${error.detail}.`,
      };
    }
    const r = resolved.success[setting];
    const shown = r.value === null ? "no delivery report" : `${quote(r.value)} applies`;
    return {
      ...request,
      outcome: { _tag: "Applies", value: r.value, provenance: r.provenance, field: r.field },
      explanation: `${head}: ${shown}, ${describeProvenance(r.provenance, r.field)}.`,
    };
  });
};

// -----------------------------------------------------------------------------
// Example callback
// -----------------------------------------------------------------------------

/**
 * An example signed delivery report: the exact `body`, its `signature` and the headers the
 * receiver gets (`X-Messente-Signature` is `DeliveryReport.SIGNATURE_HEADER`).
 *
 * @category models
 * @since 0.1.0
 */
export interface SignedCallback {
  readonly body: string;
  readonly signature: string;
  readonly headers: { readonly "Content-Type": "application/json"; readonly "X-Messente-Signature": string };
}

/**
 * A delivery report as the key's webhook would receive it, signed with `DeliveryReport.sign` for
 * a test secret, so the key owner can check the receiving end. The body is fixed (a `DELIVRD`
 * report for message `example-message-id` at `2026-01-01T12:00:00.000000`, UTC) apart from the
 * sender; a receiver with a replay window (`maxAge`) refuses it as stale, as it should.
 *
 * @example
 * ```ts
 * import { KeySettings } from "@septet/core"
 * import { Effect } from "effect"
 *
 * const callback = await Effect.runPromise(KeySettings.exampleCallback("test-secret", "Shop"))
 * callback.body
 * // => '{"message_id":"example-message-id","to":"+37251000000","channel":"sms","sender":"Shop","status":"DELIVRD","err":0,"error":null,"timestamp":"2026-01-01T12:00:00.000000"}'
 * callback.headers["X-Messente-Signature"].length // => 64
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const exampleCallback = (
  secret: DeliveryReport.Secret,
  sender?: string,
): Effect.Effect<
  SignedCallback,
  DeliveryReport.InvalidSecret | DeliveryReport.InvalidBody | DeliveryReport.InvalidOptions
> => {
  const body = JSON.stringify({
    message_id: "example-message-id",
    to: EXAMPLE_TO,
    channel: "sms",
    sender: sender ?? null,
    status: "DELIVRD",
    err: 0,
    error: null,
    timestamp: "2026-01-01T12:00:00.000000",
  });
  return Effect.map(DeliveryReport.sign(secret, body), (signature) => ({
    body,
    signature,
    headers: {
      "Content-Type": "application/json",
      [DeliveryReport.SIGNATURE_HEADER]: signature,
    } as SignedCallback["headers"],
  }));
};

// -----------------------------------------------------------------------------
// Review
// -----------------------------------------------------------------------------

/**
 * Options of {@link review}.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReviewOptions {
  /** How the key's DLR URL is checked (as `ApiKey.decode`'s `dlr` option; default strict). */
  readonly dlr?: DeliveryReport.UrlOptions | undefined;
  /** Passed to `Policy.resolve` for {@link requestCases} (`dlr` defaults to the option above). */
  readonly resolve?: Policy.ResolveOptions | undefined;
}

/**
 * Everything the settings page shows for one config: every {@link Issue} in field order, the
 * decoded key when `ApiKey.decode` accepts the config (and no issue stands), the whitelist and
 * table explanations, and the {@link requestCases} of the key, computed from the valid fields
 * only while some are not (`skipped` names the fields left out).
 *
 * @category models
 * @since 0.1.0
 */
export interface Review {
  readonly issues: ReadonlyArray<Issue>;
  readonly key: ApiKey.ApiKey | undefined;
  readonly whitelist: WhitelistReport;
  readonly table: TableReport;
  readonly requestCases: ReadonlyArray<RequestCase>;
  readonly skipped: ReadonlyArray<Field>;
}

/**
 * The settings the page edits, in the order it shows them and reports their issues: every key
 * of a config other than these is kept as given.
 *
 * @example
 * ```ts
 * import { KeySettings } from "@septet/core"
 *
 * KeySettings.FIELDS.length // => 7
 * ```
 *
 * @category constants
 * @since 0.1.0
 */
export const FIELDS: ReadonlyArray<Exclude<Field, "config">> = [
  "name",
  "ipWhitelist",
  "defaultSender",
  "autoReplace",
  "replacementTable",
  "dlrUrl",
  "senders",
];

const given = (u: unknown): boolean => u !== undefined && u !== null;

const checkSenders = (
  senders: unknown,
): { issues: Array<Issue>; list: ReadonlyArray<string> | undefined } => {
  if (!given(senders)) return { issues: [], list: undefined };
  if (!Array.isArray(senders))
    return { issues: [issue("senders", "Senders must be a list of sender IDs.")], list: undefined };
  if (senders.length > ApiKey.MAX_SENDERS) {
    return {
      issues: [issue("senders", `At most ${ApiKey.MAX_SENDERS} senders (${senders.length} given).`)],
      list: undefined,
    };
  }
  const issues: Array<Issue> = [];
  senders.forEach((s, i) => {
    const problem = typeof s === "string" ? senderProblem(s) : "not text";
    if (problem !== undefined)
      issues.push(issue("senders", `${quote(cellText(s))} is not a sender ID: ${problem}.`, i));
  });
  return { issues, list: issues.length === 0 ? (senders as ReadonlyArray<string>) : undefined };
};

const fieldIssues = (config: Record<string, unknown>, options: ReviewOptions | undefined) => {
  const out: Record<Exclude<Field, "config">, Array<Issue>> = {
    name: [],
    ipWhitelist: [],
    defaultSender: [],
    autoReplace: [],
    replacementTable: [],
    dlrUrl: [],
    senders: [],
  };
  // name: required, the key's limits.
  const name = config.name;
  if (typeof name !== "string" || name.length === 0) out.name.push(issue("name", "Name is required."));
  else if (name.length > ApiKey.MAX_NAME_LENGTH) {
    out.name.push(
      issue("name", `Name is ${name.length} characters long; at most ${ApiKey.MAX_NAME_LENGTH}.`),
    );
  }
  // ipWhitelist: each entry with Allowlist's reason, quoting it.
  const wl = config.ipWhitelist;
  let whitelist = explainWhitelist([]);
  if (given(wl)) {
    if (!Array.isArray(wl))
      out.ipWhitelist.push(issue("ipWhitelist", "The IP whitelist must be a list of entries."));
    else {
      whitelist = explainWhitelist(wl as ReadonlyArray<string>);
      for (const entry of whitelist.entries) {
        if (entry.reason !== undefined)
          out.ipWhitelist.push(issue("ipWhitelist", entry.explanation, entry.index));
      }
    }
  }
  // senders first: the Default Sender is checked against them.
  const senders = checkSenders(config.senders);
  out.senders.push(...senders.issues);
  const sender = config.defaultSender;
  if (given(sender)) {
    const problem = typeof sender === "string" ? senderProblem(sender) : "not text";
    if (problem !== undefined) {
      out.defaultSender.push(
        issue("defaultSender", `${quote(cellText(sender))} is not a sender ID: ${problem}.`),
      );
    } else if (senders.list !== undefined && !senders.list.includes(sender as string)) {
      out.defaultSender.push(
        issue(
          "defaultSender",
          `${quote(sender as string)} is not one of the account's activated senders${senders.list.length === 0 ? " (there are none)" : ` (${senders.list.join(", ")})`}.`,
        ),
      );
    }
  }
  const mode = config.autoReplace;
  if (given(mode) && mode !== "off" && mode !== "on" && mode !== "full") {
    out.autoReplace.push(
      issue(
        "autoReplace",
        `${quote(cellText(mode))} is not an Auto-Replace mode: expected "off", "on" or "full".`,
      ),
    );
  }
  const table = explainTable(config.replacementTable);
  for (const message of table.issues)
    out.replacementTable.push(issue("replacementTable", `Replacement table: ${message}.`));
  for (const row of table.rows) {
    for (const message of row.issues) {
      out.replacementTable.push(
        issue(
          "replacementTable",
          `Row ${row.index + 1} (${quote(row.from)} → ${quote(row.to)}): ${message}.`,
          row.index,
        ),
      );
    }
  }
  const url = config.dlrUrl;
  if (given(url)) {
    if (typeof url !== "string") out.dlrUrl.push(issue("dlrUrl", "The delivery report URL must be text."));
    else {
      const checked = Effect.runSync(Effect.result(DeliveryReport.checkUrl(url, options?.dlr)));
      if (Result.isFailure(checked))
        out.dlrUrl.push(issue("dlrUrl", `${quote(url)}: ${checked.failure.reason}.`));
    }
  }
  return { out, whitelist, table };
};

const fieldOfPointer = (pointer: string): Field => {
  const head = pointer.split("/")[1] ?? "";
  return (FIELDS as ReadonlyArray<string>).includes(head) ? (head as Field) : "config";
};

const indexOfPointer = (pointer: string): number | undefined => {
  const second = pointer.split("/")[2];
  return second !== undefined && /^\d{1,6}$/.test(second) ? Number(second) : undefined;
};

/**
 * Reviews a key config (parsed JSON, as `ApiKey.decode` takes it) for the settings page: every
 * issue, per field and per whitelist entry / table row / sender, each quoting the input; the
 * whitelist and table explanations; the {@link requestCases}. An issue `ApiKey.decode` finds that
 * no field check named is added with its own message, so a config with no issue always decodes.
 * Never throws.
 *
 * @example
 * ```ts
 * import { KeySettings } from "@septet/core"
 *
 * const review = KeySettings.review({
 *   name: "shop",
 *   ipWhitelist: ["123.123.123.123", "1.2.3.04"],
 *   defaultSender: "Other",
 *   senders: ["Shop"],
 *   dlrUrl: "https://127.0.0.1/dlr",
 * })
 * review.issues.map((i) => i.message)
 * // => ['"1.2.3.04": IPv4 field has octet with leading zero (octal forms are not allowed).', "\"Other\" is not one of the account's activated senders (Shop).", '"https://127.0.0.1/dlr": the host 127.0.0.1 is in a special-purpose block: Loopback, RFC 1122 §3.2.1.3.']
 * review.key // => undefined
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const review = (config: unknown, options?: ReviewOptions): Review => {
  const plain = toPlainJson(config, ApiKey.JSON_CAPS);
  const empty = (issues: ReadonlyArray<Issue>): Review => ({
    issues,
    key: undefined,
    whitelist: explainWhitelist([]),
    table: explainTable(undefined),
    requestCases: [],
    skipped: FIELDS,
  });
  if (!plain.ok) {
    return empty([
      issue("config", `The key config ${plain.problem.message} at ${toPointer(plain.problem.path) || "/"}.`),
    ]);
  }
  const value = plain.value;
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return empty([issue("config", "The key config must be a JSON object.")]);
  }
  const record = value as Record<string, unknown>;
  const { out, whitelist, table } = fieldIssues(record, options);
  const decodeOptions: ApiKey.DecodeOptions = options?.dlr === undefined ? {} : { dlr: options.dlr };
  const decoded = Effect.runSync(Effect.result(ApiKey.decode(record, decodeOptions)));
  if (Result.isFailure(decoded)) {
    for (const i of decoded.failure.issues) {
      const field = fieldOfPointer(i.pointer);
      if (field === "config") continue;
      if (out[field].length === 0)
        out[field].push({ field, index: indexOfPointer(i.pointer), pointer: i.pointer, message: i.message });
    }
  }
  const issues = FIELDS.flatMap((f) => out[f]);
  if (Result.isFailure(decoded) && issues.length === 0) {
    issues.push(
      ...decoded.failure.issues.map((i) => ({
        field: "config" as const,
        index: undefined,
        pointer: i.pointer,
        message: i.message,
      })),
    );
  }
  // The table of request cases, from the fields that are valid (a name stands in when missing).
  const skipped = FIELDS.filter((f) => out[f].length > 0);
  const partial: Record<string, unknown> = { name: "key" };
  for (const f of FIELDS) if (!skipped.includes(f) && f in record) partial[f] = record[f];
  const partialKey = Effect.runSync(Effect.result(ApiKey.decode(partial, decodeOptions)));
  const resolveOptions: Policy.ResolveOptions = { dlr: options?.dlr, ...options?.resolve };
  return {
    issues,
    key: issues.length === 0 && Result.isSuccess(decoded) ? decoded.success : undefined,
    whitelist,
    table,
    requestCases: Result.isSuccess(partialKey) ? requestCases(partialKey.success, resolveOptions) : [],
    skipped,
  };
};
