/**
 * The IP whitelist of an API key: a compiled, immutable, fail-closed set of CIDR ranges.
 *
 * Build it once with {@link make} (or decode it from a key config with {@link FromConfig}), then
 * ask {@link allows} for every request: a sync, pure, O(log n) binary search over merged ranges
 * held in typed arrays, that never throws.
 *
 * ## Entries
 * Each entry is a string, either a CIDR range `address/prefix` or a bare address, parsed with the
 * strict grammar of the `Ip` module (RFC 3986 §3.2.2 dotted quad, RFC 4291 §2.2 IPv6 text forms,
 * digits-only prefix ≤ 32 / ≤ 128; no octal, hex, short or integer IPv4 forms; no zones, no
 * brackets, no whitespace, ASCII only, at most 64 characters).
 * - A bare address means a single host: `/32` for IPv4, `/128` for IPv6.
 * - Host bits are accepted and cleared: `123.123.123.1/24` is enforced as `123.123.123.0/24`;
 *   {@link rules} reports the enforced form of each entry so the key owner sees what applies.
 * - One or more bad entries fail the whole list with {@link InvalidAllowlist}, which lists EVERY
 *   bad entry (index, input, reason). Nothing is skipped silently.
 * - Duplicates and overlapping or adjacent ranges are allowed; they are merged (merging never
 *   changes an answer).
 *
 * ## Matching rules ({@link allows})
 * - **Empty list denies every client.** Allowing everyone must be written out (`0.0.0.0/0` and,
 *   if wanted, `::/0`).
 * - **Families never mix.** IPv4 rules match IPv4 clients; IPv6 rules match native IPv6 clients.
 *   `0.0.0.0/0` covers every IPv4 client and no IPv6 client; `::/0` covers every native IPv6
 *   client and no IPv4 client.
 * - **IPv4-mapped clients are IPv4.** A client `::ffff:a.b.c.d` (RFC 4291 §2.5.5.2, what a
 *   dual-stack socket reports for an IPv4 peer) is matched exactly as `a.b.c.d`, against the IPv4
 *   rules only. So `::/0` does NOT let `::ffff:10.0.0.1` in, and `10.0.0.0/8` does.
 * - **IPv4-mapped rules are IPv4 rules.** A rule inside `::ffff:0:0/96` with a prefix of /96 or
 *   longer is stored as the IPv4 rule with prefix − 96 (`::ffff:10.0.0.0/104` is `10.0.0.0/8`;
 *   `::ffff:0:0/96` is `0.0.0.0/0`). A mapped rule shorter than /96 (`::ffff:0:0/80`) is refused:
 *   it would also cover native IPv6 addresses. An IPv6 rule whose range merely contains the
 *   mapped block (`::/0`, `::/64`) stays a native IPv6 rule and, by the rule above, never matches
 *   a mapped client.
 * - **Nothing else is unwrapped.** IPv4-compatible (`::a.b.c.d`, deprecated by RFC 4291 §2.5.5.1),
 *   NAT64 (`64:ff9b::/96`, RFC 6052), 6to4 (`2002::/16`, RFC 3056) and Teredo (`2001::/32`,
 *   RFC 4380) clients are native IPv6 clients and only IPv6 rules can match them.
 * - **Fail closed.** A client address that does not parse (any input the `Ip` grammar refuses:
 *   octal, short forms, zones, brackets, whitespace, `""`, over-long, non-strings) is denied.
 *   So is anything passed as `list` that is not an `Allowlist` made by this module.
 *
 * ## Representation and cost
 * IPv4 ranges: two `Uint32Array`s (starts, ends) — 8 bytes per merged range — plus, from 256
 * ranges on, a bucket index on the top bits of the address (one 32-bit slot per two ranges, at
 * most 2^16 + 1 slots) so a lookup binary-searches a handful of ranges. IPv6 ranges: four 32-bit
 * words per bound — 32 bytes per merged range. Plus a frozen copy of the entry array (one pointer
 * per entry; the strings are shared with the caller) for {@link rules} and {@link serialize}.
 * Build: one scan per entry, a radix sort of the IPv4 starts (a comparison sort below 2,048
 * rules), one merge pass. Lookup from a string: one allocation-free scan of at most 64 characters
 * and an O(log n) search; from an `Ip.Address`: the search only.
 *
 * ## Other uses
 * The same machinery answers "is this address in any of these ranges" for any fixed set of
 * ranges, e.g. refusing IP-literal webhook hosts in special-purpose ranges: build a list of
 * `127.0.0.0/8`, `10.0.0.0/8`, `169.254.0.0/16`, `100.64.0.0/10`, `::1/128`, `fc00::/7`, … once,
 * and `allows(list, host)` is true for `::ffff:169.254.169.254` as for `169.254.169.254`
 * (IPv4-mapped hosts are matched as IPv4).
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Result, Schema, SchemaIssue, SchemaTransformation } from "effect";
import type * as Ip from "./Ip.js";
import {
  buildIndex,
  checkTables,
  compile,
  has4,
  has6,
  type Problem,
  scanEntry,
  type Tables,
} from "./internal/ip/allowlist.js";
import { scanAddress as scanAddressImport, scanned, words as wordsImport } from "./internal/ip/scan.js";
import { addressFromWords, cidrFromScratch, cut, format, isAddress, reasonOf } from "./internal/ip/value.js";
import { describe } from "./internal/schema/describe.js";

// Hot-path bindings copied into module-local constants: module runners that implement live
// bindings with getters (vite-node, some CJS interop) would otherwise pay a getter per access.
const scanAddress = scanAddressImport;
const words = wordsImport;
const has4Fast = has4;
const has6Fast = has6;

/**
 * The brand key every {@link Allowlist} carries; only lists made by this module have it. Use
 * {@link isAllowlist} to test for one.
 *
 * @example
 * ```ts
 * import { Allowlist } from "@septet/core"
 * Allowlist.TypeId // => "~@septet/core/Allowlist"
 * ```
 * @category constants
 * @since 0.1.0
 */
export const TypeId = "~@septet/core/Allowlist";

/**
 * A compiled whitelist. Opaque and immutable: nothing can change it after {@link make}; share it
 * freely between requests (and, via {@link serialize} / {@link restore}, between workers).
 *
 * @category models
 * @since 0.1.0
 */
export interface Allowlist {
  readonly [TypeId]: typeof TypeId;
  /** Number of entries the list was made from (before merging). */
  readonly size: number;
}

class AllowlistImpl implements Allowlist {
  declare readonly [TypeId]: typeof TypeId;
  readonly size: number;
  /** @internal */
  readonly v4Starts: Uint32Array;
  /** @internal */
  readonly v4Ends: Uint32Array;
  /** @internal */
  readonly v6Starts: Uint32Array;
  /** @internal */
  readonly v6Ends: Uint32Array;
  /** @internal */
  readonly v4Index: Uint32Array;
  /** @internal */
  readonly v4Shift: number;
  /** @internal */
  readonly entries: ReadonlyArray<string>;
  constructor(tables: Tables, entries: ReadonlyArray<string>) {
    const { index, shift } = buildIndex(tables.v4Starts);
    this.v4Index = index;
    this.v4Shift = shift;
    this.v4Starts = tables.v4Starts;
    this.v4Ends = tables.v4Ends;
    this.v6Starts = tables.v6Starts;
    this.v6Ends = tables.v6Ends;
    this.entries = entries;
    this.size = entries.length;
    Object.freeze(this);
  }
  toJSON(): { readonly _id: "Allowlist"; readonly entries: ReadonlyArray<string> } {
    return { _id: "Allowlist", entries: this.entries };
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Allowlist(${this.size} entries, ${this.v4Starts.length} IPv4 and ${this.v6Starts.length / 4} IPv6 ranges)`;
  }
}
Object.defineProperty(AllowlistImpl.prototype, TypeId, { value: TypeId });

/**
 * Whether `u` is an {@link Allowlist} made by this module (by {@link make}, {@link FromConfig} or
 * {@link restore}).
 *
 * @example
 * ```ts
 * import { Allowlist } from "@septet/core"
 * Allowlist.isAllowlist(["10.0.0.0/8"]) // => false
 * ```
 * @category predicates
 * @since 0.1.0
 */
export const isAllowlist = (u: unknown): u is Allowlist => {
  try {
    return u instanceof AllowlistImpl;
  } catch {
    return false; // a proxy whose getPrototypeOf throws, or a revoked one
  }
};

/** The list itself when `u` is one made by this module, else undefined; never throws. */
const implOf = (u: unknown): AllowlistImpl | undefined => (isAllowlist(u) ? (u as AllowlistImpl) : undefined);

/**
 * One refused entry of a whitelist: its position, its text (cut to 64 characters plus `…` when
 * longer) and why it was refused (the `Ip` parser's reason, or the mapped-range rule).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const error = Effect.runSync(Effect.flip(Allowlist.make(["::ffff:0:0/64"])))
 * error.entries[0]
 * // => { index: 0, input: "::ffff:0:0/64", reason: "IPv4-mapped range shorter than /96 would cover native IPv6 addresses; write it as an IPv4 range or use a prefix of /96 or longer" }
 * ```
 * @category errors
 * @since 0.1.0
 */
export const BadEntry = Schema.Struct({
  index: Schema.Number,
  input: Schema.String,
  reason: Schema.String,
});

/**
 * The type of {@link BadEntry}.
 *
 * @category errors
 * @since 0.1.0
 */
export type BadEntry = typeof BadEntry.Type;

/**
 * A whitelist with one or more bad entries. `entries` lists every one of them in input order, so a
 * key owner can fix the whole list in one go.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const error = Effect.runSync(Effect.flip(Allowlist.make(["10.0.0.0/8", "010.0.0.1", "1.2.3.4/"])))
 * error.entries.map((e) => e.index) // => [1, 2]
 * error.entries[0].reason // => "IPv4 field has octet with leading zero (octal forms are not allowed)"
 * ```
 * @category errors
 * @since 0.1.0
 */
export class InvalidAllowlist extends Schema.TaggedError<InvalidAllowlist>()("InvalidAllowlist", {
  entries: Schema.Array(BadEntry),
}) {
  override get message(): string {
    const shown = this.entries
      .slice(0, 10)
      .map((e) => `#${e.index} ${JSON.stringify(e.input)}: ${e.reason}`)
      .join("; ");
    const more = this.entries.length > 10 ? `; and ${this.entries.length - 10} more` : "";
    return `IP whitelist has ${this.entries.length} invalid ${this.entries.length === 1 ? "entry" : "entries"}: ${shown}${more}`;
  }
}

const badEntry = (problem: Problem, entries: ReadonlyArray<unknown>): BadEntry => {
  const raw = entries[problem.index];
  const input = typeof raw === "string" ? raw : describe(raw);
  return {
    index: problem.index,
    input: cut(input),
    reason: problem.reason ?? reasonOf(problem.status, input),
  };
};

/**
 * Compiles a whitelist synchronously into a `Result` (see {@link make}). Never throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Allowlist } from "@septet/core"
 * Result.isSuccess(Allowlist.makeResult(["192.0.2.0/24", "2001:db8::/32"])) // => true
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const makeResult = (entries: ReadonlyArray<string>): Result.Result<Allowlist, InvalidAllowlist> => {
  const whole = (reason: string) =>
    Result.fail(new InvalidAllowlist({ entries: [{ index: -1, input: typeof entries, reason }] }));
  // One copy, read once: a proxy or getter cannot change the list between its check and its use.
  let copy: Array<unknown>;
  try {
    if (!Array.isArray(entries)) return whole("whitelist is not an array");
    copy = Array.from(entries as ReadonlyArray<unknown>);
  } catch {
    return whole("whitelist could not be read");
  }
  const compiled = compile(copy);
  if (Array.isArray(compiled)) {
    return Result.fail(new InvalidAllowlist({ entries: compiled.map((p) => badEntry(p, copy)) }));
  }
  return Result.succeed(new AllowlistImpl(compiled, Object.freeze(copy as Array<string>)));
};

/**
 * Compiles whitelist entries (CIDR ranges or bare addresses, see the module documentation) into an
 * immutable {@link Allowlist}. Fails with {@link InvalidAllowlist} listing every bad entry when
 * any entry is bad; an empty array gives a list that denies everyone.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const list = Effect.runSync(Allowlist.make(["123.123.123.1/24", "2001:db8::1"]))
 * Allowlist.allows(list, "123.123.123.77") // => true
 * Allowlist.allows(list, "::ffff:123.123.123.77") // => true
 * Allowlist.allows(list, "2001:db8::2") // => false
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const make = (entries: ReadonlyArray<string>): Effect.Effect<Allowlist, InvalidAllowlist> =>
  Effect.fromResult(makeResult(entries));

/**
 * Whether `address` may use the key. Sync, pure, O(log n), never throws; **fail closed**: an
 * address that does not parse, a value that is neither a string nor an `Ip.Address`, or a `list`
 * that is not an {@link Allowlist} gives `false`. The matching rules (empty list, families,
 * IPv4-mapped clients, what is not unwrapped) are in the module documentation.
 *
 * Strings are scanned with an allocation-free parser (the `Ip` grammar: `" 10.0.0.1"`,
 * `"010.0.0.1"`, `"10.1"`, `"[::1]"` and `"fe80::1%eth0"` are all denied, never reinterpreted).
 * Pass the socket's remote address as it is; do not strip `::ffff:` yourself.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * // 0.0.0.0/0 covers IPv4 (and IPv4-mapped) clients only; unparsable clients are denied.
 * const list = Effect.runSync(Allowlist.make(["0.0.0.0/0"]))
 * Allowlist.allows(list, "203.0.113.9") // => true
 * Allowlist.allows(list, "::ffff:203.0.113.9") // => true
 * Allowlist.allows(list, "2001:db8::1") // => false
 * Allowlist.allows(list, "0x7f.1") // => false
 * ```
 * @category predicates
 * @since 0.1.0
 */
export const allows = (list: Allowlist, address: string | Ip.Address): boolean => {
  try {
    if (!(list instanceof AllowlistImpl)) return false;
    let family: number;
    let w0: number;
    let w1: number;
    let w2: number;
    let w3: number;
    if (typeof address === "string") {
      // Fast path, inlined here on purpose (~15% of a lookup): a strict dotted quad (RFC 3986
      // §3.2.2, the same grammar as Ip) goes straight to the IPv4 search; anything else, valid or
      // not, takes the full scanner below, which alone decides what is refused.
      const n = address.length;
      if (n >= 7 && n <= 15) {
        let value = 0;
        let word = 0;
        let digits = 0;
        let fields = 0;
        let i = 0;
        for (; i < n; i++) {
          const c = address.charCodeAt(i);
          if (c === 46) {
            if (digits === 0 || fields === 3) break;
            word = (word << 8) | value;
            fields++;
            value = 0;
            digits = 0;
            continue;
          }
          const d = c - 48;
          if (d < 0 || d > 9 || (digits === 1 && value === 0)) break;
          value = value * 10 + d;
          digits++;
          if (value > 255) break;
        }
        if (i === n && digits !== 0 && fields === 3) {
          words[3] = (word << 8) | value;
          return has4Fast(list.v4Starts, list.v4Ends, list.v4Index, list.v4Shift, words[3]!);
        }
      }
      family = scanAddress(address, 0, n);
      if (family < 0) return false;
      w0 = words[0]!;
      w1 = words[1]!;
      w2 = words[2]!;
      w3 = words[3]!;
    } else if (isAddress(address)) {
      family = address.family;
      [w0, w1, w2, w3] = address.words;
    } else {
      return false;
    }
    if (family === 4 || (w0 === 0 && w1 === 0 && w2 === 0xffff)) {
      return has4Fast(list.v4Starts, list.v4Ends, list.v4Index, list.v4Shift, w3);
    }
    return has6Fast(list.v6Starts, list.v6Ends, w0, w1, w2, w3);
  } catch {
    return false;
  }
};

/**
 * How one entry is enforced: the normalisation report shown back to the key owner.
 *
 * - `cidr` is the enforced range (host bits cleared; for an IPv4-mapped entry, the IPv4 range),
 *   with `cidr.input` the entry as written and `cidr.canonical` e.g. `"10.0.0.0/8"`.
 * - `hostBitsMasked`: host bits were set and cleared (`10.1.2.3/8`).
 * - `prefixImplied`: the entry was a bare address (enforced as /32 or /128).
 * - `unmapped`: the entry was IPv4-mapped IPv6 (`::ffff:10.0.0.0/104`) and is enforced as IPv4.
 *
 * @category models
 * @since 0.1.0
 */
export interface Rule {
  readonly index: number;
  readonly input: string;
  readonly cidr: Ip.Cidr;
  readonly canonical: string;
  readonly hostBitsMasked: boolean;
  readonly prefixImplied: boolean;
  readonly unmapped: boolean;
}

const rulesCache = new WeakMap<Allowlist, ReadonlyArray<Rule>>();

const ruleOf = (entry: string, index: number): Rule | undefined => {
  const written = scanEntry(entry);
  if (written <= 0) return undefined;
  const unmapped = written === 4 && entry.includes(":");
  const prefixImplied = scanned.prefixImplied;
  const cidr = cidrFromScratch(written as Ip.Family, scanned.prefix, entry);
  return Object.freeze({
    index,
    input: entry,
    cidr,
    canonical: cidr.canonical,
    hostBitsMasked: cidr.hostBitsMasked,
    prefixImplied,
    unmapped,
  });
};

/**
 * The enforced form of every entry, in input order (computed on first call, then cached). Use it
 * to show a key owner exactly what the whitelist allows after normalisation.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const list = Effect.runSync(Allowlist.make(["123.123.123.1/24", "::ffff:10.0.0.0/104", "2001:db8::1"]))
 * Allowlist.rules(list).map((r) => r.canonical) // => ["123.123.123.0/24", "10.0.0.0/8", "2001:db8::1/128"]
 * Allowlist.rules(list).map((r) => r.hostBitsMasked) // => [true, false, false]
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const rules = (list: Allowlist): ReadonlyArray<Rule> => {
  try {
    return rulesOf(list);
  } catch {
    return []; // only a proxy posing as a list gets here
  }
};

const rulesOf = (list: Allowlist): ReadonlyArray<Rule> => {
  const impl = implOf(list);
  if (impl === undefined) return [];
  const cached = rulesCache.get(impl);
  if (cached !== undefined) return cached;
  const out: Array<Rule> = [];
  impl.entries.forEach((entry, index) => {
    const rule = ruleOf(entry, index);
    if (rule !== undefined) out.push(rule);
  });
  const frozen = Object.freeze(out);
  rulesCache.set(impl, frozen);
  return frozen;
};

/**
 * One merged range as enforced (inclusive bounds, canonical text).
 *
 * @category models
 * @since 0.1.0
 */
export interface Range {
  readonly family: Ip.Family;
  readonly first: string;
  readonly last: string;
}

/**
 * The merged, sorted ranges actually searched: IPv4 first, then IPv6. Overlapping, duplicate and
 * adjacent entries appear as one range. For audits and debugging.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const list = Effect.runSync(Allowlist.make(["10.0.0.0/25", "10.0.0.128/25", "10.0.0.7"]))
 * Allowlist.ranges(list) // => [{ family: 4, first: "10.0.0.0", last: "10.0.0.255" }]
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const ranges = (list: Allowlist): ReadonlyArray<Range> => {
  try {
    return rangesOf(list);
  } catch {
    return []; // only a proxy posing as a list gets here
  }
};

const rangesOf = (list: Allowlist): ReadonlyArray<Range> => {
  const impl = implOf(list);
  if (impl === undefined) return [];
  const out: Array<Range> = [];
  for (let i = 0; i < impl.v4Starts.length; i++) {
    out.push({
      family: 4,
      first: format(addressFromWords(4, 0, 0, 0, impl.v4Starts[i]!)),
      last: format(addressFromWords(4, 0, 0, 0, impl.v4Ends[i]!)),
    });
  }
  const s = impl.v6Starts;
  const e = impl.v6Ends;
  for (let i = 0; i < s.length; i += 4) {
    out.push({
      family: 6,
      first: format(addressFromWords(6, s[i]!, s[i + 1]!, s[i + 2]!, s[i + 3]!)),
      last: format(addressFromWords(6, e[i]!, e[i + 1]!, e[i + 2]!, e[i + 3]!)),
    });
  }
  return out;
};

/**
 * The entries the list was made from, as given (a frozen copy).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * Allowlist.entries(Effect.runSync(Allowlist.make(["10.1.2.3/8"]))) // => ["10.1.2.3/8"]
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const entries = (list: Allowlist): ReadonlyArray<string> => implOf(list)?.entries ?? [];

/**
 * The serialised form of a compiled list: plain data that survives `structuredClone`,
 * `postMessage` and `v8.serialize` (typed arrays are copied, not shared). Not JSON (typed arrays
 * do not survive it): for a JSON cache or config store use `JSON.stringify(list)` and
 * {@link fromJSON}.
 *
 * @category models
 * @since 0.1.0
 */
export interface Serialized {
  readonly format: "septet.allowlist";
  readonly version: 1;
  readonly entries: ReadonlyArray<string>;
  readonly v4Starts: Uint32Array;
  readonly v4Ends: Uint32Array;
  readonly v6Starts: Uint32Array;
  readonly v6Ends: Uint32Array;
}

/**
 * The compiled list as {@link Serialized} data (fresh copies of the tables), to build once and
 * hand to other workers or processes, which {@link restore} it without re-parsing or sorting.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const list = Effect.runSync(Allowlist.make(["10.0.0.0/8"]))
 * const copy = Effect.runSync(Allowlist.restore(structuredClone(Allowlist.serialize(list))))
 * Allowlist.allows(copy, "10.20.30.40") // => true
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const serialize = (list: Allowlist): Serialized => {
  const l = list as AllowlistImpl;
  return {
    format: "septet.allowlist",
    version: 1,
    entries: l.entries.slice(),
    v4Starts: l.v4Starts.slice(),
    v4Ends: l.v4Ends.slice(),
    v6Starts: l.v6Starts.slice(),
    v6Ends: l.v6Ends.slice(),
  };
};

/**
 * Why {@link restore} refused its input: `reason` names the first structural problem found.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const error = Effect.runSync(Effect.flip(Allowlist.restore(null)))
 * error._tag // => "InvalidSerializedAllowlist"
 * ```
 * @category errors
 * @since 0.1.0
 */
export class InvalidSerializedAllowlist extends Schema.TaggedError<InvalidSerializedAllowlist>()(
  "InvalidSerializedAllowlist",
  { reason: Schema.String },
) {
  override get message(): string {
    return `Cannot restore allowlist: ${this.reason}`;
  }
}

const isUint32Array = (u: unknown): u is Uint32Array =>
  Object.prototype.toString.call(u) === "[object Uint32Array]";

/**
 * Restores a list from {@link serialize}d data in O(n), without parsing or sorting. The tables
 * are copied and checked structurally (format and version, four `Uint32Array`s, matching
 * lengths, every range well-formed, ranges sorted, disjoint and non-adjacent as `make` leaves
 * them); `entries` must be an array of strings.
 *
 * Gotcha: restore does not re-derive the ranges from the entries (that is what makes it cheap).
 * It is meant for lists your own service built; for untrusted configuration use {@link make} or
 * {@link FromConfig}. The {@link rules} report of a restored list is computed from its entries.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * Effect.runSync(Effect.flip(Allowlist.restore({ format: "nope" }))).reason
 * // => "not a septet.allowlist version 1 object"
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const restore = (data: unknown): Effect.Effect<Allowlist, InvalidSerializedAllowlist> =>
  Effect.fromResult(restoreResult(data));

/**
 * {@link restore} as a sync `Result`. Never throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Allowlist } from "@septet/core"
 * Result.isFailure(Allowlist.restoreResult(null)) // => true
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const restoreResult = (data: unknown): Result.Result<Allowlist, InvalidSerializedAllowlist> => {
  try {
    return restoreUnsafe(data);
  } catch {
    // A throwing getter or a revoked proxy: refused like any other foreign object.
    return Result.fail(new InvalidSerializedAllowlist({ reason: "the data could not be read" }));
  }
};

const restoreUnsafe = (data: unknown): Result.Result<Allowlist, InvalidSerializedAllowlist> => {
  const fail = (reason: string) => Result.fail(new InvalidSerializedAllowlist({ reason }));
  if (typeof data !== "object" || data === null) return fail("not a septet.allowlist version 1 object");
  const d = data as Record<string, unknown>;
  if (d.format !== "septet.allowlist" || d.version !== 1)
    return fail("not a septet.allowlist version 1 object");
  const { entries: es, v4Starts, v4Ends, v6Starts, v6Ends } = d;
  if (!Array.isArray(es) || !es.every((e) => typeof e === "string"))
    return fail("entries must be an array of strings");
  if (
    !isUint32Array(v4Starts) ||
    !isUint32Array(v4Ends) ||
    !isUint32Array(v6Starts) ||
    !isUint32Array(v6Ends)
  ) {
    return fail("v4Starts, v4Ends, v6Starts and v6Ends must be Uint32Arrays");
  }
  const tables: Tables = {
    v4Starts: v4Starts.slice(),
    v4Ends: v4Ends.slice(),
    v6Starts: v6Starts.slice(),
    v6Ends: v6Ends.slice(),
  };
  const problem = checkTables(tables);
  if (problem !== undefined) return fail(problem);
  return Result.succeed(new AllowlistImpl(tables, Object.freeze(es.slice() as Array<string>)));
};

/**
 * The JSON form of a list, what `JSON.stringify(list)` writes (through the list's `toJSON`):
 * the entries as given, from which {@link fromJSON} compiles the list again.
 *
 * @category models
 * @since 0.1.0
 */
export interface Json {
  readonly _id: "Allowlist";
  readonly entries: ReadonlyArray<string>;
}

/**
 * Rebuilds a list from its JSON form: `JSON.stringify(list)` text, or that text already parsed.
 * The entries are compiled again with {@link make} (never trusted as tables), so the result
 * answers exactly as the original did, and a payload is taken whole or not at all: anything but
 * `{ "_id": "Allowlist", "entries": [strings] }` with valid entries and no other key (invalid
 * JSON, another `_id`, an extra key, a bad entry, a non-string, a throwing getter) fails with
 * {@link InvalidSerializedAllowlist} naming the first problem. Never throws. Only own properties
 * count (an inherited `_id` or `entries`, e.g. from a polluted `Object.prototype`, is absent);
 * a key repeated in the text is read as `JSON.parse` reads it, the last one winning.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist } from "@septet/core"
 * const list = Effect.runSync(Allowlist.make(["10.0.0.0/8", "2001:db8::/32"]))
 * const text = JSON.stringify(list)
 * text // => '{"_id":"Allowlist","entries":["10.0.0.0/8","2001:db8::/32"]}'
 * Allowlist.allows(Effect.runSync(Allowlist.fromJSON(text)), "10.1.2.3") // => true
 * Effect.runSync(Effect.flip(Allowlist.fromJSON('{"_id":"Allowlist","entries":["10.0.0.0/8","10.1"]}'))).reason
 * // => 'entries: IP whitelist has 1 invalid entry: #1 "10.1": IPv4 address too short: four dotted decimal octets are required'
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const fromJSON = (json: unknown): Effect.Effect<Allowlist, InvalidSerializedAllowlist> =>
  Effect.fromResult(fromJSONResult(json));

/**
 * {@link fromJSON} as a sync `Result`. Never throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Allowlist } from "@septet/core"
 * Result.isSuccess(Allowlist.fromJSONResult({ _id: "Allowlist", entries: [] })) // => true
 * Result.isFailure(Allowlist.fromJSONResult({ _id: "Allowlist", entries: [], v4Starts: {} })) // => true
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const fromJSONResult = (json: unknown): Result.Result<Allowlist, InvalidSerializedAllowlist> => {
  const fail = (reason: string) => Result.fail(new InvalidSerializedAllowlist({ reason }));
  try {
    let data = json;
    if (typeof json === "string") {
      try {
        data = JSON.parse(json);
      } catch {
        return fail("not valid JSON");
      }
    }
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return fail('not an {"_id":"Allowlist","entries":[...]} object');
    }
    const keys = Object.keys(data);
    // Own properties only: an inherited `_id` / `entries` (a polluted `Object.prototype`) would
    // turn `{}` into whatever list the polluter chose.
    const own = (key: string): unknown =>
      Object.hasOwn(data, key) ? (data as Record<string, unknown>)[key] : undefined;
    if (own("_id") !== "Allowlist") return fail('_id must be "Allowlist"');
    const extra = keys.find((k) => k !== "_id" && k !== "entries");
    if (extra !== undefined) return fail(`unexpected key ${JSON.stringify(cut(extra))}`);
    const entries = own("entries");
    if (!Array.isArray(entries)) return fail("entries must be an array of strings");
    // A copy first: a proxy or getter cannot answer differently between the check and the build.
    const copy: Array<string> = [];
    for (let i = 0; i < entries.length; i++) {
      const entry: unknown = entries[i];
      if (typeof entry !== "string") return fail(`entries[${i}] is not a string`);
      copy.push(entry);
    }
    const made = makeResult(copy);
    return Result.isSuccess(made) ? Result.succeed(made.success) : fail(`entries: ${made.failure.message}`);
  } catch {
    return fail("the data could not be read");
  }
};

/**
 * A Schema for an already compiled {@link Allowlist} value (a type guard, no decoding): the
 * "to" side of {@link FromConfig}, also usable to validate a value held in memory.
 *
 * @example
 * ```ts
 * import { Effect, Schema } from "effect"
 * import { Allowlist } from "@septet/core"
 * const list = Effect.runSync(Allowlist.make([]))
 * Schema.is(Allowlist.AllowlistSchema)(list) // => true
 * Schema.is(Allowlist.AllowlistSchema)([]) // => false
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const AllowlistSchema = Schema.declare(isAllowlist, {
  identifier: "Allowlist",
  description: "a compiled septet IP whitelist",
});

const toIssue = (error: InvalidAllowlist): SchemaIssue.Issue => {
  const issues = error.entries.map(
    (e) => new SchemaIssue.Pointer([e.index], new SchemaIssue.InvalidValue({ message: e.reason })),
  );
  return new SchemaIssue.Composite(
    AllowlistSchema.ast,
    issues as [SchemaIssue.Issue, ...Array<SchemaIssue.Issue>],
  );
};

/**
 * The whitelist as it sits in an API key configuration — a JSON array of strings — decoding to the
 * compiled {@link Allowlist}, with one issue per bad entry at its index (the same reasons as
 * {@link InvalidAllowlist}). Encoding gives the entries back. Embed it in a key Schema:
 * `Schema.Struct({ ipWhitelist: Allowlist.FromConfig, … })`.
 *
 * @example
 * ```ts
 * import { Result, Schema } from "effect"
 * import { Allowlist } from "@septet/core"
 * const list = Schema.decodeUnknownSync(Allowlist.FromConfig)(["10.0.0.0/8"])
 * Allowlist.allows(list, "10.9.8.7") // => true
 * const bad = Schema.decodeUnknownResult(Allowlist.FromConfig)(["10.0.0.0/8", "10.1"])
 * Result.isFailure(bad) // => true
 * ```
 * @category schemas
 * @since 0.1.0
 */
export const FromConfig = Schema.Array(Schema.String).pipe(
  Schema.decodeTo(
    AllowlistSchema,
    SchemaTransformation.transformEffect({
      decode: (input: ReadonlyArray<string>) => {
        const result = makeResult(input);
        return Result.isSuccess(result)
          ? Effect.succeed(result.success)
          : Effect.fail(toIssue(result.failure));
      },
      encode: (list: Allowlist) => Effect.succeed(entries(list)),
    }),
  ),
);
