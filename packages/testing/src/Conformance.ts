/**
 * The conformance kit: the vectors septet tests itself with, as versioned plain data, and a
 * runner that checks any implementation of septet's rules against them.
 *
 * A team porting septet (to another language, or wrapping it behind a service) proves its port
 * agrees by giving {@link run} the functions it has, each adapted to a small plain signature
 * ({@link Implementation}). The runner calls each function on every case of its file and returns a
 * {@link Report}: plain data, easy to print, assert on, or store.
 *
 * The same cases ship as JSON in `@septet/testing/conformance/v1/*.json` (one file per area,
 * {@link FILES}), for ports that cannot run JavaScript: every file carries `schema`, `version`
 * and `generatedFrom`, and every case carries `source`, where its expected value comes from (a
 * clause of 3GPP TS 23.038 / TS 23.040, an RFC, a CVE, another parser's test table, or a septet
 * decision, documented in the guides). The files are generated from `packages/testing/src/vectors/*.ts` by
 * `packages/testing/scripts/generate-conformance.ts`; a test fails when they drift.
 *
 * Versioning: {@link VERSION} changes when a case's meaning changes or a case is removed; adding
 * cases keeps the version. A port pins the version it was checked against.
 *
 * @module
 * @since 0.1.0
 */
export * from "./conformance/cases.js";
export * from "./conformance/runner.js";
export * from "./conformance/septet.js";
