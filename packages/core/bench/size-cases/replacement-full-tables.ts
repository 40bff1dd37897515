// Size case: the built-in FULL table data alone (generated/replacement-full.ts), with the code that
// derives the targets of the DERIVED_ lists at run time.
export {
  COMPOSE,
  CURATED,
  DERIVED_COMPATIBILITY,
  DERIVED_DIACRITIC,
  DIACRITIC,
  REMOVED,
  TRANSLITERATION,
} from "../../src/generated/replacement-full.js";
export { compatibility, withoutDiacritics } from "../../src/internal/replace/derive.js";
