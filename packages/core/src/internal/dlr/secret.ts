/**
 * What a delivery-report signing secret may be, checked before any hashing: the documented forms
 * only, never empty, at least `minBytes` long when the receiver asks for a minimum.
 *
 * @internal
 */
import { bytesOf, isCryptoKey, isWellFormed } from "./crypto.js";

/** The operation a secret is checked for: a key that may only verify cannot sign. */
export type Use = "sign" | "verify";

/** A secret that passed: raw bytes to import, or a Web Crypto key to use as is. */
export type Checked =
  | { readonly _tag: "Raw"; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly _tag: "Key"; readonly key: CryptoKey };

/** Why a secret is refused, in the words of `InvalidSecret.reason`. */
export const NOT_A_SECRET = "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey";
export const LONE_SURROGATE = "not well-formed Unicode (lone surrogate): its UTF-8 bytes would be ambiguous";
export const NOT_HMAC_SHA256 = "a CryptoKey must be an HMAC SHA-256 secret key";

const tooShort = (bytes: number, minBytes: number): string =>
  `${bytes} bytes, fewer than the ${minBytes} required (minSecretBytes)`;

const checkKey = (key: CryptoKey, use: Use, minBytes: number): Checked | string => {
  const algorithm = key.algorithm as Partial<HmacKeyAlgorithm>;
  if (key.type !== "secret" || algorithm.name !== "HMAC" || algorithm.hash?.name !== "SHA-256") {
    return NOT_HMAC_SHA256;
  }
  const usable =
    use === "sign" ? key.usages.includes("sign") : key.usages.some((u) => u === "sign" || u === "verify");
  if (!usable)
    return `the CryptoKey's usages must include ${use === "sign" ? '"sign"' : '"verify" or "sign"'}`;
  // An HMAC key's length is in bits; Web Crypto keeps whole bytes for raw keys.
  const bytes = Math.ceil((algorithm.length ?? 0) / 8);
  if (bytes === 0) return "empty";
  if (bytes < minBytes) return tooShort(bytes, minBytes);
  return { _tag: "Key", key };
};

/** The secret ready for Web Crypto, or the reason it is refused. Never throws. */
export const checkSecret = (secret: unknown, use: Use, minBytes: number): Checked | string => {
  if (isCryptoKey(secret)) {
    try {
      return checkKey(secret, use, minBytes);
    } catch {
      return NOT_HMAC_SHA256;
    }
  }
  if (typeof secret === "string" && !isWellFormed(secret)) return LONE_SURROGATE;
  const read = bytesOf(secret, Number.POSITIVE_INFINITY);
  if (read._tag !== "Bytes") return NOT_A_SECRET;
  if (read.bytes.length === 0) return "empty";
  if (read.bytes.length < minBytes) return tooShort(read.bytes.length, minBytes);
  return { _tag: "Raw", bytes: read.bytes };
};
