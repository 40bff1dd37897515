/**
 * A short, safe text for a value that should have been a string, for error messages: the
 * string itself (cut), else its type. Never calls the value's own `toString` (which may throw,
 * be slow or lie), so describing hostile input cannot throw.
 *
 * @internal
 */
export const describe = (u: unknown, max = 64): string => {
  if (typeof u === "string") return u.length > max ? `${u.slice(0, max)}…` : u;
  if (u === null) return "null";
  if (typeof u === "number" || typeof u === "boolean" || typeof u === "undefined") return String(u);
  if (typeof u === "bigint") return `${u}n`;
  if (typeof u === "symbol") return "a symbol";
  if (typeof u === "function") return "a function";
  try {
    return Array.isArray(u) ? "an array" : "an object";
  } catch {
    return "an object"; // a revoked proxy
  }
};
