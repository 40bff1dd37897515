import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { announcer, copy, mount, settle, shadow, text, textarea } from "../test/helpers.js";
import type { SeptetMeasureEvent } from "./events.js";

const LONG = "The quick brown fox jumps over the lazy dog. ".repeat(36).slice(0, 1600);

beforeEach(async () => {
  await page.viewport(900, 900);
});

afterEach(() => {
  document.body.replaceChildren();
});

/** Shown counts, as one line: "5 characters GSM-7 5 septets 1 segment 155 left in this segment". */
const counter = (el: HTMLElement & { shadowRoot: ShadowRoot | null }) =>
  (el.shadowRoot?.querySelector('[part~="counter"]')?.textContent ?? "").replace(/\s+/g, " ").trim();

describe("typing, pasting, deleting, undoing", () => {
  it("counts what a person types and announces it once, after a pause", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    const live = announcer(el);
    let announcements = 0;
    new MutationObserver(() => announcements++).observe(live, {
      childList: true,
      characterData: true,
      subtree: true,
    });

    await userEvent.type(page.getByRole("textbox", { name: "Message" }), "Hello there");
    await el.updateComplete;
    expect(el.value).toBe("Hello there");
    expect(counter(el)).toBe("11 characters GSM-7 11 septets 1 segment 149 left in this segment");
    // Not on every keystroke: nothing said yet.
    expect(live.textContent?.trim()).toBe("");

    await expect
      .poll(() => live.textContent?.trim(), { timeout: 2000 })
      .toBe("11 characters, GSM-7, 1 segment, 149 left in this segment.");
    expect(announcements).toBe(1);
    // The visible counter is hidden from assistive technology; the live region speaks.
    expect(shadow(el).querySelector('[part~="counter"]')?.getAttribute("aria-hidden")).toBe("true");
    expect(live.getAttribute("aria-live")).toBe("polite");
  });

  it("marks the characters that force UCS-2 in place and says what FULL would send", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    await userEvent.type(textarea(el), "Zażółć gęślą");
    await settle(el);
    expect(counter(el)).toBe("12 characters UCS-2 12 UTF-16 units 1 segment 58 left in this segment");

    // Painted with the CSS Custom Highlight API: ranges over the layer's text, no elements.
    const layer = shadow(el).querySelector('[part~="highlights"]')!;
    const painted = [...(CSS.highlights.get("septet-ucs2") ?? [])]
      .filter((range) => layer.contains(range.startContainer))
      .map((range) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset));
    expect(painted).toEqual(["żółć", "ęś", "ą"]);
    // The layer mirrors the text exactly (same characters, so the same line breaks).
    expect(shadow(el).querySelector('[part~="highlights"]')?.textContent).toBe("Zażółć gęślą");

    const items = [...shadow(el).querySelectorAll('[part~="forced-char"]')].map((li) =>
      (li.textContent ?? "").replace(/\s+/g, " ").trim(),
    );
    expect(items).toContain("ż U+017C Full sends z");
    expect(items).toContain("ł U+0142 Full sends l");
    expect(items).toContain("ó U+00F3 Full sends o");
  });

  it("pastes a 1,600-character message, deletes, and undoes with Ctrl+Z", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    await copy(LONG);
    await userEvent.click(textarea(el));
    await userEvent.paste();
    await el.updateComplete;
    expect(el.value).toBe(LONG);
    expect(counter(el)).toBe("1600 characters GSM-7 1600 septets 11 segments 83 left in this segment");
    const parts = shadow(el).querySelectorAll('[part~="part"]');
    expect(parts).toHaveLength(11);
    expect((parts[0]?.textContent ?? "").replace(/\s+/g, " ").trim()).toBe(
      "Part 1 153 / 153 positions 1–153",
    );
    expect((parts[10]?.textContent ?? "").replace(/\s+/g, " ").trim()).toBe(
      "Part 11 70 / 153 positions 1531–1600",
    );

    await userEvent.keyboard("{Backspace}{Backspace}{Backspace}");
    await el.updateComplete;
    expect(el.value).toBe(LONG.slice(0, -3));
    expect(text(el, "characters")).toBe("1597 characters");

    // Undo the deletions, then the paste: the native history is intact.
    await userEvent.keyboard("{Control>}z{/Control}");
    await el.updateComplete;
    expect(el.value).toBe(LONG);
    await userEvent.keyboard("{Control>}z{/Control}");
    await el.updateComplete;
    expect(el.value).toBe("");
    expect(counter(el)).toBe("0 characters GSM-7 0 septets 1 segment 160 left in this segment");
  });

  it("keeps the highlight layer scrolled with the textarea", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    await copy(`${"Ünïcödé line\n".repeat(40)}end`);
    await userEvent.click(textarea(el));
    await userEvent.paste();
    await settle(el);
    const area = textarea(el);
    const layer = shadow(el).querySelector<HTMLElement>('[part~="highlights"]')!;
    expect(area.scrollTop).toBeGreaterThan(0); // the caret is at the end
    await expect.poll(() => layer.scrollTop).toBe(area.scrollTop);
    await userEvent.wheel(area, { delta: { y: -200 } });
    await expect.poll(() => layer.scrollTop).toBe(area.scrollTop);
    expect(layer.scrollHeight).toBe(area.scrollHeight);
  });

  it("marks a long text and follows edits in the middle", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    const long = `${"Plain text, then “quoted” – ".repeat(200)}end`; // 5,603 characters
    el.value = long;
    await settle(el);
    const layer = shadow(el).querySelector('[part~="highlights"]')!;
    const marked = () =>
      [...(CSS.highlights.get("septet-ucs2") ?? [])]
        .filter((range) => layer.contains(range.startContainer))
        .map((range) => [range.startOffset, range.endOffset]);
    const forced = (value: string) =>
      [...value.matchAll(/[“”–]/g)].map((match) => [match.index, match.index + 1]);
    // The layer mirrors the text (same line breaks); of its 600 marks, those near the view are
    // painted (long-text.test.ts checks which).
    expect(el.measurement?.encoding).toBe("UCS-2");
    await expect.poll(() => layer.textContent).toBe(long);
    expect(marked().length).toBeGreaterThan(20);
    expect(forced(long).slice(0, marked().length)).toEqual(marked());
    // An edit in the middle: the layer is patched, every mark after it moves.
    el.value = `${long.slice(0, 100)}ß${long.slice(100)}`;
    await settle(el);
    await expect.poll(() => layer.textContent).toBe(el.value);
    const quote = el.value.indexOf("“", 101);
    expect(marked()).toContainEqual([quote, quote + 1]);
    expect(forced(el.value).slice(0, marked().length)).toEqual(marked());
  });
});

describe("Auto-Replace modes", () => {
  it("switches modes with the arrow keys in the radio group and previews the outgoing text", async () => {
    const { el } = await mount(
      `<septet-composer label="Message" mode="off" value="It’s 5 – 7 °C… see you"></septet-composer>`,
    );
    expect(shadow(el).querySelector('[part~="preview"]')).toBeNull();
    expect(text(el, "badge")).toBe("UCS-2");

    await userEvent.click(textarea(el));
    await userEvent.tab(); // into the radio group, on the checked option
    expect((shadow(el).activeElement as HTMLInputElement | null)?.value).toBe("off");
    await userEvent.keyboard("{ArrowRight}{ArrowRight}");
    await settle(el);
    expect(el.mode).toBe("full");
    expect(el.getAttribute("mode")).toBe("full");
    await expect.element(page.getByRole("radio", { name: "Full" })).toBeChecked();

    expect(el.outgoing).toBe("It's 5 - 7 oC... see you");
    expect(text(el, "preview")).toBe("It's 5 - 7 oC... see you");
    expect(text(el, "cost")).toBe("1 segment UCS-2 → 1 segment GSM-7 · 4 replacements");
    expect(text(el, "badge")).toBe("GSM-7");
    const replaced = [...shadow(el).querySelectorAll('[part~="replacement"]')].map((m) => [
      m.textContent,
      m.getAttribute("title"),
    ]);
    expect(replaced).toEqual([
      ["'", "’ → '"],
      ["-", "– → -"],
      ["o", "° → o"],
      ["...", "… → ..."],
    ]);

    await userEvent.keyboard("{ArrowLeft}");
    await settle(el);
    expect(el.mode).toBe("on");
    expect(el.outgoing).toBe(el.value); // ON without a table changes nothing
  });

  it("applies an ON table given as a JSON attribute", async () => {
    const { el } = await mount(
      `<septet-composer label="Message" mode="on" replacements='{"Straße":"Strasse","ü":"ue","₂":"2"}' value="Müllerstraße: CO₂ über alles"></septet-composer>`,
    );
    expect(el.outgoing).toBe("Muellerstraße: CO2 ueber alles");
    expect(text(el, "cost")).toBe("1 segment UCS-2 → 1 segment GSM-7 · 3 replacements");
    expect(el.measurement?.encoding).toBe("GSM-7");
  });

  it("refuses an invalid table and says why", async () => {
    const { el } = await mount(
      `<septet-composer label="Message" mode="on" replacements='{"":"x"}' value="abc"></septet-composer>`,
    );
    expect(el.validity.customError).toBe(true);
    expect(text(el, "error")).toMatch(/^The replacement table was refused: /);
    el.setAttribute("replacements", "{not json");
    await settle(el);
    expect(text(el, "error")).toMatch(/not JSON/);
    el.replacements = { "€": "EUR" };
    await settle(el);
    expect(el.validity.valid).toBe(true);
  });

  it("rejects leftovers under leftovers=reject and substitutes with substitute:?", async () => {
    const { el } = await mount(
      `<septet-composer label="Message" mode="full" leftovers="reject" value="Ok 👍"></septet-composer>`,
    );
    expect(el.validity.customError).toBe(true);
    expect(text(el, "error")).toBe("No GSM-7 text for 👍.");
    el.setAttribute("leftovers", "substitute:?");
    await settle(el);
    expect(el.validity.valid).toBe(true);
    expect(el.outgoing).toBe("Ok ?");
  });

  it("uses national language tables when languages are enabled", async () => {
    const message = "Günaydın! Işıklar şimdi açık, çarşıda buluşalım.";
    const { el } = await mount(
      `<septet-composer label="Message" mode="off" value="${message}"></septet-composer>`,
    );
    expect(el.measurement?.encoding).toBe("UCS-2");
    el.setAttribute("languages", "turkish");
    await settle(el);
    expect(el.measurement?.encoding).toBe("GSM-7");
    expect(text(el, "badge")).toMatch(/^GSM-7 · Turkish/);
    expect(el.measurement?.lockingShift ?? el.measurement?.singleShift).toBe("Turkish");
  });
});

describe("forms", () => {
  const formMarkup = `
    <form>
      <septet-composer name="text" label="Message" mode="full" value="Hi"></septet-composer>
      <button type="submit">Send</button>
      <button type="reset">Reset</button>
    </form>`;

  it("submits the original text (not the outgoing one) and resets to the value attribute", async () => {
    const { el, root } = await mount(formMarkup);
    const form = root.querySelector("form")!;
    const submitted: Array<[string, FormDataEntryValue][]> = [];
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submitted.push([...new FormData(form)]);
    });

    await userEvent.type(textarea(el), " “there”");
    await settle(el);
    expect(el.outgoing).toBe('Hi "there"');
    await userEvent.click(page.getByRole("button", { name: "Send" }));
    expect(submitted).toEqual([[["text", "Hi “there”"]]]);

    await userEvent.click(page.getByRole("button", { name: "Reset" }));
    await settle(el);
    expect(el.value).toBe("Hi");
    expect(textarea(el).value).toBe("Hi");
    expect([...new FormData(form)]).toEqual([["text", "Hi"]]);
  });

  it("blocks submission over max-segments and when required is empty", async () => {
    const { el, root } = await mount(`
      <form>
        <septet-composer name="text" label="Message" mode="off" max-segments="2" required></septet-composer>
        <button type="submit">Send</button>
      </form>`);
    const form = root.querySelector("form")!;
    let submits = 0;
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      submits++;
    });
    expect(el.validity.valueMissing).toBe(true);
    expect(shadow(el).querySelector('[part~="error"]')?.hasAttribute("hidden")).toBe(true); // not before a try

    await userEvent.click(page.getByRole("button", { name: "Send" }));
    expect(submits).toBe(0);
    await el.updateComplete;
    expect(text(el, "error")).toBe("Please write a message.");

    await copy("x".repeat(307));
    await userEvent.click(textarea(el));
    await userEvent.paste();
    await el.updateComplete;
    expect(el.validity.tooLong).toBe(true);
    expect(el.validationMessage).toBe("The message needs 3 segments; at most 2 are allowed.");
    expect(text(el, "segments")).toBe("3 of 2 segments");
    expect(textarea(el).getAttribute("aria-invalid")).toBe("true");
    await userEvent.click(page.getByRole("button", { name: "Send" }));
    expect(submits).toBe(0);

    await userEvent.click(textarea(el));
    await userEvent.keyboard("{Backspace}");
    await el.updateComplete;
    expect(el.validity.valid).toBe(true);
    await userEvent.click(page.getByRole("button", { name: "Send" }));
    expect(submits).toBe(1);
  });

  it("is disabled by a disabled fieldset and restores state", async () => {
    const { el, root } = await mount(`
      <form><fieldset><septet-composer name="text" value="Hello"></septet-composer></fieldset></form>`);
    const form = root.querySelector("form")!;
    root.querySelector("fieldset")!.disabled = true;
    await el.updateComplete;
    expect(textarea(el).disabled).toBe(true);
    expect([...new FormData(form)]).toEqual([]);
    root.querySelector("fieldset")!.disabled = false;
    await el.updateComplete;
    expect(textarea(el).disabled).toBe(false);

    el.formStateRestoreCallback("Restored");
    await el.updateComplete;
    expect(textarea(el).value).toBe("Restored");
    expect([...new FormData(form)]).toEqual([["text", "Restored"]]);
  });
});

describe("events and properties", () => {
  it("relays input and change and reports each measurement", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="full"></septet-composer>`);
    const seen: Array<string> = [];
    const measured: Array<SeptetMeasureEvent> = [];
    el.addEventListener("input", (event) =>
      seen.push(`input:${(event.target as HTMLElement).localName}:${el.value}`),
    );
    el.addEventListener("change", (event) => seen.push(`change:${(event.target as HTMLElement).localName}`));
    document.addEventListener("septet-measure", (event) => measured.push(event));

    await userEvent.type(textarea(el), "ab");
    await userEvent.tab();
    await settle(el);
    expect(seen).toEqual(["input:septet-composer:a", "input:septet-composer:ab", "change:septet-composer"]);
    const last = measured.at(-1)!;
    expect(last.detail.value).toBe("ab");
    expect(last.detail.outgoing).toBe("ab");
    expect(last.detail.measurement.units).toBe(2);
    expect(last.detail.mode).toBe("full");

    el.value = "Ёлка";
    await settle(el);
    const full = measured.at(-1)!;
    expect(full.detail.pending).toBe(false);
    expect(full.detail.outgoing).toBe("Elka");
    expect(full.detail.before.encoding).toBe("UCS-2");
    expect(full.detail.measurement.encoding).toBe("GSM-7");
    expect(full.detail.replacements.map((r) => r.original).join("")).toBe("Ёлка");
  });

  it("takes localised strings", async () => {
    const { el } = await mount(`<septet-composer mode="off" value="Hallo"></septet-composer>`);
    el.strings = {
      label: "Nachricht",
      charactersOther: "{count} Zeichen",
      mode: "Ersetzen",
      modeOff: "Aus",
      modeOn: "Ein",
      modeFull: "Voll",
    };
    await el.updateComplete;
    await expect.element(page.getByRole("textbox", { name: "Nachricht" })).toBeVisible();
    await expect.element(page.getByRole("radio", { name: "Voll" })).toBeVisible();
    expect(text(el, "characters")).toBe("5 Zeichen");
  });
});
