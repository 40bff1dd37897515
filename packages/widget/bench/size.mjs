// Min+gzip size of the drop-in bundle: the initial load (the entry and its static imports) and
// everything (plus every chunk loaded on demand). Run after `pnpm run build`:
//   npx pnpm@12.4.2 --filter @septet/widget run size
import { existsSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const entry = join(dist, "septet-composer.js");
if (!existsSync(entry)) {
  console.error(
    'dist/septet-composer.js is missing: run `pnpm --filter "@septet/widget..." run build` first.',
  );
  process.exit(1);
}

const gz = (file) => gzipSync(readFileSync(file), { level: 9 }).length;
const raw = (file) => readFileSync(file).length;
// Minified output: static `import…from"./x.js"` / `import"./x.js"`, dynamic `import("./x.js")`.
const imports = (file) => {
  const code = readFileSync(file, "utf8");
  const staticOnes = [...code.matchAll(/(?:from|import)\s*"(\.{1,2}\/[^"]+\.js)"/g)].map((m) => m[1]);
  const dynamicOnes = [...code.matchAll(/import\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g)].map((m) => m[1]);
  const resolve = (spec) => join(dirname(file), spec);
  return { staticOnes: staticOnes.map(resolve), dynamicOnes: dynamicOnes.map(resolve) };
};

const walk = (start, followDynamic) => {
  const seen = new Set();
  const stack = [start];
  while (stack.length > 0) {
    const file = stack.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    const { staticOnes, dynamicOnes } = imports(file);
    stack.push(...staticOnes, ...(followDynamic ? dynamicOnes : []));
  }
  return [...seen];
};

const initial = walk(entry, false);
const all = walk(entry, true);
const allInOne = join(dist, "septet-composer.all.js");
// The goals are in kB of 1,000 bytes; the exact byte count follows, as they are close.
const kB = (bytes) => `${(bytes / 1000).toFixed(2)} kB (${bytes.toLocaleString("en")} B)`;
const row = (label, files) =>
  `| ${label} | ${files.length} | ${kB(files.reduce((n, f) => n + raw(f), 0))} | ${kB(
    files.reduce((n, f) => n + gz(f), 0),
  )} |`;
console.log("| load | files | min | min+gzip (level 9, per file) |");
console.log("| --- | ---: | ---: | ---: |");
console.log(row("drop-in, initial (entry + static imports; goal ≤ 15 kB)", initial));
console.log(row("drop-in, everything loaded (entry + every lazy chunk)", all));
for (const file of all) {
  console.log(
    `| · ${relative(dist, file)}${initial.includes(file) ? "" : " (lazy)"} | 1 | ${kB(raw(file))} | ${kB(gz(file))} |`,
  );
}
if (existsSync(allInOne))
  console.log(row("all in one file, FULL and national tables included (goal ≤ 25 kB)", [allInOne]));

// <septet-key-settings>: its drop-in entry, and everything it loads (the entry and the composer's
// replacement engine chunk; it never sets `languages`, so the national tables chunk is not loaded).
const keySettings = join(dist, "septet-key-settings.js");
if (existsSync(keySettings)) {
  const ksInitial = walk(keySettings, false);
  const ksAll = walk(keySettings, true);
  const ksUsed = ksAll.filter((file) => !relative(dist, file).includes("languages"));
  console.log();
  console.log("| `<septet-key-settings>` load | files | min | min+gzip (level 9, per file) |");
  console.log("| --- | ---: | ---: | ---: |");
  console.log(row("initial (entry + static imports)", ksInitial));
  console.log(row("everything it loads (goal ≤ 30 kB)", ksUsed));
  console.log(row("every chunk, national tables included", ksAll));
  for (const file of ksAll) {
    console.log(
      `| · ${relative(dist, file)}${ksInitial.includes(file) ? "" : " (lazy)"} | 1 | ${kB(raw(file))} | ${kB(gz(file))} |`,
    );
  }
}
