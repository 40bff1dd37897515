/**
 * The one place where the policy touches the replacement engine (`Replacement`,
 * `ReplacementTable`): the table Schema used in key configs and `apply` in the effective mode.
 * The resolver depends only on the small shapes below.
 *
 * @internal
 */
import * as Replacement from "../../Replacement.js";
import * as ReplacementTable from "../../ReplacementTable.js";
import type * as Sms from "../../Sms.js";

/** The Auto-Replace modes: off, on, full. */
export type Mode = Replacement.Mode;

/** A compiled replacement table. */
export type Table = Replacement.Table;

/** The table as written in a key config (`{ "from": "to" }` or `[[from, to], …]`). */
export const TableFromConfig = ReplacementTable.ReplacementTable;

/** What the policy keeps of a replacement run. */
export type ReplaceOutcome =
  | {
      readonly _tag: "Applied";
      readonly text: string;
      readonly replacements: ReadonlyArray<Replacement.Change>;
      readonly leftovers: ReadonlyArray<Replacement.Leftover>;
      readonly reverted: boolean;
      readonly measurement: Sms.Measurement;
    }
  | { readonly _tag: "Rejected"; readonly field: "text" | "leftovers"; readonly reason: string };

/** Applies `mode` with the key's table (none = empty table) and the service's leftover policy. */
export const applyReplacement = (
  text: string,
  mode: Mode,
  table: Table | undefined,
  leftovers: Replacement.LeftoverPolicy | undefined,
  measure: Sms.MeasureOptions | undefined,
): ReplaceOutcome => {
  const result = Replacement.apply(text, { mode, table, leftovers, measure });
  switch (result._tag) {
    case "Applied":
      return {
        _tag: "Applied",
        text: result.text,
        replacements: result.replacements,
        leftovers: result.leftovers,
        reverted: result.reverted,
        measurement: result.after,
      };
    case "LeftoversRejected":
      return { _tag: "Rejected", field: "text", reason: result.message };
    case "InvalidSubstitute":
      return { _tag: "Rejected", field: "leftovers", reason: result.message };
    case "InvalidOptions":
      // The policy decodes mode and table with Schemas first, so only a bypassed type lands here.
      return {
        _tag: "Rejected",
        field: result.field === "text" ? "text" : "leftovers",
        reason: result.message,
      };
  }
};
