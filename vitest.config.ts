import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineConfig } from "vitest/config";
import type { BrowserCommandContext } from "vitest/node";
import { chromiumArgs, chromiumPath } from "./scripts/chromium.mjs";
import { previewWidget } from "./scripts/demo.mjs";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import the workspace packages from source; only packages/widget/src/bundles.test.ts reads
// the widget's build (the root `test:all` script builds it first).
// `@septet/core/Sms` style subpaths map to `packages/core/src/Sms.ts`.
const alias = [
  {
    find: /^@septet\/core\/(.+)$/,
    replacement: fileURLToPath(new URL("./packages/core/src/$1.ts", import.meta.url)),
  },
  { find: /^@septet\/core$/, replacement: src("core") },
  { find: /^@septet\/testing$/, replacement: src("testing") },
  {
    find: /^@septet\/testing\/vectors$/,
    replacement: fileURLToPath(new URL("./packages/testing/src/vectors/index.ts", import.meta.url)),
  },
  { find: /^@septet\/widget$/, replacement: src("widget") },
];

/** Starts the demo's static server (scripts/demo.mjs) once per run, any free port; resolves to its origin. */
let widgetOrigin: Promise<string> | undefined;
const widgetServer = (): Promise<string> => {
  widgetOrigin ??= previewWidget({ port: 0 }).then(({ server, url }) => {
    server.httpServer.unref();
    return new URL(url).origin;
  });
  return widgetOrigin;
};

/** Runs examples/gateway in Node with a key config and replays requests (key-settings gateway test). */
const gatewayReplay = async (ctx: BrowserCommandContext, key: unknown, calls: ReadonlyArray<unknown>) => {
  const helper = "./packages/widget/src/test/gateway.ts";
  const { replay } = await ctx.project.import<typeof import("./packages/widget/src/test/gateway.js")>(helper);
  return replay(key, calls as Parameters<typeof replay>[1]);
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "core",
          environment: "node",
          include: ["packages/core/src/**/*.test.ts", "packages/core/test/**/*.test.ts"],
          benchmark: { include: ["packages/core/bench/**/*.bench.ts"] },
        },
      },
      {
        resolve: { alias },
        test: {
          name: "testing",
          environment: "node",
          include: ["packages/testing/src/**/*.test.ts", "packages/testing/test/**/*.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "docs",
          environment: "node",
          include: ["docs/**/*.test.ts"],
        },
      },
      {
        test: {
          name: "scripts",
          environment: "node",
          include: ["scripts/**/*.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "examples",
          environment: "node",
          include: ["examples/**/*.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          // The widget's pure parts (what the element derives from its settings), without a browser.
          name: "widget (node)",
          environment: "node",
          include: ["packages/widget/src/**/*.node.test.ts"],
        },
      },
      {
        resolve: { alias },
        test: {
          name: "widget",
          include: ["packages/widget/src/**/*.test.ts"],
          exclude: [...configDefaults.exclude, "packages/widget/src/**/*.node.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              // `npm test` runs scripts/provision-chromium.mjs first, so one is found.
              launchOptions: {
                ...(chromiumPath ? { executablePath: chromiumPath } : {}),
                args: [...chromiumArgs],
              },
            }),
            instances: [{ browser: "chromium" }],
            // The widget's build served as a page gets it (bundles.test.ts): Vite would rewrite it.
            // `emulateColorScheme("dark")`: a dark-preferring browser (prefers-color-scheme).
            commands: {
              widgetServer,
              gatewayReplay,
              emulateColorScheme: async (ctx, scheme: "light" | "dark" | null) => {
                if (ctx.provider.name !== "playwright")
                  throw new Error("emulateColorScheme needs playwright");
                await (ctx as unknown as { page: import("playwright").Page }).page.emulateMedia({
                  colorScheme: scheme,
                });
              },
            },
          },
        },
      },
    ],
  },
});
