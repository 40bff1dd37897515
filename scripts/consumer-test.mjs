// The three packages as a user gets them: packed (`pnpm pack`), installed with npm into a
// throwaway project next to a different effect 4 release than the workspace's, and used there.
//
//   pnpm run test:consumer            # builds first; `node scripts/consumer-test.mjs` if built
//   node scripts/consumer-test.mjs --keep   # keeps the temporary project and prints its path
//
// Checks, each printed as one line: publint and attw (`--profile esm-only`) on every package;
// one copy of effect in the app; Node ESM import; `require()` (Node ≥ 22.12 loads ES modules);
// `tsc` on every `ts` example of the READMEs under `moduleResolution` `bundler` and `node16`;
// a Vite build of a measure-only app within its 4 kB min+gzip budget; the drop-in files in a plain
// HTML page in Chromium. Needs the network to the npm registry (npm install) and a Chromium
// (scripts/provision-chromium.mjs).
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright";
import { build, preview } from "vite";
import { chromiumArgs, chromiumPath } from "./chromium.mjs";

const root = fileURLToPath(new URL("..", import.meta.url));
const bin = (name) => join(root, "node_modules", ".bin", name);
const packages = ["core", "testing", "widget"];

// A release of effect 4 other than the workspace's (`npm view effect versions`), within ^4.1.0.
const CONSUMER_EFFECT = "4.1.5";
const workspaceEffect = JSON.parse(
  readFileSync(join(root, "node_modules/effect/package.json"), "utf8"),
).version;
const MEASURE_ONLY_BUDGET = 4000;

let failures = 0;
const check = async (name, body) => {
  try {
    const detail = await body();
    console.log(`ok   ${name}${detail ? ` (${detail})` : ""}`);
  } catch (error) {
    failures++;
    console.log(
      `FAIL ${name}\n${String(error instanceof Error ? error.message : error).replace(/^/gm, "     ")}`,
    );
  }
};

/** Runs a command; resolves to its stdout, throws with its output when it fails. */
const run = (command, args, options = {}) => {
  const result = spawnSync(command, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024, ...options });
  if (result.status !== 0)
    throw new Error(
      `${command} ${args.join(" ")} exited ${result.status}\n${result.stdout}${result.stderr}`.trim(),
    );
  return result.stdout;
};

for (const pkg of packages) {
  if (!existsSync(join(root, "packages", pkg, "dist")))
    throw new Error(
      `packages/${pkg}/dist is missing: run \`pnpm run build\` first (or \`pnpm run test:consumer\`)`,
    );
}
if (workspaceEffect === CONSUMER_EFFECT)
  throw new Error(
    `the workspace now uses effect ${CONSUMER_EFFECT}: pick another release for CONSUMER_EFFECT`,
  );

const app = mkdtempSync(join(tmpdir(), "septet-consumer-"));
const tarballs = join(app, "tarballs");
mkdirSync(tarballs);

// publint and attw on what would be published.
for (const pkg of packages) {
  const dir = join(root, "packages", pkg);
  await check(`publint @septet/${pkg}`, () => {
    run(bin("publint"), ["run", dir, "--pack", "pnpm", "--strict"], { cwd: root });
  });
}

const pnpm = process.env.npm_execpath?.includes("pnpm")
  ? [process.env.npm_execpath]
  : ["npx", "-y", JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager];
const pack = (pkg) => {
  run(pnpm[0], [...pnpm.slice(1), "pack", "--pack-destination", tarballs], {
    cwd: join(root, "packages", pkg),
  });
  return join(
    tarballs,
    readdirSync(tarballs).find((f) => f.startsWith(`septet-${pkg}-`)),
  );
};
const tarball = Object.fromEntries(packages.map((pkg) => [pkg, pack(pkg)]));

for (const pkg of packages) {
  await check(`attw --profile esm-only @septet/${pkg}`, () => {
    run(bin("attw"), [
      tarball[pkg],
      "--profile",
      "esm-only",
      "--format",
      "ascii",
      "--no-color",
      "--no-emoji",
    ]);
  });
}

// The app: the tarballs and the other effect release, installed by npm as a user would.
writeFileSync(
  join(app, "package.json"),
  JSON.stringify(
    {
      name: "septet-consumer",
      private: true,
      type: "module",
      dependencies: {
        "@septet/core": `file:${tarball.core}`,
        "@septet/testing": `file:${tarball.testing}`,
        "@septet/widget": `file:${tarball.widget}`,
        effect: CONSUMER_EFFECT,
        "fast-check": "^4.0.0",
      },
    },
    null,
    2,
  ),
);
await check(`npm install (tarballs + effect ${CONSUMER_EFFECT})`, () => {
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], {
    cwd: app,
    shell: process.platform === "win32",
  });
});

await check("one copy of effect in the app", () => {
  const copies = run("find", [join(app, "node_modules"), "-path", "*/node_modules/effect/package.json"])
    .trim()
    .split("\n")
    .filter(Boolean);
  const versions = copies.map((p) => JSON.parse(readFileSync(p, "utf8")).version);
  if (copies.length !== 1 || versions[0] !== CONSUMER_EFFECT)
    throw new Error(
      `expected only effect ${CONSUMER_EFFECT}, found ${copies.join(", ")} (${versions.join(", ")})`,
    );
  return `effect ${versions[0]}; the workspace's is ${workspaceEffect}`;
});

const node = (code, type) => run(process.execPath, [`--input-type=${type}`, "-e", code], { cwd: app }).trim();

await check("Node ESM import", () => {
  const out = node(
    `import { Allowlist, Sms } from "@septet/core";
     import { Effect } from "effect";
     import { SmsArbitraries } from "@septet/testing";
     import { smsVectors } from "@septet/testing/vectors";
     import * as fc from "fast-check";
     const list = Effect.runSync(Allowlist.make(["203.0.113.0/24"]));
     const ok = fc.sample(SmsArbitraries.gsm7Text(), 20).every((t) => Sms.measure(t).encoding === "GSM-7");
     // The rows without national languages (those name tables that Sms takes as Gsm7 values).
     const plain = smsVectors.filter((v) => v.options.languages === undefined);
     const vectors = plain.length > 10 && plain.every((v) => Sms.measure(v.text, v.options).segments === v.segments);
     console.log(Sms.measure("It’s here").encoding, Allowlist.allows(list, "203.0.113.7"), ok && vectors);`,
    "module",
  );
  if (out !== "UCS-2 true true") throw new Error(`printed ${out}`);
  return out;
});

await check("require() (CommonJS caller)", () => {
  const out = node(
    `const { Sms } = require("@septet/core");
     const { Conformance } = require("@septet/testing");
     console.log(Sms.measure("a".repeat(161)).segments, typeof Conformance.run);`,
    "commonjs",
  );
  if (out !== "2 function") throw new Error(`printed ${out}`);
  return `Node ${process.versions.node} loads the ES modules from require()`;
});

// Every ts example of the READMEs, one file each, compiled by tsc under two resolutions.
const examples = ["README.md", ...packages.map((p) => `packages/${p}/README.md`)].flatMap((file) =>
  [...readFileSync(join(root, file), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m, i) => ({
    name: `${file.replaceAll("/", "_").replace(".md", "")}_${i + 1}.ts`,
    code: m[1],
  })),
);
mkdirSync(join(app, "examples"));
for (const { name, code } of examples) writeFileSync(join(app, "examples", name), code);
for (const [resolution, module] of [
  ["bundler", "esnext"],
  ["node16", "node16"],
]) {
  await check(`tsc, moduleResolution ${resolution}: ${examples.length} README examples`, () => {
    const config = {
      compilerOptions: {
        target: "es2022",
        module,
        moduleResolution: resolution,
        lib: ["es2023", "dom", "dom.iterable"],
        types: [],
        strict: true,
        exactOptionalPropertyTypes: true,
        noEmit: true,
        skipLibCheck: false,
      },
      include: ["examples"],
    };
    writeFileSync(join(app, `tsconfig.${resolution}.json`), JSON.stringify(config, null, 2));
    run(
      process.execPath,
      [join(root, "node_modules/typescript/bin/tsc"), "-p", `tsconfig.${resolution}.json`],
      {
        cwd: app,
      },
    );
  });
}

await check(
  `Vite build of a measure-only app, within ${MEASURE_ONLY_BUDGET / 1000} kB min+gzip`,
  async () => {
    const dir = join(app, "measure-app");
    mkdirSync(dir);
    writeFileSync(
      join(dir, "index.html"),
      `<!doctype html><textarea></textarea><output></output><script type="module" src="./main.js"></script>`,
    );
    writeFileSync(
      join(dir, "main.js"),
      `import { Sms } from "@septet/core";
const area = document.querySelector("textarea");
area.addEventListener("input", () => {
  document.querySelector("output").textContent = String(Sms.measure(area.value).segments);
});
`,
    );
    await build({
      root: dir,
      configFile: false,
      logLevel: "error",
      build: { outDir: join(dir, "dist"), modulePreload: { polyfill: false } },
    });
    const assets = join(dir, "dist", "assets");
    const js = readdirSync(assets).filter((f) => f.endsWith(".js"));
    const gzip = js.reduce((n, f) => n + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0);
    if (gzip > MEASURE_ONLY_BUDGET) throw new Error(`${gzip} B min+gzip is over the budget`);
    return `${gzip} B min+gzip in ${js.length} file(s)`;
  },
);

await check("drop-in files in a plain HTML page in Chromium", async () => {
  const page = (file) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${file}</title><link rel="icon" href="data:,"></head>
<body>
<script type="module" src="./node_modules/@septet/widget/dist/${file}"></script>
<septet-composer label="Message" mode="full" value="It’s “here” – now"></septet-composer>
</body></html>`;
  writeFileSync(join(app, "drop-in.html"), page("septet-composer.js"));
  writeFileSync(join(app, "drop-in-all.html"), page("septet-composer.all.js"));
  // The app directory as plain static files (module scripts cannot load from file:).
  const server = await preview({
    root: dirname(app),
    configFile: false,
    logLevel: "error",
    build: { outDir: app },
    preview: { host: "127.0.0.1", port: 0 },
  });
  const origin = `http://127.0.0.1:${server.httpServer.address().port}`;
  const browser = await chromium.launch({
    ...(chromiumPath ? { executablePath: chromiumPath } : {}),
    args: [...chromiumArgs],
  });
  const results = [];
  try {
    for (const file of ["drop-in.html", "drop-in-all.html"]) {
      const tab = await browser.newPage();
      const problems = [];
      tab.on("console", (m) => m.type() === "error" && problems.push(`console: ${m.text()}`));
      tab.on("pageerror", (e) => problems.push(`page error: ${e.message}`));
      tab.on("response", (r) => r.status() >= 400 && problems.push(`${r.status()} ${r.url()}`));
      await tab.goto(`${origin}/${file}`);
      const outgoing = await tab.evaluate(async () => {
        await customElements.whenDefined("septet-composer");
        const el = document.querySelector("septet-composer");
        while (el.pending) await new Promise((r) => setTimeout(r, 20));
        return { outgoing: el.outgoing, encoding: el.measurement?.encoding };
      });
      await tab.close();
      if (problems.length > 0) throw new Error(`${file}: ${problems.join("; ")}`);
      if (outgoing.outgoing !== 'It\'s "here" - now' || outgoing.encoding !== "GSM-7")
        throw new Error(`${file}: got ${JSON.stringify(outgoing)}`);
      results.push(file);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return `${results.join(", ")}: FULL sends GSM-7, no console error, no failed request`;
});

if (process.argv.includes("--keep")) console.log(`kept ${app}`);
else rmSync(app, { recursive: true, force: true });
if (failures > 0) {
  console.log(`${failures} consumer check(s) failed`);
  process.exit(1);
}
console.log("consumer checks passed");
