import { rmSync } from "node:fs";
import nodeResolve from "@rollup/plugin-node-resolve";
import terser from "@rollup/plugin-terser";
import typescript from "@rollup/plugin-typescript";
import { transform } from "lightningcss";

// Builds run after @septet/core's (pnpm --filter "@septet/widget..." builds dependencies first):
// `@septet/core/X` resolves through core's package exports to packages/core/dist/X.js.
rmSync(new URL("./dist", import.meta.url), { recursive: true, force: true });

const onwarn = (warning, warn) => {
  // Lit's own modules use `this` at the top level in a way rollup flags; harmless.
  if (warning.code === "THIS_IS_UNDEFINED") return;
  warn(warning);
};

// The element's css`…` literals (which hold no expressions here) are minified with lightningcss
// (the CSS minifier Vite uses): 0.2 kB min+gzip off the all-in-one file. After terser every raw newline left is inside a template literal (the element's
// HTML); the indentation after it is layout of the source (HTML collapses whitespace), so it
// goes: 0.1 kB more.
// The private custom properties of the shared tokens (`src/shared/tokens.styles.ts`: `--_accent`,
// …) get one-letter names, the same in every file and chunk (a fixed list: a name missing here
// keeps its long form, which still works). Pages never see them; they style through `--septet-*`.
const privateProperties = [
  "accent",
  "on-accent",
  "text",
  "muted",
  "background",
  "border",
  "radius",
  "mark",
  "replaced",
  "error",
  "gsm",
  "gsm-bg",
  "ucs2",
  "ucs2-bg",
  "focus-color",
  "focus",
  "font-family",
  "mono",
];
const shortProperty = new Map(privateProperties.map((name, i) => [name, String.fromCharCode(97 + i)]));
const renameProperties = (css) =>
  css.replace(/--_([a-z][a-z0-9-]*)/g, (whole, name) => {
    if (name.length === 1)
      throw new Error(`one-letter private property ${whole} would clash with the short names`);
    const short = shortProperty.get(name);
    return short === undefined ? whole : `--_${short}`;
  });

const compactTemplates = () => ({
  name: "compact-templates",
  transform(code, id) {
    if (!id.includes("/widget/src/")) return null;
    // TypeScript emits the tag as `css \``, with a space.
    const minified = code.replace(/\bcss\s*`([^`$]*)`/g, (_, body) => {
      const css = transform({ filename: `${id}.css`, code: Buffer.from(body), minify: true });
      return `css\`${renameProperties(css.code.toString())}\``;
    });
    return { code: minified, map: null };
  },
  renderChunk: (code) => ({ code: code.replace(/\n[ \t]+/g, "\n"), map: null }),
});

/** Fails the build if a lazy chunk holds Lit code (see the property mangling below). */
const litStaysInEntry = () => ({
  name: "lit-stays-in-entry",
  renderChunk(code, chunk) {
    if (!chunk.isEntry && /\._\$[A-Z][A-Za-z_]\b/.test(code))
      this.error(`${chunk.fileName} holds Lit internals: terser would mangle them apart from the entry's`);
    return null;
  },
});

/**
 * What the drop-in's private copy of Lit cannot use, cut from Lit's production modules (each
 * cut must match, or the build fails: a Lit upgrade is then checked again):
 * - the hooks for Lit's polyfill-support and SSR hydration scripts (`litHtmlPolyfillSupport`, …):
 *   those scripts call Lit's private fields by their real names, which terser renames below, so
 *   they could not work with this copy (and the browsers that need the polyfills cannot run
 *   this ES2022 bundle);
 * - the messages of the two errors `css` throws for a value that is not a `css` result and for a
 *   `CSSResult` built by hand: every stylesheet here is a literal without expressions, and the
 *   class is not exported, so neither can be thrown (the `throw` stays, without its text).
 */
const litCuts = [
  {
    module: "/@lit/reactive-element/css-tag.js",
    cut: /throw Error\((?:"CSSResult is not constructable[^"]*"|"Value passed to 'css' function[^"]*"\+\w+\+"[^"]*")\)/g,
    by: "throw Error()",
    count: 2,
  },
  {
    module: "/@lit/reactive-element/reactive-element.js",
    cut: /\b\w+\.reactiveElementPolyfillSupport\b/g,
    by: "(void 0)",
    count: 1,
  },
  { module: "/lit-html/lit-html.js", cut: /\b\w+\.litHtmlPolyfillSupport\b/g, by: "(void 0)", count: 1 },
  {
    module: "/lit-element/lit-element.js",
    cut: /\b\w+\.(?:litElementPolyfillSupport|litElementHydrateSupport)\b/g,
    by: "(void 0)",
    count: 2,
  },
];
const trimLit = () => ({
  name: "trim-lit",
  transform(code, id) {
    const cuts = litCuts.filter((c) => id.replaceAll("\\", "/").endsWith(c.module));
    if (cuts.length === 0) return null;
    let trimmed = code;
    for (const { cut, by, count } of cuts) {
      const found = trimmed.match(cut)?.length ?? 0;
      if (found !== count) this.error(`trim-lit: ${cut} matched ${found} times in ${id}, expected ${count}`);
      trimmed = trimmed.replace(cut, by);
    }
    return { code: trimmed, map: null };
  },
});

const dropInPlugins = () => [
  compactTemplates(),
  litStaysInEntry(),
  trimLit(),
  // `browser`: the `browser` field of @septet/core leaves its Node-only pass out (Lit's `browser`
  // files are its default ones).
  nodeResolve({ browser: true, exportConditions: ["production"] }),
  typescript({
    tsconfig: "./tsconfig.json",
    declaration: false,
    declarationMap: false,
    declarationDir: undefined,
    outDir: "dist",
  }),
  terser({
    ecma: 2022,
    module: true,
    // `unsafe` rewrites `String(x)` as `x+""`, `new Array(n)` as `Array(n)` and a template as a
    // concatenation: the same results here, where those values are strings and numbers, never
    // symbols or objects (−100 B all in one). No `unsafe_*` option: `unsafe_arrows` and
    // `unsafe_methods` (a function or method that loses `new`) saved nothing.
    compress: { passes: 3, unsafe: true },
    // Lit's own private fields (`_$AH`, `_$AM`…: "_$" and two letters), which only the Lit
    // bundled here reads; `_$litType$` and the other markers that another Lit copy on the page
    // may read keep their names. (Lit's polyfill-support and SSR hydration hooks, written
    // against the real names, would not match: `trimLit` cuts them.) terser mangles each chunk
    // on its own, so Lit must stay in the entry: `litStaysInEntry` fails the build otherwise.
    mangle: { properties: { regex: /^_\$[A-Z][A-Za-z_]$/ } },
    format: { comments: false, wrap_func_args: false },
  }),
];

/**
 * Types for a drop-in file (`@septet/widget/septet-composer.js` and `.all.js`,
 * `@septet/widget/septet-key-settings.js`): its exports are those of the library module it bundles.
 */
const dropInTypes = (fileName, libraryModule) => ({
  name: "drop-in-types",
  generateBundle() {
    this.emitFile({
      type: "asset",
      fileName,
      source: `// The drop-in's exports are the library build's.\nexport * from "./lib/${libraryModule}";\n`,
    });
  },
});

/**
 * A library build of `input` into dist/lib: one module per source file, with declarations; Lit,
 * @septet/core and `alsoExternal` left to the user's bundler.
 */
const library = (input, alsoExternal) => ({
  input,
  output: {
    dir: "dist/lib",
    format: "es",
    preserveModules: true,
    preserveModulesRoot: "src",
    sourcemap: true,
  },
  external: [/^lit(\/|$)/, /^@lit\//, /^@septet\/core(\/|$)/, ...alsoExternal],
  onwarn,
  plugins: [typescript({ tsconfig: "./tsconfig.json", outDir: "dist/lib", declarationDir: "dist/lib" })],
});

export default [
  // (1) Drop-in: one <script type="module">, Lit included. The replacement engine and the
  // national language tables are separate chunks loaded on demand by dynamic import().
  {
    input: { "septet-composer": "src/index.ts" },
    // Let shared code stay in the entry (lazy chunks import it from there): one request up front.
    preserveEntrySignatures: "allow-extension",
    output: {
      dir: "dist",
      format: "es",
      entryFileNames: "[name].js",
      chunkFileNames: "chunks/[name]-[hash].js",
      sourcemap: true,
    },
    onwarn,
    plugins: [...dropInPlugins(), dropInTypes("septet-composer.d.ts", "index.js")],
  },
  // (2) Library: one module per source file, Lit and @septet/core external, with declarations.
  library("src/index.ts", []),
  // (3) All in one file: the drop-in with the replacement engine and the national language
  // tables included (no request after the first), for pages that always use them or that
  // cannot serve the chunks next to the script.
  {
    input: { "septet-composer.all": "src/index.ts" },
    output: {
      dir: "dist",
      format: "es",
      entryFileNames: "[name].js",
      inlineDynamicImports: true,
      sourcemap: true,
    },
    onwarn,
    plugins: dropInPlugins(),
  },
  // (4) <septet-key-settings> drop-in: Lit, @septet/core's KeySettings (and the effect modules it
  // uses) and the <septet-composer> of its sample message, whose replacement engine and national
  // tables stay lazy chunks as in (1) (the element never asks for the national tables).
  {
    input: { "septet-key-settings": "src/key-settings/index.ts" },
    preserveEntrySignatures: "allow-extension",
    output: {
      dir: "dist",
      format: "es",
      entryFileNames: "[name].js",
      chunkFileNames: "chunks/key-settings-[name]-[hash].js",
      sourcemap: true,
    },
    onwarn,
    plugins: [...dropInPlugins(), dropInTypes("septet-key-settings.d.ts", "key-settings/index.js")],
  },
  // (5) <septet-key-settings> as a library, like (2), with effect external too.
  library("src/key-settings/index.ts", [/^effect(\/|$)/]),
];
