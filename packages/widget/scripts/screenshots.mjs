// Screenshots of the demo for the package README: light, dark, right-to-left (an Arabic page)
// and a 375 px wide phone, written to packages/widget/screenshots/*.png (committed).
//
//   npx pnpm@12.4.2 --filter "@septet/widget..." run build
//   npx pnpm@12.4.2 --filter @septet/widget run screenshots
//
// Uses the OS Chromium and the test launch flags (scripts/chromium.mjs). Emoji need a colour
// emoji font on the machine (Debian: `apt-get install -y fonts-noto-color-emoji`); without one
// they render as empty boxes, and the script says so.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync } from "node:fs";
import { chromium } from "playwright";
import { chromiumArgs, chromiumPath } from "../../../scripts/chromium.mjs";
import { serve } from "../../../scripts/serve-demo.mjs";

if (!existsSync(new URL("../dist/septet-composer.js", import.meta.url))) {
  console.error(
    'dist/septet-composer.js is missing: run `pnpm --filter "@septet/widget..." run build` first.',
  );
  process.exit(1);
}
let emojiFont = false;
try {
  emojiFont = execFileSync("fc-list", [":charset=1f44b"], { encoding: "utf8" }).trim() !== "";
} catch {
  // no fontconfig: cannot tell
}
if (!emojiFont)
  console.warn("No colour emoji font found (fonts-noto-color-emoji): emoji will show as boxes.");

const out = new URL("../screenshots/", import.meta.url);
mkdirSync(out, { recursive: true });

const ARABIC = "مرحبا بكم! الخصم ٥٠٪ على كل شيء اليوم فقط “عرض خاص” 👋";

/** name, viewport width, colour scheme, direction, the demo state to shoot */
const shots = [
  { name: "light", width: 960, scheme: "light", rtl: false, state: "full" },
  { name: "dark", width: 960, scheme: "dark", rtl: false, state: "full" },
  { name: "rtl", width: 960, scheme: "light", rtl: true, state: "off" },
  { name: "375px", width: 375, scheme: "light", rtl: false, state: "full" },
];

const { server, url } = await serve({ port: 0 });
const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
try {
  for (const shot of shots) {
    const page = await browser.newPage({
      viewport: { width: shot.width, height: 900 },
      colorScheme: shot.scheme,
      deviceScaleFactor: 1,
    });
    await page.goto(url);
    await page.waitForFunction(() => customElements.get("septet-composer") !== undefined);
    if (shot.rtl) {
      await page.evaluate(
        ({ state, text }) => {
          document.documentElement.dir = "rtl";
          document.documentElement.lang = "ar";
          const el = document.querySelector(`#${state} septet-composer`);
          el.label = "الرسالة";
          el.value = text;
        },
        { state: shot.state, text: ARABIC },
      );
    }
    // Every composer settled (lazy tables loaded), then no caret blinking in the picture.
    await page.evaluate(async () => {
      for (const el of document.querySelectorAll("septet-composer")) {
        await el.updateComplete;
        while (el.pending) await new Promise((r) => setTimeout(r, 10));
        await el.updateComplete;
      }
      await document.fonts.ready;
    });
    const path = new URL(`${shot.name}.png`, out);
    await page
      .locator(`#${shot.state}`)
      .screenshot({ path: path.pathname, animations: "disabled", caret: "hide" });
    console.log(`screenshots/${shot.name}.png`);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
