/**
 * Auto-Replace: make a message GSM-7 (160 characters a part instead of 70) by replacing the
 * characters that would force UCS-2, and report every change.
 *
 * Three modes, as an SMS API key's `autoReplace` setting:
 * - `"off"`: the text is sent byte for byte.
 * - `"on"`: the key owner's {@link Table} only (characters or words).
 * - `"full"`: NFC composition, the key's table, then the built-in table for every character still
 *   outside GSM-7 (see {@link apply} for the order and `Transliteration.entries()` for the data).
 *
 * Everything here is sync, pure, never throws and does not import `effect` (it runs in the
 * browser widget). Errors are plain tagged objects; `ReplacementTable.ReplacementTable` is the
 * `effect/Schema` for config decoding.
 *
 * @module
 * @since 0.1.0
 */

import { defineLazyFields, STATE } from "./internal/lazyFields.js";
import { runFull } from "./internal/replace/full.js";
import * as internalTable from "./internal/replace/table.js";
// The default-alphabet cost table only: importing `Gsm7` would bundle the national tables too.
import { defaultCost } from "./internal/sms/gsm7Cost.js";
import * as Sms from "./Sms.js";

/**
 * The Auto-Replace mode of an API key or request (`autoconvert`).
 *
 * @category models
 * @since 0.1.0
 */
export type Mode = "off" | "on" | "full";

/**
 * Which rule made a replacement:
 * - `"table"`: the key owner's table;
 * - `"compose"`: NFC composition alone made it GSM-7 (`e` + U+0301 → `é`, U+212B → `Å`);
 * - `"curated"`: the built-in curated table (quotes, dashes, spaces, symbols) or a Unicode
 *   compatibility form mapped through it (fullwidth `Ａ` → `A`, `½` → `1/2`, `ﬁ` → `fi`);
 * - `"diacritic"`: marks stripped down to a GSM-7 letter (`ë` → `e`, `ǘ` → `ü`), or a stray
 *   combining mark removed;
 * - `"transliteration"`: Greek (ELOT 743) or Cyrillic (ICAO Doc 9303) letters;
 * - `"removed"`: an invisible format character (zero-width space, soft hyphen, BOM, …);
 * - `"substitute"`: a leftover replaced by the `{ substitute }` policy.
 *
 * @category models
 * @since 0.1.0
 */
export type Rule =
  | "table"
  | "compose"
  | "curated"
  | "diacritic"
  | "transliteration"
  | "removed"
  | "substitute";

/**
 * One replacement: `original` at `index` of the original text became `replacement` at
 * `outputIndex` of the new text. Indices are UTF-16 code unit offsets. Replaying the changes on
 * the output gives back the original exactly (see {@link replay}).
 *
 * Granularity: under FULL, every changed character is its own change, so a preview can mark and
 * explain each one (a transliterated word, `Здравствуйте` → `Zdravstvuite`, is twelve changes,
 * `З` → `Z` first; `naïve café’s` gives `ï` → `i` and `’` → `'`). A table match is always one
 * change; a composed sequence (`e` + U+0301) is one change; a leftover cluster (an emoji with its
 * skin tone, a flag) replaced by `{ substitute }` is one change.
 *
 * @category models
 * @since 0.1.0
 */
export interface Change {
  /** UTF-16 index in the original text. */
  readonly index: number;
  /** UTF-16 index in the new text. */
  readonly outputIndex: number;
  /** The original text replaced (one character, a composed sequence, or a table key). */
  readonly original: string;
  /** What it became ("" when removed). */
  readonly replacement: string;
  readonly rule: Rule;
}

/**
 * A character FULL could not map to GSM-7 (emoji, CJK, Arabic, …), at its UTF-16 `index` in the
 * original text. An emoji sequence (skin tone, ZWJ family, flag, keycap) is one leftover.
 *
 * @category models
 * @since 0.1.0
 */
export interface Leftover {
  readonly index: number;
  readonly char: string;
}

/**
 * What FULL does with leftovers:
 * - `"keep"` (default): they stay, and the message goes UCS-2;
 * - `"all-or-nothing"`: any leftover means the original text is returned untouched
 *   (`reverted: true`), as some gateways do, so a message is never half-converted;
 * - `"reject"`: a {@link LeftoversRejected} error listing them;
 * - `{ substitute }`: each leftover becomes this GSM-7 text (e.g. `"?"`; `""` deletes them).
 *
 * Under `"off"` and `"on"` the policy is not applied (those modes never promise GSM-7).
 *
 * @category models
 * @since 0.1.0
 */
export type LeftoverPolicy = "keep" | "all-or-nothing" | "reject" | { readonly substitute: string };

/**
 * A validated replacement table, made by {@link makeTable} (or decoded with
 * `ReplacementTable.ReplacementTable`). `entries` are the `[from, to]` pairs in input order.
 *
 * @category models
 * @since 0.1.0
 */
export interface Table {
  readonly _tag: "Table";
  readonly entries: ReadonlyArray<readonly [from: string, to: string]>;
}

/**
 * One refused table entry: `path` is `[key]` for object input, `[index]` for array input, `[]`
 * for the table as a whole; `key` the entry's key when it is text.
 *
 * @category errors
 * @since 0.1.0
 */
export interface TableIssue {
  readonly path: ReadonlyArray<string | number>;
  readonly key: string | undefined;
  readonly reason: string;
}

/**
 * A table that {@link makeTable} refused, with every bad entry.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidTable {
  readonly _tag: "InvalidTable";
  readonly issues: ReadonlyArray<TableIssue>;
  readonly message: string;
}

/**
 * FULL found leftovers and the policy is `"reject"`.
 *
 * @category errors
 * @since 0.1.0
 */
export interface LeftoversRejected {
  readonly _tag: "LeftoversRejected";
  /** Always `"leftovers"`: the option whose policy refused the text. */
  readonly field: "leftovers";
  readonly leftovers: ReadonlyArray<Leftover>;
  readonly message: string;
}

/**
 * The `{ substitute }` policy's text is not GSM-7 (or longer than {@link MAX_SUBSTITUTE_LENGTH}).
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidSubstitute {
  readonly _tag: "InvalidSubstitute";
  /** Always `"leftovers.substitute"`. */
  readonly field: "leftovers.substitute";
  readonly value: unknown;
  readonly reason: string;
  readonly message: string;
}

/**
 * An option of {@link apply} or {@link applyTable} is not what the type says (only possible when
 * type checking was bypassed, e.g. from JavaScript or a cast): the text is not a string, `mode`
 * is not `"off"`, `"on"` or `"full"`, or `table` is not a {@link Table} made by {@link makeTable}.
 * Returned instead of guessing, so a setting septet does not understand never silently changes
 * (or silently fails to change) a message.
 *
 * @category errors
 * @since 0.1.0
 */
export interface InvalidOptions {
  readonly _tag: "InvalidOptions";
  /** `"text"`, `"mode"`, `"table"`, or `"options"` when the options object itself cannot be read. */
  readonly field: "text" | "mode" | "table" | "options";
  readonly value: unknown;
  readonly reason: string;
  readonly message: string;
}

const invalidOption = (field: InvalidOptions["field"], value: unknown, reason: string): InvalidOptions => ({
  _tag: "InvalidOptions",
  field,
  value,
  reason,
  message: `${field}: ${reason}`,
});

const describe = (value: unknown): string =>
  value === null ? "null" : typeof value === "string" ? JSON.stringify(value.slice(0, 20)) : typeof value;

/** The first option that is not what its type says, if any. */
const checkOptions = (text: unknown, mode: unknown, table: unknown): InvalidOptions | undefined => {
  if (typeof text !== "string")
    return invalidOption("text", text, `expected a string, got ${describe(text)}`);
  if (mode !== "off" && mode !== "on" && mode !== "full")
    return invalidOption("mode", mode, `expected "off", "on" or "full", got ${describe(mode)}`);
  if (table !== undefined && !isTable(table))
    return invalidOption("table", table, "expected a Table made by Replacement.makeTable");
  return undefined;
};

/**
 * Options of {@link apply}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Options {
  readonly mode: Mode;
  /** The key owner's table (ON and FULL). */
  readonly table?: Table | undefined;
  /** FULL's leftover policy; default `"keep"`. */
  readonly leftovers?: LeftoverPolicy | undefined;
  /** Passed to `Sms.measure` for the `before` and `after` measurements. */
  readonly measure?: Sms.MeasureOptions | undefined;
}

/**
 * The result of {@link apply}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Applied {
  readonly _tag: "Applied";
  readonly mode: Mode;
  /** The input text. */
  readonly original: string;
  /** The text to send. */
  readonly text: string;
  /** Whether `text` differs from `original`. */
  readonly changed: boolean;
  /** `true` when `"all-or-nothing"` found leftovers and returned the original text. */
  readonly reverted: boolean;
  /**
   * Every replacement, in order, non-overlapping (empty when reverted). Under FULL the list is
   * built when first read (the run keeps a compact report), then kept: a caller that only needs
   * `text` or the counts never pays for one object per changed character. It is an own,
   * enumerable property, so spread, `JSON.stringify` and `structuredClone` include it.
   */
  readonly replacements: ReadonlyArray<Change>;
  /** FULL's leftovers (indices in the original); always empty under `"off"` and `"on"`. */
  readonly leftovers: ReadonlyArray<Leftover>;
  /** `Sms.measure` of the original, so a UI can show the cost before and after. */
  readonly before: Sms.Measurement;
  /** `Sms.measure` of `text` (the same object as `before` when nothing changed). */
  readonly after: Sms.Measurement;
}

/**
 * Longest `{ substitute }` text, in UTF-16 code units.
 *
 * @category constants
 * @since 0.1.0
 */
export const MAX_SUBSTITUTE_LENGTH = 16;

/**
 * Caps of a replacement table: at most `entries` entries, keys of at most `keyLength` and values
 * of at most `valueLength` UTF-16 code units.
 *
 * @category constants
 * @since 0.1.0
 */
export const TABLE_LIMITS = {
  entries: internalTable.MAX_ENTRIES,
  keyLength: internalTable.MAX_KEY_LENGTH,
  valueLength: internalTable.MAX_VALUE_LENGTH,
} as const;

/**
 * Validates a key owner's replacement table.
 *
 * Accepts a JSON object `{ "from": "to", … }` (order of its keys) or an array of `[from, to]`
 * pairs (order kept; the form to use when keys may repeat or order matters to a reader). Keys may
 * be characters or words; matching is case-sensitive and exact (ON) or on the NFC of the text
 * (FULL).
 *
 * Refused, each with a {@link TableIssue} naming the entry: a key or value that is not text; an
 * empty key; a key over 64 or a value over 256 UTF-16 code units; a lone surrogate; the same key
 * twice with different values (identical duplicates are merged); two different keys equal after
 * NFC (`"é"` and `"e\u0301"`); more than 2000 entries. Values may be any text, including `""`
 * (delete the key); under FULL a value's own non-GSM-7 characters then go through the built-in
 * table. Never throws; a {@link Table} passed in is returned as is.
 *
 * @example
 * ```ts
 * import { Replacement } from "@septet/core"
 *
 * Replacement.makeTable({ "„": "\"", "“": "\"" })._tag // => "Table"
 * const bad = Replacement.makeTable([["", "x"], ["a", 1]])
 * bad._tag === "InvalidTable" ? bad.issues.map((i) => i.path) : [] // => [[0], [1]]
 * ```
 *
 * @category parsing
 * @since 0.1.0
 */
export const makeTable: (input: unknown) => Table | InvalidTable = internalTable.makeTable;

/**
 * Whether a value is a {@link Table} made by {@link makeTable}.
 *
 * @example
 * ```ts
 * import { Replacement } from "@septet/core"
 *
 * Replacement.isTable(Replacement.makeTable({ a: "b" })) // => true
 * Replacement.isTable({ _tag: "Table", entries: [] }) // => false
 * ```
 *
 * @category predicates
 * @since 0.1.0
 */
export const isTable: (u: unknown) => u is Table = internalTable.isTable;

/** FULL's lists, or what builds them on first read (see internal/replace/report.ts). */
interface Lists {
  replacements: ReadonlyArray<Change> | (() => ReadonlyArray<Change>);
  leftovers: ReadonlyArray<Leftover> | (() => ReadonlyArray<Leftover>);
}

type WithLists = { readonly [STATE]: Lists };

/** A list, built when first read and kept. */
const list = (key: keyof Lists) =>
  function (this: WithLists) {
    const lists = this[STATE];
    const value = lists[key];
    if (typeof value !== "function") return value;
    const built = value();
    (lists as Record<keyof Lists, unknown>)[key] = built;
    return built;
  };

/** The two list accessors, shared by every `Applied` (see internal/lazyFields). */
const LIST_ACCESSORS = { replacements: list("replacements"), leftovers: list("leftovers") };

const applied = (
  mode: Mode,
  original: string,
  text: string,
  replacements: Lists["replacements"],
  leftovers: Lists["leftovers"],
  reverted: boolean,
  measure: Sms.MeasureOptions | undefined,
): Applied => {
  const before = Sms.measure(original, measure);
  // Own enumerable accessors for the lists, so spread, JSON and structuredClone still see them.
  const result: Record<string, unknown> = {
    _tag: "Applied",
    mode,
    original,
    text,
    changed: text !== original,
    reverted,
  };
  const lists: Lists = { replacements, leftovers };
  defineLazyFields(result, lists, LIST_ACCESSORS);
  result.before = before;
  result.after = text === original ? before : Sms.measure(text, measure);
  return result as unknown as Applied;
};

/**
 * ON without FULL: the key owner's table only, in one left-to-right pass, longest match first,
 * output never re-scanned. Same result as `apply(text, { mode: "on", table })`.
 *
 * Import this instead of {@link apply} when FULL is never used: it does not pull in the built-in
 * FULL table (about 4 kB gzipped), so a bundle that only calls `applyTable` stays small.
 *
 * @example
 * ```ts
 * import { Replacement } from "@septet/core"
 *
 * const quotes = Replacement.makeTable({ "„": "\"", "“": "\"" }) as Replacement.Table
 * const r = Replacement.applyTable("„Farenheit 451“", quotes)
 * r.text // => "\"Farenheit 451\""
 * r.replacements.map((c) => [c.index, c.original, c.rule]) // => [[0, "„", "table"], [14, "“", "table"]]
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const applyTable = (
  text: string,
  table: Table,
  options?: { readonly measure?: Sms.MeasureOptions | undefined },
): Applied | InvalidOptions => {
  const invalid = checkOptions(text, "on", table);
  if (invalid !== undefined) return invalid;
  const r = internalTable.runTable(text, table);
  return applied("on", text, r.text, r.replacements, [], false, options?.measure);
};

const invalidSubstitute = (value: unknown): InvalidSubstitute | string => {
  const fail = (reason: string): InvalidSubstitute => ({
    _tag: "InvalidSubstitute",
    field: "leftovers.substitute",
    value,
    reason,
    message: `leftovers.substitute: ${reason}`,
  });
  if (typeof value !== "string")
    return fail(`expected GSM-7 text, got ${value === null ? "null" : typeof value}`);
  if (value.length > MAX_SUBSTITUTE_LENGTH)
    return fail(`is ${value.length} UTF-16 code units long, at most ${MAX_SUBSTITUTE_LENGTH}`);
  for (let i = 0; i < value.length; ) {
    const cp = value.codePointAt(i)!;
    if (defaultCost(cp) === 0)
      return fail(
        `${JSON.stringify(String.fromCodePoint(cp))} at index ${i} is not in the GSM 7-bit alphabet`,
      );
    i += cp > 0xffff ? 2 : 1;
  }
  return value;
};

/**
 * Applies an Auto-Replace mode to a message text and reports every change.
 *
 * - `"off"`: identity, byte for byte.
 * - `"on"`: the key's `table` only (see {@link applyTable}).
 * - `"full"`, in this order, for each character: (1) NFC composition (`e` + U+0301 → `é`, which
 *   is GSM-7; reported with rule `"compose"` and the two-code-unit original); (2) the key's
 *   `table`, matched against the composed text with NFC keys, longest match first; (3) GSM-7
 *   characters are kept as they are (`ä`, `é`, `Ç`, `ß`, and the Greek capitals Δ Φ Γ Λ Ω Π Ψ Σ
 *   Θ Ξ); (4) the built-in table (`Transliteration.entries()`): curated quotes, dashes,
 *   spaces (each one space; zero-width characters removed), ellipsis, bullets, fractions,
 *   fullwidth forms, ™ © ®; diacritics stripped where the base letter is GSM-7 (`ë` → `e`);
 *   Greek after ELOT 743 and Cyrillic after ICAO Doc 9303. One-septet targets are preferred to
 *   extension characters when equally faithful. Case is never changed (`ç` → `c`, not `Ç`).
 *   Characters still outside GSM-7 are leftovers and follow `leftovers`.
 *
 * FULL targets the GSM 7-bit default alphabet and its extension table, which every handset
 * reads; national language shift tables in `measure.languages` only change the measurement, not
 * what FULL keeps. The result is idempotent under FULL (with no table), GSM-7 except the
 * reported leftovers, and never alters a GSM-7 character that is not part of a table match or a
 * composed sequence.
 *
 * Overloads: without `"reject"` or `{ substitute }` the result is always {@link Applied};
 * `"reject"` adds {@link LeftoversRejected}; `{ substitute }` adds {@link InvalidSubstitute}.
 * Never throws. A text that is not a string, an unknown `mode` or a `table` that is not a
 * {@link Table} (possible only when type checking was bypassed) gives {@link InvalidOptions},
 * never a guess.
 *
 * @example
 * ```ts
 * import { Replacement } from "@septet/core"
 *
 * Replacement.apply("Brontë", { mode: "full" }).text // => "Bronte"
 * Replacement.apply("It’s 5 – 7 °C…", { mode: "full" }).text // => "It's 5 - 7 oC..."
 * Replacement.apply("Привет, Ωμέγα!", { mode: "full" }).text // => "Privet, Ωmega!"
 * Replacement.apply("Ok 👍", { mode: "full", leftovers: { substitute: ":)" } }).text // => "Ok :)"
 * const r = Replacement.apply("Ok 👍", { mode: "full", leftovers: "reject" })
 * r._tag // => "LeftoversRejected"
 * Replacement.apply("Cafe\u0301", { mode: "full" }).replacements
 * // => [{ index: 3, outputIndex: 3, original: "e\u0301", replacement: "é", rule: "compose" }]
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export function apply(
  text: string,
  options: Options & { readonly leftovers?: "keep" | "all-or-nothing" | undefined },
): Applied | InvalidOptions;
export function apply(
  text: string,
  options: Options & { readonly leftovers: "reject" },
): Applied | LeftoversRejected | InvalidOptions;
export function apply(
  text: string,
  options: Options & { readonly leftovers: { readonly substitute: string } },
): Applied | InvalidSubstitute | InvalidOptions;
export function apply(
  text: string,
  options: Options,
): Applied | LeftoversRejected | InvalidSubstitute | InvalidOptions;
export function apply(
  text: string,
  options: Options,
): Applied | LeftoversRejected | InvalidSubstitute | InvalidOptions {
  // Every option is read once, here: a getter or proxy that throws is an InvalidOptions, never
  // an exception.
  let mode: unknown;
  let table: unknown;
  let measure: Sms.MeasureOptions | undefined;
  let policy: unknown;
  let substituteValue: unknown;
  try {
    ({ mode, table, measure, leftovers: policy = "keep" } = options ?? ({} as Options));
    if (typeof policy === "object" && policy !== null)
      substituteValue = (policy as { readonly substitute?: unknown }).substitute;
  } catch {
    return invalidOption("options", options, "could not be read (a getter or proxy threw)");
  }
  const invalid = checkOptions(text, mode, table);
  if (invalid !== undefined) return invalid;
  const t = text;
  if (mode === "on")
    return table === undefined
      ? applied("on", t, t, [], [], false, measure)
      : applyTable(t, table as Table, { measure });
  if (mode === "off") return applied("off", t, t, [], [], false, measure);
  let substitute: string | undefined;
  if (typeof policy === "object" && policy !== null) {
    const checked = invalidSubstitute(substituteValue);
    if (typeof checked !== "string") return checked;
    substitute = checked;
  }
  const r = runFull(t, table as Table | undefined, substitute);
  const leftovers = () => r.leftovers.leftovers(t);
  if (r.leftovers.length > 0) {
    if (policy === "reject") {
      const list = leftovers();
      return {
        _tag: "LeftoversRejected",
        field: "leftovers",
        leftovers: list,
        message: `${list.length} character(s) have no GSM-7 replacement: ${list
          .slice(0, 10)
          .map((l) => `${JSON.stringify(l.char)} at ${l.index}`)
          .join(", ")}${list.length > 10 ? ", …" : ""}`,
      };
    }
    if (policy === "all-or-nothing") return applied("full", t, t, [], leftovers, true, measure);
  }
  return applied("full", t, r.text, () => r.changes.changes(t, r.text), leftovers, false, measure);
}

/**
 * Rebuilds the original text from a result's `text` and `replacements`: the audit trail
 * round-trips (`replay(apply(t, o)) === t` for every `Applied`).
 *
 * @example
 * ```ts
 * import { Replacement } from "@septet/core"
 *
 * Replacement.replay(Replacement.apply("Ёлка – 5 €", { mode: "full" })) // => "Ёлка – 5 €"
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const replay = (result: Pick<Applied, "text" | "replacements">): string => {
  let out = "";
  let at = 0;
  for (const c of result.replacements) {
    out += result.text.slice(at, c.outputIndex) + c.original;
    at = c.outputIndex + c.replacement.length;
  }
  return out + result.text.slice(at);
};
