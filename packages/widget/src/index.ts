/**
 * `<septet-composer>`: placeholder until the composer lands.
 *
 * @packageDocumentation
 */
export const tagName = "septet-composer";
