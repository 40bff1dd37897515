/**
 * Side-by-side benchmark of septet's Allowlist against Node's net.BlockList, ipaddr.js,
 * cidr-matcher and ip-set, in ONE process on the SAME seeded rule sets and address pools.
 *
 * Run (from the repository root; --expose-gc is needed for the memory figures):
 *
 *   npx pnpm@12.4.2 run bench:ip      (= tsx --expose-gc packages/core/bench/allowlist-compare.ts)
 *
 * Prints markdown tables (lookups/second from address strings, build time, bytes per rule).
 * Every peer's answers are checked against septet's on the whole pool before timing, so no
 * library is timed while answering differently.
 */
import { createRequire } from "node:module";
import { BlockList } from "node:net";
import { Result } from "effect";
import * as Allowlist from "../src/Allowlist.js";
import { flat, v4Pool, v4Rules, v6Pool, v6Rules } from "./ipData.js";

const require = createRequire(import.meta.url);
const ipaddr = require("ipaddr.js");
const CidrMatcher = require("cidr-matcher");
const IPSet = require("ip-set");

// ---------------------------------------------------------------- contenders
interface Contender {
  readonly name: string;
  readonly build: (rules: ReadonlyArray<string>) => unknown;
  readonly lookup: (built: unknown, address: string) => boolean;
  readonly families: ReadonlyArray<4 | 6>;
}
const splitCidr = (text: string): [string, number] => {
  const slash = text.indexOf("/");
  return [text.slice(0, slash), Number(text.slice(slash + 1))];
};
const contenders = (family: 4 | 6): Array<Contender> =>
  [
    {
      name: "septet Allowlist",
      families: [4, 6] as const,
      build: (rules: ReadonlyArray<string>) => {
        const r = Allowlist.makeResult(rules);
        if (Result.isFailure(r)) throw new Error(r.failure.message);
        return r.success;
      },
      lookup: (list: unknown, a: string) => Allowlist.allows(list as Allowlist.Allowlist, a),
    },
    {
      name: "node:net BlockList",
      families: [4, 6] as const,
      build: (rules: ReadonlyArray<string>) => {
        const bl = new BlockList();
        for (const r of rules) {
          const [a, p] = splitCidr(r);
          bl.addSubnet(a, p, family === 4 ? "ipv4" : "ipv6");
        }
        return bl;
      },
      lookup: (bl: unknown, a: string) => (bl as BlockList).check(a, family === 4 ? "ipv4" : "ipv6"),
    },
    {
      name: "ipaddr.js subnetMatch",
      families: [4, 6] as const,
      build: (rules: ReadonlyArray<string>) => ({ allow: rules.map((r) => ipaddr.parseCIDR(r)) }),
      lookup: (ranges: unknown, a: string) => ipaddr.subnetMatch(ipaddr.parse(a), ranges, "deny") === "allow",
    },
    {
      name: "cidr-matcher",
      families: [4, 6] as const,
      build: (rules: ReadonlyArray<string>) => new CidrMatcher(rules),
      lookup: (m: unknown, a: string) => (m as { contains(a: string): boolean }).contains(a),
    },
    {
      name: "ip-set",
      families: [4] as const,
      build: (rules: ReadonlyArray<string>) => new IPSet(rules),
      lookup: (s: unknown, a: string) => (s as { contains(a: string): boolean }).contains(a),
    },
  ].filter((c) => (c.families as ReadonlyArray<number>).includes(family));

// ---------------------------------------------------------------- timing
const now = () => performance.now();
/**
 * One timed round: loops over the pool until `budgetMs` is spent, checking the clock every 64
 * lookups (so slow peers simply complete fewer lookups). Returns lookups per second.
 */
let sink = 0;
const round = (c: Contender, built: unknown, pool: ReadonlyArray<string>, budgetMs: number): number => {
  let count = 0;
  const t0 = now();
  let t = t0;
  const mask = pool.length - 1;
  while (t - t0 < budgetMs) {
    for (let k = 0; k < 64; k++) {
      if (c.lookup(built, pool[count & mask]!)) sink++;
      count++;
    }
    t = now();
  }
  return count / ((t - t0) / 1000);
};

const gc = (globalThis as { gc?: () => void }).gc;
const heap = () => {
  gc?.();
  gc?.();
  const m = process.memoryUsage();
  return m.heapUsed + m.arrayBuffers;
};

const fmt = (n: number) => (n >= 100 ? Math.round(n).toLocaleString("en-US") : n.toPrecision(3));

const ROUNDS = 9;

/**
 * Lookups/s of every contender: one warm-up round each, then ROUNDS rounds taken in turn
 * (round-robin, so a load spike on the shared machine hits everyone alike); best round reported.
 */
const lookupTable = (
  title: string,
  family: 4 | 6,
  rules: ReadonlyArray<string>,
  pool: ReadonlyArray<string>,
) => {
  const all = contenders(family);
  const septet = all[0]!;
  const reference = septet.build(rules);
  const built = all.map((c) => c.build(rules));
  const huge = rules.length >= 100000;
  all.forEach((c, i) => {
    // Linear peers answer a few hundred lookups/s at 100,000 rules: check them on 64 addresses.
    const checkCount = huge && c.name !== "septet Allowlist" && c.name !== "ip-set" ? 64 : pool.length;
    let disagreements = 0;
    for (let k = 0; k < checkCount; k++) {
      if (c.lookup(built[i], pool[k]!) !== septet.lookup(reference, pool[k]!)) disagreements++;
    }
    if (disagreements > 0)
      throw new Error(`${c.name} disagrees with septet on ${disagreements} addresses (${title})`);
  });
  const budget = huge ? 300 : 150;
  const best = all.map((c, i) => round(c, built[i], pool, budget));
  for (let r = 0; r < ROUNDS; r++) {
    all.forEach((c, i) => {
      best[i] = Math.max(best[i]!, round(c, built[i], pool, budget));
    });
  }
  const rows = all.map((c, i) => [c.name, best[i]!] as const);
  const fastestPeer = Math.max(...rows.slice(1).map((r) => r[1]));
  console.log(`\n#### ${title}\n`);
  console.log("| library | lookups/s | septet ÷ this |");
  console.log("| --- | ---: | ---: |");
  for (const [name, rate] of rows)
    console.log(`| ${name} | ${fmt(rate)} | ${(rows[0]![1] / rate).toFixed(1)}× |`);
  console.log(`\nseptet vs fastest peer: **${(rows[0]![1] / fastestPeer).toFixed(1)}×**`);
};

/** Build time (best of 5, taken round-robin) and retained heap per rule (measured with gc). */
const buildTable = (title: string, family: 4 | 6, rules: ReadonlyArray<string>) => {
  const all = contenders(family);
  const best = all.map(() => Number.POSITIVE_INFINITY);
  for (let r = 0; r < 5; r++) {
    all.forEach((c, i) => {
      const t0 = now();
      const built = c.build(rules);
      best[i] = Math.min(best[i]!, now() - t0);
      if (built === null) sink++;
    });
  }
  const bytes = all.map((c) => {
    const before = heap();
    let keep: unknown = c.build(rules);
    const after = heap();
    if (keep === null) sink++;
    keep = undefined;
    return (after - before) / rules.length;
  });
  console.log(`\n#### ${title}\n`);
  console.log("| library | build (ms, best of 5) | retained bytes / rule | septet build speed-up |");
  console.log("| --- | ---: | ---: | ---: |");
  all.forEach((c, i) => {
    // BlockList keeps its rules in C++ memory, which the JS heap figures cannot see.
    const b = !gc
      ? "n/a (run with --expose-gc)"
      : c.name.includes("BlockList")
        ? "n/a (C++ heap)"
        : bytes[i]!.toFixed(1);
    console.log(`| ${c.name} | ${best[i]!.toFixed(1)} | ${b} | ${(best[i]! / best[0]!).toFixed(1)}× |`);
  });
  const fastestPeer = Math.min(...best.slice(1));
  console.log(`\nseptet build vs fastest peer: **${(fastestPeer / best[0]!).toFixed(1)}×**`);
};

// ---------------------------------------------------------------- run
console.log(`node ${process.version}, ${process.platform} ${process.arch}`);
const POOL = 4096;
for (const n of [10, 1000, 100000]) {
  const rules = v4Rules(n, 0x5e97e7 + n);
  const texts = flat(rules.map((r) => r.text));
  lookupTable(`IPv4, ${n.toLocaleString("en-US")} rules`, 4, texts, flat(v4Pool(rules, POOL, 42 + n)));
}
{
  const rules = v6Rules(1000, 0x5e97e7);
  lookupTable("IPv6, 1,000 rules", 6, flat(rules.map((r) => r.text)), flat(v6Pool(rules, POOL, 4242)));
}
{
  const rules = flat(v4Rules(100000, 0x5e97e7 + 100000).map((r) => r.text));
  buildTable("Build, 100,000 IPv4 rules", 4, rules);
}
{
  const rules = flat(v6Rules(1000, 0x5e97e7).map((r) => r.text));
  buildTable("Build, 1,000 IPv6 rules", 6, rules);
}
{
  const list = contenders(4)[0]!.build(v4Rules(100000, 0x5e97e7 + 100000).map((r) => r.text));
  const s = Allowlist.serialize(list as Allowlist.Allowlist);
  const tableBytes = s.v4Starts.byteLength + s.v4Ends.byteLength;
  console.log(
    `\nseptet lookup tables for 100,000 IPv4 rules: ${s.v4Starts.length.toLocaleString("en-US")} merged ranges, ${tableBytes.toLocaleString("en-US")} bytes = ${(tableBytes / 100000).toFixed(1)} bytes per rule (plus one entry-array pointer per rule).`,
  );
}
console.log(`\n(checksum ${sink})`);
