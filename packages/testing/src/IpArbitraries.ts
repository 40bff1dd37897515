/**
 * fast-check arbitraries for IP addresses, CIDR ranges and whitelist rule sets, independent of
 * septet's own parser: values are modelled as `{ family, value: bigint }` and rendered to text
 * here, so properties can compare septet against a reference built from the same model.
 *
 * - {@link ipv4}, {@link ipv6}, {@link mapped}, {@link boundary}, {@link address}: address values,
 *   biased towards the edges (0, all-ones, the mapped block, one off a prefix boundary).
 * - {@link addressText}: an address and one of its many valid spellings (RFC 4291 §2.2 allows
 *   several per IPv6 address: case, leading zeros, where `::` goes, a trailing dotted quad).
 * - {@link cidr}, {@link ruleSet}: ranges (host bits optionally set) and lists of them, both
 *   families, IPv4-mapped rules of /96 or longer included.
 *
 * Builders validate their constraints when called and throw a `RangeError` naming the bad field.
 *
 * @module
 * @since 0.1.0
 */
import * as fc from "fast-check";

/**
 * An address as a number: `value` holds 32 bits (family 4) or 128 bits (family 6).
 *
 * @category models
 * @since 0.1.0
 */
export interface IpValue {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/**
 * A CIDR range as data: `value` may have host bits set (`masked` tells whether it has none),
 * `text` is its canonical-ish spelling `address/prefix`.
 *
 * @category models
 * @since 0.1.0
 */
export interface CidrValue {
  readonly family: 4 | 6;
  readonly value: bigint;
  readonly prefix: number;
  readonly text: string;
}

const MAX4 = (1n << 32n) - 1n;
const MAX6 = (1n << 128n) - 1n;
const MAPPED_BASE = 0xffffn << 32n;

/** Bits of a family. */
const bitsOf = (family: 4 | 6): number => (family === 4 ? 32 : 128);

/**
 * The first and last address of `value/prefix` (host bits ignored).
 *
 * @example
 * ```ts
 * import { IpArbitraries } from "@septet/testing"
 * IpArbitraries.rangeOf(4, 0x0a010203n, 8) // => [0x0a000000n, 0x0affffffn]
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const rangeOf = (family: 4 | 6, value: bigint, prefix: number): readonly [bigint, bigint] => {
  const bits = BigInt(bitsOf(family));
  const host = (1n << (bits - BigInt(prefix))) - 1n;
  const first = value & ~host & (family === 4 ? MAX4 : MAX6);
  return [first, first | host];
};

/**
 * IPv4 address values, biased towards the edges (0.0.0.0, 255.255.255.255, 127.0.0.1, the
 * private and CGNAT bases and one off each).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * fc.sample(IpArbitraries.ipv4(), 1)[0].family // => 4
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const ipv4 = (): fc.Arbitrary<IpValue> =>
  fc
    .oneof(
      { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: MAX4 }) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          0n,
          1n,
          MAX4,
          MAX4 - 1n,
          0x7f000001n,
          0x0a000000n,
          0x09ffffffn,
          0xac100000n,
          0xc0a80000n,
          0x64400000n,
          0x80000000n,
          0x7fffffffn,
        ),
      },
    )
    .map((value) => ({ family: 4 as const, value }));

/**
 * IPv6 address values (native, mapped, IPv4-compatible, NAT64 and edge values mixed in).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * fc.sample(IpArbitraries.ipv6(), 1)[0].family // => 6
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const ipv6 = (): fc.Arbitrary<IpValue> =>
  fc
    .oneof(
      { weight: 4, arbitrary: fc.bigInt({ min: 0n, max: MAX6 }) },
      // sparse values: many zero groups, so '::' placement and mixed notation get exercised
      {
        weight: 3,
        arbitrary: fc
          .array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
            minLength: 8,
            maxLength: 8,
          })
          .map((groups) => groups.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n)),
      },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX4 }).map((v) => MAPPED_BASE | v) },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX4 }) },
      { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: MAX4 }).map((v) => (0x64ff9bn << 96n) | v) },
      {
        weight: 1,
        arbitrary: fc.constantFrom(
          0n,
          1n,
          MAX6,
          MAX6 - 1n,
          MAPPED_BASE,
          MAPPED_BASE | MAX4,
          MAPPED_BASE - 1n,
        ),
      },
    )
    .map((value) => ({ family: 6 as const, value }));

/**
 * IPv4-mapped IPv6 address values (`::ffff:a.b.c.d`, RFC 4291 §2.5.5.2).
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * fc.sample(IpArbitraries.mapped(), 1)[0].value >> 32n // => 0xffffn
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const mapped = (): fc.Arbitrary<IpValue> =>
  ipv4().map((v) => ({ family: 6 as const, value: MAPPED_BASE | v.value }));

/**
 * The edge addresses of both families: all-zeros, all-ones, loopback, the ends of the mapped
 * block.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * fc.sample(IpArbitraries.boundary(), 1).length // => 1
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const boundary = (): fc.Arbitrary<IpValue> =>
  fc.constantFrom<IpValue>(
    { family: 4, value: 0n },
    { family: 4, value: MAX4 },
    { family: 4, value: 0x7f000001n },
    { family: 6, value: 0n },
    { family: 6, value: 1n },
    { family: 6, value: MAX6 },
    { family: 6, value: MAPPED_BASE },
    { family: 6, value: MAPPED_BASE | MAX4 },
    { family: 6, value: MAPPED_BASE - 1n },
    { family: 6, value: (MAPPED_BASE | MAX4) + 1n },
  );

/**
 * Any address: IPv4, IPv6, mapped and boundary values.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * [4, 6].includes(fc.sample(IpArbitraries.address(), 1)[0].family) // => true
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const address = (): fc.Arbitrary<IpValue> =>
  fc.oneof({ weight: 3, arbitrary: ipv4() }, { weight: 3, arbitrary: ipv6() }, mapped(), boundary());

const groupsOf = (value: bigint): Array<number> => {
  const out: Array<number> = [];
  for (let k = 7; k >= 0; k--) out.push(Number((value >> BigInt(16 * k)) & 0xffffn));
  return out;
};

/**
 * The dotted quad of a 32-bit value.
 *
 * @example
 * ```ts
 * import { IpArbitraries } from "@septet/testing"
 * IpArbitraries.dottedQuad(0x7f000001n) // => "127.0.0.1"
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const dottedQuad = (value: bigint): string =>
  [24n, 16n, 8n, 0n].map((s) => String(Number((value >> s) & 0xffn))).join(".");

/**
 * How to spell an IPv6 address (see {@link spell}). Every combination is valid RFC 4291 §2.2 text.
 *
 * @category models
 * @since 0.1.0
 */
export interface Spelling {
  /** Upper-case hex digits. */
  readonly upper: boolean;
  /** Pad each group to 4 digits. */
  readonly pad: boolean;
  /** Write the last 32 bits as a dotted quad. */
  readonly dotted: boolean;
  /** Which run of zero groups `::` replaces (index into the runs; none when out of range). */
  readonly run: number;
}

/**
 * Spells an address value: IPv4 as its (only) dotted quad; IPv6 per `spelling`.
 *
 * @example
 * ```ts
 * import { IpArbitraries } from "@septet/testing"
 * IpArbitraries.spell({ family: 6, value: 1n }, { upper: false, pad: true, dotted: false, run: 0 })
 * // => "::0001"
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const spell = (v: IpValue, spelling: Spelling): string => {
  if (v.family === 4) return dottedQuad(v.value);
  const g = groupsOf(v.value);
  const n = spelling.dotted ? 6 : 8;
  const parts = g.slice(0, n).map((x) => {
    const h = x.toString(16);
    const p = spelling.pad ? h.padStart(4, "0") : h;
    return spelling.upper ? p.toUpperCase() : p;
  });
  const tail = spelling.dotted ? dottedQuad(v.value & MAX4) : undefined;
  // Runs of zero groups among the hex parts (any length ≥ 1 may be compressed, RFC 4291 §2.2).
  const runs: Array<[number, number]> = [];
  for (let i = 0; i < n; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && g[j] === 0) j++;
    runs.push([i, j]);
    i = j;
  }
  const run = runs[spelling.run];
  if (run === undefined) return [...parts, ...(tail === undefined ? [] : [tail])].join(":");
  const head = parts.slice(0, run[0]).join(":");
  const rest = [...parts.slice(run[1]), ...(tail === undefined ? [] : [tail])].join(":");
  return `${head}::${rest}`;
};

/**
 * An address value with one of its valid spellings.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * typeof fc.sample(IpArbitraries.addressText(), 1)[0].text // => "string"
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const addressText = (
  values: fc.Arbitrary<IpValue> = address(),
): fc.Arbitrary<{ readonly value: IpValue; readonly text: string }> =>
  fc.tuple(values, spelling()).map(([value, sp]) => ({ value, text: spell(value, sp) }));

/**
 * Constraints for {@link cidr}.
 *
 * @category models
 * @since 0.1.0
 */
export interface CidrConstraints {
  /** Families to draw from (default both). */
  readonly families?: ReadonlyArray<4 | 6>;
  /** Leave host bits set sometimes (default true). */
  readonly hostBits?: boolean;
  /** Also produce IPv4-mapped IPv6 ranges of /96 or longer (default true). */
  readonly mappedRules?: boolean;
}

/**
 * A CIDR range, IPv4 or IPv6, with prefixes across the whole range (0 and the full length
 * included), host bits optionally set, and IPv4-mapped IPv6 ranges of /96 or longer. Every range
 * is one septet accepts: a mapped address is never written with a prefix shorter than /96.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * fc.sample(IpArbitraries.cidr({ families: [4] }), 1)[0].prefix <= 32 // => true
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const cidr = (constraints: CidrConstraints = {}): fc.Arbitrary<CidrValue> => {
  const families = constraints.families ?? [4, 6];
  if (families.length === 0 || families.some((f) => f !== 4 && f !== 6)) {
    throw new RangeError(
      `cidr: families must be a non-empty subset of [4, 6], got ${JSON.stringify(families)}`,
    );
  }
  const hostBits = constraints.hostBits ?? true;
  const mappedRules = constraints.mappedRules ?? true;
  const prefixFor = (bits: number) =>
    fc.oneof(
      { weight: 4, arbitrary: fc.integer({ min: Math.floor(bits / 2), max: bits }) },
      { weight: 1, arbitrary: fc.integer({ min: 0, max: bits }) },
    );
  const options: Array<fc.Arbitrary<CidrValue>> = [];
  for (const family of families) {
    const values = family === 4 ? ipv4() : ipv6();
    options.push(
      fc
        .tuple(values, prefixFor(bitsOf(family)), fc.boolean(), spelling())
        .map(([v, prefix, keepHost, sp]) => {
          // A mapped address written with a prefix shorter than /96 is refused by septet, so such
          // ranges are always written with their (non-mapped) network address.
          const mappedShort = family === 6 && v.value >> 32n === 0xffffn && prefix < 96;
          const value = hostBits && keepHost && !mappedShort ? v.value : rangeOf(family, v.value, prefix)[0];
          return { family, value, prefix, text: `${spell({ family, value }, sp)}/${prefix}` };
        }),
    );
  }
  if (mappedRules && families.includes(6)) {
    options.push(
      fc.tuple(mapped(), fc.integer({ min: 96, max: 128 })).map(([v, prefix]) => {
        const value = hostBits ? v.value : rangeOf(6, v.value, prefix)[0];
        return { family: 6 as const, value, prefix, text: `${spell({ family: 6, value }, mixed)}/${prefix}` };
      }),
    );
  }
  return fc.oneof(...options);
};

const spelling = (): fc.Arbitrary<Spelling> =>
  fc.record({
    upper: fc.boolean(),
    pad: fc.boolean(),
    dotted: fc.boolean(),
    run: fc.integer({ min: 0, max: 4 }),
  });
const mixed: Spelling = { upper: false, pad: false, dotted: true, run: 0 };

/**
 * Constraints for {@link ruleSet}.
 *
 * @category models
 * @since 0.1.0
 */
export interface RuleSetConstraints extends CidrConstraints {
  /** Minimum number of rules (default 0). */
  readonly minLength?: number;
  /** Maximum number of rules (default 30). */
  readonly maxLength?: number;
}

/**
 * A whitelist: an array of ranges (see {@link cidr}), sometimes written as bare addresses
 * (`text` without `/` when the prefix is the full length), duplicates and overlaps included.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * fc.sample(IpArbitraries.ruleSet({ maxLength: 3 }), 1)[0].length <= 3 // => true
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const ruleSet = (constraints: RuleSetConstraints = {}): fc.Arbitrary<Array<CidrValue>> => {
  const minLength = constraints.minLength ?? 0;
  const maxLength = constraints.maxLength ?? Math.max(30, minLength);
  if (!Number.isSafeInteger(minLength) || minLength < 0) {
    throw new RangeError(`ruleSet: minLength must be a non-negative integer, got ${minLength}`);
  }
  if (!Number.isSafeInteger(maxLength) || maxLength < minLength) {
    throw new RangeError(
      `ruleSet: maxLength must be an integer ≥ minLength (${minLength}), got ${maxLength}`,
    );
  }
  const rule = fc.tuple(cidr(constraints), fc.boolean()).map(([c, bare]) => {
    if (bare && c.prefix === bitsOf(c.family)) return { ...c, text: c.text.slice(0, c.text.indexOf("/")) };
    return c;
  });
  return fc.array(rule, { minLength, maxLength });
};

/**
 * Addresses likely to sit on the edges of the given rules (first, last, one before, one after),
 * plus random ones; for "allows equals the reference" properties.
 *
 * @example
 * ```ts
 * import * as fc from "fast-check"
 * import { IpArbitraries } from "@septet/testing"
 * fc.sample(IpArbitraries.probe([]), 1).length // => 1
 * ```
 * @category arbitraries
 * @since 0.1.0
 */
export const probe = (rules: ReadonlyArray<CidrValue>): fc.Arbitrary<IpValue> => {
  const edges: Array<IpValue> = [];
  for (const r of rules) {
    const [first, last] = rangeOf(r.family, r.value, r.prefix);
    const max = r.family === 4 ? MAX4 : MAX6;
    for (const v of [first, last, first - 1n, last + 1n]) {
      if (v >= 0n && v <= max) edges.push({ family: r.family, value: v });
    }
    // The other family's view of a mapped rule.
    if (r.family === 6 && r.value >> 32n === 0xffffn) {
      edges.push({ family: 4, value: first & MAX4 }, { family: 4, value: last & MAX4 });
    }
    if (r.family === 4)
      edges.push({ family: 6, value: MAPPED_BASE | first }, { family: 6, value: MAPPED_BASE | last });
  }
  return edges.length === 0 ? address() : fc.oneof(address(), fc.constantFrom(...edges));
};
