// `npm test` runs this before the browser tests: it makes sure a Chromium is there, installing
// one the way the machine allows, and otherwise stops with two lines saying what to install.
//
//   node scripts/provision-chromium.mjs
//
// Order: a Chromium already there (scripts/chromium.mjs: CHROMIUM_PATH, the distribution's package,
// Playwright's download); else Playwright's installer (needs to reach Playwright's download
// servers; fails within seconds where it cannot); else, as root with apt-get, Debian's package.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, dirname, join } from "node:path";
import { createInterface } from "node:readline";
import { pathToFileURL } from "node:url";
import { findChromium } from "./chromium.mjs";

const require = createRequire(import.meta.url);
const playwrightPackage = require.resolve("playwright/package.json");
const playwrightCli = join(dirname(playwrightPackage), "cli.js");
const playwrightVersion = JSON.parse(readFileSync(playwrightPackage, "utf8")).version;

/** Is `name` an executable on `path` (a PATH string)? */
export const onPath = (name, path = process.env.PATH ?? "", exists = existsSync) =>
  path.split(delimiter).some((dir) => dir !== "" && exists(join(dir, name)));

/** Runs a command; true when it exited 0. Its output goes to the terminal (stderr kept for errors). */
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { stdio: "inherit", timeout: 15 * 60_000, ...options });
  return result.status === 0;
};

/** Playwright's installer: downloads its Chrome for Testing build into its cache. */
export const playwrightInstaller = {
  name: "Playwright's installer (npx playwright install chromium)",
  applies: () => true,
  install: () =>
    new Promise((resolve) => {
      const child = spawn(process.execPath, [playwrightCli, "install", "chromium"], {
        stdio: ["ignore", "pipe", "pipe"],
        timeout: 15 * 60_000,
      });
      // Its progress is shown as it comes; the indented stack frames and error fields it prints
      // for each failed attempt, and the retries' repeated lines, are not.
      const shown = new Set();
      for (const stream of [child.stdout, child.stderr]) {
        createInterface({ input: stream }).on("line", (line) => {
          if (/^\s|^}/.test(line) || shown.has(line)) return;
          shown.add(line);
          console.log(`  ${line}`);
        });
      }
      child.on("error", () => resolve(false));
      child.on("close", (code) => resolve(code === 0));
    }),
};

/** Debian's package through apt-get, when running as root where apt-get exists. */
export const aptInstaller = {
  name: "the distribution's package (apt-get install chromium)",
  applies: () => process.getuid?.() === 0 && onPath("apt-get"),
  install: () => {
    const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
    return (
      run("apt-get", ["update", "-qq"], { env }) &&
      run("apt-get", ["install", "-y", "-qq", "chromium"], { env })
    );
  },
};

/**
 * Finds a Chromium or installs one: resolves to `{ path, source }`, or to `{ message }` (two lines
 * saying what to install) when none could be had. `find`, `installers` and `log` are parameters
 * so the order and the fall-through can be tested without touching the machine.
 */
export const provisionChromium = async ({
  env = process.env,
  find = () => findChromium({ env }),
  installers = [playwrightInstaller, aptInstaller],
  log = (line) => console.log(line),
} = {}) => {
  const found = find();
  if (found !== undefined) return found;
  if (env.CHROMIUM_PATH) {
    return {
      message: [
        `septet: CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which does not exist.`,
        "Set CHROMIUM_PATH to a Chromium executable, or unset it to let `npm test` find or install one.",
      ],
    };
  }
  for (const installer of installers) {
    if (!installer.applies()) continue;
    log(`septet: no Chromium found; trying ${installer.name}`);
    if (await installer.install()) {
      const installed = find();
      if (installed !== undefined) return installed;
    }
  }
  return {
    message: [
      "septet: the browser tests need Chromium; none was found (CHROMIUM_PATH, chromium on PATH, Playwright's cache) and none could be installed here.",
      `Install one: \`sudo apt-get install -y chromium\` (Debian, Ubuntu) or \`npx playwright@${playwrightVersion} install chromium\`, or set CHROMIUM_PATH to a Chromium executable.`,
    ],
  };
};

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await provisionChromium();
  if ("message" in result) {
    for (const line of result.message) console.error(line);
    process.exit(1);
  }
  console.log(`septet: Chromium ${result.path} (${result.source})`);
}
