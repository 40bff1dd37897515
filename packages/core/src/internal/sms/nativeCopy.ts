/**
 * The Node-only part of the GSM-7 pass (`fast.ts`): the text copied natively as UTF-16 into one
 * reused buffer and summed four units per step through 32-bit reads. Only `platform.ts` imports
 * this module, and browser bundles put `platform.browser.ts` in its place, so none of it reaches
 * them (not even as dead code: esbuild keeps an `if (false)` block whose condition comes from
 * another module).
 *
 * @internal
 */

/** The part of Node's `Buffer` the copy needs; typed here so the package imports nothing from Node. */
interface NodeBuffer {
  alloc(size: number): Uint8Array & Partial<Utf16Writer>;
}

/** Node's native UTF-16 write (what `Buffer#write` calls after parsing its arguments). */
interface Utf16Writer {
  ucs2Write(text: string, offset: number): number;
}

/** Texts up to this many units are copied; longer ones are read with `charCodeAt`. */
const COPY_UNITS = 0x8000;

/**
 * The copy, read two units per 32-bit read; one scratch buffer serves every call. `null` where
 * `Buffer` is not native (a bundler's polyfill lacks `process.versions.node`), has no
 * `ucs2Write` (the native write `Buffer#write` calls after parsing its arguments, which took as
 * long as the copy itself on short texts), or the platform is big-endian.
 */
let words: Uint32Array | null | undefined;
/** The buffer under `words` (called directly: no closure, so no call site ever changes target). */
let buffer: Utf16Writer;

const nativeBuffer = (): Uint32Array | null => {
  const g = globalThis as { Buffer?: NodeBuffer; process?: { versions?: { node?: string } } };
  // `alloc` is never pooled, so the view covers the whole buffer from its start; checked below,
  // with the byte order (a 1 in the first byte reads as 1 only in little-endian).
  const b = g.process?.versions?.node ? g.Buffer?.alloc?.(COPY_UNITS * 2) : undefined;
  if (!b?.ucs2Write) return null;
  buffer = b as Utf16Writer;
  const w = new Uint32Array(b.buffer);
  b[0] = 1;
  return w[0] === 1 && w.length === COPY_UNITS >> 1 ? w : null;
};

/**
 * Turns the copy on or off, and says whether it is now on; it is on by default wherever a native
 * `Buffer` is found. Both passes give the same results: the switch exists for the benchmark and
 * the tests that compare them.
 */
export const useNativeCopy = (on: boolean): boolean => {
  words = on ? nativeBuffer() : null;
  return words !== null;
};

/** Copies `t` and returns how many whole 32-bit words it fills, or 0 when it is not copied. */
export const copyText = (t: string): number => {
  if (words === undefined) words = nativeBuffer();
  if (words === null || t.length > COPY_UNITS) return 0;
  buffer.ucs2Write(t, 0);
  return t.length >> 1;
};

/**
 * Adds the septet costs (`cost`, one per unit) of the copied text four units per step from word
 * `w`, while the part still holds them (`used` + the four ≤ `cap`) and two whole words remain
 * before word `m`. Returns where it stopped and the septets used then, as `w * 512 + used`
 * (`used` ≤ `cap` < 512): no object on the hot path. The four costs are added in pairs before
 * `used` (not one after another onto it): each step then waits on one addition of the step
 * before, not four (7 % faster on GSM-7 messages).
 */
export const fourUnitSteps = (cost: Uint8Array, w: number, m: number, used: number, cap: number): number => {
  const u = words!;
  for (; w + 1 < m; w += 2) {
    const x = u[w]!;
    const y = u[w + 1]!;
    const next = used + (cost[x & 0xffff]! + cost[x >>> 16]! + (cost[y & 0xffff]! + cost[y >>> 16]!));
    if (next > cap) break;
    used = next;
  }
  return w * 512 + used;
};

/** The septet cost of the four copied units at words `w` and `w + 1`. */
export const fourUnitCost = (cost: Uint8Array, w: number): number => {
  const x = words![w]!;
  const y = words![w + 1]!;
  return cost[x & 0xffff]! + cost[x >>> 16]! + cost[y & 0xffff]! + cost[y >>> 16]!;
};
