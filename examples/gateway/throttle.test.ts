import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import { makeThrottle, throttleKey } from "./throttle.js";

describe("makeThrottle", () => {
  it("allows the burst, then refuses with the wait until the next token", () => {
    const throttle = makeThrottle({ perSecond: 150 });
    const verdicts = Array.from({ length: 151 }, () => throttle.take("a", 0));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(150);
    expect(verdicts[150]).toStrictEqual({ allowed: false, retryAfterSeconds: 1 });
    // One token every 1/150 s.
    expect(throttle.take("a", 1000 / 150).allowed).toBe(true);
    expect(throttle.take("a", 1000 / 150).allowed).toBe(false);
    expect(throttle.take("b", 0).allowed).toBe(true);
  });

  it("rounds Retry-After up to whole seconds for slow rates", () => {
    const throttle = makeThrottle({ perSecond: 1, burst: 1 });
    throttle.take("a", 0);
    expect(throttle.take("a", 0)).toStrictEqual({ allowed: false, retryAfterSeconds: 1 });
    const slow = makeThrottle({ perSecond: 0.25, burst: 1 });
    slow.take("a", 0);
    expect(slow.take("a", 0)).toStrictEqual({ allowed: false, retryAfterSeconds: 4 });
  });

  it("never allows more than burst + rate × elapsed (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 300 }),
        (perSecond, burst, gaps) => {
          const throttle = makeThrottle({ perSecond, burst });
          let now = 0;
          let allowed = 0;
          for (const gap of gaps) {
            now += gap;
            if (throttle.take("k", now).allowed) allowed++;
          }
          expect(allowed).toBeLessThanOrEqual(burst + Math.floor((perSecond * now) / 1000) + 1);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("keeps memory bounded: idle buckets are dropped, and at most maxClients are held", () => {
    const throttle = makeThrottle({ perSecond: 10, burst: 10, maxClients: 1000 });
    for (let i = 0; i < 5000; i++) throttle.take(`10.0.${i >> 8}.${i & 255}`, 0);
    expect(throttle.size()).toBe(1000);
    // One second later every bucket is full again (idle): the next call sweeps them.
    throttle.take("other", 1000);
    expect(throttle.size()).toBe(1);
  });
});

describe("throttleKey", () => {
  it.each([
    ["203.0.113.9", "203.0.113.9"],
    ["::ffff:203.0.113.9", "203.0.113.9"],
    ["2001:db8:1:2:aaaa::1", "2001:db8:1:2::/64"],
    ["2001:db8:1:2:bbbb::2", "2001:db8:1:2::/64"],
    ["not an address", "not an address"],
    // IPv4 clients seen through a translator (NAT64 well-known prefix, SIIT): one bucket per
    // IPv4 client, not one /64 bucket for all of them.
    ["64:ff9b::203.0.113.9", "203.0.113.9"],
    ["64:ff9b::198.51.100.1", "198.51.100.1"],
    ["::ffff:0:203.0.113.9", "203.0.113.9"],
  ])("%s → %s", (address, key) => {
    expect(throttleKey(address)).toBe(key);
  });
});
