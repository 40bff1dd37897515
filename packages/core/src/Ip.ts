/**
 * IP addresses and CIDR ranges: a strict parser, an immutable value type and canonical text.
 *
 * Modelled on Go's `net/netip`: an {@link Address} is a small immutable value (its family and its
 * 128 bits), parsing is strict, and every error quotes the input and names the failing part,
 * e.g. `Ip.parseAddress("1.2.3.04"): IPv4 field has octet with leading zero (octal forms are
 * not allowed)`. The message names the public function ({@link parseAddress} or {@link parseCidr});
 * the `…Option`, `…Result` and `…Unsafe` variants give the same errors.
 *
 * ## Grammar (what {@link parseAddress} accepts)
 *
 * Input is first checked for length: anything longer than {@link MAX_INPUT_LENGTH} (64) UTF-16
 * code units is refused before any parsing (the longest valid address, `ffff:ffff:ffff:ffff:ffff:
 * ffff:255.255.255.255`, is 45 characters; the longest valid CIDR 49). Then the family is chosen
 * the way Go does: by whether a `.` or a `:` comes first. No `.` and no `:` at all is refused
 * (this is how integer `2130706433`, hexadecimal `0x7f000001` and octal `017700000001` forms
 * die).
 *
 * **IPv4** — exactly the `IPv4address` of RFC 3986 §3.2.2 (the dotted quad of RFC 791 §3.2
 * addresses, in network byte order):
 * ```text
 * IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet
 * dec-octet   = "0" / %x31-39 0*2DIGIT      ; value 0-255, no leading zero
 * ```
 * - four fields, always: `127.1` (short form), `1.2.3.4.5` and `1.2.3.4.` (trailing dot) fail;
 * - decimal only: `0x7f.0.0.1` fails ("IPv4 field is hexadecimal"), `010.0.0.1` fails ("IPv4 field
 *   has octet with leading zero") — the octal reading of CVE-2021-28918 / CVE-2021-29921 can
 *   never happen because the field is refused, not reinterpreted; `0.0.0.0` is fine;
 * - values above 255 fail ("IPv4 field has value >255").
 *
 * **IPv6** — the three text forms of RFC 4291 §2.2:
 * ```text
 * x:x:x:x:x:x:x:x          ; x = 1 to 4 hex digits, case-insensitive, leading zeros allowed
 * x::x / ::x / x:: / ::    ; one "::" stands for ONE OR MORE 16-bit groups of zeros
 * x:x:x:x:x:x:d.d.d.d      ; the last 32 bits as an RFC 3986 dotted quad (also after "::")
 * ```
 * - at most one `::`; `::` must stand for at least one group (`1:2:3:4:5:6:7::8` fails);
 * - five or more hex digits in a group fail; more than eight groups fail; fewer than eight
 *   without `::` fail; a single leading or trailing `:` fails;
 * - an embedded dotted quad must be the last 32 bits (`::1.2.3.4:5` and `1:2:3:4:5:6:7:1.2.3.4`
 *   fail) and follows the IPv4 rules above (`::ffff:1.2.3.04` fails);
 * - no zone identifier (`fe80::1%eth0` fails: a whitelist entry or a client address never names an
 *   interface), no brackets (`[::1]` fails: brackets belong to URLs, RFC 3986 §3.2.2, not to
 *   addresses).
 *
 * **Everywhere**: ASCII only (fullwidth digits `１`, Arabic-Indic digits and the like fail with
 * "non-ASCII character"); no whitespace anywhere (no trimming: `" 1.2.3.4"` fails); no control
 * characters (NUL included). The parser is hand-written over `charCodeAt` (a single pass for
 * the common dotted quad); there is no regular expression anywhere, input over the cap is refused
 * before it is read, so hostile input costs a few passes over at most 64 characters.
 *
 * **Sync parsing for hot paths**: {@link parseAddressOption} (no error built) and
 * {@link parseAddressResult} / {@link parseCidrResult} (typed error, no Effect) never throw.
 *
 * **CIDR** ({@link parseCidr}): `address "/" prefix` (RFC 4632 §3.1), where `prefix` is `"0"` or a
 * non-zero digit followed by digits, at most 32 for IPv4 and 128 for IPv6. `1.2.3.4/` (empty),
 * `/+8`, `/-0` (sign), `/ 8` (space), `/033` (leading zero), `/0x18`, `/33`,
 * `/18446744073709551640` (never wraps to a small number) and `1.2.3.4/8/8` all fail. Host bits
 * are accepted and masked (`123.123.123.1/24` means `123.123.123.0/24`) and the masking is
 * reported in {@link Cidr.hostBitsMasked}.
 *
 * ## Errors
 * {@link InvalidAddress} and {@link InvalidCidr} carry the input (cut to 64 characters), the
 * offset of the offending character and one of these reasons (characters that can never appear
 * in an address are named first, then the grammar error at the first failing part):
 * `empty string` · `input longer than 64 characters` · `non-ASCII character …` ·
 * `whitespace is not allowed` · `control character is not allowed` ·
 * `IPv6 zone identifiers ('%') are not allowed` · `brackets are not allowed; write the bare
 * address` · `no dots or colons: integer, hexadecimal and other non dotted-quad forms are not
 * allowed` · `IPv4 field must have at least one digit` · `IPv4 address has a trailing dot` ·
 * `IPv4 field has octet with leading zero (octal forms are not allowed)` · `IPv4 field has value
 * >255` · `IPv4 address too short: …` · `IPv4 address too long: …` · `IPv4 field is hexadecimal
 * (0x); …` · `unexpected character in IPv4 address` · `IPv6 field has more than 4 hex digits` ·
 * `each colon-separated IPv6 field must have at least one hex digit` · `multiple :: in IPv6
 * address` · `IPv6 address too short: …` · `IPv6 address too long: …` · `the :: must expand to at
 * least one field of zeros` · `embedded IPv4 address must replace the final 2 fields of the
 * address` · `unexpected character in IPv6 address` · `colon must be followed by more characters`
 * · and for prefixes `missing prefix length ('/n')` · `prefix length is empty` · `prefix length
 * must be decimal digits only` · `prefix length must not have a sign` · `prefix length has
 * leading zero` · `prefix length out of range: at most 32|128`. An IPv4 error inside an IPv6
 * address is prefixed `in embedded IPv4 address: `.
 *
 * ## Canonical text ({@link format})
 * IPv4: dotted decimal without leading zeros. IPv6: RFC 5952 §4 — lowercase hex (§4.3), leading
 * zeros of each group dropped (§4.1), the longest run of two or more zero groups replaced by `::`
 * (§4.2.1-§4.2.3, the first run on a tie, never a single group); IPv4-mapped addresses
 * (`::ffff:0:0/96`, RFC 4291 §2.5.5.2) in the mixed notation of RFC 5952 §5 (`::ffff:1.2.3.4`).
 * Other IPv4-embedding forms (IPv4-compatible `::1.2.3.4`, NAT64 `64:ff9b::/96`, 6to4, Teredo) are
 * printed in plain hex and are never treated as IPv4.
 *
 * @module
 * @since 0.1.0
 */
import { Effect, Option, type Order as order, Result, Schema } from "effect";
import * as scan from "./internal/ip/scan.js";
import {
  AddressTypeId as AddressTypeIdImpl,
  addressFromScratch,
  addressFromWords,
  cidrFromScratch,
  cut,
  format as formatImpl,
  isAddress as isAddressImpl,
  reasonOf,
  sameAddress,
} from "./internal/ip/value.js";
import { describe } from "./internal/schema/describe.js";

// Module-local copies of the scanner's bindings (module runners may implement live bindings
// with getters, which would cost a call per access on the hot path).
const { MAX_INPUT_LENGTH: MAX, Reason, scanAddress, scanCidr, scanned, statusOffset, statusReason } = scan;

/**
 * The longest input (in UTF-16 code units) that {@link parseAddress}, {@link parseCidr} and
 * `Allowlist` read. Longer input is refused before parsing with the reason "input longer than 64
 * characters". Valid addresses are at most 45 characters and valid CIDRs at most 49, so no valid
 * input is ever refused by the cap.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * Ip.MAX_INPUT_LENGTH // => 64
 * ```
 * @category constants
 * @since 0.1.0
 */
export const MAX_INPUT_LENGTH: number = MAX;

/**
 * The address family: `4` for IPv4, `6` for IPv6 (IPv4-mapped IPv6 addresses are family `6`
 * until {@link unmap}ped).
 *
 * @category models
 * @since 0.1.0
 */
export type Family = 4 | 6;

/**
 * The brand key every {@link Address} carries (a string, so it survives realms and bundling):
 * only values made by this module have it. Use {@link isAddress} to test for one.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * Ip.AddressTypeId // => "~@septet/core/Ip/Address"
 * ```
 * @category constants
 * @since 0.1.0
 */
export const AddressTypeId: typeof AddressTypeIdImpl = AddressTypeIdImpl;

/**
 * An IP address: an immutable value holding its {@link Family} and its bits.
 *
 * - `words` are the 128 bits as four big-endian unsigned 32-bit words. An IPv4 address keeps its
 *   32 bits in `words[3]` and zeros in `words[0..2]`.
 * - IPv4 `1.2.3.4` and IPv4-mapped IPv6 `::ffff:1.2.3.4` are DIFFERENT values (families 4 and 6),
 *   as in Go's `netip`; {@link unmap} converts. `Allowlist.allows` unmaps clients itself.
 * - There is no "invalid" or zoned address value: the only way to get an `Address` is a
 *   successful parse or {@link fromBytes}.
 * - `String(address)` and `JSON.stringify(address)` give the canonical text of {@link format}.
 *   Equality: {@link equals} (also `Equal.equals` from effect).
 *
 * @category models
 * @since 0.1.0
 */
export interface Address {
  readonly [AddressTypeId]: typeof AddressTypeId;
  /** 4 for IPv4, 6 for IPv6 (including IPv4-mapped IPv6). */
  readonly family: Family;
  /** The 128 bits as four big-endian unsigned 32-bit words (IPv4: zeros, then the address). */
  readonly words: readonly [number, number, number, number];
  /** The canonical text ({@link format}), e.g. `"2001:db8::1"`. */
  toString(): string;
  /** The canonical text, so `JSON.stringify` writes an address as a string. */
  toJSON(): string;
}

/**
 * Whether `u` is an {@link Address} made by this module.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * Ip.isAddress(Ip.parseAddressUnsafe("::1")) // => true
 * Ip.isAddress("::1") // => false
 * ```
 * @category predicates
 * @since 0.1.0
 */
export const isAddress: (u: unknown) => u is Address = isAddressImpl;

/**
 * A parsed CIDR range (RFC 4632), normalised: `address` is the network address with every host
 * bit cleared, and the record reports what the normalisation did, so a key owner can be shown
 * exactly what is enforced.
 *
 * - `input` is the text exactly as given (never cut: a `Cidr` only exists for valid input, which
 *   is at most 49 characters).
 * - `canonical` is `format(address) + "/" + prefix`.
 * - `hostBitsMasked` is true when the input had host bits set (`10.1.2.3/8` → `10.0.0.0/8`).
 * - An IPv4-mapped range (`::ffff:10.0.0.0/104`) stays an IPv6 `Cidr`; `Allowlist` decides how it
 *   is enforced.
 *
 * @category models
 * @since 0.1.0
 */
export interface Cidr {
  /** The network address (host bits cleared). */
  readonly address: Address;
  /** The prefix length: 0-32 for IPv4, 0-128 for IPv6. */
  readonly prefix: number;
  /** The family of `address`. */
  readonly family: Family;
  /** The input exactly as given. */
  readonly input: string;
  /** The canonical masked form, e.g. `"123.123.123.0/24"`. */
  readonly canonical: string;
  /** Whether host bits were set in the input and have been cleared. */
  readonly hostBitsMasked: boolean;
  /** The canonical masked form (`canonical`). */
  toString(): string;
  /** The canonical masked form, so `JSON.stringify` writes a range as a string. */
  toJSON(): string;
}

/**
 * Why an address did not parse. `input` quotes the input (cut to its first 64 characters plus `…`
 * when longer), `reason` names the failing part in net/netip style, `offset` is the UTF-16 index
 * of the offending character (0 when the whole input is at fault).
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Ip } from "@septet/core"
 * const error = Effect.runSync(Effect.flip(Ip.parseAddress("1.2.3.04")))
 * error.message // => 'Ip.parseAddress("1.2.3.04"): IPv4 field has octet with leading zero (octal forms are not allowed) (at "04")'
 * ```
 * @category errors
 * @since 0.1.0
 */
export class InvalidAddress extends Schema.TaggedError<InvalidAddress>()("InvalidAddress", {
  input: Schema.String,
  reason: Schema.String,
  offset: Schema.Number,
}) {
  override get message(): string {
    return `Ip.parseAddress(${JSON.stringify(this.input)}): ${this.reason}${at(this.input, this.offset)}`;
  }
}

/**
 * Why a CIDR range did not parse. Like {@link InvalidAddress}, plus `part`: `"address"` when the
 * part before `/` is at fault, `"prefix"` when the prefix length is.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Ip } from "@septet/core"
 * const error = Effect.runSync(Effect.flip(Ip.parseCidr("10.0.0.0/033")))
 * error.part // => "prefix"
 * error.reason // => "prefix length has leading zero"
 * ```
 * @category errors
 * @since 0.1.0
 */
export class InvalidCidr extends Schema.TaggedError<InvalidCidr>()("InvalidCidr", {
  input: Schema.String,
  reason: Schema.String,
  part: Schema.Literals(["address", "prefix"]),
  offset: Schema.Number,
}) {
  override get message(): string {
    return `Ip.parseCidr(${JSON.stringify(this.input)}): ${this.reason}${at(this.input, this.offset)}`;
  }
}

const at = (input: string, offset: number): string =>
  offset > 0 && offset < input.length ? ` (at ${JSON.stringify(input.slice(offset))})` : "";

const addressError = (status: number, input: string): InvalidAddress =>
  new InvalidAddress({ input: cut(input), reason: reasonOf(status, input), offset: statusOffset(status) });

const cidrError = (status: number, input: string): InvalidCidr =>
  new InvalidCidr({
    input: cut(input),
    reason: reasonOf(status, input),
    part: isPrefixFailure(status, input) ? "prefix" : "address",
    offset: statusOffset(status),
  });

const isPrefixFailure = (status: number, input: string): boolean => {
  if (statusReason(status) >= Reason.PrefixMissing) return true;
  const offset = statusOffset(status);
  for (let i = 0; i < offset; i++) if (input.charCodeAt(i) === 47) return true;
  return false;
};

/**
 * Parses an IP address without Effect and without building an error: the address, or
 * `Option.none()` for any input that {@link parseAddress} refuses (including non-strings).
 * Never throws. For hot paths; use {@link parseAddressResult} when the reason matters.
 *
 * @example
 * ```ts
 * import { Option } from "effect"
 * import { Ip } from "@septet/core"
 * Option.map(Ip.parseAddressOption("2001:DB8::1"), Ip.format) // => Option.some("2001:db8::1")
 * Ip.parseAddressOption("127.1") // => Option.none()
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const parseAddressOption = (s: string): Option.Option<Address> => {
  if (typeof s !== "string") return Option.none();
  const status = scanAddress(s, 0, s.length);
  return status > 0 ? Option.some(addressFromScratch(status)) : Option.none();
};

/**
 * Parses an IP address synchronously into a `Result`: the {@link Address} or an
 * {@link InvalidAddress} naming the failing part. Never throws. The grammar is in the module
 * documentation.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Ip } from "@septet/core"
 * Result.isSuccess(Ip.parseAddressResult("192.0.2.1")) // => true
 * Result.isFailure(Ip.parseAddressResult("0x7f.1")) // => true
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const parseAddressResult = (s: string): Result.Result<Address, InvalidAddress> => {
  if (typeof s !== "string") {
    return Result.fail(new InvalidAddress({ input: describe(s), reason: "not a string", offset: 0 }));
  }
  const status = scanAddress(s, 0, s.length);
  return status > 0 ? Result.succeed(addressFromScratch(status)) : Result.fail(addressError(status, s));
};

/**
 * Parses an IPv4 or IPv6 address with the strict grammar of the module documentation (RFC 3986
 * §3.2.2 dotted quad; RFC 4291 §2.2 IPv6 text forms; no zones, no brackets, ASCII only, at most
 * 64 characters).
 *
 * Gotchas: `::ffff:1.2.3.4` parses as an IPv6 (family 6) IPv4-mapped address — use
 * {@link unmap} to get `1.2.3.4`; `Allowlist.allows` does that for you. Nothing is trimmed.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Ip } from "@septet/core"
 * Effect.runSync(Effect.map(Ip.parseAddress("2001:0DB8:0:0:0:0:0:1"), Ip.format)) // => "2001:db8::1"
 * Effect.runSync(Effect.flip(Ip.parseAddress("fe80::1%eth0"))).reason
 * // => "IPv6 zone identifiers ('%') are not allowed"
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const parseAddress = (s: string): Effect.Effect<Address, InvalidAddress> =>
  Effect.fromResult(parseAddressResult(s));

/**
 * Parses an IP address or throws its {@link InvalidAddress}: for tests and examples with
 * hard-coded strings (like Go's `netip.MustParseAddr`), where a bad literal is a bug to see at
 * once.
 *
 * Gotcha: this is the one parser that throws. Input from outside (a request, a file, a form)
 * goes through {@link parseAddress}, {@link parseAddressResult} or {@link parseAddressOption}.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * Ip.format(Ip.parseAddressUnsafe("2001:DB8::1")) // => "2001:db8::1"
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const parseAddressUnsafe = (s: string): Address => {
  const result = parseAddressResult(s);
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};

/**
 * Parses a CIDR range synchronously into a `Result` (see {@link parseCidr}). Never throws.
 *
 * @example
 * ```ts
 * import { Result } from "effect"
 * import { Ip } from "@septet/core"
 * Result.map(Ip.parseCidrResult("10.1.2.3/8"), (c) => c.canonical) // => Result.succeed("10.0.0.0/8")
 * ```
 * @category parsing
 * @since 0.1.0
 */
export function parseCidrResult(s: string): Result.Result<Cidr, InvalidCidr> {
  if (typeof s !== "string") {
    return Result.fail(
      new InvalidCidr({ input: describe(s), reason: "not a string", part: "address", offset: 0 }),
    );
  }
  const status = scanCidr(s, false);
  if (status < 0) return Result.fail(cidrError(status, s));
  return Result.succeed(cidrFromScratch(status as Family, scanned.prefix, s));
}

/**
 * Parses a CIDR range `address/prefix` (RFC 4632 §3.1) with the strict grammar of the module
 * documentation, masks the host bits and reports the normalisation.
 *
 * - The prefix is required here (a bare address is an error "missing prefix length"; `Allowlist`
 *   entries may be bare and then mean /32 or /128).
 * - Prefix: decimal digits only, no sign, no leading zero, ≤ 32 (IPv4) or ≤ 128 (IPv6).
 * - Host bits are cleared, never refused: `hostBitsMasked` says whether any were set.
 * - IPv4-mapped ranges stay IPv6 here.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Ip } from "@septet/core"
 * const cidr = Ip.parseCidrUnsafe("123.123.123.1/24")
 * cidr.canonical // => "123.123.123.0/24"
 * cidr.hostBitsMasked // => true
 * Effect.runSync(Effect.flip(Ip.parseCidr("10.0.0.0/+8"))).reason // => "prefix length must not have a sign"
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const parseCidr = (s: string): Effect.Effect<Cidr, InvalidCidr> =>
  Effect.fromResult(parseCidrResult(s));

/**
 * Parses a CIDR range or throws its {@link InvalidCidr}: for tests and examples with hard-coded
 * strings (like Go's `netip.MustParsePrefix`). Same grammar and masking as {@link parseCidr}.
 *
 * Gotcha: this is the one range parser that throws. Input from outside goes through
 * {@link parseCidr} or {@link parseCidrResult}.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * Ip.parseCidrUnsafe("10.1.2.3/8").canonical // => "10.0.0.0/8"
 * ```
 * @category parsing
 * @since 0.1.0
 */
export const parseCidrUnsafe = (s: string): Cidr => {
  const result = parseCidrResult(s);
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};

/**
 * The canonical text of an address: dotted decimal for IPv4; RFC 5952 for IPv6 (lowercase hex,
 * §4.3; no leading zeros, §4.1; the longest run of two or more zero groups as `::`, the first run
 * on a tie, never a single group, §4.2) with IPv4-mapped addresses as `::ffff:a.b.c.d`
 * (RFC 5952 §5). Parsing the result gives the same address back. IPv4-compatible addresses
 * (`::1.2.3.4`) are not IPv4-mapped and print in hex.
 *
 * @example
 * ```ts
 * import { Option } from "effect"
 * import { Ip } from "@septet/core"
 * const text = (s: string) => Option.getOrThrow(Option.map(Ip.parseAddressOption(s), Ip.format))
 * text("2001:DB8:0:0:1:0:0:1") // => "2001:db8::1:0:0:1"
 * text("0:0:0:0:0:FFFF:0102:0304") // => "::ffff:1.2.3.4"
 * text("::1.2.3.4") // => "::102:304"
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const format: (address: Address) => string = formatImpl;

/**
 * Whether an address is an IPv4-mapped IPv6 address (`::ffff:0:0/96`, RFC 4291 §2.5.5.2).
 * IPv4-compatible (`::a.b.c.d`), NAT64 (`64:ff9b::/96`), 6to4 (`2002::/16`) and Teredo
 * (`2001::/32`) addresses are NOT mapped.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * const mapped = Ip.parseAddressUnsafe("::ffff:1.2.3.4")
 * const compat = Ip.parseAddressUnsafe("::1.2.3.4")
 * Ip.isIPv4Mapped(mapped) // => true
 * Ip.isIPv4Mapped(compat) // => false
 * ```
 * @category predicates
 * @since 0.1.0
 */
export const isIPv4Mapped = (address: Address): boolean => {
  const w = address.words;
  return address.family === 6 && w[0] === 0 && w[1] === 0 && w[2] === 0xffff;
};

/**
 * The IPv4 address inside an IPv4-mapped IPv6 address; any other address is returned unchanged
 * (like Go's `Addr.Unmap`). Only `::ffff:0:0/96` is unwrapped.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * const mapped = Ip.parseAddressUnsafe("::ffff:10.0.0.1")
 * Ip.format(Ip.unmap(mapped)) // => "10.0.0.1"
 * mapped.family // => 6
 * Ip.unmap(mapped).family // => 4
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const unmap = (address: Address): Address =>
  isIPv4Mapped(address) ? addressFromWords(4, 0, 0, 0, address.words[3]) : address;

/**
 * Whether two addresses are the same value (same family and bits; `1.2.3.4` and
 * `::ffff:1.2.3.4` are different values, compare their {@link unmap}s to equate them).
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * const a = Ip.parseAddressUnsafe("::1")
 * const b = Ip.parseAddressUnsafe("0:0:0:0:0:0:0:1")
 * const c = Ip.parseAddressUnsafe("::ffff:127.0.0.1")
 * const d = Ip.parseAddressUnsafe("127.0.0.1")
 * Ip.equals(a, b) // => true
 * Ip.equals(c, d) // => false
 * Ip.equals(Ip.unmap(c), d) // => true
 * ```
 * @category predicates
 * @since 0.1.0
 */
export const equals: (a: Address, b: Address) => boolean = sameAddress;

/**
 * Total order: every IPv4 address before every IPv6 address, then numerically (like Go's
 * `Addr.Compare`). Returns -1, 0 or 1.
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * const a = Ip.parseAddressUnsafe("10.0.0.1")
 * const b = Ip.parseAddressUnsafe("::1")
 * Ip.compare(a, b) // => -1
 * ```
 * @category predicates
 * @since 0.1.0
 */
export const compare = (a: Address, b: Address): -1 | 0 | 1 => {
  if (a.family !== b.family) return a.family < b.family ? -1 : 1;
  for (let k = 0; k < 4; k++) {
    const x = a.words[k]!;
    const y = b.words[k]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/**
 * The `Order` of addresses for effect's sorting helpers (`Array.sort`, `Order.min`, …): every
 * IPv4 address before every IPv6 address, then numerically. The same order as {@link compare};
 * `1.2.3.4` and `::ffff:1.2.3.4` are different values and sort apart (IPv4 first).
 *
 * @example
 * ```ts
 * import { Array } from "effect"
 * import { Ip } from "@septet/core"
 * const sorted = Array.sort(["::1", "10.0.0.2", "10.0.0.1"].map(Ip.parseAddressUnsafe), Ip.Order)
 * sorted.map(Ip.format) // => ["10.0.0.1", "10.0.0.2", "::1"]
 * ```
 * @category predicates
 * @since 0.1.0
 */
export const Order: order.Order<Address> = compare;

/**
 * The address in network byte order: 4 bytes for IPv4, 16 for IPv6 (a fresh array each call).
 *
 * @example
 * ```ts
 * import { Ip } from "@septet/core"
 * const a = Ip.parseAddressUnsafe("192.0.2.1")
 * Array.from(Ip.toBytes(a)) // => [192, 0, 2, 1]
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const toBytes = (address: Address): Uint8Array => {
  const n = address.family === 4 ? 4 : 16;
  const out = new Uint8Array(n);
  const first = address.family === 4 ? 3 : 0;
  for (let k = first, o = 0; k < 4; k++, o += 4) {
    const w = address.words[k]!;
    out[o] = w >>> 24;
    out[o + 1] = (w >>> 16) & 255;
    out[o + 2] = (w >>> 8) & 255;
    out[o + 3] = w & 255;
  }
  return out;
};

/**
 * Builds an address from 4 (IPv4) or 16 (IPv6) bytes in network byte order; any other length or
 * a byte outside 0-255 gives `Option.none()`. 16 bytes always give an IPv6 address (mapped ones
 * included; {@link unmap} them if wanted).
 *
 * @example
 * ```ts
 * import { Option } from "effect"
 * import { Ip } from "@septet/core"
 * Option.map(Ip.fromBytes([10, 0, 0, 1]), Ip.format) // => Option.some("10.0.0.1")
 * ```
 * @category conversions
 * @since 0.1.0
 */
export const fromBytes = (bytes: ArrayLike<number>): Option.Option<Address> => {
  // Read each byte once into a copy: a getter or proxy cannot answer differently when checked and
  // when used, and one that throws gives none.
  const copy: Array<number> = [];
  try {
    const n = bytes.length;
    if (n !== 4 && n !== 16) return Option.none();
    for (let i = 0; i < n; i++) {
      const b: unknown = bytes[i];
      if (typeof b !== "number" || !Number.isInteger(b) || b < 0 || b > 255) return Option.none();
      copy.push(b);
    }
  } catch {
    return Option.none();
  }
  const n = copy.length;
  const word = (o: number): number =>
    ((copy[o]! << 24) | (copy[o + 1]! << 16) | (copy[o + 2]! << 8) | copy[o + 3]!) >>> 0;
  return Option.some(
    n === 4
      ? addressFromWords(4, 0, 0, 0, word(0))
      : addressFromWords(6, word(0), word(4), word(8), word(12)),
  );
};
