/**
 * Shared fast-check arbitraries, conformance vectors and helpers for septet and its ports.
 *
 * @packageDocumentation
 */
export * as Arbitraries from "./Arbitraries.js";
