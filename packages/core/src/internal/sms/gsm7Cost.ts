/**
 * Septet cost of each UTF-16 code unit in the GSM 7 bit default alphabet and its extension table
 * (3GPP TS 23.038 clauses 6.2.1 and 6.2.1.1), as a typed-array lookup for the hot path.
 *
 * This module imports only the default tables, never the national ones, so `Sms.measure` stays
 * small in a bundle.
 *
 * @internal
 */
import { DEFAULT_ALPHABET, DEFAULT_EXTENSION } from "../../generated/gsm7-default.js";

const UNASSIGNED = 0xffff;

const build = (): Uint8Array => {
  let limit = 0;
  for (let i = 0; i < 128; i++) {
    const a = DEFAULT_ALPHABET.charCodeAt(i);
    const e = DEFAULT_EXTENSION.charCodeAt(i);
    if (a !== UNASSIGNED && a >= limit) limit = a + 1;
    if (e !== UNASSIGNED && e >= limit) limit = e + 1;
  }
  const cost = new Uint8Array(limit);
  for (let i = 0; i < 128; i++) {
    const e = DEFAULT_EXTENSION.charCodeAt(i);
    if (e !== UNASSIGNED) cost[e] = 2;
  }
  for (let i = 0; i < 128; i++) {
    const a = DEFAULT_ALPHABET.charCodeAt(i);
    if (a !== UNASSIGNED) cost[a] = 1;
  }
  return cost;
};

/** `COST[c]` is 1 (default alphabet), 2 (extension table: ESC + septet) or 0 (not encodable). */
export const COST: Uint8Array = /* @__PURE__ */ build();

/** One past the highest code point with a non-zero cost (U+20AC EURO SIGN + 1). */
export const COST_LIMIT: number = COST.length;

/** Septets one code point costs in the default tables: 1, 2 or 0 (not encodable). */
export const defaultCost = (codePoint: number): 0 | 1 | 2 => (COST[codePoint] ?? 0) as 0 | 1 | 2;
