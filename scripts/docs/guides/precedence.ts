/** Precedence of sender, Auto-Replace mode and DLR URL: request over key over built-in default. */
import { ApiKey, DeliveryReport, Policy, Replacement, SmsRequest } from "@septet/core";
import { precedenceCells } from "@septet/testing/vectors";
import { Effect } from "effect";
import { api, code, md, page, table, text } from "../markdown.js";

const STATES = ["absent", "null", "empty", "valid", "invalid"] as const;
const LABEL: Readonly<Record<(typeof STATES)[number], string>> = {
  absent: "field absent",
  null: "`null`",
  empty: '`""`',
  valid: "valid value",
  invalid: "invalid value",
};

const n = (x: number) => x.toLocaleString("en-US");

const shownValue = (v: string | null | undefined): string =>
  v === undefined ? "_(absent)_" : v === null ? "`null`" : code(JSON.stringify(v));

export const precedenceGuide = (): string => {
  const rules = Policy.precedence;
  const requestError = Effect.runSync(
    Effect.flip(SmsRequest.decode({ messages: [{ channel: "sms", text: 1 }] })),
  );
  const errors: ReadonlyArray<readonly [string, Policy.PolicyError]> = [
    [
      "`Policy.Forbidden`: address not in the whitelist, or not an IP address",
      new Policy.Forbidden({ address: "198.51.100.7", reason: "address not in the key's IP whitelist" }),
    ],
    [
      "`Policy.InvalidField`: a value the policy refuses",
      new Policy.InvalidField({ source: "payload[dlr_url]", pointer: "/dlr_url", reason: "empty" }),
    ],
    [
      "`Policy.MissingField`: no sender anywhere",
      new Policy.MissingField({
        source: "payload[messages][0][sender]",
        pointer: "/messages/0/sender",
        reason: "no sender in the request and no default sender on the key",
      }),
    ],
    ["`SmsRequest.InvalidRequest`: the request does not decode (one error object per problem)", requestError],
  ];
  return page("Precedence", [
    `For three settings of an SMS API key, a message request may overrule the key: the **sender**, the **Auto-Replace mode** and the **delivery-report (DLR) URL**. ${api("core", "Policy.resolve")} applies the rule of the product: the request's value when present, else the key's, else the built-in default; and reports, for each setting, the value used, its provenance (\`"request"\`, \`"apiKey"\` or \`"default"\`) and the field that supplied it (\`payload[messages][0][sender]\`, \`apiKey[defaultSender]\`, or \`null\` for a default). The IP whitelist is never overruled by a request.`,
    '## What "present" means',
    [
      "Decided once, the same way for all three settings, so a client learns one rule:",
      "",
      '- a field that is **absent** and a field that is **`null`** both mean "not given" (JSON serialisers write `null` for unset optional fields): the key\'s value applies, else the built-in default;',
      '- **`""`** is a value, and an invalid one (an empty sender, mode or URL is never meant): error `105`, and the key\'s value is **not** used instead, so a client bug is surfaced, not hidden;',
      "- an **invalid** value is error `105`, again without falling back to the key;",
      '- a **valid** value is used, with provenance `"request"`.',
      "",
      '`sender` has a legacy alias, `from`: `sender` is read first, `from` only when `sender` is absent or `null`; both given with different values is error `105` (source `payload[messages][0][from]`). With `senders` configured on the key, the effective sender, whichever source supplied it, must be one of them, compared exactly (error `105`); like an empty whitelist, an empty `senders` list refuses every sender (fail closed), while an absent or `null` one means "not checked". The key\'s own values are checked with the same rules (a key built by hand may hold anything); a bad key value is error `105` with source `apiKey[<setting>]`.',
    ].join("\n"),
    "## The rules",
    `Printed from ${api("core", "Policy.precedence")}, the data the resolver documents itself with:`,
    table(
      ["setting", "request field(s)", "key setting", "built-in default", "valid request value"],
      rules.map((r) => [
        r.setting,
        r.requestFields.map((f) => code(f)).join(", "),
        code(r.keyField),
        md(r.builtInDefault),
        md(r.valid),
      ]),
    ),
    "What each way of writing the request field means, per setting:",
    table(
      ["request field", ...rules.map((r) => r.setting)],
      STATES.map((s) => [LABEL[s], ...rules.map((r) => md(r.states[s]))]),
    ),
    "## Every cell, tested",
    `The ${precedenceCells.length} cells below (3 settings × 5 request states × key set or unset) are the conformance vectors \`precedence.json\` ([Conformance kit](./conformance.md)); septet's tests run each through \`Policy.resolve\`. In each cell the other two settings are left to their defaults and, when the cell is not about the sender, the request names the sender \`"Base"\`.`,
    table(
      ["setting", "request value", "key value", "outcome", "why"],
      precedenceCells.map((c) => [
        c.setting,
        shownValue(c.requestValue),
        shownValue(c.keyValue),
        "code" in c.expected
          ? `error \`${c.expected.code}\`, source ${code(c.expected.source)}`
          : `${shownValue(c.expected.value)} (${c.expected.provenance})`,
        text(c.provenance),
      ]),
    ),
    "## Errors",
    `Failures map onto Omnichannel error objects \`{ title, detail, code, source }\` (${api("core", "Policy.toOmnichannelErrors")}); the rows show what each error gives:`,
    table(
      ["error", "code", "title", "source (example)"],
      errors.flatMap(([label, error]) => {
        const objects = Policy.toOmnichannelErrors(error);
        return objects.map((o, i) => [i === 0 ? label : "", `\`${o.code}\``, o.title, code(o.source)]);
      }),
    ),
    "`source` follows Messente's `payload[field][index][field]` form; the same errors also carry an RFC 6901 JSON Pointer (`/messages/0/text`) in `pointer`.",
    "## Caps",
    "Untrusted input passes a JSON gate before any Schema runs (only own data properties of plain objects and arrays are read; `__proto__` stays an inert key; getters, proxies, cycles, functions and `NaN` are refused). The limits, printed from the exported constants:",
    table(
      ["input", "cap", "constant"],
      [
        [
          "request body (`SmsRequest.decodeJson`)",
          `${n(SmsRequest.MAX_BODY_LENGTH)} UTF-16 units`,
          "`SmsRequest.MAX_BODY_LENGTH`",
        ],
        [
          "request structure",
          `nesting depth ${SmsRequest.JSON_CAPS.maxDepth}, ${n(SmsRequest.JSON_CAPS.maxNodes)} values, strings ≤ ${n(SmsRequest.JSON_CAPS.maxString)}`,
          "`SmsRequest.JSON_CAPS`",
        ],
        ["SMS `text`", `${n(SmsRequest.MAX_TEXT_LENGTH)} UTF-16 units`, "`SmsRequest.MAX_TEXT_LENGTH`"],
        [
          "`messages`",
          `1 to ${SmsRequest.MAX_MESSAGES} entries, exactly one \`sms\``,
          "`SmsRequest.MAX_MESSAGES`",
        ],
        [
          "key config (`ApiKey.decodeJson`)",
          `${n(ApiKey.MAX_CONFIG_LENGTH)} UTF-16 units`,
          "`ApiKey.MAX_CONFIG_LENGTH`",
        ],
        [
          "key config structure",
          `nesting depth ${ApiKey.JSON_CAPS.maxDepth}, ${n(ApiKey.JSON_CAPS.maxNodes)} values, strings ≤ ${n(ApiKey.JSON_CAPS.maxString)}`,
          "`ApiKey.JSON_CAPS`",
        ],
        ["key `name`", `${n(ApiKey.MAX_NAME_LENGTH)} characters`, "`ApiKey.MAX_NAME_LENGTH`"],
        ["`senders`", `${n(ApiKey.MAX_SENDERS)} entries`, "`ApiKey.MAX_SENDERS`"],
        [
          "replacement table",
          `${n(Replacement.TABLE_LIMITS.entries)} entries, keys ≤ ${Replacement.TABLE_LIMITS.keyLength}, values ≤ ${Replacement.TABLE_LIMITS.valueLength}`,
          "`Replacement.TABLE_LIMITS`",
        ],
        [
          "DLR URL (checked)",
          `${n(DeliveryReport.MAX_URL_LENGTH)} UTF-16 units`,
          "`DeliveryReport.MAX_URL_LENGTH`",
        ],
        [
          "delivery-report body",
          `${n(DeliveryReport.MAX_BODY_LENGTH)} UTF-16 units`,
          "`DeliveryReport.MAX_BODY_LENGTH`",
        ],
      ],
    ),
    "Whitelist entries are capped as the [IP whitelist](./ip-whitelist.md) describes.",
  ]);
};
