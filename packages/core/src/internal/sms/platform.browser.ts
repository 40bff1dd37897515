/**
 * `platform.ts` in browser bundles (the package's `browser` field): the Node-only pass never runs
 * and its module (`nativeCopy.ts`) is not imported. The functions below stand in for its own and
 * are never called.
 *
 * @internal
 */
export const NODE_PASS: boolean = false;
const never = (): number => 0;
export const copyText: (t: string) => number = never;
export const fourUnitSteps: (cost: Uint8Array, w: number, m: number, used: number, cap: number) => number =
  never;
export const fourUnitCost: (cost: Uint8Array, w: number) => number = never;
export const useNativeCopy = (_: boolean): boolean => false;
