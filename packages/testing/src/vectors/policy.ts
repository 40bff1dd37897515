/**
 * Conformance vectors for the policy: the precedence table cell by cell, delivery-report URL
 * checks, `X-Messente-Signature` values and sender IDs. Each vector names where its expected
 * value comes from.
 *
 * @since 0.1.0
 */

/**
 * The three settings a request may overrule.
 *
 * @category models
 * @since 0.1.0
 */
export type Setting = "sender" | "autoReplace" | "dlrUrl";

/**
 * How the request writes the field: key absent, JSON `null`, `""`, a valid value, an invalid one.
 *
 * @category models
 * @since 0.1.0
 */
export type RequestState = "absent" | "null" | "empty" | "valid" | "invalid";

/**
 * One cell of the precedence table.
 *
 * @category models
 * @since 0.1.0
 */
export interface PrecedenceCell {
  readonly setting: Setting;
  /** The request field written (`messages[0].sender`, `messages[0].autoconvert`, `dlr_url`). */
  readonly requestField: string;
  readonly request: RequestState;
  /** The value written in the request (`undefined` when the field is absent). */
  readonly requestValue: string | null | undefined;
  readonly key: "set" | "unset";
  /** The key setting's value (`undefined` when unset). */
  readonly keyValue: string | undefined;
  /** The resolved value and where it came from, or the Omnichannel error code and source. */
  readonly expected:
    | { readonly value: string | null; readonly provenance: "request" | "apiKey" | "default" }
    | { readonly code: "105" | "106"; readonly source: string };
  /** Why this is the expected outcome. */
  readonly provenance: string;
}

const RULE = "septet decision, precedence: request over key over built-in default";
const ABSENT_NULL = "septet decision (Policy.precedence): absent and null both mean 'not given'";
const EMPTY = 'septet decision (Policy.precedence): "" is a value and an invalid one, no fallback to the key';
const INVALID =
  "septet decision (Policy.precedence): an invalid request value is an error, no fallback to the key";

interface SettingSpec {
  readonly setting: Setting;
  readonly requestField: string;
  readonly source: string;
  readonly valid: string;
  readonly invalid: string;
  readonly keyValue: string;
  /** The built-in default, or the error when there is none. */
  readonly none: PrecedenceCell["expected"];
  readonly noneWhy: string;
  /** Normalised forms (a URL is reported as its `href`). */
  readonly normal?: (s: string) => string;
}

const specs: ReadonlyArray<SettingSpec> = [
  {
    setting: "sender",
    requestField: "messages[0].sender",
    source: "payload[messages][0][sender]",
    valid: "ReqSender",
    invalid: "TooLongSenderName",
    keyValue: "KeySender",
    none: { code: "106", source: "payload[messages][0][sender]" },
    noneWhy:
      "septet decision: defaultSender has no built-in default, a missing sender is an error (106 Missing data)",
  },
  {
    setting: "autoReplace",
    requestField: "messages[0].autoconvert",
    source: "payload[messages][0][autoconvert]",
    valid: "full",
    invalid: "ON",
    keyValue: "off",
    none: { value: "on", provenance: "default" },
    noneWhy: 'septet decision: autoReplace built-in default "on"',
  },
  {
    setting: "dlrUrl",
    requestField: "dlr_url",
    source: "payload[dlr_url]",
    valid: "https://request.example/dlr",
    invalid: "http://request.example/dlr",
    keyValue: "https://key.example/dlr",
    none: { value: null, provenance: "default" },
    noneWhy: "septet decision: dlrUrl built-in default none (no webhook)",
  },
];

const cellsOf = (spec: SettingSpec): ReadonlyArray<PrecedenceCell> => {
  const out: Array<PrecedenceCell> = [];
  const states: ReadonlyArray<readonly [RequestState, string | null | undefined]> = [
    ["absent", undefined],
    ["null", null],
    ["empty", ""],
    ["valid", spec.valid],
    ["invalid", spec.invalid],
  ];
  for (const [request, requestValue] of states) {
    for (const key of ["set", "unset"] as const) {
      const keyValue = key === "set" ? spec.keyValue : undefined;
      let expected: PrecedenceCell["expected"];
      let provenance: string;
      if (request === "valid") {
        expected = { value: spec.valid, provenance: "request" };
        provenance = RULE;
      } else if (request === "empty") {
        expected = { code: "105", source: spec.source };
        provenance = EMPTY;
      } else if (request === "invalid") {
        expected = { code: "105", source: spec.source };
        provenance = INVALID;
      } else if (key === "set") {
        expected = { value: spec.keyValue, provenance: "apiKey" };
        provenance = `${RULE}; ${ABSENT_NULL}`;
      } else {
        expected = spec.none;
        provenance = `${spec.noneWhy}; ${ABSENT_NULL}`;
      }
      out.push({
        setting: spec.setting,
        requestField: spec.requestField,
        request,
        requestValue,
        key,
        keyValue,
        expected,
        provenance,
      });
    }
  }
  return out;
};

/**
 * The precedence table, 30 cells: for each of sender, autoReplace and dlrUrl, the request field
 * absent / `null` / `""` / valid / invalid, times the key setting set / unset. In each cell the
 * other two settings are left to their defaults and the request names a valid sender when the
 * cell is not about the sender ("Base", key `defaultSender` unset).
 *
 * @category vectors
 * @since 0.1.0
 */
export const precedenceCells: ReadonlyArray<PrecedenceCell> = specs.flatMap(cellsOf);

/**
 * A delivery-report URL and whether `DeliveryReport.checkUrl` accepts it with default (strict)
 * options; `host` is the WHATWG-parsed hostname the check looks at.
 *
 * @category models
 * @since 0.1.0
 */
export interface DlrUrlVector {
  readonly url: string;
  readonly accepted: boolean;
  readonly host: string;
  readonly why: string;
}

const iana4 = "IANA IPv4 Special-Purpose Address Registry";
const iana6 = "IANA IPv6 Special-Purpose Address Registry";

/**
 * Delivery-report URLs, strict options (no `http:`, no special-purpose hosts).
 *
 * @category vectors
 * @since 0.1.0
 */
export const dlrUrls: ReadonlyArray<DlrUrlVector> = [
  {
    url: "https://example.com/dlr",
    accepted: true,
    host: "example.com",
    why: "septet decision: absolute https: URL",
  },
  { url: "https://8.8.8.8/dlr", accepted: true, host: "8.8.8.8", why: "public IPv4 literal" },
  {
    url: "https://[2606:4700:4700::1111]/",
    accepted: true,
    host: "[2606:4700:4700::1111]",
    why: "public IPv6 literal",
  },
  {
    url: "http://example.com/dlr",
    accepted: false,
    host: "example.com",
    why: "septet decision: http: only when allowed",
  },
  { url: "ftp://example.com/dlr", accepted: false, host: "example.com", why: "not https:" },
  { url: "javascript:alert(1)", accepted: false, host: "", why: "not https:" },
  { url: "/relative/dlr", accepted: false, host: "", why: "septet decision: absolute URL" },
  {
    url: "https://user:pw@example.com/",
    accepted: false,
    host: "example.com",
    why: "septet decision: no user info",
  },
  {
    url: "https://user@example.com/",
    accepted: false,
    host: "example.com",
    why: "septet decision: no user info",
  },
  { url: "https://127.0.0.1/", accepted: false, host: "127.0.0.1", why: `${iana4}: 127.0.0.0/8 Loopback` },
  {
    url: "https://0x7f.1/",
    accepted: false,
    host: "127.0.0.1",
    why: "WHATWG URL host parser normalises 0x7f.1 to 127.0.0.1",
  },
  {
    url: "https://2130706433/",
    accepted: false,
    host: "127.0.0.1",
    why: "WHATWG URL: integer host 2130706433 is 127.0.0.1",
  },
  { url: "https://0177.0.0.1/", accepted: false, host: "127.0.0.1", why: "WHATWG URL: octal 0177 is 127" },
  { url: "https://127.1/", accepted: false, host: "127.0.0.1", why: "WHATWG URL: short form 127.1" },
  { url: "https://10.1.2.3/", accepted: false, host: "10.1.2.3", why: `${iana4}: 10.0.0.0/8 Private-Use` },
  {
    url: "https://172.16.0.1/",
    accepted: false,
    host: "172.16.0.1",
    why: `${iana4}: 172.16.0.0/12 Private-Use`,
  },
  {
    url: "https://192.168.1.1/",
    accepted: false,
    host: "192.168.1.1",
    why: `${iana4}: 192.168.0.0/16 Private-Use`,
  },
  {
    url: "https://169.254.169.254/latest/meta-data/",
    accepted: false,
    host: "169.254.169.254",
    why: `${iana4}: 169.254.0.0/16 Link Local`,
  },
  {
    url: "https://100.64.0.1/",
    accepted: false,
    host: "100.64.0.1",
    why: `${iana4}: 100.64.0.0/10 Shared Address Space`,
  },
  { url: "https://0.0.0.0/", accepted: false, host: "0.0.0.0", why: `${iana4}: 0.0.0.0/8 This network` },
  { url: "https://224.0.0.1/", accepted: false, host: "224.0.0.1", why: "RFC 5771: 224.0.0.0/4 Multicast" },
  {
    url: "https://192.0.2.10/",
    accepted: false,
    host: "192.0.2.10",
    why: `${iana4}: 192.0.2.0/24 Documentation`,
  },
  {
    url: "https://198.18.5.5/",
    accepted: false,
    host: "198.18.5.5",
    why: `${iana4}: 198.18.0.0/15 Benchmarking`,
  },
  { url: "https://240.0.0.1/", accepted: false, host: "240.0.0.1", why: `${iana4}: 240.0.0.0/4 Reserved` },
  {
    url: "https://255.255.255.255/",
    accepted: false,
    host: "255.255.255.255",
    why: `${iana4}: Limited Broadcast`,
  },
  { url: "https://[::1]/", accepted: false, host: "[::1]", why: `${iana6}: ::1/128 Loopback` },
  { url: "https://[::]/", accepted: false, host: "[::]", why: `${iana6}: ::/128 Unspecified` },
  {
    url: "https://[::ffff:127.0.0.1]/",
    accepted: false,
    host: "[::ffff:7f00:1]",
    why: "IPv4-mapped loopback, matched as IPv4",
  },
  {
    url: "https://[::ffff:a9fe:a9fe]/",
    accepted: false,
    host: "[::ffff:a9fe:a9fe]",
    why: "IPv4-mapped 169.254.169.254",
  },
  { url: "https://[fc00::1]/", accepted: false, host: "[fc00::1]", why: `${iana6}: fc00::/7 Unique-Local` },
  {
    url: "https://[fd12:3456::1]/",
    accepted: false,
    host: "[fd12:3456::1]",
    why: `${iana6}: fc00::/7 Unique-Local`,
  },
  { url: "https://[fe80::1]/", accepted: false, host: "[fe80::1]", why: `${iana6}: fe80::/10 Link-Local` },
  { url: "https://[ff02::1]/", accepted: false, host: "[ff02::1]", why: "RFC 4291 §2.7: ff00::/8 Multicast" },
  {
    url: "https://[2001:db8::1]/",
    accepted: false,
    host: "[2001:db8::1]",
    why: `${iana6}: 2001:db8::/32 Documentation`,
  },
  {
    url: "https://[64:ff9b::7f00:1]/",
    accepted: false,
    host: "[64:ff9b::7f00:1]",
    why: `${iana6}: 64:ff9b::/96 NAT64`,
  },
  {
    url: "https://[2002:7f00:1::]/",
    accepted: false,
    host: "[2002:7f00:1::]",
    why: `${iana6}: 2002::/16 6to4`,
  },
  {
    url: "https://[::ffff:0:127.0.0.1]/",
    accepted: false,
    host: "[::ffff:0:7f00:1]",
    why: "RFC 2765 §2.1: ::ffff:0:0:0/96 IPv4-translated (SIIT), reaches 127.0.0.1 through a translator",
  },
  {
    url: "https://localhost/dlr",
    accepted: false,
    host: "localhost",
    why: "RFC 6761 §6.3: localhost is loopback",
  },
  {
    url: "https://LOCALHOST./dlr",
    accepted: false,
    host: "localhost.",
    why: "RFC 6761 §6.3: the same name, upper case and fully qualified",
  },
  {
    url: "https://api.localhost/dlr",
    accepted: false,
    host: "api.localhost",
    why: "RFC 6761 §6.3: names under localhost. are loopback",
  },
  {
    url: "https://localhost.example.com/dlr",
    accepted: true,
    host: "localhost.example.com",
    why: "an ordinary name that starts with localhost (resolved and checked at connect time)",
  },
  {
    url: "https://example.com:0/dlr",
    accepted: false,
    host: "example.com",
    why: "port 0: no server listens there",
  },
];

/**
 * An `X-Messente-Signature` value: lowercase hex HMAC-SHA256 of `body` (UTF-8) keyed with
 * `secret` (UTF-8).
 *
 * @category models
 * @since 0.1.0
 */
export interface SignatureVector {
  readonly secret: string;
  readonly body: string;
  readonly signature: string;
  readonly source: string;
}

/**
 * Signature vectors (each also re-checked against `node:crypto` in septet's tests).
 *
 * @category vectors
 * @since 0.1.0
 */
export const signatures: ReadonlyArray<SignatureVector> = [
  {
    secret: "Jefe",
    body: "what do ya want for nothing?",
    signature: "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843",
    source: "RFC 4231 §4.3 (test case 2)",
  },
  {
    secret: "key",
    body: "The quick brown fox jumps over the lazy dog",
    signature: "f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8",
    source: "widely published HMAC-SHA256 example (Wikipedia, HMAC)",
  },
];

/**
 * A sender ID and whether it is acceptable.
 *
 * @category models
 * @since 0.1.0
 */
export interface SenderVector {
  readonly sender: string;
  readonly valid: boolean;
  readonly why: string;
}

/**
 * Sender IDs (septet decision: alphanumeric up to 11 GSM characters, or numeric up to 15 digits with
 * an optional `+`).
 *
 * @category vectors
 * @since 0.1.0
 */
export const senders: ReadonlyArray<SenderVector> = [
  { sender: "Septet", valid: true, why: "alphanumeric" },
  { sender: "ElevenChars", valid: true, why: "alphanumeric, 11 characters" },
  { sender: "TwelveCharss", valid: false, why: "alphanumeric, 12 characters" },
  { sender: "My Shop", valid: true, why: "space inside is a GSM character" },
  { sender: " Shop", valid: false, why: "leading space" },
  { sender: "Shop ", valid: false, why: "trailing space" },
  { sender: "Café", valid: true, why: "é is in the GSM 7-bit default alphabet" },
  { sender: "Ünï", valid: false, why: "ï is not GSM 7-bit" },
  { sender: "Euro€€€", valid: true, why: "€ is an extension character (2 septets): 4 + 3×2 = 10 septets" },
  { sender: "Euro€€€€", valid: false, why: "4 + 4×2 = 12 septets, over 11" },
  { sender: "Shop😀", valid: false, why: "emoji is not GSM 7-bit" },
  { sender: "Line\nBreak", valid: false, why: "control character" },
  { sender: "+37251000000", valid: true, why: "numeric with +" },
  { sender: "37251000000", valid: true, why: "numeric without +" },
  { sender: "123456789012345", valid: true, why: "numeric, 15 digits" },
  { sender: "1234567890123456", valid: false, why: "numeric, 16 digits" },
  { sender: "+", valid: false, why: "no digit and no letter: neither numeric nor alphanumeric" },
  { sender: "12-34", valid: false, why: "no letter: not alphanumeric, and not all digits" },
  { sender: "A-1", valid: true, why: "alphanumeric with punctuation (GSM characters)" },
  { sender: "", valid: false, why: "empty" },
];
