// Size case: an app that uses Replacement.apply (OFF / ON / FULL), the FULL table included.
import * as Replacement from "../../src/Replacement.js";

export const run = (text: string, mode: Replacement.Mode): string => {
  const r = Replacement.apply(text, { mode });
  return r._tag === "Applied" ? r.text : text;
};
