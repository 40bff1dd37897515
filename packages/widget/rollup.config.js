import typescript from "@rollup/plugin-typescript";

export default {
  input: "src/index.ts",
  output: { dir: "dist", format: "es", preserveModules: true, preserveModulesRoot: "src", sourcemap: true },
  external: [/^lit(\/|$)/, /^@lit\//, /^@septet\/core$/, /^effect(\/|$)/],
  plugins: [typescript({ tsconfig: "./tsconfig.json" })],
};
