/**
 * The national language tables, loaded by `<septet-composer>` with `import()` when `languages`
 * is set. Only `languages` is re-exported, so the lazy chunk holds the tables and not the rest
 * of `@septet/core/Gsm7` (its encoder and helpers).
 *
 * @internal
 */
export { languages } from "@septet/core/Gsm7";
