// `cem analyze` (run by `pnpm run build`) writes custom-elements.json for editors and docs.
export default {
  globs: ["src/**/*.ts"],
  exclude: ["src/**/*.test.ts", "src/test/**"],
  outdir: ".",
  litelement: true,
};
