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

describe("typing in a long text", () => {
  // 10,000 characters, one in five forcing UCS-2: far more runs of marks than are in view.
  const mixed = "Don’t miss it – 50% off “Crème brûlée”… Привет, Ольга! Good news for you today. ";
  const LONG_MIXED = mixed.repeat(Math.ceil(10_000 / mixed.length)).slice(0, 10_000);

  /** The painted ranges of `el`, with their boxes. */
  const rangesOf = (el: SeptetComposer) => {
    const layer = shadow(el).querySelector('[part~="highlights"]')!;
    return [...(CSS.highlights.get("septet-ucs2") ?? [])]
      .filter((range) => layer.contains(range.startContainer))
      .map((range) => {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        return {
          node: range.startContainer,
          start: range.startOffset,
          end: range.endOffset,
          box: live.getBoundingClientRect(),
        };
      });
  };

  /** The runs of characters that force UCS-2 in `value` (outside GSM-7 and its extension). */
  const forcedRuns = (value: string): Array<[number, number]> => {
    const gsm =
      "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà^{}\\[~]|€\f";
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < value.length; i++) {
      if (gsm.includes(value[i]!)) continue;
      if (runs.at(-1)?.[1] === i) runs.at(-1)![1] = i + 1;
      else runs.push([i, i + 1]);
    }
    return runs;
  };

  /**
   * Checks what a person sees in the textarea's box: every run of forced characters whose
   * characters are in view is painted, and each painted run in view sits over the same characters
   * of the textarea (the textarea's caret position under the run's first character is its start).
   */
  const expectMarksInView = (el: SeptetComposer) => {
    const area = textarea(el);
    const view = area.getBoundingClientRect();
    const painted = rangesOf(el);
    const inView = painted.filter(({ box }) => box.bottom > view.top + 1 && box.top < view.bottom - 1);
    // Only what is near the view is painted, not every run of the text.
    expect(painted.length).toBeLessThan(forcedRuns(el.value).length);
    expect(inView.length).toBeGreaterThan(10);
    for (const { start, end, box } of painted) {
      expect(forcedRuns(el.value)).toContainEqual([start, end]);
      expect(box.bottom).toBeGreaterThan(view.top - 2 * view.height);
      expect(box.top).toBeLessThan(view.bottom + 2 * view.height);
    }
    // Every run whose characters are in view is painted (boxes of the runs in the layer's text).
    const layerNode = painted[0]!.node;
    const probe = document.createRange();
    const visible = forcedRuns(el.value).filter(([start, end]) => {
      probe.setStart(layerNode, start);
      probe.setEnd(layerNode, end);
      const box = probe.getBoundingClientRect();
      return box.bottom > view.top + 1 && box.top < view.bottom - 1;
    });
    expect(visible.length).toBeGreaterThan(10);
    expect(inView.map(({ start, end }) => [start, end])).toEqual(visible);
    // Where the textarea shows the same characters.
    const whole = inView.filter(({ box }) => box.top > view.top + 4 && box.bottom < view.bottom - 4);
    expect(whole.length).toBeGreaterThan(10);
    for (const { start, box } of whole) {
      const caret = document.caretPositionFromPoint(box.left + 1, box.top + box.height / 2, {
        shadowRoots: [shadow(el)],
      });
      expect(caret?.offsetNode).toBe(area);
      expect(caret?.offset).toBe(start);
    }
  };

  it("paints the marks in view over their characters, and those scrolled to", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="off"></septet-composer>`);
    el.value = LONG_MIXED;
    await settle(el);
    const area = textarea(el);
    await expect.poll(() => rangesOf(el).length).toBeGreaterThan(0);
    expectMarksInView(el);

    // Scrolled to the middle and to the end, as a person scrolls.
    for (const to of [area.scrollHeight / 2, area.scrollHeight]) {
      area.scrollTop = to;
      await new Promise((resolve) => area.addEventListener("scroll", resolve, { once: true }));
      await new Promise(requestAnimationFrame);
      expect(shadow(el).querySelector<HTMLElement>('[part~="highlights"]')!.scrollTop).toBe(area.scrollTop);
      expectMarksInView(el);
    }

    // A taller textarea shows more lines, and they are marked too.
    area.scrollTop = 0;
    await new Promise((resolve) => area.addEventListener("scroll", resolve, { once: true }));
    area.style.height = `${area.offsetHeight * 4}px`;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    expectMarksInView(el);
  });

  it("shows the counts at once and the list, preview and segment view a frame later, right", async () => {
    const { el } = await mount(`<septet-composer label="Message" mode="full"></septet-composer>`);
    await paste(el, LONG_MIXED);
    await settle(el);
    textarea(el).setSelectionRange(20, 20);
    // A key that adds a character FULL cannot replace, near the start of the text.
    await userEvent.keyboard("☃");
    await el.updateComplete;
    expect(el.value).toBe(`${LONG_MIXED.slice(0, 20)}☃${LONG_MIXED.slice(20)}`);
    // The counts are the new text's in the same update.
    expect(el.measurement?.encoding).toBe("UCS-2");
    expect(text(el, "segments")).toBe(`${el.measurement!.segments} segments`);
    expect(text(el, "units")).toBe(`${el.measurement!.units} UTF-16 units`);
    // The rest follows: the list says what still forces UCS-2, the preview and the segment view
    // describe the new outgoing text.
    await expect.poll(() => text(el, "forced")).toBe("1 emoji · no GSM-7 equivalent positions 21");
    expect(text(el, "cost")).toMatch(
      new RegExp(
        `→ ${el.measurement!.segments} segments UCS-2 · ${el.replacementsMade.length} replacements$`,
      ),
    );
    // The preview's first part: the outgoing text (an empty mark stands for a removed character).
    const first = shadow(el).querySelector('[part~="preview"] .segment')!.cloneNode(true) as Element;
    for (const extra of first.querySelectorAll('[part~="boundary"], [data-empty]')) extra.remove();
    expect(first.textContent).toBe(
      el.outgoing.slice(el.measurement!.parts[0]!.start, el.measurement!.parts[0]!.end),
    );
    expect(first.textContent).toContain(`${el.outgoing.slice(0, 20)}☃`);
    const parts = shadow(el).querySelectorAll('[part~="part"]');
    expect(parts).toHaveLength(Math.min(el.measurement!.parts.length, 100) + 1); // and "… more parts"
    expect(parts[0]!.querySelector(".fill")?.textContent).toBe(
      `${el.measurement!.parts[0]!.units} / ${el.measurement!.parts[0]!.capacity}`,
    );
    expectMarksInView(el);
  });
});
