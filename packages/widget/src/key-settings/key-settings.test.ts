import * as DeliveryReport from "@septet/core/DeliveryReport";
import axe from "axe-core";
import { Effect } from "effect";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import type { SeptetKeyChangeEvent } from "./events.js";
import type { SeptetKeySettings } from "./key-settings.component.js";
import "./septet-key-settings.js";
import { copy } from "../test/helpers.js";

beforeEach(async () => {
  await page.viewport(1000, 1200);
});

afterEach(() => {
  document.body.replaceChildren();
});

const mount = async (markup: string): Promise<SeptetKeySettings> => {
  document.body.replaceChildren();
  const root = document.createElement("main");
  root.style.maxWidth = "52rem";
  root.innerHTML = markup;
  document.body.append(root);
  const el = root.querySelector("septet-key-settings")!;
  await el.updateComplete;
  return el;
};

const $ = <E extends Element = HTMLElement>(el: SeptetKeySettings, selector: string): E =>
  el.shadowRoot!.querySelector<E>(selector)!;
const $$ = (el: SeptetKeySettings, selector: string): Array<string> =>
  [...el.shadowRoot!.querySelectorAll(selector)].map((n) =>
    (n.textContent ?? "").replace(/\s+/g, " ").trim(),
  );
const whitelist = (el: SeptetKeySettings) => $<HTMLTextAreaElement>(el, "#whitelist");
/** The texts that describe a control, through its aria-describedby. */
const described = (el: SeptetKeySettings, control: Element): string =>
  (control.getAttribute("aria-describedby") ?? "")
    .split(" ")
    .map((id) => (el.shadowRoot!.getElementById(id)?.textContent ?? "").replace(/\s+/g, " ").trim())
    .filter((s) => s !== "")
    .join(" | ");

const violations = async (context: Element) => {
  const result = await axe.run(context, { resultTypes: ["violations"] });
  return result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
};

describe("IP whitelist", () => {
  it("explains the seed's entries as they are typed, one per line", async () => {
    const el = await mount(`<septet-key-settings></septet-key-settings>`);
    await userEvent.type(page.getByRole("textbox", { name: "IP whitelist" }), "123.123.123.123");
    await userEvent.keyboard("{Enter}234.234.234.234{Enter}123.123.123.1/24{Enter}234.234.234.10/32");
    await el.updateComplete;
    expect($$(el, '[part~="entry"]')).toEqual([
      '"123.123.123.123": enforced as 123.123.123.123/32 (already covered by 123.123.123.0/24 (entry 3)).',
      '"234.234.234.234": enforced as 234.234.234.234/32.',
      '"123.123.123.1/24": enforced as 123.123.123.0/24 (host bits cleared).',
      '"234.234.234.10/32": enforced as 234.234.234.10/32.',
    ]);
    expect($$(el, '[part~="summary"]')).toEqual(["Allowed: 258 IPv4 addresses; no IPv6 client."]);
    expect(whitelist(el).getAttribute("aria-invalid")).toBe("false");
    expect(el.config.ipWhitelist).toEqual([
      "123.123.123.123",
      "234.234.234.234",
      "123.123.123.1/24",
      "234.234.234.10/32",
    ]);

    // Test an address: tab to the tester and type.
    await userEvent.tab();
    expect(el.shadowRoot!.activeElement?.id).toBe("test-address");
    await userEvent.keyboard("123.123.123.77");
    await el.updateComplete;
    expect($(el, '[part~="answer"]').textContent).toBe(
      '"123.123.123.77" is allowed: entry 3 ("123.123.123.1/24", enforced as 123.123.123.0/24).',
    );
    await userEvent.clear(page.getByRole("textbox", { name: "Test an address" }));
    await userEvent.type(page.getByRole("textbox", { name: "Test an address" }), "234.234.234.11");
    await el.updateComplete;
    expect($(el, '[part~="answer"]').dataset.allowed).toBe("false");
    expect($(el, '[part~="answer"]').textContent).toBe('"234.234.234.11" is denied: no entry covers it.');
  });

  it("says what 0.0.0.0/0 and an empty list allow", async () => {
    const el = await mount(`<septet-key-settings value='{"name":"k"}'></septet-key-settings>`);
    expect($$(el, '[part~="summary"]')).toEqual([
      "No one can use this key: the whitelist has no valid entry.",
    ]);
    await userEvent.type(page.getByRole("textbox", { name: "IP whitelist" }), "0.0.0.0/0");
    await el.updateComplete;
    expect($$(el, '[part~="summary"]')).toEqual(["Allowed: every IPv4 client; no IPv6 client."]);
    await userEvent.type(page.getByRole("textbox", { name: "Test an address" }), "2001:db8::1");
    await el.updateComplete;
    expect($(el, '[part~="answer"]').textContent).toBe(
      '"2001:db8::1" is denied: no entry covers it (IPv4 entries never match an IPv6 client).',
    );
  });

  it("pastes a list with bad entries: each reason quotes its entry, tied to the textarea", async () => {
    const el = await mount(
      `<form><septet-key-settings name="key" value='{"name":"shop"}'></septet-key-settings></form>`,
    );
    await copy("10.0.0.0/8, 10.0.0.1/33\n1.2.3.04\n::ffff:0:0/64\n::ffff:10.1.0.0/112");
    await userEvent.click(page.getByRole("textbox", { name: "IP whitelist" }));
    await userEvent.paste();
    await el.updateComplete;
    const errors = [
      '"10.0.0.1/33": prefix length out of range: at most 32.',
      '"1.2.3.04": IPv4 field has octet with leading zero (octal forms are not allowed).',
      '"::ffff:0:0/64": IPv4-mapped range shorter than /96 would cover native IPv6 addresses; write it as an IPv4 range or use a prefix of /96 or longer.',
    ];
    expect($$(el, "#whitelist-error li")).toEqual(errors);
    expect(whitelist(el).getAttribute("aria-invalid")).toBe("true");
    for (const error of errors) expect(described(el, whitelist(el))).toContain(error);
    expect($$(el, '[part~="entry"]')[1]).toBe(
      '"::ffff:10.1.0.0/112": enforced as 10.1.0.0/16 (IPv4-mapped, enforced as the IPv4 rule 10.1.0.0/16; already covered by 10.0.0.0/8 (entry 1)).',
    );
    expect($$(el, '[part~="summary"]')[0]).toBe(
      "Allowed: 16,777,216 IPv4 addresses; no IPv6 client. 3 invalid entries are not counted; the key cannot be saved until they are fixed.",
    );
    // The element is invalid with the first reason; the form does not submit.
    expect(el.validity.customError).toBe(true);
    expect(el.validationMessage).toBe(errors[0]);
    expect(el.closest("form")!.checkValidity()).toBe(false);
  });
});

describe("Default Sender", () => {
  it("with senders it is a choice among them; a value outside them is an error", async () => {
    const el = await mount(
      `<septet-key-settings senders='["Shop","Promo"]' value='{"name":"shop","defaultSender":"Other","ipWhitelist":["0.0.0.0/0"]}'></septet-key-settings>`,
    );
    const select = page.getByRole("combobox", { name: "Default Sender" });
    const control = $<HTMLSelectElement>(el, "#sender");
    expect(control.value).toBe("Other");
    expect(control.getAttribute("aria-invalid")).toBe("true");
    expect(described(el, control)).toContain(
      `"Other" is not one of the account's activated senders (Shop, Promo).`,
    );
    expect(el.validationMessage).toBe(`"Other" is not one of the account's activated senders (Shop, Promo).`);
    await userEvent.selectOptions(select, "Shop");
    await el.updateComplete;
    expect(control.getAttribute("aria-invalid")).toBe("false");
    expect(el.issues).toEqual([]);
    expect(el.validity.valid).toBe(true);
    expect(el.config).toMatchObject({ defaultSender: "Shop", senders: ["Shop", "Promo"] });
  });

  it("without senders it is typed and checked as a sender ID", async () => {
    const el = await mount(`<septet-key-settings value='{"name":"shop"}'></septet-key-settings>`);
    await userEvent.type(page.getByRole("textbox", { name: "Default Sender" }), "TooLongSender");
    await el.updateComplete;
    expect($$(el, "#sender-error li")).toEqual([
      '"TooLongSender" is not a sender ID: an alphanumeric sender has at most 11 GSM characters (an extension character counts 2).',
    ]);
  });
});

describe("Delivery Report Webhook", () => {
  it("refuses a private URL with DeliveryReport's reason, then shows the signed callback", async () => {
    const el = await mount(
      `<septet-key-settings value='{"name":"shop","defaultSender":"Shop"}'></septet-key-settings>`,
    );
    const input = page.getByRole("textbox", { name: "Delivery Report Webhook" });
    await userEvent.type(input, "https://192.168.1.10/dlr");
    await el.updateComplete;
    expect($$(el, "#dlr-error li")).toEqual([
      '"https://192.168.1.10/dlr": the host 192.168.1.10 is in a special-purpose block: Private-Use, RFC 1918.',
    ]);
    expect($(el, "#dlr-url").getAttribute("aria-invalid")).toBe("true");
    await userEvent.clear(input);
    await userEvent.type(input, "https://shop.example/dlr");
    await expect.poll(() => $(el, '[part~="callback"]').textContent).toContain("X-Messente-Signature: ");
    const shown = $(el, '[part~="callback"]').textContent!;
    const [head, body] = shown.split("\n\n") as [string, string];
    expect(head.split("\n")[0]).toBe("POST https://shop.example/dlr");
    const signature = head.split("X-Messente-Signature: ")[1]!;
    // The signature is the one a receiver verifies with the test secret.
    expect(await Effect.runPromise(DeliveryReport.verify("test-secret", body, signature))).toEqual({
      secretIndex: 0,
    });
    expect(JSON.parse(body)).toMatchObject({ status: "DELIVRD", sender: "Shop" });
  });
});

describe("Auto-Replace", () => {
  it("ON: the table editor shows each makeTable issue on its row; the sample updates live", async () => {
    const el = await mount(
      `<septet-key-settings value='{"name":"shop","autoReplace":"off"}'></septet-key-settings>`,
    );
    expect(el.shadowRoot!.querySelector('[part~="rows"]')).toBeNull();
    await userEvent.click(page.getByRole("radio", { name: /^On/ }));
    await el.updateComplete;
    await userEvent.click(page.getByRole("button", { name: "Add a replacement" }));
    // Focus moved to the new row's first field: type, tab, type.
    await userEvent.keyboard("“");
    await userEvent.tab();
    await userEvent.keyboard('"');
    await userEvent.click(page.getByRole("button", { name: "Add a replacement" }));
    await userEvent.keyboard("“");
    await userEvent.tab();
    await userEvent.keyboard("'");
    await el.updateComplete;
    expect($$(el, "#row-error-0 li")).toEqual([]);
    expect($$(el, "#row-error-1 li")).toEqual([
      'Row 2 ("“" → "\'"): key "“" is also entry [0] with a different value.',
    ]);
    const second = page.getByRole("textbox", { name: "With, row 2" });
    expect(second.element().getAttribute("aria-invalid")).toBe("true");
    expect(el.validity.customError).toBe(true);
    // Fix the row: the issue goes; the sample message sends the replacement.
    await userEvent.clear(page.getByRole("textbox", { name: "Replace, row 2" }));
    await userEvent.type(page.getByRole("textbox", { name: "Replace, row 2" }), "”");
    await userEvent.clear(second);
    await userEvent.type(second, '"');
    await el.updateComplete;
    expect(el.issues).toEqual([]);
    expect(el.config.replacementTable).toEqual([
      ["“", '"'],
      ["”", '"'],
    ]);
    const sample = $<HTMLElement & { outgoing: string; updateComplete: Promise<boolean>; pending: boolean }>(
      el,
      "septet-composer",
    );
    await expect.poll(() => sample.pending).toBe(false);
    expect(sample.outgoing).toBe('Hello "friend" — naïve café’s 5€ offer, see you at 5…');
    // FULL: the sample goes GSM-7 (its counts update in the composer).
    await userEvent.click(page.getByRole("radio", { name: /^Full/ }));
    await expect.poll(() => sample.outgoing).toBe('Hello "friend" - naive café\'s 5€ offer, see you at 5...');
  });

  it("loads the sample's <septet-composer> on first render; it keeps what was set before", async () => {
    const el = await mount(
      `<septet-key-settings value='{"name":"shop","autoReplace":"full"}' sample="“Hi” — café"></septet-key-settings>`,
    );
    await customElements.whenDefined("septet-composer");
    const sample = $<HTMLElement & { outgoing: string; mode: string; pending: boolean }>(
      el,
      "septet-composer",
    );
    expect(sample).toBeInstanceOf(customElements.get("septet-composer")!);
    await expect.poll(() => sample.pending).toBe(false);
    expect(sample.mode).toBe("full");
    expect(sample.outgoing).toBe('"Hi" - café');
  });
});

describe("what a request changes", () => {
  it("is Policy.resolve's table for the key as typed", async () => {
    const el = await mount(
      `<septet-key-settings value='{"name":"shop","ipWhitelist":["0.0.0.0/0"],"defaultSender":"Shop","dlrUrl":"https://shop.example/dlr"}'></septet-key-settings>`,
    );
    const rows = () => $$(el, '[part~="requests"] tbody tr');
    expect(rows()).toEqual([
      "without sender Shop the key (apiKey[defaultSender])",
      "sender: “Promo” Promo the request (payload[messages][0][sender])",
      "without autoconvert on the built-in default",
      "autoconvert: “full” full the request (payload[messages][0][autoconvert])",
      "without dlr_url https://shop.example/dlr the key (apiKey[dlrUrl])",
      "dlr_url: “https://example.com/dlr” https://example.com/dlr the request (payload[dlr_url])",
    ]);
    await userEvent.clear(page.getByRole("textbox", { name: "Default Sender" }));
    await el.updateComplete;
    expect(rows()[0]).toBe(
      "without sender refused: 106 Missing data (no sender in the request and no default sender on the key) payload[messages][0][sender]",
    );
  });
});

describe("as a form control", () => {
  it("submits the config under its name, fires septet-key-change, and reset restores the value", async () => {
    const initial = '{"name":"shop","ipWhitelist":["127.0.0.1"],"defaultSender":"Shop"}';
    const el = await mount(
      `<form><septet-key-settings name="key" value='${initial}'></septet-key-settings><button>Save</button><button type="reset">Reset</button></form>`,
    );
    const form = el.closest("form")!;
    const events: Array<SeptetKeyChangeEvent> = [];
    el.addEventListener("septet-key-change", (e) => events.push(e));
    expect(JSON.parse(new FormData(form).get("key") as string)).toEqual(JSON.parse(initial));

    const name = page.getByRole("textbox", { name: "Name" });
    await userEvent.clear(name);
    await el.updateComplete;
    expect(events.at(-1)?.detail).toMatchObject({ valid: false, config: { name: "" } });
    expect(events.at(-1)?.detail.issues.map((i) => i.pointer)).toEqual(["/name"]);
    expect($(el, "#name").getAttribute("aria-invalid")).toBe("true");
    expect(described(el, $(el, "#name"))).toBe("Required; at most 200 characters. | Name is required.");
    // reportValidity() takes a keyboard user to the field of the first issue.
    $<HTMLInputElement>(el, "#whitelist").focus();
    expect(el.reportValidity()).toBe(false);
    expect(el.shadowRoot!.activeElement?.id).toBe("name");
    await userEvent.type(name, "shop 2");
    await el.updateComplete;
    expect(JSON.parse(new FormData(form).get("key") as string).name).toBe("shop 2");

    await userEvent.click(page.getByRole("button", { name: "Reset" }));
    await el.updateComplete;
    expect(JSON.parse(el.value)).toEqual(JSON.parse(initial));
    expect($<HTMLInputElement>(el, "#name").value).toBe("shop");
  });

  it("takes localised labels, and a disabled element is not submitted", async () => {
    const el = await mount(
      `<form><septet-key-settings name="key" value='{"name":"k"}'></septet-key-settings></form>`,
    );
    el.strings = { name: "Nimi", whitelist: "Lubatud IP-aadressid" };
    await el.updateComplete;
    await expect.element(page.getByRole("textbox", { name: "Nimi" })).toBeVisible();
    await expect.element(page.getByRole("textbox", { name: "Lubatud IP-aadressid" })).toBeVisible();
    const form = el.closest("form")!;
    expect(new FormData(form).has("key")).toBe(true);
    el.disabled = true;
    await el.updateComplete;
    expect(new FormData(form).has("key")).toBe(false);
    expect($<HTMLInputElement>(el, "#name").matches(":disabled")).toBe(true);
  });

  it("keeps fields it does not edit, and says when the value is not JSON", async () => {
    const el = await mount(`<septet-key-settings value='{"name":"k","note":"kept"}'></septet-key-settings>`);
    expect(el.config).toMatchObject({ note: "kept" });
    el.value = "{not json";
    await el.updateComplete;
    expect(el.validationMessage).toMatch(/^The settings could not be read: /);
    expect(el.value).toBe("{not json");
  });

  it("is usable with the keyboard alone, in reading order", async () => {
    const el = await mount(
      `<septet-key-settings value='{"name":"k","autoReplace":"on"}'></septet-key-settings>`,
    );
    // The sample (last in the order) is focusable once its lazy chunk has defined it.
    await customElements.whenDefined("septet-composer");
    await userEvent.click(page.getByRole("textbox", { name: "Name" }));
    const order: Array<string> = [];
    for (let i = 0; i < 6; i++) {
      await userEvent.tab();
      const active = el.shadowRoot!.activeElement as HTMLElement | null;
      order.push(active?.id || active?.getAttribute("part") || active?.getAttribute("type") || "");
    }
    expect(order).toEqual(["whitelist", "test-address", "sender", "radio", "add-row", "sample"]);
    // Arrow keys move between the modes.
    await userEvent.click(page.getByRole("radio", { name: /^On/ }));
    await userEvent.keyboard("{ArrowRight}");
    await el.updateComplete;
    expect(el.config.autoReplace).toBe("full");
  });

  it("has no axe violations, light and dark, valid and invalid", async () => {
    const el = await mount(
      `<septet-key-settings senders='["Shop"]' value='{"name":"k","ipWhitelist":["10.0.0.1/33","123.123.123.1/24"],"defaultSender":"Other","autoReplace":"on","replacementTable":[["","x"]],"dlrUrl":"https://10.0.0.1/x"}'></septet-key-settings>`,
    );
    await expect
      .poll(() => el.shadowRoot!.querySelector("septet-composer")?.hasAttribute("data-invalid") !== undefined)
      .toBe(true);
    expect(await violations(document.body)).toEqual([]);
    // Dark: the page declares its scheme, the element and its sample follow.
    document.documentElement.style.colorScheme = "dark";
    document.body.style.background = "#0d1117";
    await el.updateComplete;
    expect(getComputedStyle($(el, "#name")).color).toBe("rgb(230, 237, 243)");
    expect(await violations(document.body)).toEqual([]);
    document.documentElement.style.colorScheme = "";
    document.body.style.background = "";
  });
});
