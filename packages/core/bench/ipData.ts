/**
 * Seeded rule sets and address pools for the IP whitelist benchmarks (allowlist-compare.ts and
 * allowlist.bench.ts). Deterministic: the same seed gives the same data on every machine.
 */
export const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const u32 = (rand: () => number) => Math.floor(rand() * 4294967296) >>> 0;
const v4Text = (w: number) => `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;
const maskOf = (prefix: number) => (prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0);
const groupsText = (g: ReadonlyArray<number>) => g.map((x) => x.toString(16)).join(":");

export interface V4Rule {
  readonly text: string;
  readonly start: number;
  readonly prefix: number;
}
/** Random IPv4 CIDRs with prefixes 20-32 (so 100,000 of them still cover < 1% of IPv4). */
export const v4Rules = (n: number, seed: number): Array<V4Rule> => {
  const rand = mulberry32(seed);
  const out: Array<V4Rule> = [];
  for (let i = 0; i < n; i++) {
    const prefix = 20 + Math.floor(rand() * 13);
    const start = (u32(rand) & maskOf(prefix)) >>> 0;
    out.push({ text: `${v4Text(start)}/${prefix}`, start, prefix });
  }
  return out;
};
/** Half the pool inside a random rule, half uniformly random (mostly misses). */
export const v4Pool = (rules: ReadonlyArray<V4Rule>, n: number, seed: number): Array<string> => {
  const rand = mulberry32(seed);
  const out: Array<string> = [];
  for (let i = 0; i < n; i++) {
    if (i % 2 === 0) {
      const r = rules[Math.floor(rand() * rules.length)]!;
      const host = Math.floor(rand() * 2 ** (32 - r.prefix));
      out.push(v4Text(r.start + host));
    } else out.push(v4Text(u32(rand)));
  }
  return out;
};
export interface V6Rule {
  readonly text: string;
  readonly groups: Array<number>;
  readonly prefix: number;
}
/** Random IPv6 CIDRs under 2000::/3 with prefixes 32-128. */
export const v6Rules = (n: number, seed: number): Array<V6Rule> => {
  const rand = mulberry32(seed);
  const out: Array<V6Rule> = [];
  for (let i = 0; i < n; i++) {
    const prefix = 32 + Math.floor(rand() * 97);
    const g = Array.from({ length: 8 }, () => Math.floor(rand() * 65536));
    g[0] = 0x2000 | (g[0]! & 0x1fff);
    for (let k = 0; k < 8; k++) {
      const bits = Math.max(0, Math.min(16, prefix - 16 * k));
      g[k] = g[k]! & (bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff);
    }
    out.push({ text: `${groupsText(g)}/${prefix}`, groups: g, prefix });
  }
  return out;
};
export const v6Pool = (rules: ReadonlyArray<V6Rule>, n: number, seed: number): Array<string> => {
  const rand = mulberry32(seed);
  const out: Array<string> = [];
  for (let i = 0; i < n; i++) {
    const g = Array.from({ length: 8 }, () => Math.floor(rand() * 65536));
    if (i % 2 === 0) {
      const r = rules[Math.floor(rand() * rules.length)]!;
      for (let k = 0; k < 8; k++) {
        const bits = Math.max(0, Math.min(16, r.prefix - 16 * k));
        const keep = bits === 0 ? 0 : (0xffff << (16 - bits)) & 0xffff;
        g[k] = (r.groups[k]! & keep) | (g[k]! & ~keep & 0xffff);
      }
    } else g[0] = 0x2000 | (g[0]! & 0x1fff);
    out.push(groupsText(g));
  }
  return out;
};

/**
 * Addresses as a server sees them: flat strings (socket.remoteAddress, headers). Template
 * literals can build rope ("cons") strings, which every library would pay to flatten.
 */
export const flat = (xs: Array<string>): Array<string> => JSON.parse(JSON.stringify(xs));
