// Importing the class defines nothing; the registration module defines the tag. (Each browser
// test file runs in its own page, so nothing else has defined it here.)
import { expect, it } from "vitest";
import { SeptetComposer } from "./composer.component.js";

it("imports the class without defining the tag, and registers it from septet-composer.ts", async () => {
  expect(customElements.get("septet-composer")).toBeUndefined();
  // The class works under a name of the page's choosing.
  customElements.define("my-composer", class extends SeptetComposer {});
  document.body.innerHTML = `<my-composer mode="off" value="Hi"></my-composer>`;
  const mine = document.querySelector("my-composer") as SeptetComposer;
  await mine.updateComplete;
  expect(mine.measurement?.units).toBe(2);

  await import("./septet-composer.js");
  expect(customElements.get("septet-composer")).toBe(SeptetComposer);
  document.body.replaceChildren();
});
