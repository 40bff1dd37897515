/**
 * Fields built on first read that still behave as data: own, enumerable accessors, so spread,
 * `JSON.stringify`, `structuredClone` and deep equality see them (prototype getters are lost by
 * spread and `structuredClone`). `Sms.measure` (UCS-2 lists) and `Replacement.apply` (FULL's
 * report) use it.
 *
 * The accessor functions are shared by every object, and what they build from sits under
 * {@link STATE}, which is not enumerable. (Getters written in an object literal are new functions
 * for every object, and V8 allocates the pair that holds them in its old generation: everything
 * they closed over then outlived the young collections until the next full one. Measuring UCS-2
 * text promoted about 7 MB per young collection that way, and V8 went on to allocate objects
 * `Sms.count` shares with `measure` in the old generation, which halved `count`'s speed.)
 *
 * @internal
 */

/** The property, not enumerable, that holds an object's state for its accessors. */
export const STATE = Symbol();

/**
 * Puts `state` under {@link STATE} and defines `accessors` as own, enumerable, configurable
 * accessors (as an object literal's `get` would), in their order. About 0.1 µs per property in
 * V8.
 */
export const defineLazyFields = (
  target: object,
  state: object,
  accessors: Readonly<Record<string, () => unknown>>,
): void => {
  Object.defineProperty(target, STATE, { value: state });
  for (const key in accessors)
    Object.defineProperty(target, key, { get: accessors[key]!, enumerable: true, configurable: true });
};
