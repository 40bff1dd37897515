import typescript from "@rollup/plugin-typescript";

// One ES module per source file; the packages it builds on stay external.
export default {
  input: ["src/index.ts", "src/vectors/index.ts"],
  output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", sourcemap: true },
  external: [/^effect(\/|$)/, /^fast-check$/, /^@septet\/core(\/|$)/],
  plugins: [typescript({ tsconfig: "./tsconfig.json" })],
};
