import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type FoundChromium, findChromium } from "./chromium.mjs";
import { type Installer, onPath, provisionChromium } from "./provision-chromium.mjs";

const PW = "/home/u/.cache/ms-playwright/chromium-1/chrome-linux64/chrome";
const machine = (files: ReadonlyArray<string>) => (path: string) => files.includes(path);

describe("findChromium", () => {
  it.each([
    // description                                     env                                                  files on disk                                        found
    [
      "CHROMIUM_PATH wins",
      { CHROMIUM_PATH: "/opt/c/chrome", PATH: "/usr/bin" },
      ["/opt/c/chrome", "/usr/bin/chromium", PW],
      "/opt/c/chrome",
    ],
    [
      "a missing CHROMIUM_PATH is not replaced",
      { CHROMIUM_PATH: "/opt/c/chrome", PATH: "/usr/bin" },
      ["/usr/bin/chromium", PW],
      undefined,
    ],
    [
      "Debian's chromium on PATH",
      { PATH: "/usr/local/bin:/usr/bin" },
      ["/usr/bin/chromium", PW],
      "/usr/bin/chromium",
    ],
    [
      "Ubuntu's chromium-browser on PATH",
      { PATH: "/usr/bin" },
      ["/usr/bin/chromium-browser"],
      "/usr/bin/chromium-browser",
    ],
    [
      "PATH order decides",
      { PATH: "/snap/bin:/usr/bin" },
      ["/usr/bin/chromium", "/snap/bin/chromium-browser"],
      "/snap/bin/chromium-browser",
    ],
    ["not on PATH: not found there", { PATH: "/bin" }, ["/usr/bin/chromium"], undefined],
    ["Playwright's download", { PATH: "/usr/bin" }, [PW], PW],
    ["nothing anywhere", { PATH: "/usr/bin" }, [], undefined],
    [
      "empty PATH entries are skipped",
      { PATH: "::/usr/bin" },
      ["chromium", "/usr/bin/chromium"],
      "/usr/bin/chromium",
    ],
  ] as const)("%s", (_, env, files, expected) => {
    expect(findChromium({ env, exists: machine(files), playwrightPath: PW })?.path).toBe(expected);
  });
});

describe("onPath", () => {
  it.each([
    ["/usr/sbin:/usr/bin", ["/usr/bin/apt-get"], true],
    ["/usr/sbin", ["/usr/bin/apt-get"], false],
    ["", ["apt-get"], false],
  ] as const)("PATH %j", (path, files, expected) => {
    expect(onPath("apt-get", path, machine(files))).toBe(expected);
  });
});

/** An installer that records its call and, when it works, puts Chromium on the fake machine. */
const installer = (name: string, calls: Array<string>, applies: boolean, works: boolean, disk: Set<string>) =>
  ({
    name,
    applies: () => applies,
    install: () => {
      calls.push(name);
      if (works) disk.add(`/installed/by/${name}`);
      return works;
    },
  }) satisfies Installer;

const findOn = (disk: Set<string>) => (): FoundChromium | undefined => {
  const path = [...disk][0];
  return path === undefined ? undefined : { path, source: "distribution package" };
};

describe("provisionChromium", () => {
  it("uses a Chromium that is there without installing anything", async () => {
    const calls: Array<string> = [];
    const disk = new Set(["/usr/bin/chromium"]);
    const result = await provisionChromium({
      env: {},
      find: findOn(disk),
      installers: [installer("playwright", calls, true, true, disk)],
      log: () => {},
    });
    expect(result).toEqual({ path: "/usr/bin/chromium", source: "distribution package" });
    expect(calls).toEqual([]);
  });

  it.each([
    // playwright applies/works       apt applies/works       installers run              result
    [true, true, true, true, ["playwright"], "/installed/by/playwright"],
    [true, false, true, true, ["playwright", "apt"], "/installed/by/apt"],
    [true, false, false, true, ["playwright"], undefined],
    [false, true, true, true, ["apt"], "/installed/by/apt"],
    [true, false, true, false, ["playwright", "apt"], undefined],
  ] as const)(
    "playwright applies %s works %s, apt applies %s works %s: runs %j",
    async (pa, pw, aa, aw, runs, path) => {
      const calls: Array<string> = [];
      const disk = new Set<string>();
      const log: Array<string> = [];
      const result = await provisionChromium({
        env: {},
        find: findOn(disk),
        installers: [installer("playwright", calls, pa, pw, disk), installer("apt", calls, aa, aw, disk)],
        log: (line) => log.push(line),
      });
      expect(calls).toEqual(runs);
      expect(log).toEqual(runs.map((name) => `septet: no Chromium found; trying ${name}`));
      if (path === undefined) {
        expect(result).toHaveProperty("message");
        expect("message" in result && result.message).toHaveLength(2);
      } else expect(result).toEqual({ path, source: "distribution package" });
    },
  );

  it("an installer that exits 0 without leaving a Chromium falls through to the next", async () => {
    const calls: Array<string> = [];
    const disk = new Set<string>();
    const liar: Installer = {
      name: "liar",
      applies: () => true,
      install: () => {
        calls.push("liar");
        return true;
      },
    };
    const result = await provisionChromium({
      env: {},
      find: findOn(disk),
      installers: [liar, installer("apt", calls, true, true, disk)],
      log: () => {},
    });
    expect(calls).toEqual(["liar", "apt"]);
    expect(result).toEqual({ path: "/installed/by/apt", source: "distribution package" });
  });

  it("a missing CHROMIUM_PATH installs nothing and says so", async () => {
    const calls: Array<string> = [];
    const result = await provisionChromium({
      env: { CHROMIUM_PATH: "/nope/chrome" },
      find: () => undefined,
      installers: [installer("playwright", calls, true, true, new Set())],
      log: () => {},
    });
    expect(calls).toEqual([]);
    expect(result).toEqual({
      message: [
        "septet: CHROMIUM_PATH is /nope/chrome, which does not exist.",
        "Set CHROMIUM_PATH to a Chromium executable, or unset it to let `npm test` find or install one.",
      ],
    });
  });
});

describe("scripts/provision-chromium.mjs on a machine with nothing", () => {
  it("tries Playwright's installer, skips apt-get (not on PATH) and stops with two lines on stderr", () => {
    const empty = mkdtempSync(join(tmpdir(), "septet-no-chromium-"));
    try {
      const result = spawnSync(
        process.execPath,
        [fileURLToPath(new URL("./provision-chromium.mjs", import.meta.url))],
        {
          encoding: "utf8",
          timeout: 60_000,
          env: {
            HOME: empty,
            PATH: empty,
            PLAYWRIGHT_BROWSERS_PATH: empty,
            // Nothing listens there: the download fails at once, with or without a network.
            PLAYWRIGHT_DOWNLOAD_HOST: "http://127.0.0.1:9",
          },
        },
      );
      expect(result.status).toBe(1);
      expect(result.stdout).toContain("trying Playwright's installer");
      expect(result.stdout).not.toContain("apt-get install chromium");
      expect(result.stdout).not.toMatch(/^\s+at /m);
      const lines = result.stderr.trimEnd().split("\n");
      expect(lines).toHaveLength(2);
      expect(lines[0]).toMatch(/^septet: the browser tests need Chromium/);
      expect(lines[1]).toMatch(
        /^Install one: `sudo apt-get install -y chromium`.*npx playwright@[\d.]+ install chromium/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  }, 60_000);
});
