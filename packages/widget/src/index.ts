/**
 * `<septet-composer>`: a drop-in SMS composer that counts GSM-7 / UCS-2 segments as you type,
 * marks the characters that force UCS-2 and previews Auto-Replace. Importing this module defines
 * the element.
 *
 * @packageDocumentation
 */
import "./composer/septet-composer.js";

export {
  type LanguageInput,
  type Leftovers,
  type Mode,
  SeptetComposer,
} from "./composer/composer.component.js";
export { type SeptetMeasureDetail, SeptetMeasureEvent } from "./composer/events.js";
export { type ComposerStrings, defaultStrings } from "./composer/strings.js";

/** The element's tag name. */
export const tagName = "septet-composer";
