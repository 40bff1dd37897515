/**
 * Whether the Node-only GSM-7 pass of `fast.ts` (a native copy of the text through `Buffer`) may
 * run: `Buffer` exists (the pass then checks that it is Node's own). The package's `browser`
 * field puts `platform.browser.ts` (`false`) in place of this module for bundlers that build for
 * browsers (Vite, esbuild, webpack, rollup's node-resolve with `browser: true`), so a browser
 * bundle leaves that pass out as dead code. (Not a literal `true`: a bundler, core's own build
 * included, would fold it into `fast.js` and drop this module.)
 *
 * @internal
 */
export const NODE_PASS: boolean = typeof (globalThis as { Buffer?: unknown }).Buffer === "function";
