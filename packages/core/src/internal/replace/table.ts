/**
 * The key owner's replacement table: validation (`makeTable`) and the ON engine (one
 * left-to-right pass, longest match first, output never re-scanned).
 *
 * Matching walks a trie keyed by UTF-16 code units from each position, so the work per position
 * is bounded by the longest key ({@link MAX_KEY_LENGTH}): linear in the text whatever the table
 * (keys that are prefixes of each other included). No `effect` import: this module is part of
 * the ON-only bundle.
 *
 * @internal
 */
import type { Change, InvalidTable, Table, TableIssue } from "../../Replacement.js";

/** Most entries a table may have. */
export const MAX_ENTRIES = 2000;
/** Longest key, in UTF-16 code units. */
export const MAX_KEY_LENGTH = 64;
/** Longest value, in UTF-16 code units. */
export const MAX_VALUE_LENGTH = 256;

export interface Node {
  readonly next: Map<number, Node>;
  value: string | undefined;
}

interface Compiled {
  /** Trie of the keys as written (ON). */
  readonly raw: Node;
  /** Trie of the NFC of the keys (FULL matches after NFC composition); built on first use. */
  nfc: Node | undefined;
}

const compiled = new WeakMap<Table, Compiled>();

const node = (): Node => ({ next: new Map(), value: undefined });

const build = (entries: ReadonlyArray<readonly [string, string]>, nfc: boolean): Node => {
  const root = node();
  for (const [from, to] of entries) {
    const key = nfc ? from.normalize("NFC") : from;
    let n = root;
    for (let i = 0; i < key.length; i++) {
      const c = key.charCodeAt(i);
      let child = n.next.get(c);
      if (child === undefined) {
        child = node();
        n.next.set(c, child);
      }
      n = child;
    }
    n.value = to;
  }
  return root;
};

/** Whether a string is well-formed UTF-16 (no lone surrogate). */
const wellFormed = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = s.charCodeAt(i + 1);
      if (!(d >= 0xdc00 && d <= 0xdfff)) return false;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return false;
  }
  return true;
};

const describe = (u: unknown): string => (u === null ? "null" : Array.isArray(u) ? "array" : typeof u);

const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);

/** Validates and compiles a table (see `Replacement.makeTable` for the rules). */
export const makeTable = (input: unknown): Table | InvalidTable => {
  try {
    return readTable(input);
  } catch {
    // A getter or proxy in the input threw: refused like any other unreadable value.
    const reason = "could not be read (a getter or proxy threw)";
    return {
      _tag: "InvalidTable",
      issues: [{ path: [], key: undefined, reason }],
      message: `Invalid replacement table: table: ${reason}`,
    };
  }
};

/** A table entry as read from the input: where it sits, its key and its value, both unchecked. */
type RawEntry = readonly [path: ReadonlyArray<string | number>, key: unknown, value: unknown];

/** Where a checked key was first seen, to report duplicates against. */
interface Seen {
  readonly key: string;
  readonly value: string;
  readonly path: ReadonlyArray<string | number>;
}

const readTable = (input: unknown): Table | InvalidTable => {
  if (isTable(input)) return input;
  const issues: Array<TableIssue> = [];
  const raw = rawEntries(input, issues);
  if (raw === null) return invalidTable(issues);
  const entries = checkedEntries(raw, issues);
  if (issues.length > 0) return invalidTable(issues);
  const table: Table = Object.freeze({ _tag: "Table", entries: Object.freeze(entries) });
  compiled.set(table, { raw: build(entries, false), nfc: undefined });
  return table;
};

/** The refusal of a table, its message naming the first five issues. */
const invalidTable = (issues: Array<TableIssue>): InvalidTable => ({
  _tag: "InvalidTable",
  issues,
  message: `Invalid replacement table: ${issues
    .slice(0, 5)
    .map((i) => `${i.path.length === 0 ? "table" : `entry ${JSON.stringify(i.path)}`}: ${i.reason}`)
    .join("; ")}${issues.length > 5 ? `; and ${issues.length - 5} more` : ""}`,
});

/**
 * The entries of either accepted shape (an object `{ from: to }` or an array of `[from, to]`
 * pairs), or `null` when the input as a whole is refused (wrong shape, too many entries). Pairs
 * of the wrong shape are reported in `issues` and left out.
 */
const rawEntries = (input: unknown, issues: Array<TableIssue>): Array<RawEntry> | null => {
  const raw: Array<RawEntry> = [];
  if (Array.isArray(input)) {
    if (input.length > MAX_ENTRIES) {
      issues.push({
        path: [],
        key: undefined,
        reason: `has ${input.length} entries, at most ${MAX_ENTRIES}`,
      });
      return null;
    }
    input.forEach((pair: unknown, i) => {
      if (!Array.isArray(pair) || pair.length !== 2)
        issues.push({
          path: [i],
          key: undefined,
          reason: `expected a [from, to] pair, got ${describe(pair)}`,
        });
      else raw.push([[i], pair[0], pair[1]]);
    });
    return raw;
  }
  if (typeof input === "object" && input !== null) {
    const keys = Object.keys(input);
    if (keys.length > MAX_ENTRIES) {
      issues.push({ path: [], key: undefined, reason: `has ${keys.length} entries, at most ${MAX_ENTRIES}` });
      return null;
    }
    for (const k of keys) raw.push([[k], k, (input as Record<string, unknown>)[k]]);
    return raw;
  }
  issues.push({
    path: [],
    key: undefined,
    reason: `expected an object { "from": "to" } or an array of [from, to] pairs, got ${describe(input)}`,
  });
  return null;
};

/**
 * The entries that pass every check, in input order; each failure is reported in `issues`. An
 * identical duplicate is dropped silently (harmless); a duplicate with another value, or a key
 * equal to an earlier one after NFC normalization, is an issue (FULL could not tell them apart).
 */
const checkedEntries = (
  raw: ReadonlyArray<RawEntry>,
  issues: Array<TableIssue>,
): Array<readonly [string, string]> => {
  const entries: Array<readonly [string, string]> = [];
  const exact = new Map<string, Seen>();
  const normal = new Map<string, Seen>();
  for (const [path, key, value] of raw) {
    if (typeof key !== "string") {
      issues.push({ path, key: undefined, reason: `key is not text (${describe(key)})` });
      continue;
    }
    const reason = entryProblem(key, value);
    if (reason !== undefined) {
      issues.push({ path, key, reason });
      continue;
    }
    const to = value as string; // entryProblem refuses a value that is not text
    const seen = exact.get(key);
    if (seen !== undefined) {
      if (seen.value !== to)
        issues.push({
          path,
          key,
          reason: `key ${quote(key)} is also entry ${JSON.stringify(seen.path)} with a different value`,
        });
      continue;
    }
    const nfc = key.normalize("NFC");
    const twin = normal.get(nfc);
    if (twin !== undefined) {
      issues.push({
        path,
        key,
        reason: `key ${quote(key)} equals entry ${JSON.stringify(twin.path)} (${quote(twin.key)}) after NFC normalization`,
      });
      continue;
    }
    const first: Seen = { key, value: to, path };
    exact.set(key, first);
    normal.set(nfc, first);
    entries.push([key, to]);
  }
  return entries;
};

/** Why one entry is refused on its own (length, lone surrogates, a value that is not text), if it is. */
const entryProblem = (key: string, value: unknown): string | undefined => {
  if (key.length === 0) return "key is empty";
  if (key.length > MAX_KEY_LENGTH)
    return `key is ${key.length} UTF-16 code units long, at most ${MAX_KEY_LENGTH}`;
  if (!wellFormed(key)) return "key contains a lone surrogate";
  if (typeof value !== "string") return `value of ${quote(key)} is not text (${describe(value)})`;
  if (value.length > MAX_VALUE_LENGTH)
    return `value of ${quote(key)} is ${value.length} UTF-16 code units long, at most ${MAX_VALUE_LENGTH}`;
  if (!wellFormed(value)) return `value of ${quote(key)} contains a lone surrogate`;
  return undefined;
};

/** Whether a value is a table made by {@link makeTable}. */
export const isTable = (u: unknown): u is Table =>
  typeof u === "object" && u !== null && compiled.has(u as Table);

/** The trie of a table: its keys as written, or their NFC (FULL). */
export const trieOf = (table: Table, nfc: boolean): Node => {
  const c = compiled.get(table)!;
  if (!nfc) return c.raw;
  if (c.nfc === undefined) c.nfc = build(table.entries, true);
  return c.nfc;
};

/** Value of the last successful {@link matchAt} (avoids allocating a result per position). */
export let matchedValue = "";

/**
 * End (exclusive) of the longest key starting at `i`, or -1. Keys are well-formed, so a match
 * never starts on the second half of a surrogate pair or ends inside one.
 */
export const matchAt = (root: Node, text: string, i: number): number => {
  let n = root.next.get(text.charCodeAt(i));
  let end = -1;
  let j = i + 1;
  while (n !== undefined) {
    if (n.value !== undefined) {
      end = j;
      matchedValue = n.value;
    }
    if (j >= text.length) break;
    n = n.next.get(text.charCodeAt(j++));
  }
  return end;
};

/** ON: the table's replacements in one pass; returns the text and the report. */
export const runTable = (
  text: string,
  table: Table,
): { readonly text: string; readonly replacements: ReadonlyArray<Change> } => {
  const root = trieOf(table, false);
  const replacements: Array<Change> = [];
  let out = "";
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const end = root.next.has(text.charCodeAt(i)) ? matchAt(root, text, i) : -1;
    if (end < 0) {
      i++;
      continue;
    }
    out += text.slice(copied, i);
    replacements.push({
      index: i,
      outputIndex: out.length,
      original: text.slice(i, end),
      replacement: matchedValue,
      rule: "table",
    });
    out += matchedValue;
    copied = i = end;
  }
  return { text: copied === 0 ? text : out + text.slice(copied), replacements };
};
