// Size floors of <septet-key-settings>: what any build of a key settings element on core pays
// before its own code. Each file in bench/floors/ is bundled as the drop-in files are (rollup,
// node-resolve with the "production" condition, terser), then gzipped (level 9), with and
// without `effect` counted. Run after a build of core:
//   npx pnpm@12.4.2 --filter "@septet/widget..." run build && npx pnpm@12.4.2 --filter @septet/widget run bench:floors
import { gzipSync } from "node:zlib";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { rollup } from "rollup";

const floors = [
  ["effect-error.js", "one module-level Schema.TaggedError class"],
  ["checks.js", "Allowlist.makeResult + Ip.parseAddressResult + DeliveryReport.checkUrl"],
  ["lit-element.js", "one Lit element (a property, a template, a listener)"],
  ["together.js", "the three checks + `Replacement.apply` (all modes) + the Lit element, one bundle"],
];

const sizeOf = async (file, external) => {
  const bundle = await rollup({
    input: new URL(`./floors/${file}`, import.meta.url).pathname,
    external,
    plugins: [
      nodeResolve({ exportConditions: ["production"] }),
      terser({ ecma: 2022, module: true, compress: { passes: 3 }, format: { comments: false } }),
    ],
    onwarn: (warning, warn) => warning.code === "THIS_IS_UNDEFINED" || warn(warning),
  });
  const { output } = await bundle.generate({ format: "es", inlineDynamicImports: true });
  await bundle.close();
  return gzipSync(output[0].code, { level: 9 }).length;
};

const isEffect = (id) => id === "effect" || id.startsWith("effect/");
console.log("| floor | min+gzip | without `effect` |\n| --- | ---: | ---: |");
for (const [file, what] of floors) {
  const all = await sizeOf(file, []);
  const own = await sizeOf(file, isEffect);
  console.log(`| ${what} | ${all.toLocaleString("en")} B | ${own.toLocaleString("en")} B |`);
}
