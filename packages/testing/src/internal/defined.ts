/**
 * Removing `undefined` fields, so a conformance case or option object is the same value before
 * and after a JSON round trip (and passes `exactOptionalPropertyTypes`).
 *
 * @internal
 */

/** `A` with its `undefined`-able fields made optional (and never `undefined`). */
export type Defined<A> = { [K in keyof A as undefined extends A[K] ? never : K]: A[K] } & {
  [K in keyof A as undefined extends A[K] ? K : never]?: Exclude<A[K], undefined>;
};

/** Removes `undefined` fields, so a case is the same value before and after a JSON round trip. */
export const defined = <A extends object>(value: A): Defined<A> =>
  Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Defined<A>;
