import typescript from "@rollup/plugin-typescript";

// One ES module per source file, so bundlers keep only what an app imports.
export default {
  input: "src/index.ts",
  output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", sourcemap: true },
  external: [/^effect(\/|$)/],
  plugins: [typescript({ tsconfig: "./tsconfig.json" })],
};
