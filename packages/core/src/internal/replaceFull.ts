/**
 * The FULL engine: NFC composition, the key's table, then the built-in table
 * (`generated/replacement-full.ts`) for every character still outside GSM-7, with the context
 * rules of the Greek (ELOT 743) and Cyrillic (ICAO Doc 9303) romanisations.
 *
 * Work is linear in the text: one `\p{M}` scan decides whether composition is needed at all, then
 * one left-to-right pass; runs of GSM-7 text are copied in slices. The built-in table is decoded
 * on first use (so importing this module costs nothing at start-up).
 *
 * @internal
 */

import { COMPOSE, CURATED, DIACRITIC, REMOVED, TRANSLITERATION } from "../generated/replacement-full.js";
import type { Change, Leftover, Rule, Table } from "../Replacement.js";
// The default-alphabet cost table only: importing `Gsm7` would bundle the national tables too.
import { defaultCost } from "./gsm7-cost.js";
import { matchAt, matchedValue, trieOf } from "./replaceTable.js";

/** One built-in entry. */
export interface Entry {
  readonly to: string;
  readonly rule: Exclude<Rule, "table" | "substitute">;
}

let builtIn: Map<number, Entry> | undefined;

/** Code points below this have dense lookups (GSM-7 flag and built-in entry). */
const DENSE = 0x3400;
let gsmDense: Uint8Array | undefined;
let entryDense: Array<Entry | undefined> | undefined;

/** The built-in table, decoded on first use (see the generator for the encoding). */
export const table = (): Map<number, Entry> => {
  if (builtIn !== undefined) return builtIn;
  const map = new Map<number, Entry>();
  const decode = (data: string, rule: Entry["rule"]) => {
    for (const run of data.split("\ue000")) {
      const start = run.codePointAt(0)!;
      const targets = run.slice(start > 0xffff ? 2 : 1).split("\ue001");
      for (let k = 0; k < targets.length; k++) map.set(start + k, { to: targets[k]!, rule });
    }
  };
  decode(REMOVED, "removed");
  decode(CURATED, "curated");
  decode(COMPOSE, "compose");
  decode(DIACRITIC, "diacritic");
  decode(TRANSLITERATION, "transliteration");
  builtIn = map;
  return map;
};

const dense = (): Array<Entry | undefined> => {
  if (entryDense !== undefined) return entryDense;
  const map = table();
  const a = new Array<Entry | undefined>(DENSE).fill(undefined);
  for (const [cp, e] of map) if (cp < DENSE) a[cp] = e;
  entryDense = a;
  return a;
};

/**
 * What the fast path knows of a code point below {@link DENSE}: 1 GSM-7, 2 a built-in entry that
 * needs no context, 0 anything else (leftover, mark, surrogate, or an entry with a context rule).
 */
let kinds: Uint8Array | undefined;
const kindsOf = (): Uint8Array => {
  if (kinds !== undefined) return kinds;
  const k = new Uint8Array(DENSE);
  const entries = dense();
  for (let c = 0; c < DENSE; c++) {
    if (isGsm(c)) k[c] = 1;
    else if (isMark(c)) k[c] = 0;
    else {
      const e = entries[c];
      // γ and υ have ELOT 743 context rules.
      if (e === undefined || c === 0x3b3 || c === 0x3c5 || c === 0x3cd || c === 0x3a5 || c === 0x38e)
        continue;
      if (e.rule === "curated" && /[0-9]/.test(e.to[0] ?? "")) continue; // fractions
      const t = e.to;
      if (t.length > 1 && t[0] !== t[0]!.toLowerCase() && t[1] !== t[1]!.toUpperCase()) continue; // Zh, Th
      k[c] = 2;
    }
  }
  kinds = k;
  return k;
};

/** The built-in entry of a code point (no context rules). */
const entryOf = (cp: number): Entry | undefined => (cp < DENSE ? dense()[cp] : table().get(cp));

/** Whether a code point is in the GSM 7-bit default alphabet or its extension (`Gsm7.isGsm7`). */
export const isGsm = (cp: number): boolean => {
  if (cp < DENSE) {
    if (gsmDense === undefined) {
      gsmDense = new Uint8Array(DENSE);
      for (let c = 0; c < DENSE; c++) gsmDense[c] = defaultCost(c) !== 0 ? 1 : 0;
    }
    return gsmDense[cp] === 1;
  }
  return defaultCost(cp) !== 0;
};

const MARKS = /\p{M}/u;
let markDense: Uint8Array | undefined;
/** Whether a code point is a combining mark (General Category M); dense lookup below U+3400. */
const isMark = (cp: number): boolean => {
  if (cp < 0x300) return false;
  if (cp < DENSE) {
    if (markDense === undefined) {
      markDense = new Uint8Array(DENSE);
      for (let c = 0x300; c < DENSE; c++) markDense[c] = MARKS.test(String.fromCharCode(c)) ? 1 : 0;
    }
    return markDense[cp] === 1;
  }
  return MARKS.test(String.fromCodePoint(cp));
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
const isCased = (cp: number): boolean => {
  const c = String.fromCodePoint(cp);
  return c.toLowerCase() !== c.toUpperCase();
};
const isUpper = (cp: number): boolean => {
  const c = String.fromCodePoint(cp);
  return c.toLowerCase() !== c && c.toUpperCase() === c;
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
 * The text a non-GSM-7 code point at `i` of `s` becomes, with the Greek and Cyrillic context
 * rules applied; `undefined` when the built-in table has no entry (a leftover).
 */
const targetAt = (s: string, i: number, cp: number, size: number): Entry | undefined => {
  const entry = entryOf(cp);
  if (entry === undefined) return entry;
  const to = entry.to;
  if (entry.rule === "transliteration") {
    if (cp >= 0x3b3 && cp <= 0x3cd) {
      // ELOT 743: γ before γ, ξ, χ is n (γγ ng, γξ nx, γχ nch).
      if (cp === 0x3b3) {
        const next = s.charCodeAt(i + 1);
        if (next === 0x3b3 || next === 0x3be || next === 0x3c7) return { to: "n", rule: entry.rule };
      }
      if (cp === 0x3c5 || cp === 0x3cd) return upsilon(s, i, false, entry);
    } else if (cp === 0x3a5 || cp === 0x38e) return upsilon(s, i, true, entry);
  } else if (cp <= 0xbe ? cp >= 0xbc : (cp >= 0x2150 && cp <= 0x215f) || cp === 0x2189) {
    // A vulgar fraction right after a digit gets a space: 1½ → 1 1/2, not 11/2.
    const prev = i > 0 ? s.charCodeAt(i - 1) : 0;
    if (prev >= 0x30 && prev <= 0x39) return { to: ` ${to}`, rule: entry.rule };
    return entry;
  }
  // A capital written with several letters (Ж Zh, Щ Shch, Χ Ch, Þ Th) is all capitals inside a
  // word in capitals (next letter a capital, or no next letter and the previous one a capital).
  if (to.length > 1) {
    const first = to.charCodeAt(0);
    if (
      first >= 0x41 &&
      first <= 0x5a &&
      to.charCodeAt(1) >= 0x61 &&
      (entry.rule === "transliteration" || (entry.rule === "curated" && isCased(cp)))
    ) {
      const next = s.codePointAt(i + size) ?? -1;
      const prev = i === 0 ? -1 : codePointBefore(s, i);
      const caps = next >= 0 && isCased(next) ? isUpper(next) : prev >= 0 && isUpper(prev);
      if (caps) return { to: to.toUpperCase(), rule: entry.rule };
    }
  }
  return entry;
};

/** ELOT 743: υ after α ε η is v before a vowel or a voiced consonant, else f; after ο it is u. */
const upsilon = (s: string, i: number, upper: boolean, entry: Entry): Entry => {
  if (i === 0) return entry;
  const prev = s.charCodeAt(i - 1);
  if (OU.has(prev)) return { to: upper ? "U" : "u", rule: entry.rule };
  if (!AV.has(prev)) return entry;
  const next = s.charCodeAt(i + 1);
  const n = isGreek(next) ? entryOf(next) : undefined;
  const voiced =
    VOICED_KEPT.has(next) ||
    (n !== undefined && n.to.length > 0 && "aeiouyvgdzlmnr".includes(n.to[0]!.toLowerCase()));
  return { to: voiced ? (upper ? "V" : "v") : upper ? "F" : "f", rule: entry.rule };
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

/** What one FULL run produced. */
export interface FullOutput {
  readonly text: string;
  readonly replacements: Array<Change>;
  readonly leftovers: Array<Leftover>;
}

/** A stretch whose NFC differs from the original: composed [cs, ce) comes from original [os, oe). */
interface Piece {
  readonly cs: number;
  readonly ce: number;
  readonly os: number;
  readonly oe: number;
}

/** NFC composition, unit by unit (a code point and the combining marks after it). */
const compose = (text: string): { readonly s: string; readonly pieces: ReadonlyArray<Piece> } => {
  if (!hasMark(text)) return { s: text, pieces: [] };
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
    const nfc = unit.normalize("NFC");
    if (nfc === unit) continue;
    s += text.slice(copied, start);
    pieces.push({ cs: s.length, ce: s.length + nfc.length, os: start, oe: i });
    s += nfc;
    copied = i;
  }
  return { s: pieces.length === 0 ? text : s + text.slice(copied), pieces };
};

/**
 * FULL over `original`. `substitute` replaces each leftover when given (else leftovers are kept).
 * Every change is reported on its own: one entry per code point (or composed sequence, table
 * match or leftover cluster), so a preview can mark and explain each character. Never throws; linear in the
 * text (table matches are bounded by the longest key).
 */
export const runFull = (
  original: string,
  userTable: Table | undefined,
  substitute: string | undefined,
): FullOutput => run(original, userTable, substitute, false);

/**
 * One FULL pass. The first pass assumes the text has no combining mark (so NFC cannot change it)
 * and restarts with composition as soon as it meets one: text without marks is scanned once.
 */
const run = (
  original: string,
  userTable: Table | undefined,
  substitute: string | undefined,
  composing: boolean,
): FullOutput => {
  const kind = kindsOf();
  const entries = dense();
  const { s, pieces } = composing ? compose(original) : { s: original, pieces: [] as ReadonlyArray<Piece> };
  const trie =
    userTable === undefined || userTable.entries.length === 0 ? undefined : trieOf(userTable, true);
  const replacements: Array<Change> = [];
  const leftovers: Array<Leftover> = [];
  let out = "";
  let copied = 0; // index in s up to which s has been copied or replaced
  let delta = 0; // original index = composed index + delta, outside pieces
  let p = 0; // next piece
  const n = s.length;

  // The pending change: original [runStart, runEnd) became runText (not yet appended to out).
  let runRule: Rule | undefined;
  let runStart = 0;
  let runEnd = 0;
  let runText = "";
  const close = () => {
    if (runRule === undefined) return;
    replacements.push({
      index: runStart,
      outputIndex: out.length,
      original: original.slice(runStart, runEnd),
      replacement: runText,
      rule: runRule,
    });
    out += runText;
    runRule = undefined;
  };
  /** Appends unchanged text (closing the open run). */
  const keep = (text: string) => {
    if (text.length === 0) return;
    close();
    out += text;
  };
  /** Records that original [oi, oi + length) became `replacement` under `rule`. */
  const change = (oi: number, length: number, replacement: string, rule: Rule) => {
    close();
    runRule = rule;
    runStart = oi;
    runText = replacement;
    runEnd = oi + length;
  };

  /** Handles the non-GSM-7 code point `cp` at `i` of `str` (original index `oi`); returns the next index. */
  const step = (str: string, i: number, cp: number, oi: number, limit: number): number => {
    const size = cp > 0xffff ? 2 : 1;
    const entry = targetAt(str, i, cp, size);
    if (entry !== undefined) {
      change(oi, size, entry.to, entry.rule);
      return i + size;
    }
    const end = leftoverEnd(str, i, cp, limit);
    const char = str.slice(i, end);
    leftovers.push({ index: oi, char });
    if (substitute === undefined) keep(char);
    else change(oi, end - i, substitute, "substitute");
    return end;
  };

  let nextPiece = pieces.length > 0 ? pieces[0]!.cs : n;
  for (let j = 0; j < n; ) {
    const c = s.charCodeAt(j);
    // Fast path outside composed pieces and without a table: GSM-7 text is copied later in one
    // slice; a context-free built-in entry extends the open run.
    if (j < nextPiece && trie === undefined && c < DENSE) {
      const k = kind[c];
      if (k === 1) {
        j++;
        continue;
      }
      if (k === 2) {
        const e = entries[c]!;
        const oi = j + delta;
        if (copied < j) keep(s.slice(copied, j));
        close();
        runRule = e.rule;
        runStart = oi;
        runText = e.to;
        runEnd = oi + 1;
        copied = ++j;
        continue;
      }
    }
    // The key's table, matched against the composed text with NFC keys.
    if (trie?.next.has(c)) {
      const end = matchAt(trie, s, j);
      if (end > 0) {
        let d = delta;
        let q = p;
        while (q < pieces.length && pieces[q]!.ce <= end) {
          const x = pieces[q++]!;
          d += x.oe - x.os - (x.ce - x.cs);
        }
        if (!composing && hasMark(s.slice(j, end))) return run(original, userTable, substitute, true);
        if (!(q < pieces.length && pieces[q]!.cs < end)) {
          const value = matchedValue;
          keep(s.slice(copied, j));
          const oi = j + delta;
          const sub = runFull(value, undefined, substitute);
          for (const l of sub.leftovers) leftovers.push({ index: oi, char: l.char });
          change(oi, end + d - oi, sub.text, "table");
          copied = j = end;
          delta = d;
          p = q;
          nextPiece = p < pieces.length ? pieces[p]!.cs : n;
          continue;
        }
      }
    }
    if (j === nextPiece) {
      // A composed piece: replaced as a whole when every code point of its NFC maps to GSM-7.
      const piece = pieces[p]!;
      keep(s.slice(copied, j));
      let to = "";
      let rule: Rule = "compose";
      for (let k = piece.cs; k < piece.ce; ) {
        const cp = s.codePointAt(k)!;
        const size = cp > 0xffff ? 2 : 1;
        if (isGsm(cp)) to += s.slice(k, k + size);
        else {
          const entry = targetAt(s, k, cp, size);
          if (entry === undefined) {
            to = "\uffff";
            break;
          }
          if (rule === "compose") rule = entry.rule;
          to += entry.to;
        }
        k += size;
      }
      if (to !== "\uffff") change(piece.os, piece.oe - piece.os, to, rule);
      else
        for (let k = piece.os; k < piece.oe; ) {
          const cp = original.codePointAt(k)!;
          if (isGsm(cp)) {
            const size = cp > 0xffff ? 2 : 1;
            keep(original.slice(k, k + size));
            k += size;
          } else k = step(original, k, cp, k, piece.oe);
        }
      copied = j = piece.ce;
      delta += piece.oe - piece.os - (piece.ce - piece.cs);
      p++;
      nextPiece = p < pieces.length ? pieces[p]!.cs : n;
      continue;
    }
    const cp = c >= 0xd800 && c <= 0xdbff ? s.codePointAt(j)! : c;
    if (isGsm(cp)) {
      j += cp > 0xffff ? 2 : 1;
      continue;
    }
    if (!composing && isMark(cp)) return run(original, userTable, substitute, true);
    keep(s.slice(copied, j));
    j = step(s, j, cp, j + delta, nextPiece);
    copied = j;
  }
  keep(s.slice(copied));
  close();
  return { text: out, replacements, leftovers };
};
