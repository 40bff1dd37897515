/**
 * The `effect/Schema` of a key owner's replacement table, for decoding API key configuration.
 *
 * It runs the same validation as `Replacement.makeTable` (one rule, one place) and lives in its
 * own module so `Replacement` stays free of `effect` (the browser widget's bundle budget).
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Schema, SchemaGetter, SchemaIssue } from "effect";
import { isTable, makeTable } from "./internal/replace/table.js";
import type { Table } from "./Replacement.js";

/**
 * A schema for an already validated `Replacement.Table` (made by `Replacement.makeTable`).
 *
 * @example
 * ```ts
 * import { Replacement, ReplacementTable } from "@septet/core"
 * import { Schema } from "effect"
 *
 * Schema.is(ReplacementTable.TableFromSelf)(Replacement.makeTable({ a: "b" })) // => true
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const TableFromSelf = /*#__PURE__*/ Schema.declare<Table>(isTable, {
  title: "Replacement.Table",
  description: "A replacement table validated by Replacement.makeTable",
});

/**
 * Decodes a JSON replacement table (`{ "from": "to" }` or `[[from, to], …]`) into a
 * `Replacement.Table`; encodes it back as an array of `[from, to]` pairs.
 *
 * A refused table fails with an `InvalidValue` issue whose message names every bad entry (the
 * `message` of `Replacement.InvalidTable`, at most five entries spelled out).
 *
 * @example
 * ```ts
 * import { ReplacementTable } from "@septet/core"
 * import { Schema } from "effect"
 *
 * const decode = Schema.decodeUnknownSync(ReplacementTable.ReplacementTable)
 * decode({ "’": "'" }).entries // => [["’", "'"]]
 * Schema.encodeSync(ReplacementTable.ReplacementTable)(decode({ "’": "'" })) // => [["’", "'"]]
 * ```
 *
 * @category schemas
 * @since 0.1.0
 */
export const ReplacementTable = /*#__PURE__*/ Schema.Unknown.pipe(
  /*#__PURE__*/ Schema.decodeTo(TableFromSelf, {
    decode: SchemaGetter.transformEffect((input: unknown, options) => {
      const table = makeTable(input);
      return table._tag === "Table"
        ? Effect.succeed(table)
        : Effect.fail(new SchemaIssue.InvalidValue({ message: table.message }, input, options));
    }),
    encode: SchemaGetter.transform((table: Table): unknown => table.entries.map(([from, to]) => [from, to])),
  }),
);
