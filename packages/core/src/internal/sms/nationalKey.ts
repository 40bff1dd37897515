/**
 * How `Sms` finds the national language algorithm (`internal/sms/national.ts`) without importing it:
 * every `Gsm7` national language value carries it under {@link NATIONAL} (not enumerable), so an
 * app that never uses a national table does not bundle the algorithm (about 1 kB gzipped).
 *
 * @internal
 */
import type { LanguageName } from "../../Gsm7.js";
import type { Forced, Part } from "../../Sms.js";
import type { Cost } from "./units.js";

/** The property of a national language value that holds {@link NationalSupport}. */
export const NATIONAL: unique symbol = Symbol();

/** One enabled table: its language (`null`: the default table) and code point → septet. */
export interface Shift {
  readonly name: LanguageName | null;
  readonly lookup: ReadonlyMap<number, number> | null;
}

/** The enabled locking and single shift tables; index 0 is always the default table. */
export interface Tables {
  readonly locking: ReadonlyArray<Shift>;
  readonly single: ReadonlyArray<Shift>;
}

/** The encoding chosen with national tables enabled. */
export interface NationalChoice {
  readonly units: number;
  readonly single: number;
  readonly multi: number;
  readonly lockingShift: LanguageName | null;
  readonly singleShift: LanguageName | null;
  /** The parts when the text needs more than one. */
  readonly parts: Array<Part> | null;
}

/** A fixed encoding and its capacities, as `truncate` tries them. */
export interface Candidate {
  readonly cost: Cost;
  readonly single: number;
  readonly multi: number;
}

export interface NationalSupport {
  /** The usable tables of a `languages` option, or `null` when it enables none. */
  readonly tables: (languages: unknown) => Tables | null;
  /**
   * The pair of tables with the fewest segments; the characters outside every table when there
   * are some; `null` when every character is in some table but no pair holds them all.
   */
  readonly choose: (
    text: string,
    spans: ReadonlyArray<number>,
    ref16: boolean,
    tables: Tables,
  ) => NationalChoice | Array<Forced> | null;
  /** Every (locking, single) pair but the default one, for `truncate`. */
  readonly candidates: (tables: Tables, ref16: boolean) => Array<Candidate>;
}

/** The algorithm carried by the first national language value of `languages`, if any. */
export const supportOf = (languages: unknown): NationalSupport | undefined => {
  if (!Array.isArray(languages)) return undefined;
  for (const language of languages as ReadonlyArray<unknown>)
    if (language !== null && typeof language === "object" && NATIONAL in language)
      return (language as { readonly [NATIONAL]: NationalSupport })[NATIONAL];
  return undefined;
};
