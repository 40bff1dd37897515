/**
 * A connect-time guard for outgoing HTTP calls to addresses an outsider chose (delivery-report
 * webhooks): it refuses to connect to loopback, private, link-local (169.254.169.254 cloud
 * metadata included), CGNAT, unique-local, multicast, unspecified and the other special-purpose
 * addresses, whatever name led there (server-side request forgery, DNS rebinding).
 *
 * ## Mental model
 * A URL check (`DeliveryReport.checkUrl`) sees only the text of the URL; what matters is the
 * address the socket connects to, which DNS decides at connect time and may change between a
 * check and a call. {@link lookup} wraps the resolver your runtime uses (`dns.lookup` in Node) in
 * a hook of the shape `node:net`, `node:http`, `node:https` and undici take as their `lookup`
 * option: it resolves the name, checks EVERY address returned, and hands the socket only
 * addresses that passed. Core has no `node:` import: you pass the resolver.
 *
 * ## Common tasks
 * - `node:https`: `https.request(url, { lookup: Egress.lookup(dns.lookup) })`, plus a
 *   {@link check} of the URL's host when it is an IP literal (see the gotchas).
 * - undici / `fetch` in Node: `new Agent({ connect: { lookup: Egress.lookup(dns.lookup) } })`
 *   as the `dispatcher`, with `redirect: "manual"`.
 * - One address, e.g. a socket's `remoteAddress` after connecting: {@link check}.
 *
 * ## Rules
 * - Refused: every block of the IANA IPv4 and IPv6 Special-Purpose Address Registries, IPv4
 *   (224.0.0.0/4) and IPv6 (ff00::/8) multicast, and the SIIT IPv4-translated prefix
 *   `::ffff:0:0:0/96`. IPv4-mapped addresses (`::ffff:127.0.0.1`) are checked as the IPv4 address
 *   they carry; IPv4-compatible (`::/96`), NAT64 (`64:ff9b::/96`), 6to4 and Teredo are refused
 *   as blocks of their own.
 * - All or nothing: when a name resolves to several addresses and ANY of them is refused, the
 *   whole lookup fails. A name pointing at both a public and a private address is either a
 *   mistake or an attack (the public one fails, the client falls back to the private one).
 * - Fail closed: an address the strict `Ip` grammar does not parse (a zone identifier
 *   `fe80::1%eth0`, anything malformed) is refused, and so is an empty answer.
 * - `allowSpecialPurpose` lets chosen special-purpose addresses through (a test receiver on
 *   127.0.0.1, a private network you own); nothing else relaxes the guard. A value that is not
 *   an `Allowlist` (a plain array of CIDRs, say) refuses every address, public ones included,
 *   with a reason naming the option: a misconfigured guard fails closed and loudly.
 *
 * ## Gotchas
 * - Node's `net.connect` does not call `lookup` when the host is already an IP literal
 *   (`https://127.0.0.1/`, `https://[::1]/`): {@link check} such a host yourself before
 *   connecting (or let `DeliveryReport.checkUrl` do it).
 * - Follow no redirect: a redirect is a new URL, checked by nobody. Use `redirect: "manual"`
 *   (fetch) or no redirect handling (`node:https`).
 * - The guard does not time out a slow resolver: give the request a connect timeout.
 * - Proxies: when the HTTP client goes through a forward proxy, the proxy resolves the name; this
 *   guard then only sees the proxy's address. Guard the proxy instead.
 *
 * @module
 * @since 0.1.0
 */
import { Result, Schema } from "effect";
import * as Allowlist from "./Allowlist.js";
import * as Ip from "./Ip.js";
import { blockOf } from "./internal/ip/specialPurposeMatch.js";

/**
 * A connection {@link lookup} or {@link check} refused. `hostname` is the name that was looked up
 * (the address itself for {@link check}), `address` the offending address as the resolver gave it
 * (`""` when there was none), `block` the special-purpose block in CIDR notation (`null` when the
 * address did not parse or there was no address), and `reason` says why in words.
 *
 * It is an `Error`, so a Node socket or undici reports it as the cause of the failed request.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Egress } from "@septet/core"
 * const refused = Egress.check("169.254.169.254")
 * Result.isFailure(refused) && refused.failure.block // => "169.254.0.0/16"
 * Result.isFailure(refused) && refused.failure.message
 * // => "refusing to connect to 169.254.169.254 at 169.254.169.254: in a special-purpose block, 169.254.0.0/16 Link Local (includes the 169.254.169.254 metadata service), RFC 3927"
 * ```
 * @category errors
 * @since 0.1.0
 */
export class RefusedAddress extends Schema.TaggedError<RefusedAddress>()("RefusedAddress", {
  hostname: Schema.String,
  address: Schema.String,
  block: Schema.NullOr(Schema.String),
  reason: Schema.String,
}) {
  /** A stable code, as Node's own network errors carry one. */
  readonly code = "ERR_SEPTET_REFUSED_ADDRESS";
  override get message(): string {
    return `refusing to connect to ${this.hostname} at ${this.address || "(no address)"}: ${this.reason}`;
  }
}

/**
 * Options of {@link lookup} and {@link check}.
 *
 * @category models
 * @since 0.1.0
 */
export interface GuardOptions {
  /**
   * Special-purpose addresses that may be connected to anyway, e.g. a list compiled from
   * `["127.0.0.1"]` for a test receiver. Default: none. The same value as
   * `DeliveryReport.UrlOptions.allowSpecialPurpose`, so one setting covers both checks.
   */
  readonly allowSpecialPurpose?: Allowlist.Allowlist | undefined;
}

/**
 * One resolved address, as `dns.lookup` with `{ all: true }` gives it.
 *
 * @category models
 * @since 0.1.0
 */
export interface ResolvedAddress {
  readonly address: string;
  readonly family: number;
}

/**
 * What {@link lookup} asks its resolver for: every address (`all: true`) of the family the
 * socket wants (`0`: both).
 *
 * @category models
 * @since 0.1.0
 */
export interface ResolverOptions {
  readonly all: true;
  readonly family: 0 | 4 | 6;
}

/**
 * The resolver {@link lookup} wraps, in either of Node's two shapes: it answers through the
 * callback (`dns.lookup`) or returns a promise (`dns.promises.lookup`, or your own
 * DNS-over-HTTPS client in an edge runtime), and is called once per lookup.
 *
 * @category models
 * @since 0.1.0
 */
export type Resolver = (
  hostname: string,
  options: ResolverOptions,
  callback: (error: Error | null, addresses: ReadonlyArray<ResolvedAddress>) => void,
) => unknown;

/**
 * The options a socket passes to its `lookup` hook (`dns.LookupOptions` in Node).
 *
 * @category models
 * @since 0.1.0
 */
export interface LookupOptions {
  readonly all?: boolean | undefined;
  readonly family?: number | string | undefined;
}

/**
 * The callback of a `lookup` hook: an error, or one address and its family, or (with `all`)
 * every address.
 *
 * @category models
 * @since 0.1.0
 */
export type LookupCallback = (
  error: Error | null,
  address: string | Array<ResolvedAddress>,
  family?: number,
) => void;

/**
 * A `lookup` hook, assignable to the `lookup` option of `node:net`, `node:http`, `node:https`,
 * `node:tls` and undici's `connect` options.
 *
 * @category models
 * @since 0.1.0
 */
export type Lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => void;

/** Node's family option may be a number or "IPv4" / "IPv6". */
const familyOf = (family: LookupOptions["family"]): 0 | 4 | 6 =>
  family === 4 || family === "IPv4" ? 4 : family === 6 || family === "IPv6" ? 6 : 0;

const refuse = (hostname: string, address: string, block: string | null, reason: string) =>
  new RefusedAddress({ hostname, address, block, reason });

/** Strings from a resolver or a caller are cut, so an error never carries megabytes. */
const cut = (s: string): string => (s.length > 256 ? `${s.slice(0, 256)}…` : s);

/**
 * The exceptions the options allow, or why the options refuse every address: like
 * `DeliveryReport.checkUrl`, a guard with an unusable option fails closed, and says so. Throws
 * on a hostile getter (the callers catch).
 */
const readGuard = (options: GuardOptions | undefined): GuardOptions | string => {
  if (options === undefined || options === null) return {};
  const allow: unknown = options.allowSpecialPurpose;
  if (allow !== undefined && !Allowlist.isAllowlist(allow)) {
    return "options.allowSpecialPurpose must be an Allowlist (Allowlist.make)";
  }
  return { allowSpecialPurpose: allow };
};

const checkOne = (
  hostname: string,
  address: unknown,
  options: GuardOptions,
): Result.Result<Ip.Address, RefusedAddress> => {
  if (typeof address !== "string" && !Ip.isAddress(address)) {
    return Result.fail(refuse(hostname, "", null, "the resolver gave something that is not an address"));
  }
  const text = typeof address === "string" ? cut(address) : Ip.format(address);
  const parsed = typeof address === "string" ? Ip.parseAddressResult(address) : Result.succeed(address);
  if (Result.isFailure(parsed)) {
    return Result.fail(refuse(hostname, text, null, `not a valid IP address (${parsed.failure.reason})`));
  }
  const block = blockOf(parsed.success);
  if (block === undefined) return Result.succeed(parsed.success);
  const allow = options.allowSpecialPurpose;
  if (allow !== undefined && Allowlist.allows(allow, parsed.success)) return Result.succeed(parsed.success);
  return Result.fail(
    refuse(
      hostname,
      text,
      block.cidr,
      `in a special-purpose block, ${block.cidr} ${block.name}, ${block.rfc}`,
    ),
  );
};

/**
 * Checks one IP address against the guard's rules (module documentation): the parsed address,
 * or a {@link RefusedAddress}. Sync, never throws; a non-string, a malformed address or one with
 * a zone identifier is refused.
 *
 * Use it for an IP-literal host before connecting (Node skips `lookup` for those), or on a
 * socket's `remoteAddress` as a second line of defence.
 *
 * @example
 * ```ts
 * import { Effect, Result } from "effect"
 * import { Allowlist, Egress, Ip } from "@septet/core"
 * Result.isSuccess(Egress.check("93.184.215.14")) // => true
 * Result.isFailure(Egress.check("::ffff:10.0.0.1")) // => true
 * Result.isFailure(Egress.check("::ffff:0:127.0.0.1")) // => true
 * Result.isFailure(Egress.check("fe80::1%eth0")) // => true
 * const loopback = Effect.runSync(Allowlist.make(["127.0.0.1"]))
 * Result.map(Egress.check("127.0.0.1", { allowSpecialPurpose: loopback }), Ip.format)
 * // => Result.succeed("127.0.0.1")
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const check = (
  address: string | Ip.Address,
  options?: GuardOptions,
): Result.Result<Ip.Address, RefusedAddress> => {
  try {
    const hostname =
      typeof address === "string" ? cut(address) : Ip.isAddress(address) ? Ip.format(address) : "";
    const guard = readGuard(options);
    if (typeof guard === "string") return Result.fail(refuse(hostname, "", null, guard));
    return checkOne(hostname, address, guard);
  } catch {
    // Only a hostile `options` (a throwing getter) gets here.
    return Result.fail(refuse("", "", null, "the check failed on its options"));
  }
};

const isThenable = (u: unknown): u is PromiseLike<ReadonlyArray<ResolvedAddress>> =>
  typeof u === "object" && u !== null && typeof (u as { then?: unknown }).then === "function";

/**
 * Wraps a resolver into a `lookup` hook that refuses special-purpose addresses (the rules are in
 * the module documentation). Plug it into `node:http` / `node:https` (`lookup` request option or
 * `Agent` option), `net.connect` / `tls.connect`, or undici (`new Agent({ connect: { lookup } })`).
 *
 * The hook asks the resolver for every address of the requested family, refuses the lookup when
 * any of them is refused (or none came back), and otherwise answers as Node expects: the list
 * when the socket asked for `all`, else the first address. A resolver error is passed on as it
 * is; a resolver that throws is caught and reported through the callback.
 *
 * @example
 * ```ts
 * import { Egress } from "@septet/core"
 * // A resolver stub in place of dns.lookup: the name "rebind.example" points at loopback.
 * const resolver: Egress.Resolver = async (hostname) =>
 *   hostname === "rebind.example" ? [{ address: "127.0.0.1", family: 4 }] : [{ address: "93.184.215.14", family: 4 }]
 * const lookup = Egress.lookup(resolver)
 * const ask = (hostname: string) =>
 *   new Promise((resolve) => lookup(hostname, { all: true }, (error, addresses) => resolve(error ?? addresses)))
 * await ask("example.com") // => [{ address: "93.184.215.14", family: 4 }]
 * ;((await ask("rebind.example")) as Egress.RefusedAddress).block // => "127.0.0.0/8"
 * ```
 * @category operations
 * @since 0.1.0
 */
export const lookup =
  (resolver: Resolver, options?: GuardOptions): Lookup =>
  (hostname, lookupOptions, callback) => {
    let settled = false;
    // The callback runs outside every try block: an exception in Node's own code is not ours to
    // swallow. `settled` keeps a resolver that answers twice from connecting twice.
    const answer = (outcome: Result.Result<ReadonlyArray<ResolvedAddress>, Error>) => {
      if (settled) return;
      settled = true;
      const all = lookupOptions?.all === true;
      if (Result.isFailure(outcome)) return callback(outcome.failure, all ? [] : "", 0);
      const addresses = outcome.success;
      if (all) callback(null, addresses.slice());
      else callback(null, addresses[0]!.address, addresses[0]!.family);
    };
    const settle = (error: unknown, addresses: unknown) => answer(vet(hostname, error, addresses, options));
    let returned: unknown;
    try {
      const query: ResolverOptions = { all: true, family: familyOf(lookupOptions?.family) };
      returned = resolver(hostname, query, settle);
    } catch (error) {
      return settle(error ?? new Error("the resolver failed"), undefined);
    }
    if (isThenable(returned)) {
      returned.then(
        (addresses) => settle(null, addresses),
        (error: unknown) => settle(error ?? new Error("the resolver failed"), undefined),
      );
    }
  };

/**
 * The resolver's answer, checked: the addresses in canonical form (what is handed to the socket
 * is exactly what was checked), or the first refusal. Never throws, even on a hostile answer.
 */
const vet = (
  hostname: string,
  error: unknown,
  addresses: unknown,
  options: GuardOptions | undefined,
): Result.Result<ReadonlyArray<ResolvedAddress>, Error> => {
  try {
    if (error !== null && error !== undefined) {
      return Result.fail(error instanceof Error ? error : new Error(String(error)));
    }
    const name = cut(String(hostname));
    const guard = readGuard(options);
    if (typeof guard === "string") return Result.fail(refuse(name, "", null, guard));
    if (!Array.isArray(addresses) || addresses.length === 0) {
      return Result.fail(refuse(name, "", null, "the resolver returned no address"));
    }
    const vetted: Array<ResolvedAddress> = [];
    for (const entry of addresses as ReadonlyArray<unknown>) {
      const address =
        typeof entry === "object" && entry !== null && !Ip.isAddress(entry)
          ? (entry as { readonly address?: unknown }).address
          : entry;
      const checked = checkOne(name, address, guard);
      if (Result.isFailure(checked)) return Result.fail(checked.failure);
      vetted.push({ address: Ip.format(checked.success), family: checked.success.family });
    }
    return Result.succeed(vetted);
  } catch {
    return Result.fail(new Error("the resolver's answer could not be read"));
  }
};
