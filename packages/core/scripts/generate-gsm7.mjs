// Generates packages/core/src/generated/gsm7-*.ts from the transcribed tables in ./gsm7-data/.
//
// Source: 3GPP TS 23.038 "Alphabets and language-specific information", V18.0.0 (Release 18):
//   clause 6.2.1    GSM 7 bit Default Alphabet                  -> default-alphabet.txt
//   clause 6.2.1.1  GSM 7 bit default alphabet extension table  -> default-extension.txt
//   Annex A.3.x     National Language Locking Shift Tables      -> <language>-locking.txt
//   Annex A.2.x     National Language Single Shift Tables       -> <language>-single.txt
//   clause 6.2.1.2.4 National Language Identifier               -> LANGUAGES below
// Each data file has one line per assigned septet: `0xNN<TAB>U+XXXX<TAB>character[<TAB>note]`.
//
// The script validates every table (positions 0x00-0x7F at most once each, no character twice
// unless the line is marked `duplicate-of 0xNN` as printed in the spec, the fixed positions of
// clause 6.2.1 / Annex A: LF at 0x0A, CR at 0x0D, space at 0x20 and nothing at 0x1B (ESC) in
// locking tables; FF at 0x0A and nothing at 0x0D (CR2) or 0x1B (SS2) in single shift tables;
// all 127 characters of the default alphabet present) and fails loudly on any violation.
//
// Output: one module per language, so a bundler keeps only the languages an app imports. The
// default tables (gsm7-default.ts, read by Sms) are 128-character strings indexed by septet with
// U+FFFF (a noncharacter) at unassigned positions. The national tables are packed smaller, for
// the browser bundle (`Gsm7.ts` unpacks them once, at load):
//   - U+007F (DEL, in no table) marks an unassigned position: one byte in UTF-8, not three;
//   - a language written in one Unicode script block (Devanagari U+0900, Bengali U+0980, ...,
//     Arabic U+0600 for Urdu) has the characters of its block (offsets 0x00-0xFF from the block's
//     first code point) written as U+0180 + (offset - previous such offset in the table, mod 256),
//     a range no table uses: two bytes in UTF-8 instead of three, and as the tables list their
//     letters in code point order (the Indic blocks share the ISCII layout), most become U+0181
//     (next code point), so the ten Indic tables are near copies of each other, which gzip
//     stores once.
// The script decodes every packed table again and fails unless it equals the data file.
//
// Run (from the repository root): npx pnpm@12.4.2 exec node packages/core/scripts/generate-gsm7.mjs [--check]
// With --check the script only verifies that the generated files are up to date.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const dataDir = join(here, "gsm7-data");
const outDir = join(here, "..", "src", "generated");
const UNASSIGNED = 0xffff;

/** National language identifiers of TS 23.038 clause 6.2.1.2.4, with their Annex A clauses. */
/** `block`: first code point of the language's Unicode script block (Unicode Blocks.txt), or 0. */
const LANGUAGES = [
  { name: "Turkish", id: 1, locking: "A.3.1", single: "A.2.1", block: 0 },
  { name: "Spanish", id: 2, locking: null, single: "A.2.2", block: 0 },
  { name: "Portuguese", id: 3, locking: "A.3.3", single: "A.2.3", block: 0 },
  { name: "Bengali", id: 4, locking: "A.3.4", single: "A.2.4", block: 0x0980 },
  { name: "Gujarati", id: 5, locking: "A.3.5", single: "A.2.5", block: 0x0a80 },
  { name: "Hindi", id: 6, locking: "A.3.6", single: "A.2.6", block: 0x0900 },
  { name: "Kannada", id: 7, locking: "A.3.7", single: "A.2.7", block: 0x0c80 },
  { name: "Malayalam", id: 8, locking: "A.3.8", single: "A.2.8", block: 0x0d00 },
  { name: "Oriya", id: 9, locking: "A.3.9", single: "A.2.9", block: 0x0b00 },
  { name: "Punjabi", id: 10, locking: "A.3.10", single: "A.2.10", block: 0x0a00 },
  { name: "Tamil", id: 11, locking: "A.3.11", single: "A.2.11", block: 0x0b80 },
  { name: "Telugu", id: 12, locking: "A.3.12", single: "A.2.12", block: 0x0c00 },
  { name: "Urdu", id: 13, locking: "A.3.13", single: "A.2.13", block: 0x0600 },
];

/** Packing of the national tables (see the top of this file); `Gsm7.ts` reads the same constants. */
const PACKED_UNASSIGNED = 0x7f;
const PACKED_BLOCK = 0x180;
const BLOCK_SIZE = 0x100;

const fail = (file, message) => {
  throw new Error(`${file}: ${message}`);
};

/** Reads one data file into a 128-entry array of code points (UNASSIGNED where empty). */
const readTable = (file, kind, clause) => {
  const text = readFileSync(join(dataDir, file), "utf8");
  if (!text.includes(`clause ${clause}:`)) fail(file, `header does not cite clause ${clause}`);
  const table = new Array(128).fill(UNASSIGNED);
  const seen = new Map();
  for (const [n, raw] of text.split("\n").entries()) {
    const line = raw.trimEnd();
    if (line === "" || line.startsWith("#")) continue;
    const [pos, cp, , note = ""] = line.split("\t");
    const septet = /^0x[0-9A-F]{2}$/.test(pos ?? "") ? Number.parseInt(pos.slice(2), 16) : -1;
    const codePoint = /^U\+[0-9A-F]{4,5}$/.test(cp ?? "") ? Number.parseInt(cp.slice(2), 16) : -1;
    if (septet < 0 || septet > 0x7f) fail(file, `line ${n + 1}: bad septet ${pos}`);
    if (codePoint < 0 || codePoint > 0xfffd || (codePoint >= 0xd800 && codePoint <= 0xdfff))
      fail(file, `line ${n + 1}: bad code point ${cp} (tables hold BMP characters only)`);
    if (table[septet] !== UNASSIGNED) fail(file, `position ${pos} listed twice`);
    const dup = /duplicate-of (0x[0-9A-F]{2})/.exec(note);
    if (seen.has(codePoint)) {
      const first = `0x${seen.get(codePoint).toString(16).toUpperCase().padStart(2, "0")}`;
      if (!dup || dup[1] !== first)
        fail(file, `${cp} at ${pos} duplicates ${first} without a duplicate-of mark`);
    } else {
      if (dup) fail(file, `${pos} is marked duplicate but ${cp} was not seen before`);
      seen.set(codePoint, septet);
    }
    table[septet] = codePoint;
  }
  const expect = (septet, codePoint, what) => {
    if (table[septet] !== codePoint) fail(file, `position 0x${septet.toString(16)} must be ${what}`);
  };
  expect(0x1b, UNASSIGNED, "empty (escape)");
  if (kind === "locking") {
    expect(0x0a, 0x0a, "LF");
    expect(0x0d, 0x0d, "CR");
    expect(0x20, 0x20, "SPACE");
  } else {
    expect(0x0a, 0x0c, "FF (page break)");
    expect(0x0d, UNASSIGNED, "empty (CR2)");
  }
  return table;
};

/** Packs a national table (see the top of this file); throws unless `unpack` gives it back. */
const pack = (file, table, block) => {
  let previous = 0;
  const packed = table.map((cp) => {
    if (cp === PACKED_UNASSIGNED || (cp >= PACKED_BLOCK && cp < PACKED_BLOCK + BLOCK_SIZE))
      fail(file, `U+${cp.toString(16)} collides with the packing (see generate-gsm7.mjs)`);
    if (cp === UNASSIGNED) return PACKED_UNASSIGNED;
    if (block === 0 || cp < block || cp >= block + BLOCK_SIZE) return cp;
    const delta = (cp - block - previous) & (BLOCK_SIZE - 1);
    previous = cp - block;
    return PACKED_BLOCK + delta;
  });
  const back = unpack(packed, block);
  if (back.some((cp, i) => cp !== table[i])) fail(file, "packed table does not unpack to itself");
  return packed;
};

/** The inverse of `pack`, as `Gsm7.ts` decodes (UNASSIGNED where the table is empty). */
const unpack = (packed, block) => {
  let offset = 0;
  return packed.map((n) => {
    if (n === PACKED_UNASSIGNED) return UNASSIGNED;
    if (block === 0 || n < PACKED_BLOCK || n >= PACKED_BLOCK + BLOCK_SIZE) return n;
    offset = (offset + n - PACKED_BLOCK) & (BLOCK_SIZE - 1);
    return block + offset;
  });
};

const literal = (table) => {
  let s = '"';
  for (const cp of table) {
    if (cp >= 0x20 && cp < 0x7f && cp !== 0x22 && cp !== 0x5c) s += String.fromCharCode(cp);
    else s += `\\u${cp.toString(16).padStart(4, "0")}`;
  }
  return `${s}"`;
};

const header = (clauses, block) =>
  [
    "// GENERATED by packages/core/scripts/generate-gsm7.mjs from packages/core/scripts/gsm7-data/. Do not edit.",
    `// Source: 3GPP TS 23.038 V18.0.0 (Release 18), ${clauses}.`,
    ...(block === undefined
      ? [
          "// Each table is 128 UTF-16 code units indexed by septet; U+FFFF marks an unassigned position",
          "// (0x1B is always unassigned: it is the escape, not a character).",
        ]
      : [
          "// Each table is 128 UTF-16 code units indexed by septet, packed (unpacked by Gsm7.ts): U+007F",
          "// marks an unassigned position (0x1B is always unassigned: it is the escape, not a character)",
          block === 0
            ? "// and every other unit is the character itself."
            : `// and a unit U+0180 + d stands for the character d code points (mod 256) after the previous\n// character of the block U+${hex4(block)}..U+${hex4(block + BLOCK_SIZE - 1)} in the table (the first counts from U+${hex4(block)}).`,
        ]),
    "",
  ].join("\n");

const hex4 = (n) => n.toString(16).toUpperCase().padStart(4, "0");

const files = new Map();

const basic = readTable("default-alphabet.txt", "locking", "6.2.1");
const extension = readTable("default-extension.txt", "single", "6.2.1.1");
if (basic.filter((cp) => cp !== UNASSIGNED).length !== 127)
  throw new Error("default alphabet must have 127 characters");
files.set(
  "gsm7-default.ts",
  `${header('clause 6.2.1 "GSM 7 bit Default Alphabet" and clause 6.2.1.1 "GSM 7 bit default alphabet extension table"')}
/** The GSM 7 bit default alphabet (TS 23.038 clause 6.2.1), indexed by septet. */
export const DEFAULT_ALPHABET =
  ${literal(basic)};

/** The GSM 7 bit default alphabet extension table (TS 23.038 clause 6.2.1.1), indexed by septet. */
export const DEFAULT_EXTENSION =
  ${literal(extension)};
`,
);

for (const lang of LANGUAGES) {
  const key = lang.name.toLowerCase();
  const upper = lang.name.toUpperCase();
  const parts = [];
  const clauses = [];
  if (lang.block > 0) {
    parts.push(
      `/** First code point of the ${lang.name} tables' Unicode script block (packed as U+0180 + delta). */\nexport const ${upper}_BLOCK = 0x${hex4(lang.block).toLowerCase()};\n`,
    );
  }
  if (lang.locking) {
    const file = `${key}-locking.txt`;
    const t = pack(file, readTable(file, "locking", lang.locking), lang.block);
    clauses.push(`Annex ${lang.locking} "${lang.name} National Language Locking Shift Table"`);
    parts.push(
      `/** ${lang.name} national language locking shift table (TS 23.038 Annex ${lang.locking}), indexed by septet, packed. */\nexport const ${upper}_LOCKING =\n  ${literal(t)};\n`,
    );
  }
  const file = `${key}-single.txt`;
  const s = pack(file, readTable(file, "single", lang.single), lang.block);
  clauses.push(`Annex ${lang.single} "${lang.name} National Language Single Shift Table"`);
  parts.push(
    `/** ${lang.name} national language single shift table (TS 23.038 Annex ${lang.single}), indexed by septet, packed. */\nexport const ${upper}_SINGLE =\n  ${literal(s)};\n`,
  );
  files.set(`gsm7-${key}.ts`, `${header(clauses.join(" and "), lang.block)}\n${parts.join("\n")}`);
}

const check = process.argv.includes("--check");
let stale = 0;
for (const [name, content] of files) {
  const path = join(outDir, name);
  if (check) {
    let current = "";
    try {
      current = readFileSync(path, "utf8");
    } catch {}
    if (current !== content) {
      console.error(`stale: ${path}`);
      stale++;
    }
  } else writeFileSync(path, content);
}
if (stale > 0) process.exit(1);
console.log(`${check ? "checked" : "wrote"} ${files.size} files in ${outDir}`);
