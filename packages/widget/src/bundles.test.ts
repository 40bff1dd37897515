// The shipped files, as a page gets them: each drop-in build (the entry with its lazy chunks, and
// the all-in-one file) loaded by one <script type="module"> in a frame of its own, then typed
// into. The other tests run the sources; these catch what only the build can break (minified
// names, chunk loading). `npm test` builds the widget first (root script `test:all`).
import { describe, expect, it } from "vitest";
import { commands } from "vitest/browser";
import type { SeptetMeasureDetail } from "./composer/events.js";

declare module "vitest/browser" {
  interface BrowserCommands {
    /** The origin of the demo's static server (scripts/demo.mjs), started by vitest.config.ts. */
    widgetServer: () => Promise<string>;
  }
}

const BUNDLES = ["septet-composer.js", "septet-composer.all.js"] as const;

/** A frame whose page loads one bundle; resolves once the element is defined there. */
const pageWith = async (bundle: string): Promise<Window> => {
  const origin = await commands.widgetServer();
  const frame = document.createElement("iframe");
  frame.srcdoc = `<!doctype html><html lang="en"><body><script type="module" src="${origin}/dist/${bundle}"></script></body></html>`;
  const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
  document.body.append(frame);
  await loaded;
  const w = frame.contentWindow!;
  await Promise.race([
    w.customElements.whenDefined("septet-composer"),
    new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`${bundle} did not define <septet-composer> (run the build)`)), 5000),
    ),
  ]);
  return w;
};

/** Types `text` into a new composer with `attributes` and returns the settled measurement. */
const typeInto = async (
  w: Window,
  attributes: Record<string, string>,
  text: string,
): Promise<SeptetMeasureDetail> => {
  const el = w.document.createElement("septet-composer");
  for (const [name, value] of Object.entries(attributes)) el.setAttribute(name, value);
  w.document.body.append(el);
  await (el as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  const settled = new Promise<SeptetMeasureDetail>((resolve) =>
    el.addEventListener("septet-measure", (e) => {
      const detail = (e as CustomEvent<SeptetMeasureDetail>).detail;
      if (!detail.pending && detail.value === text) resolve(detail);
    }),
  );
  const textarea = el.shadowRoot!.querySelector("textarea")!;
  textarea.focus();
  textarea.value = text;
  // The frame's own InputEvent, as its page would fire it.
  const FrameInputEvent = (w as Window & typeof globalThis).InputEvent;
  textarea.dispatchEvent(
    new FrameInputEvent("input", { bubbles: true, composed: true, inputType: "insertText" }),
  );
  return settled;
};

describe.each(BUNDLES)("the built %s", (bundle) => {
  it("leaves out Sms.measure's Node-only pass (core's browser field)", async () => {
    const source = await (await fetch(`${await commands.widgetServer()}/dist/${bundle}`)).text();
    expect(source).toMatch(/customElements\.define\("septet-composer"/);
    expect(source).not.toMatch(/\bBuffer\b|utf16le/);
  });

  it("replaces under FULL and counts the result (replacement engine loaded)", async () => {
    const w = await pageWith(bundle);
    const d = await typeInto(w, { mode: "full" }, "Brontë’s “Jane Eyre” – 5 €");
    expect(d.outgoing).toBe(`Bronte's "Jane Eyre" - 5 €`);
    expect(d.before.encoding).toBe("UCS-2");
    expect(d.measurement).toMatchObject({ encoding: "GSM-7", units: 27, segments: 1 });
    expect(d.replacements.map((c) => c.original)).toEqual(["ë", "’", "“", "”", "–"]);
  });

  it("counts Turkish with the national tables (language tables loaded)", async () => {
    const w = await pageWith(bundle);
    const d = await typeInto(w, { mode: "off", languages: "turkish" }, "Şişli'de buluşalım mı?");
    expect(d.measurement).toMatchObject({ encoding: "GSM-7", lockingShift: "Turkish", segments: 1 });
    const el = w.document.querySelector("septet-composer")!;
    expect(el.shadowRoot!.querySelector("[part~=counter]")!.textContent).toMatch(/GSM-7/);
  });
});

describe("the built septet-key-settings.js", () => {
  it("defines the element, explains the whitelist and signs the example callback", async () => {
    const origin = await commands.widgetServer();
    const frame = document.createElement("iframe");
    frame.srcdoc = `<!doctype html><html lang="en"><body><script type="module" src="${origin}/dist/septet-key-settings.js"></script></body></html>`;
    const loaded = new Promise((resolve) => frame.addEventListener("load", resolve, { once: true }));
    document.body.append(frame);
    await loaded;
    const w = frame.contentWindow!;
    await Promise.race([
      w.customElements.whenDefined("septet-key-settings"),
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error("septet-key-settings.js did not define its element (run the build)")),
          5000,
        ),
      ),
    ]);
    const el = w.document.createElement("septet-key-settings") as HTMLElement & {
      updateComplete: Promise<unknown>;
      issues: ReadonlyArray<unknown>;
    };
    el.setAttribute(
      "value",
      JSON.stringify({
        name: "shop",
        ipWhitelist: ["123.123.123.1/24", "1.2.3.04"],
        defaultSender: "Shop",
        dlrUrl: "https://shop.example/dlr",
      }),
    );
    w.document.body.append(el);
    await el.updateComplete;
    const root = el.shadowRoot!;
    expect(root.querySelector('[part~="entry"]')!.textContent).toBe(
      '"123.123.123.1/24": enforced as 123.123.123.0/24 (host bits cleared).',
    );
    expect(el.issues).toHaveLength(1);
    await expect
      .poll(() => root.querySelector('[part~="callback"]')!.textContent)
      .toMatch(/X-Messente-Signature: [0-9a-f]{64}/);
    // The minified styles still resolve the shared tokens (renamed private properties).
    const error = root.querySelector('[part~="error"]:not([hidden])')!;
    expect(w.getComputedStyle(error).color).toBe("rgb(179, 38, 30)");
    frame.remove();
  });
});
