/**
 * Lookups from a national language shift table (128 strings indexed by septet, see
 * `Gsm7.NationalLanguage`) to septet positions, built once per table array and cached.
 *
 * @internal
 */

const cache = new WeakMap<ReadonlyArray<string>, ReadonlyMap<number, number>>();

/**
 * Code point → septet for one table. Entries that are not exactly one code point, and position
 * 0x1B (the escape), are ignored; a character listed twice maps to its first position.
 */
export const tableLookup = (table: ReadonlyArray<string>): ReadonlyMap<number, number> => {
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
