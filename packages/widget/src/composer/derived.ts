import type * as Replacement from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";
import type { Marks } from "./marks.js";

/**
 * Everything `<septet-composer>` shows, derived from its properties by `derive`.
 *
 * Two forms of the text: `value` as the textarea holds it (LF line breaks) and `posted` as the
 * form sends it (CR LF). Counts, replacements and their positions refer to `posted`; `marks`
 * are mapped back to `value`, over which they are painted.
 *
 * @internal
 */
export interface Derived {
  readonly value: string;
  readonly posted: string;
  readonly mode: Replacement.Mode;
  readonly outgoing: string;
  readonly before: Sms.Measurement;
  readonly after: Sms.Measurement;
  readonly replacements: ReadonlyArray<Replacement.Change>;
  readonly leftovers: ReadonlyArray<Replacement.Leftover>;
  /** Leftovers refused by `leftovers="reject"` (nothing can be sent). */
  readonly rejected: ReadonlyArray<Replacement.Leftover> | undefined;
  /** What FULL would send instead of each character that forces UCS-2 (by the character). */
  readonly hints: ReadonlyMap<string, string | null>;
  /** The marks on the characters that force UCS-2, bounded (`marks.ts`). */
  readonly marks: Marks;
  readonly tableError: string | undefined;
  readonly pending: boolean;
}
