import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { page, userEvent } from "vitest/browser";
import { copy, mount, settle, shadow, text, textarea } from "../test/helpers.js";
import type { SeptetComposer } from "./composer.component.js";
import { MARK_WINDOW, MAX_MARK_RUNS } from "./marks.js";

beforeEach(async () => {
  await page.viewport(900, 900);
});

afterEach(() => {
  document.body.replaceChildren();
});

/** The characters under the element's painted highlight ranges, in order. */
const painted = (el: SeptetComposer): Array<string> => {
  const layer = shadow(el).querySelector('[part~="highlights"]')!;
  return [...(CSS.highlights.get("septet-ucs2") ?? [])]
    .filter((range) => layer.contains(range.startContainer))
    .map((range) => (range.startContainer as Text).data.slice(range.startOffset, range.endOffset));
};

/**
 * Presses `key` in the focused textarea and returns the milliseconds from the key going down to
 * the first frame painted after the element handled its `input` event (a task after the next
 * animation frame).
 */
const keystroke = async (el: HTMLElement, key: string, atFrame: () => unknown = () => undefined) => {
  let down = 0;
  const onKeyDown = () => {
    down = performance.now();
  };
  window.addEventListener("keydown", onKeyDown, { capture: true, once: true });
  const answered = new Promise<{ elapsed: number; seen: unknown }>((resolve) =>
    el.addEventListener(
      "input",
      () =>
        requestAnimationFrame(() =>
          setTimeout(() => resolve({ elapsed: performance.now() - down, seen: atFrame() })),
        ),
      { once: true },
    ),
  );
  await userEvent.keyboard(key);
  return answered;
};

/**
 * Submits `form` for real (GET, into an iframe) and returns the `text` field as the browser sent
 * it: the bytes a server receives, after the browser's own line-break normalisation.
 */
const submit = async (form: HTMLFormElement): Promise<string | null> => {
  const frame = document.createElement("iframe");
  frame.name = "sink";
  document.body.append(frame);
  form.method = "get";
  form.action = "/__septet-form-probe";
  form.target = "sink";
  form.requestSubmit();
  await expect.poll(() => frame.contentWindow?.location.search ?? "", { timeout: 5000 }).not.toBe("");
  return new URLSearchParams(frame.contentWindow!.location.search).get("text");
};

/** Pastes `content` at the end of the element's textarea, as a person would. */
const paste = async (el: SeptetComposer, content: string) => {
  await copy(content);
  await userEvent.click(textarea(el));
  textarea(el).setSelectionRange(textarea(el).value.length, textarea(el).value.length);
  await userEvent.paste();
};

/**
 * The same keystroke at the end of a plain `<textarea>` holding `content`: the browser's own
 * editing cost, the floor under the element's (on a loaded machine it alone can take seconds
 * at 10 MB).
 */
const floor = async (content: string, key: string): Promise<number> => {
  const plain = document.createElement("textarea");
  plain.style.cssText = "display:block;width:40rem;height:10rem";
  plain.value = content;
  document.body.append(plain);
  await userEvent.click(plain);
  plain.setSelectionRange(content.length, content.length);
  const { elapsed } = await keystroke(plain, key);
  plain.remove();
  return elapsed;
};

describe("long pastes", () => {
  // A bound far above what is measured (benchmarks/widget.md: the element answers in about the
  // time of a plain textarea) and far below the minutes the element took before the counts were
  // deferred and the marks bounded; relative to the floor measured in the same run, so a loaded
  // machine does not make it fail.
  const answeredWithin = (floorMs: number) => Math.max(3000, 5 * floorMs + 2000);

  it("answers the keystroke after a 10 MB paste at once, counts all of it after a pause, and cuts nothing", async () => {
    const line = "The quick brown fox jumps over the lazy dog. 0123456789\n";
    const big = line.repeat(Math.ceil(10_000_000 / line.length)).slice(0, 10_000_000);
    const floorMs = await floor(big, "!");
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    await paste(el, big);
    await settle(el);
    expect(el.value.length).toBe(10_000_000);

    // At the frame that shows the key, the counts wait for a pause in typing and say so.
    const { elapsed, seen } = await keystroke(el, "!", () => [el.pending, text(el, "refining")]);
    expect(elapsed).toBeLessThan(answeredWithin(floorMs));
    expect(seen).toEqual([true, "Counting…"]);
    await settle(el);
    const breaks = big.split("\n").length - 1;
    // Every line break counts as CR LF, as the form posts it.
    expect(el.measurement?.units).toBe(10_000_001 + breaks);
    expect(el.value).toBe(`${big}!`);
    expect(shadow(el).querySelectorAll('[part~="part"]')).toHaveLength(101); // 100 parts and "and … more parts"
    expect(text(el, "parts")).toMatch(/and [\d,]+ more parts$/);
  }, 240_000);

  it("answers the keystroke after 1 MB of bidi controls and zero-width characters, with the marks bounded and said so", async () => {
    const hostile = "\u202e\u200b\u2067x\u2069\u200d".repeat(1 << 20).slice(0, 1 << 20);
    const floorMs = await floor(hostile, "y");
    const { el } = await mount(`<septet-composer label="Message" mode="full"></septet-composer>`);
    await paste(el, hostile);
    await settle(el);
    expect(el.value.length).toBe(1 << 20);

    const { elapsed } = await keystroke(el, "y");
    expect(elapsed).toBeLessThan(answeredWithin(floorMs));
    await settle(el);
    expect(el.value).toBe(`${hostile}y`);
    // Marks: at most MAX_MARK_RUNS runs, all in the first MARK_WINDOW characters; the note says where they stop.
    await expect.poll(() => painted(el).length).toBeGreaterThan(0);
    const marks = painted(el);
    expect(marks.length).toBeLessThanOrEqual(MAX_MARK_RUNS);
    const layer = shadow(el).querySelector('[part~="highlights"]')!;
    expect(layer.textContent!.length).toBeLessThanOrEqual(MARK_WINDOW + 64);
    const note = text(el, "marks-note");
    expect(note).toMatch(/^Marks shown for the first [\d,]+ characters\.$/);
    await expect.element(page.getByText(note)).toBeVisible();
    // The preview is bounded the same way, and says so.
    expect(text(el, "window-note")).toBe(
      `Showing the first 10,000 of ${el.outgoing.length.toLocaleString("en")} characters.`,
    );
  }, 60_000);
});

describe("line breaks", () => {
  it.each([
    ["CR LF", "Zażółć\r\ngęślą\r\njaźń"],
    ["lone CR", "Zażółć\rgęślą\rjaźń"],
    ["LF", "Zażółć\ngęślą\njaźń"],
  ])(
    "with %s the marks cover exactly the forced characters and the count is the posted text's",
    async (_, input) => {
      const { el, root } = await mount(
        `<form><septet-composer name="text" label="Message" mode="off"></septet-composer></form>`,
      );
      el.value = input;
      await settle(el);
      // The value is held as the textarea holds it: LF.
      expect(el.value).toBe("Zażółć\ngęślą\njaźń");
      expect(textarea(el).value).toBe(el.value);
      await expect.poll(() => painted(el)).toEqual(["żółć", "ęśą".slice(0, 2), "ą", "źń"]);
      // Counted as posted: each line break is CR LF (2 units), and the form posts exactly that.
      const posted = "Zażółć\r\ngęślą\r\njaźń";
      expect(el.measurement?.units).toBe(posted.length);
      expect(await submit(root.querySelector("form")!)).toBe(posted);
    },
  );

  it("marks the right characters after line breaks typed by a person", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    await userEvent.type(textarea(el), "one{Enter}two “three”{Enter}€");
    await settle(el);
    await expect.poll(() => painted(el)).toEqual(["“", "”"]);
    expect(el.measurement?.units).toBe("one\r\ntwo “three”\r\n€".length);
  });
});
