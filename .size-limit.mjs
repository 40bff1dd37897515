// Size budgets, checked by `pnpm run size` (size-limit) in CI; min+gzip (level 9), kB of 1,000 B.
//
// The core apps are bundled and minified by esbuild from packages/core/bench/size-cases/ (each a
// tiny app importing part of the core sources); the widget rows are the built files as shipped
// (run `pnpm --filter "@septet/widget..." run build` first), gzipped one by one.
//
// Core's `browser` field (packages/core/package.json) puts `internal/sms/platform.browser` in
// place of `internal/sms/platform`, so browser bundles leave out `Sms.measure`'s Node-only pass.
// The field names the built files and these apps import the sources, so the same swap is made
// here: each core row is what a browser app gets.
const corePlatformForBrowsers = {
  name: "core-platform-for-browsers",
  setup(build) {
    build.onResolve({ filter: /^\.\/platform\.js$/ }, ({ importer }) =>
      /[\\/]core[\\/]src[\\/]internal[\\/]sms[\\/][^\\/]+\.ts$/.test(importer)
        ? { path: importer.replace(/[^\\/]+\.ts$/, "platform.browser.ts") }
        : undefined,
    );
  },
};
const esm = (config) => ({
  ...config,
  format: "esm",
  plugins: [...(config.plugins ?? []), corePlatformForBrowsers],
});
const coreApp = (name, file, limit) => ({
  name,
  path: `packages/core/bench/size-cases/${file}`,
  gzip: true,
  modifyEsbuildConfig: esm,
  ...(limit ? { limit } : {}),
});
const widgetFile = (name, path, limit) => ({
  name,
  path,
  gzip: true,
  disablePlugins: ["@size-limit/esbuild"],
  ...(limit ? { limit } : {}),
});

export default [
  coreApp("core: Sms.measure only (measure-only app)", "sms-measure.ts", "4 kB"),
  coreApp("core: Sms.measure + Gsm7.Turkish", "sms-measure-turkish.ts"),
  coreApp("core: measure, split, truncate", "sms-all.ts"),
  coreApp("core: + all 13 national languages", "gsm7-all-languages.ts"),
  coreApp("core: FULL table data", "replacement-full-tables.ts"),
  coreApp("core: Replacement ON only", "replacement-on.ts"),
  coreApp("core: Replacement.apply (all modes)", "replacement-full.ts"),
  // The composer's goals are 15 kB (initial load) and 25 kB (all in one); both are missed since
  // the Sms fast paths, the FULL engine rework and the dark/RTL/long-text work (BENCHMARKS.md,
  // "Goals at a glance"). The size pass of 6 Dec 2026, 22:25 UTC got as close as the build can
  // without dropping features or touching core's engines (benchmarks/widget.md, "Back toward the
  // goals"): the limits below are the sizes it reached (the initial load then shrank to 15.96 kB
  // with the input latency work), so that nothing grows unnoticed. 7 Dec 2026: +69 B (16,031 B)
  // for core's issue 12 work: the UCS-2 measurement's shared accessors (every measurement
  // outlived young collections before; `measure` on UCS-2 text is 3.5× faster) and the GSM-7
  // pass reading two units per step without the Node copy (+10 % in browsers).
  widgetFile(
    "widget: septet-composer.js, initial load",
    "packages/widget/dist/septet-composer.js",
    "16.05 kB",
  ),
  widgetFile("widget: · national tables chunk (lazy)", "packages/widget/dist/chunks/languages-*.js"),
  widgetFile("widget: · Auto-Replace chunk (lazy)", "packages/widget/dist/chunks/details-*.js"),
  // All in one, 6 Dec 23:05 UTC: +0.17 kB for issue 12's input latency (the marks in view, the
  // list and preview a frame after the counts; benchmarks/widget.md, "Input latency"), which live
  // in the lazy chunk (the initial load shrank by 0.09 kB with it), and +0.18 kB from the FULL
  // engine merge (branch full2x), which the 28.98 kB limit had not followed.
  widgetFile(
    "widget: septet-composer.all.js, all in one",
    "packages/widget/dist/septet-composer.all.js",
    "29.35 kB",
  ),
  // The goal is 30 kB with everything, not met (benchmarks/widget.md): what any key settings
  // element needs already bundles to 40.2 kB (`pnpm --filter @septet/widget run bench:floors`).
  // The limit is the size reached on 6 Dec 2026 (74.72 kB), against growth.
  widgetFile("widget: septet-key-settings.js, initial load", "packages/widget/dist/septet-key-settings.js"),
  // Everything the element loads: the entry, its sample <septet-composer> and the composer's
  // Auto-Replace UI (the national tables chunk is never asked for by this element).
  widgetFile(
    "widget: septet-key-settings.js, with everything",
    [
      "packages/widget/dist/septet-key-settings.js",
      "packages/widget/dist/chunks/key-settings-septet-composer-*.js",
      "packages/widget/dist/chunks/key-settings-details-*.js",
    ],
    "75 kB",
  ),
];
