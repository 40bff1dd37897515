/**
 * `<septet-key-settings>`: the API key settings page as a drop-in element (name, IP whitelist,
 * Default Sender, Auto-Replace, Delivery Report Webhook), every rule and explanation from
 * `@septet/core`. Importing this module defines the element; `<septet-composer>`, which it uses
 * for the sample message, is imported (and defined) on the element's first render.
 *
 * @packageDocumentation
 */
import "./septet-key-settings.js";

export { type SeptetKeyChangeDetail, SeptetKeyChangeEvent } from "./events.js";
export { SeptetKeySettings } from "./key-settings.component.js";
export { defaultKeySettingsStrings, type KeySettingsStrings } from "./strings.js";

/** The element's tag name. */
export const tagName = "septet-key-settings";
