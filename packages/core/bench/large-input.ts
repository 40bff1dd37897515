/**
 * Hostile sizes: `Sms.measure` and `Replacement.apply` on 10 MB (10,000,000 UTF-16 units) of
 * several kinds of text, each case in its own child process so that its peak memory is its own.
 * Goal (issue 15): every case ≤ 1 s and ≤ 300 MB peak resident memory on the project machine.
 *
 * Run (from the repository root): npx pnpm@12.4.2 run bench:large
 *
 * Each child builds its text, records its resident memory (`process.memoryUsage().rss`, after a
 * full GC), runs the call once, and prints the wall time and the peak resident memory
 * (`process.resourceUsage().maxRSS`) of the whole child: the peak includes Node itself and the
 * 20 MB input text. A second row per case reads every field of the result (`JSON.stringify` of the
 * measurement), what a caller that inspects the lazily built lists pays on top.
 */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const SIZE = 10_000_000;

/** Repeats `unit` up to exactly SIZE code units (never ending inside a surrogate pair). */
const fill = (unit: string): string => {
  let s = unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
  const last = s.charCodeAt(s.length - 1);
  if (last >= 0xd800 && last < 0xdc00) s = `${s.slice(0, -1)}a`;
  return s;
};

/** The texts: name → a builder (run in the child, so the parent never holds them). */
const TEXTS: Record<string, () => string> = {
  "ASCII GSM-7": () => fill("Your code is 4711, see you at 10:30. "),
  "GSM-7 with extension characters": () => fill("Price: 12€ {ok} [x] ~ | \\ ^ "),
  "mixed UCS-2 (accents, quotes, Cyrillic)": () => fill("Café “naïve” – Привет, ąčę łódź! "),
  "Cyrillic (every letter replaced)": () => fill("Привет мир щука "),
  "bidi controls and zero-width": () => fill("\u202e\u200b\u200d\u2066\u200c\u202a\u200f\u2069"),
  "emoji (ZWJ, flags, skin tones)": () => fill("👨‍👩‍👧🇪🇪👍🏽❤️1️⃣ "),
  "one cluster: a letter and combining marks": () => `a${"\u0301".repeat(SIZE - 1)}`,
  "long clusters: a letter and 100 marks, repeated": () => fill(`a${"\u0301".repeat(100)}`),
  "lone surrogates": () => fill("\ud800a\udc00b"),
  "Hangul and Devanagari": () => fill("한국어 नमस्ते "),
  "CR LF lines": () => fill("line\r\n"),
};

const CALLS = ["Sms.measure", "Sms.measure + JSON.stringify", "Replacement.apply full"] as const;

const child = async (textName: string, call: string): Promise<void> => {
  const Sms = await import("../src/Sms.js");
  const Replacement = await import("../src/Replacement.js");
  const text = TEXTS[textName]!();
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  let check = 0;
  if (call === "Sms.measure") check = Sms.measure(text).segments;
  else if (call === "Sms.measure + JSON.stringify") check = JSON.stringify(Sms.measure(text)).length;
  else {
    const r = Replacement.apply(text, { mode: "full" });
    check = r._tag === "Applied" ? r.after.segments : -1;
  }
  const ms = performance.now() - t0;
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ ms, peak, rssBefore, check }));
};

const main = (): void => {
  const self = fileURLToPath(import.meta.url);
  const rows: Array<string> = [];
  const mb = (b: number) => (b / 1e6).toFixed(0);
  console.log(
    `| text (${SIZE.toLocaleString("en")} units) | call | time, ms | peak RSS, MB | RSS before the call, MB | ≤ 1 s and ≤ 300 MB |`,
  );
  console.log("| --- | --- | ---: | ---: | ---: | --- |");
  for (const textName of Object.keys(TEXTS)) {
    for (const call of CALLS) {
      const r = spawnSync(
        process.execPath,
        [...process.execArgv, "--expose-gc", self, "--child", textName, call],
        {
          encoding: "utf8",
          timeout: 120_000,
        },
      );
      let row: string;
      try {
        const { ms, peak, rssBefore } = JSON.parse(r.stdout) as {
          ms: number;
          peak: number;
          rssBefore: number;
        };
        const ok = ms <= 1000 && peak <= 300e6 ? "yes" : "**no**";
        row = `| ${textName} | ${call} | ${ms.toFixed(0)} | ${mb(peak)} | ${mb(rssBefore)} | ${ok} |`;
      } catch {
        row = `| ${textName} | ${call} | failed (${r.signal ?? r.status}: ${(r.stderr ?? "").split("\n")[0]}) | | | **no** |`;
      }
      console.log(row);
      rows.push(row);
    }
  }
};

const args = process.argv;
const at = args.indexOf("--child");
if (at >= 0) await child(args[at + 1]!, args[at + 2]!);
else main();
