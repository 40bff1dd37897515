/**
 * The conformance kit: the vectors septet tests itself with, as versioned plain data, and a
 * runner that checks any implementation of septet's rules against them.
 *
 * A team porting septet (to another language, or wrapping it behind a service) proves its port
 * agrees by giving {@link run} the functions it has, each adapted to a small plain signature
 * ({@link Implementation}). The runner calls each function on every case of its file and returns a
 * {@link Report}: plain data, easy to print, assert on, or store.
 *
 * The same cases ship as JSON in `@septet/testing/conformance/v1/*.json` (one file per area,
 * {@link FILES}), for ports that cannot run JavaScript: every file carries `schema`, `version`
 * and `generatedFrom`, and every case carries `source`, where its expected value comes from (a
 * clause of 3GPP TS 23.038 / TS 23.040, an RFC, a CVE, another parser's test table, or a septet
 * decision of PRODUCT.md). The files are generated from `packages/testing/src/vectors/*.ts` by
 * `packages/testing/scripts/generate-conformance.ts`; a test fails when they drift.
 *
 * Versioning: {@link VERSION} changes when a case's meaning changes or a case is removed; adding
 * cases keeps the version. A port pins the version it was checked against.
 *
 * @module
 * @since 0.1.0
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
import type { AddressVector, CidrVector, EntriesVector } from "./vectors/ip.js";
import { addressVectors, allowlistVectors, cidrVectors, entriesVectors } from "./vectors/ip.js";
import { dlrUrls, precedenceCells, senders, signatures } from "./vectors/policy.js";
import type { ReplacementVector } from "./vectors/replacement.js";
import {
  messenteVectors,
  replacementEdgeVectors,
  replacementLanguageVectors,
} from "./vectors/replacement.js";
import { smsVectors } from "./vectors/sms.js";

// -----------------------------------------------------------------------------
// Files (the data)
// -----------------------------------------------------------------------------

/**
 * The version of the conformance data. It changes when a case's meaning changes or a case is
 * removed; new cases keep it.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * Conformance.VERSION // => 1
 * ```
 *
 * @category data
 * @since 0.1.0
 */
export const VERSION = 1 as const;

/**
 * The `schema` field of every conformance file.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * Conformance.SCHEMA // => "septet-conformance"
 * ```
 *
 * @category data
 * @since 0.1.0
 */
export const SCHEMA = "septet-conformance" as const;

/**
 * One conformance file: a header and its cases. Every case has a unique `id` within the file and
 * a `source` naming where its expected value comes from.
 *
 * @category models
 * @since 0.1.0
 */
export interface SuiteFile<Case> {
  readonly schema: typeof SCHEMA;
  readonly version: typeof VERSION;
  /** The file name, e.g. `"sms.json"`. */
  readonly file: FileName;
  readonly title: string;
  /** What the cases check and how to read them. */
  readonly description: string;
  /** The TypeScript vectors the file is generated from. */
  readonly generatedFrom: string;
  readonly cases: ReadonlyArray<Case>;
}

/**
 * Options of a measurement case: national languages by name (`"Turkish"`), the concatenation
 * reference size, the split boundary. Absent fields take septet's defaults (no national tables,
 * 8-bit reference, grapheme boundaries).
 *
 * @category models
 * @since 0.1.0
 */
export interface SmsOptions {
  /** National languages the message may use, by name. */
  readonly languages?: ReadonlyArray<Gsm7.LanguageName>;
  /** Concatenation reference size: 8 (default) or 16 bits. */
  readonly reference?: 8 | 16;
  /** Where a part may end: between grapheme clusters (default) or code points. */
  readonly boundary?: "grapheme" | "code-point";
}

/**
 * A measurement and splitting case (`sms.json`).
 *
 * @category models
 * @since 0.1.0
 */
export interface SmsCase {
  readonly id: string;
  readonly text: string;
  readonly options: SmsOptions;
  readonly expected: {
    readonly encoding: "GSM-7" | "UCS-2";
    readonly units: number;
    readonly segments: number;
    readonly perSegment: number;
    readonly remaining: number;
    readonly lockingShift: Gsm7.LanguageName | null;
    readonly singleShift: Gsm7.LanguageName | null;
    readonly characters: number;
    readonly loneSurrogates: ReadonlyArray<number>;
    /** UTF-16 length of each part, in order. */
    readonly partLengths: ReadonlyArray<number>;
  };
  readonly source: string;
}

/**
 * An Auto-Replace case (`replacement.json`): `table` as `[from, to]` pairs (ON and FULL),
 * `leftovers` the FULL leftover policy (absent: `"keep"`).
 *
 * @category models
 * @since 0.1.0
 */
export interface ReplacementCase extends Omit<ReplacementVector, "name"> {
  readonly id: string;
  /** `"language"` (real-message examples), `"messente"` (Messente's published examples) or `"edge"`. */
  readonly group: "language" | "messente" | "edge";
}

/**
 * An address parsing case (`ip-address.json`): `expected.canonical` is the canonical text
 * (RFC 5952 for IPv6) or `null` when the input must be refused; `reason` is a fragment of
 * septet's refusal reason (informative: the runner compares only acceptance and canonical text).
 *
 * @category models
 * @since 0.1.0
 */
export interface AddressCase {
  readonly id: string;
  readonly input: string;
  readonly expected: { readonly canonical: string | null; readonly family?: 4 | 6; readonly reason?: string };
  readonly source: string;
}

/**
 * A CIDR parsing case (`ip-cidr.json`): the canonical masked range and whether host bits were
 * masked, or `null` with the failing part (`"address"` or `"prefix"`) and a reason fragment.
 *
 * @category models
 * @since 0.1.0
 */
export interface CidrCase {
  readonly id: string;
  readonly input: string;
  readonly expected: {
    readonly canonical: string | null;
    readonly hostBitsMasked?: boolean;
    readonly part?: "address" | "prefix";
    readonly reason?: string;
  };
  readonly source: string;
}

/**
 * A matching case (`allowlist.json`): whether `client` may use a whitelist of `entries`.
 *
 * @category models
 * @since 0.1.0
 */
export interface AllowsCase {
  readonly id: string;
  readonly entries: ReadonlyArray<string>;
  readonly client: string;
  readonly expected: boolean;
  readonly source: string;
}

/**
 * A whole-whitelist case (`allowlist-entries.json`): the enforced canonical form of every entry,
 * or the indices of the bad entries (each with an informative reason fragment).
 *
 * @category models
 * @since 0.1.0
 */
export interface EntriesCase {
  readonly id: string;
  readonly entries: ReadonlyArray<string>;
  readonly expected:
    | { readonly enforced: ReadonlyArray<string> }
    | { readonly bad: ReadonlyArray<readonly [index: number, reason: string]> };
  readonly source: string;
}

/**
 * The key settings of a precedence case: at most the overridable settings, by their key names.
 *
 * @category models
 * @since 0.1.0
 */
export interface KeySettings {
  readonly defaultSender?: string;
  readonly autoReplace?: string;
  readonly dlrUrl?: string;
}

/**
 * A precedence case (`precedence.json`): a key, an Omnichannel request (JSON), and either the
 * resolved value and provenance of `setting`, or the Omnichannel error `{ code, source }`.
 *
 * @category models
 * @since 0.1.0
 */
export interface PrecedenceCase {
  readonly id: string;
  readonly setting: "sender" | "autoReplace" | "dlrUrl";
  /** How the request writes the field: absent, `null`, `""`, a valid or an invalid value. */
  readonly request: "absent" | "null" | "empty" | "valid" | "invalid";
  /** Whether the key sets the setting. */
  readonly key: "set" | "unset";
  readonly keySettings: KeySettings;
  /** The request body, as JSON. */
  readonly requestBody: unknown;
  readonly expected:
    | { readonly value: string | null; readonly provenance: "request" | "apiKey" | "default" }
    | { readonly code: "105" | "106"; readonly source: string };
  readonly source: string;
}

/**
 * A sender ID case (`senders.json`).
 *
 * @category models
 * @since 0.1.0
 */
export interface SenderCase {
  readonly id: string;
  readonly sender: string;
  readonly expected: boolean;
  readonly source: string;
}

/**
 * A delivery-report URL case (`dlr-urls.json`), with strict options (no `http:`, no
 * special-purpose hosts); `host` is the WHATWG-parsed host the check looks at (informative).
 *
 * @category models
 * @since 0.1.0
 */
export interface DlrUrlCase {
  readonly id: string;
  readonly url: string;
  readonly host: string;
  readonly expected: boolean;
  readonly source: string;
}

/**
 * A signature case (`signatures.json`): `expected` is the lowercase hex HMAC-SHA256 of `body`
 * (UTF-8) keyed with `secret` (UTF-8), the `X-Messente-Signature` value.
 *
 * @category models
 * @since 0.1.0
 */
export interface SignatureCase {
  readonly id: string;
  readonly secret: string;
  readonly body: string;
  readonly expected: string;
  readonly source: string;
}

/**
 * Every conformance file by name.
 *
 * @category models
 * @since 0.1.0
 */
export interface Files {
  readonly "sms.json": SuiteFile<SmsCase>;
  readonly "replacement.json": SuiteFile<ReplacementCase>;
  readonly "ip-address.json": SuiteFile<AddressCase>;
  readonly "ip-cidr.json": SuiteFile<CidrCase>;
  readonly "allowlist.json": SuiteFile<AllowsCase>;
  readonly "allowlist-entries.json": SuiteFile<EntriesCase>;
  readonly "precedence.json": SuiteFile<PrecedenceCase>;
  readonly "senders.json": SuiteFile<SenderCase>;
  readonly "dlr-urls.json": SuiteFile<DlrUrlCase>;
  readonly "signatures.json": SuiteFile<SignatureCase>;
}

/**
 * The name of a conformance file.
 *
 * @category models
 * @since 0.1.0
 */
export type FileName = keyof Files;

/**
 * The conformance file names, in the order the runner checks them.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * Conformance.FILES.length // => 10
 * Conformance.FILES[0] // => "sms.json"
 * ```
 *
 * @category data
 * @since 0.1.0
 */
export const FILES: ReadonlyArray<FileName> = [
  "sms.json",
  "replacement.json",
  "ip-address.json",
  "ip-cidr.json",
  "allowlist.json",
  "allowlist-entries.json",
  "precedence.json",
  "senders.json",
  "dlr-urls.json",
  "signatures.json",
];

const header = <Case>(
  file: FileName,
  title: string,
  description: string,
  generatedFrom: string,
  cases: ReadonlyArray<Case>,
): SuiteFile<Case> => ({ schema: SCHEMA, version: VERSION, file, title, description, generatedFrom, cases });

/** `A` with its `undefined`-able fields made optional (and never `undefined`). */
type Defined<A> = { [K in keyof A as undefined extends A[K] ? never : K]: A[K] } & {
  [K in keyof A as undefined extends A[K] ? K : never]?: Exclude<A[K], undefined>;
};

/** Removes `undefined` fields, so a case is the same value before and after a JSON round trip. */
const defined = <A extends object>(value: A): Defined<A> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<A>;

const replacementCase = (group: ReplacementCase["group"], v: ReplacementVector): ReplacementCase =>
  defined({
    id: `${group}: ${v.name}`,
    group,
    language: v.language,
    mode: v.mode,
    input: v.input,
    table: v.table,
    leftovers: v.leftovers,
    expected: v.expected,
    source: v.source,
  });

const addressCase = (v: AddressVector, n: number): AddressCase => ({
  id: `#${n} ${JSON.stringify(v.input).slice(0, 72)}`,
  input: v.input,
  expected: defined({ canonical: v.canonical, family: v.family, reason: v.reason }),
  source: v.source,
});

const cidrCase = (v: CidrVector, n: number): CidrCase => ({
  id: `#${n} ${JSON.stringify(v.input).slice(0, 72)}`,
  input: v.input,
  expected: defined({
    canonical: v.canonical,
    hostBitsMasked: v.hostBitsMasked,
    part: v.part,
    reason: v.reason,
  }),
  source: v.source,
});

const entriesCase = (v: EntriesVector): EntriesCase => ({
  id: v.name,
  entries: v.entries,
  expected: v.enforced !== undefined ? { enforced: v.enforced } : { bad: v.bad ?? [] },
  source: v.source,
});

const KEY_FIELD = { sender: "defaultSender", autoReplace: "autoReplace", dlrUrl: "dlrUrl" } as const;

const precedenceCases = (): ReadonlyArray<PrecedenceCase> =>
  precedenceCells.map((cell) => {
    const keySettings: Record<string, string> = {};
    if (cell.keyValue !== undefined) keySettings[KEY_FIELD[cell.setting]] = cell.keyValue;
    const sms: Record<string, unknown> = { channel: "sms", text: "Hello" };
    if (cell.setting !== "sender") sms.sender = "Base";
    const body: Record<string, unknown> = { to: "+37251000000", messages: [sms] };
    if (cell.requestValue !== undefined) {
      if (cell.setting === "sender") sms.sender = cell.requestValue;
      else if (cell.setting === "autoReplace") sms.autoconvert = cell.requestValue;
      else body.dlr_url = cell.requestValue;
    }
    return {
      id: `${cell.setting}: request ${cell.request}, key ${cell.key}`,
      setting: cell.setting,
      request: cell.request,
      key: cell.key,
      keySettings,
      requestBody: body,
      expected: cell.expected,
      source: cell.provenance,
    };
  });

/**
 * Builds every conformance file from septet's vectors. The JSON files of the package are exactly
 * these values (`JSON.stringify`); use them directly when running in JavaScript.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * const files = Conformance.files()
 * files["sms.json"].version // => 1
 * files["sms.json"].cases[0] // => { id: "empty text", text: "", expected: { encoding: "GSM-7", segments: 1 } }
 * files["precedence.json"].cases.length // => 30
 * ```
 *
 * @category data
 * @since 0.1.0
 */
export const files = (): Files => ({
  "sms.json": header(
    "sms.json",
    "SMS measurement and splitting",
    "Sms.measure / Sms.split: for each text and options, the encoding, units (septets or UTF-16 code units), billed segments, capacity per segment, units left in the last part, national shift tables chosen, characters, lone surrogates and the UTF-16 length of each part. Every boundary of PRODUCT.md (159/160/161, 306/307, escape pair at 152/153, surrogate pair at 66/67, national language capacities).",
    "packages/testing/src/vectors/sms.ts (smsVectors)",
    smsVectors.map((v) => ({
      id: v.name,
      text: v.text,
      options: v.options,
      expected: {
        encoding: v.encoding,
        units: v.units,
        segments: v.segments,
        perSegment: v.perSegment,
        remaining: v.remaining,
        lockingShift: v.lockingShift,
        singleShift: v.singleShift,
        characters: v.characters,
        loneSurrogates: v.loneSurrogates,
        partLengths: v.partLengths,
      },
      source: v.source,
    })),
  ),
  "replacement.json": header(
    "replacement.json",
    "Auto-Replace (OFF / ON / FULL)",
    "Replacement.apply: the outgoing text for an input, a mode, an optional key table ([from, to] pairs) and an optional FULL leftover policy. Real-message examples in 25 languages, Messente's published examples, and edge cases.",
    "packages/testing/src/vectors/replacement.ts (replacementLanguageVectors, messenteVectors, replacementEdgeVectors)",
    [
      ...replacementLanguageVectors.map((v) => replacementCase("language", v)),
      ...messenteVectors.map((v) => replacementCase("messente", v)),
      ...replacementEdgeVectors.map((v) => replacementCase("edge", v)),
    ],
  ),
  "ip-address.json": header(
    "ip-address.json",
    "IP address parsing",
    "Ip.parseAddress: the canonical text of a valid address (RFC 5952 for IPv6), or null when the input must be refused. `reason` is a fragment of septet's reason (informative). Built from public advisories (CVE-2021-28918, CVE-2021-29418, CVE-2021-29921, CVE-2021-29922, CVE-2021-29923, CVE-2020-28360, CVE-2023-42282, CVE-2024-29415) and the invalid-input tables of Go net/netip, Python ipaddress and Rust std::net.",
    "packages/testing/src/vectors/ip.ts (addressVectors)",
    addressVectors.map(addressCase),
  ),
  "ip-cidr.json": header(
    "ip-cidr.json",
    "CIDR range parsing",
    "Ip.parseCidr (prefix required): the canonical masked range and whether host bits were masked, or null with the failing part and a reason fragment (informative).",
    "packages/testing/src/vectors/ip.ts (cidrVectors)",
    cidrVectors.map(cidrCase),
  ),
  "allowlist.json": header(
    "allowlist.json",
    "IP whitelist matching",
    "Allowlist.make + Allowlist.allows: whether a client address may use a key whose whitelist is `entries` (families, IPv4-mapped clients and rules, the empty list, boundaries, unparsable clients).",
    "packages/testing/src/vectors/ip.ts (allowlistVectors)",
    allowlistVectors.flatMap((v) =>
      v.checks.map(([client, allowed], n) => ({
        id: `${v.name} #${n} ${JSON.stringify(client).slice(0, 72)}`,
        entries: v.entries,
        client,
        expected: allowed,
        source: v.source,
      })),
    ),
  ),
  "allowlist-entries.json": header(
    "allowlist-entries.json",
    "IP whitelist entries",
    "Allowlist.make + Allowlist.rules: the enforced canonical form of every entry, or the index of every bad entry (the whole list is refused; reasons are informative).",
    "packages/testing/src/vectors/ip.ts (entriesVectors)",
    entriesVectors.map(entriesCase),
  ),
  "precedence.json": header(
    "precedence.json",
    "Precedence of sender, Auto-Replace mode and DLR URL",
    'Policy.resolve: for each setting, the request field absent / null / "" / valid / invalid, times the key setting set / unset (30 cells). Success: the resolved value and its provenance; failure: the Omnichannel error code and source.',
    "packages/testing/src/vectors/policy.ts (precedenceCells)",
    precedenceCases(),
  ),
  "senders.json": header(
    "senders.json",
    "Sender IDs",
    "Whether a sender ID is acceptable: alphanumeric up to 11 GSM 7-bit septets (at least one letter), or numeric up to 15 digits with an optional +.",
    "packages/testing/src/vectors/policy.ts (senders)",
    senders.map((v) => ({
      id: JSON.stringify(v.sender),
      sender: v.sender,
      expected: v.valid,
      source: v.why,
    })),
  ),
  "dlr-urls.json": header(
    "dlr-urls.json",
    "Delivery-report URLs",
    "DeliveryReport.checkUrl with strict options: whether a DLR URL is accepted (absolute https:, no user info, not port 0, no loopback name (localhost, *.localhost), no special-purpose IP-literal host).",
    "packages/testing/src/vectors/policy.ts (dlrUrls)",
    dlrUrls.map((v) => ({ id: v.url, url: v.url, host: v.host, expected: v.accepted, source: v.why })),
  ),
  "signatures.json": header(
    "signatures.json",
    "X-Messente-Signature",
    "DeliveryReport.sign: the lowercase hex HMAC-SHA256 of the body (UTF-8) keyed with the secret (UTF-8).",
    "packages/testing/src/vectors/policy.ts (signatures)",
    signatures.map((v, n) => ({
      id: `#${n} ${v.source}`,
      secret: v.secret,
      body: v.body,
      expected: v.signature,
      source: v.source,
    })),
  ),
});

// -----------------------------------------------------------------------------
// The implementation under test
// -----------------------------------------------------------------------------

/**
 * A value or a promise of it: implementation functions may be sync or async.
 *
 * @category models
 * @since 0.1.0
 */
export type Awaitable<A> = A | PromiseLike<A>;

/**
 * What a `measure` function returns. `encoding`, `units` and `segments` are required; every other
 * field is compared when the function returns it (not `undefined`), so a port that does not
 * report, say, `characters` is not failed for it.
 *
 * @category models
 * @since 0.1.0
 */
export interface MeasureResult {
  readonly encoding: "GSM-7" | "UCS-2";
  readonly units: number;
  readonly segments: number;
  readonly perSegment?: number | undefined;
  readonly remaining?: number | undefined;
  readonly lockingShift?: string | null | undefined;
  readonly singleShift?: string | null | undefined;
  readonly characters?: number | undefined;
  readonly loneSurrogates?: ReadonlyArray<number> | undefined;
}

/**
 * Options given to a `replace` function.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReplaceOptions {
  readonly mode: "off" | "on" | "full";
  /** The key owner's table as `[from, to]` pairs (absent: no table). */
  readonly table?: ReadonlyArray<readonly [string, string]>;
  /** FULL's leftover policy (absent: `"keep"`). */
  readonly leftovers?: "keep" | "all-or-nothing" | { readonly substitute: string };
}

/**
 * What a `resolve` function returns: the three resolved settings, or the Omnichannel error of the
 * first failure.
 *
 * @category models
 * @since 0.1.0
 */
export type ResolveResult =
  | {
      readonly sender: ResolvedSetting;
      readonly autoReplace: ResolvedSetting;
      readonly dlrUrl: ResolvedSetting;
    }
  | { readonly error: { readonly code: string; readonly source: string } };

/**
 * A resolved setting: its value and where it came from.
 *
 * @category models
 * @since 0.1.0
 */
export interface ResolvedSetting {
  readonly value: string | null;
  readonly provenance: "request" | "apiKey" | "default";
}

/**
 * The implementation under test: any subset of these functions. Each one that is given is run
 * on every case of its file; the others are reported as skipped. Functions may be async and may
 * throw (a throw fails that case).
 *
 * | function | file | compared |
 * | --- | --- | --- |
 * | `measure(text, options)` | `sms.json` | `encoding`, `units`, `segments` and every other {@link MeasureResult} field returned |
 * | `split(text, options)` | `sms.json` | the UTF-16 length of each part; the parts must join to the text |
 * | `replace(text, options)` | `replacement.json` | the outgoing text |
 * | `parseAddress(input)` | `ip-address.json` | the canonical text, `null` for refused input |
 * | `parseCidr(input)` | `ip-cidr.json` | the canonical range (and `hostBitsMasked` when returned), `null` for refused input |
 * | `allows(entries, client)` | `allowlist.json` | the boolean |
 * | `enforce(entries)` | `allowlist-entries.json` | the enforced canonical entries, or the indices of the bad ones |
 * | `resolve(keySettings, requestBody)` | `precedence.json` | the value and provenance of the case's setting, or the error code and source |
 * | `acceptsSender(sender)` | `senders.json` | the boolean |
 * | `acceptsDlrUrl(url)` | `dlr-urls.json` | the boolean (strict options) |
 * | `sign(secret, body)` | `signatures.json` | the hex signature, case-insensitively |
 *
 * @category models
 * @since 0.1.0
 */
export interface Implementation {
  /** Measures a text: encoding, units, segments (and any other {@link MeasureResult} field). */
  readonly measure?: (text: string, options: SmsOptions) => Awaitable<MeasureResult>;
  /** Splits a text into its SMS parts. */
  readonly split?: (text: string, options: SmsOptions) => Awaitable<ReadonlyArray<string>>;
  /** Applies Auto-Replace and returns the text that goes out. */
  readonly replace?: (text: string, options: ReplaceOptions) => Awaitable<string>;
  /** The canonical text of an address, or `null` when the input must be refused. */
  readonly parseAddress?: (input: string) => Awaitable<string | null>;
  /** The canonical masked range (and whether host bits were masked), or `null` when refused. */
  readonly parseCidr?: (
    input: string,
  ) => Awaitable<{ readonly canonical: string; readonly hostBitsMasked?: boolean } | null>;
  /** Whether `client` may use a key whose whitelist is `entries` (a refused list allows nobody). */
  readonly allows?: (entries: ReadonlyArray<string>, client: string) => Awaitable<boolean>;
  /** The enforced canonical form of every entry, or the indices of the bad entries. */
  readonly enforce?: (
    entries: ReadonlyArray<string>,
  ) => Awaitable<{ readonly enforced: ReadonlyArray<string> } | { readonly bad: ReadonlyArray<number> }>;
  /** Resolves a request body (JSON) against key settings: the three settings, or the first error. */
  readonly resolve?: (key: KeySettings, request: unknown) => Awaitable<ResolveResult>;
  /** Whether a sender ID is acceptable. */
  readonly acceptsSender?: (sender: string) => Awaitable<boolean>;
  /** Whether a DLR URL is accepted with strict options. */
  readonly acceptsDlrUrl?: (url: string) => Awaitable<boolean>;
  /** The hex `X-Messente-Signature` of a body. */
  readonly sign?: (secret: string, body: string) => Awaitable<string>;
}

/**
 * The name of a check: one function of {@link Implementation}.
 *
 * @category models
 * @since 0.1.0
 */
export type CheckName = keyof Implementation;

// -----------------------------------------------------------------------------
// The report
// -----------------------------------------------------------------------------

/**
 * One failed case: its id, the source of the expected value, what was expected and what the
 * implementation gave (`{ threw: message }` when it threw).
 *
 * @category models
 * @since 0.1.0
 */
export interface Failure {
  readonly case: string;
  readonly source: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * The result of one check over its file.
 *
 * @category models
 * @since 0.1.0
 */
export interface CheckReport {
  readonly check: CheckName;
  readonly file: FileName;
  readonly passed: number;
  readonly failed: number;
  readonly failures: ReadonlyArray<Failure>;
}

/**
 * What {@link run} returns: plain data. `ok` is true when at least one check ran and no case
 * failed.
 *
 * @category models
 * @since 0.1.0
 */
export interface Report {
  readonly version: typeof VERSION;
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly checks: ReadonlyArray<CheckReport>;
  /** The checks whose function was not given. */
  readonly skipped: ReadonlyArray<CheckName>;
}

// -----------------------------------------------------------------------------
// The runner
// -----------------------------------------------------------------------------

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null;

const equal = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
};

/** The outcome of one case: `undefined` when it passed, else the actual value to report. */
type Verdict = { readonly pass: true } | { readonly pass: false; readonly actual: unknown };

const pass: Verdict = { pass: true };
const fail = (actual: unknown): Verdict => ({ pass: false, actual });
const verdict = (ok: boolean, actual: unknown): Verdict => (ok ? pass : fail(actual));

interface Check<Case> {
  readonly file: FileName;
  readonly expected: (c: Case) => unknown;
  readonly run: (c: Case) => Promise<Verdict>;
}

const MEASURE_FIELDS = [
  "perSegment",
  "remaining",
  "lockingShift",
  "singleShift",
  "characters",
  "loneSurrogates",
] as const;

const checksOf = (impl: Implementation): { readonly [K in CheckName]?: Check<never> } => {
  const out: Partial<Record<CheckName, Check<never>>> = {};
  const add = <Case>(name: CheckName, check: Check<Case>) => {
    out[name] = check as unknown as Check<never>;
  };
  const { measure, split, replace, parseAddress, parseCidr, allows, enforce, resolve } = impl;
  const { acceptsSender, acceptsDlrUrl, sign } = impl;
  if (measure)
    add<SmsCase>("measure", {
      file: "sms.json",
      expected: (c) => {
        const { partLengths: _, ...rest } = c.expected;
        return rest;
      },
      run: async (c) => {
        const actual = await measure(c.text, c.options);
        const e = c.expected;
        const required =
          isObject(actual) &&
          actual.encoding === e.encoding &&
          actual.units === e.units &&
          actual.segments === e.segments;
        const optional = MEASURE_FIELDS.every(
          (f) => !isObject(actual) || actual[f] === undefined || equal(actual[f], e[f]),
        );
        return verdict(required && optional, actual);
      },
    });
  if (split)
    add<SmsCase>("split", {
      file: "sms.json",
      expected: (c) => ({ partLengths: c.expected.partLengths }),
      run: async (c) => {
        const parts = await split(c.text, c.options);
        const ok =
          Array.isArray(parts) &&
          parts.every((p) => typeof p === "string") &&
          parts.join("") === c.text &&
          equal(
            parts.map((p: string) => p.length),
            c.expected.partLengths,
          );
        return verdict(
          ok,
          Array.isArray(parts) ? { partLengths: parts.map((p) => String(p).length) } : parts,
        );
      },
    });
  if (replace)
    add<ReplacementCase>("replace", {
      file: "replacement.json",
      expected: (c) => c.expected,
      run: async (c) => {
        const options: ReplaceOptions = defined({ mode: c.mode, table: c.table, leftovers: c.leftovers });
        const text = await replace(c.input, options);
        return verdict(text === c.expected, text);
      },
    });
  if (parseAddress)
    add<AddressCase>("parseAddress", {
      file: "ip-address.json",
      expected: (c) => c.expected.canonical,
      run: async (c) => {
        const canonical = await parseAddress(c.input);
        return verdict(canonical === c.expected.canonical, canonical);
      },
    });
  if (parseCidr)
    add<CidrCase>("parseCidr", {
      file: "ip-cidr.json",
      expected: (c) =>
        c.expected.canonical === null
          ? null
          : { canonical: c.expected.canonical, hostBitsMasked: c.expected.hostBitsMasked },
      run: async (c) => {
        const actual = await parseCidr(c.input);
        if (c.expected.canonical === null) return verdict(actual === null, actual);
        const ok =
          isObject(actual) &&
          actual.canonical === c.expected.canonical &&
          (actual.hostBitsMasked === undefined || actual.hostBitsMasked === c.expected.hostBitsMasked);
        return verdict(ok, actual);
      },
    });
  if (allows)
    add<AllowsCase>("allows", {
      file: "allowlist.json",
      expected: (c) => c.expected,
      run: async (c) => {
        const allowed = await allows(c.entries, c.client);
        return verdict(allowed === c.expected, allowed);
      },
    });
  if (enforce)
    add<EntriesCase>("enforce", {
      file: "allowlist-entries.json",
      expected: (c) => ("enforced" in c.expected ? c.expected : { bad: c.expected.bad.map(([i]) => i) }),
      run: async (c) => {
        const actual = await enforce(c.entries);
        const ok =
          "enforced" in c.expected
            ? isObject(actual) && "enforced" in actual && equal(actual.enforced, c.expected.enforced)
            : isObject(actual) &&
              "bad" in actual &&
              equal(
                actual.bad,
                c.expected.bad.map(([i]) => i),
              );
        return verdict(ok, actual);
      },
    });
  if (resolve)
    add<PrecedenceCase>("resolve", {
      file: "precedence.json",
      expected: (c) => c.expected,
      run: async (c) => {
        const actual: unknown = await resolve(c.keySettings, c.requestBody);
        if (!isObject(actual)) return fail(actual);
        if ("code" in c.expected) {
          const error = actual.error;
          const ok = isObject(error) && error.code === c.expected.code && error.source === c.expected.source;
          return verdict(ok, "error" in actual ? { error } : actual);
        }
        const setting = actual[c.setting];
        const ok =
          !("error" in actual) &&
          isObject(setting) &&
          setting.value === c.expected.value &&
          setting.provenance === c.expected.provenance;
        return verdict(ok, "error" in actual ? { error: actual.error } : setting);
      },
    });
  if (acceptsSender)
    add<SenderCase>("acceptsSender", {
      file: "senders.json",
      expected: (c) => c.expected,
      run: async (c) => {
        const ok = await acceptsSender(c.sender);
        return verdict(ok === c.expected, ok);
      },
    });
  if (acceptsDlrUrl)
    add<DlrUrlCase>("acceptsDlrUrl", {
      file: "dlr-urls.json",
      expected: (c) => c.expected,
      run: async (c) => {
        const ok = await acceptsDlrUrl(c.url);
        return verdict(ok === c.expected, ok);
      },
    });
  if (sign)
    add<SignatureCase>("sign", {
      file: "signatures.json",
      expected: (c) => c.expected,
      run: async (c) => {
        const signature = await sign(c.secret, c.body);
        return verdict(typeof signature === "string" && signature.toLowerCase() === c.expected, signature);
      },
    });
  return out;
};

const CHECK_ORDER: ReadonlyArray<CheckName> = [
  "measure",
  "split",
  "replace",
  "parseAddress",
  "parseCidr",
  "allows",
  "enforce",
  "resolve",
  "acceptsSender",
  "acceptsDlrUrl",
  "sign",
];

/**
 * Options of {@link run}.
 *
 * @category models
 * @since 0.1.0
 */
export interface RunOptions {
  /**
   * The conformance data to check against (default: {@link files}, this package's own). Pass the
   * parsed JSON files of a pinned kit version to check against exactly that version.
   */
  readonly files?: Files | undefined;
}

/**
 * Checks an implementation against the conformance vectors and reports every case that does not
 * agree. Never throws: a function that throws (or rejects) fails that case with
 * `actual: { threw: message }`. Cases run one after another, in file order.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * // A deliberately wrong port: every text is one segment.
 * const report = await Conformance.run({
 *   measure: (text) => ({ encoding: "GSM-7", units: text.length, segments: 1 }),
 * })
 * report.ok // => false
 * report.skipped.includes("replace") // => true
 * report.checks[0]?.failures[0]?.case // => "161 septets"
 *
 * const septet = await Conformance.run(Conformance.septet)
 * septet.failed // => 0
 * ```
 *
 * @category running
 * @since 0.1.0
 */
export const run = async (impl: Implementation, options?: RunOptions): Promise<Report> => {
  const data = options?.files ?? files();
  const checks = checksOf(impl);
  const reports: Array<CheckReport> = [];
  const skipped: Array<CheckName> = [];
  for (const name of CHECK_ORDER) {
    const check = checks[name] as Check<{ readonly id: string; readonly source: string }> | undefined;
    if (check === undefined) {
      skipped.push(name);
      continue;
    }
    const cases = data[check.file].cases as ReadonlyArray<{ readonly id: string; readonly source: string }>;
    const failures: Array<Failure> = [];
    let passed = 0;
    for (const c of cases) {
      let result: Verdict;
      try {
        result = await check.run(c);
      } catch (e) {
        result = fail({ threw: e instanceof Error ? e.message : String(e) });
      }
      if (result.pass) passed++;
      else
        failures.push({ case: c.id, source: c.source, expected: check.expected(c), actual: result.actual });
    }
    reports.push({ check: name, file: check.file, passed, failed: failures.length, failures });
  }
  const passed = reports.reduce((n, r) => n + r.passed, 0);
  const failed = reports.reduce((n, r) => n + r.failed, 0);
  return {
    version: VERSION,
    ok: reports.length > 0 && failed === 0,
    passed,
    failed,
    checks: reports,
    skipped,
  };
};

/**
 * A one-line summary of a report per check, for logs and CI output.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * const report = await Conformance.run({ sign: () => "00" })
 * Conformance.summary(report) // => "sign: 0 passed, 2 failed (signatures.json)"
 * ```
 *
 * @category running
 * @since 0.1.0
 */
export const summary = (report: Report): string =>
  report.checks.map((c) => `${c.check}: ${c.passed} passed, ${c.failed} failed (${c.file})`).join("\n");

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
 * @category running
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
