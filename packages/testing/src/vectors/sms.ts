/**
 * Conformance vectors for SMS measurement (`Sms.measure` / `Sms.split`): every boundary septet
 * documents, each with the source of its expected values. Texts are plain strings and options
 * name the national languages, so the table serialises to JSON as it is.
 *
 * Sources cited:
 * - TS 23.038: 3GPP TS 23.038 (alphabets; clause 6.2.1 default alphabet, 6.2.1.1 extension
 *   table, Annex A national language tables).
 * - TS 23.040: 3GPP TS 23.040 (clause 9.2.3.16 user data length: 140 octets = 160 septets;
 *   9.2.3.24 user data header, 9.2.3.24.1 concatenation with 8-bit reference (IEI 0x00, 5 octets
 *   with UDHL → 6 octets = 7 septets), 9.2.3.24.8 with 16-bit reference (IEI 0x08, 7 octets = 8
 *   septets), 9.2.3.24.15 / 9.2.3.24.16 national language single / locking shift (3 octets each)).
 * - septet decision: rules septet itself sets (empty text, CR LF, lone surrogates,
 *   grapheme clusters kept whole).
 *
 * @since 0.1.0
 */
import type { LanguageName } from "@septet/core/Gsm7";

/**
 * Options of a vector, with national languages by name.
 *
 * @category models
 * @since 0.1.0
 */
export interface SmsVectorOptions {
  readonly languages?: ReadonlyArray<LanguageName>;
  readonly reference?: 8 | 16;
  readonly boundary?: "grapheme" | "code-point";
}

/**
 * One measurement vector: input, options and the expected `Sms.measure` fields.
 *
 * @category models
 * @since 0.1.0
 */
export interface SmsVector {
  /** Short description, unique in the table. */
  readonly name: string;
  readonly text: string;
  readonly options: SmsVectorOptions;
  readonly encoding: "GSM-7" | "UCS-2";
  readonly units: number;
  readonly segments: number;
  readonly perSegment: number;
  readonly remaining: number;
  /** UTF-16 length of each part (`Sms.split(text).map(p => p.length)`). */
  readonly partLengths: ReadonlyArray<number>;
  readonly lockingShift: LanguageName | null;
  readonly singleShift: LanguageName | null;
  /** Grapheme clusters (or code points with `boundary: "code-point"`). */
  readonly characters: number;
  /** UTF-16 indices of lone surrogates. */
  readonly loneSurrogates: ReadonlyArray<number>;
  /** Where the expected values come from. */
  readonly source: string;
}

const a = (n: number) => "a".repeat(n);

const GSM_SINGLE = "TS 23.040 9.2.3.16: 140 octets hold 160 septets";
const GSM_CONCAT =
  "TS 23.040 9.2.3.24.1: 8-bit concatenation UDH = 6 octets = 7 septets, 160 − 7 = 153 per part";
const GSM_CONCAT16 = "TS 23.040 9.2.3.24.8: 16-bit concatenation UDH = 7 octets = 8 septets, 152 per part";
const UCS2 = "TS 23.040 9.2.3.16 + 9.2.3.24.1: 140 octets = 70 UTF-16 units; 134 octets = 67 per part";
const NLI =
  "TS 23.040 9.2.3.24.15/16: each national language IE is 3 octets; UDH octets → ceil(8n/7) septets (4 → 5: 155; 7 → 8: 152; 9 → 11: 149; 12 → 14: 146)";
const ESCAPE =
  "TS 23.038 6.2.1.1: an extension character is ESC + septet (2 septets), never split across parts";

/**
 * The vectors. Columns: text, options, then the expected measurement.
 *
 * @category vectors
 * @since 0.1.0
 */
export const smsVectors: ReadonlyArray<SmsVector> = [
  v("empty text", "", {}, "GSM-7", 0, 1, 160, 160, [0], 0, "septet decision: empty text is 1 segment"),
  v("159 septets", a(159), {}, "GSM-7", 159, 1, 160, 1, [159], 159, GSM_SINGLE),
  v("160 septets", a(160), {}, "GSM-7", 160, 1, 160, 0, [160], 160, GSM_SINGLE),
  v("161 septets", a(161), {}, "GSM-7", 161, 2, 153, 145, [153, 8], 161, GSM_CONCAT),
  v("306 septets", a(306), {}, "GSM-7", 306, 2, 153, 0, [153, 153], 306, GSM_CONCAT),
  v("307 septets", a(307), {}, "GSM-7", 307, 3, 153, 152, [153, 153, 1], 307, GSM_CONCAT),
  v("459/460 septets", a(460), {}, "GSM-7", 460, 4, 153, 152, [153, 153, 153, 1], 460, GSM_CONCAT),
  v(
    "161 septets, 16-bit ref",
    a(161),
    { reference: 16 },
    "GSM-7",
    161,
    2,
    152,
    143,
    [152, 9],
    161,
    GSM_CONCAT16,
  ),
  v("80 € fill one part", "€".repeat(80), {}, "GSM-7", 160, 1, 160, 0, [80], 80, ESCAPE),
  v(
    "ESC pair at 152/153",
    `${a(152)}€${a(7)}`,
    {},
    "GSM-7",
    161,
    2,
    153,
    144,
    [152, 8],
    160,
    `${ESCAPE}; ${GSM_CONCAT}`,
  ),
  v(
    "ESC pair at 151/152, 16-bit",
    `${a(151)}€${a(8)}`,
    { reference: 16 },
    "GSM-7",
    161,
    2,
    152,
    142,
    [151, 9],
    160,
    `${ESCAPE}; ${GSM_CONCAT16}`,
  ),
  v(
    "ESC pair fits at 151/152",
    `${a(151)}€${a(8)}`,
    {},
    "GSM-7",
    161,
    2,
    153,
    145,
    [152, 8],
    160,
    `${ESCAPE}; ${GSM_CONCAT}`,
  ),
  v("70 UCS-2 units", "ж".repeat(70), {}, "UCS-2", 70, 1, 70, 0, [70], 70, UCS2),
  v("71 UCS-2 units", "ж".repeat(71), {}, "UCS-2", 71, 2, 67, 63, [67, 4], 71, UCS2),
  v("134/135 UCS-2 units", "ж".repeat(135), {}, "UCS-2", 135, 3, 67, 66, [67, 67, 1], 135, UCS2),
  v(
    "surrogate pair at 66/67",
    `${a(66)}😀${a(3)}`,
    {},
    "UCS-2",
    71,
    2,
    67,
    62,
    [66, 5],
    70,
    `${UCS2}; a surrogate pair is never split`,
  ),
  v(
    "surrogate pair ends at 67",
    `${a(65)}😀${a(4)}`,
    {},
    "UCS-2",
    71,
    2,
    67,
    63,
    [67, 4],
    70,
    `${UCS2}; the pair fills units 66-67`,
  ),
  v(
    "surrogate pair at 65/66, 16-bit",
    `${a(65)}😀${a(4)}`,
    { reference: 16 },
    "UCS-2",
    71,
    2,
    66,
    60,
    [65, 6],
    70,
    "TS 23.040 9.2.3.24.8: 133 octets → 66 UTF-16 units per part",
  ),
  v(
    "emoji is 2 units",
    "👋",
    {},
    "UCS-2",
    2,
    1,
    70,
    68,
    [2],
    1,
    "septet decision: UCS-2 counts UTF-16 code units",
  ),
  v(
    "€ is 1 unit in UCS-2",
    "€ж",
    {},
    "UCS-2",
    2,
    1,
    70,
    68,
    [2],
    2,
    "septet decision: inside UCS-2 an extension character is 1",
  ),
  v(
    "skin-tone cluster kept whole",
    `${a(65)}👍🏽${a(5)}`,
    {},
    "UCS-2",
    74,
    2,
    67,
    58,
    [65, 9],
    71,
    "septet decision: grapheme clusters stay whole by default",
  ),
  v(
    "skin-tone cluster split at code points",
    `${a(65)}👍🏽${a(5)}`,
    { boundary: "code-point" },
    "UCS-2",
    74,
    2,
    67,
    60,
    [67, 7],
    72,
    "septet decision: option to split on code points (never inside a surrogate pair)",
  ),
  v(
    "CR LF counts 2",
    "\r\n",
    {},
    "GSM-7",
    2,
    1,
    160,
    158,
    [2],
    1,
    "septet decision: CR LF counts 2 (UAX #29 GB3: one cluster)",
  ),
  v(
    "CR LF kept whole at 152/153",
    `${a(152)}\r\n${a(8)}`,
    {},
    "GSM-7",
    162,
    2,
    153,
    143,
    [152, 10],
    161,
    "septet decision + UAX #29 GB3: CR LF is one cluster",
  ),
  v(
    "CR LF split at code points",
    `${a(152)}\r\n${a(8)}`,
    { boundary: "code-point" },
    "GSM-7",
    162,
    2,
    153,
    144,
    [153, 9],
    162,
    "septet decision: code-point boundaries may cut CR LF",
  ),
  v(
    "lone high surrogate",
    "\ud83d",
    {},
    "UCS-2",
    1,
    1,
    70,
    69,
    [1],
    1,
    "septet decision: a lone surrogate counts 1 UCS-2 unit and is reported",
    [0],
  ),
  v(
    "lone low surrogate inside",
    "a\udc00b",
    {},
    "UCS-2",
    3,
    1,
    70,
    67,
    [3],
    3,
    "septet decision: a lone surrogate counts 1 UCS-2 unit and is reported",
    [1],
  ),
  v(
    "ESC character forces UCS-2",
    "a\u001bb",
    {},
    "UCS-2",
    3,
    1,
    70,
    67,
    [3],
    3,
    "TS 23.038 6.2.1: 0x1B is the escape, not a character of the text",
  ),
  v(
    "NUL forces UCS-2",
    "\u0000",
    {},
    "UCS-2",
    1,
    1,
    70,
    69,
    [1],
    1,
    "TS 23.038 6.2.1: 0x00 is @, U+0000 is in no table",
  ),
  v(
    "Turkish locking, 155",
    "ı".repeat(155),
    { languages: ["Turkish"] },
    "GSM-7",
    155,
    1,
    155,
    0,
    [155],
    155,
    NLI,
    [],
    "Turkish",
    null,
  ),
  v(
    "Turkish locking, 156",
    "ı".repeat(156),
    { languages: ["Turkish"] },
    "GSM-7",
    156,
    2,
    149,
    142,
    [149, 7],
    156,
    NLI,
    [],
    "Turkish",
    null,
  ),
  v(
    "Turkish locking, 16-bit",
    "ı".repeat(156),
    { languages: ["Turkish"], reference: 16 },
    "GSM-7",
    156,
    2,
    148,
    140,
    [148, 8],
    156,
    "TS 23.040: 1 + 6 + 3 = 10 octets = 12 septets → 148",
    [],
    "Turkish",
    null,
  ),
  v(
    "Spanish single shift",
    `${a(150)}ç`,
    { languages: ["Spanish"] },
    "GSM-7",
    152,
    1,
    155,
    3,
    [151],
    151,
    `${NLI}; TS 23.038 A.2.2: ç at 0x09`,
    [],
    null,
    "Spanish",
  ),
  v(
    "Hindi two tables, 152",
    `${"अ".repeat(150)}०`,
    { languages: ["Hindi"] },
    "GSM-7",
    152,
    1,
    152,
    0,
    [151],
    151,
    `${NLI}; TS 23.038 A.3.6 / A.2.6`,
    [],
    "Hindi",
    "Hindi",
  ),
  v(
    "Hindi two tables, 153",
    `${"अ".repeat(151)}०`,
    { languages: ["Hindi"] },
    "GSM-7",
    153,
    2,
    146,
    139,
    [146, 6],
    152,
    `${NLI}; TS 23.038 A.3.6 / A.2.6`,
    [],
    "Hindi",
    "Hindi",
  ),
  v(
    "Hindi two tables, 16-bit",
    `${"अ".repeat(151)}०`,
    { languages: ["Hindi"], reference: 16 },
    "GSM-7",
    153,
    2,
    145,
    137,
    [145, 7],
    152,
    "TS 23.040: 1 + 6 + 6 = 13 octets = 15 septets → 145",
    [],
    "Hindi",
    "Hindi",
  ),
  v(
    "default wins a tie",
    "hello",
    { languages: ["Turkish", "Spanish"] },
    "GSM-7",
    5,
    1,
    160,
    155,
    [5],
    5,
    "Android GsmAlphabet.countGsmSeptets: fewest parts, then most room left; default tables first",
    [],
    null,
    null,
  ),
  v(
    "text outside the enabled tables",
    "Çalışma 😀",
    { languages: ["Turkish"] },
    "UCS-2",
    10,
    1,
    70,
    60,
    [10],
    9,
    "TS 23.038: 😀 is in no table, so UCS-2",
  ),
];

function v(
  name: string,
  text: string,
  options: SmsVectorOptions,
  encoding: "GSM-7" | "UCS-2",
  units: number,
  segments: number,
  perSegment: number,
  remaining: number,
  partLengths: ReadonlyArray<number>,
  characters: number,
  source: string,
  loneSurrogates: ReadonlyArray<number> = [],
  lockingShift: LanguageName | null = null,
  singleShift: LanguageName | null = null,
): SmsVector {
  return {
    name,
    text,
    options,
    encoding,
    units,
    segments,
    perSegment,
    remaining,
    partLengths,
    lockingShift,
    singleShift,
    characters,
    loneSurrogates,
    source,
  };
}
