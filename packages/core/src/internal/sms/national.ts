/**
 * The national language path of `Sms` (3GPP TS 23.038 Annex A tables): which tables a
 * `languages` option enables, which pair of them gives the fewest segments, and how the text
 * packs under them. `Gsm7`'s language values carry it (see `nationalKey.ts`), so only apps that
 * use a national table bundle it.
 *
 * @internal
 */
import type { NationalLanguage } from "../../Gsm7.js";
import type { Forced, Part } from "../../Sms.js";
import { COST, COST_LIMIT } from "./gsm7Cost.js";
import type { Candidate, NationalChoice, NationalSupport, Shift, Tables } from "./nationalKey.js";
import { boundaryTest, type Cost, codePointAt, GSM_MULTI_8, GSM_MULTI_16, GSM_SINGLE } from "./units.js";

/** Code point → septet of each table array, built once and cached. */
const cache = new WeakMap<ReadonlyArray<string>, ReadonlyMap<number, number>>();

/**
 * Code point → septet for one table. Entries that are not exactly one code point, and position
 * 0x1B (the escape), are ignored; a character listed twice maps to its first position.
 */
const tableLookup = (table: ReadonlyArray<string>): ReadonlyMap<number, number> => {
  let map = cache.get(table);
  if (map === undefined) {
    const m = new Map<number, number>();
    const length = Math.min(128, table.length);
    for (let i = 0; i < length; i++) {
      const s = table[i];
      if (i === 0x1b || typeof s !== "string" || s.length === 0) continue;
      const cp = s.codePointAt(0)!;
      if (s.length !== (cp > 0xffff ? 2 : 1) || m.has(cp)) continue;
      m.set(cp, i);
    }
    map = m;
    cache.set(table, map);
  }
  return map;
};

/** Enabled locking and single shift tables; index 0 is always the default table. */
const tablesOf = (languages: unknown): Tables | null => {
  if (!Array.isArray(languages) || languages.length === 0) return null;
  const locking: Array<Shift> = [{ name: null, lookup: null }];
  const single: Array<Shift> = [{ name: null, lookup: null }];
  const seen = new Set<unknown>();
  for (const lang of languages as ReadonlyArray<unknown>) {
    if (lang === null || typeof lang !== "object" || seen.has(lang)) continue;
    seen.add(lang);
    const { name, lockingShift, singleShift } = lang as Partial<NationalLanguage>;
    if (typeof name !== "string") continue;
    if (Array.isArray(lockingShift) && locking.length < 15)
      locking.push({ name, lookup: tableLookup(lockingShift) });
    if (Array.isArray(singleShift) && single.length < 15)
      single.push({ name, lookup: tableLookup(singleShift) });
  }
  return locking.length + single.length > 2 ? { locking, single } : null;
};

/**
 * Greedy packing of the text's clusters into parts of `cap` units: a cluster goes whole into the
 * current part if it fits, else into the next part. A cluster larger than `cap` itself is placed
 * code point by code point (filling the current part first). Greedy packing of ordered items
 * gives the fewest parts.
 */
const pack = (text: string, spans: ReadonlyArray<number>, cost: Cost, cap: number): Array<Part> => {
  const n = text.length;
  const parts: Array<Part> = [];
  const isBoundary = boundaryTest(spans);
  let partStart = 0;
  let used = 0;
  let i = 0;
  while (i < n) {
    let j = i;
    let units = 0;
    do {
      const cp = codePointAt(text, j);
      units += cost(cp);
      j += cp > 0xffff ? 2 : 1;
    } while (j < n && !isBoundary(j));
    if (units <= cap) {
      if (used + units > cap) {
        parts.push({ start: partStart, end: i, units: used, capacity: cap });
        partStart = i;
        used = 0;
      }
      used += units;
    } else {
      for (let k = i; k < j; ) {
        const cp = codePointAt(text, k);
        const c = cost(cp);
        if (used + c > cap) {
          parts.push({ start: partStart, end: k, units: used, capacity: cap });
          partStart = k;
          used = 0;
        }
        used += c;
        k += cp > 0xffff ? 2 : 1;
      }
    }
    i = j;
  }
  parts.push({ start: partStart, end: n, units: used, capacity: cap });
  return parts;
};

/**
 * The text seen through the enabled tables: each distinct code point once (its row in `index`),
 * with the locking tables (bit `l` of `lockMask`) and single shift tables (bit `t` of
 * `singleMask`) that hold it and how often it occurs. Bit 0 is the default table of each kind.
 */
interface Profile {
  /** Code point → its row in the arrays below. */
  readonly index: Map<number, number>;
  readonly lockMask: Array<number>;
  readonly singleMask: Array<number>;
  readonly count: Array<number>;
  /** Per locking table `l`, the single shift tables (bits) that hold every character outside `l`. */
  readonly valid: Array<number>;
  /** Code points in the text. */
  readonly codePoints: number;
  /** The characters outside every enabled table. */
  readonly none: Array<Forced>;
}

/**
 * Chooses the national tables (TS 23.038 Annex A) that minimise segments: fewest parts, then
 * most units left in the last part; on a tie the earlier pair wins, default tables first, then
 * the languages in the order given (Android's `GsmAlphabet.countGsmSeptets` does the same).
 * Returns the characters outside every enabled table when there are some (UCS-2), and `null`
 * when every character is in some table but no pair holds them all (UCS-2 too).
 */
const chooseNational = (
  text: string,
  spans: ReadonlyArray<number>,
  ref16: boolean,
  tables: Tables,
): NationalChoice | Array<Forced> | null => {
  const seen = profile(text, tables);
  if (seen.none.length > 0) return seen.none;
  return bestPair(text, spans, ref16, tables, seen);
};

/** One pass over the text: which tables hold each distinct code point (see {@link Profile}). */
const profile = (text: string, tables: Tables): Profile => {
  const { locking, single } = tables;
  const L = locking.length;
  const S = single.length;
  const index = new Map<number, number>();
  const lockMask: Array<number> = [];
  const singleMask: Array<number> = [];
  const count: Array<number> = [];
  const valid = new Array<number>(L).fill((1 << S) - 1);
  const none: Array<Forced> = [];
  const n = text.length;
  let codePoints = 0;
  for (let i = 0; i < n; ) {
    const cp = codePointAt(text, i);
    const w = cp > 0xffff ? 2 : 1;
    let d = index.get(cp);
    if (d === undefined) {
      const k = cp < COST_LIMIT ? COST[cp]! : 0;
      let lm = k === 1 ? 1 : 0;
      let sm = k === 2 ? 1 : 0;
      for (let l = 1; l < L; l++) if (locking[l]!.lookup!.has(cp)) lm |= 1 << l;
      for (let t = 1; t < S; t++) if (single[t]!.lookup!.has(cp)) sm |= 1 << t;
      // Outside locking table l, the character must come from the single shift table.
      for (let l = 0; l < L; l++) if ((lm & (1 << l)) === 0) valid[l]! &= sm;
      d = lockMask.length;
      index.set(cp, d);
      lockMask.push(lm);
      singleMask.push(sm);
      count.push(0);
    }
    count[d]!++;
    codePoints++;
    if (lockMask[d] === 0 && singleMask[d] === 0) none.push({ index: i, char: text.slice(i, i + w) });
    i += w;
  }
  return { index, lockMask, singleMask, count, valid, codePoints, none };
};

/** Septets under each locking table `l`: one per code point, two for each one outside the table. */
const septetsPerLocking = (seen: Profile, L: number): Array<number> => {
  const { lockMask, count } = seen;
  const total = new Array<number>(L).fill(seen.codePoints);
  for (let d = 0; d < lockMask.length; d++)
    for (let l = 0; l < L; l++) if ((lockMask[d]! & (1 << l)) === 0) total[l]! += count[d]!;
  return total;
};

/** Cost of a code point of the text under locking table `l`: 1 septet in the table, 2 escaped. */
const lockingCost = (seen: Profile, l: number): Cost => {
  const { index, lockMask } = seen;
  const bit = 1 << l;
  return (cp) => ((lockMask[index.get(cp)!]! & bit) !== 0 ? 1 : 2);
};

/**
 * The valid (locking, single) pair with the fewest segments, then the most units left in the
 * last one; the first such pair in table order. Packs the text only for pairs that need more than
 * one segment and could still beat the best so far.
 */
const bestPair = (
  text: string,
  spans: ReadonlyArray<number>,
  ref16: boolean,
  tables: Tables,
  seen: Profile,
): NationalChoice | null => {
  const { locking, single } = tables;
  const L = locking.length;
  const S = single.length;
  const total = septetsPerLocking(seen, L);
  let best: NationalChoice | null = null;
  let bestSegments = Number.POSITIVE_INFINITY;
  let bestRemaining = -1;
  for (let l = 0; l < L; l++) {
    const cost = lockingCost(seen, l);
    for (let t = 0; t < S; t++) {
      if ((seen.valid[l]! & (1 << t)) === 0) continue;
      const used = (l > 0 ? 1 : 0) + (t > 0 ? 1 : 0);
      const singleCap = GSM_SINGLE[used]!;
      const multiCap = (ref16 ? GSM_MULTI_16 : GSM_MULTI_8)[used]!;
      const units = total[l]!;
      let segments: number;
      let remaining: number;
      let parts: Array<Part> | null = null;
      if (units <= singleCap) {
        segments = 1;
        remaining = singleCap - units;
      } else {
        if (Math.ceil(units / multiCap) > bestSegments) continue;
        parts = pack(text, spans, cost, multiCap);
        segments = parts.length;
        remaining = multiCap - parts[parts.length - 1]!.units;
      }
      if (segments < bestSegments || (segments === bestSegments && remaining > bestRemaining)) {
        bestSegments = segments;
        bestRemaining = remaining;
        best = {
          units,
          single: singleCap,
          multi: multiCap,
          lockingShift: locking[l]!.name,
          singleShift: single[t]!.name,
          parts,
        };
      }
    }
  }
  return best;
};

/** Every (locking, single) pair but the default one, with its cost of a code point. */
const candidates = (tables: Tables, ref16: boolean): Array<Candidate> => {
  const { locking, single } = tables;
  const out: Array<Candidate> = [];
  for (let l = 0; l < locking.length; l++) {
    for (let u = 0; u < single.length; u++) {
      if (l === 0 && u === 0) continue;
      const lock = locking[l]!.lookup;
      const shift = single[u]!.lookup;
      const used = (l > 0 ? 1 : 0) + (u > 0 ? 1 : 0);
      out.push({
        cost: (cp) => {
          const k = cp < COST_LIMIT ? COST[cp]! : 0;
          if (lock === null ? k === 1 : lock.has(cp)) return 1;
          return (shift === null ? k === 2 : shift.has(cp)) ? 2 : 0;
        },
        single: GSM_SINGLE[used]!,
        multi: (ref16 ? GSM_MULTI_16 : GSM_MULTI_8)[used]!,
      });
    }
  }
  return out;
};

/** What `Gsm7`'s language values carry for `Sms`. */
export const support: NationalSupport = { tables: tablesOf, choose: chooseNational, candidates };
