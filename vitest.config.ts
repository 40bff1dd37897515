import { fileURLToPath } from "node:url";
import { playwright } from "@vitest/browser-playwright";
import { defineConfig } from "vitest/config";
import { chromiumArgs, chromiumPath } from "./scripts/chromium.mjs";

const src = (pkg: string) => fileURLToPath(new URL(`./packages/${pkg}/src/index.ts`, import.meta.url));

// Tests import the workspace packages from source, so no build is needed before `test`.
// `@septet/core/Sms` style subpaths map to `packages/core/src/Sms.ts`.
const alias = [
  {
    find: /^@septet\/core\/(.+)$/,
    replacement: fileURLToPath(new URL("./packages/core/src/$1.ts", import.meta.url)),
  },
  { find: /^@septet\/core$/, replacement: src("core") },
  { find: /^@septet\/testing$/, replacement: src("testing") },
  { find: /^@septet\/widget$/, replacement: src("widget") },
];

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
          name: "widget",
          include: ["packages/widget/src/**/*.test.ts"],
          browser: {
            enabled: true,
            headless: true,
            screenshotFailures: false,
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: [...chromiumArgs] },
            }),
            instances: [{ browser: "chromium" }],
          },
        },
      },
    ],
  },
});
