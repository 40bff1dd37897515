// Size case: an app that only uses ON (the key owner's table) — must not bundle the FULL table.
import * as Replacement from "../../src/Replacement.js";

export const run = (text: string, input: unknown): string => {
  const table = Replacement.makeTable(input);
  if (table._tag !== "Table") return text;
  const r = Replacement.applyTable(text, table);
  return r._tag === "Applied" ? r.text : text;
};
