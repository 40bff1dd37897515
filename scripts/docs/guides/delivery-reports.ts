/** Delivery reports: the DLR URL check, the callback payload, statuses, error codes, signatures. */
import { DeliveryReport } from "@septet/core";
import { dlrUrls, signatures } from "@septet/testing/vectors";
import { Effect } from "effect";
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
  return page("Delivery reports", [
    `A delivery report (DLR) is a POST from the SMS gateway to the key's or the request's DLR URL (see [Precedence](./precedence.md) for which applies) each time a message's status changes. ${api("core", "DeliveryReport")} checks the URL before it is ever called, decodes the callback body, and signs and verifies the \`${DeliveryReport.SIGNATURE_HEADER}\` header.`,
    "## The DLR URL check",
    [
      `${api("core", "DeliveryReport.checkUrl")} accepts a URL only when it is:`,
      "",
      "- absolute, with scheme `https:` (`http:` only when the caller passes `allowHttp`);",
      "- without user info (`https://user:pw@host/` is refused);",
      `- at most ${DeliveryReport.MAX_URL_LENGTH} characters;`,
      "- not an IP-literal host in a special-purpose range of the IANA IPv4 and IPv6 Special-Purpose Address Registries (loopback, private-use, link-local including 169.254.169.254, shared address space (CGNAT), unique-local, documentation, benchmarking, multicast, reserved, NAT64, 6to4, and their IPv4-mapped forms), unless allowed explicitly with `allowSpecialPurpose`. The host is read as the WHATWG URL parser reads it, so `https://0x7f.1/` and `https://2130706433/` are the loopback address they are.",
      "",
      "DNS names are not resolved: a service must also refuse private addresses when it connects (DNS rebinding), and never follow redirects from a DLR URL.",
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
    `${api("core", "DeliveryReport.decode")} decodes the callback body (raw JSON text of at most ${DeliveryReport.MAX_BODY_LENGTH} characters, or a parsed value) with the Schema ${api("core", "DeliveryReport.Report")}, reporting every problem at once. Unknown fields are dropped; \`status\`, \`err\`, \`error\` and \`timestamp\` are \`null\` while a message is in progress (absent ones decode as \`null\` too).`,
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
        "    Effect.andThen(DeliveryReport.decode(rawBody)),",
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
  ]);
};
