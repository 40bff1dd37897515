/**
 * HMAC-SHA256 over Web Crypto (`globalThis.crypto.subtle`), the bytes of secrets and bodies, hex
 * encoding and a constant-time byte comparison. No `node:crypto`: this runs unchanged in
 * browsers, Node ≥ 20, Deno, Bun and edge runtimes.
 *
 * @internal
 */

const encoder = new TextEncoder();

// The engine's own accessors, read once: they look at an object's internal slots, so an own
// property (`byteLength`, `Symbol.toStringTag`) on a hostile object cannot change what is read,
// and they work on buffers from another realm (a `vm` context, an iframe) too.
const accessor = (target: object, key: PropertyKey): ((this: unknown) => unknown) => {
  const get = Object.getOwnPropertyDescriptor(target, key)?.get;
  if (get === undefined) throw new Error(`septet: the engine has no ${String(key)} accessor`);
  return get;
};
const typedArrayName = accessor(Object.getPrototypeOf(Uint8Array.prototype), Symbol.toStringTag);
const typedArrayByteLength = accessor(Object.getPrototypeOf(Uint8Array.prototype), "byteLength");
const arrayBufferByteLength = accessor(ArrayBuffer.prototype, "byteLength");
const dataViewBuffer = accessor(DataView.prototype, "buffer");
const dataViewByteOffset = accessor(DataView.prototype, "byteOffset");
const dataViewByteLength = accessor(DataView.prototype, "byteLength");

/** What {@link bytesOf} found. */
export type ReadBytes =
  | { readonly _tag: "Bytes"; readonly bytes: Uint8Array<ArrayBuffer> }
  | { readonly _tag: "WrongType" }
  | { readonly _tag: "TooLarge" };

const wrongType: ReadBytes = { _tag: "WrongType" };
const tooLarge: ReadBytes = { _tag: "TooLarge" };
const found = (bytes: Uint8Array<ArrayBuffer>, max: number): ReadBytes =>
  bytes.length > max ? tooLarge : { _tag: "Bytes", bytes };

/**
 * A fresh copy of the bytes of a string (UTF-8), a `Uint8Array` (its own window of the buffer),
 * an `ArrayBuffer` or a `DataView` (its own window); `WrongType` for anything else: other typed
 * arrays (their element size and byte order make "the bytes" ambiguous), a `SharedArrayBuffer`,
 * look-alike objects; `TooLarge` past `max` bytes, found before anything is copied or encoded.
 * The copy means a view on a shared or resizable buffer never reaches Web Crypto, and a later
 * change to the caller's buffer changes nothing. Never throws.
 */
export const bytesOf = (input: unknown, max: number): ReadBytes => {
  if (typeof input === "string") {
    // UTF-8 never takes fewer bytes than UTF-16 code units: a string this long is too large.
    return input.length > max ? tooLarge : found(encoder.encode(input), max);
  }
  if (typeof input !== "object" || input === null) return wrongType;
  try {
    if (ArrayBuffer.isView(input)) {
      const name = typedArrayName.call(input);
      if (name === "Uint8Array") {
        if ((typedArrayByteLength.call(input) as number) > max) return tooLarge;
        // `new Uint8Array(view)` copies through internal slots, not through getters.
        return found(new Uint8Array(input as Uint8Array), max);
      }
      if (name !== undefined) return wrongType;
      const length = dataViewByteLength.call(input) as number;
      if (length > max) return tooLarge;
      const buffer = dataViewBuffer.call(input) as ArrayBuffer;
      const offset = dataViewByteOffset.call(input) as number;
      return found(new Uint8Array(new Uint8Array(buffer, offset, length)), max);
    }
    // Throws for anything that is not an ArrayBuffer (a SharedArrayBuffer included).
    const length = arrayBufferByteLength.call(input) as number;
    if (length > max) return tooLarge;
    // A detached buffer has no bytes (and cannot be viewed).
    return found(
      length === 0 ? new Uint8Array(0) : new Uint8Array(new Uint8Array(input as ArrayBuffer)),
      max,
    );
  } catch {
    return wrongType;
  }
};

/**
 * Whether a string is well-formed UTF-16 (no lone surrogate). A lone surrogate has no UTF-8 form:
 * `TextEncoder` writes U+FFFD for it, so `"\uD800"` and `"\uDC00"` would be the same key.
 */
export const isWellFormed = (s: string): boolean => {
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return false;
      i++;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return false;
  }
  return true;
};

/** Whether `u` is a Web Crypto key (of this realm). Never throws. */
export const isCryptoKey = (u: unknown): u is CryptoKey => {
  try {
    return typeof CryptoKey === "function" && u instanceof CryptoKey;
  } catch {
    return false;
  }
};

/** Imports raw key bytes as an HMAC SHA-256 key that may sign and verify. */
export const importHmacKey = (secret: Uint8Array<ArrayBuffer>): Promise<CryptoKey> =>
  globalThis.crypto.subtle.importKey("raw", secret, { name: "HMAC", hash: "SHA-256" }, false, [
    "sign",
    "verify",
  ]);

/** HMAC-SHA256 (RFC 2104, FIPS 180-4) of `data` keyed with `key`. */
export const hmacSha256 = async (key: CryptoKey, data: Uint8Array<ArrayBuffer>): Promise<Uint8Array> =>
  new Uint8Array(await globalThis.crypto.subtle.sign("HMAC", key, data));

/**
 * Whether `signature` is the HMAC-SHA256 of `data` keyed with `key`. With a key that may only
 * verify, Web Crypto compares (its comparison is constant-time); otherwise the digest is computed
 * and compared here with {@link constantTimeEqual}.
 */
export const hmacSha256Verify = async (
  key: CryptoKey,
  data: Uint8Array<ArrayBuffer>,
  signature: Uint8Array<ArrayBuffer>,
): Promise<boolean> =>
  key.usages.includes("sign")
    ? constantTimeEqual(await hmacSha256(key, data), signature)
    : globalThis.crypto.subtle.verify("HMAC", key, signature, data);

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
export const fromHex = (text: string, length: number): Uint8Array<ArrayBuffer> | undefined => {
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
