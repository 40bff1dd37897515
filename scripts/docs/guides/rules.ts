/**
 * The index of every product rule, each with where it is documented, implemented and
 * tested. The generator checks that every test file named here exists.
 */
import { existsSync } from "node:fs";
import { api, page, table } from "../markdown.js";

interface Rule {
  readonly rule: string;
  /** Markdown link(s) to the guide section. */
  readonly guide: string;
  /** API symbols, `core:Sms.measure` style. */
  readonly api: ReadonlyArray<string>;
  /** Test files (repository paths). */
  readonly tests: ReadonlyArray<string>;
}

const link = (file: string, label: string, anchor = "") =>
  `[${label}](./${file}${anchor === "" ? "" : `#${anchor}`})`;
const PRECEDENCE = link("precedence.md", "Precedence");
const IP = link("ip-whitelist.md", "IP whitelist");
const SEGMENTS = link("segments.md", "Segments and capacities");
const GSM7 = link("gsm7.md", "GSM-7 alphabets");
const NATIONAL = link("national-languages.md", "National language tables");
const REPLACEMENT = link("replacement.md", "Auto-Replace");
const DLR = link("delivery-reports.md", "Delivery reports");
const WALK = link("walkthrough.md", "Walkthrough");

const T = {
  apiKey: "packages/core/src/ApiKey.test.ts",
  request: "packages/core/src/SmsRequest.test.ts",
  policy: "packages/core/src/Policy.test.ts",
  ip: "packages/core/src/Ip.test.ts",
  allowlist: "packages/core/src/Allowlist.test.ts",
  sms: "packages/core/src/Sms.test.ts",
  smsDiff: "packages/core/src/Sms.differential.test.ts",
  gsm7: "packages/core/src/Gsm7.test.ts",
  replacement: "packages/core/src/Replacement.test.ts",
  table: "packages/core/src/ReplacementTable.test.ts",
  dlr: "packages/core/src/DeliveryReport.test.ts",
  dlrSecurity: "packages/core/src/DeliveryReport.security.test.ts",
  dlrReceiver: "examples/dlr-receiver/receiver.test.ts",
  gateway: "examples/gateway/gateway.test.ts",
  egress: "packages/core/src/Egress.test.ts",
  clientAddress: "packages/core/src/ClientAddress.test.ts",
  deliver: "examples/gateway/deliver.test.ts",
  hardening: "examples/gateway/hardening.test.ts",
  conformance: "packages/testing/src/Conformance.test.ts",
} as const;

const SECTIONS: ReadonlyArray<readonly [title: string, rules: ReadonlyArray<Rule>]> = [
  [
    "The API key and the request",
    [
      {
        rule: "A key carries an IP whitelist, a default sender, an Auto-Replace mode (off / on / full, default on), a replacement table, a DLR URL and optionally the activated senders; a config is decoded with every problem reported at once.",
        guide: PRECEDENCE,
        api: ["core:ApiKey.decode", "core:ApiKey.ApiKey"],
        tests: [T.apiKey],
      },
      {
        rule: "The request is the Omnichannel JSON; unknown fields are kept out of the decision; hostile keys (`__proto__`, `constructor`) never reach an object prototype; input is capped.",
        guide: `${PRECEDENCE} (Caps)`,
        api: ["core:SmsRequest.decode", "core:SmsRequest.decodeJson"],
        tests: [T.request],
      },
    ],
  ],
  [
    "IP whitelist",
    [
      {
        rule: "Strict grammar: IPv4 four decimal octets without leading zeros (no octal, hex, short or integer forms); IPv6 RFC 4291 text forms with at most one `::` and an optional trailing dotted quad; no zone IDs, no brackets.",
        guide: IP,
        api: ["core:Ip.parseAddress"],
        tests: [T.ip, T.conformance],
      },
      {
        rule: "Prefix: digits only, no sign, no leading zero, at most 32 / 128.",
        guide: IP,
        api: ["core:Ip.parseCidr"],
        tests: [T.ip],
      },
      {
        rule: "ASCII only; input length capped before parsing; no backtracking regex.",
        guide: IP,
        api: ["core:Ip.MAX_INPUT_LENGTH"],
        tests: [T.ip],
      },
      {
        rule: "Host bits in a range are accepted and masked, and the normalised form is reported back.",
        guide: IP,
        api: ["core:Allowlist.rules", "core:Ip.Cidr"],
        tests: [T.allowlist, T.ip],
      },
      {
        rule: "A client `::ffff:a.b.c.d` is matched as IPv4 `a.b.c.d`; a mapped rule of /96 or longer is the IPv4 rule; a mapped rule shorter than /96 is rejected.",
        guide: IP,
        api: ["core:Allowlist.allows", "core:Allowlist.make"],
        tests: [T.allowlist],
      },
      {
        rule: "`0.0.0.0/0` covers every IPv4 client, `::/0` every native IPv6 client, neither the other family; NAT64, 6to4, Teredo and IPv4-compatible addresses are not unwrapped.",
        guide: IP,
        api: ["core:Allowlist.allows"],
        tests: [T.allowlist],
      },
      {
        rule: "An empty whitelist denies every client.",
        guide: IP,
        api: ["core:Allowlist.allows"],
        tests: [T.allowlist],
      },
      {
        rule: "One bad entry fails the whole list with an error naming every bad entry (index, input, reason).",
        guide: IP,
        api: ["core:Allowlist.InvalidAllowlist"],
        tests: [T.allowlist],
      },
      {
        rule: "A client address that does not parse is denied; the check never throws.",
        guide: IP,
        api: ["core:Allowlist.allows", "core:Policy.authorize"],
        tests: [T.allowlist, T.policy],
      },
    ],
  ],
  [
    "Precedence",
    [
      {
        rule: "Sender, Auto-Replace mode and DLR URL: the request's value when present, else the key's, else the built-in default; missing, `null` and `\"\"` decided once per field, in a table, tested cell by cell.",
        guide: PRECEDENCE,
        api: ["core:Policy.precedence", "core:Policy.resolve"],
        tests: [T.policy, T.conformance],
      },
      {
        rule: "Every resolved value carries its provenance (`request`, `apiKey`, `default`).",
        guide: `${PRECEDENCE}, ${WALK}`,
        api: ["core:Policy.Resolved", "core:Policy.Resolution"],
        tests: [T.policy],
      },
      {
        rule: "With `senders` configured, the effective sender must be one of them; sender IDs are alphanumeric up to 11 GSM characters or numeric up to 15 digits with optional `+`.",
        guide: PRECEDENCE,
        api: ["core:ApiKey.SenderId", "core:Policy.resolve"],
        tests: [T.policy, T.apiKey],
      },
      {
        rule: "Failures are typed errors mapping onto Omnichannel error objects (`105` Invalid data, `106` Missing data, `102` Forbidden), `source` naming the field.",
        guide: `${PRECEDENCE} (Errors)`,
        api: ["core:Policy.toOmnichannelError", "core:Policy.toOmnichannelErrors"],
        tests: [T.policy, T.gateway],
      },
    ],
  ],
  [
    "Encoding and segments",
    [
      {
        rule: "GSM 7-bit default alphabet and extension table; an extension character costs 2 septets.",
        guide: GSM7,
        api: ["core:Gsm7.defaultAlphabet", "core:Gsm7.defaultExtension", "core:Sms.measure"],
        tests: [T.gsm7, T.sms],
      },
      {
        rule: "Every national language single-shift and locking-shift table of TS 23.038, opt-in per message, chosen to minimise segments (fewest parts, then most room left).",
        guide: NATIONAL,
        api: ["core:Gsm7.languages", "core:Sms.MeasureOptions"],
        tests: [T.gsm7, T.sms],
      },
      {
        rule: "Capacities: 160 / 153 / 152 septets, UCS-2 70 / 67 / 66 units; national language headers reduce them (155 / 149 with one table, 152 / 146 with two).",
        guide: SEGMENTS,
        api: ["core:Sms.measure"],
        tests: [T.sms, T.conformance],
      },
      {
        rule: "UCS-2 counts UTF-16 code units (an emoji is 2); inside UCS-2 an extension character is 1.",
        guide: SEGMENTS,
        api: ["core:Sms.measure"],
        tests: [T.sms],
      },
      {
        rule: "A split never separates an escape pair or a surrogate pair; grapheme clusters stay whole by default, with an option to split on code points.",
        guide: SEGMENTS,
        api: ["core:Sms.split", "core:Sms.truncate"],
        tests: [T.sms, T.smsDiff],
      },
      {
        rule: "Empty text is 1 segment; CR LF counts 2; lone surrogates count as UCS-2 units and are reported.",
        guide: SEGMENTS,
        api: ["core:Sms.Measurement"],
        tests: [T.sms],
      },
      {
        rule: "The result names each character that forced UCS-2, with its position.",
        guide: `${SEGMENTS}, ${WALK}`,
        api: ["core:Sms.Forced", "core:Sms.Measurement"],
        tests: [T.sms],
      },
    ],
  ],
  [
    "Replacement (Auto-Replace)",
    [
      {
        rule: "OFF: text unchanged, byte for byte.",
        guide: REPLACEMENT,
        api: ["core:Replacement.apply"],
        tests: [T.replacement],
      },
      {
        rule: "ON: the key's table of characters and words, one left-to-right pass, longest match first, output never re-scanned; an empty key or a conflicting duplicate is refused with a typed error.",
        guide: REPLACEMENT,
        api: ["core:Replacement.makeTable", "core:ReplacementTable.ReplacementTable"],
        tests: [T.replacement, T.table],
      },
      {
        rule: "FULL: the key's table, then every character outside GSM-7 to its closest GSM-7 text: GSM characters never touched, NFC first, curated quotes / dashes / spaces / symbols, diacritics stripped, Greek and Cyrillic transliterated, one-septet targets preferred.",
        guide: REPLACEMENT,
        api: ["core:Transliteration.entries", "core:Replacement.Rule"],
        tests: [T.replacement],
      },
      {
        rule: "Leftovers FULL cannot map follow a policy: keep (default), all-or-nothing, reject, or substitute.",
        guide: REPLACEMENT,
        api: ["core:Replacement.LeftoverPolicy"],
        tests: [T.replacement],
      },
      {
        rule: "Every replacement is reported (position, original, replacement).",
        guide: `${REPLACEMENT}, ${WALK}`,
        api: ["core:Replacement.Change", "core:Replacement.replay"],
        tests: [T.replacement],
      },
    ],
  ],
  [
    "Delivery reports",
    [
      {
        rule: "A DLR URL must be absolute `https:` (`http:` only when allowed), without user info; an IP-literal host in a special-purpose range is refused unless allowed explicitly.",
        guide: DLR,
        api: ["core:DeliveryReport.checkUrl"],
        tests: [T.dlr],
      },
      {
        rule: "`localhost` and `*.localhost` are loopback names (RFC 6761) refused like 127.0.0.1; so are the SIIT prefix `::ffff:0:0:0/96` and port 0.",
        guide: DLR,
        api: ["core:DeliveryReport.checkUrl"],
        tests: [T.dlrSecurity, T.conformance],
      },
      {
        rule: "The callback body is decoded with a Schema: status and err enumerations, nulls while in progress.",
        guide: DLR,
        api: ["core:DeliveryReport.decode", "core:DeliveryReport.Report"],
        tests: [T.dlr],
      },
      {
        rule: "`X-Messente-Signature` is hex HMAC-SHA256 of the raw body keyed with the key's secret; septet signs and verifies it (Web Crypto, constant-time comparison).",
        guide: DLR,
        api: ["core:DeliveryReport.sign", "core:DeliveryReport.verify"],
        tests: [T.dlr, T.gateway],
      },
      {
        rule: "The secret is the key's API password as issued: a string, `Uint8Array`, `ArrayBuffer`, `DataView` or HMAC SHA-256 `CryptoKey`, never empty, no minimum length unless the receiver asks (`minSecretBytes`); anything else is a typed error. Bodies are capped.",
        guide: DLR,
        api: [
          "core:DeliveryReport.Secret",
          "core:DeliveryReport.InvalidSecret",
          "core:DeliveryReport.InvalidBody",
        ],
        tests: [T.dlrSecurity],
      },
      {
        rule: "Several secrets may be given to `verify` during a rotation; it says which one matched.",
        guide: DLR,
        api: ["core:DeliveryReport.verify", "core:DeliveryReport.Verified"],
        tests: [T.dlrSecurity, T.dlrReceiver],
      },
      {
        rule: "Replay is bounded by the report's own timestamp (an opt-in tolerance, `maxAge`) and by deduplication by message id and status, as the receiver recipe does.",
        guide: DLR,
        api: ["core:DeliveryReport.decode", "core:DeliveryReport.StaleReport"],
        tests: [T.dlrSecurity, T.dlrReceiver],
      },
    ],
  ],
  [
    "Gateway and clients",
    [
      {
        rule: "A connect-time guard (a `lookup` hook for `node:http`, `node:https`, `node:net` and undici) checks every address a DLR host name resolves to and refuses special-purpose ones (loopback, private, link-local, CGNAT, ULA, multicast, unspecified, SIIT, mapped forms), so a `localhost` or DNS-rebinding URL never reaches a local service; the reference gateway delivers through it without following redirects, with timeouts.",
        guide: `${DLR}, ${api("core", "Egress", "Egress")} module`,
        api: ["core:Egress.lookup", "core:Egress.check"],
        tests: [T.egress, T.deliver, T.hardening],
      },
      {
        rule: "The client address is the socket address unless trusted proxies are configured; then it is taken from `Forwarded` / `X-Forwarded-For`, walking from the right past trusted hops only; a malformed header falls back to the last trusted address.",
        guide: `${IP}, ${api("core", "ClientAddress", "ClientAddress")} module`,
        api: ["core:ClientAddress.resolve"],
        tests: [T.clientAddress, T.hardening],
      },
    ],
  ],
  [
    "Packages",
    [
      {
        rule: "`<septet-composer>`: the drop-in composer element; it only calls `@septet/core`.",
        guide: WALK,
        api: ["widget:SeptetComposer"],
        tests: ["packages/widget/src/composer/composer.test.ts"],
      },
      {
        rule: "`@septet/testing`: fast-check arbitraries and the conformance vectors, with a runner for other implementations.",
        guide: link("conformance.md", "Conformance kit"),
        api: ["testing:Conformance.run", "testing:SmsArbitraries"],
        tests: [T.conformance],
      },
    ],
  ],
];

const apiLink = (ref: string): string => {
  const [pkg, symbol] = ref.split(":") as ["core" | "testing" | "widget", string];
  return api(pkg, symbol);
};

export const rulesGuide = (): string => {
  const root = new URL("../../../", import.meta.url);
  for (const [, rules] of SECTIONS)
    for (const r of rules)
      for (const t of r.tests)
        if (!existsSync(new URL(t, root))) throw new Error(`rules guide: no test file ${t}`);
  return page("Rules", [
    "Every rule septet enforces, each with the page that documents it in full, the API that implements it, and the test files that prove it (beside the code: `packages/core/src/<Module>.test.ts`, `packages/testing/src/Conformance.test.ts`, `examples/gateway/gateway.test.ts`).",
    "Related pages: " +
      [
        GSM7,
        NATIONAL,
        SEGMENTS,
        WALK,
        REPLACEMENT,
        PRECEDENCE,
        IP,
        DLR,
        link("conformance.md", "Conformance kit"),
      ].join(" · "),
    ...SECTIONS.flatMap(([title, rules]) => [
      `## ${title}`,
      table(
        ["rule", "documented in", "implemented by", "tested in"],
        rules.map((r) => [
          r.rule.replace(/\|/g, "\\|"),
          r.guide,
          r.api.map(apiLink).join(", "),
          r.tests.map((t) => `\`${t.split("/").pop()}\``).join("<br>"),
        ]),
      ),
    ]),
  ]);
};
