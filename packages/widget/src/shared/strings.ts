/**
 * The strings machinery shared by septet's elements: each element keeps its texts in one object
 * of plain strings with `{name}` placeholders (so a translation can come from JSON), merged over
 * its English defaults, and fills them with these two functions.
 *
 * @internal
 */

/**
 * Fills `{name}` placeholders; unknown names stay as they are.
 *
 * @internal
 */
export const format = (template: string, values: Readonly<Record<string, string | number>>): string =>
  template.replace(/\{(\w+)\}/g, (whole, key: string) => {
    const value = values[key];
    return value === undefined ? whole : String(value);
  });

/**
 * Picks the `…One` or `…Other` template by `count` and fills it.
 *
 * @internal
 */
export const plural = (count: number, one: string, other: string, values = {}): string =>
  format(count === 1 ? one : other, { count, ...values });
