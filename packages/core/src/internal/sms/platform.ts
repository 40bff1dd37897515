/**
 * The Node-only GSM-7 pass of `fast.ts` (a native UTF-16 copy through `Buffer`, see
 * `nativeCopy.ts`), where `Buffer` exists (the copy then checks that it is Node's own). The
 * package's `browser` field puts `platform.browser.ts` in place of this module for bundlers that
 * build for browsers (Vite, esbuild, webpack, rollup's node-resolve with `browser: true`), so a
 * browser bundle has none of that pass. (`NODE_PASS` is not a literal `true`: a bundler, core's
 * own build included, would fold it into `fast.js` and drop this module.)
 *
 * @internal
 */
export { copyText, fourUnitCost, fourUnitSteps, useNativeCopy } from "./nativeCopy.js";

export const NODE_PASS: boolean = typeof (globalThis as { Buffer?: unknown }).Buffer === "function";
