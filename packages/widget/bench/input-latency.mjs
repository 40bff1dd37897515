// Input latency of <septet-composer> in Chromium: the time from an `input` event on its textarea
// to the updated count in the DOM (Lit update done), and to the page laid out again (forced
// layout after the update), at 160, 1,600 and 10,000 characters, in OFF and FULL mode.
//
// Drives the built drop-in bundle on the demo server with Playwright and the OS Chromium:
//   npx pnpm@12.4.2 --filter "@septet/widget..." run build
//   npx pnpm@12.4.2 --filter @septet/widget run bench
// Options: RUNS=200 (samples per cell), CHROMIUM_PATH=/usr/bin/chromium.
import { existsSync } from "node:fs";
import { chromium } from "playwright";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";
import { serve } from "../../../scripts/serve-demo.mjs";

if (!existsSync(new URL("../dist/septet-composer.js", import.meta.url))) {
  console.error(
    'dist/septet-composer.js is missing: run `pnpm --filter "@septet/widget..." run build` first.',
  );
  process.exit(1);
}

const runs = Number(process.env.RUNS) || 200;
const { server, url } = await serve({ port: 0 });
const browser = await chromium.launch({
  executablePath: chromiumPath,
  args: chromiumArgs,
});

try {
  const page = await browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.goto(url);
  await page.waitForFunction(() => customElements.get("septet-composer") !== undefined);
  const results = await page.evaluate(async (runs) => {
    const gsm = "Your appointment is confirmed for Tuesday at 10:30. Reply YES to confirm, NO to cancel. ";
    const mixed = "Don’t miss it – 50% off “Crème brûlée”… Привет, Ольга! Good news for you today. ";
    const texts = { "GSM-7 text": gsm, "mixed text (curly quotes, dashes, Cyrillic)": mixed };
    const host = document.createElement("div");
    document.body.prepend(host);
    const settle = async (el) => {
      await el.updateComplete;
      while (el.pending) await new Promise((r) => setTimeout(r, 5));
      await el.updateComplete;
    };
    const stats = (samples) => {
      const sorted = [...samples].sort((a, b) => a - b);
      const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
      return { median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
    };
    const rows = [];
    // Baseline: a plain <textarea> of the same size, same input, forced layout after it.
    for (const [label, unit] of Object.entries(texts)) {
      for (const size of [160, 1600, 10000]) {
        host.innerHTML = `<textarea style="display:block;width:100%;box-sizing:border-box;height:8.5rem"></textarea>`;
        const textarea = host.firstElementChild;
        const base = unit.repeat(Math.ceil(size / unit.length)).slice(0, size - 1);
        const layout = [];
        for (let i = 0; i < runs + 10; i++) {
          textarea.value = base + (i % 2 === 0 ? "b" : "a");
          const t0 = performance.now();
          textarea.dispatchEvent(new InputEvent("input", { bubbles: true, inputType: "insertText" }));
          textarea.scrollTop;
          document.body.offsetHeight;
          if (i >= 10) layout.push(performance.now() - t0);
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
        }
        rows.push({
          mode: "plain <textarea>",
          label,
          size,
          segments: "–",
          encoding: "–",
          dom: stats(layout),
          layout: stats(layout),
        });
      }
    }
    for (const mode of ["off", "full"]) {
      for (const [label, unit] of Object.entries(texts)) {
        for (const size of [160, 1600, 10000]) {
          host.innerHTML = `<septet-composer label="Bench" mode="${mode}"></septet-composer>`;
          const el = host.firstElementChild;
          await settle(el);
          const textarea = el.shadowRoot.querySelector("textarea");
          const base = unit.repeat(Math.ceil(size / unit.length)).slice(0, size - 1);
          el.value = `${base}a`;
          await settle(el);
          const dom = [];
          const layout = [];
          for (let i = 0; i < runs + 10; i++) {
            textarea.value = base + (i % 2 === 0 ? "b" : "a");
            const t0 = performance.now();
            textarea.dispatchEvent(
              new InputEvent("input", { bubbles: true, composed: true, inputType: "insertText" }),
            );
            await el.updateComplete;
            const t1 = performance.now();
            el.shadowRoot.querySelector('[part~="counter"]').getBoundingClientRect();
            document.body.offsetHeight;
            const t2 = performance.now();
            if (i >= 10) {
              dom.push(t1 - t0);
              layout.push(t2 - t0);
            }
            await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
          }
          const m = el.measurement;
          rows.push({
            mode,
            label,
            size,
            segments: m.segments,
            encoding: m.encoding,
            dom: stats(dom),
            layout: stats(layout),
          });
        }
      }
    }
    host.remove();
    return rows;
  }, runs);

  // Long pastes: a keystroke at the end of 1 MB of bidi controls and zero-width characters and of
  // 10 MB of plain text, from keydown to the first task after the next frame, in a plain
  // <textarea> (the floor: the browser's own editing) and in the element; then the time until
  // the element's counts of the new text are shown (it waits for a pause in typing).
  const longRuns = Number(process.env.LONG_RUNS) || 5;
  const long = await page.evaluate(async (runs) => {
    const line = "The quick brown fox jumps over the lazy dog. 0123456789\n";
    const texts = {
      "1 MB of bidi controls and zero-width characters": "\u202e\u200b\u2067x\u2069\u200d"
        .repeat(1 << 20)
        .slice(0, 1 << 20),
      "10 MB of plain text (lines of 56)": line.repeat(Math.ceil(1e7 / line.length)).slice(0, 1e7),
    };
    const settle = async (el) => {
      await el.updateComplete;
      while (el.pending) await new Promise((r) => setTimeout(r, 5));
      await el.updateComplete;
    };
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    // A keystroke as the browser delivers it: keydown, the edit, input (as a person typing).
    const press = (area) =>
      new Promise((resolve) => {
        const t0 = performance.now();
        area.dispatchEvent(new KeyboardEvent("keydown", { key: "x", bubbles: true, composed: true }));
        area.setRangeText("x", area.value.length, area.value.length, "end");
        area.dispatchEvent(
          new InputEvent("input", { bubbles: true, composed: true, inputType: "insertText", data: "x" }),
        );
        requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0)));
      });
    const rows = [];
    for (const [label, text] of Object.entries(texts)) {
      document.body.innerHTML = "<textarea style='width:40rem;height:10rem'></textarea>";
      const plain = document.querySelector("textarea");
      plain.value = text;
      plain.focus();
      const floor = [];
      for (let i = 0; i < runs; i++) floor.push(await press(plain));
      document.body.innerHTML = `<septet-composer label="Bench" mode="full" style="width:40rem"></septet-composer>`;
      const el = document.querySelector("septet-composer");
      el.value = text;
      await settle(el);
      const area = el.shadowRoot.querySelector("textarea");
      area.focus();
      const key = [];
      const counted = [];
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        key.push(await press(area));
        await settle(el);
        counted.push(performance.now() - t0);
      }
      rows.push({ label, floor: median(floor), key: median(key), counted: median(counted) });
    }
    document.body.replaceChildren();
    return rows;
  }, longRuns);

  const ms = (n) => n.toFixed(1);
  const load = (await import("node:os")).loadavg()[0].toFixed(1);
  console.log(
    `Chromium ${browser.version()}, ${runs} samples per row (after 10 warm-up inputs), ${(await import("node:os")).cpus().length} CPUs, load average ${load} at the end\n`,
  );
  console.log(
    "| mode | text | characters | result | input → count in DOM, median / p95 | input → laid out, median / p95 |",
  );
  console.log("| --- | --- | ---: | --- | ---: | ---: |");
  for (const r of results) {
    console.log(
      `| ${r.mode.startsWith("plain") ? r.mode : r.mode.toUpperCase()} | ${r.label} | ${r.size.toLocaleString("en")} | ${r.encoding === "–" ? "–" : `${r.encoding}, ${r.segments} seg`} | ${ms(r.dom.median)} / ${ms(r.dom.p95)} ms | ${ms(r.layout.median)} / ${ms(r.layout.p95)} ms |`,
    );
  }
  console.log(`\nLong pastes (FULL mode), median of ${longRuns} keystrokes at the end of the text:\n`);
  console.log(
    "| text | plain <textarea>: key → next frame | composer: key → next frame | composer: key → counts shown |",
  );
  console.log("| --- | ---: | ---: | ---: |");
  for (const r of long) {
    console.log(`| ${r.label} | ${ms(r.floor)} ms | ${ms(r.key)} ms | ${ms(r.counted)} ms |`);
  }
} finally {
  await browser.close();
  server.close();
}
