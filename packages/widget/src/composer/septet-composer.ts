/**
 * Registers `<septet-composer>`: importing this module defines the tag (once; a page that
 * defined it already keeps its definition). `composer.component.ts` holds the class without
 * defining anything, for pages that register it under another name.
 *
 * @internal
 */
import { SeptetComposer } from "./composer.component.js";

if (!customElements.get("septet-composer")) customElements.define("septet-composer", SeptetComposer);

declare global {
  interface HTMLElementTagNameMap {
    "septet-composer": SeptetComposer;
  }
}
