// Each state of the demo page, rendered from the same markup (demo/states.js): no axe-core
// violations, and a screenshot kept in packages/widget/test-results/ (gitignored) to look at.
import axe from "axe-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { renderStates, states } from "../demo/states.js";
import type { SeptetComposer } from "./composer/composer.component.js";
import { ringClipped, settle } from "./test/helpers.js";
import "./index.js";
import type { SeptetKeySettings } from "./key-settings/key-settings.component.js";
import "./key-settings/septet-key-settings.js";

const violations = async (context: Element) => {
  const result = await axe.run(context, { resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

const shot = (name: string, element?: Element) =>
  page.screenshot({ path: `../test-results/demo-${name}.png`, ...(element ? { element } : {}) });

let root: HTMLElement;

beforeAll(async () => {
  await page.viewport(960, 1000);
  document.documentElement.lang = "en";
  document.title = "septet-composer demo";
  document.body.style.margin = "0";
  document.body.style.fontFamily = "system-ui, sans-serif";
  root = document.createElement("main");
  root.style.maxWidth = "52rem";
  root.style.margin = "0 auto";
  root.style.padding = "1rem";
  document.body.replaceChildren(root);
  renderStates(root);
  for (const el of root.querySelectorAll("septet-composer")) await settle(el);
  for (const el of root.querySelectorAll("septet-key-settings")) {
    await el.updateComplete;
    await settle(el.shadowRoot!.querySelector("septet-composer")!);
  }
});

afterAll(() => {
  document.body.replaceChildren();
});

const composer = (id: string) => root.querySelector<SeptetComposer>(`#${id} septet-composer`)!;

describe("demo states", () => {
  it.each(states.map((s) => [s.id]))("%s: no axe violations, screenshot", async (id) => {
    const section = root.querySelector(`#${id}`)!;
    section.scrollIntoView();
    expect(await violations(section)).toEqual([]);
    await shot(id, section);
  });

  it("OFF names the characters that force UCS-2", () => {
    const el = composer("off");
    expect(el.measurement?.encoding).toBe("UCS-2");
    const listed = [...el.shadowRoot!.querySelectorAll('[part~="forced-char"]')].map((li) =>
      li.getAttribute("data-char"),
    );
    expect(listed).toEqual(["—", "“", "”"]);
  });

  it("ON sends GSM-7 through the key's table", () => {
    const el = composer("on");
    expect(el.outgoing).toBe('Ihr Paket "Bestellung 4711" kommt morgen - Lieferung an Hauptstr. 5.');
    expect(el.measurement?.encoding).toBe("GSM-7");
  });

  it("FULL keeps the emoji as a leftover", () => {
    const el = composer("full");
    expect(el.outgoing).toBe('Don\'t miss it - 50% off "Crème brulée"... Privet, Olga! 👋');
    expect(el.measurement?.encoding).toBe("UCS-2");
    expect(el.shadowRoot!.querySelector('[part~="leftover"]')?.textContent).toBe("👋");
  });

  it("Turkish fits GSM-7 with the national tables", () => {
    const el = composer("turkish");
    expect(el.measurement?.encoding).toBe("GSM-7");
    expect(el.measurement?.segments).toBe(1);
  });

  it("the form: invalid when empty, then typed, submitted and reset (with axe on each step)", async () => {
    const section = root.querySelector("#form")!;
    const el = composer("form");
    section.scrollIntoView();
    await userEvent.click(page.getByRole("button", { name: "Send" }));
    await el.updateComplete;
    expect(el.validity.valueMissing).toBe(true);
    expect(await violations(section)).toEqual([]);
    await shot("form-empty-submitted", section);

    await userEvent.type(el.shadowRoot!.querySelector("textarea")!, "Привет! Meet at 5 – don’t be late…");
    await settle(el);
    await userEvent.click(page.getByRole("button", { name: "Send" }));
    const output = section.querySelector("output")!;
    expect(output.textContent).toBe(
      'Submitted FormData:\ntext = "Привет! Meet at 5 – don’t be late…"\n\nOutgoing text (full): "Privet! Meet at 5 - don\'t be late..."',
    );
    expect(await violations(section)).toEqual([]);
    await shot("form-submitted", section);

    // Over max-segments (2): invalid, and the message says why.
    el.value = "x".repeat(400);
    await settle(el);
    expect(el.validity.tooLong).toBe(true);
    expect(await violations(section)).toEqual([]);
    await shot("form-too-long", section);

    await userEvent.click(page.getByRole("button", { name: "Reset" }));
    await settle(el);
    expect(el.value).toBe("");
    expect(output.textContent).toBe("");
  });

  it("keyboard focus is visible on the mode switch", async () => {
    const el = composer("full");
    el.scrollIntoView();
    el.shadowRoot!.querySelector("textarea")!.focus();
    await userEvent.tab();
    expect((el.shadowRoot!.activeElement as HTMLInputElement).value).toBe("full");
    // What is painted: the ring's box, cut by no ancestor up to the page (the option group used
    // to clip it with overflow: hidden, while its computed outline was "solid").
    const label = el.shadowRoot!.activeElement!.closest("label")!;
    expect(getComputedStyle(label).outlineStyle).toBe("solid");
    expect(ringClipped(label)).toBe(false);
    expect(await violations(root.querySelector("#full")!)).toEqual([]);
    await shot("focus-mode", root.querySelector("#full")!);
  });

  it("API key settings: explained, submitted as the key config, reset", async () => {
    const section = root.querySelector("#key-settings")!;
    const el = section.querySelector<SeptetKeySettings>("septet-key-settings")!;
    section.scrollIntoView();
    expect(el.issues).toEqual([]);
    expect(el.shadowRoot!.querySelector('[part~="summary"]')!.textContent).toBe(
      "Allowed: 258 IPv4 addresses; no IPv6 client.",
    );
    await userEvent.click(page.getByRole("button", { name: "Save settings" }));
    const output = section.querySelector("output")!;
    const submitted = JSON.parse(output.textContent!.replace("Submitted FormData:\nkey = ", "")) as string;
    expect(JSON.parse(submitted)).toMatchObject({
      name: "example-shop",
      defaultSender: "Shop",
      senders: ["Shop", "Promo"],
    });

    await userEvent.type(page.getByRole("textbox", { name: "IP whitelist" }), "{Enter}1.2.3.04");
    await el.updateComplete;
    expect(el.validationMessage).toBe(
      '"1.2.3.04": IPv4 field has octet with leading zero (octal forms are not allowed).',
    );
    expect(await violations(section)).toEqual([]);
    await shot("key-settings-invalid", section);
    await userEvent.click(page.getByRole("button", { name: "Reset settings" }));
    await el.updateComplete;
    expect(el.issues).toEqual([]);
  });

  it("the whole page", async () => {
    window.scrollTo(0, 0);
    await shot("page");
  });
});
