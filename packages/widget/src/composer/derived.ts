import type * as Replacement from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";

/**
 * Everything `<septet-composer>` shows, derived from its properties in `willUpdate()`.
 *
 * @internal
 */
export interface Derived {
  readonly value: string;
  readonly mode: Replacement.Mode;
  readonly outgoing: string;
  readonly before: Sms.Measurement;
  readonly after: Sms.Measurement;
  readonly replacements: ReadonlyArray<Replacement.Change>;
  readonly leftovers: ReadonlyArray<Replacement.Leftover>;
  /** Leftovers refused by `leftovers="reject"` (nothing can be sent). */
  readonly rejected: ReadonlyArray<Replacement.Leftover> | undefined;
  /** What FULL would send instead of each character that forces UCS-2 (by index in `value`). */
  readonly hints: ReadonlyMap<string, string | null>;
  readonly tableError: string | undefined;
  readonly pending: boolean;
}
