// What a person sees on real pages: painted focus rings, light and dark pages, right-to-left
// pages, and the explanation of what still forces UCS-2.
import axe from "axe-core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { commands, page, userEvent } from "vitest/browser";
import { mount, ringClipped, settle, shadow, text, textarea } from "../test/helpers.js";

declare module "vitest/browser" {
  interface BrowserCommands {
    emulateColorScheme: (scheme: "light" | "dark" | null) => Promise<void>;
  }
}

const PROMO = "Don’t miss it – 50% off “Crème brûlée”… Привет, Ольга! Good news 👋";
const ARABIC = "مرحبا بكم في متجرنا، الخصم ٥٠٪ اليوم فقط";

beforeEach(async () => {
  await page.viewport(900, 900);
});

afterEach(async () => {
  document.body.replaceChildren();
  document.documentElement.removeAttribute("style");
  document.documentElement.removeAttribute("dir");
  document.documentElement.lang = "en";
  await commands.emulateColorScheme(null);
});

const violations = async (context: Element) => {
  const result = await axe.run(context, { resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

/** RGBA pixels of a screenshot of the viewport. */
const pixels = async (): Promise<ImageData> => {
  const base64 = await page.screenshot({ save: false });
  const image = new Image();
  image.src = `data:image/png;base64,${base64}`;
  await image.decode();
  const canvas = document.createElement("canvas");
  canvas.width = image.width;
  canvas.height = image.height;
  const context = canvas.getContext("2d")!;
  context.drawImage(image, 0, 0);
  return context.getImageData(0, 0, image.width, image.height);
};

/** Pixels that differ between two screenshots in the band of `width` px around `box` (outside it). */
const changedAround = (a: ImageData, b: ImageData, box: DOMRect, width: number): number => {
  let changed = 0;
  const scale = a.width / window.innerWidth;
  for (let y = Math.floor((box.top - width) * scale); y < Math.ceil((box.bottom + width) * scale); y++) {
    for (let x = Math.floor((box.left - width) * scale); x < Math.ceil((box.right + width) * scale); x++) {
      const inside =
        x >= box.left * scale && x < box.right * scale && y >= box.top * scale && y < box.bottom * scale;
      if (inside || x < 0 || y < 0 || x >= a.width || y >= a.height) continue;
      const i = (y * a.width + x) * 4;
      if (
        Math.abs(a.data[i]! - b.data[i]!) +
          Math.abs(a.data[i + 1]! - b.data[i + 1]!) +
          Math.abs(a.data[i + 2]! - b.data[i + 2]!) >
        60
      )
        changed++;
    }
  }
  return changed;
};

const darkPage = () => {
  document.documentElement.style.cssText = "color-scheme: dark; background: #0d1117; color: #e6edf3";
};

describe("focus rings", () => {
  it.each([["light"], ["dark"]])(
    "are painted around every interactive part and cut by nothing (%s page)",
    async (scheme) => {
      if (scheme === "dark") darkPage();
      const { el } = await mount(
        `<septet-composer label="Message" mode="full" value="${PROMO}"></septet-composer><button>after</button>`,
      );
      const root = shadow(el);
      await userEvent.click(textarea(el));
      const focusables: Array<Element> = [];
      // Walk the element by keyboard, as a person would, until focus leaves it.
      for (let i = 0; i < 12; i++) {
        const active = root.activeElement;
        if (active === null) break;
        focusables.push(active.matches("input[type=radio]") ? active.closest('[part~="mode"]')! : active);
        await userEvent.tab();
      }
      expect(focusables.map((f) => f.getAttribute("part") ?? f.localName)).toEqual([
        "textarea",
        "mode",
        "summary",
        "summary",
        "preview",
        "parts",
      ]);
      for (const part of focusables) {
        expect(ringClipped(part), `${part.getAttribute("part") ?? part.localName}`).toBe(false);
      }
    },
  );

  it.each([["light"], ["dark"]])(
    "changes the pixels around the selected mode option when it takes focus (%s page)",
    async (scheme) => {
      if (scheme === "dark") darkPage();
      const { el } = await mount(`<septet-composer label="Message" mode="on" value="Hi"></septet-composer>`);
      const option = shadow(el).querySelector('[part~="mode"]:has(input:checked)')!;
      await userEvent.click(textarea(el));
      const before = await pixels();
      await userEvent.tab();
      expect((shadow(el).activeElement as HTMLInputElement).value).toBe("on");
      const after = await pixels();
      const box = option.getBoundingClientRect();
      // The ring is 2 px wide, 2 px off the option: on all four sides that is well over 200 pixels.
      expect(changedAround(before, after, box, 5)).toBeGreaterThan(200);
    },
  );

  it("gives the mode switch one tab stop, with the arrow keys inside", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off" value="Hi"></septet-composer>`);
    await userEvent.click(textarea(el));
    await userEvent.tab();
    expect((shadow(el).activeElement as HTMLInputElement).value).toBe("off");
    await userEvent.keyboard("{ArrowRight}");
    expect((shadow(el).activeElement as HTMLInputElement).value).toBe("on");
    await userEvent.tab();
    expect(shadow(el).activeElement?.matches("input[type=radio]")).toBe(false);
  });
});

describe("light and dark", () => {
  const markup = `
    <h1>Compose</h1>
    <septet-composer label="Promotion" mode="full" value="${PROMO}"></septet-composer>
    <septet-composer label="Arabic" mode="off" value="${ARABIC}"></septet-composer>`;

  it("has no axe violations on a light page", async () => {
    const { root } = await mount(markup);
    expect(await violations(root)).toEqual([]);
  });

  it("has no axe violations on a dark page, in dark colours", async () => {
    darkPage();
    const { root, el } = await mount(markup);
    expect(await violations(root)).toEqual([]);
    expect(getComputedStyle(textarea(el)).color).toBe("rgb(230, 237, 243)");
  });

  it("has no axe violations in a dark-preferring browser on a page that offers both schemes", async () => {
    await commands.emulateColorScheme("dark");
    document.documentElement.style.cssText =
      "color-scheme: light dark; background: Canvas; color: CanvasText";
    const { root, el } = await mount(markup);
    expect(matchMedia("(prefers-color-scheme: dark)").matches).toBe(true);
    expect(await violations(root)).toEqual([]);
    expect(getComputedStyle(textarea(el)).color).toBe("rgb(230, 237, 243)");
  });

  it("stays light in a dark-preferring browser on a page that declares nothing (its canvas is white)", async () => {
    await commands.emulateColorScheme("dark");
    const { root, el } = await mount(markup);
    expect(await violations(root)).toEqual([]);
    expect(getComputedStyle(textarea(el)).color).toBe("rgb(31, 35, 40)");
  });

  it("takes every colour from a --septet-* custom property", async () => {
    const { el } = await mount(`
      <style>
        septet-composer {
          --septet-accent: rgb(1, 2, 3); --septet-on-accent-color: rgb(4, 5, 6);
          --septet-badge-ucs2-color: rgb(7, 8, 9); --septet-badge-ucs2-background: rgb(10, 11, 12);
          --septet-focus-color: rgb(13, 14, 15); --septet-text-color: rgb(16, 17, 18);
        }
      </style>
      <septet-composer label="Message" mode="off" value="“Hi”"></septet-composer>`);
    const checked = shadow(el).querySelector('[part~="mode"]:has(input:checked)')!;
    expect(getComputedStyle(checked).backgroundColor).toBe("rgb(1, 2, 3)");
    expect(getComputedStyle(checked).color).toBe("rgb(4, 5, 6)");
    const badge = shadow(el).querySelector('[part~="badge"]')!;
    expect([getComputedStyle(badge).color, getComputedStyle(badge).backgroundColor]).toEqual([
      "rgb(7, 8, 9)",
      "rgb(10, 11, 12)",
    ]);
    expect(getComputedStyle(textarea(el)).color).toBe("rgb(16, 17, 18)");
    await userEvent.click(textarea(el));
    expect(getComputedStyle(textarea(el)).outlineColor).toBe("rgb(13, 14, 15)");
  });
});

/** Left edge on screen of the first occurrence of `needle` in the text of `element`. */
const leftOf = (element: Element, needle: string): number => {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
    const at = (node as Text).data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    return range.getBoundingClientRect().left;
  }
  throw new Error(`${needle} not found in ${element.textContent}`);
};

describe("right-to-left pages", () => {
  const rtlPage = (lang: string) => {
    document.documentElement.dir = "rtl";
    document.documentElement.lang = lang;
  };

  it("reads figures in the right order in an Arabic page, with English strings", async () => {
    rtlPage("ar");
    const { el } = await mount(
      `<septet-composer label="الرسالة" mode="off" value="${ARABIC}"></septet-composer>`,
    );
    // The textarea takes the direction of the text, as dir="auto" would.
    expect(textarea(el).matches(":dir(rtl)")).toBe(true);
    el.value = "Hello";
    await settle(el);
    expect(textarea(el).matches(":dir(ltr)")).toBe(true);
    el.value = ARABIC;
    await settle(el);
    const root = shadow(el);
    const units = root.querySelector('[part~="units"]')!;
    // "40 UTF-16 units": the number stays left of its words.
    expect(leftOf(units, String(el.measurement!.units))).toBeLessThan(leftOf(units, "units"));
    // "40 / 70" in the part card: the units first, then the capacity.
    const fill = root.querySelector('[part~="part"] .fill')!;
    expect(fill.textContent).toBe(`${el.measurement!.units} / 70`);
    expect(leftOf(fill, String(el.measurement!.units))).toBeLessThan(leftOf(fill, "70"));
    // The status line reads left to right inside, whatever the page's direction.
    const remaining = root.querySelector('[part~="remaining"]')!;
    expect(leftOf(remaining, String(el.measurement!.remaining))).toBeLessThan(leftOf(remaining, "left"));
  });

  it("reads figures in the right order in a Hebrew page, with Hebrew strings", async () => {
    rtlPage("he");
    const { el } = await mount(
      `<septet-composer label="הודעה" mode="full" value="שלום, מה שלומך? “Hi”"></septet-composer>`,
    );
    el.strings = {
      charactersOther: "{count} תווים",
      cost: "{before} ← {after}",
      costItemOther: "{segments} מקטעים {encoding}",
      costItemOne: "מקטע {segments} {encoding}",
    };
    await settle(el);
    const root = shadow(el);
    const characters = root.querySelector('[part~="characters"]')!;
    // Right to left: the number is read first, so it sits right of the word.
    expect(leftOf(characters, String(el.measurement!.characters))).toBeGreaterThan(
      leftOf(characters, "תווים"),
    );
    expect(textarea(el).matches(":dir(rtl)")).toBe(true);
    const fill = root.querySelector('[part~="part"] .fill')!;
    expect(leftOf(fill, String(el.measurement!.units))).toBeLessThan(leftOf(fill, "70"));
    // The English cost line keeps its order: "1 segment UCS-2 → 1 segment UCS-2 · 1 replacement".
    el.strings = {};
    await settle(el);
    const cost = root.querySelector('[part~="cost"]')!;
    expect(leftOf(cost, "→")).toBeLessThan(leftOf(cost, "replacement"));
  });
});

describe("what still forces UCS-2", () => {
  it("lists what FULL left first and summarises what it replaced, expandable", async () => {
    const { el } = await mount(
      `<septet-composer label="Message" mode="full" value="${PROMO}"></septet-composer>`,
    );
    const root = shadow(el);
    const list = root.querySelector('[role="group"] > [part~="forced"]')!;
    // Only the emoji still forces UCS-2, as one group.
    expect([...list.children].map((li) => (li.textContent ?? "").replace(/\s+/g, " ").trim())).toEqual([
      "1 emoji · no GSM-7 equivalent positions 66",
    ]);
    const replaced = root.querySelector<HTMLDetailsElement>('[part~="replaced"]')!;
    expect(replaced.open).toBe(false);
    expect(text(el, "replaced")).toMatch(/^17 replaced /);
    await userEvent.click(page.getByText("17 replaced"));
    expect(replaced.open).toBe(true);
    const chips = [...replaced.querySelectorAll('[part~="forced-char"]')].map((li) =>
      li.getAttribute("data-char"),
    );
    expect(chips).toContain("’");
    expect(chips).toContain("П");
  });

  it("styles the lazily loaded parts in every composer once their chunk has arrived", async () => {
    const { root } = await mount(`
      <style>
        septet-composer { --septet-mark-color: rgb(21, 22, 23); --septet-replaced-color: rgb(24, 25, 26); }
      </style>
      <septet-composer label="One" mode="full" value="“Hi” 👋"></septet-composer>
      <septet-composer label="Two" mode="full" value="“Hi” 👋"></septet-composer>`);
    const composers = [...root.querySelectorAll("septet-composer")];
    expect(composers).toHaveLength(2);
    for (const el of composers) {
      await settle(el);
      const parts = shadow(el);
      expect(getComputedStyle(parts.querySelector('[part~="preview"]')!).borderStyle).toBe("dashed");
      expect(getComputedStyle(parts.querySelector('[part~="replacement"]')!).backgroundColor).toBe(
        "rgb(24, 25, 26)",
      );
      expect(getComputedStyle(parts.querySelector('[part~="leftover"]')!).backgroundColor).toBe(
        "rgb(21, 22, 23)",
      );
      // The element's own styles are still there beside the chunk's.
      expect(getComputedStyle(parts.querySelector('[part~="counter"]')!).display).toBe("flex");
    }
  });

  it("groups characters without a GSM-7 equivalent by script, positions on demand", async () => {
    const { el } = await mount(
      `<septet-composer label="Message" mode="full" value="${ARABIC}"></septet-composer>`,
    );
    const root = shadow(el);
    const groups = [...root.querySelectorAll('[part~="forced-script"]')];
    const letters = [...ARABIC].filter((c) => /\p{Script_Extensions=Arabic}/u.test(c)).length;
    expect(groups.map((g) => g.querySelector("summary")?.textContent?.trim())).toEqual([
      `${letters} Arabic characters · no GSM-7 equivalent`,
    ]);
    const positions = groups[0]!.querySelector(".positions")!;
    expect(positions.checkVisibility()).toBe(false);
    await userEvent.click(page.getByText(`${letters} Arabic characters`, { exact: false }));
    expect(positions.checkVisibility()).toBe(true);
    expect(positions.textContent).toMatch(/^positions 1, 2, 3, 4, 5, 7, /);
  });
});
