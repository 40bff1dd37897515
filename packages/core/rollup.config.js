import { rmSync } from "node:fs";
import typescript from "@rollup/plugin-typescript";

// A clean dist/ each build, so nothing stale is packed.
rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });

// One ES module per source file, so bundlers keep only what an app imports. The browser variant
// of `internal/sms/platform` is built too: the package's `browser` field points bundlers to it.
export default {
  input: ["src/index.ts", "src/internal/sms/platform.browser.ts"],
  output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", sourcemap: true },
  external: [/^effect(\/|$)/],
  plugins: [typescript({ tsconfig: "./tsconfig.json" })],
};
