/**
 * Checks a builder's `minLength` / `maxLength` constraints, failing fast (at build time, not
 * while a property runs) with the builder's name and the bad value.
 *
 * @internal
 */
export const lengths = (
  name: string,
  c: { readonly minLength?: number; readonly maxLength?: number } | undefined,
  defaultMax: number,
): { readonly minLength: number; readonly maxLength: number } => {
  const minLength = c?.minLength ?? 0;
  const maxLength = c?.maxLength ?? Math.max(defaultMax, minLength);
  if (!Number.isSafeInteger(minLength) || minLength < 0)
    throw new RangeError(`${name}: minLength must be a non-negative integer, got ${minLength}`);
  if (!Number.isSafeInteger(maxLength) || maxLength < minLength)
    throw new RangeError(
      `${name}: maxLength must be an integer ≥ minLength (${minLength}), got ${maxLength}`,
    );
  return { minLength, maxLength };
};
