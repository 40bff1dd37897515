// From the element to a gateway: a person fills in the settings, the element's value goes into
// examples/gateway's config (in Node, through the `gatewayReplay` command), and every decision
// the element showed (the address tester, the "what a request changes" table) is the decision
// the gateway takes for the same request.
import { afterEach, expect, it } from "vitest";
import { commands, page, userEvent } from "vitest/browser";
import type { Answer, Call } from "../test/gateway.js";
import type { SeptetKeySettings } from "./key-settings.component.js";
import "./septet-key-settings.js";

declare module "vitest/browser" {
  interface BrowserCommands {
    /** Starts examples/gateway with `key` and sends `calls` (vitest.config.ts). */
    gatewayReplay: (key: unknown, calls: ReadonlyArray<Call>) => Promise<ReadonlyArray<Answer>>;
  }
}

afterEach(() => {
  document.body.replaceChildren();
});

interface ShownRow {
  readonly setting: string;
  readonly outcome: string;
}

it("a gateway loaded with the element's value takes the decisions the element showed", async () => {
  document.body.innerHTML = `<septet-key-settings senders='["Shop","Promo"]'></septet-key-settings>`;
  const el = document.querySelector<SeptetKeySettings>("septet-key-settings")!;
  await el.updateComplete;
  await userEvent.type(page.getByRole("textbox", { name: "Name" }), "shop");
  await userEvent.type(page.getByRole("textbox", { name: "IP whitelist" }), "127.0.0.1");
  await userEvent.keyboard("{Enter}10.0.0.0/8");
  await userEvent.selectOptions(page.getByRole("combobox", { name: "Default Sender" }), "Shop");
  await userEvent.click(page.getByRole("radio", { name: /^Full/ }));
  await userEvent.type(
    page.getByRole("textbox", { name: "Delivery Report Webhook" }),
    "https://shop.example/dlr",
  );
  await el.updateComplete;
  expect(el.issues).toEqual([]);

  // What the element shows: the address tester for both loopback addresses, and the table.
  const tester = page.getByRole("textbox", { name: "Test an address" });
  const answer = async (address: string) => {
    await userEvent.clear(tester);
    await userEvent.type(tester, address);
    await el.updateComplete;
    return el.shadowRoot!.querySelector<HTMLElement>('[part~="answer"]')!.dataset.allowed;
  };
  const shownV4 = await answer("::ffff:127.0.0.1");
  const shownV6 = await answer("::1");
  expect([shownV4, shownV6]).toEqual(["true", "false"]);
  const shown: Array<ShownRow> = [
    ...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="requests"] tbody tr'),
  ].map((tr) => ({ setting: tr.dataset.setting!, outcome: tr.dataset.outcome! }));
  const cases = el.requestCases;
  expect(
    cases.map((c) => ({
      setting: c.setting,
      outcome: c.outcome._tag === "Applies" ? c.outcome.provenance : "refused",
    })),
  ).toEqual(shown);
  expect(shown).toHaveLength(6);

  // The same requests, sent to a gateway loaded with the element's value.
  const calls: Array<Call> = [
    ...cases.map((c) => ({ from: "127.0.0.1" as const, body: c.request })),
    { from: "::1", body: cases[0]!.request },
  ];
  const answers = await commands.gatewayReplay(JSON.parse(el.value), calls);

  cases.forEach((c, i) => {
    const got = answers[i]!;
    if (c.outcome._tag === "Refused") {
      expect(got.status).toBe(400);
      expect((got.body as { errors: Array<unknown> }).errors[0]).toEqual(c.outcome.error);
    } else {
      expect(got.status).toBe(201);
      const resolution = (got.body as { resolution: Record<string, unknown> }).resolution;
      expect(resolution[c.setting]).toEqual({
        value: c.outcome.value,
        provenance: c.outcome.provenance,
        field: c.outcome.field,
      });
    }
  });
  // The whitelist as the tester said: 127.0.0.1 (seen as ::ffff:127.0.0.1) in, ::1 out.
  expect(answers.slice(0, -1).every((a) => a.status !== 403)).toBe(true);
  expect(answers.at(-1)).toMatchObject({ status: 403, body: { errors: [{ code: "102" }] } });
  // And FULL, as chosen, applied to the text the gateway sent.
  expect((answers[2]!.body as { resolution: { autoReplace: unknown } }).resolution.autoReplace).toEqual({
    value: "full",
    provenance: "apiKey",
    field: "apiKey[autoReplace]",
  });
});
