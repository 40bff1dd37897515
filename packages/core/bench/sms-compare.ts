/**
 * `Sms.measure` and `Sms.split` against the peers, side by side in ONE process on the SAME flat
 * strings, in interleaved rounds (median of 7 rounds of ~150 ms of CPU time per contender and case).
 *
 * Run (from the repository root): npx pnpm@12.4.2 run bench:sms:compare
 *
 * Corpora (seeded, 3,000 messages of 1–1,000 UTF-16 units each):
 * (a) GSM-7 with extension characters; (b) every message needs UCS-2 (accented Latin, smart
 * quotes, dashes; 10 % mostly Cyrillic); (c) every message has emoji (astral, BMP symbols, ZWJ
 * sequences, flags, keycaps). Single messages: GSM-7 and UCS-2 texts of 160, 1,600 and 10,000
 * units, and a 1,000-unit text with no GSM-7 character at all.
 *
 * Floors (not peers; each reads every code unit, computing nothing useful):
 * - `charCodeAt` pass: one JavaScript read of every code unit, summed;
 * - first non-GSM: a table loop that stops at the first character outside GSM-7 (what the fastest
 *   peers do; on GSM-7 text it reads everything);
 * - UTF-16 copy + table: `Buffer.from(text, "utf16le")` then a septet-table sum over the copy;
 * - UTF-16 copy, 32-bit reads + table: what the Node-only pass of `Sms.measure` does minus the
 *   part bookkeeping (a write into one reused buffer, two units per read through a 64 KiB table).
 *
 * `--portable` (after the case) switches the Node-only pass of `Sms.measure` and `Sms.count` off
 * (`useNativeCopy`) for the whole run: the figures without Node-only API. They come from a run of
 * their own because switching the pass off and on between rounds of one process made V8
 * recompile the code measured for the other contenders (`Sms.count` on corpus (b) moved between
 * 3.3× and 6× the fastest peer from run to run).
 */
import { createRequire } from "node:module";
import { useNativeCopy } from "../src/internal/sms/fast.js";
import { COST } from "../src/internal/sms/gsm7Cost.js";
import * as Sms from "../src/Sms.js";

const require = createRequire(import.meta.url);
const splitSms = require("split-sms") as {
  split(text: string): { parts: ReadonlyArray<{ content: string }> };
};
const smsLength = require("sms-length") as { count(text: string): { messages: number } };
const smsCounter = (require("sms-counter") as { default: { count(text: string): { messages: number } } })
  .default;
const gsmUtils = require("@trt2/gsm-charset-utils") as { getCharCount(text: string): { msgCount: number } };

/** mulberry32 */
const prng = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const WORDS = (
  "your order has shipped and will arrive tomorrow between 9 and 12 please reply STOP to opt out code " +
  "verification is the meeting moved to Friday call me when you can thanks Ålesund Müller niño " +
  "appointment reminder balance due 42.50 EUR at 10:30 see you soon ticket confirmed gate B12 @home"
).split(" ");
const EXTENSION = ["€", "{", "}", "[", "]", "~", "^", "|", "\\"];
const LATIN = ["ê", "ą", "ł", "č", "ő", "’", "“", "”", "–", "ç", "ş", "…", "—", "á", "í", "ó"];
const CYRILLIC = "абвгдежзийклмнопрстуфхцчшщыэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЫЭЮЯ";
const EMOJI = ["😀", "👍", "👍🏽", "❤️", "🎉", "👨‍👩‍👧", "🇪🇪", "🙏", "🔥", "✅", "1️⃣", "☀", "✔"];

const messages = (seed: number, make: (random: () => number, length: number) => string): Array<string> => {
  const random = prng(seed);
  const out: Array<string> = [];
  for (let i = 0; i < 3000; i++) {
    const length = 1 + Math.floor(random() ** 2 * 999);
    // flat, as from JSON
    out.push(JSON.parse(JSON.stringify(make(random, length))) as string);
  }
  return out;
};
const pick = <A>(random: () => number, xs: ReadonlyArray<A>): A => xs[Math.floor(random() * xs.length)]!;
const words = (random: () => number, length: number, extra: () => string, rate: number): string => {
  let s = "";
  while (s.length < length) s += (s ? (random() < rate ? extra() : " ") : "") + pick(random, WORDS);
  return s.slice(0, length).replace(/[\ud800-\udbff]$/, "a");
};
const withOne = (random: () => number, s: string, c: string): string => {
  const at = Math.floor(random() * s.length);
  return s.slice(0, at).replace(/[\ud800-\udbff]$/, "") + c + s.slice(at);
};

const corpusA = messages(1, (r, n) => words(r, n, () => pick(r, EXTENSION), 0.05));
const corpusB = messages(2, (r, n) => {
  if (r() < 0.1) {
    let s = "";
    while (s.length < n) s += r() < 0.15 ? " " : CYRILLIC[Math.floor(r() * CYRILLIC.length)];
    return withOne(r, s, "Ж");
  }
  return withOne(
    r,
    words(r, n, () => pick(r, LATIN), 0.05),
    pick(r, LATIN),
  );
});
const corpusC = messages(3, (r, n) =>
  withOne(
    r,
    words(r, n, () => pick(r, EMOJI), 0.05),
    pick(r, EMOJI),
  ),
);
for (const [name, c] of [
  ["b", corpusB],
  ["c", corpusC],
] as const)
  if (!c.every((t) => Sms.measure(t).encoding === "UCS-2"))
    throw new Error(`corpus ${name}: a message is GSM-7`);

const single = (n: number, ucs2: boolean): string => {
  const r = prng(n);
  const s = words(r, n, () => pick(r, EXTENSION), 0.03);
  return JSON.parse(JSON.stringify(ucs2 ? withOne(r, s, "’").slice(0, n) : s)) as string;
};
const allNonGsm = JSON.parse(
  JSON.stringify(Array.from({ length: 1000 }, (_, i) => CYRILLIC[(i * 7) % CYRILLIC.length]).join("")),
) as string;

const FLOOR_COST = COST;
const FLOOR_WIDE = new Uint8Array(0x10000).fill(0xff);
FLOOR_WIDE.set(COST);
const FLOOR_BUFFER = Buffer.alloc(1 << 16);
const FLOOR_WORDS = new Uint32Array(FLOOR_BUFFER.buffer, FLOOR_BUFFER.byteOffset, 1 << 14);
const floors = {
  "floor: charCodeAt pass": (t: string) => {
    let s = 0;
    for (let i = 0; i < t.length; i++) s += t.charCodeAt(i);
    return s;
  },
  "floor: loop to first non-GSM": (t: string) => {
    let s = 0;
    for (let i = 0; i < t.length; i++) {
      const c = t.charCodeAt(i);
      const k = c < FLOOR_COST.length ? FLOOR_COST[c]! : 0;
      if (k === 0) return i;
      s += k;
    }
    return s;
  },
  "floor: UTF-16 copy + table": (t: string) => {
    const b = Buffer.from(t, "utf16le");
    const u = new Uint16Array(b.buffer, b.byteOffset, b.length >> 1);
    let s = 0;
    for (let i = 0; i < u.length; i++) {
      const c = u[i]!;
      s += c < FLOOR_COST.length ? FLOOR_COST[c]! : 0;
    }
    return s;
  },
  "floor: UTF-16 copy, 32-bit reads + table": (t: string) => {
    // What the Node-only pass does, minus the part bookkeeping: a native write into one reused
    // buffer, then the wide table summed over 32-bit reads.
    FLOOR_BUFFER.write(t, 0, "utf16le");
    const m = t.length >> 1;
    let s = 0;
    for (let i = 0; i < m; i++) {
      const x = FLOOR_WORDS[i]!;
      s += FLOOR_WIDE[x & 0xffff]! + FLOOR_WIDE[x >>> 16]!;
    }
    return t.length & 1 ? s + FLOOR_WIDE[t.charCodeAt(t.length - 1)]! : s;
  },
};

let sink = 0;
/** The Node-only pass (a `Buffer` copy read 32 bits at a time) switched off for the whole run. */
const PORTABLE = process.argv.includes("--portable");
if (PORTABLE) useNativeCopy(false);
const MEASURERS: Record<string, (t: string) => number> = {
  "septet Sms.count": (t) => Sms.count(t).segments,
  "septet Sms.measure": (t) => Sms.measure(t).segments,
  "sms-length": (t) => smsLength.count(t).messages,
  "sms-counter": (t) => smsCounter.count(t).messages,
  "@trt2/gsm-charset-utils": (t) => gsmUtils.getCharCount(t).msgCount,
  "split-sms": (t) => splitSms.split(t).parts.length,
  ...floors,
};
const SPLITTERS: Record<string, (t: string) => number> = {
  "septet Sms.split": (t) => Sms.split(t).length,
  "split-sms": (t) => splitSms.split(t).parts.length,
};

/** Milliseconds of CPU time this process has used (user + system, every thread: GC included). */
const cpuTime = (): number => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/**
 * Passes over `texts` per second of CPU time: median of interleaved rounds. CPU time, not wall
 * time: on a shared machine a round's wall time also counts the time the process waited for a
 * core, which made one contender's rounds slower than another's at random (ratios moved by a
 * third between runs; in CPU time they hold within a few per cent).
 */
const race = (
  contenders: Record<string, (t: string) => number>,
  texts: ReadonlyArray<string>,
): Record<string, number> => {
  const rates: Record<string, Array<number>> = {};
  for (const name of Object.keys(contenders)) rates[name] = [];
  for (let round = 0; round < 8; round++)
    for (const [name, f] of Object.entries(contenders)) {
      let passes = 0;
      const t0 = cpuTime();
      let t1 = t0;
      do {
        for (const t of texts) sink += f(t);
        passes++;
        t1 = cpuTime();
      } while (t1 - t0 < 150);
      if (round > 0) rates[name]!.push((passes * 1000) / (t1 - t0)); // round 0 warms up
    }
  const out: Record<string, number> = {};
  for (const [name, r] of Object.entries(rates)) out[name] = r.sort((x, y) => x - y)[r.length >> 1]!;
  return out;
};

const PEERS = ["sms-length", "sms-counter", "@trt2/gsm-charset-utils", "split-sms"];
const report = (title: string, texts: ReadonlyArray<string>): void => {
  const r = race(MEASURERS, texts);
  const fastest = PEERS.reduce((a, b) => (r[a]! >= r[b]! ? a : b));
  const septet = r["septet Sms.measure"]!;
  const counted = r["septet Sms.count"]!;
  console.log(
    `\n### ${title}${PORTABLE ? " (Node-only pass off: portable)" : ""}\n\n| contender | passes/s | vs fastest peer (${fastest}) |\n| --- | ---: | ---: |`,
  );
  for (const [name, hz] of Object.entries(r))
    console.log(`| ${name} | ${hz.toFixed(hz < 100 ? 1 : 0)} | ${(hz / r[fastest]!).toFixed(2)}× |`);
  console.log(
    `\nfastest peer: ${fastest}; Sms.count **${(counted / r[fastest]!).toFixed(2)}×**, Sms.measure **${(septet / r[fastest]!).toFixed(2)}×**${PORTABLE ? " (portable)" : ""}`,
  );
};

const which = process.argv[2] ?? "all";
if (which === "all" || which === "corpora" || which === "a")
  report("(a) GSM-7 with extension characters, 3,000 messages", corpusA);
if (which === "all" || which === "corpora") {
  report("(b) every message UCS-2 (Latin, quotes, dashes; 10 % Cyrillic), 3,000 messages", corpusB);
  report("(c) every message with emoji, 3,000 messages", corpusC);
}
if (which === "all" || which === "singles") {
  for (const n of [160, 1600, 10_000]) {
    report(`one GSM-7 message of ${n.toLocaleString("en")} units`, [single(n, false)]);
    report(`one UCS-2 message of ${n.toLocaleString("en")} units`, [single(n, true)]);
  }
  report("one 1,000-unit message, 100 % non-GSM (Cyrillic)", [allNonGsm]);
}
if (which === "all" || which === "split") {
  console.log(
    "\n### Sms.split vs split-sms\n\n| text | septet passes/s | split-sms passes/s | ratio |\n| --- | ---: | ---: | ---: |",
  );
  for (const n of [160, 1600, 10_000])
    for (const ucs2 of [false, true]) {
      const r = race(SPLITTERS, [single(n, ucs2)]);
      const a = r["septet Sms.split"]!;
      const b = r["split-sms"]!;
      console.log(
        `| ${ucs2 ? "UCS-2" : "GSM-7"} ${n.toLocaleString("en")} units | ${a.toFixed(0)} | ${b.toFixed(0)} | ${(a / b).toFixed(2)}× |`,
      );
    }
}
if (sink === 0.5) console.log(sink);
