/** "Why was this message 3 segments?": a real Policy.resolve, explained step by step. */
import { ApiKey, Policy, type Sms, SmsRequest } from "@septet/core";
import { Effect } from "effect";
import { api, code, codePoint, fence, glyph, json, literal, page, table } from "../markdown.js";

const KEY_CONFIG = {
  name: "example-shop",
  ipWhitelist: ["203.0.113.0/24"],
  defaultSender: "Shop",
  autoReplace: "on",
  replacementTable: { "„": '"', "“": '"' },
  dlrUrl: "https://shop.example/dlr",
};

const TEXT =
  "Hi Anna, your order #4521 „Express“ has shipped and arrives Friday between 10:00 and 14:00. We’ll text you when it’s out for delivery. Reply STOP to opt out.";

const REQUEST = { to: "+37251000000", messages: [{ channel: "sms", text: TEXT }] };

const resolve = (key: unknown, request: unknown): Policy.Resolution =>
  Effect.runSync(
    Effect.gen(function* () {
      const k = yield* ApiKey.decode(key);
      const r = yield* SmsRequest.decode(request);
      return yield* Policy.resolve(k, r);
    }),
  );

const settingRow = (name: string, r: Policy.Resolved<string | null>) => [
  name,
  code(JSON.stringify(r.value)),
  r.provenance,
  r.field === null ? "built-in default" : code(r.field),
];

const partsTable = (text: string, m: Sms.Measurement): string =>
  table(
    ["part", "UTF-16 range", "units used / capacity", "text of the part"],
    m.parts.map((p, i) => [
      String(i + 1),
      `${p.start}–${p.end}`,
      `${p.units} / ${p.capacity}`,
      code(literal(text.slice(p.start, p.end))),
    ]),
  );

export const walkthroughGuide = (): string => {
  const on = resolve(KEY_CONFIG, REQUEST);
  const full = resolve(KEY_CONFIG, {
    ...REQUEST,
    messages: [{ ...REQUEST.messages[0], autoconvert: "full" }],
  });
  const fixedKey = resolve(
    { ...KEY_CONFIG, replacementTable: { ...KEY_CONFIG.replacementTable, "’": "'" } },
    REQUEST,
  );
  const m = on.measurement;
  // The story this page tells must be what the code does; fail generation otherwise.
  if (m.segments !== 3 || m.encoding !== "UCS-2")
    throw new Error(`walkthrough: ${m.encoding}, ${m.segments} segments`);
  if (full.measurement.segments !== 1 || full.measurement.encoding !== "GSM-7")
    throw new Error("walkthrough: FULL does not give one GSM-7 segment");
  if (fixedKey.measurement.segments !== 1)
    throw new Error("walkthrough: the fixed table does not give one segment");
  const forced = m.forcedUcs2;
  const gsmUnits = full.measurement.units;
  return page("Why was this message 3 segments?", [
    `A walkthrough of one real request, generated from the result of ${api("core", "Policy.resolve")} (the numbers and tables on this page are what septet computed; the page is regenerated and checked on every change). A customer sends a ${TEXT.length}-character message and is billed for **${m.segments}** segments. Why?`,
    "## 1. The key and the request",
    "The API key (as its JSON config, decoded with `ApiKey.decode`):",
    fence("json", json(KEY_CONFIG)),
    "The request (`SmsRequest.decode`): no `sender`, no `autoconvert`, no `dlr_url`:",
    fence("json", json(REQUEST)),
    "## 2. What `Policy.resolve` decided",
    table(
      ["setting", "value", "provenance", "supplied by"],
      [
        settingRow("sender", on.sender),
        settingRow("autoReplace", on.autoReplace),
        settingRow("dlrUrl", on.dlrUrl),
      ],
    ),
    `The request names no mode, so the key's \`autoReplace: "on"\` applies ([Precedence](./precedence.md)). ON uses only the key owner's table, which maps ${code("„")} and ${code("“")}:`,
    table(
      ["index", "original", "replacement", "rule"],
      on.replacements.map((r) => [String(r.index), glyph(r.original), glyph(r.replacement), r.rule]),
    ),
    "## 3. Why it is UCS-2",
    `The outgoing text still holds ${forced.length === 1 ? "a character" : `${forced.length} characters`} outside GSM-7 (\`measurement.forcedUcs2\`):`,
    table(
      ["index", "character", "code point"],
      forced.map((f) => [String(f.index), glyph(f.char), codePoint(f.char.codePointAt(0) ?? 0)]),
    ),
    `The typographic apostrophe ${code("’")} is not in the [GSM-7 alphabets](./gsm7.md) and not in the key's table, so ON leaves it, and **one such character sends the whole message as UCS-2**: ${m.units} UTF-16 units.`,
    "## 4. Why 3 segments",
    `A UCS-2 message holds 70 units; a longer one is split into parts of ${m.perSegment} units each (every part carries a 6-octet concatenation header, see [Segments and capacities](./segments.md)). ${m.units} > 70, so the text is split: ⌈${m.units} / ${m.perSegment}⌉ = **${m.segments}** parts, ${m.remaining} units left in the last one. \`measurement.parts\`:`,
    partsTable(on.text, m),
    "## 5. How to make it 1 segment",
    `**Ask for FULL in the request** (\`"autoconvert": "full"\`): the request overrules the key (provenance \`${full.autoReplace.provenance}\`, field \`${full.autoReplace.field}\`), and FULL replaces what the table did not cover:`,
    table(
      ["index", "original", "replacement", "rule"],
      full.replacements.map((r) => [String(r.index), glyph(r.original), glyph(r.replacement), r.rule]),
    ),
    `The result is ${full.measurement.encoding}, ${gsmUnits} septets, **${full.measurement.segments}** segment (${full.measurement.remaining} septets to spare).`,
    `**Or add ${code("’")} → ${code("'")} to the key's table**: ON then makes the text ${fixedKey.measurement.encoding}, ${fixedKey.measurement.units} septets, **${fixedKey.measurement.segments}** segment, for every request on this key.`,
    `In a UI, the \`<septet-composer>\` element (${api("widget", "SeptetComposer")}) marks such characters as they are typed and previews what FULL would do.`,
  ]);
};
