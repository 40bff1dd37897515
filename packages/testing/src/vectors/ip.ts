/**
 * Conformance vectors for the IP whitelist (`Ip.parseAddress`, `Ip.parseCidr`, `Allowlist.make`,
 * `Allowlist.allows`): the adversarial catalogue of public advisories and of other parsers'
 * invalid-input tables, plus septet's family and normalisation rules. Every row states
 * the expected result and where it comes from. Inputs are plain strings (some built with
 * `repeat`), so the tables serialise to JSON as they are.
 *
 * Sources cited in the `source` column:
 * - CVE-2021-28918: npm `netmask` < 2.0.1 read `012.0.0.1` as decimal 12 (the OS reads octal 10),
 *   so a rule or a check meant one host and enforced another.
 * - CVE-2021-29418: npm `netmask` < 2.0.1, the hexadecimal / octal forms (`0x7f.1`, `0177.0.0.1`).
 * - CVE-2021-29921: Python `ipaddress` < 3.9.5 ignored leading zeros (`010.8.8.8` read as 10.8.8.8).
 * - CVE-2021-29922: Rust `std::net` < 1.53 accepted leading zeros in IPv4 octets.
 * - CVE-2021-29923: Go `net` < 1.17 accepted leading zeros in IPv4 octets (and CIDRs).
 * - CVE-2020-28360: npm `private-ip` < 2.0.0 missed `0x7f.1`, `0177.1`, `127.1` forms.
 * - CVE-2023-42282: npm `ip` `isPublic("0x7f.1")` returned true.
 * - CVE-2024-29415: npm `ip` ≤ 2.0.1 `isPublic` true for `127.1`, `01200034567`, `012.1.2.3`,
 *   `000:0:0000::01`, `::fFFf:127.0.0.1` (node-ip issues #150, #160 `"0"`, #162 `017700000001`).
 * - go/netip: Go `net/netip` ParseAddr / ParsePrefix test tables (facts, not text).
 * - python/ipaddress: Python `ipaddress` test suite (ASCII-digit prefix, leading zeros, zones).
 * - rust/std::net: Rust `std::net` parser tests (`Ipv4Addr`, `Ipv6Addr` from_str).
 * - RFC 3986 §3.2.2 (dotted quad `dec-octet`), RFC 4291 §2.2 (IPv6 text), §2.5.5 (embedded IPv4),
 *   RFC 4632 §3.1 (prefix), RFC 5952 §4-§5 (canonical IPv6 text).
 * - septet decision: rules septet itself sets (ASCII only, no zones/brackets, length cap, families, mapped
 *   rules, empty list denies all).
 *
 * @since 0.1.0
 */

/**
 * An address parsing vector: `canonical` is `Ip.format` of the result, or `null` when the input
 * must be refused; `reason` is a fragment the refusal reason must contain.
 *
 * @category models
 * @since 0.1.0
 */
export interface AddressVector {
  readonly input: string;
  readonly canonical: string | null;
  readonly family?: 4 | 6;
  readonly reason?: string;
  readonly source: string;
}

const ok = (input: string, canonical: string, family: 4 | 6, source: string): AddressVector => ({
  input,
  canonical,
  family,
  source,
});
const bad = (input: string, reason: string, source: string): AddressVector => ({
  input,
  canonical: null,
  reason,
  source,
});

const LEADING_ZERO = "octet with leading zero";
const HEX = "hexadecimal";
const SHORT = "too short";
const NO_SEP = "no dots or colons";
const NON_ASCII = "non-ASCII";
const WS = "whitespace";
const ZONE = "zone";
const BRACKET = "brackets";

/**
 * Address vectors (valid and refused) for `Ip.parseAddress`.
 *
 * @category vectors
 * @since 0.1.0
 */
export const addressVectors: ReadonlyArray<AddressVector> = [
  // --- valid IPv4 (RFC 3986 §3.2.2 dec-octet)
  ok("0.0.0.0", "0.0.0.0", 4, "RFC 3986 §3.2.2"),
  ok("255.255.255.255", "255.255.255.255", 4, "RFC 3986 §3.2.2"),
  ok("192.0.2.1", "192.0.2.1", 4, "RFC 5737 documentation address"),
  ok("10.0.0.1", "10.0.0.1", 4, "RFC 3986 §3.2.2"),
  ok("100.64.0.0", "100.64.0.0", 4, "RFC 3986 §3.2.2"),
  ok("1.20.199.250", "1.20.199.250", 4, "RFC 3986 §3.2.2 (1-3 digit octets)"),
  // --- CVE catalogue: octal, hex, short and integer forms
  bad("012.0.0.1", LEADING_ZERO, "CVE-2021-28918 (netmask: 012 read as decimal 12, OS reads octal 10)"),
  bad("0127.0.0.1", LEADING_ZERO, "CVE-2021-28918"),
  bad("0177.0.0.1", LEADING_ZERO, "CVE-2021-29418 / CVE-2020-28360 (octal loopback)"),
  bad("0x7f.0.0.1", HEX, "CVE-2021-29418 (hex octet)"),
  bad("0X7F.0.0.1", HEX, "CVE-2021-29418 (hex octet, upper case)"),
  bad("0x7f.1", HEX, "CVE-2023-42282 (ip.isPublic('0x7f.1'))"),
  bad("0177.1", LEADING_ZERO, "CVE-2020-28360 (private-ip)"),
  bad("010.8.8.8", LEADING_ZERO, "CVE-2021-29921 (Python ipaddress leading zeros)"),
  bad("01.2.3.4", LEADING_ZERO, "CVE-2021-29922 (Rust std::net leading zeros)"),
  bad("1.2.3.04", LEADING_ZERO, "CVE-2021-29923 / go/netip ('IPv4 field has octet with leading zero')"),
  bad("00.0.0.0", LEADING_ZERO, "go/netip"),
  bad("000001.00000002.00000003.000000004", LEADING_ZERO, "go/netip (accepted by the old inet.af/netaddr)"),
  bad("010.000.015.001", LEADING_ZERO, "go/netip (Windows 'all digits' form)"),
  bad("127.1", SHORT, "CVE-2024-29415 (ip.isPublic('127.1'))"),
  bad("127.0.1", SHORT, "CVE-2024-29415 / node-ip #150"),
  bad("127.00.0x1", LEADING_ZERO, "CVE-2024-29415 / node-ip #150"),
  bad("127.0.0x0.1", HEX, "CVE-2024-29415 / node-ip #150"),
  bad("012.1.2.3", LEADING_ZERO, "CVE-2024-29415"),
  bad("01200034567", NO_SEP, "CVE-2024-29415 (whole address as one octal number)"),
  bad("017700000001", NO_SEP, "node-ip #162 (octal 127.0.0.1)"),
  bad("0", NO_SEP, "node-ip #160 ('0' is 0.0.0.0 to inet_aton)"),
  bad("2130706433", NO_SEP, "CVE-2020-28360 (integer form of 127.0.0.1)"),
  bad("0x7f000001", NO_SEP, "CVE-2020-28360 (hex integer form)"),
  bad("4294967296", NO_SEP, "rust/std::net (integer overflow)"),
  bad("10.1.1", SHORT, "inet_aton short form (a.b.c)"),
  bad("10.1", SHORT, "inet_aton short form (a.b)"),
  // --- IPv4 grammar
  bad("256.0.0.0", ">255", "go/netip ('IPv4 field has value >255')"),
  bad("1.2.3.256", ">255", "rust/std::net"),
  bad("1.2.3.999", ">255", "python/ipaddress"),
  bad("1.2.3.4.5", "too long", "go/netip ('IPv4 address too long')"),
  bad("1.2.3.4.", "trailing dot", "go/netip (trailing dot)"),
  bad(".1.2.3.4", "at least one digit", "go/netip (leading dot)"),
  bad("1..2.3", "at least one digit", "go/netip (empty field)"),
  bad("1.2.3.", "trailing dot", "rust/std::net"),
  bad("-1.2.3.4", "unexpected character", "signs are not digits"),
  bad("+1.2.3.4", "unexpected character", "signs are not digits"),
  bad("1.2.3.-4", "unexpected character", "rust/std::net"),
  bad("1e1.2.3.4", "unexpected character", "exponent notation"),
  bad("1.2.3.4:80", "unexpected character", "rust/std::net (a socket address is not an address)"),
  bad("1.2.3.4::", "unexpected character", "the first separator is '.', so this is IPv4 (Go dispatch)"),
  bad("1.2.3.a", "unexpected character", "python/ipaddress"),
  // --- non-ASCII, whitespace, controls
  bad("１２７.０.０.１", NON_ASCII, "septet decision: ASCII only (fullwidth digits)"),
  bad("127.0.0.１", NON_ASCII, "septet decision: ASCII only (one fullwidth digit)"),
  bad("127.0.0.١", NON_ASCII, "python/ipaddress (Arabic-Indic digit; isdigit() is true)"),
  bad("127。0。0。1", NON_ASCII, "ideographic full stop (URL hosts map it to '.'; addresses do not)"),
  bad("127．0．0．1", NON_ASCII, "fullwidth full stop"),
  bad("1.2.3.4\u200b", NON_ASCII, "zero-width space"),
  bad(" 1.2.3.4", WS, "septet decision: nothing is trimmed"),
  bad("1.2.3.4 ", WS, "septet decision: nothing is trimmed"),
  bad("1.2.3.4\n", WS, "septet decision: nothing is trimmed (header injection)"),
  bad("\t1.2.3.4", WS, "septet decision: nothing is trimmed"),
  bad("1.2. 3.4", WS, "inner whitespace"),
  bad("1.2.3.4\u0000", "control character", "NUL terminator tricks (C parsers stop at NUL)"),
  bad("1.2.3.4\u0000.5", "control character", "NUL in the middle"),
  bad("", "empty", "go/netip"),
  bad("1".repeat(65), "longer than 64", "septet decision: input length capped before parsing"),
  bad(`${"0".repeat(60)}1.2.3.4`, "longer than 64", "septet decision: length cap (zero padding)"),
  bad(`1.2.3.4${" ".repeat(1000)}`, "longer than 64", "septet decision: length cap"),
  bad("localhost", "no dots or colons", "host names are not addresses"),
  bad("example.com", "unexpected character", "host names are not addresses"),
  // --- valid IPv6 (RFC 4291 §2.2) with canonical text (RFC 5952)
  ok("::", "::", 6, "RFC 4291 §2.2 (unspecified)"),
  ok("::1", "::1", 6, "RFC 4291 §2.2 (loopback)"),
  ok("1::", "1::", 6, "RFC 4291 §2.2"),
  ok("2001:DB8::1", "2001:db8::1", 6, "RFC 5952 §4.3 (lowercase)"),
  ok("2001:0db8:0000:0000:0000:ff00:0042:8329", "2001:db8::ff00:42:8329", 6, "RFC 5952 §4.1, §4.2.1"),
  ok("2001:db8:0:0:1:0:0:1", "2001:db8::1:0:0:1", 6, "RFC 5952 §4.2.3 (first of equal runs)"),
  ok("2001:0:0:1:0:0:0:1", "2001:0:0:1::1", 6, "RFC 5952 §4.2.3 (longest run)"),
  ok("2001:db8:0:1:1:1:1:1", "2001:db8:0:1:1:1:1:1", 6, "RFC 5952 §4.2.2 (no :: for one group)"),
  ok("1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:0", 6, "RFC 4291 §2.2 (:: may stand for one group)"),
  ok("::2:3:4:5:6:7:8", "0:2:3:4:5:6:7:8", 6, "RFC 4291 §2.2"),
  ok("1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8", 6, "RFC 4291 §2.2"),
  ok("fd7a:115c:a1e0:ab12:4843:cd96:626b:430b", "fd7a:115c:a1e0:ab12:4843:cd96:626b:430b", 6, "go/netip"),
  ok(
    "FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff",
    6,
    "RFC 5952 §4.3",
  ),
  ok("000:0:0000::01", "::1", 6, "CVE-2024-29415 (loopback with zero padding)"),
  ok("000:0:0000:0:000:0:00:001", "::1", 6, "CVE-2024-29415 / node-ip #150"),
  ok("fe80::0001", "fe80::1", 6, "CVE-2024-29415 / node-ip #150"),
  ok("0:0:0:0:0:0:0:0", "::", 6, "RFC 5952 §4.2.1"),
  // --- embedded dotted quads (RFC 4291 §2.2 form 3, §2.5.5)
  ok("::ffff:1.2.3.4", "::ffff:1.2.3.4", 6, "RFC 4291 §2.5.5.2 mapped; RFC 5952 §5"),
  ok("::fFFf:127.0.0.1", "::ffff:127.0.0.1", 6, "CVE-2024-29415 (mixed-case mapped loopback)"),
  ok("::ffff:0102:0304", "::ffff:1.2.3.4", 6, "RFC 5952 §5 (mapped written in hex)"),
  ok("0:0:0:0:0:ffff:1.2.3.4", "::ffff:1.2.3.4", 6, "RFC 4291 §2.2 form 3"),
  ok("::1.2.3.4", "::102:304", 6, "RFC 4291 §2.5.5.1 IPv4-compatible (deprecated, not mapped)"),
  ok("64:ff9b::1.2.3.4", "64:ff9b::102:304", 6, "RFC 6052 NAT64 (not unwrapped)"),
  ok("1:2:3:4:5:6:1.2.3.4", "1:2:3:4:5:6:102:304", 6, "RFC 4291 §2.2 form 3 (six groups)"),
  ok("1::1.2.3.4", "1::102:304", 6, "RFC 4291 §2.2 form 3 with ::"),
  ok("::0.0.0.0", "::", 6, "RFC 4291 §2.2 form 3"),
  ok("::ffff:255.255.255.255", "::ffff:255.255.255.255", 6, "longest mapped text"),
  bad("::ffff:1.2.3", SHORT, "go/netip (short embedded quad)"),
  bad("::ffff:1.2.3.4.5", "too long", "go/netip"),
  bad("::ffff:256.1.1.1", ">255", "go/netip"),
  bad("::ffff:01.2.3.4", LEADING_ZERO, "CVE-2021-29921 (leading zero inside the embedded quad)"),
  bad("::ffff:0x7f.0.0.1", "unexpected character", "CVE-2021-29418 inside IPv6"),
  bad("::1.2.3.4:5", "unexpected character", "rust/std::net (quad must be last)"),
  bad("::1.2.3.4::", "unexpected character", "quad must be last"),
  bad("1:2:3:4:5:6:7:1.2.3.4", "final 2 fields", "go/netip (quad in the wrong place)"),
  bad("1:2:3:4:5:1.2.3.4", "final 2 fields", "go/netip (too few groups before the quad)"),
  bad("1:2:3:1.2.3.4:7:8", "final 2 fields", "embedded quad in the middle"),
  bad("1.2.3.4:5:6:7:8:9:10", "unexpected character", "embedded quad first (IPv4 dispatch)"),
  bad("::1.2.3.4.5", "too long", "embedded quad with five fields"),
  bad("::1.2.3", SHORT, "embedded quad with three fields"),
  bad("::1.2.3.4/", "unexpected character", "a CIDR is not an address"),
  bad("1:2:3:4:5:6::1.2.3.4", "at least one field", "the :: would stand for zero groups"),
  bad("1.2.3.4:1:2:3:4:5:6", "unexpected character", "quad first: IPv4 dispatch"),
  bad("::1.2.3.04", LEADING_ZERO, "embedded quad follows the IPv4 rules"),
  // --- IPv6 grammar
  bad(":::", "at least one hex digit", "rust/std::net"),
  bad("1:::2", "at least one hex digit", "rust/std::net"),
  bad("1::2::3", "multiple ::", "go/netip ('multiple :: in address')"),
  bad("::1::", "multiple ::", "go/netip"),
  bad(":1::2", "at least one hex digit", "rust/std::net (single leading colon)"),
  bad("1::2:", "colon must be followed", "rust/std::net (single trailing colon)"),
  bad("1:2:3:4:5:6:7:8:", "colon must be followed", "rust/std::net"),
  bad(":1:2:3:4:5:6:7:8", "at least one hex digit", "rust/std::net"),
  bad("12345::", "more than 4 hex digits", "go/netip ('each group must have 4 or less digits')"),
  bad("1:2:3:4:5:6:7:8:9", "too long", "rust/std::net"),
  bad("1:2:3:4:5:6:7:8::", "at least one field", "go/netip"),
  bad("1:2:3:4:5:6:7::8", "at least one field", "go/netip (:: for zero groups)"),
  bad("1:2:3:4:5:6:7", SHORT, "go/netip ('address string too short')"),
  bad("g::1", "unexpected character", "go/netip"),
  bad("::g", "unexpected character", "go/netip"),
  bad("::-1", "unexpected character", "signs are not hex digits"),
  bad("::+1", "unexpected character", "signs are not hex digits"),
  bad("0x1::", "unexpected character", "no 0x in IPv6 groups"),
  bad("fe80::1%eth0", ZONE, "septet decision: no zone IDs (go/netip accepts them in ParseAddr)"),
  bad("fe80::1%25eth0", ZONE, "RFC 6874 URL-encoded zone"),
  bad("fe80::1%", ZONE, "go/netip ('zone must be a non-empty string')"),
  bad("::ffff:1.2.3.4%eth0", ZONE, "zone after a mapped address"),
  bad("1.2.3.4%eth0", ZONE, "go/netip (IPv4 with a zone)"),
  bad("[::1]", BRACKET, "septet decision: no brackets (RFC 3986 §3.2.2 IP-literal is URL syntax)"),
  bad("[::1]:80", BRACKET, "socket address"),
  bad("[1.2.3.4]", BRACKET, "bracketed IPv4"),
  bad("::1]", BRACKET, "unbalanced bracket"),
  bad(" ::1", WS, "septet decision: nothing is trimmed"),
  bad("::1 ", WS, "septet decision: nothing is trimmed"),
  bad("::１", NON_ASCII, "septet decision: ASCII only"),
  bad("::ｆｆｆｆ:1.2.3.4", NON_ASCII, "fullwidth hex letters"),
  bad("2001:db8::1\u0000", "control character", "NUL terminator"),
  bad(`${"0:".repeat(40)}1`, "longer than 64", "septet decision: length cap"),
  bad(`0000${"0".repeat(61)}::1`, "longer than 64", "septet decision: length cap (zero padding)"),
];

/**
 * A CIDR parsing vector for `Ip.parseCidr` (prefix required): the canonical masked form and
 * whether host bits were masked, or `null` with the failing `part` and a reason fragment.
 *
 * @category models
 * @since 0.1.0
 */
export interface CidrVector {
  readonly input: string;
  readonly canonical: string | null;
  readonly hostBitsMasked?: boolean;
  readonly part?: "address" | "prefix";
  readonly reason?: string;
  readonly source: string;
}

const cidr = (input: string, canonical: string, hostBitsMasked: boolean, source: string): CidrVector => ({
  input,
  canonical,
  hostBitsMasked,
  source,
});
const badCidr = (input: string, part: "address" | "prefix", reason: string, source: string): CidrVector => ({
  input,
  canonical: null,
  part,
  reason,
  source,
});

/**
 * CIDR vectors (valid, normalised, refused) for `Ip.parseCidr`.
 *
 * @category vectors
 * @since 0.1.0
 */
export const cidrVectors: ReadonlyArray<CidrVector> = [
  cidr("10.0.0.0/8", "10.0.0.0/8", false, "RFC 4632 §3.1"),
  cidr("123.123.123.1/24", "123.123.123.0/24", true, "septet decision: host bits masked and reported"),
  cidr("0.0.0.0/0", "0.0.0.0/0", false, "RFC 4632 §3.1 (prefix 0)"),
  cidr("1.2.3.4/0", "0.0.0.0/0", true, "septet decision: host bits masked (everything)"),
  cidr("1.2.3.4/32", "1.2.3.4/32", false, "RFC 4632 §3.1"),
  cidr("1.2.3.4/31", "1.2.3.4/31", false, "RFC 4632 §3.1"),
  cidr("1.2.3.5/31", "1.2.3.4/31", true, "septet decision: host bits masked"),
  cidr("255.255.255.255/1", "128.0.0.0/1", true, "septet decision: host bits masked"),
  cidr("2001:db8::1/32", "2001:db8::/32", true, "septet decision: host bits masked"),
  cidr("2001:DB8::/32", "2001:db8::/32", false, "RFC 5952 canonical text"),
  cidr("::/0", "::/0", false, "RFC 4291 §2.3"),
  cidr("::1/128", "::1/128", false, "RFC 4291 §2.3"),
  cidr(
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/127",
    "ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe/127",
    true,
    "masking",
  ),
  cidr("::ffff:10.1.2.3/104", "::ffff:10.0.0.0/104", true, "mapped range stays IPv6 in Ip.parseCidr"),
  cidr("::ffff:0:0/96", "::ffff:0.0.0.0/96", false, "RFC 4291 §2.5.5.2 mapped block"),
  cidr("fe80::1/10", "fe80::/10", true, "masking inside the first group"),
  badCidr("10.0.0.0", "prefix", "missing prefix", "go/netip ParsePrefix ('no /')"),
  badCidr("10.0.0.0/", "prefix", "empty", "issue 4: '/' coerced to /0 by lax parsers"),
  badCidr("10.0.0.0/033", "prefix", "leading zero", "issue 4 / go/netip (octal-looking prefix)"),
  badCidr("10.0.0.0/08", "prefix", "leading zero", "go/netip"),
  badCidr("10.0.0.0/00", "prefix", "leading zero", "go/netip"),
  badCidr("10.0.0.0/+8", "prefix", "sign", "issue 4 / python/ipaddress (ASCII digits only)"),
  badCidr("10.0.0.0/-0", "prefix", "sign", "issue 4"),
  badCidr("10.0.0.0/-1", "prefix", "sign", "go/netip"),
  badCidr("10.0.0.0/ 8", "prefix", WS, "issue 4"),
  badCidr("10.0.0.0/8 ", "prefix", WS, "septet decision: nothing is trimmed"),
  badCidr("10.0.0.0 /8", "address", WS, "septet decision: nothing is trimmed"),
  badCidr(
    "10.0.0.0/18446744073709551640",
    "prefix",
    "out of range",
    "issue 4 (2^64 + 24 wraps to 24 in 64-bit parsers)",
  ),
  badCidr("10.0.0.0/4294967320", "prefix", "out of range", "2^32 + 24 wraps to 24 in 32-bit parsers"),
  badCidr("10.0.0.0/33", "prefix", "at most 32", "RFC 4632 §3.1"),
  badCidr("::/129", "prefix", "at most 128", "RFC 4291 §2.3"),
  badCidr("10.0.0.0/0x18", "prefix", "digits only", "issue 4 (hex prefix)"),
  badCidr("10.0.0.0/8/8", "prefix", "digits only", "two slashes"),
  badCidr("10.0.0.0//8", "prefix", "digits only", "two slashes"),
  badCidr("10.0.0.0/8.0", "prefix", "digits only", "decimal point"),
  badCidr("10.0.0.0/255.0.0.0", "prefix", "digits only", "netmask notation is not a prefix length"),
  badCidr("10.0.0.0/٨", "prefix", NON_ASCII, "python/ipaddress (Arabic-Indic digit)"),
  badCidr("10.0.0.0/８", "prefix", NON_ASCII, "septet decision: ASCII only"),
  badCidr("/8", "address", "empty", "no address"),
  badCidr(
    "010.0.0.0/8",
    "address",
    LEADING_ZERO,
    "CVE-2021-28918 / CVE-2021-29923 (rule with octal-looking octet)",
  ),
  badCidr("0x0a.0.0.0/8", "address", HEX, "CVE-2021-29418"),
  badCidr("10/8", "address", NO_SEP, "BSD short CIDR form"),
  badCidr("10.0/16", "address", SHORT, "BSD short CIDR form"),
  badCidr("fe80::1%eth0/64", "address", ZONE, "go/netip ParsePrefix (zones cannot be present in a prefix)"),
  badCidr("fe80::/64%eth0", "prefix", ZONE, "zone after the prefix"),
  badCidr("[2001:db8::]/32", "address", BRACKET, "URL syntax"),
  badCidr(`10.0.0.0/${"0".repeat(60)}8`, "address", "longer than 64", "septet decision: length cap"),
];

/**
 * A whitelist vector: `entries` compiled with `Allowlist.make`, then each `[client, allowed]`
 * pair checked with `Allowlist.allows`.
 *
 * @category models
 * @since 0.1.0
 */
export interface AllowlistVector {
  readonly name: string;
  readonly entries: ReadonlyArray<string>;
  readonly checks: ReadonlyArray<readonly [client: string, allowed: boolean]>;
  readonly source: string;
}

/**
 * Matching vectors: the family rules, mapped addresses, the empty list, boundaries, merging and
 * the advisories' address variants.
 *
 * @category vectors
 * @since 0.1.0
 */
export const allowlistVectors: ReadonlyArray<AllowlistVector> = [
  {
    name: "empty list denies everyone",
    entries: [],
    checks: [
      ["1.2.3.4", false],
      ["::1", false],
      ["::ffff:1.2.3.4", false],
      ["0.0.0.0", false],
    ],
    source: "septet decision: empty whitelist denies every client",
  },
  {
    name: "0.0.0.0/0 covers IPv4 (and mapped) only",
    entries: ["0.0.0.0/0"],
    checks: [
      ["1.2.3.4", true],
      ["0.0.0.0", true],
      ["255.255.255.255", true],
      ["::ffff:1.2.3.4", true],
      ["::ffff:0.0.0.0", true],
      ["::1", false],
      ["::", false],
      ["2001:db8::1", false],
      ["::1.2.3.4", false],
      ["64:ff9b::1.2.3.4", false],
      ["2002:102:304::1", false],
      ["2001:0:4136:e378:8000:63bf:3fff:fdd2", false],
    ],
    source:
      "septet decision: 0.0.0.0/0 covers every IPv4 client; NAT64, 6to4, Teredo, IPv4-compatible not unwrapped",
  },
  {
    name: "::/0 covers native IPv6 only",
    entries: ["::/0"],
    checks: [
      ["2001:db8::1", true],
      ["::", true],
      ["::1", true],
      ["::1.2.3.4", true],
      ["64:ff9b::1.2.3.4", true],
      ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true],
      ["1.2.3.4", false],
      ["::ffff:1.2.3.4", false],
      ["::ffff:0.0.0.0", false],
    ],
    source: "septet decision: ::/0 covers every native IPv6 client; neither covers the other family",
  },
  {
    name: "mapped client matched as IPv4",
    entries: ["10.0.0.0/8"],
    checks: [
      ["10.1.2.3", true],
      ["::ffff:10.1.2.3", true],
      ["::ffff:a01:203", true],
      ["0:0:0:0:0:FFFF:10.1.2.3", true],
      ["::10.1.2.3", false],
      ["64:ff9b::10.1.2.3", false],
      ["9.255.255.255", false],
      ["10.0.0.0", true],
      ["10.255.255.255", true],
      ["11.0.0.0", false],
    ],
    source: "septet decision: a client ::ffff:a.b.c.d is matched as IPv4 a.b.c.d (RFC 4291 §2.5.5.2)",
  },
  {
    name: "unparsable clients are denied, never reinterpreted",
    entries: ["10.0.0.0/8", "127.0.0.0/8"],
    checks: [
      ["010.1.2.3", false],
      ["10.1", false],
      ["167837953", false],
      ["0xa.1.2.3", false],
      ["0x7f.1", false],
      ["127.1", false],
      ["017700000001", false],
      [" 10.1.2.3", false],
      ["10.1.2.3 ", false],
      ["[::ffff:10.1.2.3]", false],
      ["10.1.2.3%eth0", false],
      ["１０.1.2.3", false],
      ["", false],
      ["10.1.2.3".repeat(20), false],
    ],
    source:
      "septet decision: a client address that does not parse is denied; CVE-2021-28918, CVE-2023-42282, CVE-2024-29415",
  },
  {
    name: "advisory IPv6 variants are canonicalised before matching",
    entries: ["::1/128", "fe80::/10", "127.0.0.0/8"],
    checks: [
      ["000:0:0000::01", true],
      ["000:0:0000:0:000:0:00:001", true],
      ["fe80::0001", true],
      ["FE80::1", true],
      ["::fFFf:127.0.0.1", true],
      ["::ffff:7f00:1", true],
      ["::2", false],
    ],
    source: "CVE-2024-29415 (the variants ip.isPublic misjudged)",
  },
  {
    name: "mapped rule /96 or longer is the IPv4 rule",
    entries: ["::ffff:10.0.0.0/104"],
    checks: [
      ["10.1.2.3", true],
      ["::ffff:10.1.2.3", true],
      ["11.0.0.1", false],
      ["::a01:203", false],
    ],
    source: "septet decision: a mapped rule of /96 or longer is stored as the IPv4 rule",
  },
  {
    name: "mapped /96 rule is 0.0.0.0/0",
    entries: ["::ffff:0:0/96"],
    checks: [
      ["1.2.3.4", true],
      ["::ffff:1.2.3.4", true],
      ["::1", false],
      ["::1.2.3.4", false],
    ],
    source: "septet decision: mapped rule of /96 → IPv4 /0",
  },
  {
    name: "bare mapped address is an IPv4 /32",
    entries: ["::ffff:192.0.2.1"],
    checks: [
      ["192.0.2.1", true],
      ["::ffff:192.0.2.1", true],
      ["192.0.2.2", false],
    ],
    source: "septet decision: bare address = /128 → mapped /128 = IPv4 /32",
  },
  {
    name: "IPv4-compatible rule is not unwrapped",
    entries: ["::1.2.3.4/128"],
    checks: [
      ["::1.2.3.4", true],
      ["::102:304", true],
      ["1.2.3.4", false],
      ["::ffff:1.2.3.4", false],
    ],
    source: "septet decision: IPv4-compatible addresses are not unwrapped (RFC 4291 §2.5.5.1)",
  },
  {
    name: "NAT64 rule is not unwrapped",
    entries: ["64:ff9b::/96"],
    checks: [
      ["64:ff9b::1.2.3.4", true],
      ["1.2.3.4", false],
      ["::ffff:1.2.3.4", false],
    ],
    source: "septet decision: NAT64 not unwrapped (RFC 6052)",
  },
  {
    name: "host bits in a rule are masked",
    entries: ["123.123.123.1/24"],
    checks: [
      ["123.123.123.0", true],
      ["123.123.123.200", true],
      ["123.123.124.0", false],
    ],
    source: "septet decision: 123.123.123.1/24 means 123.123.123.0/24",
  },
  {
    name: "bare addresses are single hosts",
    entries: ["192.0.2.1", "2001:db8::1"],
    checks: [
      ["192.0.2.1", true],
      ["192.0.2.0", false],
      ["192.0.2.2", false],
      ["2001:db8::1", true],
      ["2001:db8::", false],
      ["2001:db8::2", false],
    ],
    source: "septet decision: a bare address means /32 or /128",
  },
  {
    name: "adjacent and overlapping ranges merge without changing answers",
    entries: ["10.0.0.0/25", "10.0.0.128/25", "10.0.0.7", "10.0.0.0/24", "10.0.2.0/24"],
    checks: [
      ["10.0.0.127", true],
      ["10.0.0.128", true],
      ["10.0.1.0", false],
      ["10.0.2.0", true],
      ["10.0.2.255", true],
      ["10.0.3.0", false],
    ],
    source: "issue 4: merging never changes an answer",
  },
  {
    name: "address-space edges",
    entries: ["0.0.0.0/32", "255.255.255.255/32", "::/128", "ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff/128"],
    checks: [
      ["0.0.0.0", true],
      ["0.0.0.1", false],
      ["255.255.255.255", true],
      ["255.255.255.254", false],
      ["::", true],
      ["::1", false],
      ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true],
      ["ffff:ffff:ffff:ffff:ffff:ffff:ffff:fffe", false],
      ["::ffff:0.0.0.0", true],
      ["::ffff:255.255.255.255", true],
    ],
    source: "boundaries of both families",
  },
];

/**
 * A whole-list vector for `Allowlist.make`: either the enforced canonical form of every entry,
 * or the indices of the bad entries with a reason fragment for each.
 *
 * @category models
 * @since 0.1.0
 */
export interface EntriesVector {
  readonly name: string;
  readonly entries: ReadonlyArray<string>;
  /** Enforced canonical form per entry (`Allowlist.rules(list)[i].canonical`), when valid. */
  readonly enforced?: ReadonlyArray<string>;
  /** `[index, reason fragment]` of every bad entry, when the list must be refused. */
  readonly bad?: ReadonlyArray<readonly [index: number, reason: string]>;
  readonly source: string;
}

/**
 * List-level vectors: normalisation reports and all-errors-listed refusals.
 *
 * @category vectors
 * @since 0.1.0
 */
export const entriesVectors: ReadonlyArray<EntriesVector> = [
  {
    name: "normalisation report",
    entries: ["123.123.123.1/24", "::ffff:10.1.2.3/104", "2001:DB8::1", "10.0.0.1", "::ffff:0:0/96"],
    enforced: ["123.123.123.0/24", "10.0.0.0/8", "2001:db8::1/128", "10.0.0.1/32", "0.0.0.0/0"],
    source: "septet decision: host bits masked and reported; mapped ≥ /96 stored as IPv4; bare = /32, /128",
  },
  {
    name: "every bad entry listed",
    entries: [
      "10.0.0.0/8",
      "010.0.0.1",
      "1.2.3.4/",
      "::ffff:0:0/80",
      "2001:db8::/32",
      "fe80::1%eth0",
      "0x7f.1",
    ],
    bad: [
      [1, LEADING_ZERO],
      [2, "empty"],
      [3, "shorter than /96"],
      [5, ZONE],
      [6, HEX],
    ],
    source: "septet decision: one bad entry fails the whole list with an error naming every bad entry",
  },
  {
    name: "mapped rule shorter than /96 refused",
    entries: ["::ffff:0:0/95"],
    bad: [[0, "shorter than /96"]],
    source: "septet decision: a mapped rule shorter than /96 is rejected",
  },
  {
    name: "prefix tricks refused",
    entries: [
      "1.2.3.4/",
      "1.2.3.4/033",
      "1.2.3.4/+8",
      "1.2.3.4/ 8",
      "1.2.3.4/-0",
      "1.2.3.4/18446744073709551640",
    ],
    bad: [
      [0, "empty"],
      [1, "leading zero"],
      [2, "sign"],
      [3, WS],
      [4, "sign"],
      [5, "out of range"],
    ],
    source: "issue 4 prefix tricks",
  },
  {
    name: "empty list is valid",
    entries: [],
    enforced: [],
    source: "septet decision: empty whitelist (denies all) is a valid list",
  },
];
