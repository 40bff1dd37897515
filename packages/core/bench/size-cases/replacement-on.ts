// Size case: an app that only uses ON (the key owner's table) — must not bundle the FULL table.
import * as Replacement from "../../src/Replacement.js";

export const run = (text: string, input: unknown): string => {
  const table = Replacement.makeTable(input);
  return table._tag === "Table" ? Replacement.applyTable(text, table).text : text;
};
