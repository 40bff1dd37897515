/** Auto-Replace: the modes, the order of FULL, and the whole built-in FULL table. */
import { Replacement, Transliteration } from "@septet/core";
import {
  messenteVectors,
  type ReplacementVector,
  replacementEdgeVectors,
  replacementLanguageVectors,
} from "@septet/testing/vectors";
import { api, code, codePoint, glyph, literal, page, table, text } from "../markdown.js";

/** What each rule means, for the table legend. Every rule the table uses must be listed here. */
const RULES: Readonly<Record<Replacement.Rule, string>> = {
  table: "the key owner's table (ON and FULL); not part of the built-in table",
  compose: "NFC composition alone makes the character GSM-7 (e + U+0301 → é, U+212B Angstrom sign → Å)",
  curated:
    "septet's curated table of quotes, apostrophes, dashes, spaces, symbols, and Unicode compatibility forms mapped through it (fullwidth Ａ → A, ½ → 1/2, ﬁ → fi)",
  diacritic: "marks stripped down to a GSM-7 base letter (ë → e, ǘ → ü); a stray combining mark removed",
  transliteration: "Greek (ELOT 743 / ISO 843) and Cyrillic (ICAO Doc 9303, Part 3) letters",
  removed: "an invisible format character removed (zero-width space, soft hyphen, BOM, …)",
  substitute: "a leftover replaced by the `{ substitute }` policy; not part of the built-in table",
};

const vectorRow = (group: string, v: ReplacementVector): ReadonlyArray<string> => {
  const table = v.table === undefined ? undefined : Replacement.makeTable(v.table);
  if (table !== undefined && table._tag === "InvalidTable") throw new Error(`${v.name}: ${table.message}`);
  const result = Replacement.apply(v.input, {
    mode: v.mode,
    ...(table === undefined ? {} : { table }),
    ...(v.leftovers === undefined ? {} : { leftovers: v.leftovers }),
  });
  if (result._tag !== "Applied") throw new Error(`${v.name}: ${result.message}`);
  return [
    `${text(v.name)}${group === "edge" ? "" : ` (${group})`}`,
    v.mode.toUpperCase(),
    code(literal(v.input)),
    code(literal(result.text)),
    result.before.segments === result.after.segments
      ? `${result.after.encoding}, ${result.after.segments}`
      : `${result.before.encoding} ${result.before.segments} → ${result.after.encoding} ${result.after.segments}`,
  ];
};

export const replacementGuide = (): string => {
  const entries = Transliteration.entries();
  const counts = new Map<string, number>();
  for (const e of entries) {
    if (!(e.rule in RULES)) throw new Error(`replacement guide: rule ${e.rule} has no description`);
    counts.set(e.rule, (counts.get(e.rule) ?? 0) + 1);
  }
  return page("Auto-Replace and the FULL table", [
    `What each Auto-Replace mode does to a message, and the complete table FULL uses: every character it replaces on its own, what it becomes, and by which rule. Implemented by ${api("core", "Replacement.apply")}; the table below is printed from ${api("core", "Transliteration.entries")}, the same data FULL runs on.`,
    "## The modes",
    [
      `- **OFF** (\`"off"\`): the text is sent byte for byte.`,
      `- **ON** (\`"on"\`, the built-in default of a key): the key owner's table (${api("core", "Replacement.makeTable")}) and nothing else. Entries may be characters or words; one left-to-right pass, the longest matching key first, and the output is never scanned again. A table with an empty key, a key over ${Replacement.TABLE_LIMITS.keyLength} or a value over ${Replacement.TABLE_LIMITS.valueLength} UTF-16 units, two different values for one key, two keys equal after NFC, or more than ${Replacement.TABLE_LIMITS.entries} entries is refused, with every bad entry named.`,
      `- **FULL** (\`"full"\`): NFC composition, then the key owner's table, then the built-in table below for every character still outside GSM-7. GSM-7 characters are never touched (${code("ä")} stays ${code("ä")}, ${code("Δ")} stays ${code("Δ")}). When two targets are equally faithful, a one-septet target is preferred to an extension character.`,
    ].join("\n"),
    "Which mode applies to a request is decided by [Precedence](./precedence.md). Every change is reported (`replacements`: index in the original, index in the output, original, replacement, rule), and replaying the report on the output gives the original back exactly (`Replacement.replay`).",
    "## Leftovers (FULL only)",
    [
      `Characters FULL cannot map (emoji, CJK, Arabic, …) are **leftovers**; the \`leftovers\` option decides what happens (${api("core", "Replacement.LeftoverPolicy")}):`,
      `- \`"keep"\` (default): they stay, and the message goes UCS-2;`,
      `- \`"all-or-nothing"\`: any leftover returns the original text untouched (\`reverted: true\`);`,
      `- \`"reject"\`: a typed error listing each leftover and its position;`,
      `- \`{ substitute: "?" }\`: each leftover (a whole emoji sequence counts as one) becomes the given GSM-7 text (at most ${Replacement.MAX_SUBSTITUTE_LENGTH} units; \`""\` deletes).`,
    ].join("\n"),
    "## Examples",
    `Each row is a conformance vector (\`replacement.json\`), run through ${api("core", "Replacement.apply")} when this page was generated; the last column is the encoding and segment count before → after.`,
    table(
      ["example", "mode", "input", "output", "segments"],
      [
        ...replacementLanguageVectors.map((v) => vectorRow("language", v)),
        ...messenteVectors.map((v) => vectorRow("Messente", v)),
        ...replacementEdgeVectors.map((v) => vectorRow("edge", v)),
      ],
    ),
    "## Rules of the built-in table",
    table(
      ["rule", "meaning", "entries"],
      (Object.keys(RULES) as Array<Replacement.Rule>).map((rule) => [
        `\`${rule}\``,
        text(RULES[rule]),
        String(counts.get(rule) ?? 0),
      ]),
    ),
    "Context rules applied by the engine on top of the table (so not rows of it): Greek αυ ευ ηυ become av ev iv before a vowel or β γ δ ζ λ μ ν ρ and af ef if otherwise; ου becomes ou; γ before γ ξ χ becomes n. A Cyrillic or Greek capital written with several Latin letters is in capitals inside a word in capitals (`ЖУК` → `ZHUK`, `Жук` → `Zhuk`).",
    `## The FULL table (${entries.length} characters)`,
    "In code point order. A character that is not listed and is not GSM-7 is a leftover.",
    "How it ships: `scripts/generate-replacement.mjs` builds the table from the curated lists and the Unicode data of `String.prototype.normalize`. The curated, transliteration, compose and removed entries are stored with their targets. The `diacritic` entries of base letters and the `curated` entries that come from NFKC compatibility forms are stored as code points only, and their targets are derived again from `normalize` the first time FULL runs. Unicode's normalization stability policy keeps these targets the same on every runtime that knows the character. This saves about 1 kB gzipped in the browser and costs a few milliseconds once.",
    table(
      ["code point", "character", "becomes", "rule"],
      entries.map((e) => [
        codePoint(e.codePoint),
        glyph(e.from),
        e.to === "" ? "_(removed)_" : e.to.length === 1 && /[\s]/.test(e.to) ? glyph(e.to) : code(e.to),
        e.rule,
      ]),
    ),
  ]);
};
