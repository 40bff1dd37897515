// Sms.measure throughput against four peers, side by side in one run, on three seeded corpora
// of 10,000 messages each. One benchmark iteration measures the whole corpus.
//
// Run (from the repository root): npx pnpm@12.4.2 run bench:sms
//
// What each library computes per message:
// - septet Sms.measure: encoding, septets/units, segments, remaining, every part's boundaries,
//   characters (grapheme clusters), forced-UCS-2 characters with indices, lone surrogates.
// - sms-segments-calculator: encoding, segments (grapheme clusters, per-character objects).
// - split-sms: encoding, the parts as strings.
// - sms-length: encoding, length, messages, remaining (regular expressions; no part boundaries).
// - @trt2/gsm-charset-utils: encoding, character count, message count.
import { createRequire } from "node:module";
import { test } from "vitest";
import * as Sms from "../src/Sms.js";

const require = createRequire(import.meta.url);
const { SegmentedMessage } = require("sms-segments-calculator") as {
  SegmentedMessage: new (text: string) => { segmentsCount: number };
};
const splitSms = require("split-sms") as { split(text: string): { parts: ReadonlyArray<unknown> } };
const smsLength = require("sms-length") as { count(text: string): { messages: number } };
const gsmCharsetUtils = require("@trt2/gsm-charset-utils") as {
  getCharCount(text: string): { msgCount: number };
};

const MESSAGES = 10_000;

/** mulberry32: a small seeded PRNG so the corpora are the same on every run. */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WORDS = (
  "your order has shipped and will arrive tomorrow between 9 and 12 please reply STOP to opt out code " +
  "verification is the meeting moved to Friday call me when you can thanks Ålesund Müller café niño " +
  "appointment reminder balance due 42.50 EUR at 10:30 see you soon ticket confirmed gate B12 @home"
)
  .split(" ")
  .filter(Boolean);
const EXTENSION = ["€", "{", "}", "[", "]", "~", "^", "|", "\\"];
const NON_GSM = ["ê", "ą", "ł", "č", "ő", "’", "“", "”", "–", "Ж", "щ", "ç", "ş", "…"];
const EMOJI = ["😀", "👍", "👍🏽", "❤️", "🎉", "👨‍👩‍👧", "🇪🇪", "🙏", "🔥", "✅"];

const corpus = (seed: number, extra: ReadonlyArray<string>, rate: number): Array<string> => {
  const random = prng(seed);
  const pick = <A>(xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)]!;
  const out: Array<string> = [];
  for (let i = 0; i < MESSAGES; i++) {
    // lengths 20..400 characters, most of them short (one or two segments)
    const target = 20 + Math.floor(random() ** 2 * 380);
    let text = "";
    while (text.length < target) {
      text += pick(WORDS);
      text += random() < rate ? pick(extra) : random() < 0.08 ? "\n" : " ";
    }
    // Built with `+=`, the text is a rope (a tree of pieces) that every character read walks; a
    // message from JSON, HTTP or a form field is one flat string. JSON.parse flattens it.
    out.push(JSON.parse(JSON.stringify(text)) as string);
  }
  return out;
};

const corpora = {
  "GSM-7 with extension characters": corpus(1, EXTENSION, 0.04),
  "text with some non-GSM characters": corpus(2, NON_GSM, 0.03),
  "text with emoji": corpus(3, EMOJI, 0.05),
};

// A local binding: vitest's module runner turns `Sms.measure` into a getter on every access.
const measure = Sms.measure;

let sink = 0;
const PLAIN_ONLY = /^[\n -Z_a-z]*$/;

for (const [name, messages] of Object.entries(corpora)) {
  test(`${name} (10,000 messages)`, async ({ bench }) => {
    await bench.compare(
      bench("septet Sms.measure", () => {
        for (const m of messages) sink += measure(m).segments;
      }),
      bench("sms-segments-calculator", () => {
        for (const m of messages) sink += new SegmentedMessage(m).segmentsCount;
      }),
      bench("split-sms", () => {
        for (const m of messages) sink += splitSms.split(m).parts.length;
      }),
      bench("sms-length", () => {
        for (const m of messages) sink += smsLength.count(m).messages;
      }),
      bench("@trt2/gsm-charset-utils", () => {
        for (const m of messages) sink += gsmCharsetUtils.getCharCount(m).msgCount;
      }),
      // Lower bounds, not peers: what any measurement costs at least. One native regular
      // expression pass (is the text plain ASCII GSM-7?) and one JavaScript read of every code unit.
      bench("floor: one native regex pass", () => {
        for (const m of messages) sink += PLAIN_ONLY.test(m) ? 1 : 0;
      }),
      bench("floor: one charCodeAt pass", () => {
        for (const m of messages) {
          let sum = 0;
          for (let i = 0; i < m.length; i++) sum += m.charCodeAt(i);
          sink += sum;
        }
      }),
      // at least 10 iterations and 2 s per library (sms-segments-calculator needs seconds per pass)
      { iterations: 10, time: 2000, warmupIterations: 2 },
    );
  }, 600_000);
}

export { sink };
