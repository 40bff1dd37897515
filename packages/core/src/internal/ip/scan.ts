/**
 * The hand-written, allocation-free IP address scanner behind `Ip` and `Allowlist`.
 *
 * Every function here reads `string.charCodeAt` in a single left-to-right pass (no regular
 * expressions, no `split`, no substrings) and writes its result into the module-level scratch
 * {@link words}. A successful scan returns the family (`4` or `6`); a failed scan returns a
 * negative status that packs a {@link Reason} and the offset of the failing character:
 * `-(reason * 256 + offset)`. Callers copy the scratch out before the next scan.
 *
 * Layout of {@link words}: the 128-bit address as four big-endian unsigned 32-bit words. An IPv4
 * address is written into `words[3]` with `words[0..2] = 0` (the IPv4-mapped form without the
 * `ffff`), so "unmap" is only a family change plus clearing `words[2]`.
 *
 * @internal
 */

/** The longest input any septet IP parser reads; longer input is refused before parsing. */
export const MAX_INPUT_LENGTH = 64;

/** Scratch output of the last successful scan (see the module doc). */
export const words = new Uint32Array(4);

/** Scratch output of the last successful prefix scan. */
export const scanned = { prefix: 0, prefixImplied: false };

const groups = new Uint16Array(8);

/** Failure reasons. The numbers are internal; the messages are the public text. */
export const Reason = {
  Empty: 1,
  TooLong: 2,
  NonAscii: 3,
  Whitespace: 4,
  Zone: 5,
  Bracket: 6,
  NoSeparator: 7,
  V4EmptyField: 8,
  V4LeadingZero: 9,
  V4TooBig: 10,
  V4TooShort: 11,
  V4TooLong: 12,
  V4Hex: 13,
  V4Unexpected: 14,
  V6GroupTooLong: 15,
  V6EmptyField: 16,
  V6MultipleEllipsis: 17,
  V6TooShort: 18,
  V6TooLong: 19,
  V6EllipsisEmpty: 20,
  V6EmbeddedV4Position: 21,
  V6Unexpected: 22,
  V6TrailingColon: 23,
  Control: 24,
  V4TrailingDot: 25,
  PrefixMissing: 30,
  PrefixEmpty: 31,
  PrefixNotDigit: 32,
  PrefixLeadingZero: 33,
  PrefixTooBig: 34,
  PrefixSign: 35,
} as const;

/** The public text of each {@link Reason} (net/netip style: names the failing part). */
export const reasonText: Readonly<Record<number, string>> = {
  [Reason.Empty]: "empty string",
  [Reason.TooLong]: `input longer than ${MAX_INPUT_LENGTH} characters`,
  [Reason.NonAscii]: "non-ASCII character (only ASCII digits, a-f, '.', ':' and '/' are allowed)",
  [Reason.Whitespace]: "whitespace is not allowed",
  [Reason.Control]: "control character is not allowed",
  [Reason.Zone]: "IPv6 zone identifiers ('%') are not allowed",
  [Reason.Bracket]: "brackets are not allowed; write the bare address",
  [Reason.NoSeparator]:
    "no dots or colons: integer, hexadecimal and other non dotted-quad forms are not allowed",
  [Reason.V4EmptyField]: "IPv4 field must have at least one digit",
  [Reason.V4LeadingZero]: "IPv4 field has octet with leading zero (octal forms are not allowed)",
  [Reason.V4TrailingDot]: "IPv4 address has a trailing dot",
  [Reason.V4TooBig]: "IPv4 field has value >255",
  [Reason.V4TooShort]: "IPv4 address too short: four dotted decimal octets are required",
  [Reason.V4TooLong]: "IPv4 address too long: more than four fields",
  [Reason.V4Hex]: "IPv4 field is hexadecimal (0x); only decimal octets are allowed",
  [Reason.V4Unexpected]: "unexpected character in IPv4 address",
  [Reason.V6GroupTooLong]: "IPv6 field has more than 4 hex digits",
  [Reason.V6EmptyField]: "each colon-separated IPv6 field must have at least one hex digit",
  [Reason.V6MultipleEllipsis]: "multiple :: in IPv6 address",
  [Reason.V6TooShort]: "IPv6 address too short: fewer than 8 fields and no ::",
  [Reason.V6TooLong]: "IPv6 address too long: more than 8 fields",
  [Reason.V6EllipsisEmpty]: "the :: must expand to at least one field of zeros",
  [Reason.V6EmbeddedV4Position]: "embedded IPv4 address must replace the final 2 fields of the address",
  [Reason.V6Unexpected]: "unexpected character in IPv6 address",
  [Reason.V6TrailingColon]: "colon must be followed by more characters",
  [Reason.PrefixMissing]: "missing prefix length ('/n')",
  [Reason.PrefixEmpty]: "prefix length is empty",
  [Reason.PrefixNotDigit]: "prefix length must be decimal digits only",
  [Reason.PrefixSign]: "prefix length must not have a sign",
  [Reason.PrefixLeadingZero]: "prefix length has leading zero",
  [Reason.PrefixTooBig]: "prefix length out of range",
};

const fail = (reason: number, offset: number): number => -(reason * 256 + offset);

/** Decodes a negative scan status. */
export const statusReason = (status: number): number => Math.floor(-status / 256);
/** Decodes a negative scan status. */
export const statusOffset = (status: number): number => -status % 256;

// The characters the scanners compare against (`charCodeAt` values: no string is built).
const ZERO = 0x30; // "0"
const NINE = 0x39; // "9"
const DOT = 0x2e; // "."
const COLON = 0x3a; // ":"
const SLASH = 0x2f; // "/"
const PLUS = 0x2b; // "+"
const MINUS = 0x2d; // "-"
const PERCENT = 0x25; // "%"
const OPEN_BRACKET = 0x5b; // "["
const CLOSE_BRACKET = 0x5d; // "]"
const LOWER_X = 0x78; // "x"
const UPPER_X = 0x58; // "X"
const LOWER_A = 0x61; // "a"
const LOWER_F = 0x66; // "f"
const SPACE = 0x20; // " "
const TAB = 0x09; // "\t"
const LINE_FEED = 0x0a; // "\n"
const VERTICAL_TAB = 0x0b; // "\v"
const FORM_FEED = 0x0c; // "\f"
const CARRIAGE_RETURN = 0x0d; // "\r"
const DELETE = 0x7f; // the last ASCII control character
const LAST_ASCII = 0x7f;
const CASE_BIT = 0x20; // "A" | CASE_BIT is "a"

/**
 * Scans the IPv4 dotted quad `s[from, to)` into `words[3]` (RFC 3986 §3.2.2 `dec-octet`: four
 * decimal fields, each `0` or `1-9` followed by at most two digits, value ≤ 255; RFC 791 §3.2
 * network byte order). No octal, hex, short (`127.1`) or integer (`2130706433`) forms.
 */
export const scanV4 = (s: string, from: number, to: number): number => {
  let value = 0;
  let digits = 0;
  let fields = 0;
  let word = 0;
  let fieldStart = from;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      if (digits === 1 && value === 0) return fail(Reason.V4LeadingZero, fieldStart); // 1.2.3.04
      value = value * 10 + d;
      digits++;
      if (value > 255) return fail(Reason.V4TooBig, fieldStart); // 1.2.3.256
    } else if (c === DOT) {
      if (digits === 0) return fail(Reason.V4EmptyField, i); // 1..2.3
      if (i === to - 1) return fail(Reason.V4TrailingDot, i); // 1.2.3.4.
      if (fields === 3) return fail(Reason.V4TooLong, i); // 1.2.3.4.5
      word = (word << 8) | value;
      fields++;
      value = 0;
      digits = 0;
      fieldStart = i + 1;
    } else if ((c === LOWER_X || c === UPPER_X) && digits === 1 && value === 0) {
      return fail(Reason.V4Hex, fieldStart); // 0x7f.0.0.1
    } else {
      return fail(Reason.V4Unexpected, i); // 1.2.3.a
    }
  }
  if (digits === 0) return fail(Reason.V4EmptyField, to); // an empty range
  if (fields < 3) return fail(Reason.V4TooShort, from); // 127.1
  words[3] = (word << 8) | value;
  return 4;
};

/** The value of a hex digit (`0-9`, `a-f`, `A-F`), or -1. */
const hexValue = (c: number): number => {
  if (c >= ZERO && c <= NINE) return c - ZERO;
  const lower = c | CASE_BIT;
  if (lower >= LOWER_A && lower <= LOWER_F) return lower - LOWER_A + 10;
  return -1;
};

/** Writes `::` (all zeros) into `words`. */
const writeUnspecified = (): number => {
  words[0] = 0;
  words[1] = 0;
  words[2] = 0;
  words[3] = 0;
  return 6;
};

/**
 * Scans the dotted quad that ends an IPv6 address (RFC 4291 §2.2 form 3), starting at
 * `groupStart` after `n` groups, into `groups[n..n+1]`. Returns the new group count or a
 * negative status.
 */
const scanEmbeddedV4 = (s: string, groupStart: number, to: number, n: number, ellipsis: number): number => {
  // It must be the last 32 bits: after six groups, or after fewer with a `::`.
  if (ellipsis < 0 && n !== 6) return fail(Reason.V6EmbeddedV4Position, groupStart); // 1:2:3:4:5:1.2.3.4
  if (n > 6) return fail(Reason.V6TooLong, groupStart); // 1::3:4:5:6:7:8:1.2.3.4
  const v4 = scanV4(s, groupStart, to);
  if (v4 < 0) return v4; // ::ffff:1.2.3.04
  const w = words[3]!;
  groups[n] = w >>> 16;
  groups[n + 1] = w & 0xffff;
  return n + 2;
};

/**
 * Moves the `n - ellipsis` groups written after the `::` to the end of `groups` and fills the
 * gap with zeros, so `groups` holds all eight.
 */
const expandEllipsis = (n: number, ellipsis: number): void => {
  const shift = 8 - n;
  for (let j = n - 1; j >= ellipsis; j--) groups[j + shift] = groups[j]!;
  for (let j = ellipsis; j < ellipsis + shift; j++) groups[j] = 0;
};

/** Packs the eight 16-bit `groups` into the four 32-bit `words`. */
const packGroups = (): number => {
  words[0] = ((groups[0]! << 16) | groups[1]!) >>> 0;
  words[1] = ((groups[2]! << 16) | groups[3]!) >>> 0;
  words[2] = ((groups[4]! << 16) | groups[5]!) >>> 0;
  words[3] = ((groups[6]! << 16) | groups[7]!) >>> 0;
  return 6;
};

/**
 * Scans the IPv6 text `s[from, to)` (RFC 4291 §2.2: eight 1-4 digit hex fields, at most one `::`
 * standing for one or more zero fields, optionally the last 32 bits as an RFC 3986 dotted quad)
 * into `words`. No zone (`%…`), no brackets.
 */
export const scanV6 = (s: string, from: number, to: number): number => {
  let i = from;
  let n = 0; // groups written
  let ellipsis = -1; // the group index the `::` stands before, or -1
  if (to - i >= 2 && s.charCodeAt(i) === COLON && s.charCodeAt(i + 1) === COLON) {
    ellipsis = 0;
    i += 2;
    if (i === to) return writeUnspecified();
  }
  while (n < 8) {
    const groupStart = i;
    let acc = 0;
    let c = 0;
    for (; i < to; i++) {
      c = s.charCodeAt(i);
      const h = hexValue(c);
      if (h < 0) break;
      if (i - groupStart === 4) return fail(Reason.V6GroupTooLong, groupStart); // 12345::
      acc = (acc << 4) | h;
    }
    if (i < to && c === DOT) {
      n = scanEmbeddedV4(s, groupStart, to, n, ellipsis);
      if (n < 0) return n;
      i = to;
      break;
    }
    if (i === groupStart) {
      // 1:::2 and :1::2 (empty field), 1:g::2 (unexpected character)
      return fail(i < to && c !== COLON ? Reason.V6Unexpected : Reason.V6EmptyField, i);
    }
    groups[n++] = acc;
    if (i === to) break;
    if (c !== COLON) return fail(Reason.V6Unexpected, i); // 1::2g
    i++;
    if (i === to) return fail(Reason.V6TrailingColon, i - 1); // 1::2:
    if (s.charCodeAt(i) === COLON) {
      if (ellipsis >= 0) return fail(Reason.V6MultipleEllipsis, i - 1); // 1::2::3
      ellipsis = n;
      i++;
      if (i === to) break;
    }
  }
  if (i !== to) return fail(Reason.V6TooLong, i); // 1:2:3:4:5:6:7:8:9
  if (n < 8) {
    if (ellipsis < 0) return fail(Reason.V6TooShort, from); // 1:2:3:4:5:6:7
    expandEllipsis(n, ellipsis);
  } else if (ellipsis >= 0) {
    return fail(Reason.V6EllipsisEmpty, from); // 1:2:3:4:5:6:7::8
  }
  return packGroups();
};

/** Whether `c` is ASCII whitespace (space, tab, line feed, vertical tab, form feed, CR). */
const isWhitespace = (c: number): boolean =>
  c === SPACE ||
  c === TAB ||
  c === LINE_FEED ||
  c === CARRIAGE_RETURN ||
  c === VERTICAL_TAB ||
  c === FORM_FEED;

/**
 * The most helpful reason for a failed scan of `s[from, to)`: characters that can never appear
 * in an address (non-ASCII, whitespace, control, `%`, brackets) are named before grammar errors.
 * Runs only on failure.
 */
const diagnose = (s: string, from: number, to: number, status: number): number => {
  for (let i = from; i < to; i++) {
    if (s.charCodeAt(i) > LAST_ASCII) return fail(Reason.NonAscii, i); // １.2.3.4 (fullwidth 1)
  }
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (isWhitespace(c)) return fail(Reason.Whitespace, i); // " 1.2.3.4"
    if (c < SPACE || c === DELETE) return fail(Reason.Control, i); // "1.2.3.4\0"
  }
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === PERCENT) return fail(Reason.Zone, i); // fe80::1%eth0
    if (c === OPEN_BRACKET || c === CLOSE_BRACKET) return fail(Reason.Bracket, i); // [::1]
  }
  return status;
};

/**
 * Scans one address `s[from, to)` (either family, chosen like Go's `netip.ParseAddr`: by whether
 * a `.` or a `:` comes first). Returns 4, 6 or a negative status.
 */
export const scanAddress = (s: string, from: number, to: number): number => {
  if (to === from) return fail(Reason.Empty, from); // ""
  if (to - from > MAX_INPUT_LENGTH) return fail(Reason.TooLong, from); // 65 characters or more
  // Fast path: a valid dotted quad is all digits and dots, so its first separator is a '.', and
  // the family dispatch below would choose IPv4 anyway. Any failure takes the full path.
  let status = scanV4(s, from, to);
  if (status === 4) {
    words[0] = 0;
    words[1] = 0;
    words[2] = 0;
    return 4;
  }
  status = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    if (c === DOT) {
      status = scanV4(s, from, to);
      break;
    }
    if (c === COLON) {
      status = scanV6(s, from, to);
      break;
    }
  }
  if (status === 0) status = fail(Reason.NoSeparator, from); // 2130706433
  if (status > 0) {
    if (status === 4) {
      words[0] = 0;
      words[1] = 0;
      words[2] = 0;
    }
    return status;
  }
  return diagnose(s, from, to, status);
};

/**
 * Scans a prefix length `s[from, to)`: decimal digits only, no sign, no leading zero (`0` alone
 * is fine), value ≤ `max` (RFC 4632 §3.1 prefix length). Returns the length or a negative status.
 */
export const scanPrefix = (s: string, from: number, to: number, max: number): number => {
  if (from === to) return fail(Reason.PrefixEmpty, from); // 10.0.0.0/
  let value = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i);
    const d = c - ZERO;
    if (d < 0 || d > 9) {
      if (c === PLUS || c === MINUS) return fail(Reason.PrefixSign, i); // 10.0.0.0/+8
      return diagnose(s, i, i + 1, fail(Reason.PrefixNotDigit, i)); // 10.0.0.0/0x18
    }
  }
  if (to - from > 1 && s.charCodeAt(from) === ZERO) return fail(Reason.PrefixLeadingZero, from); // 10.0.0.0/08
  for (let i = from; i < to; i++) {
    value = value * 10 + (s.charCodeAt(i) - ZERO);
    if (value > max) return fail(Reason.PrefixTooBig, from); // 10.0.0.0/33
  }
  return value;
};

/**
 * Single-pass fast path of {@link scanCidr} for the common `a.b.c.d/p` (and bare `a.b.c.d`):
 * accepts exactly what the general path accepts for such input, and returns false on anything
 * unusual so the general path produces the precise error.
 */
const fastV4Cidr = (s: string, length: number, allowBare: boolean): boolean => {
  let value = 0;
  let digits = 0;
  let fields = 0;
  let word = 0;
  let i = 0;
  for (; i < length; i++) {
    const c = s.charCodeAt(i);
    const d = c - ZERO;
    if (d >= 0 && d <= 9) {
      if (digits === 1 && value === 0) return false;
      value = value * 10 + d;
      digits++;
      if (value > 255) return false;
    } else if (c === DOT) {
      if (digits === 0 || fields === 3) return false;
      word = (word << 8) | value;
      fields++;
      value = 0;
      digits = 0;
    } else if (c === SLASH) {
      break;
    } else {
      return false;
    }
  }
  if (digits === 0 || fields !== 3) return false;
  let prefix = 32;
  const implied = i === length;
  if (implied) {
    if (!allowBare) return false;
  } else {
    const first = ++i;
    if (first === length) return false;
    if (length - first > 1 && s.charCodeAt(first) === ZERO) return false;
    prefix = 0;
    for (; i < length; i++) {
      const d = s.charCodeAt(i) - ZERO;
      if (d < 0 || d > 9) return false;
      prefix = prefix * 10 + d;
      if (prefix > 32) return false;
    }
  }
  words[0] = 0;
  words[1] = 0;
  words[2] = 0;
  words[3] = (word << 8) | value;
  scanned.prefix = prefix;
  scanned.prefixImplied = implied;
  return true;
};

/**
 * Scans `address/prefix` (or, when `allowBare`, a bare address meaning /32 or /128). Writes the
 * UNMASKED address into `words`, the prefix into `scanned`. Returns the family or a negative
 * status (the offset of a prefix failure is absolute in `s`).
 */
export const scanCidr = (s: string, allowBare: boolean): number => {
  const length = s.length;
  if (length === 0) return fail(Reason.Empty, 0); // ""
  if (length > MAX_INPUT_LENGTH) return fail(Reason.TooLong, 0); // 65 characters or more
  if (fastV4Cidr(s, length, allowBare)) return 4;
  let slash = -1;
  for (let i = 0; i < length; i++) {
    if (s.charCodeAt(i) === SLASH) {
      slash = i;
      break;
    }
  }
  if (slash < 0) {
    if (!allowBare) {
      const status = scanAddress(s, 0, length);
      return status < 0 ? status : fail(Reason.PrefixMissing, length); // 10.0.0.0
    }
    const family = scanAddress(s, 0, length);
    if (family < 0) return family;
    scanned.prefix = family === 4 ? 32 : 128;
    scanned.prefixImplied = true;
    return family;
  }
  const family = scanAddress(s, 0, slash);
  if (family < 0) return family;
  const prefix = scanPrefix(s, slash + 1, length, family === 4 ? 32 : 128);
  if (prefix < 0) return prefix;
  scanned.prefix = prefix;
  scanned.prefixImplied = false;
  return family;
};

/** Whether a scan status is a prefix failure. */
export const isPrefixReason = (reason: number): boolean => reason >= Reason.PrefixMissing;

/** Whether `words` (family 6) holds an IPv4-mapped address `::ffff:0:0/96` (RFC 4291 §2.5.5.2). */
export const wordsAreMapped = (): boolean => words[0] === 0 && words[1] === 0 && words[2] === 0xffff;

/** The mask word for bits `[32*k, 32*k+32)` of a prefix of length `prefix`. */
export const maskWord = (prefix: number, k: number): number => {
  const bits = prefix - 32 * k;
  if (bits <= 0) return 0;
  if (bits >= 32) return 0xffffffff;
  return (0xffffffff << (32 - bits)) >>> 0;
};
