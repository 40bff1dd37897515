// Generates packages/core/src/generated/replacement-full.ts: the built-in FULL Auto-Replace table.
//
//   cd /work/main && npx pnpm@12.4.2 exec node --experimental-strip-types packages/core/scripts/generate-replacement.mjs
//
// Inputs: the curated, commented tables in ./replacement-data/curated.mjs, the GSM 7-bit default
// alphabet from ../src/generated/gsm7-default.ts (3GPP TS 23.038 clause 6.2.1 / 6.2.1.1), and the
// Unicode Character Database as shipped in the JavaScript runtime, read through
// String.prototype.normalize (NFC / NFD / NFKC) and the \p{M} property escape. Output is
// deterministic for a given runtime Unicode version (recorded in the header).
//
// Rules, by priority (the first that applies wins):
//   removed          REMOVED list (invisible format characters) → ""
//   curated          CURATED list
//   transliteration  Greek (ELOT 743) and Cyrillic (ICAO Doc 9303) letters, accents stripped by NFD
//   compose          NFC maps the character (a singleton such as U+212B ANGSTROM SIGN) to GSM-7
//   diacritic        NFD decomposes it; trailing combining marks are dropped one at a time until
//                    the NFC of what is left is GSM-7 (ǘ → ü, ǟ → ä, ế → e)
//   diacritic        a combining mark of the generic diacritic blocks on its own → ""
//   curated          NFKC maps it to text whose every character has a rule above or is GSM-7
//                    (fullwidth forms, fractions, ligatures, superscripts, ① ㎏ 𝐀 …)
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { DEFAULT_ALPHABET, DEFAULT_EXTENSION } from "../src/generated/gsm7-default.ts";
import { CURATED, CYRILLIC, GREEK, REMOVED } from "./replacement-data/curated.mjs";

const out = fileURLToPath(new URL("../src/generated/replacement-full.ts", import.meta.url));

const GSM = new Set([...DEFAULT_ALPHABET, ...DEFAULT_EXTENSION].filter((c) => c !== "\uffff"));
const isGsmText = (s) => [...s].every((c) => GSM.has(c));
const MARK = /^\p{M}$/u;
const isMark = (c) => MARK.test(c);

const RANGES = [
  [0x0000, 0x33ff],
  [0xa640, 0xa7ff],
  [0xab30, 0xab6f],
  [0xfb00, 0xfb4f],
  [0xfe10, 0xfe6f],
  [0xff00, 0xffef],
  [0x1d400, 0x1d7ff],
  [0x1f100, 0x1f1ff],
];
const GENERIC_MARKS = [
  [0x0300, 0x036f],
  [0x1ab0, 0x1aff],
  [0x1dc0, 0x1dff],
  [0x20d0, 0x20ff],
  [0xfe20, 0xfe2f],
];
const inRanges = (cp, ranges) => ranges.some(([a, b]) => cp >= a && cp <= b);
const isGreek = (cp) =>
  inRanges(cp, [
    [0x0370, 0x03ff],
    [0x1f00, 0x1fff],
  ]);
const isCyrillic = (cp) =>
  inRanges(cp, [
    [0x0400, 0x052f],
    [0x1c80, 0x1c8f],
    [0xa640, 0xa69f],
  ]);

/** cp → { to, rule } */
const table = new Map();
const set = (cp, to, rule) => {
  if (table.has(cp) || GSM.has(String.fromCodePoint(cp))) return;
  if (!isGsmText(to)) throw new Error(`target of U+${cp.toString(16)} is not GSM-7: ${JSON.stringify(to)}`);
  table.set(cp, { to, rule });
};

for (const [cp] of REMOVED) set(cp, "", "removed");
for (const [cp, to] of CURATED) set(cp, to, "curated");

const capitalise = (s) => (s.length === 0 ? s : s[0].toUpperCase() + s.slice(1));
const stripMarks = (s) => [...s.normalize("NFD")].filter((c) => !isMark(c)).join("");

const codePoints = [];
for (const [a, b] of RANGES)
  for (let cp = a; cp <= b; cp++) if (cp < 0xd800 || cp > 0xdfff) codePoints.push(cp);

// Transliteration: Greek and Cyrillic letters (small letters from the tables; capitals capitalised).
for (const cp of [...codePoints, ...Array.from({ length: 0x100 }, (_, i) => 0x1f00 + i)]) {
  if (!isGreek(cp) && !isCyrillic(cp)) continue;
  const c = String.fromCodePoint(cp);
  const lower = c.toLowerCase();
  if ([...lower].length !== 1) continue;
  const letters = isGreek(cp) ? GREEK : CYRILLIC;
  const value = letters[lower] ?? letters[stripMarks(lower)];
  if (value === undefined) continue;
  set(cp, lower === c ? value : capitalise(value), "transliteration");
}

// Compose (NFC singletons) and diacritics (NFD).
for (const cp of codePoints) {
  if (isGreek(cp) || isCyrillic(cp)) continue;
  const c = String.fromCodePoint(cp);
  const nfc = c.normalize("NFC");
  if (nfc !== c && isGsmText(nfc)) {
    set(cp, nfc, "compose");
    continue;
  }
  const nfd = [...c.normalize("NFD")];
  if (nfd.length < 2 || !nfd.slice(1).every(isMark)) continue;
  for (let keep = nfd.length - 1; keep >= 1; keep--) {
    const candidate = nfd.slice(0, keep).join("").normalize("NFC");
    if (isGsmText(candidate)) {
      set(cp, candidate, "diacritic");
      break;
    }
    const base = table.get(candidate.codePointAt(0));
    if (keep === 1 && base !== undefined && base.rule === "curated") set(cp, base.to, "diacritic");
  }
}
for (const [a, b] of GENERIC_MARKS)
  for (let cp = a; cp <= b; cp++) if (isMark(String.fromCodePoint(cp))) set(cp, "", "diacritic");

// Compatibility (NFKC) through the rules above.
for (const cp of codePoints) {
  const c = String.fromCodePoint(cp);
  const k = c.normalize("NFKC");
  if (k === c || [...k].some(isMark)) continue;
  let to = "";
  let ok = true;
  for (const ch of k) {
    if (GSM.has(ch)) to += ch;
    else {
      const entry = table.get(ch.codePointAt(0));
      if (entry === undefined || entry.rule === "removed") {
        ok = false;
        break;
      }
      to += entry.to;
    }
  }
  if (ok && to.length > 0) set(cp, to, "curated");
}

// Encode: per rule, runs of consecutive code points. A run is its first character followed by the
// targets of its code points separated by U+0002; runs are separated by U+0001 (controls, never
// GSM-7, so never part of a target; one byte each once gzipped, where private-use characters took
// three). A "ramp", three or more one-character targets that count up with the code points
// (𝐀𝐁𝐂 → A B C), is written as one target: U+0003, its first character and its length + 0x30.
const RULES = ["removed", "curated", "compose", "diacritic", "transliteration"];
const RUN = "\u0001";
const TARGET = "\u0002";
const RAMP = "\u0003";
const rampLength = (targets, k) => {
  let n = 1;
  while (
    k + n < targets.length &&
    n < 0xffff - 0x30 &&
    targets[k + n].length === 1 &&
    targets[k].length === 1 &&
    targets[k + n].charCodeAt(0) === targets[k].charCodeAt(0) + n
  )
    n++;
  return n;
};
const encodeTargets = (targets) => {
  const out = [];
  for (let k = 0; k < targets.length; ) {
    const n = rampLength(targets, k);
    if (n >= 3) {
      out.push(RAMP + targets[k] + String.fromCharCode(0x30 + n));
      k += n;
    } else out.push(targets[k++]);
  }
  return out.join(TARGET);
};
const encode = (rule) => {
  const cps = [...table.entries()].filter(([, e]) => e.rule === rule).sort((x, y) => x[0] - y[0]);
  const runs = [];
  let run;
  for (const [cp, { to }] of cps) {
    if (run !== undefined && cp === run.next) {
      run.targets.push(to);
      run.next++;
    } else {
      run = { start: cp, next: cp + 1, targets: [to] };
      runs.push(run);
    }
  }
  return runs.map((r) => String.fromCodePoint(r.start) + encodeTargets(r.targets)).join(RUN);
};

// JSON.stringify escapes only controls, quotes and backslashes: other characters stay literal
// (smaller than \u escapes once minified and gzipped). Invisible characters (controls, private-use
// separators, spaces, marks) are written as \u escapes so the file stays readable.
const literal = (s) =>
  JSON.stringify(s).replace(/(?! )[\p{C}\p{Z}\p{M}]/gu, (c) =>
    c.length === 2 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );

const counts = Object.fromEntries(
  RULES.map((r) => [r, [...table.values()].filter((e) => e.rule === r).length]),
);
const lines = [
  "// GENERATED by packages/core/scripts/generate-replacement.mjs from packages/core/scripts/replacement-data/curated.mjs. Do not edit.",
  "// Sources: GSM 7-bit default alphabet and extension table, 3GPP TS 23.038 clause 6.2.1 / 6.2.1.1 (src/generated/gsm7-default.ts);",
  `// the Unicode Character Database (Unicode ${process.versions.unicode}, as shipped in Node ${process.versions.node}) read through`,
  "// String.prototype.normalize (NFC, NFD, NFKC) and \\p{M}; Greek after ELOT 743:2001 (ISO 843:1997); Cyrillic after",
  "// ICAO Doc 9303 Part 3 section 6.B. Encoding: per rule, runs of consecutive code points, each run its first character",
  "// followed by the targets of its code points separated by U+0002; runs separated by U+0001; U+0003, a character c",
  "// and a length n + 0x30 stand for the n targets c, c + 1, … (see the generator).",
  `// Entries: ${RULES.map((r) => `${r} ${counts[r]}`).join(", ")}.`,
  "",
];
for (const rule of RULES) {
  lines.push(`/** The "${rule}" entries (${counts[rule]}). */`);
  const head = `export const ${rule.toUpperCase()} =`;
  const value = literal(encode(rule));
  // Formatted as Biome would (line width 110).
  lines.push(head.length + value.length + 2 <= 110 ? `${head} ${value};` : `${head}\n  ${value};`);
  lines.push("");
}
writeFileSync(out, lines.join("\n"));
console.log(`wrote ${out}: ${JSON.stringify(counts)}`);
