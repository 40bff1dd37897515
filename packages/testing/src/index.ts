/**
 * Shared fast-check arbitraries, conformance vectors and helpers for septet and its ports.
 *
 * - {@link Conformance}: the vectors septet tests itself with, as versioned data (also shipped as
 *   JSON in `@septet/testing/conformance/v1/`), and a runner for any implementation.
 * - {@link SmsArbitraries}, {@link ReplacementArbitraries}, {@link IpArbitraries},
 *   {@link PolicyArbitraries}: fast-check arbitraries for your own property tests.
 *
 * @packageDocumentation
 */
export * as Conformance from "./Conformance.js";
export * as IpArbitraries from "./IpArbitraries.js";
export * as PolicyArbitraries from "./PolicyArbitraries.js";
export * as ReplacementArbitraries from "./ReplacementArbitraries.js";
export * as SmsArbitraries from "./SmsArbitraries.js";
