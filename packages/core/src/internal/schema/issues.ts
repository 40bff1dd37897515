/**
 * Flattening of `effect/Schema` issues into plain `{ path, message, missing }` records, shared by
 * the API-key, request and delivery-report decoders.
 *
 * @internal
 */
import { type Schema, SchemaIssue } from "effect";

/** At most this many problems are reported for one input (a hostile input can have millions). */
export const MAX_ISSUES = 50;

const MISSING = "\u0000missing";

const formatter = SchemaIssue.makeFormatterStandardSchemaV1({
  leafHook: (issue) => (issue._tag === "MissingKey" ? MISSING : SchemaIssue.defaultLeafHook(issue)),
});

/** One problem of a decoded input. */
export interface FlatIssue {
  /** Keys and indices from the root of the input to the offending value. */
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
  /** A required key is absent (Omnichannel "106 Missing data" rather than "105 Invalid data"). */
  readonly missing: boolean;
}

/** Every problem of a Schema failure, at most {@link MAX_ISSUES}, input values never echoed. */
export const flatten = (error: Schema.SchemaError): ReadonlyArray<FlatIssue> =>
  formatter(error.issue)
    .issues.slice(0, MAX_ISSUES)
    .map((issue) => ({
      path: (issue.path ?? []).map((key) => (typeof key === "number" ? key : String(key))),
      message: issue.message === MISSING ? "Missing key" : issue.message,
      missing: issue.message === MISSING,
    }));

/** RFC 6901 JSON Pointer of a path (`["messages", 0, "text"]` → `/messages/0/text`). */
export const toPointer = (path: ReadonlyArray<string | number>): string =>
  path.map((key) => `/${String(key).replaceAll("~", "~0").replaceAll("/", "~1")}`).join("");

/**
 * Omnichannel-style source of a path (`["messages", 0, "sender"]` → `payload[messages][0][sender]`),
 * the form Messente's API uses in its error objects.
 */
export const toSource = (path: ReadonlyArray<string | number>): string =>
  `payload${path.map((key) => `[${String(key)}]`).join("")}`;
