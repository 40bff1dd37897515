import { rmSync } from "node:fs";
import typescript from "@rollup/plugin-typescript";

// A clean dist/ each build, so nothing stale is packed.
rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });

// One ES module per source file; the packages it builds on stay external.
export default {
  input: ["src/index.ts", "src/vectors/index.ts"],
  output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", sourcemap: true },
  external: [/^effect(\/|$)/, /^fast-check$/, /^@septet\/core(\/|$)/],
  plugins: [typescript({ tsconfig: "./tsconfig.json" })],
};
