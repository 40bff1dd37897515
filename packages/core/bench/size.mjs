// Bundle size of tiny apps that import parts of @septet/core, one per file in ./size-cases/.
//
// Each case (`*.ts` or `*.js`) imports from the core SOURCES (`../../src/Sms.js`, which resolves to
// `Sms.ts`), is bundled with rollup (TypeScript stripped with `ts.transpileModule`, bare imports
// resolved with @rollup/plugin-node-resolve, `effect` left in if a case pulls it in), minified with
// @rollup/plugin-terser, and measured as minified bytes and gzip (level 9) bytes. Whatever a case
// exports is kept, so export what the app uses.
//
// Run: cd /work/main && npx pnpm@12.4.2 exec node packages/core/bench/size.mjs [--json]
import { existsSync, readdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import { rollup } from "rollup";
import ts from "typescript";

const here = dirname(fileURLToPath(import.meta.url));
const casesDir = join(here, "size-cases");

/** Resolves `./x.js` to `./x.ts` when only the TypeScript source exists, and strips types. */
const typescriptSources = () => ({
  name: "typescript-sources",
  resolveId(source, importer) {
    if (!importer || !source.startsWith(".")) return null;
    const path = join(dirname(importer), source);
    if (path.endsWith(".js") && !existsSync(path) && existsSync(`${path.slice(0, -3)}.ts`))
      return `${path.slice(0, -3)}.ts`;
    return null;
  },
  transform(code, id) {
    if (!id.endsWith(".ts")) return null;
    const out = ts.transpileModule(code, {
      fileName: id,
      compilerOptions: {
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        verbatimModuleSyntax: true,
        sourceMap: false,
      },
    });
    return { code: out.outputText, map: null };
  },
});

const measure = async (file) => {
  const bundle = await rollup({
    input: join(casesDir, file),
    treeshake: { moduleSideEffects: false },
    plugins: [typescriptSources(), nodeResolve({ extensions: [".ts", ".js", ".mjs"] })],
    onwarn: () => {},
  });
  const { output } = await bundle.generate({
    format: "es",
    plugins: [terser({ format: { comments: false } })],
  });
  await bundle.close();
  const code = output
    .filter((c) => c.type === "chunk")
    .map((c) => c.code)
    .join("\n");
  return { case: file, min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
};

const files = readdirSync(casesDir)
  .filter((f) => /\.(ts|js|mjs)$/.test(f) && !f.endsWith(".d.ts"))
  .sort();
const rows = [];
for (const f of files) rows.push(await measure(f));

if (process.argv.includes("--json")) console.log(JSON.stringify(rows, null, 2));
else {
  // kB of 1,000 bytes, as the goals are written; the exact bytes come first.
  const kb = (n) => `${(n / 1000).toFixed(2)} kB`;
  console.log("| case | min | min+gzip |");
  console.log("| --- | ---: | ---: |");
  for (const r of rows)
    console.log(`| ${r.case} | ${r.min} B (${kb(r.min)}) | ${r.gzip} B (${kb(r.gzip)}) |`);
}
