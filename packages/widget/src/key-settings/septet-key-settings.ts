/**
 * Registers `<septet-key-settings>`: importing this module defines the tag (once; a page that
 * defined it already keeps its definition). `key-settings.component.ts` holds the class without
 * defining anything, for pages that register it under another name.
 *
 * @internal
 */
import { SeptetKeySettings } from "./key-settings.component.js";

if (!customElements.get("septet-key-settings"))
  customElements.define("septet-key-settings", SeptetKeySettings);

declare global {
  interface HTMLElementTagNameMap {
    "septet-key-settings": SeptetKeySettings;
  }
}
