/**
 * Shared fast-check arbitraries, conformance vectors and helpers for septet and its ports.
 *
 * @packageDocumentation
 */
export * as IpArbitraries from "./IpArbitraries.js";
export * as PolicyArbitraries from "./PolicyArbitraries.js";
export * as ReplacementArbitraries from "./ReplacementArbitraries.js";
export * as SmsArbitraries from "./SmsArbitraries.js";
