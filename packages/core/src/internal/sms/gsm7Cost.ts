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

/**
 * One past U+20AC (€), the highest code point in the default tables (`gsm7Cost.test.ts` checks
 * it against the tables). The unassigned positions (U+FFFF) fall outside, where a typed array
 * ignores writes.
 */
const LIMIT = 0x20ad;

const build = (): Uint8Array => {
  const cost = new Uint8Array(LIMIT);
  // An extension character costs 2 unless the alphabet has it (1), in either order.
  for (let i = 0; i < 128; i++) {
    cost[DEFAULT_ALPHABET.charCodeAt(i)] = 1;
    cost[DEFAULT_EXTENSION.charCodeAt(i)] ||= 2;
  }
  return cost;
};

/** `COST[c]` is 1 (default alphabet), 2 (extension table: ESC + septet) or 0 (not encodable). */
export const COST: Uint8Array = /* @__PURE__ */ build();

/** One past the highest code point with a non-zero cost (U+20AC EURO SIGN + 1). */
export const COST_LIMIT: number = COST.length;

/** Septets one code point costs in the default tables: 1, 2 or 0 (not encodable). */
export const defaultCost = (codePoint: number): 0 | 1 | 2 => (COST[codePoint] ?? 0) as 0 | 1 | 2;
