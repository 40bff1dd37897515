/**
 * A reference SMS gateway on `node:http` (no framework), showing how a service embeds septet:
 *
 * 1. the key config comes from a JSON file, decoded once at start (`ApiKey.decode`, every problem
 *    reported at once);
 * 2. each `POST /v1/omnimessage` is authorized by the socket's remote address (`Policy.authorize`,
 *    Omnichannel `102` on refusal);
 * 3. the body (at most 64 KiB) is decoded (`SmsRequest.decodeJson`) and resolved against the key
 *    (`Policy.resolve`): the answer is the Omnichannel success object plus the full resolution, or
 *    `{ errors: [...] }` Omnichannel error objects;
 * 4. when a DLR URL applies, a (simulated) delivery report is POSTed to it, signed with
 *    `X-Messente-Signature` (`DeliveryReport.sign`).
 *
 * Nothing is actually sent to a phone: this is the policy half of a gateway.
 */
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { Allowlist, ApiKey, DeliveryReport, Policy, SmsRequest } from "@septet/core";
import { Effect, Result, Schema } from "effect";

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
    return { key, secret: config.secret, options: { dlr, leftovers: config.leftovers ?? "keep" } };
  });

/** The outcome of one delivery report sent by the gateway. */
export type DeliveryOutcome =
  | { readonly url: string; readonly status: number }
  | { readonly url: string; readonly error: string };

/** Hooks for logging and tests. */
export interface GatewayHooks {
  readonly onDelivery?: (outcome: DeliveryOutcome) => void;
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

/** POSTs a signed delivery report; never throws (the outcome goes to the hook). */
const deliver = async (gateway: Gateway, url: string, report: object, hooks: GatewayHooks) => {
  try {
    // Re-check right before calling: the URL is the only thing an outsider controls here.
    await Effect.runPromise(DeliveryReport.checkUrl(url, gateway.options.dlr));
    const body = JSON.stringify(report);
    const signature = await Effect.runPromise(DeliveryReport.sign(gateway.secret, body));
    const response = await fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", [DeliveryReport.SIGNATURE_HEADER]: signature },
      body,
      // A redirect could lead anywhere, including a private address: never follow one.
      redirect: "manual",
      signal: AbortSignal.timeout(5_000),
    });
    await response.body?.cancel();
    hooks.onDelivery?.({ url, status: response.status });
  } catch (error) {
    hooks.onDelivery?.({ url, error: error instanceof Error ? error.message : String(error) });
  }
};

const handleMessage = async (
  gateway: Gateway,
  hooks: GatewayHooks,
  req: IncomingMessage,
  res: ServerResponse,
) => {
  // 1. Who is calling? The socket's address, never a header (X-Forwarded-For is client-controlled).
  const authorized = Effect.runSync(
    Effect.result(Policy.authorize(gateway.key, req.socket.remoteAddress ?? "")),
  );
  if (Result.isFailure(authorized)) {
    req.resume();
    return sendErrors(res, Policy.toOmnichannelErrors(authorized.failure));
  }
  // 2. The request, capped and decoded.
  const bytes = await readBody(req);
  if (bytes === undefined) {
    return send(res, 413, {
      errors: [
        {
          title: "Invalid data",
          detail: `body over ${MAX_BODY_BYTES} bytes`,
          code: "105",
          source: "payload",
        },
      ],
    });
  }
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
    );
  }
};

/** Creates the HTTP server (not yet listening). */
export const createGateway = (gateway: Gateway, hooks: GatewayHooks = {}): Server =>
  createServer((req, res) => {
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
    handleMessage(gateway, hooks, req, res).catch(() => {
      if (!res.headersSent)
        send(res, 500, { errors: [{ title: "Internal Server Error", detail: "", code: "104", source: "" }] });
    });
  });

/** Starts a gateway on `host:port` (port 0: any free port) and resolves with its address. */
export const listen = (server: Server, port: number, host: string): Promise<AddressInfo> =>
  new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve(server.address() as AddressInfo));
  });
