import { rmSync } from "node:fs";
import typescript from "@rollup/plugin-typescript";

// A clean dist/ each build, so nothing stale is packed.
rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });

// One ES module per source file, so bundlers keep only what an app imports.
export default {
  input: "src/index.ts",
  output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", sourcemap: true },
  external: [/^effect(\/|$)/],
  plugins: [typescript({ tsconfig: "./tsconfig.json" })],
};
