// Generates packages/core/src/generated/replacement-full.ts: the built-in FULL Auto-Replace table.
//
//   npx pnpm@12.4.2 exec node --experimental-strip-types packages/core/scripts/generate-replacement.mjs
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
import { capitalise, capitalOf, compatibility, withoutDiacritics } from "../src/internal/replace/derive.ts";
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
/** Whether the entry was set (not already there, not GSM-7 itself). */
const set = (cp, to, rule) => {
  if (table.has(cp) || GSM.has(String.fromCodePoint(cp))) return false;
  if (!isGsmText(to)) throw new Error(`target of U+${cp.toString(16)} is not GSM-7: ${JSON.stringify(to)}`);
  table.set(cp, { to, rule });
  return true;
};
const isGsmCode = (cp) => GSM.has(String.fromCodePoint(cp));
const known = (cp) => table.get(cp);
/** Entries whose targets the runtime derives (src/internal/replace/derive.ts): shipped as code points only. */
const derivedDiacritic = new Set();
const derivedCompatibility = new Set();

for (const [cp] of REMOVED) set(cp, "", "removed");
for (const [cp, to] of CURATED) set(cp, to, "curated");

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
  const to = withoutDiacritics(cp, isGsmCode, known);
  if (to !== undefined && set(cp, to, "diacritic")) derivedDiacritic.add(cp);
}
for (const [a, b] of GENERIC_MARKS)
  for (let cp = a; cp <= b; cp++) if (isMark(String.fromCodePoint(cp))) set(cp, "", "diacritic");

// Compatibility (NFKC) through the rules above.
for (const cp of codePoints) {
  const to = compatibility(cp, isGsmCode, known);
  if (to !== undefined && set(cp, to, "curated")) derivedCompatibility.add(cp);
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
// Capitals of transliterated small letters: the runtime derives them while decoding (first small
// letter in code point order wins, an entry already there is kept), so only capitals whose target
// is not the small letter's capitalised stay in the data.
const derivedCapitals = new Set();
const transliterated = [...table.entries()]
  .filter(([, e]) => e.rule === "transliteration")
  .sort((x, y) => x[0] - y[0]);
const claimed = new Set();
for (const [cp, { to }] of transliterated) {
  const u = capitalOf(cp);
  if (u === undefined || isGsmCode(u) || claimed.has(u)) continue;
  claimed.add(u);
  const entry = table.get(u);
  if (
    entry === undefined ||
    (entry.rule !== "transliteration" && !["removed", "curated", "compose"].includes(entry.rule))
  )
    throw new Error(
      `the runtime would derive U+${u.toString(16)} from U+${cp.toString(16)}, which the table lacks`,
    );
  if (entry.rule === "transliteration" && entry.to === capitalise(to)) derivedCapitals.add(u);
}
const isDerived = (cp) => derivedDiacritic.has(cp) || derivedCompatibility.has(cp) || derivedCapitals.has(cp);
const encode = (rule) => {
  const cps = [...table.entries()]
    .filter(([cp, e]) => e.rule === rule && !isDerived(cp))
    .sort((x, y) => x[0] - y[0]);
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
const literal = (s) => {
  const escaped = JSON.stringify(s).replace(/(?! )[\p{C}\p{Z}\p{M}]/gu, (c) =>
    c.length === 2 ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  // Biome's quote rule: single quotes when that needs fewer escapes.
  const doubles = (s.match(/"/g) ?? []).length;
  const singles = (s.match(/'/g) ?? []).length;
  if (doubles <= singles) return escaped;
  return `'${escaped.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
};

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
  "// and a length n + 0x30 stand for the n targets c, c + 1, … The DERIVED_ lists hold runs of code points (gap + 0x30,",
  "// length + 0x30) whose targets src/internal/replace/derive.ts computes from the runtime's normalize; the capitals of",
  "// transliterated small letters are derived from them (see the generator).",
  `// Entries: ${RULES.map((r) => `${r} ${counts[r]}`).join(", ")}.`,
  "",
];
/**
 * Code points as runs, each two characters: the gap since the previous run's end + 0x30, then
 * the run's length + 0x30 (small numbers, so gzip sees few distinct characters). A gap too large
 * for one character below the surrogates is U+0004 and the run's first code point instead.
 */
const encodeCodePoints = (set) => {
  const cps = [...set].sort((a, b) => a - b);
  let out = "";
  let end = 0;
  for (let k = 0; k < cps.length; ) {
    let n = 1;
    while (k + n < cps.length && cps[k + n] === cps[k] + n && n < 0xd7d0) n++;
    const gap = cps[k] - end;
    out +=
      (gap < 0xd7d0 ? String.fromCharCode(0x30 + gap) : `\u0004${String.fromCodePoint(cps[k])}`) +
      String.fromCharCode(0x30 + n);
    end = cps[k] + n;
    k += n;
  }
  return out;
};
const exportLine = (name, value) => {
  const head = `export const ${name} =`;
  // Formatted as Biome would (line width 110).
  lines.push(head.length + value.length + 2 <= 110 ? `${head} ${value};` : `${head}\n  ${value};`);
  lines.push("");
};
for (const rule of RULES) {
  const derived =
    rule === "diacritic"
      ? derivedDiacritic.size
      : rule === "curated"
        ? derivedCompatibility.size
        : rule === "transliteration"
          ? derivedCapitals.size
          : 0;
  lines.push(
    `/** The "${rule}" entries (${counts[rule]}${derived > 0 ? `, ${derived} of them derived at run time` : ""}). */`,
  );
  exportLine(rule.toUpperCase(), literal(encode(rule)));
}
lines.push(
  `/** Code points whose "diacritic" target the runtime derives (\`withoutDiacritics\`, ${derivedDiacritic.size}). */`,
);
exportLine("DERIVED_DIACRITIC", literal(encodeCodePoints(derivedDiacritic)));
lines.push(
  `/** Code points whose "curated" target the runtime derives by NFKC (\`compatibility\`, ${derivedCompatibility.size}). */`,
);
exportLine("DERIVED_COMPATIBILITY", literal(encodeCodePoints(derivedCompatibility)));
writeFileSync(out, lines.join("\n"));
console.log(`wrote ${out}: ${JSON.stringify(counts)}`);
