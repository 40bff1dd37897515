// Where the bytes of the built drop-in files are, by source module, from their source maps.
//
//   pnpm --filter "@septet/widget..." run build
//   pnpm --filter @septet/widget run size:breakdown [file.js …]   # default: the composer's files
//
// For each file: its size minified and min+gzip (level 9, as `pnpm run size`), then one row per
// source module (Lit's packages, each @septet/core module, each of the element's files) with
// the minified bytes the source map gives it and its gzip share: the file's gzip size minus the
// gzip size of the file with that module's bytes cut out. Shares overlap (what gzip finds twice
// is counted for neither), so they do not add up to the file; the groups (Lit, core, element)
// are measured the same way, each cut out whole.
import { readdirSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import { basename, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const dist = fileURLToPath(new URL("../dist/", import.meta.url));
const composerFiles = () => [
  "septet-composer.js",
  ...readdirSync(join(dist, "chunks"))
    .filter((name) => /^(details|languages)-.*\.js$/.test(name))
    .map((name) => `chunks/${name}`),
  "septet-composer.all.js",
];

const gzip = (text) => gzipSync(text, { level: 9 }).length;

/** The module a source path names, and its group. */
const moduleOf = (source) => {
  if (source === undefined) return { name: "(no source: rollup's glue)", group: "glue" };
  const lit = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@lit\/)?[^/]+)\/(.+)$/.exec(source);
  if (lit) return { name: `${lit[1]}/${lit[2]}`, group: lit[1].includes("lit") ? "Lit" : lit[1] };
  const core = /core\/(?:dist|src)\/(.+)\.[jt]s$/.exec(source);
  if (core) return { name: `core: ${core[1]}`, group: "@septet/core" };
  const own = /widget\/src\/(.+)$/.exec(source) ?? /^(?:\.\.\/)*src\/(.+)$/.exec(source);
  if (own) return { name: own[1], group: "element" };
  return { name: source, group: "other" };
};

/** Each UTF-16 unit of the file attributed to the module its source map gives. */
const attribute = (file) => {
  const code = readFileSync(file, "utf8");
  const map = new SourceMap(JSON.parse(readFileSync(`${file}.map`, "utf8")));
  const owners = new Array(code.length);
  const modules = new Map();
  const named = (source) => {
    if (!modules.has(source)) modules.set(source, moduleOf(source));
    return modules.get(source);
  };
  // A unit belongs to the mapping at or before it (findEntry gives that one on the same line);
  // before a line's first mapping (inside a multi-line template literal), to the one before.
  let owner = named(undefined);
  let offset = 0;
  code.split("\n").forEach((line, lineIndex) => {
    for (let column = 0; column < line.length; column++) {
      const entry = map.findEntry(lineIndex, column);
      if (entry.generatedLine === lineIndex) owner = named(entry.originalSource);
      owners[offset + column] = owner;
    }
    owners[offset + line.length] = owner;
    offset += line.length + 1;
  });
  return { code, owners };
};

/** Gzip size of the file, and of the file without the units `drop` picks. */
const share = (code, owners, total, drop) => {
  let kept = "";
  let bytes = 0;
  for (let i = 0; i < code.length; i++) {
    if (drop(owners[i])) bytes += Buffer.byteLength(code[i]);
    else kept += code[i];
  }
  return { bytes, share: total - gzip(kept) };
};

const report = (name) => {
  const { code, owners } = attribute(join(dist, name));
  const total = gzip(code);
  const modules = [...new Set(owners.map((o) => o.name))];
  const groups = [...new Set(owners.map((o) => o.group))];
  const rows = (keys, pick) =>
    keys
      .map((key) => ({ key, ...share(code, owners, total, (o) => pick(o) === key) }))
      .sort((a, b) => b.share - a.share);
  const table = (title, list) => [
    `| ${title} | minified | gzip share |`,
    "| --- | ---: | ---: |",
    ...list.map(
      (r) => `| ${r.key} | ${r.bytes.toLocaleString("en")} B | ${r.share.toLocaleString("en")} B |`,
    ),
  ];
  console.log(
    `\n### ${basename(name)}: ${Buffer.byteLength(code).toLocaleString("en")} B minified, ${total.toLocaleString("en")} B min+gzip\n`,
  );
  console.log(
    table(
      "group",
      rows(groups, (o) => o.group),
    ).join("\n"),
  );
  console.log();
  console.log(
    table(
      "module",
      rows(modules, (o) => o.name),
    ).join("\n"),
  );
};

const files = process.argv.slice(2);
for (const name of files.length > 0 ? files : composerFiles()) report(name);
