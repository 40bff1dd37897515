// Size case: the built-in FULL table data alone (generated/replacement-full.ts).
export {
  COMPOSE,
  CURATED,
  DIACRITIC,
  REMOVED,
  TRANSLITERATION,
} from "../../src/generated/replacement-full.js";
