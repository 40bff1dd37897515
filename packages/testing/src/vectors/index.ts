/**
 * septet's conformance vectors as TypeScript tables (`@septet/testing/vectors`): the rows
 * septet's own tests run, each with its expected result and the source of that result.
 *
 * - IP whitelist: {@link addressVectors}, {@link cidrVectors}, {@link allowlistVectors},
 *   {@link entriesVectors}.
 * - Policy: {@link precedenceCells}, {@link senders}, {@link dlrUrls}, {@link signatures}.
 * - Auto-Replace: {@link replacementLanguageVectors}, {@link messenteVectors},
 *   {@link replacementEdgeVectors}.
 * - Measurement: {@link smsVectors}.
 *
 * The same rows ship as versioned JSON in `@septet/testing/conformance/v1/` (for ports in other
 * languages) and run against any implementation through `Conformance.run`. Import this subpath
 * to drive your own `it.each` tables from the typed rows.
 *
 * @module
 * @since 0.1.0
 */
export * from "./ip.js";
export * from "./policy.js";
export * from "./replacement.js";
export * from "./sms.js";
