/**
 * Delivery reports: the DLR URL check, the callback payload, statuses, error codes, signatures,
 * secrets and rotation, replay, and the receiver recipe (examples/dlr-receiver/receiver.ts).
 */
import { readFileSync } from "node:fs";
import { DeliveryReport } from "@septet/core";
import { dlrUrls, signatures } from "@septet/testing/vectors";
import { Effect, Result } from "effect";
import { api, code, fence, json, page, table, text } from "../markdown.js";

/** What each payload field holds. Every field of `DeliveryReport.Report` must be described. */
const FIELDS: Readonly<Record<string, string>> = {
  status: "the delivery status (below); `null` while the message is in progress",
  err: "the error code (below); `null` while in progress",
  error: "a human-readable error text, or `null`",
  timestamp: "when the status changed: ISO 8601, read as UTC when it has no zone; decoded to a `Date`",
  message_id: "the message's id, as returned when it was sent",
  omnimessage_id: "the id of the whole Omnichannel request",
  channel: "`sms`, `viber`, …",
  to: "the recipient",
  sender: "the sender used (may be `null`)",
};

/** What each status means (Messente's delivery-report documentation). */
const STATUSES: Readonly<Record<DeliveryReport.Status, string>> = {
  ACK: "accepted by the operator",
  DELIVRD: "delivered",
  UNDELIV: "could not be delivered to the number",
  FAILED: "failed to deliver",
  UNKNOWN: "unknown outcome",
  ACCEPTD: "accepted for delivery",
  REJECTD: "rejected, not delivered",
  DELETED: "deleted from the delivery queue",
  EXPIRED: "validity expired before delivery",
  NACK: "not accepted for delivery",
  SEEN: "read by the recipient (chat channels)",
};

/** The receiver recipe, shown as it is tested (examples/dlr-receiver/receiver.test.ts). */
const RECIPE = "examples/dlr-receiver/receiver.ts";

/** What `sign` says for a secret: the signature of the sample body, or the refusal. */
const signWith = async (secret: unknown, options?: DeliveryReport.SignatureOptions): Promise<string> => {
  const r = await Effect.runPromise(
    Effect.result(DeliveryReport.sign(secret as DeliveryReport.Secret, "{}", options ?? {})),
  );
  return Result.isSuccess(r) ? code(r.success) : `${code(r.failure._tag)}: ${text(r.failure.message)}`;
};

const checkReason = (url: string): string => {
  const r = Effect.runSync(Effect.result(DeliveryReport.checkUrl(url)));
  return r._tag === "Success" ? "accepted" : text(r.failure.reason);
};

export const deliveryReportsGuide = async (): Promise<string> => {
  const fields = Object.keys(DeliveryReport.Report.fields);
  for (const f of fields)
    if (!(f in FIELDS)) throw new Error(`delivery reports guide: field ${f} is not described`);
  for (const s of DeliveryReport.statuses)
    if (!(s in STATUSES)) throw new Error(`delivery reports guide: status ${s} is not described`);
  const signed = await Promise.all(
    signatures.map(async (v) => [v, await Effect.runPromise(DeliveryReport.sign(v.secret, v.body))] as const),
  );
  for (const [v, s] of signed) if (s !== v.signature) throw new Error(`delivery reports guide: ${v.source}`);
  const body =
    '{"status":"DELIVRD","err":0,"message_id":"m-1","to":"+37251000000","timestamp":"2020-02-04T08:09:42.389630"}';
  const exampleSignature = await Effect.runPromise(
    DeliveryReport.sign("at least 16 characters of secret", body),
  );
  const decoded = await Effect.runPromise(DeliveryReport.decode(body));
  // "key" with a byte of padding on each side, to show that views use only their own window.
  const keyBytes = new TextEncoder().encode("_key_");
  const cryptoKey = await crypto.subtle.importKey(
    "raw",
    new TextEncoder().encode("key"),
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return page("Delivery reports", [
    `A delivery report (DLR) is a POST from the SMS gateway to the key's or the request's DLR URL (see [Precedence](./precedence.md) for which applies) each time a message's status changes. ${api("core", "DeliveryReport")} checks the URL before it is ever called, decodes the callback body, and signs and verifies the \`${DeliveryReport.SIGNATURE_HEADER}\` header.`,
    "## The DLR URL check",
    [
      `${api("core", "DeliveryReport.checkUrl")} accepts a URL only when it is:`,
      "",
      "- absolute, with scheme `https:` (`http:` only when the caller passes `allowHttp`);",
      "- without user info (`https://user:pw@host/` is refused);",
      `- at most ${DeliveryReport.MAX_URL_LENGTH} characters;`,
      "- not an IP-literal host in a special-purpose range of the IANA IPv4 and IPv6 Special-Purpose Address Registries (loopback, private-use, link-local including 169.254.169.254, shared address space (CGNAT), unique-local, documentation, benchmarking, multicast, reserved, NAT64, 6to4, SIIT's IPv4-translated `::ffff:0:0:0/96` (RFC 2765 §2.1), and the IPv4-mapped forms `::ffff:0:0/96` of the IPv4 blocks), unless allowed explicitly with `allowSpecialPurpose`. The host is read as the WHATWG URL parser reads it, so `https://0x7f.1/` and `https://2130706433/` are the loopback address they are.",
      "",
      "",
      "A non-string URL, or options of the wrong type (or whose getters throw), are refused with a reason naming the problem: the check fails closed and never throws.",
      "",
      "Other DNS names are not resolved by this pure check. The service that calls the URL must check the address each connection actually goes to (a name can resolve to 127.0.0.1, or change between the check and the connection: DNS rebinding) with the connect-time guard (see `examples/gateway`), and must not follow redirects from a DLR URL.",
    ].join("\n"),
    "Each URL below is a conformance vector (`dlr-urls.json`), checked with the default (strict) options when this page was generated:",
    table(
      ["URL", "host as parsed", "result", "why"],
      dlrUrls.map((v) => {
        const reason = checkReason(v.url);
        if ((reason === "accepted") !== v.accepted) throw new Error(`delivery reports guide: ${v.url}`);
        return [code(v.url), v.host === "" ? "_(none)_" : code(v.host), reason, text(v.why)];
      }),
    ),
    "## The payload",
    `${api("core", "DeliveryReport.decode")} decodes the callback body (raw JSON text of at most ${DeliveryReport.MAX_BODY_LENGTH} characters, the same raw bytes \`verify\` took, read as UTF-8, or a parsed value; any other object, such as a \`String\` object or a \`Map\`, is refused rather than read as a report without fields) with the Schema ${api("core", "DeliveryReport.Report")}, reporting every problem at once. Unknown fields are dropped; \`status\`, \`err\`, \`error\` and \`timestamp\` are \`null\` while a message is in progress (absent ones decode as \`null\` too). Nothing throws: a value whose getters or Proxy traps throw is an \`InvalidReport\` naming the field that could not be read; \`maxBodyLength\` changes the length cap.`,
    table(
      ["field", "holds"],
      fields.map((f) => [code(f), FIELDS[f] ?? ""]),
    ),
    "An example body and what it decodes to:",
    fence("json", body),
    fence("json", json({ ...decoded, timestamp: decoded.timestamp?.toISOString() ?? null })),
    "## Statuses",
    `\`status\` is one of ${api("core", "DeliveryReport.statuses")}:`,
    table(
      ["status", "meaning"],
      DeliveryReport.statuses.map((s) => [code(s), STATUSES[s]]),
    ),
    "## Error codes",
    `\`err\` is one of ${api("core", "DeliveryReport.errorCodes")}: ${DeliveryReport.errorCodes.map((c) => code(String(c))).join(", ")}. \`0\` is no error, \`999\` an unknown error, and \`1\` to \`10\` are the gateway's delivery error classes (their wording is the gateway's: see Messente's delivery-report documentation); any other value fails decoding.`,
    "## Verifying a signature",
    `Each callback carries \`${DeliveryReport.SIGNATURE_HEADER}\`: the lowercase hex HMAC-SHA256 (RFC 2104) of the **raw body bytes** keyed with the API key's secret. ${api("core", "DeliveryReport.verify")} recomputes it with Web Crypto (the same code runs in Node, Deno, Bun, edge runtimes and browsers) and compares in constant time; a signature that is not exactly 64 hex digits is refused as \`"malformed"\` before any hashing. Verify before decoding, on the bytes as received (not a re-serialisation):`,
    fence(
      "ts",
      [
        'import { DeliveryReport } from "@septet/core"',
        'import { Effect } from "effect"',
        "",
        "// rawBody: the request body exactly as received; header: the X-Messente-Signature value",
        "const report = await Effect.runPromise(",
        "  DeliveryReport.verify(secret, rawBody, header).pipe(",
        '    Effect.andThen(DeliveryReport.decode(rawBody, { maxAge: "5 minutes" })),',
        "  ),",
        ")",
      ].join("\n"),
    ),
    `For the example body above and the secret \`"at least 16 characters of secret"\`, the header is \`${exampleSignature}\`. ${api("core", "DeliveryReport.sign")} computes it (a gateway sends it; a test uses it). The signature vectors (\`signatures.json\`), recomputed when this page was generated:`,
    table(
      ["secret", "body", "X-Messente-Signature", "source"],
      signed.map(([v, s]) => [
        code(JSON.stringify(v.secret)),
        code(JSON.stringify(v.body)),
        code(s),
        text(v.source),
      ]),
    ),
    "## Secrets",
    `The secret is the API key's password as the provider issued it. ${api("core", "DeliveryReport.sign")} and ${api("core", "DeliveryReport.verify")} accept it in these forms (${api("core", "DeliveryReport.Secret")}); every form of the same bytes signs alike. The column on the right is what \`sign\` answers for the body \`{}\`, computed when this page was generated:`,
    table(
      ["secret", "bytes used", 'sign(secret, "{}")'],
      [
        ['`"key"` (string)', "its UTF-8 bytes", await signWith("key")],
        [
          "`Uint8Array` (a Node `Buffer` is one)",
          "its own window of the buffer",
          await signWith(keyBytes.subarray(1, 4)),
        ],
        ["`ArrayBuffer`", "all its bytes", await signWith(keyBytes.slice(1, 4).buffer)],
        ["`DataView`", "its own window of the buffer", await signWith(new DataView(keyBytes.buffer, 1, 3))],
        ["`CryptoKey` (HMAC SHA-256, may be non-extractable)", "the key's", await signWith(cryptoKey)],
        ['`""`, an empty buffer', "—", await signWith("")],
        ["`null`, a number, an object, a `Uint16Array`", "—", await signWith(null)],
        ["a string with a lone surrogate", "—", await signWith("k\uD800")],
        ['`"key"` with `{ minSecretBytes: 16 }`', "—", await signWith("key", { minSecretBytes: 16 })],
      ],
    ),
    [
      "- No minimum length is imposed by default: the secret is whatever the provider issued. A receiver that wants one passes `minSecretBytes`.",
      '- A `CryptoKey` must be an HMAC SHA-256 secret key; `sign` needs its `"sign"` usage, `verify` `"verify"` or `"sign"`.',
      "- Every refusal is an `InvalidSecret` failure (an `InvalidOptions` for an unusable option), never a thrown exception, and it comes before any hashing: a misconfigured secret fails every report loudly, not as a bad signature.",
      `- The body is capped: above ${DeliveryReport.MAX_SIGNED_BODY_BYTES} bytes (\`DeliveryReport.MAX_SIGNED_BODY_BYTES\`, 64 KiB; a real report is a few hundred bytes) \`sign\` and \`verify\` fail with \`InvalidBody\` before hashing. \`maxBodyBytes\` changes the cap. A body may be a string (UTF-8) or the raw bytes (\`Uint8Array\`, \`ArrayBuffer\`, \`DataView\`).`,
    ].join("\n"),
    "## Rotating a secret",
    [
      `\`verify\` takes a list of secrets (at most ${DeliveryReport.MAX_SECRETS}): the current one first, then the previous ones. It succeeds with \`{ secretIndex }\`, the position of the secret that matched. To replace a leaked API password without refusing real reports:`,
      "",
      "1. add the new secret in front: `verify([next, current], …)`; both verify;",
      "2. change the password at the provider; reports now verify with `secretIndex: 0`;",
      "3. once no report has verified with `secretIndex > 0` for longer than the provider retries, remove the old secret.",
    ].join("\n"),
    "## Replay",
    [
      "A signature proves who sent a body, not when: the header carries no timestamp, so a captured report and its signature verify forever. septet bounds replay in two ways that a receiver combines:",
      "",
      `- **Tolerance.** \`DeliveryReport.decode(raw, { maxAge })\` fails with \`StaleReport\` when the report's own \`timestamp\` is further than \`maxAge\` from the clock, in the past (\`"too-old"\`) or the future (\`"in-the-future"\`: clock skew, or a report that would outlive the deduplication window), and when the report has no timestamp (\`"no-timestamp"\`: its age cannot be bounded, so it is refused rather than let through). The clock is Effect's \`Clock\` service, so tests provide their own. Off by default.`,
      "- **Deduplication.** Within the tolerance, remember each report by its `message_id` and `status` and process it once; answer a repeat with a 2xx (the gateway may resend after a lost answer) without acting on it. An entry needs to be kept only until the report's timestamp plus `maxAge`: after that the tolerance refuses it.",
      "",
      "A tolerance of five minutes leaves room for the gateway's retries and for clock skew. The timestamp is signed with the rest of the body, so it cannot be moved without breaking the signature.",
    ].join("\n"),
    "## Receiver recipe",
    `The whole recipe, as a web-standard \`Request\` → \`Response\` handler (Node, Deno, Bun, edge runtimes): capped body, \`verify\` with rotation, \`decode\` with a tolerance, deduplication, and the HTTP status for each outcome. This is \`${RECIPE}\`, run by its tests (\`receiver.test.ts\` beside it):`,
    fence("ts", readFileSync(new URL(`../../../${RECIPE}`, import.meta.url), "utf8").trimEnd()),
  ]);
};
