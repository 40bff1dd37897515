/**
 * The part of `<septet-composer>`'s derivation that needs the replacement engine: Auto-Replace
 * of the posted text and what FULL would send for each character that forces UCS-2. Loaded with
 * the engine (through `details.ts`), and pure, so it runs in Node tests too.
 *
 * @internal
 */
import type * as Replacement from "@septet/core/Replacement";
import { apply } from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";
import { measure as measureText } from "@septet/core/Sms";
import { format } from "../shared/strings.js";
import type { Derived } from "./derived.js";
import type { ComposerStrings } from "./strings.js";

export { makeTable } from "@septet/core/Replacement";

/**
 * What FULL sends for one character on its own (with the key's table): its replacement, `""`
 * when FULL removes it, or `null` when FULL has none (a leftover). Context-free on purpose: the
 * list shows each distinct character once.
 */
const hintFor = (char: string, table: Replacement.Table | undefined): string | null => {
  const result = apply(char, { mode: "full", table });
  return result._tag !== "Applied" || result.leftovers.length > 0 || result.text === char
    ? null
    : result.text;
};

/** What `refine` adds to the plain measurement: the outcome of Auto-Replace and the FULL hints. */
export type Refined = Pick<
  Derived,
  "before" | "outgoing" | "after" | "replacements" | "leftovers" | "rejected" | "hints" | "tableError"
>;

/** Hints per table (`null` key: no table); a long text repeats the same few characters. */
const hintCaches = new WeakMap<object, Map<string, string | null>>();
const noTable = {};

/**
 * Applies Auto-Replace (`mode`, the made ON `table`, the leftover `policy`) to `value` (the
 * posted text, CR LF line breaks), and says what FULL sends for a character that forces UCS-2
 * when asked (cached per table and character, so typing costs no extra FULL pass). The element
 * calls it once the engine is loaded, with its own measurement of `value`, or with `undefined`
 * in FULL and ON with a table: `apply` measures the text before replacing it, so measuring it
 * here too would be the same work twice.
 */
export const refine = (
  value: string,
  mode: Replacement.Mode,
  measured: Sms.Measurement | undefined,
  table: Replacement.Table | undefined,
  policy: Replacement.LeftoverPolicy,
  measure: Sms.MeasureOptions | undefined,
  t: ComposerStrings,
): Refined => {
  let outgoing = value;
  let before = measured;
  let after: Sms.Measurement | undefined;
  let replacements: ReadonlyArray<Replacement.Change> = [];
  let leftovers: ReadonlyArray<Replacement.Leftover> = [];
  let rejected: ReadonlyArray<Replacement.Leftover> | undefined;
  let tableError: string | undefined;
  if (mode === "full" || (mode === "on" && table !== undefined)) {
    const result = apply(value, { mode, leftovers: policy, table, measure });
    if (result._tag === "Applied") {
      outgoing = result.text;
      before = result.before;
      after = result.after;
      replacements = result.replacements;
      leftovers = result.leftovers;
    } else if (result._tag === "LeftoversRejected") {
      rejected = result.leftovers;
      leftovers = result.leftovers;
    } else if (result._tag === "InvalidSubstitute") {
      tableError = format(t.invalidLeftovers, { reason: result.reason });
    } else {
      tableError = result.message; // InvalidOptions: not reachable with a mode and a made table
    }
  }
  before ??= measureText(value, measure);
  after ??= before;
  const key = table ?? noTable;
  let cache = hintCaches.get(key);
  if (cache === undefined || cache.size > 4096) {
    cache = new Map<string, string | null>();
    hintCaches.set(key, cache);
  }
  const known = cache;
  // Asked for by the list (a frame after the keystroke in a long text), not found here.
  const hints = {
    get: (char: string): string | null => {
      let hint = known.get(char);
      if (hint === undefined) {
        hint = hintFor(char, table);
        known.set(char, hint);
      }
      return hint;
    },
  };
  return { before, outgoing, after, replacements, leftovers, rejected, hints, tableError };
};
