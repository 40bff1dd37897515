// Which Chromium septet's browser tests and benchmarks start, and with which flags.
//
// `findChromium` looks, in order, at CHROMIUM_PATH, the distribution's package on PATH (`chromium`,
// `chromium-browser`) and Playwright's own download (`npx playwright install chromium`). It only
// looks; scripts/provision-chromium.mjs installs one when nothing is found.
import { existsSync } from "node:fs";
import { delimiter, join } from "node:path";
import { chromium } from "playwright";

/** Names the distributions give their Chromium package's executable. */
export const distributionNames = ["chromium", "chromium-browser"];

/**
 * The Chromium to use, or `undefined`: `{ path, source }`. An explicit CHROMIUM_PATH is the only
 * candidate when set (a wrong one is reported, not silently replaced by another browser).
 * Everything it reads is a parameter so tests can describe any machine.
 */
export const findChromium = ({
  env = process.env,
  exists = existsSync,
  playwrightPath = chromium.executablePath(),
} = {}) => {
  if (env.CHROMIUM_PATH) {
    return exists(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, source: "CHROMIUM_PATH" } : undefined;
  }
  for (const dir of (env.PATH ?? "").split(delimiter)) {
    if (dir === "") continue;
    for (const name of distributionNames) {
      const path = join(dir, name);
      if (exists(path)) return { path, source: "distribution package" };
    }
  }
  if (playwrightPath && exists(playwrightPath))
    return { path: playwrightPath, source: "Playwright download" };
  return undefined;
};

/** The Chromium found on this machine; undefined until one is installed. */
export const chromiumPath = findChromium()?.path;

// Headless, with the network-chatty features off so it does not reach for hosts a closed network
// refuses; no sandbox, because CI containers run as root.
export const chromiumArgs = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];
