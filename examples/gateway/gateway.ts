/**
 * A reference SMS gateway on `node:http` (no framework), showing how a service embeds septet:
 *
 * 1. the key config comes from a JSON file, decoded once at start (`ApiKey.decode`, every problem
 *    reported at once);
 * 2. the client address is the socket's, or, behind configured trusted proxies, the one
 *    `ClientAddress.resolve` reads from their header; each address gets 150 requests per second
 *    (configurable), then `429` with `Retry-After`;
 * 3. each `POST /v1/omnimessage` is authorized by that address (`Policy.authorize`, Omnichannel
 *    `102` on refusal);
 * 4. the body (at most 64 KiB) is decoded (`SmsRequest.decodeJson`) and resolved against the key
 *    (`Policy.resolve`): the answer is the Omnichannel success object plus the full resolution, or
 *    `{ errors: [...] }` Omnichannel error objects;
 * 5. when a DLR URL applies, a (simulated) delivery report is POSTed to it, signed with
 *    `X-Messente-Signature` (`DeliveryReport.sign`), through the connect-time guard of
 *    `deliver.ts` (`Egress.lookup`: no private address, no redirect, bounded in time);
 * 6. {@link shutdown} stops accepting, closes idle connections at once and the rest after a grace
 *    period; header and request timeouts keep slow clients (slowloris) from holding sockets, and
 *    a per-address cap keeps one client from holding many.
 *
 * Nothing is actually sent to a phone: this is the policy half of a gateway.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import {
  Allowlist,
  ApiKey,
  ClientAddress,
  DeliveryReport,
  type Egress,
  Policy,
  SmsRequest,
} from "@septet/core";
import { Effect, Result, Schema } from "effect";
import { postReport } from "./deliver.js";
import { makeThrottle, type Throttle, throttleKey } from "./throttle.js";

const positive = (max: number) => Schema.Int.check(Schema.isBetween({ minimum: 1, maximum: max }));

/** The gateway's config file: the API key, the DLR signing secret, and DLR URL options. */
export const GatewayConfig = Schema.Struct({
  /** The API key's settings (see `ApiKey.Config`). */
  key: Schema.Unknown,
  /** The secret that signs delivery reports (the key owner verifies with it). */
  secret: Schema.String.check(Schema.isMinLength(16), Schema.isMaxLength(1024)),
  dlr: Schema.optionalKey(
    Schema.Struct({
      /** Accept `http:` DLR URLs (tests, private networks). Default false. */
      allowHttp: Schema.optionalKey(Schema.Boolean),
      /** Special-purpose addresses DLR URLs may point at anyway, e.g. `["127.0.0.1"]` in tests. */
      allowSpecialPurpose: Schema.optionalKey(Allowlist.FromConfig),
      /** No TCP/TLS connection to the DLR URL within this: give up. Default 3 000 ms. */
      connectTimeoutMs: Schema.optionalKey(positive(60_000)),
      /** The whole delivery, lookup to status line. Default 10 000 ms. */
      timeoutMs: Schema.optionalKey(positive(300_000)),
      /**
       * Deliveries in flight at once; past it a report is dropped (and the hook told) rather than
       * holding one more socket for up to `timeoutMs`. Default 256.
       */
      maxInFlight: Schema.optionalKey(positive(100_000)),
    }),
  ),
  /** Requests per second per client address (and the burst after idling). Default 150 / 150. */
  throttle: Schema.optionalKey(
    Schema.Struct({
      perSecond: Schema.optionalKey(positive(1_000_000)),
      burst: Schema.optionalKey(positive(1_000_000)),
    }),
  ),
  /** Reverse proxies whose client-address header is believed. Default: none (the socket address). */
  trustedProxies: Schema.optionalKey(Allowlist.FromConfig),
  /** Which header the trusted proxies set. Default "x-forwarded-for". */
  proxyHeader: Schema.optionalKey(Schema.Literals(["x-forwarded-for", "forwarded"])),
  /** Slow-client and shutdown bounds. */
  server: Schema.optionalKey(
    Schema.Struct({
      /** A request's headers must arrive within this. Default 10 000 ms. */
      headersTimeoutMs: Schema.optionalKey(positive(600_000)),
      /** A whole request must arrive within this. Default 30 000 ms. */
      requestTimeoutMs: Schema.optionalKey(positive(600_000)),
      /** On shutdown, active connections get this long before they are cut. Default 5 000 ms. */
      shutdownGraceMs: Schema.optionalKey(positive(600_000)),
      /**
       * Connections one client address (an IPv6 /64) may hold open at once; more are closed on
       * arrival. Trusted proxies are exempt. Default 256.
       */
      maxConnectionsPerClient: Schema.optionalKey(positive(1_000_000)),
    }),
  ),
  /** What Auto-Replace FULL does with characters it cannot map. Default "keep". */
  leftovers: Schema.optionalKey(Schema.Literals(["keep", "all-or-nothing", "reject"])),
});

/** A decoded gateway configuration. */
export interface Gateway {
  readonly key: ApiKey.ApiKey;
  readonly secret: string;
  readonly options: Policy.ResolveOptions;
  readonly delivery: {
    readonly connectTimeoutMs: number;
    readonly totalTimeoutMs: number;
    readonly maxInFlight: number;
  };
  readonly throttle: { readonly perSecond: number; readonly burst: number };
  readonly trustedProxies: Allowlist.Allowlist | undefined;
  readonly proxyHeader: ClientAddress.HeaderFormat;
  readonly server: {
    readonly headersTimeoutMs: number;
    readonly requestTimeoutMs: number;
    readonly shutdownGraceMs: number;
    readonly maxConnectionsPerClient: number;
  };
}

/** Every problem of a gateway config, as `pointer: message` lines. */
export class InvalidGatewayConfig extends Error {
  readonly problems: ReadonlyArray<string>;
  constructor(problems: ReadonlyArray<string>) {
    super(`Invalid gateway config:\n  ${problems.join("\n  ")}`);
    this.problems = problems;
  }
}

/** Decodes a gateway config (parsed JSON). */
export const loadConfig = (input: unknown): Effect.Effect<Gateway, InvalidGatewayConfig> =>
  Effect.gen(function* () {
    const decoded = Schema.decodeUnknownResult(GatewayConfig, { errors: "all" })(input);
    if (Result.isFailure(decoded)) {
      return yield* Effect.fail(new InvalidGatewayConfig([decoded.failure.message]));
    }
    const config = decoded.success;
    const dlr: DeliveryReport.UrlOptions = {
      allowHttp: config.dlr?.allowHttp ?? false,
      allowSpecialPurpose: config.dlr?.allowSpecialPurpose,
    };
    const key = yield* ApiKey.decode(config.key, { dlr }).pipe(
      Effect.mapError((e) => new InvalidGatewayConfig(e.issues.map((i) => `/key${i.pointer}: ${i.message}`))),
    );
    const headersTimeoutMs = config.server?.headersTimeoutMs ?? 10_000;
    const requestTimeoutMs = config.server?.requestTimeoutMs ?? 30_000;
    if (headersTimeoutMs > requestTimeoutMs) {
      // Node refuses this pair at createServer; say so at load time, naming the fields.
      return yield* Effect.fail(
        new InvalidGatewayConfig([
          `/server/headersTimeoutMs: ${headersTimeoutMs} must not exceed /server/requestTimeoutMs (${requestTimeoutMs})`,
        ]),
      );
    }
    const perSecond = config.throttle?.perSecond ?? 150;
    return {
      key,
      secret: config.secret,
      options: { dlr, leftovers: config.leftovers ?? "keep" },
      delivery: {
        connectTimeoutMs: config.dlr?.connectTimeoutMs ?? 3_000,
        totalTimeoutMs: config.dlr?.timeoutMs ?? 10_000,
        maxInFlight: config.dlr?.maxInFlight ?? 256,
      },
      throttle: { perSecond, burst: config.throttle?.burst ?? perSecond },
      trustedProxies: config.trustedProxies,
      proxyHeader: config.proxyHeader ?? "x-forwarded-for",
      server: {
        headersTimeoutMs,
        requestTimeoutMs,
        shutdownGraceMs: config.server?.shutdownGraceMs ?? 5_000,
        maxConnectionsPerClient: config.server?.maxConnectionsPerClient ?? 256,
      },
    };
  });

/** The outcome of one delivery report sent by the gateway. */
export type DeliveryOutcome =
  | { readonly url: string; readonly status: number }
  | { readonly url: string; readonly error: string };

/** Hooks for logging and tests. */
export interface GatewayHooks {
  readonly onDelivery?: (outcome: DeliveryOutcome) => void;
  /** Resolves DLR URL host names (default `dns.lookup`); tests pass a stub. */
  readonly resolver?: Egress.Resolver;
  /** The throttle's clock in milliseconds (default `performance.now`). */
  readonly now?: () => number;
}

const MAX_BODY_BYTES = SmsRequest.MAX_BODY_LENGTH;
const utf8 = new TextDecoder("utf-8", { fatal: true });

const send = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
  });
  res.end(text);
};

const sendErrors = (res: ServerResponse, errors: ReadonlyArray<Policy.OmnichannelError>) =>
  send(res, errors.some((e) => e.code === "102") ? 403 : 400, { errors });

const sendTooLarge = (res: ServerResponse) =>
  send(res, 413, {
    errors: [
      { title: "Invalid data", detail: `body over ${MAX_BODY_BYTES} bytes`, code: "105", source: "payload" },
    ],
  });

/** Reads a request body of at most MAX_BODY_BYTES bytes, or undefined when it is longer. */
const readBody = (req: IncomingMessage): Promise<Uint8Array | undefined> =>
  new Promise((resolve, reject) => {
    const chunks: Array<Buffer> = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        resolve(undefined);
        req.removeAllListeners("data");
        req.resume();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });

/** The deliveries of one server: aborted together on shutdown, and counted against the cap. */
interface Outbound {
  readonly signal: AbortSignal;
  active: number;
}

/**
 * POSTs a signed delivery report; never throws (the outcome goes to the hook). Past
 * `dlr.maxInFlight` deliveries at once the report is dropped: every accepted request may cause
 * one, and each may hold a socket to a slow receiver for the whole timeout, so without a cap a
 * flood of requests naming a stalling DLR URL would exhaust the process's sockets.
 */
const deliver = async (
  gateway: Gateway,
  url: string,
  report: object,
  hooks: GatewayHooks,
  outbound: Outbound,
) => {
  if (outbound.active >= gateway.delivery.maxInFlight) {
    hooks.onDelivery?.({
      url,
      error: `more than ${gateway.delivery.maxInFlight} deliveries in flight: this report is dropped`,
    });
    return;
  }
  outbound.active++;
  const signal = outbound.signal;
  try {
    // Re-check right before calling: the URL is the only thing an outsider controls here.
    const checked = await Effect.runPromise(DeliveryReport.checkUrl(url, gateway.options.dlr));
    const body = JSON.stringify(report);
    const signature = await Effect.runPromise(DeliveryReport.sign(gateway.secret, body));
    const status = await postReport(
      checked,
      body,
      { "content-type": "application/json", [DeliveryReport.SIGNATURE_HEADER]: signature },
      {
        resolver: hooks.resolver,
        allowSpecialPurpose: gateway.options.dlr?.allowSpecialPurpose,
        connectTimeoutMs: gateway.delivery.connectTimeoutMs,
        totalTimeoutMs: gateway.delivery.totalTimeoutMs,
        signal,
      },
    );
    hooks.onDelivery?.({ url, status });
  } catch (error) {
    hooks.onDelivery?.({ url, error: error instanceof Error ? error.message : String(error) });
  } finally {
    outbound.active--;
  }
};

/** The client address: the socket's, or the one trusted proxies report. */
const clientOf = (gateway: Gateway, req: IncomingMessage): string => {
  const socket = req.socket.remoteAddress ?? "";
  if (gateway.trustedProxies === undefined) return socket;
  return ClientAddress.resolve({
    socket,
    header: req.headers[gateway.proxyHeader],
    format: gateway.proxyHeader,
    trusted: gateway.trustedProxies,
  }).address;
};

const handleMessage = async (
  gateway: Gateway,
  hooks: GatewayHooks,
  client: string,
  outbound: Outbound,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  // 1. Who is calling? The client address (a header counts only from a trusted proxy).
  const authorized = Effect.runSync(Effect.result(Policy.authorize(gateway.key, client)));
  if (Result.isFailure(authorized)) {
    req.resume();
    return sendErrors(res, Policy.toOmnichannelErrors(authorized.failure));
  }
  // 2. The request, capped and decoded. A declared length over the cap is refused before any
  // of the body is read: a client could otherwise hold the connection until the request timeout
  // by sending it slowly, or not at all.
  if (Number(req.headers["content-length"]) > MAX_BODY_BYTES) {
    res.setHeader("connection", "close");
    return sendTooLarge(res);
  }
  const bytes = await readBody(req);
  if (bytes === undefined) return sendTooLarge(res);
  let raw: string;
  try {
    raw = utf8.decode(bytes);
  } catch {
    return sendErrors(res, [
      { title: "Invalid data", detail: "body is not UTF-8", code: "105", source: "payload" },
    ]);
  }
  // 3. The decision.
  const resolved = Effect.runSync(
    Effect.result(
      SmsRequest.decodeJson(raw).pipe(
        Effect.flatMap((request) => Policy.resolve(gateway.key, request, gateway.options)),
      ),
    ),
  );
  if (Result.isFailure(resolved)) return sendErrors(res, Policy.toOmnichannelErrors(resolved.failure));
  const resolution = resolved.success;
  const omnimessageId = randomUUID();
  const messageId = randomUUID();
  send(res, 201, {
    messages: [{ channel: "sms", message_id: messageId, sender: resolution.sender.value }],
    to: resolution.to,
    omnimessage_id: omnimessageId,
    resolution,
  });
  // 4. The delivery report, after the answer (as a real gateway would, much later).
  if (resolution.dlrUrl.value !== null) {
    void deliver(
      gateway,
      resolution.dlrUrl.value,
      {
        status: "DELIVRD",
        err: 0,
        error: null,
        message_id: messageId,
        omnimessage_id: omnimessageId,
        to: resolution.to,
        channel: "sms",
        sender: resolution.sender.value,
        timestamp: new Date().toISOString().replace("Z", ""),
      },
      hooks,
      outbound,
    );
  }
};

/** Aborts a gateway's deliveries in flight on shutdown. */
const inFlight = new WeakMap<Server, AbortController>();

/** The 429 answer: Omnichannel lists no error code for throttling, so `code` repeats the status. */
const tooMany = (res: ServerResponse, gateway: Gateway, retryAfterSeconds: number) => {
  res.setHeader("retry-after", String(retryAfterSeconds));
  send(res, 429, {
    errors: [
      {
        title: "Too Many Requests",
        detail: `more than ${gateway.throttle.perSecond} requests per second from this address; retry after ${retryAfterSeconds} s`,
        code: "429",
        source: "address",
      },
    ],
  });
};

/**
 * Creates the HTTP server (not yet listening), with header and request timeouts against slow
 * clients. Stop it with {@link shutdown}.
 */
export const createGateway = (gateway: Gateway, hooks: GatewayHooks = {}): Server => {
  const throttle: Throttle = makeThrottle(gateway.throttle);
  const now = hooks.now ?? (() => performance.now());
  const deliveries = new AbortController();
  const outbound: Outbound = { signal: deliveries.signal, active: 0 };
  const server = createServer(
    {
      headersTimeout: gateway.server.headersTimeoutMs,
      requestTimeout: gateway.server.requestTimeoutMs,
      keepAliveTimeout: 5_000,
      // How often Node checks the two timeouts above (default 30 s: far too coarse for them).
      connectionsCheckingInterval: Math.min(1_000, gateway.server.headersTimeoutMs),
    },
    (req, res) => {
      const client = clientOf(gateway, req);
      const verdict = throttle.take(throttleKey(client), now());
      if (!verdict.allowed) {
        req.resume();
        return tooMany(res, gateway, verdict.retryAfterSeconds);
      }
      const path = (req.url ?? "/").split("?")[0];
      if (path !== "/v1/omnimessage") {
        req.resume();
        return send(res, 404, {
          errors: [{ title: "Not found", detail: "POST /v1/omnimessage", code: "101", source: "path" }],
        });
      }
      if (req.method !== "POST") {
        req.resume();
        res.setHeader("allow", "POST");
        return send(res, 405, {
          errors: [{ title: "Method not allowed", detail: "use POST", code: "107", source: "method" }],
        });
      }
      handleMessage(gateway, hooks, client, outbound, req, res).catch(() => {
        if (!res.headersSent)
          send(res, 500, {
            errors: [{ title: "Internal Server Error", detail: "", code: "104", source: "" }],
          });
      });
    },
  );
  limitConnections(server, gateway);
  inFlight.set(server, deliveries);
  return server;
};

/**
 * Closes a connection on arrival when its address (an IPv6 /64, as the throttle counts) already
 * holds `maxConnectionsPerClient`: the timeouts bound how long a slow client keeps a socket, this
 * bounds how many it keeps, so one address cannot exhaust the process's file descriptors.
 * Trusted proxies carry many clients' connections and are exempt.
 */
const limitConnections = (server: Server, gateway: Gateway) => {
  const open = new Map<string, number>();
  server.on("connection", (socket: Socket) => {
    const address = socket.remoteAddress ?? "";
    if (gateway.trustedProxies !== undefined && Allowlist.allows(gateway.trustedProxies, address)) return;
    const key = throttleKey(address);
    const count = (open.get(key) ?? 0) + 1;
    if (count > gateway.server.maxConnectionsPerClient) {
      socket.destroy();
      return;
    }
    open.set(key, count);
    socket.once("close", () => {
      const left = (open.get(key) ?? 1) - 1;
      if (left === 0) open.delete(key);
      else open.set(key, left);
    });
  });
};

/**
 * Stops a gateway within `graceMs`: stops accepting, aborts deliveries in flight, closes idle
 * keep-alive connections at once, lets requests in progress finish, and cuts every connection
 * still open when the grace period ends (a slow or stalled client cannot hold the process).
 * Resolves when the server is closed.
 */
export const shutdown = (server: Server, graceMs: number): Promise<void> =>
  new Promise((resolve) => {
    inFlight.get(server)?.abort();
    const cut = setTimeout(() => server.closeAllConnections(), graceMs);
    server.close(() => {
      clearTimeout(cut);
      resolve();
    });
    server.closeIdleConnections();
  });

/** Starts a gateway on `host:port` (port 0: any free port) and resolves with its address. */
export const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
