/**
 * Whether the Node-only GSM-7 pass of `fast.ts` (a native copy of the text through `Buffer`) may
 * run: where a native `Buffer` is found (Node, Bun, Deno; a bundler's `Buffer` polyfill lacks
 * `process.versions.node`). The package's `browser` field puts `platform.browser.ts` (`false`)
 * in place of this module for bundlers that build for browsers (Vite, esbuild, webpack, rollup's
 * node-resolve with `browser: true`), so a browser bundle leaves that pass out as dead code.
 *
 * @internal
 */
export const NODE_PASS: boolean = (() => {
  const g = globalThis as { Buffer?: { alloc?: unknown }; process?: { versions?: { node?: string } } };
  return g.process?.versions?.node !== undefined && typeof g.Buffer?.alloc === "function";
})();
