/**
 * vitest bench for the IP whitelist: lookups from address strings (batches of 1,024, so the
 * harness's per-call timer does not swamp a ~100 ns lookup) and builds, septet beside the peers.
 * The full comparison (100,000 rules, IPv6, memory) is `allowlist-compare.ts`; see
 * benchmarks/ip.md for both commands and the recorded figures.
 *
 *   npx pnpm@12.4.2 exec vitest bench --run --project "core (bench)" packages/core/bench/allowlist.bench.ts
 */
import { createRequire } from "node:module";
import { BlockList } from "node:net";
import { Result } from "effect";
import { test } from "vitest";
import * as Allowlist from "../src/Allowlist.js";
import { flat, v4Pool, v4Rules } from "./ipData.js";

const require = createRequire(import.meta.url);
// Local copy: the bench runner wraps module exports in getters, which would be timed too.
const allows = Allowlist.allows;
const IPSet = require("ip-set");

const build = (rules: ReadonlyArray<string>): Allowlist.Allowlist => {
  const r = Allowlist.makeResult(rules);
  if (Result.isFailure(r)) throw new Error(r.failure.message);
  return r.success;
};

let sink = 0;

for (const n of [10, 1000]) {
  const rules = flat(v4Rules(n, 0x5e97e7 + n).map((r) => r.text));
  const pool = flat(v4Pool(v4Rules(n, 0x5e97e7 + n), 1024, 42 + n));
  const list = build(rules);
  const set = new IPSet(rules);
  const bl = new BlockList();
  for (const r of rules) {
    const [a, p] = r.split("/");
    bl.addSubnet(a!, Number(p), "ipv4");
  }
  test(`IPv4 lookups ×1024, ${n} rules`, async ({ bench }) => {
    await bench.compare(
      bench("septet Allowlist.allows", () => {
        for (const a of pool) if (allows(list, a)) sink++;
      }),
      bench("ip-set contains", () => {
        for (const a of pool) if (set.contains(a)) sink++;
      }),
      bench("node:net BlockList check", () => {
        for (const a of pool) if (bl.check(a, "ipv4")) sink++;
      }),
    );
  }, 600_000);
}

test("build, 10,000 IPv4 rules", async ({ bench }) => {
  const rules = flat(v4Rules(10000, 7).map((r) => r.text));
  await bench.compare(
    bench("septet Allowlist.make", () => {
      sink += build(rules).size;
    }),
    bench("ip-set", () => {
      sink += new IPSet(rules).tree === null ? 0 : 1;
    }),
    bench("node:net BlockList", () => {
      const bl = new BlockList();
      for (const r of rules) {
        const [a, p] = r.split("/");
        bl.addSubnet(a!, Number(p), "ipv4");
      }
    }),
  );
}, 600_000);

export { sink };
