/**
 * Per-client request throttling, as the provider does it: a token bucket per client address
 * (default 150 requests per second, a burst of as many), then `429 Too Many Requests` with
 * `Retry-After`.
 *
 * Memory stays bounded: the buckets sit in a `Map` kept in last-use order; a bucket idle long
 * enough to be full again is indistinguishable from no bucket and is dropped on the next call
 * (oldest first, amortised O(1)), and past `maxClients` the least recently used bucket is dropped
 * (a flood from many addresses then resets some buckets instead of exhausting memory).
 */
import { Ip } from "@septet/core";
import { Option } from "effect";

/** Throttle settings. */
export interface ThrottleOptions {
  /** Requests per second per client address. Default 150. */
  readonly perSecond?: number | undefined;
  /** Requests a client may make at once after being idle. Default: `perSecond`. */
  readonly burst?: number | undefined;
  /** Buckets kept at most. Default 100 000 (about 10 MB). */
  readonly maxClients?: number | undefined;
}

/** The verdict for one request. */
export type Verdict =
  | { readonly allowed: true }
  | { readonly allowed: false; readonly retryAfterSeconds: number };

/** A throttle; `take` spends one request of `key`'s budget at time `now` (milliseconds). */
export interface Throttle {
  readonly take: (key: string, now: number) => Verdict;
  /** Buckets currently held. */
  readonly size: () => number;
}

interface Bucket {
  tokens: number;
  last: number;
}

const allowed: Verdict = { allowed: true };

/** Makes a throttle. Settings must be positive finite numbers (the config schema checks). */
export const makeThrottle = (options: ThrottleOptions = {}): Throttle => {
  const perSecond = options.perSecond ?? 150;
  const burst = options.burst ?? perSecond;
  const maxClients = options.maxClients ?? 100_000;
  const perMs = perSecond / 1000;
  // A bucket untouched for this long is full again: the same as having none.
  const idleMs = burst / perMs;
  const buckets = new Map<string, Bucket>();

  const sweep = (now: number) => {
    for (const [key, bucket] of buckets) {
      if (now - bucket.last < idleMs && buckets.size <= maxClients) break;
      buckets.delete(key);
    }
  };

  const take = (key: string, now: number): Verdict => {
    let bucket = buckets.get(key);
    if (bucket === undefined) bucket = { tokens: burst, last: now };
    else {
      buckets.delete(key);
      bucket.tokens = Math.min(burst, bucket.tokens + Math.max(0, now - bucket.last) * perMs);
      bucket.last = now;
    }
    // Re-inserted at the end: the map's order is last-use order, oldest first.
    buckets.set(key, bucket);
    sweep(now);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return allowed;
    }
    return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / perSecond)) };
  };

  return { take, size: () => buckets.size };
};

/** IPv6 prefixes (first 12 bytes) under which a translator carries an IPv4 client's address. */
const TRANSLATED: ReadonlyArray<ReadonlyArray<number>> = [
  [0, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0], // NAT64 well-known prefix 64:ff9b::/96 (RFC 6052)
  [0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, 0, 0], // SIIT IPv4-translated ::ffff:0:0:0/96 (RFC 2765)
];

/**
 * The bucket a client address falls in: an IPv4 address (an IPv4-mapped one as IPv4) on its own,
 * an IPv6 address by its /64 (one subscriber's allocation: per-address buckets would let one
 * host rotate through 2^64 addresses). An IPv4 client seen through a translator (NAT64
 * `64:ff9b::/96`, SIIT `::ffff:0:0:0/96`) is bucketed by the IPv4 address it carries: by /64,
 * every IPv4 client behind the translator would share one bucket, and one of them could
 * throttle all the others. Anything else as given, cut to 64 characters.
 */
export const throttleKey = (address: string): string => {
  const parsed = Ip.parseAddressOption(address);
  if (Option.isNone(parsed)) return address.slice(0, 64);
  const ip = Ip.unmap(parsed.value);
  if (ip.family === 4) return Ip.format(ip);
  const bytes = Ip.toBytes(ip);
  if (TRANSLATED.some((prefix) => prefix.every((byte, i) => bytes[i] === byte))) {
    return Option.match(Ip.fromBytes(bytes.subarray(12)), { onNone: () => "", onSome: Ip.format });
  }
  const prefix = bytes.fill(0, 8);
  return `${Option.match(Ip.fromBytes(prefix), { onNone: () => "", onSome: Ip.format })}/64`;
};
