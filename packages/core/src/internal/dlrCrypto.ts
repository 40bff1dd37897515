/**
 * HMAC-SHA256 over Web Crypto (`globalThis.crypto.subtle`), hex encoding and a constant-time
 * byte comparison. No `node:crypto`: this runs unchanged in browsers, Node ≥ 20, Deno, Bun and
 * edge runtimes.
 *
 * @internal
 */

const encoder = new TextEncoder();

/** Bytes of a secret or body given as text (UTF-8) or bytes (used as is). */
export const toBytes = (input: string | Uint8Array): Uint8Array<ArrayBuffer> => {
  if (typeof input === "string") return encoder.encode(input);
  // Copy so that a view on a shared or resizable buffer never reaches Web Crypto.
  const copy = new Uint8Array(input.byteLength);
  copy.set(input);
  return copy;
};

/** HMAC-SHA256 (RFC 2104, FIPS 180-4) of `data` keyed with `secret`. */
export const hmacSha256 = async (secret: Uint8Array<ArrayBuffer>, data: Uint8Array<ArrayBuffer>) => {
  const key = await globalThis.crypto.subtle.importKey(
    "raw",
    secret,
    { name: "HMAC", hash: "SHA-256" },
    false,
    ["sign"],
  );
  return new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, data));
};

const HEX = "0123456789abcdef";

/** Lowercase hex of bytes. */
export const toHex = (bytes: Uint8Array): string => {
  let out = "";
  for (const byte of bytes) out += HEX[byte >> 4]! + HEX[byte & 15]!;
  return out;
};

const nibble = (code: number): number => {
  if (code >= 0x30 && code <= 0x39) return code - 0x30; // 0-9
  if (code >= 0x61 && code <= 0x66) return code - 0x57; // a-f
  if (code >= 0x41 && code <= 0x46) return code - 0x37; // A-F
  return -1;
};

/**
 * Bytes of a hex string of exactly `length` bytes (either case), or `undefined` when the text is
 * not exactly `2 * length` hex digits. The length is checked first: no work on oversized input.
 */
export const fromHex = (text: string, length: number): Uint8Array | undefined => {
  if (text.length !== length * 2) return undefined;
  const out = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const hi = nibble(text.charCodeAt(2 * i));
    const lo = nibble(text.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) return undefined;
    out[i] = (hi << 4) | lo;
  }
  return out;
};

/**
 * Whether two byte arrays of the same length are equal, in time that depends only on the length
 * (every byte is visited; no early exit).
 */
export const constantTimeEqual = (a: Uint8Array, b: Uint8Array): boolean => {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
};
