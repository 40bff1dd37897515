import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import { type AddressInfo, connect } from "node:net";
import { DeliveryReport, type Policy } from "@septet/core";
import { Effect, Result } from "effect";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway, type DeliveryOutcome, type Gateway, listen, loadConfig } from "./gateway.js";

const SECRET = "test-secret-0123456789abcdef";

interface Received {
  readonly body: string;
  readonly signature: string | undefined;
  readonly verified: boolean;
}

const readAll = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    const chunks: Array<Buffer> = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
  });

/** A DLR receiver, as the key owner would run it: verify the signature on the raw body first. */
const startReceiver = async () => {
  const received: Array<Received> = [];
  const waiters: Array<(r: Received) => void> = [];
  const server = createServer(async (req, res) => {
    const body = await readAll(req);
    const signature = req.headers["x-messente-signature"];
    const given = typeof signature === "string" ? signature : undefined;
    const verified = Result.isSuccess(
      await Effect.runPromise(Effect.result(DeliveryReport.verify(SECRET, body, given ?? ""))),
    );
    res.writeHead(verified ? 200 : 401).end();
    const entry = { body, signature: given, verified };
    const waiter = waiters.shift();
    if (waiter !== undefined) waiter(entry);
    else received.push(entry);
  });
  const address = await listen(server, 0, "127.0.0.1");
  const next = () =>
    new Promise<Received>((resolve) => {
      const ready = received.shift();
      if (ready !== undefined) resolve(ready);
      else waiters.push(resolve);
    });
  return { server, url: `http://127.0.0.1:${address.port}/dlr`, next };
};

const load = (config: unknown): Gateway => {
  const result = Effect.runSync(Effect.result(loadConfig(config)));
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};

const config = (key: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
  key: { name: "test", ipWhitelist: ["127.0.0.1", "::1"], defaultSender: "Shop", ...key },
  secret: SECRET,
  // The test's receiver is on loopback over http: both must be allowed explicitly.
  dlr: { allowHttp: true, allowSpecialPurpose: ["127.0.0.1"] },
  ...extra,
});

const close = (server: Server) => new Promise<void>((resolve) => server.close(() => resolve()));

/** The gateway's JSON answers (success and error shapes together, for brevity). */
interface Answer {
  readonly errors: ReadonlyArray<Policy.OmnichannelError>;
  readonly messages: ReadonlyArray<{ readonly message_id: string }>;
  readonly omnimessage_id: string;
  readonly resolution: Policy.Resolution;
}

const post = async (base: string, body: string | Uint8Array<ArrayBuffer>, path = "/v1/omnimessage") => {
  const response = await fetch(`${base}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  return { status: response.status, json: (await response.json()) as Answer };
};

describe("examples/gateway", () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let gateway: Server;
  let base: string;
  const deliveries: Array<DeliveryOutcome> = [];

  beforeAll(async () => {
    receiver = await startReceiver();
    gateway = createGateway(load(config({ replacementTable: { "„": '"', "“": '"' } })), {
      onDelivery: (o) => deliveries.push(o),
    });
    const address: AddressInfo = await listen(gateway, 0, "127.0.0.1");
    base = `http://127.0.0.1:${address.port}`;
  });

  afterAll(async () => {
    await close(gateway);
    await close(receiver.server);
  });

  it("resolves a request and sends a signed delivery report the receiver verifies", async () => {
    const { status, json } = await post(
      base,
      JSON.stringify({
        to: "+37251000000",
        dlr_url: receiver.url,
        messages: [{ channel: "sms", text: "„Tere“ – 😀", autoconvert: "full" }],
      }),
    );
    expect(status).toBe(201);
    expect(json.resolution.sender).toStrictEqual({
      value: "Shop",
      provenance: "apiKey",
      field: "apiKey[defaultSender]",
    });
    expect(json.resolution.autoReplace).toStrictEqual({
      value: "full",
      provenance: "request",
      field: "payload[messages][0][autoconvert]",
    });
    expect(json.resolution.dlrUrl).toStrictEqual({
      value: receiver.url,
      provenance: "request",
      field: "payload[dlr_url]",
    });
    expect(json.resolution.originalText).toBe("„Tere“ – 😀");
    expect(json.resolution.text.startsWith('"Tere" - ')).toBe(true);
    expect(json.resolution.leftovers).toHaveLength(1);

    const report = await receiver.next();
    expect(report.verified).toBe(true);
    // Independent check of the signature with node:crypto.
    expect(report.signature).toBe(createHmac("sha256", SECRET).update(report.body).digest("hex"));
    const decoded = Effect.runSync(DeliveryReport.decode(report.body));
    expect(decoded.status).toBe("DELIVRD");
    expect(decoded.message_id).toBe(json.messages[0]?.message_id);
    expect(decoded.omnimessage_id).toBe(json.omnimessage_id);
    expect(decoded.timestamp).toBeInstanceOf(Date);
  });

  it("the receiver refuses a report signed with another secret", async () => {
    const body = '{"status":"DELIVRD"}';
    const response = await fetch(receiver.url, {
      method: "POST",
      headers: { "X-Messente-Signature": createHmac("sha256", "wrong").update(body).digest("hex") },
      body,
    });
    expect(response.status).toBe(401);
    expect((await receiver.next()).verified).toBe(false);
  });

  it("uses the key's DLR URL when the request names none", async () => {
    const keyed = createGateway(load(config({ dlrUrl: receiver.url })));
    const address = await listen(keyed, 0, "127.0.0.1");
    try {
      const { status, json } = await post(
        `http://127.0.0.1:${address.port}`,
        JSON.stringify({ to: "+37251000000", messages: [{ channel: "sms", text: "Hi", sender: "Other" }] }),
      );
      expect(status).toBe(201);
      expect(json.resolution.dlrUrl.provenance).toBe("apiKey");
      expect(json.resolution.sender.provenance).toBe("request");
      expect((await receiver.next()).verified).toBe(true);
    } finally {
      await close(keyed);
    }
  });

  it("answers 403 / 102 to an address outside the whitelist", async () => {
    const closed = createGateway(load(config({ ipWhitelist: ["203.0.113.0/24"] })));
    const address = await listen(closed, 0, "127.0.0.1");
    try {
      const { status, json } = await post(`http://127.0.0.1:${address.port}`, "{}");
      expect(status).toBe(403);
      expect(json.errors).toStrictEqual([
        {
          title: "Forbidden",
          detail: "address not in the key's IP whitelist: 127.0.0.1",
          code: "102",
          source: "address",
        },
      ]);
    } finally {
      await close(closed);
    }
  });

  it("answers 400 with every problem of an invalid request", async () => {
    const { status, json } = await post(base, JSON.stringify({ to: "5", messages: [{ channel: "sms" }] }));
    expect(status).toBe(400);
    expect(json.errors.map((e: { code: string; source: string }) => `${e.code} ${e.source}`)).toStrictEqual([
      "105 payload[to]",
      "106 payload[messages][0][text]",
    ]);
  });

  it.each([
    ["an empty sender", { sender: "" }, {}, "105", "payload[messages][0][sender]"],
    ["an upper-case autoconvert", { autoconvert: "FULL" }, {}, "105", "payload[messages][0][autoconvert]"],
    ["a private DLR URL", {}, { dlr_url: "http://10.0.0.1/dlr" }, "105", "payload[dlr_url]"],
    ["a loopback IPv6 DLR URL", {}, { dlr_url: "http://[::1]:9/dlr" }, "105", "payload[dlr_url]"],
    ["a metadata-service DLR URL", {}, { dlr_url: "http://169.254.169.254/" }, "105", "payload[dlr_url]"],
    ["a DLR URL with user info", {}, { dlr_url: "http://a:b@127.0.0.1/" }, "105", "payload[dlr_url]"],
  ])("answers 400 to %s", async (_, message, top, code, source) => {
    const { status, json } = await post(
      base,
      JSON.stringify({ to: "+37251000000", messages: [{ channel: "sms", text: "Hi", ...message }], ...top }),
    );
    expect(status).toBe(400);
    expect(json.errors[0]).toMatchObject({ code, source });
  });

  it("answers 400 / 106 when no sender applies", async () => {
    const noSender = createGateway(load(config({ defaultSender: null })));
    const address = await listen(noSender, 0, "127.0.0.1");
    try {
      const { status, json } = await post(
        `http://127.0.0.1:${address.port}`,
        JSON.stringify({ to: "+37251000000", messages: [{ channel: "sms", text: "Hi" }] }),
      );
      expect(status).toBe(400);
      expect(json.errors[0]).toMatchObject({ code: "106", source: "payload[messages][0][sender]" });
    } finally {
      await close(noSender);
    }
  });

  it("survives hostile bodies: __proto__ keys, invalid JSON, invalid UTF-8, oversized", async () => {
    const proto = await post(
      base,
      '{"to":"+37251000000","__proto__":{"dlr_url":"http://127.0.0.1:1/"},"messages":[{"channel":"sms","text":"Hi","__proto__":{"sender":"EVIL"}}]}',
    );
    expect(proto.status).toBe(201);
    expect(proto.json.resolution.sender.value).toBe("Shop");
    expect(proto.json.resolution.dlrUrl.value).toBeNull();
    expect((await post(base, "{")).json.errors[0]).toMatchObject({ code: "105", source: "payload" });
    expect((await post(base, new Uint8Array([0x7b, 0xff, 0x7d]))).json.errors[0]?.detail).toBe(
      "body is not UTF-8",
    );
    expect((await post(base, `"${"a".repeat(70_000)}"`)).status).toBe(413);
  });

  it("refuses a declared length over the cap at once, before the body is sent", async () => {
    // Only the headers go out: the answer must come without waiting for a body that never will.
    const { port } = new URL(base);
    const socket = connect(Number(port), "127.0.0.1");
    socket.write(
      "POST /v1/omnimessage HTTP/1.1\r\nHost: localhost\r\ncontent-type: application/json\r\n" +
        "content-length: 10000000\r\n\r\n{",
    );
    const answer = await new Promise<string>((resolve) => {
      let text = "";
      socket.on("data", (chunk: Buffer) => {
        text += chunk.toString("latin1");
      });
      socket.on("close", () => resolve(text));
    });
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer.toLowerCase()).toContain("connection: close");
    expect(answer).toContain("body over");
  });

  it("answers 404 and 405 outside POST /v1/omnimessage", async () => {
    expect((await post(base, "{}", "/other")).status).toBe(404);
    expect((await fetch(`${base}/v1/omnimessage`)).status).toBe(405);
  });

  it("reports every problem of a bad gateway config at once", () => {
    const result = Effect.runSync(
      Effect.result(
        loadConfig({
          key: {
            name: "",
            ipWhitelist: ["10.0.0.0/8", "10.1"],
            autoReplace: "ON",
            dlrUrl: "http://10.0.0.1/",
          },
          secret: SECRET,
        }),
      ),
    );
    expect(Result.isFailure(result) && result.failure.problems).toStrictEqual([
      "/key/name: Expected a value with a length of at least 1",
      expect.stringMatching(/^\/key\/ipWhitelist\/1: /),
      expect.stringMatching(/^\/key\/autoReplace: /),
      expect.stringMatching(/^\/key\/dlrUrl: /),
    ]);
  });

  it("never reached a refused DLR URL", () => {
    expect(deliveries.every((d) => "status" in d && d.url.startsWith(receiver.url))).toBe(true);
  });
});
