import type * as Replacement from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";

/**
 * Everything `<septet-composer>` shows, derived from its properties by `derive` (the marks are
 * derived from it by the lazy chunk, when painted: `marksOf` in `details.ts`).
 *
 * Two forms of the text: `value` as the textarea holds it (LF line breaks) and `posted` as the
 * form sends it (CR LF). Counts, replacements and their positions refer to `posted`; the marks
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
  /**
   * What FULL would send instead of a character that forces UCS-2 (`undefined`: not known yet).
   * Found when asked, once per character and table: typing never waits for it.
   */
  readonly hints: Pick<ReadonlyMap<string, string | null>, "get">;
  readonly tableError: string | undefined;
  readonly pending: boolean;
}
