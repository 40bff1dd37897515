/**
 * The FULL engine: NFC composition, the key's table, then the built-in table
 * (`generated/replacement-full.ts`) for every character still outside GSM-7, with the context
 * rules of the Greek (ELOT 743) and Cyrillic (ICAO Doc 9303) romanisations.
 *
 * Work is linear in the text: one left-to-right pass that assumes no combining mark and restarts
 * with composition when it meets one. The built-in table is decoded on first use; the fast
 * path's table and buffers (about 340 kB of typed arrays, filled on first use) are allocated
 * when the module loads, as constants the compiled loop reads without reloading.
 *
 * Performance notes (see `benchmarks/replacement.md`): the hot loop ({@link plainRun}) reads one
 * `Int32Array` entry per UTF-16 code unit that says "copy", "replace by these units, report this
 * word" or "ask the full path"; it writes the output units to one shared `Uint16Array`, decoded a
 * chunk at a time, and the report's two 32-bit numbers per change to a shared `Int32Array`
 * (`report.ts`). It allocates nothing per character, and 10 MB of text needing replacement stays
 * in memory bounds.
 *
 * @internal
 */

import {
  COMPOSE,
  CURATED,
  DERIVED_COMPATIBILITY,
  DERIVED_DIACRITIC,
  DIACRITIC,
  REMOVED,
  TRANSLITERATION,
} from "../../generated/replacement-full.js";
import type { Rule, Table } from "../../Replacement.js";
// The default-alphabet cost table only: importing `Gsm7` would bundle the national tables too.
import { COST, COST_LIMIT } from "../sms/gsm7Cost.js";
import { capitalise, capitalOf, compatibility, withoutDiacritics } from "./derive.js";
import { CHANGE_PAIRS, ChangeLog, LeftoverLog, RULE_CODE } from "./report.js";
import { matchAt, matchedValue, type Node, trieOf } from "./table.js";

/** One built-in entry. */
export interface Entry {
  readonly to: string;
  readonly rule: Exclude<Rule, "table" | "substitute">;
  /** The character itself (the `original` of its changes, shared instead of sliced per change). */
  readonly from: string;
  /** `to` in capitals (the Zh → ZH rule), computed once. */
  readonly upper: string;
  /** `rule` as the report stores it. */
  readonly code: number;
}

let builtIn: Map<number, Entry> | undefined;

/** Code points below this have dense lookups (what the fast path does, mark flag, built-in entry, case). */
const DENSE = 0x3400;

/** The built-in table, decoded on first use (see the generator for the encoding). */
export const table = (): Map<number, Entry> => {
  if (builtIn !== undefined) return builtIn;
  const map = new Map<number, Entry>();
  const add = (cp: number, to: string, rule: Entry["rule"]) =>
    // One object shape for every entry: to, rule, from, upper, code.
    map.set(cp, {
      to,
      rule,
      from: String.fromCodePoint(cp),
      upper: to.length > 1 ? to.toUpperCase() : to,
      code: RULE_CODE[rule],
    });
  const decode = (data: string, rule: Entry["rule"]) => {
    for (const run of data.split("\u0001")) {
      let cp = run.codePointAt(0)!;
      for (const to of run.slice(cp > 0xffff ? 2 : 1).split("\u0002")) {
        if (to.charCodeAt(0) === 3) {
          // a ramp: to[1], to[1] + 1, … for (to[2] - 0x30) code points
          const first = to.charCodeAt(1);
          for (let k = 0; k < to.charCodeAt(2) - 0x30; k++) add(cp++, String.fromCharCode(first + k), rule);
        } else add(cp++, to, rule);
      }
    }
  };
  decode(REMOVED, "removed");
  decode(CURATED, "curated");
  decode(COMPOSE, "compose");
  decode(DIACRITIC, "diacritic");
  decode(TRANSLITERATION, "transliteration");
  // Then the derived entries, in the generator's order: the capitals of transliterated small
  // letters (the first small letter wins; an entry already there stays), diacritics (they see
  // the curated entries), compatibility (it sees every entry before it).
  for (const [cp, entry] of [...map]) {
    const u = entry.rule === "transliteration" ? capitalOf(cp) : undefined;
    if (u !== undefined && !isGsm(u) && !map.has(u)) add(u, capitalise(entry.to), "transliteration");
  }
  const derive = (data: string, rule: Entry["rule"], target: typeof compatibility) => {
    const known = (cp: number) => map.get(cp);
    let end = 0;
    for (let i = 0; i < data.length; ) {
      // a run: the gap since the last one + 0x30 (or U+0004 and its first code point), its length + 0x30
      const gap = data.charCodeAt(i++);
      let cp = gap === 4 ? data.codePointAt(i)! : end + gap - 0x30;
      if (gap === 4) i += cp > 0xffff ? 2 : 1;
      end = cp + data.charCodeAt(i++) - 0x30;
      for (; cp < end; cp++) {
        const to = target(cp, isGsm, known);
        if (to !== undefined) add(cp, to, rule);
      }
    }
  };
  derive(DERIVED_DIACRITIC, "diacritic", withoutDiacritics);
  derive(DERIVED_COMPATIBILITY, "curated", compatibility);
  builtIn = map;
  return map;
};

/** {@link FAST} values: copy (GSM-7), and a combining mark (left to the full path). */
const GSM = 1;
const MARK = 2;

/** The built-in entry of each code point below {@link DENSE}. */
let entries: Array<Entry | undefined> = [];
/**
 * What the fast path does with a UTF-16 code unit `c`, `v = FAST[c]`: {@link GSM} copy it; 0 or
 * {@link MARK} leave it to the full path (a leftover, a mark, a surrogate, an entry with a context
 * rule, anything at or above {@link DENSE}); else replace it by the `(v >>> 3) & 0xff` units at
 * `v >>> 12` of {@link targets}, and `v & 0xfff` is its report word (one unit replaced, the
 * target's length, the rule, packed as `ChangeLog` stores them). A constant with an entry for
 * every code unit, so the hot loop reads it without reloading and without a range check.
 */
const FAST = new Int32Array(0x10000);
/** The targets of the fast path's entries, one after the other. */
let targets: Uint16Array = new Uint16Array(0);
/** Bit 1: cased (lower and upper forms differ); bit 2: a capital. Built on first use. */
let cases: Uint8Array | undefined;

const MARKS = /\p{M}/u;

/** Builds the dense tables (once). */
const init = (): void => {
  const map = table();
  const e = new Array<Entry | undefined>(DENSE).fill(undefined);
  for (const [cp, entry] of map) if (cp < DENSE) e[cp] = entry;
  const f = FAST;
  const units: Array<number> = [];
  for (let c = 0; c < DENSE; c++) {
    if (c < COST_LIMIT && COST[c] !== 0) f[c] = GSM;
    else if (c >= 0x300 && MARKS.test(String.fromCharCode(c))) f[c] = MARK;
    else {
      const entry = e[c];
      // γ and υ have ELOT 743 context rules.
      if (entry === undefined || c === 0x3b3 || c === 0x3c5 || c === 0x3cd || c === 0x3a5 || c === 0x38e)
        continue;
      const t = entry.to;
      if (entry.rule === "curated" && /[0-9]/.test(t[0] ?? "")) continue; // fractions
      if (t.length > 1 && t[0] !== t[0]!.toLowerCase() && t[1] !== t[1]!.toUpperCase()) continue; // Zh, Th
      if (t.length > 31) continue; // longer than the report word and the buffer's slack allow
      f[c] = (units.length << 12) | (1 << 11) | (t.length << 3) | entry.code;
      for (let u = 0; u < t.length; u++) units.push(t.charCodeAt(u));
    }
  }
  try {
    const d = new TextDecoder("utf-16le", { fatal: true });
    if (d.decode(Uint16Array.of(0x41)) === "A") utf16 = d;
  } catch {} // no strict decoder on this platform
  entries = e;
  targets = Uint16Array.from(units);
};

/** The built-in entry of a code point (no context rules). */
const entryOf = (cp: number): Entry | undefined => (cp < DENSE ? entries[cp] : table().get(cp));

/** Whether a code point is in the GSM 7-bit default alphabet or its extension (`Gsm7.isGsm7`). */
export const isGsm = (cp: number): boolean => cp >= 0 && cp < COST_LIMIT && COST[cp] !== 0;

/** Per block of 256 code points at or above {@link DENSE}: 0 not yet known, 1 no mark, 2 some marks. */
let markBlocks: Uint8Array | undefined;
/** Whether a code point is a combining mark (General Category M); dense lookup below U+3400. */
const isMark = (cp: number): boolean => {
  if (cp < DENSE) return FAST[cp] === MARK;
  if (markBlocks === undefined) markBlocks = new Uint8Array(0x1100);
  const b = cp >> 8;
  let known = markBlocks[b]!;
  if (known === 0) {
    // One regex test per block decides most code points (emoji, CJK) without a per-character test.
    let block = "";
    for (let c = b << 8; c < (b + 1) << 8; c++) block += String.fromCodePoint(c);
    known = MARKS.test(block) ? 2 : 1;
    markBlocks[b] = known;
  }
  return known === 2 && MARKS.test(String.fromCodePoint(cp));
};
/** Whether a text contains a combining mark (then NFC composition may change it). */
const hasMark = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x300) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      if (isMark(text.codePointAt(i)!)) return true;
      i++;
    } else if (isMark(c)) return true;
  }
  return false;
};

const isGreek = (cp: number): boolean => (cp >= 0x370 && cp <= 0x3ff) || (cp >= 0x1f00 && cp <= 0x1fff);
/** Case bits of a code point: 1 cased (lower and upper forms differ), 2 a capital. */
const caseOf = (cp: number): number => {
  if (cp < DENSE) {
    if (cases === undefined) {
      const t = new Uint8Array(DENSE);
      for (let c = 0; c < DENSE; c++) t[c] = caseSlow(c);
      cases = t;
    }
    return cases[cp]!;
  }
  return caseSlow(cp);
};
const caseSlow = (cp: number): number => {
  const c = String.fromCodePoint(cp);
  const lower = c.toLowerCase();
  const upper = c.toUpperCase();
  return (lower !== upper ? 1 : 0) | (lower !== c && upper === c ? 2 : 0);
};

/** The code point that ends just before `i` (`i` > 0). */
const codePointBefore = (s: string, i: number): number => {
  const c = s.charCodeAt(i - 1);
  return c >= 0xdc00 && c <= 0xdfff && i > 1 ? s.codePointAt(i - 2)! : c;
};

/** Greek letters after which υ is a diphthong's second letter: α ε η (→ v/f) and ο (→ u). */
const AV = new Set([0x3b1, 0x391, 0x3b5, 0x395, 0x3b7, 0x397]);
const OU = new Set([0x3bf, 0x39f]);
/** GSM-7 Greek capitals that are voiced (Γ Δ Λ) or vowels (Ω): αυ before them is "av". */
const VOICED_KEPT = new Set([0x393, 0x394, 0x39b, 0x3a9]);

/**
 * The text the non-GSM-7 code point `cp` (`size` code units) at `i` of `s`, whose built-in entry
 * is `entry`, becomes, with the Greek and Cyrillic context rules applied (same rule as `entry`).
 */
const targetOf = (s: string, i: number, cp: number, size: number, entry: Entry): string => {
  const to = entry.to;
  if (entry.rule === "transliteration") {
    if (cp >= 0x3b3 && cp <= 0x3cd) {
      // ELOT 743: γ before γ, ξ, χ is n (γγ ng, γξ nx, γχ nch).
      if (cp === 0x3b3) {
        const next = s.charCodeAt(i + 1);
        if (next === 0x3b3 || next === 0x3be || next === 0x3c7) return "n";
      }
      if (cp === 0x3c5 || cp === 0x3cd) return upsilon(s, i, false, to);
    } else if (cp === 0x3a5 || cp === 0x38e) return upsilon(s, i, true, to);
  } else if (cp <= 0xbe ? cp >= 0xbc : (cp >= 0x2150 && cp <= 0x215f) || cp === 0x2189) {
    // A vulgar fraction right after a digit gets a space: 1½ → 1 1/2, not 11/2.
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    return prev >= 0x30 && prev <= 0x39 ? ` ${to}` : to;
  }
  // A capital written with several letters (Ж Zh, Щ Shch, Χ Ch, Þ Th) is all capitals inside a
  // word in capitals (next letter a capital, or no next letter and the previous one a capital).
  if (to.length > 1) {
    const first = to.charCodeAt(0);
    if (
      first >= 0x41 &&
      first <= 0x5a &&
      to.charCodeAt(1) >= 0x61 &&
      (entry.rule === "transliteration" || (entry.rule === "curated" && (caseOf(cp) & 1) !== 0))
    ) {
      const next = s.codePointAt(i + size) ?? -1;
      const prev = i === 0 ? -1 : codePointBefore(s, i);
      const nextCase = next >= 0 ? caseOf(next) : 0;
      const caps = (nextCase & 1) !== 0 ? (nextCase & 2) !== 0 : prev >= 0 && (caseOf(prev) & 2) !== 0;
      if (caps) return entry.upper;
    }
  }
  return to;
};

/** ELOT 743: υ after α ε η is v before a vowel or a voiced consonant, else f; after ο it is u. */
const upsilon = (s: string, i: number, upper: boolean, to: string): string => {
  if (i === 0) return to;
  const prev = s.charCodeAt(i - 1);
  if (OU.has(prev)) return upper ? "U" : "u";
  if (!AV.has(prev)) return to;
  const next = s.charCodeAt(i + 1);
  const n = isGreek(next) ? entryOf(next) : undefined;
  const voiced =
    VOICED_KEPT.has(next) ||
    (n !== undefined && n.to.length > 0 && "aeiouyvgdzlmnr".includes(n.to[0]!.toLowerCase()));
  return voiced ? (upper ? "V" : "v") : upper ? "F" : "f";
};

/** Whether a code point joins the leftover before it (emoji modifiers, joiners, marks, tags). */
const extendsLeftover = (cp: number): boolean =>
  cp === 0x200d ||
  (cp >= 0xfe00 && cp <= 0xfe0f) ||
  (cp >= 0x1f3fb && cp <= 0x1f3ff) ||
  (cp >= 0xe0020 && cp <= 0xe007f) ||
  (cp >= 0xe0100 && cp <= 0xe01ef) ||
  isMark(cp);

const isRegionalIndicator = (cp: number): boolean => cp >= 0x1f1e6 && cp <= 0x1f1ff;

/**
 * End of the leftover that starts with `cp` at `i`: the code point plus what joins it (combining
 * marks, variation selectors, skin tones, tag characters, a zero-width joiner and the leftover it
 * joins, the second regional indicator of a flag). Never goes past `limit`.
 */
const leftoverEnd = (s: string, i: number, cp: number, limit: number): number => {
  let j = i + (cp > 0xffff ? 2 : 1);
  if (isRegionalIndicator(cp) && j < limit) {
    const next = s.codePointAt(j)!;
    if (isRegionalIndicator(next)) j += 2;
  }
  while (j < limit) {
    const c = s.codePointAt(j)!;
    if (!extendsLeftover(c)) break;
    j += c > 0xffff ? 2 : 1;
    if (c === 0x200d && j < limit) {
      const joined = s.codePointAt(j)!;
      if (!isGsm(joined) && entryOf(joined) === undefined) j += joined > 0xffff ? 2 : 1;
    }
  }
  return j;
};

/** What one FULL run produced: the text and the compact report (see `report.ts`). */
export interface FullOutput {
  readonly text: string;
  readonly changes: ChangeLog;
  readonly leftovers: LeftoverLog;
}

/** A stretch whose NFC differs from the original: composed [cs, ce) comes from original [os, oe). */
interface Piece {
  readonly cs: number;
  readonly ce: number;
  readonly os: number;
  readonly oe: number;
}

const NO_PIECES: ReadonlyArray<Piece> = [];

/** The text after NFC composition and the pieces where it differs from the original. */
interface Composed {
  readonly text: string;
  readonly pieces: ReadonlyArray<Piece>;
}

/** NFC of recent units: hostile text repeats a few units millions of times. */
const nfcCache = new Map<string, string>();
const nfcOf = (unit: string): string => {
  let nfc = nfcCache.get(unit);
  if (nfc === undefined) {
    nfc = unit.normalize("NFC");
    if (nfcCache.size >= 256) nfcCache.clear();
    nfcCache.set(unit, nfc);
  }
  return nfc;
};

/** NFC composition, unit by unit (a code point and the combining marks after it). */
const compose = (text: string): Composed => {
  if (!hasMark(text)) return { text, pieces: NO_PIECES };
  const pieces: Array<Piece> = [];
  let s = "";
  let copied = 0;
  for (let i = 0; i < text.length; ) {
    const cp = text.codePointAt(i)!;
    const start = i;
    i += cp > 0xffff ? 2 : 1;
    // A unit without marks after it needs no composition (singletons are table entries). A unit
    // with more than 30 marks is left alone (UAX #15 stream-safe limit; keeps hostile input linear).
    let marks = 0;
    while (i < text.length) {
      const m = text.codePointAt(i)!;
      if (!isMark(m)) break;
      i += m > 0xffff ? 2 : 1;
      marks++;
    }
    if (marks === 0 || marks > 30) continue;
    const unit = text.slice(start, i);
    const nfc = nfcOf(unit);
    if (nfc === unit) continue;
    s += text.slice(copied, start);
    pieces.push({ cs: s.length, ce: s.length + nfc.length, os: start, oe: i });
    s += nfc;
    copied = i;
  }
  return pieces.length > 0 ? { text: s + text.slice(copied), pieces } : { text, pieces: NO_PIECES };
};

/** Output units decoded to a string at a time (few enough for one `String.fromCharCode` call). */
const CHUNK = 8192;
/** Room past {@link CHUNK} for one fast-path target, so the hot loop checks once per unit. */
const SLACK = 256;
/**
 * A strict UTF-16 decoder (set by `init`), where the platform has one and stores a `Uint16Array`
 * little-endian. It throws on a lone surrogate. It would drop a leading U+FEFF, which never
 * reaches the output (the built-in table removes it; substitutes are GSM-7).
 */
let utf16: TextDecoder | undefined;
/**
 * Output units not yet decoded. One buffer serves every run (a constant, so the hot loop reads
 * it without reloading): a run that starts another (a key's table value, replaced in turn)
 * decodes its units first, and the inner run is done before the outer one writes again.
 */
const UNITS = new Uint16Array(CHUNK + SLACK);

/** The output text and report of one run. */
class Output {
  readonly changes = new ChangeLog();
  readonly leftovers = new LeftoverLog();
  /** Units written to {@link UNITS}. */
  at = 0;
  /** The output decoded so far. */
  readonly chunks: Array<string> = [];

  /** Decodes the units written so far (when {@link at} passes {@link CHUNK}, or before a nested run). */
  spill(): void {
    const units = UNITS.subarray(0, this.at);
    let text: string;
    try {
      text = utf16!.decode(units);
    } catch {
      // No decoder, or a lone surrogate (in the text, or a pair cut by a chunk end): unit by unit.
      text = String.fromCharCode.apply(null, units as unknown as Array<number>);
    }
    this.chunks.push(text);
    this.at = 0;
  }

  /** Writes `s` from `from` up to `to`. */
  write(s: string, from = 0, to = s.length): void {
    for (let k = from; k < to; k++) {
      UNITS[this.at++] = s.charCodeAt(k);
      if (this.at > CHUNK) this.spill();
    }
  }

  /** Moves the output and the report out of the shared buffers (before a nested run, and at the end). */
  save(): void {
    this.spill();
    this.changes.save();
    this.leftovers.save();
  }
}

/**
 * FULL over `original`. `substitute` replaces each leftover when given (else leftovers are kept).
 * Every change is reported on its own: one entry per code point (or composed sequence, table
 * match or leftover cluster), so a preview can mark and explain each character. Never throws;
 * linear in the text (table matches are bounded by the longest key).
 */
export const runFull = (
  original: string,
  userTable: Table | undefined,
  substitute: string | undefined,
): FullOutput => {
  if (entries.length === 0) init();
  const trie =
    userTable === undefined || userTable.entries.length === 0 ? undefined : trieOf(userTable, true);
  // The first pass assumes the text has no combining mark (so NFC cannot change it) and starts
  // over with composition as soon as it meets one: text without marks is scanned once.
  return run(original, trie, substitute, false) ?? (run(original, trie, substitute, true) as FullOutput);
};

/**
 * Handles the non-GSM-7 code point `cp` at `i` of `str` (original index `oi`; `str` and the
 * original agree from `i` up to `limit`): writes what it becomes, records its change or leftover,
 * and returns the index in `str` after it.
 */
const step = (
  out: Output,
  str: string,
  i: number,
  cp: number,
  oi: number,
  limit: number,
  substitute: string | undefined,
): number => {
  const size = cp > 0xffff ? 2 : 1;
  const entry = entryOf(cp);
  if (entry !== undefined) {
    const to = targetOf(str, i, cp, size, entry);
    out.changes.add(oi, size, to.length, entry.code);
    out.write(to);
    return i + size;
  }
  const end = leftoverEnd(str, i, cp, limit);
  out.leftovers.add(oi, end - i);
  if (substitute === undefined) out.write(str.slice(i, end));
  else {
    out.changes.add(oi, end - i, substitute.length, RULE_CODE.substitute);
    out.write(substitute);
  }
  return end;
};

/** Where one pass stands: the composed text, the next composed piece, and the index shift. */
interface Pass {
  readonly original: string;
  /** The composed text (the original when not composing). */
  readonly s: string;
  readonly pieces: ReadonlyArray<Piece>;
  readonly trie: Node | undefined;
  readonly substitute: string | undefined;
  readonly composing: boolean;
  readonly out: Output;
  /** Index in `s` up to which `s` has been written or replaced. */
  copied: number;
  /** Original index = composed index + delta, outside pieces. */
  delta: number;
  /** The next piece and where it starts in `s` (`s.length` when none is left). */
  p: number;
  nextPiece: number;
}

/** Writes `s` from `copied` up to `j` (GSM-7 text is copied in slices). */
const flush = (pass: Pass, j: number): void => {
  pass.out.write(pass.s, pass.copied, j);
};

/** Makes piece `q` the next one. */
const nextPieceAfter = (pass: Pass, q: number): void => {
  pass.p = q;
  pass.nextPiece = q < pass.pieces.length ? pass.pieces[q]!.cs : pass.s.length;
};

/**
 * The fast path from `j` up to the next composed piece (no user table): GSM-7 is copied and a
 * context-free built-in entry replaced, a unit at a time through {@link fast}. Returns where it
 * stopped (everything before it is written).
 */
const plainRun = (pass: Pass, j: number): number => {
  const { s, out, nextPiece, delta } = pass;
  flush(pass, j); // a kept leftover before it
  const changes = out.changes;
  const to = targets;
  let at = out.at;
  // The report's pairs are written straight into its scratch buffer.
  let w = changes.at;
  for (; j < nextPiece; j++) {
    const c = s.charCodeAt(j);
    const v = FAST[c]!;
    if (v === GSM) UNITS[at++] = c;
    else if (v <= MARK)
      break; // 0 or a mark: the full path
    else {
      for (let k = v >>> 12, end = k + ((v >>> 3) & 0xff); k < end; k++) UNITS[at++] = to[k]!;
      if (w === CHANGE_PAIRS.length) {
        changes.at = w;
        changes.save();
        w = 0;
      }
      CHANGE_PAIRS[w++] = j + delta;
      CHANGE_PAIRS[w++] = v & 0xfff;
    }
    if (at > CHUNK) {
      out.at = at;
      out.spill();
      at = 0;
    }
  }
  out.at = at;
  changes.at = w;
  pass.copied = j;
  return j;
};

/**
 * A match of the key's table at `j` (NFC keys against the composed text), replaced whole.
 * Returns the index after it, `j` when there is none here, or -1 when the match holds a
 * combining mark and the pass must start over composing.
 */
const tableMatch = (pass: Pass, j: number): number => {
  const { s, pieces, trie } = pass;
  if (trie === undefined || !trie.next.has(s.charCodeAt(j))) return j;
  const end = matchAt(trie, s, j);
  if (end <= 0) return j;
  let d = pass.delta;
  let q = pass.p;
  while (q < pieces.length && pieces[q]!.ce <= end) {
    const x = pieces[q++]!;
    d += x.oe - x.os - (x.ce - x.cs);
  }
  if (!pass.composing && hasMark(s.slice(j, end))) return -1;
  // A match that ends inside a composed piece is not a match.
  if (q < pieces.length && pieces[q]!.cs < end) return j;
  const value = matchedValue;
  flush(pass, j);
  pass.out.save(); // the nested run below writes to the same buffers
  const oi = j + pass.delta;
  const sub = runFull(value, undefined, pass.substitute);
  for (const l of sub.leftovers.leftovers(value)) pass.out.leftovers.addText(oi, l.char);
  pass.out.changes.add(oi, end + d - oi, sub.text.length, RULE_CODE.table);
  pass.out.write(sub.text);
  pass.copied = end;
  pass.delta = d;
  nextPieceAfter(pass, q);
  return end;
};

/**
 * A composed piece at `j`: replaced as a whole when every code point of its NFC maps to GSM-7,
 * else its original code points one by one. Returns the index after it.
 */
const composedPiece = (pass: Pass, j: number): number => {
  const { s, original, out } = pass;
  const piece = pass.pieces[pass.p]!;
  flush(pass, j);
  let to = "";
  let rule: Rule = "compose";
  for (let k = piece.cs; k < piece.ce; ) {
    const cp = s.codePointAt(k)!;
    const size = cp > 0xffff ? 2 : 1;
    if (isGsm(cp)) to += s.slice(k, k + size);
    else {
      const entry = entryOf(cp);
      if (entry === undefined) {
        to = "\uffff";
        break;
      }
      if (rule === "compose") rule = entry.rule;
      to += targetOf(s, k, cp, size, entry);
    }
    k += size;
  }
  if (to !== "\uffff") {
    out.changes.add(piece.os, piece.oe - piece.os, to.length, RULE_CODE[rule]);
    out.write(to);
  } else
    for (let k = piece.os; k < piece.oe; ) {
      const cp = original.codePointAt(k)!;
      if (isGsm(cp)) {
        const size = cp > 0xffff ? 2 : 1;
        out.write(original.slice(k, k + size));
        k += size;
      } else k = step(out, original, k, cp, k, piece.oe, pass.substitute);
    }
  pass.copied = piece.ce;
  pass.delta += piece.oe - piece.os - (piece.ce - piece.cs);
  nextPieceAfter(pass, pass.p + 1);
  return piece.ce;
};

/**
 * One FULL pass over `original` (composed first when `composing`), or `undefined` when a pass
 * that is not composing meets a combining mark.
 */
const run = (
  original: string,
  trie: Node | undefined,
  substitute: string | undefined,
  composing: boolean,
): FullOutput | undefined => {
  const { text: s, pieces } = composing ? compose(original) : { text: original, pieces: NO_PIECES };
  const n = s.length;
  const pass: Pass = {
    original,
    s,
    pieces,
    trie,
    substitute,
    composing,
    out: new Output(),
    copied: 0,
    delta: 0,
    p: 0,
    nextPiece: pieces.length > 0 ? pieces[0]!.cs : n,
  };
  for (let j = 0; j < n; ) {
    if (trie === undefined) {
      j = plainRun(pass, j);
      if (j >= n) break;
    }
    const matched = tableMatch(pass, j);
    if (matched < 0) return undefined;
    if (matched > j) {
      j = matched;
      continue;
    }
    if (j === pass.nextPiece) {
      j = composedPiece(pass, j);
      continue;
    }
    const c = s.charCodeAt(j);
    const cp = c >= 0xd800 && c <= 0xdbff ? s.codePointAt(j)! : c;
    if (isGsm(cp)) {
      j += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (!composing && isMark(cp)) return undefined;
    if (substitute === undefined && entryOf(cp) === undefined) {
      // A kept leftover is copied with the text around it.
      const end = leftoverEnd(s, j, cp, pass.nextPiece);
      pass.out.leftovers.add(j + pass.delta, end - j);
      j = end;
      continue;
    }
    flush(pass, j);
    j = step(pass.out, s, j, cp, j + pass.delta, pass.nextPiece, substitute);
    pass.copied = j;
  }
  const { out } = pass;
  flush(pass, n);
  out.save();
  return { text: out.chunks.join(""), changes: out.changes, leftovers: out.leftovers };
};
