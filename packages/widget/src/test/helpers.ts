import { page, userEvent } from "vitest/browser";
import type { SeptetComposer } from "../composer/composer.component.js";
import "../composer/septet-composer.js";

/** Mounts markup in a fresh container and returns the first composer in it, settled. */
export const mount = async (markup: string): Promise<{ el: SeptetComposer; root: HTMLElement }> => {
  document.body.replaceChildren();
  const root = document.createElement("main");
  root.style.maxWidth = "42rem";
  root.style.padding = "1rem";
  root.innerHTML = markup;
  document.body.append(root);
  const el = root.querySelector("septet-composer")!;
  await settle(el);
  return { el, root };
};

/** Waits until lazily loaded tables arrived and the element rendered them. */
export const settle = async (el: SeptetComposer): Promise<void> => {
  await el.updateComplete;
  for (let waited = 0; el.pending; waited += 10) {
    if (waited > 5000) throw new Error("the composer's lazy tables did not arrive within 5 s");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  await el.updateComplete;
};

export const shadow = (el: SeptetComposer) => el.shadowRoot!;
export const textarea = (el: SeptetComposer) => shadow(el).querySelector("textarea")!;
export const text = (el: SeptetComposer, part: string): string =>
  (shadow(el).querySelector(`[part~="${part}"]`)?.textContent ?? "").replace(/\s+/g, " ").trim();
export const announcer = (el: SeptetComposer) => shadow(el).querySelector('[role="status"]')!;

/** Saves a screenshot of the page into packages/widget/test-results/ (gitignored). */
export const snap = (name: string) => page.screenshot({ path: `../../test-results/${name}.png` });

/** Every element from `el` up to the document, crossing shadow roots. */
const ancestors = function* (el: Element): Generator<Element> {
  for (let node: Node | null = el.parentNode; node !== null; ) {
    if (node instanceof ShadowRoot) node = node.host;
    else if (node instanceof Element) {
      yield node;
      node = node.parentNode;
    } else break;
  }
};

/**
 * The box the focus outline of `el` paints (border box grown by outline offset and width), and
 * whether an ancestor that clips its overflow cuts it.
 */
export const ringClipped = (el: Element): boolean => {
  const style = getComputedStyle(el);
  const grow = Number.parseFloat(style.outlineOffset) + Number.parseFloat(style.outlineWidth);
  const box = el.getBoundingClientRect();
  const ring = {
    left: box.left - grow,
    top: box.top - grow,
    right: box.right + grow,
    bottom: box.bottom + grow,
  };
  for (const ancestor of ancestors(el)) {
    const { overflowX, overflowY } = getComputedStyle(ancestor);
    if (overflowX === "visible" && overflowY === "visible") continue;
    const clip = ancestor.getBoundingClientRect();
    if (ring.left < clip.left || ring.top < clip.top || ring.right > clip.right || ring.bottom > clip.bottom)
      return true;
  }
  return false;
};

/** Copies `content` to the clipboard the way a person would: select it and press copy. */
export const copy = async (content: string): Promise<void> => {
  const source = document.createElement("textarea");
  source.value = content;
  document.body.append(source);
  source.focus();
  source.select();
  await userEvent.copy();
  source.remove();
};
