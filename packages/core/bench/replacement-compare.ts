/**
 * FULL Auto-Replace throughput, side by side in ONE process on the SAME texts, with:
 * - sms-segments-calculator (Twilio's segment calculator) with smart encoding on: its
 *   `SegmentedMessage(text, "auto", true)` (smart encoding + segmentation, the closest peer to
 *   `apply`, which replaces and measures twice) and its `SmartEncodingMap` applied alone;
 * - any-ascii and transliteration (pure transliterators to ASCII, no measurement).
 * septet appears twice: the FULL engine alone (internal `runFull`: output text and the change
 * report, what the transliterators compute plus the report) and the public `apply`, which also
 * measures the text before and after with `Sms.measure` (what SegmentedMessage is compared to).
 * The last column is relative to the engine. A last row, not a peer, is a lower bound: one bare
 * `charCodeAt` pass over the text, what any JavaScript implementation spends at least.
 *
 * Run (from the repository root): npx pnpm@12.4.2 run bench:replacement
 *
 * (vitest 5 dropped the `bench()` function this file would otherwise use.) Each contender runs
 * in interleaved rounds of ~200 ms after a warm-up; the median round is reported, in input
 * megabytes (UTF-16 code units / 1e6) per second and calls per second.
 *
 * Corpora: the 25 language vectors of @septet/testing (Latin, Greek, Cyrillic messages) joined
 * with emoji (most words need replacing), and an English notification with curly quotes and
 * dashes (mostly GSM-7: the fast path).
 */
import { createRequire } from "node:module";
import { replacementLanguageVectors } from "@septet/testing/vectors";
import anyAscii from "any-ascii";
import { SegmentedMessage } from "sms-segments-calculator";
import { transliterate } from "transliteration";
import { runFull } from "../src/internal/replace/full.js";
import * as Replacement from "../src/Replacement.js";

const require = createRequire(import.meta.url);
const SmartEncodingMap: Record<string, string> =
  require("sms-segments-calculator/dist/libs/SmartEncodingMap.js").default;

const smartOnly = (text: string): string => {
  let out = "";
  for (const c of text) out += SmartEncodingMap[c] ?? c;
  return out;
};

let sink = 0;
const contenders: ReadonlyArray<readonly [string, (text: string) => void]> = [
  [
    "septet FULL engine (internal runFull: text + report, no result object)",
    (t) => {
      sink += runFull(t, undefined, undefined).text.length;
    },
  ],
  [
    "septet Replacement.apply FULL (replace + report + Sms.measure before and after)",
    (t) => {
      const r = Replacement.apply(t, { mode: "full" });
      if (r._tag === "Applied") sink += r.text.length + r.after.segments;
    },
  ],
  [
    "sms-segments-calculator SegmentedMessage (smart encoding)",
    (t) => {
      sink += new SegmentedMessage(t, "auto", true).segmentsCount;
    },
  ],
  [
    "sms-segments-calculator SmartEncodingMap only",
    (t) => {
      sink += smartOnly(t).length;
    },
  ],
  [
    "any-ascii",
    (t) => {
      sink += anyAscii(t).length;
    },
  ],
  [
    "transliteration",
    (t) => {
      sink += transliterate(t).length;
    },
  ],
  [
    // A lower bound, not a peer: what reading every code unit once costs in JavaScript.
    "floor: one charCodeAt pass (no output)",
    (t) => {
      let sum = 0;
      for (let i = 0; i < t.length; i++) sum += t.charCodeAt(i);
      sink += sum;
    },
  ],
];

// `repeat` and `join` may build ropes (trees of pieces) that every character read walks; a
// message from JSON, HTTP or a form field is one flat string. JSON.parse flattens them.
const flat = (text: string): string => JSON.parse(JSON.stringify(text)) as string;
const corpora: ReadonlyArray<readonly [string, string]> = [
  ["mixed languages", flat(replacementLanguageVectors.map((v) => v.input).join(" 👍 "))],
  [
    "English notification",
    flat(
      "Hi Anna, your order #1234 is on its way – we’ll text you when it’s “out for delivery”. Questions? Reply HELP… ".repeat(
        4,
      ),
    ),
  ],
];

const round = (fn: (t: string) => void, text: string, budgetMs: number): number => {
  let calls = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < budgetMs) {
    for (let i = 0; i < 20; i++) fn(text);
    calls += 20;
    elapsed = performance.now() - start;
  }
  return calls / (elapsed / 1000);
};

const median = (xs: Array<number>): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

for (const [name, text] of corpora) {
  for (const [, fn] of contenders) round(fn, text, 100); // warm-up
  const results = new Map<string, Array<number>>(contenders.map(([n]) => [n, []]));
  for (let r = 0; r < 7; r++) for (const [n, fn] of contenders) results.get(n)!.push(round(fn, text, 200));
  const rows = contenders.map(([n]) => [n, median(results.get(n)!)] as const);
  const septet = rows[0]![1];
  const peers = rows.slice(2).filter(([n]) => !n.startsWith("floor"));
  const fastestPeer = Math.max(...peers.map(([, v]) => v));
  const floor = rows.find(([n]) => n.startsWith("floor"))![1];
  console.log(`\n### ${name} (${text.length} UTF-16 code units)\n`);
  console.log("| contender | calls/s | MB/s (UTF-16 units) | septet is × faster |");
  console.log("| --- | ---: | ---: | ---: |");
  for (const [n, v] of rows)
    console.log(
      `| ${n} | ${Math.round(v).toLocaleString("en")} | ${((v * text.length) / 1e6).toFixed(1)} | ${(septet / v).toFixed(2)} |`,
    );
  console.log(`\nseptet FULL engine vs the fastest peer: ${(septet / fastestPeer).toFixed(2)}×`);
  console.log(`one bare charCodeAt pass vs the fastest peer: ${(floor / fastestPeer).toFixed(2)}×`);
}
if (sink === 42) console.log("");
