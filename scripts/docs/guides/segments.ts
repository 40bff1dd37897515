/** Segment capacities for each encoding and header combination, measured with Sms.measure. */
import { Gsm7, Sms } from "@septet/core";
import { smsVectors } from "@septet/testing/vectors";
import { api, code, page, shown, table } from "../markdown.js";

interface Setup {
  readonly label: string;
  readonly encoding: "GSM-7" | "UCS-2";
  /** National language IEs expected in the header (0, 1 or 2). */
  readonly tables: number;
  /** A 1-unit character of this setup. */
  readonly fill: string;
  /** A first character that makes measure choose this setup (or ""). */
  readonly lead: string;
  readonly languages: ReadonlyArray<Gsm7.NationalLanguage>;
}

/** A character of `language`'s single shift table outside the default tables and `locking`. */
const singleOnly = (
  language: Gsm7.NationalLanguage,
  locking: ReadonlyArray<string> | undefined,
): string | undefined =>
  (language.singleShift ?? []).find(
    (c) => c !== "" && Gsm7.septets(c.codePointAt(0) ?? 0) === 0 && !(locking ?? []).includes(c),
  );

/** A character of `language`'s locking shift table outside the default tables. */
const lockingOnly = (language: Gsm7.NationalLanguage): string | undefined =>
  (language.lockingShift ?? []).find((c) => c !== "" && Gsm7.septets(c.codePointAt(0) ?? 0) === 0);

const need = <A>(value: A | undefined, what: string): A => {
  if (value === undefined) throw new Error(`no ${what}`);
  return value;
};

const setups = (): ReadonlyArray<Setup> => {
  const both = need(
    Gsm7.languages.find((l) => lockingOnly(l) !== undefined && singleOnly(l, l.lockingShift) !== undefined),
    "language with a locking-only and a single-shift-only character",
  );
  return [
    { label: "GSM-7, default tables", encoding: "GSM-7", tables: 0, fill: "a", lead: "", languages: [] },
    {
      label: "GSM-7, one national locking shift table (Turkish)",
      encoding: "GSM-7",
      tables: 1,
      fill: need(lockingOnly(Gsm7.Turkish), "Turkish locking character"),
      lead: "",
      languages: [Gsm7.Turkish],
    },
    {
      label: "GSM-7, one national single shift table (Spanish)",
      encoding: "GSM-7",
      tables: 1,
      fill: "a",
      lead: need(singleOnly(Gsm7.Spanish, undefined), "Spanish single shift character"),
      languages: [Gsm7.Spanish],
    },
    {
      label: `GSM-7, national locking and single shift tables (${both.name})`,
      encoding: "GSM-7",
      tables: 2,
      fill: need(lockingOnly(both), "locking character"),
      lead: need(singleOnly(both, both.lockingShift), "single shift character"),
      languages: [both],
    },
    { label: "UCS-2", encoding: "UCS-2", tables: 0, fill: "ж", lead: "", languages: [] },
  ];
};

/** The text of `n` units for a setup (its lead character counts 2 units in GSM-7, 1 in UCS-2). */
const textOf = (setup: Setup, units: number): string => {
  const leadUnits = setup.lead === "" ? 0 : setup.encoding === "GSM-7" ? 2 : 1;
  return setup.lead + setup.fill.repeat(units - leadUnits);
};

/** The most units a text of this setup can have in `segments` segments, found by measuring. */
const most = (setup: Setup, reference: 8 | 16, segments: number): number => {
  const options = { languages: setup.languages, reference };
  let n = setup.lead === "" ? 1 : 3;
  let best = -1;
  for (; n <= 1000; n++) {
    const m = Sms.measure(textOf(setup, n), options);
    if (m.encoding !== setup.encoding) throw new Error(`${setup.label}: measured ${m.encoding}`);
    const used = (m.lockingShift === null ? 0 : 1) + (m.singleShift === null ? 0 : 1);
    if (used !== setup.tables) throw new Error(`${setup.label}: ${used} national tables chosen`);
    if (m.units !== n) throw new Error(`${setup.label}: ${m.units} units for ${n}`);
    if (m.segments > segments) break;
    best = n;
  }
  return best;
};

/** TS 23.040 9.2.3.24: user data header octets (UDHL + IEs) and what is left of 140 octets. */
const formula = (setup: Setup, reference: 8 | 16 | null): number => {
  const ies = (reference === null ? 0 : reference === 8 ? 5 : 6) + 3 * setup.tables;
  const udh = ies === 0 ? 0 : ies + 1;
  return setup.encoding === "GSM-7"
    ? Math.floor((140 * 8 - Math.ceil((udh * 8) / 7) * 7) / 7)
    : Math.floor((140 - udh) / 2);
};

export const segmentsGuide = (): string => {
  const rows = setups().map((setup) => {
    const single8 = most(setup, 8, 1);
    const single16 = most(setup, 16, 1);
    if (single8 !== single16)
      throw new Error(`${setup.label}: single-part capacity depends on the reference`);
    const per8 = most(setup, 8, 2) / 2;
    const per16 = most(setup, 16, 2) / 2;
    for (const [measured, reference] of [
      [single8, null],
      [per8, 8],
      [per16, 16],
    ] as const) {
      const expected = formula(setup, reference);
      if (measured !== expected)
        throw new Error(
          `${setup.label}: measured ${measured}, TS 23.040 gives ${expected} (reference ${reference})`,
        );
    }
    if (most(setup, 8, 3) !== per8 * 3) throw new Error(`${setup.label}: 3 parts do not hold 3 × ${per8}`);
    return { setup, single: single8, per8, per16 };
  });
  const unit = (s: Setup) => (s.encoding === "GSM-7" ? "septets" : "UTF-16 units");
  const udh = (s: Setup, reference: 8 | 16 | null) => {
    const ies = (reference === null ? 0 : reference === 8 ? 5 : 6) + 3 * s.tables;
    return ies === 0 ? "none" : `${ies + 1} octets`;
  };
  return page("Segments and capacities", [
    `How many characters fit in one SMS, and in each part of a longer one. Every number in the table below was **measured** by this page's generator with ${api("core", "Sms.measure")}: for each setup it grows a text one unit at a time and records the largest that still fits in one segment, and the largest that fits in two (halved), with each concatenation reference size. The same numbers were then checked against the arithmetic of 3GPP TS 23.040 (the generator fails if they disagree).`,
    "## Capacities",
    table(
      [
        "setup",
        "unit",
        "single message",
        "per part, 8-bit reference",
        "per part, 16-bit reference",
        "header of a part (8-bit / 16-bit)",
      ],
      rows.map(({ setup, single, per8, per16 }) => [
        setup.label,
        unit(setup),
        `**${single}**`,
        `**${per8}**`,
        `**${per16}**`,
        `${udh(setup, 8)} / ${udh(setup, 16)}`,
      ]),
    ),
    "## Where the numbers come from (TS 23.040)",
    [
      "- A message carries 140 octets of user data (clause 9.2.3.16): 160 septets or 70 UTF-16 code units.",
      "- A concatenated message carries a user data header in every part (clause 9.2.3.24): its length octet plus the concatenation information element, 5 octets with an 8-bit reference (IEI 0x00, 9.2.3.24.1, septet's default) or 6 with a 16-bit one (IEI 0x08, 9.2.3.24.8).",
      "- Each national language table in use adds a 3-octet information element (single shift IEI 0x24, locking shift IEI 0x25; 9.2.3.24.15 / 9.2.3.24.16), in every part and also in a single message.",
      "- In GSM-7 the header is padded to a septet boundary: a header of _h_ octets takes ⌈8_h_ / 7⌉ septets (6 octets: 7 septets, so 160 − 7 = 153). In UCS-2 it takes _h_ octets of the 140, and a code unit is 2 octets (140 − 6 = 134 octets: 67 units).",
    ].join("\n"),
    "## Counting rules",
    [
      `- GSM-7 counts septets: a default-alphabet character is 1, an extension character (${code("€")}, ${code("[")}, ${code("{")}, ${code("~")}, …) is 2, and the two are never split across parts. See [GSM-7 alphabets](./gsm7.md).`,
      `- UCS-2 counts UTF-16 code units: ${code("ж")} is 1, an emoji such as ${code("😀")} is 2 (a surrogate pair, never split), an extension character is 1.`,
      `- Parts end between grapheme clusters by default (what a person sees as one character is never cut: ${code("👍🏽")}, ${code("e")} + U+0301, CR LF); \`boundary: "code-point"\` allows any code point boundary. A cluster larger than a part is cut at code points.`,
      "- Empty text is 1 segment. CR LF counts 2. A lone surrogate counts 1 UCS-2 unit and is reported in `loneSurrogates`.",
      "- Encoding: GSM-7 exactly when every character is in the enabled tables; otherwise UCS-2, and `forcedUcs2` names each character that forced it, with its UTF-16 index.",
    ].join("\n"),
    "## Boundary vectors",
    `The boundaries above are pinned by the conformance vectors (\`sms.json\` of the conformance kit, see [Conformance kit](./conformance.md)); each is measured again here:`,
    boundaryTable(),
    `Not sure why a message took more segments than expected? See [Why was this message 3 segments?](./walkthrough.md).`,
  ]);
};

const boundaryTable = (): string =>
  table(
    ["case", "text", "options", "encoding", "units", "segments", "part lengths (UTF-16)", "source"],
    smsVectors.map((v) => {
      const languages = Gsm7.languages.filter((l) => (v.options.languages ?? []).includes(l.name));
      const m = Sms.measure(v.text, {
        languages,
        ...(v.options.reference === undefined ? {} : { reference: v.options.reference }),
        ...(v.options.boundary === undefined ? {} : { boundary: v.options.boundary }),
      });
      const parts = m.parts.map((p) => p.end - p.start);
      return [
        v.name,
        code(shown(v.text)),
        Object.keys(v.options).length === 0 ? "" : code(JSON.stringify(v.options)),
        m.encoding,
        String(m.units),
        String(m.segments),
        parts.join(" + "),
        v.source.replace(/\|/g, "/"),
      ];
    }),
  );
