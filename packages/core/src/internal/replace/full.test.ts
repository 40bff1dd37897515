import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Replacement from "../../Replacement.js";
import { type FullOutput, runFull } from "./full.js";

/**
 * With a key's table the engine never takes its fast path (the loop over the dense table) and
 * handles every code point on the full path, as it did before the fast path existed. A table
 * whose only key is a noncharacter no generated text holds changes nothing else, so the same
 * text run with and without it compares the fast path with the full one.
 */
const NEVER = "\u{10fffd}";
const fullPathOnly = Replacement.makeTable({ [NEVER]: "x" });
if (!Replacement.isTable(fullPathOnly)) throw new Error("the reference table must be valid");

const view = (input: string, r: FullOutput) => ({
  text: r.text,
  changes: r.changes.changes(input, r.text),
  leftovers: r.leftovers.leftovers(input),
});

/** The output rebuilt from the input and the report: the text between changes, then each replacement. */
const rebuilt = (input: string, r: FullOutput): string => {
  let out = "";
  let at = 0;
  for (const c of r.changes.changes(input, r.text)) {
    out += input.slice(at, c.index) + c.replacement;
    at = c.index + c.original.length;
  }
  return out + input.slice(at);
};

/**
 * Pieces that take every branch: GSM-7 (with the extension table and CR LF), context-free
 * entries with one- and multi-unit targets, entries with context rules (Greek γ and υ, capitals
 * written with several letters, fractions after a digit), combining marks (composed or not),
 * astral leftovers and clusters, astral entries, removed characters, unmapped characters, lone
 * surrogates and a byte order mark.
 */
const PIECES = [
  "a",
  "Z",
  " ",
  "1",
  "\r\n",
  "\r",
  "\n",
  "€",
  "{",
  "\\",
  "é",
  "Å",
  "ß",
  "æ",
  "Ł",
  "ж",
  "щ",
  "Ж",
  "Щ",
  "ЩИ",
  "Ђ",
  "“",
  "’",
  "—",
  "…",
  "½",
  "1½",
  "α",
  "αυ",
  "ευρ",
  "Ευ",
  "ού",
  "γγ",
  "γχ",
  "Θ",
  "Þór",
  "e\u0301",
  "a\u0308\u0304",
  "\u0301",
  "ﬁ",
  "𝐀𝐁",
  "😀",
  "👍🏽",
  "🇪🇪",
  "👨\u200d👩\u200d👧",
  "中文",
  "\u0378",
  "\ud800",
  "\udc00",
  "\ufeff",
  "\u200b",
  "\u00a0",
];

const piece = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...PIECES) },
  { weight: 1, arbitrary: fc.string({ unit: "binary", minLength: 1, maxLength: 2 }) },
);
const text = (maxLength: number, minLength = 0): fc.Arbitrary<string> =>
  fc.array(piece, { minLength, maxLength }).map((pieces) => pieces.join("").replaceAll(NEVER, ""));
const substitute = fc.constantFrom(undefined, "?", "");

describe("FULL fast path", () => {
  it("gives the text, changes and leftovers of the full path", () => {
    fc.assert(
      fc.property(text(60), substitute, (t, sub) => {
        expect(view(t, runFull(t, undefined, sub))).toEqual(view(t, runFull(t, fullPathOnly, sub)));
      }),
      { numRuns: 2000 },
    );
  });

  it("agrees with the full path past the output and report buffers (long texts)", () => {
    fc.assert(
      // 2,000 to 4,000 pieces, repeated: from a few thousand units to past 8,192 (an output chunk)
      // and 4,096 changes (a report buffer).
      fc.property(text(4000, 2000), fc.integer({ min: 1, max: 6 }), substitute, (t, times, sub) => {
        const long = t.repeat(times);
        expect(view(long, runFull(long, undefined, sub))).toEqual(
          view(long, runFull(long, fullPathOnly, sub)),
        );
      }),
      { numRuns: 40 },
    );
  });

  it("writes exactly the input with every reported change applied", () => {
    fc.assert(
      fc.property(text(200), substitute, (t, sub) => {
        const r = runFull(t, undefined, sub);
        expect(r.text).toBe(rebuilt(t, r));
      }),
      { numRuns: 1000 },
    );
  });

  it.each([
    ["a surrogate pair cut by the end of an output chunk", `${"a".repeat(8192)}😀b`],
    ["a lone high surrogate at the end of an output chunk", `${"a".repeat(8192)}\ud800b`],
    ["a lone low surrogate at the start", "\udc00ab"],
    ["a byte order mark at the start", "\ufeffЖ"],
    ["only GSM-7", "Hello {world} €"],
    ["the empty text", ""],
  ])("keeps every unit it does not replace: %s", (_, t) => {
    const r = runFull(t, undefined, undefined);
    expect(r.text).toBe(rebuilt(t, r));
    expect(view(t, r)).toEqual(view(t, runFull(t, fullPathOnly, undefined)));
  });

  it("reports more changes than one report buffer holds, in order", () => {
    const t = "жЖщ ".repeat(5000);
    const r = runFull(t, undefined, undefined);
    const changes = r.changes.changes(t, r.text);
    expect(changes).toHaveLength(15000);
    expect(changes.map((c) => c.index)).toEqual(changes.map((_, k) => k + Math.floor(k / 3)));
    expect(r.text).toBe(rebuilt(t, r));
  });
});
