import { rollup } from "rollup";
import typescript from "@rollup/plugin-typescript";
import terser from "@rollup/plugin-terser";
import { nodeResolve } from "@rollup/plugin-node-resolve";
import { gzipSync } from "node:zlib";
for (const f of process.argv.slice(2)) {
  const b = await rollup({ input: f, plugins: [nodeResolve(), typescript({ tsconfig: false, compilerOptions: { target: "ES2022", module: "ESNext", moduleResolution: "Bundler", verbatimModuleSyntax: true, declaration: false, allowImportingTsExtensions: false } , include: ["**/*.ts"]}), terser()], onwarn: () => {} });
  const { output } = await b.generate({ format: "es" });
  const code = output[0].code;
  console.log(f.split("/").pop(), "min", code.length, "gz", gzipSync(code, { level: 9 }).length, /CURATED|\ue000/.test(code) ? "(has FULL data)" : "(no FULL data)", /effect/.test(code) ? "EFFECT?" : "");
}
