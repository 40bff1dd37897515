/**
 * The conformance cases: septet's vectors as versioned plain data, one file per area (the
 * `@septet/testing/conformance/v1/*.json` files are exactly {@link files}). Part of the
 * `Conformance` module.
 *
 * @internal
 */
import type { Gsm7 } from "@septet/core";
import { defined } from "../internal/defined.js";
import type { AddressVector, CidrVector, EntriesVector } from "../vectors/ip.js";
import { addressVectors, allowlistVectors, cidrVectors, entriesVectors } from "../vectors/ip.js";
import { dlrUrls, precedenceCells, senders, signatures } from "../vectors/policy.js";
import type { ReplacementVector } from "../vectors/replacement.js";
import {
  messenteVectors,
  replacementEdgeVectors,
  replacementLanguageVectors,
} from "../vectors/replacement.js";
import { smsVectors } from "../vectors/sms.js";

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
 * @category constants
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
 * @category constants
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
 * @category constants
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
 * @category vectors
 * @since 0.1.0
 */
export const files = (): Files => ({
  "sms.json": header(
    "sms.json",
    "SMS measurement and splitting",
    "Sms.measure / Sms.split: for each text and options, the encoding, units (septets or UTF-16 code units), billed segments, capacity per segment, units left in the last part, national shift tables chosen, characters, lone surrogates and the UTF-16 length of each part. Every boundary septet documents (159/160/161, 306/307, escape pair at 152/153, surrogate pair at 66/67, national language capacities).",
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
