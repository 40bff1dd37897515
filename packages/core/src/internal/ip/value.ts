/**
 * The concrete value classes behind `Ip.Address` and `Ip.Cidr`, canonical formatting (RFC 5952)
 * and the error-reason text. Shared by `Ip` and `Allowlist`; not part of the public API.
 *
 * @internal
 */
import { Equal, Hash } from "effect";
import type { Address, Cidr, Family } from "../../Ip.js";
import * as scan from "./scan.js";

// Module-local copies (module runners may implement live bindings with getters).
const { MAX_INPUT_LENGTH, maskWord, Reason, reasonText, statusReason, words } = scan;

/** The brand key of `Ip.Address`. */
export const AddressTypeId = "~@septet/core/Ip/Address";

class AddressImpl implements Address {
  declare readonly [AddressTypeId]: typeof AddressTypeId;
  readonly family: Family;
  readonly words: readonly [number, number, number, number];
  constructor(family: Family, w0: number, w1: number, w2: number, w3: number) {
    this.family = family;
    this.words = Object.freeze([w0, w1, w2, w3] as const);
    Object.freeze(this);
  }
  toString(): string {
    return format(this);
  }
  toJSON(): string {
    return format(this);
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Ip.Address(${format(this)})`;
  }
  [Equal.symbol](that: unknown): boolean {
    return isAddress(that) && sameAddress(this, that);
  }
  [Hash.symbol](): number {
    const w = this.words;
    return (Math.imul(w[0] ^ w[1], 31) ^ Math.imul(w[2], 17) ^ w[3] ^ this.family) | 0;
  }
}
Object.defineProperty(AddressImpl.prototype, AddressTypeId, { value: AddressTypeId });

/** Whether `u` is an address value made by septet. */
export const isAddress = (u: unknown): u is Address => {
  try {
    return u instanceof AddressImpl;
  } catch {
    return false; // a proxy whose getPrototypeOf throws, or a revoked one
  }
};

/** Same family and bits. */
export const sameAddress = (a: Address, b: Address): boolean =>
  a.family === b.family &&
  a.words[0] === b.words[0] &&
  a.words[1] === b.words[1] &&
  a.words[2] === b.words[2] &&
  a.words[3] === b.words[3];

/** Builds an address value (IPv4: only `w3` counts, the others must be 0). */
export const addressFromWords = (family: Family, w0: number, w1: number, w2: number, w3: number): Address =>
  family === 4
    ? new AddressImpl(4, 0, 0, 0, w3 >>> 0)
    : new AddressImpl(6, w0 >>> 0, w1 >>> 0, w2 >>> 0, w3 >>> 0);

/** The address of the last successful scan (`family` is the scan's return value). */
export const addressFromScratch = (family: number): Address =>
  family === 4
    ? new AddressImpl(4, 0, 0, 0, words[3]!)
    : new AddressImpl(6, words[0]!, words[1]!, words[2]!, words[3]!);

class CidrImpl implements Cidr {
  readonly address: Address;
  readonly prefix: number;
  readonly family: Family;
  readonly input: string;
  readonly canonical: string;
  readonly hostBitsMasked: boolean;
  constructor(address: Address, prefix: number, input: string, hostBitsMasked: boolean) {
    this.address = address;
    this.prefix = prefix;
    this.family = address.family;
    this.input = input;
    this.canonical = `${format(address)}/${prefix}`;
    this.hostBitsMasked = hostBitsMasked;
    Object.freeze(this);
  }
  toString(): string {
    return this.canonical;
  }
  toJSON(): string {
    return this.canonical;
  }
  [Symbol.for("nodejs.util.inspect.custom")](): string {
    return `Ip.Cidr(${this.canonical})`;
  }
}

/** Builds a masked `Cidr` from the scratch `words` of the last scan, its family and a prefix. */
export const cidrFromScratch = (family: Family, prefix: number, input: string): Cidr => {
  const bits = family === 4 ? prefix + 96 : prefix;
  let masked = false;
  const out = [0, 0, 0, 0];
  for (let k = family === 4 ? 3 : 0; k < 4; k++) {
    const w = words[k]!;
    const v = (w & maskWord(bits, k)) >>> 0;
    if (v !== w) masked = true;
    out[k] = v;
  }
  return new CidrImpl(addressFromWords(family, out[0]!, out[1]!, out[2]!, out[3]!), prefix, input, masked);
};

const hex = (n: number): string => n.toString(16);

const formatV4 = (w: number): string => `${w >>> 24}.${(w >>> 16) & 255}.${(w >>> 8) & 255}.${w & 255}`;

/** Canonical text: dotted decimal; RFC 5952 §4 for IPv6, §5 mixed notation for mapped. */
export const format = (address: Address): string => {
  const [w0, w1, w2, w3] = address.words;
  if (address.family === 4) return formatV4(w3);
  if (w0 === 0 && w1 === 0 && w2 === 0xffff) return `::ffff:${formatV4(w3)}`;
  const g = [w0 >>> 16, w0 & 0xffff, w1 >>> 16, w1 & 0xffff, w2 >>> 16, w2 & 0xffff, w3 >>> 16, w3 & 0xffff];
  // RFC 5952 §4.2.1-§4.2.3: the longest run of two or more zero groups, the first one on a tie.
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  // RFC 5952 §4.1 (no leading zeros) and §4.3 (lowercase) come from toString(16).
  if (bestStart < 0) return g.map(hex).join(":");
  const head = g.slice(0, bestStart).map(hex).join(":");
  const tail = g
    .slice(bestStart + bestLength)
    .map(hex)
    .join(":");
  return `${head}::${tail}`;
};

/** The input as quoted in errors: cut to its first 64 characters plus `…` when longer. */
export const cut = (input: string): string =>
  input.length > MAX_INPUT_LENGTH ? `${input.slice(0, MAX_INPUT_LENGTH)}…` : input;

const prefixMax = (input: string): number => {
  for (let i = 0; i < input.length && i < MAX_INPUT_LENGTH; i++) {
    const c = input.charCodeAt(i);
    if (c === 58) return 128;
    if (c === 47) break;
  }
  return 32;
};

/** The public reason text of a failed scan of `input`. */
export const reasonOf = (status: number, input: string): string => {
  const reason = statusReason(status);
  const text = reasonText[reason] ?? "invalid input";
  if ((reason >= Reason.V4EmptyField && reason <= Reason.V4Unexpected) || reason === Reason.V4TrailingDot) {
    // An IPv4 grammar error inside an IPv6 address is about its embedded dotted quad.
    for (let i = 0; i < input.length && i < MAX_INPUT_LENGTH; i++) {
      const c = input.charCodeAt(i);
      if (c === 58) return `in embedded IPv4 address: ${text}`;
      if (c === 46 || c === 47) break;
    }
  }
  if (reason === Reason.PrefixTooBig) return `${text}: at most ${prefixMax(input)}`;
  return text;
};
