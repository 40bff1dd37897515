/**
 * `platform.ts` in browser bundles (the package's `browser` field): the Node-only pass never runs,
 * so bundlers drop it as dead code.
 *
 * @internal
 */
export const NODE_PASS: boolean = false;
