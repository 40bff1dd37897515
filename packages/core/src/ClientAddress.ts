/**
 * The address of the client behind reverse proxies you trust, taken from `X-Forwarded-For` or
 * `Forwarded` (RFC 7239) without letting the client choose it.
 *
 * ## Mental model
 * Each proxy APPENDS the address it received the request from to the header; everything to the
 * left of what your own proxies wrote was written by the client and may be anything. So the
 * header is read from the right: start at the socket's peer; while the current hop is one of your
 * trusted proxies, step one entry to the left; the first hop that is not a trusted proxy is the
 * client. Nothing left of it is ever read.
 *
 * ## Common tasks
 * - Behind one load balancer at 10.0.0.5 that sets `X-Forwarded-For`:
 *   `ClientAddress.resolve({ socket: req.socket.remoteAddress, header: req.headers["x-forwarded-for"], format: "x-forwarded-for", trusted })`
 *   with `trusted` = `Allowlist.make(["10.0.0.5"])`, then `Policy.authorize(key, result.address)`.
 * - Without proxies: do not call this; use the socket address. (With an empty `trusted` list the
 *   answer is always the socket address.)
 *
 * ## Rules
 * - The socket's peer not trusted: the answer is the socket address, whatever the headers say.
 * - Only the header your proxies set counts (`format`): a proxy that appends `X-Forwarded-For`
 *   passes a client's own `Forwarded` header through untouched, so reading both would let the
 *   client choose.
 * - Several header lines are one list, in order (RFC 9110 §5.3): pass them as an array.
 * - Every hop of the list is a proxy you trust: the leftmost hop is the client.
 * - Fail safe: a hop that is not an IP address (`unknown`, an obfuscated identifier, garbage, a
 *   `Forwarded` element without `for=`) where the walk needs an address ends the walk, and the
 *   answer is the last trusted-or-socket address (your own proxy), with `malformed: true`. A
 *   header over {@link MAX_HEADER_LENGTH} characters or with more than {@link MAX_HOPS} hops to
 *   walk is treated the same way. The proxy's address is never in a customer's whitelist, so a
 *   malformed header denies rather than admits.
 * - Hop forms accepted. `X-Forwarded-For`: `192.0.2.1`, `2001:db8::1`, `[2001:db8::1]`, with an
 *   optional `:port` after an IPv4 address or a bracketed IPv6 one. `Forwarded`: the `for=`
 *   parameter (name case-insensitive) as a token IPv4 address or a quoted
 *   `"192.0.2.1:4711"`, `"[2001:db8::1]"`, `"[2001:db8::1]:4711"` (RFC 7239 §6).
 *
 * ## Gotchas
 * - Trust the proxies, not the network: list the proxies' own addresses (or their subnet), not a
 *   range clients can also send from.
 * - The answer's address is in canonical form (`Ip.format`) when it came from a header, and the
 *   socket address as given otherwise.
 * - Linear in the header's length, no regular expression, never throws.
 *
 * @module
 * @since 0.1.0
 */
import * as Allowlist from "./Allowlist.js";
import * as Ip from "./Ip.js";

/**
 * Header values longer than this many characters (all lines together) are not read: the answer
 * falls back to the socket address with `malformed: true`. Node's default cap on all request
 * headers together is 16 KiB.
 *
 * @example
 * ```ts
 * import { ClientAddress } from "@septet/core"
 * ClientAddress.MAX_HEADER_LENGTH // => 16384
 * ```
 * @category constants
 * @since 0.1.0
 */
export const MAX_HEADER_LENGTH = 16_384;

/**
 * At most this many hops are walked; a chain of trusted proxies longer than this is refused as
 * malformed.
 *
 * @example
 * ```ts
 * import { ClientAddress } from "@septet/core"
 * ClientAddress.MAX_HOPS // => 32
 * ```
 * @category constants
 * @since 0.1.0
 */
export const MAX_HOPS = 32;

/**
 * Which header your proxies set.
 *
 * @category models
 * @since 0.1.0
 */
export type HeaderFormat = "x-forwarded-for" | "forwarded";

/**
 * What {@link resolve} reads.
 *
 * @category models
 * @since 0.1.0
 */
export interface Input {
  /** The socket's remote address (`req.socket.remoteAddress`). */
  readonly socket: string | undefined;
  /** The header's value, or its lines in order (`req.headers["x-forwarded-for"]`). */
  readonly header: string | ReadonlyArray<string> | undefined;
  /** Which header `header` is. */
  readonly format: HeaderFormat;
  /** Your reverse proxies. Empty or missing: nothing is trusted. */
  readonly trusted: Allowlist.Allowlist | undefined;
}

/**
 * The client address and where it came from. `hops` is how many header entries were walked
 * (0 when the answer is the socket address); `malformed` is true when the walk stopped at an entry
 * it could not read and fell back to the last trusted address.
 *
 * @category models
 * @since 0.1.0
 */
export interface Resolved {
  readonly address: string;
  readonly source: "socket" | "header";
  readonly hops: number;
  readonly malformed: boolean;
}

const COMMA = 44;
const SEMICOLON = 59;
const QUOTE = 34;
const SPACE = 32;
const TAB = 9;
const COLON = 58;
const OPEN = 91;

const isSpace = (c: number): boolean => c === SPACE || c === TAB;

/** `s[from, to)` without surrounding spaces and tabs. */
const trim = (s: string, from: number, to: number): string => {
  while (from < to && isSpace(s.charCodeAt(from))) from++;
  while (to > from && isSpace(s.charCodeAt(to - 1))) to--;
  return s.slice(from, to);
};

/**
 * Finds the separator `sep` at or before `end - 1`, scanning leftwards and skipping quoted
 * strings. Scanning from the right means text a client put further left (an unbalanced quote
 * included) cannot change how the entries written by your proxies are split. -1 when none.
 */
const lastSeparator = (s: string, end: number, sep: number, quotes: boolean): number => {
  let quoted = false;
  for (let i = end - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (quotes && c === QUOTE) quoted = !quoted;
    else if (!quoted && c === sep) return i;
  }
  return -1;
};

/** A port: 1 to 5 digits, at most 65535. */
const isPort = (s: string, from: number): boolean => {
  const n = s.length - from;
  if (n < 1 || n > 5) return false;
  let value = 0;
  for (let i = from; i < s.length; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    value = value * 10 + d;
  }
  return value <= 65535;
};

/** A node as proxies write it: `a.b.c.d`, `a.b.c.d:port`, `v6`, `[v6]`, `[v6]:port`. */
const nodeAddress = (node: string): Ip.Address | undefined => {
  let host = node;
  if (node.charCodeAt(0) === OPEN) {
    const close = node.indexOf("]");
    if (close < 0) return undefined;
    const rest = close + 1;
    if (rest !== node.length && !(node.charCodeAt(rest) === COLON && isPort(node, rest + 1)))
      return undefined;
    host = node.slice(1, close);
    const parsed = Ip.parseAddressOption(host);
    return parsed._tag === "Some" && parsed.value.family === 6 ? parsed.value : undefined;
  }
  const colon = node.indexOf(":");
  if (colon >= 0 && node.indexOf(":", colon + 1) < 0) {
    // Exactly one colon: IPv4 with a port.
    if (!isPort(node, colon + 1)) return undefined;
    host = node.slice(0, colon);
    const parsed = Ip.parseAddressOption(host);
    return parsed._tag === "Some" && parsed.value.family === 4 ? parsed.value : undefined;
  }
  const parsed = Ip.parseAddressOption(host);
  return parsed._tag === "Some" ? parsed.value : undefined;
};

/** The node of one `Forwarded` element's `for=` parameter, or undefined. */
const forwardedFor = (element: string): Ip.Address | undefined => {
  let end = element.length;
  while (end >= 0) {
    const at = lastSeparator(element, end, SEMICOLON, true);
    const pair = trim(element, at + 1, end);
    const eq = pair.indexOf("=");
    if (eq === 3 && pair.slice(0, 3).toLowerCase() === "for") {
      let value = pair.slice(4);
      if (value.charCodeAt(0) === QUOTE) {
        if (value.length < 2 || value.charCodeAt(value.length - 1) !== QUOTE) return undefined;
        value = value.slice(1, -1);
        // Quoted-pair escapes have no place in an address.
        if (value.includes("\\") || value.includes('"')) return undefined;
      } else if (value.includes(":") || value.includes("[")) {
        return undefined; // RFC 7239 §6: an IPv6 node or a port must be quoted.
      }
      return nodeAddress(value);
    }
    if (at < 0) break;
    end = at;
  }
  return undefined;
};

const viaSocket = (socket: string, malformed = false): Resolved => ({
  address: socket,
  source: "socket",
  hops: 0,
  malformed,
});

/**
 * The client's address behind trusted proxies (rules in the module documentation). Sync, pure,
 * linear in the header's length, never throws: hostile input of any shape gives the socket
 * address or the last trusted hop.
 *
 * Below, the client prepended a fake hop `1.2.3.4`; the load balancer (10.0.0.5) and an inner
 * proxy (the socket peer, 10.0.0.9) appended theirs. A peer that is not a trusted proxy has its
 * headers ignored; garbage where an address is needed gives the last trusted hop, flagged.
 *
 * @example
 * ```ts
 * import { Effect } from "effect"
 * import { Allowlist, ClientAddress } from "@septet/core"
 * const trusted = Effect.runSync(Allowlist.make(["10.0.0.0/24"]))
 * const header = "1.2.3.4, 203.0.113.7, 10.0.0.5"
 * ClientAddress.resolve({ socket: "10.0.0.9", header, format: "x-forwarded-for", trusted })
 * // => { address: "203.0.113.7", source: "header", hops: 2, malformed: false }
 * ClientAddress.resolve({ socket: "198.51.100.1", header, format: "x-forwarded-for", trusted }).address
 * // => "198.51.100.1"
 * const forwarded = 'for="[2001:db8::7]:4711";proto=https'
 * ClientAddress.resolve({ socket: "10.0.0.5", header: forwarded, format: "forwarded", trusted }).address
 * // => "2001:db8::7"
 * ClientAddress.resolve({ socket: "10.0.0.5", header: "unknown", format: "x-forwarded-for", trusted })
 * // => { address: "10.0.0.5", source: "socket", hops: 0, malformed: true }
 * ```
 * @category operations
 * @since 0.1.0
 */
export const resolve = (input: Input): Resolved => {
  let socket = "";
  try {
    socket = typeof input.socket === "string" ? input.socket : "";
    const trusted = input.trusted;
    if (trusted === undefined || !Allowlist.allows(trusted, socket)) return viaSocket(socket);
    const lines = input.header;
    let header: string;
    if (typeof lines === "string") header = lines;
    else if (Array.isArray(lines)) {
      let length = 0;
      for (const line of lines) {
        if (typeof line !== "string") return viaSocket(socket, true);
        length += line.length + 1;
        if (length > MAX_HEADER_LENGTH) return viaSocket(socket, true);
      }
      header = lines.join(",");
    } else return viaSocket(socket);
    if (header.length > MAX_HEADER_LENGTH) return viaSocket(socket, true);
    const forwarded = input.format === "forwarded";
    if (!forwarded && input.format !== "x-forwarded-for") return viaSocket(socket, true);

    let current: Resolved = viaSocket(socket);
    let end = header.length;
    for (let hops = 1; ; hops++) {
      if (end <= 0 && hops === 1) return current; // no header at all
      if (hops > MAX_HOPS) return { ...current, malformed: true };
      const at = lastSeparator(header, end, COMMA, forwarded);
      const entry = trim(header, at + 1, end);
      // An empty list element (`a, , b`) is allowed by the list syntax; skip it.
      if (entry === "") {
        if (at < 0) return current;
        end = at;
        hops--;
        continue;
      }
      const address = forwarded ? forwardedFor(entry) : nodeAddress(entry);
      if (address === undefined) return { ...current, malformed: true };
      const hop: Resolved = { address: Ip.format(address), source: "header", hops, malformed: false };
      if (!Allowlist.allows(trusted, address)) return hop;
      current = hop;
      if (at < 0) return current; // every hop is a trusted proxy: the leftmost is the client
      end = at;
    }
  } catch {
    return viaSocket(socket, true);
  }
};
