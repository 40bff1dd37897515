/**
 * The gateway's outgoing HTTP call: POSTs a signed delivery report to a DLR URL an outsider chose,
 * without letting that URL reach anything private.
 *
 * - Every connection goes through `Egress.lookup`: each address the name resolves to is checked
 *   at connect time, so a name that resolves (or re-resolves, DNS rebinding) to 127.0.0.1,
 *   10.0.0.0/8, 169.254.169.254… is never connected to. Node skips `lookup` for an IP-literal
 *   host, so a literal is checked with `Egress.check` first. After connecting, the socket's peer
 *   address is checked once more.
 * - One request, one socket (`agent: false`): no pooled socket outlives the check it passed.
 * - Redirects are never followed: the status (3xx included) is the outcome.
 * - A connect timeout (no TCP/TLS connection within it: abort) and a total timeout (the whole
 *   exchange), plus an external `AbortSignal` (the gateway's shutdown).
 */
import { lookup as dnsLookup } from "node:dns";
import { type ClientRequest, request as httpRequest, type IncomingMessage } from "node:http";
import { request as httpsRequest } from "node:https";
import { isIP, type Socket } from "node:net";
import { type Allowlist, Egress } from "@septet/core";
import { Result } from "effect";

/** How deliveries connect: the resolver, the special-purpose exceptions and the time bounds. */
export interface DeliveryTransport {
  /** Resolves names (default `dns.lookup`); tests pass a stub. */
  readonly resolver?: Egress.Resolver | undefined;
  /** Special-purpose addresses that may be called anyway (the config's `dlr.allowSpecialPurpose`). */
  readonly allowSpecialPurpose?: Allowlist.Allowlist | undefined;
  /** No connection (TCP and TLS) within this: give up. Default 3 000 ms. */
  readonly connectTimeoutMs?: number | undefined;
  /** The whole exchange, from lookup to the response's status line. Default 10 000 ms. */
  readonly totalTimeoutMs?: number | undefined;
  /** Aborts the call (the gateway's shutdown). */
  readonly signal?: AbortSignal | undefined;
}

/** The delivery's HTTP status (redirects included: never followed). Rejects on any failure. */
export const postReport = (
  url: URL,
  body: string,
  headers: Readonly<Record<string, string>>,
  transport: DeliveryTransport = {},
): Promise<number> =>
  new Promise((resolve, reject) => {
    const guard = { allowSpecialPurpose: transport.allowSpecialPurpose };
    const host = url.hostname.startsWith("[") ? url.hostname.slice(1, -1) : url.hostname;
    // Node connects to an IP literal without calling `lookup`: check it here.
    if (isIP(host) !== 0) {
      const literal = Egress.check(host, guard);
      if (Result.isFailure(literal)) return reject(literal.failure);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") {
      return reject(new Error(`unsupported scheme ${url.protocol}`));
    }
    const timeout = AbortSignal.timeout(transport.totalTimeoutMs ?? 10_000);
    const signal = transport.signal === undefined ? timeout : AbortSignal.any([timeout, transport.signal]);
    const send = url.protocol === "https:" ? httpsRequest : httpRequest;
    let req: ClientRequest;
    try {
      req = send(url, {
        method: "POST",
        headers: { ...headers, "content-length": String(Buffer.byteLength(body)) },
        lookup: Egress.lookup(transport.resolver ?? dnsLookup, guard),
        agent: false,
        signal,
      });
    } catch (error) {
      return reject(error);
    }
    const connectTimer = setTimeout(
      () => req.destroy(new Error(`no connection within ${transport.connectTimeoutMs ?? 3_000} ms`)),
      transport.connectTimeoutMs ?? 3_000,
    );
    req.on("socket", (socket: Socket) => {
      const connected = () => {
        clearTimeout(connectTimer);
        // Second line of defence: the address actually connected to.
        const peer = Egress.check(socket.remoteAddress ?? "", guard);
        if (Result.isFailure(peer)) req.destroy(peer.failure);
      };
      socket.once(url.protocol === "https:" ? "secureConnect" : "connect", connected);
    });
    req.on("response", (response: IncomingMessage) => {
      clearTimeout(connectTimer);
      response.resume();
      resolve(response.statusCode ?? 0);
    });
    req.on("error", (error) => {
      clearTimeout(connectTimer);
      // Name the bound that fired rather than Node's generic AbortError.
      reject(timeout.aborted ? timeout.reason : transport.signal?.aborted ? transport.signal.reason : error);
    });
    req.on("close", () => clearTimeout(connectTimer));
    req.end(body);
  });
