/**
 * The gateway under attack, on loopback: SSRF through DLR URLs, floods, spoofed client
 * addresses, slow clients and shutdown.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, request, type Server } from "node:http";
import { type AddressInfo, connect, createServer as createNetServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Egress, Policy } from "@septet/core";
import { Effect, Result } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import {
  createGateway,
  type DeliveryOutcome,
  type Gateway,
  type GatewayHooks,
  listen,
  loadConfig,
  shutdown,
} from "./gateway.js";

const SECRET = "test-secret-0123456789abcdef";
const root = fileURLToPath(new URL("../..", import.meta.url));

const load = (config: unknown): Gateway => {
  const result = Effect.runSync(Effect.result(loadConfig(config)));
  if (Result.isFailure(result)) throw result.failure;
  return result.success;
};

const config = (extra: Record<string, unknown> = {}, key: Record<string, unknown> = {}) => ({
  key: { name: "test", ipWhitelist: ["127.0.0.0/8", "::1"], defaultSender: "Shop", ...key },
  secret: SECRET,
  ...extra,
});

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

const closeServer = (server: Server | ReturnType<typeof createNetServer>) =>
  new Promise((resolve) => {
    server.close(resolve);
    if ("closeAllConnections" in server) server.closeAllConnections();
  });

/** Starts a gateway on 127.0.0.1; deliveries are queued for `nextDelivery`. */
const startGateway = async (gateway: Gateway, hooks: Omit<GatewayHooks, "onDelivery"> = {}) => {
  const outcomes: Array<DeliveryOutcome> = [];
  const waiters: Array<(o: DeliveryOutcome) => void> = [];
  const server = createGateway(gateway, {
    ...hooks,
    onDelivery: (o) => {
      const waiter = waiters.shift();
      if (waiter !== undefined) waiter(o);
      else outcomes.push(o);
    },
  });
  const address = await listen(server, 0, "127.0.0.1");
  cleanup.push(() => closeServer(server));
  const nextDelivery = () =>
    new Promise<DeliveryOutcome>((resolve) => {
      const ready = outcomes.shift();
      if (ready !== undefined) resolve(ready);
      else waiters.push(resolve);
    });
  return { server, port: address.port, nextDelivery };
};

interface Answer {
  readonly status: number;
  readonly headers: Record<string, string | Array<string> | undefined>;
  readonly json: { readonly errors?: ReadonlyArray<Policy.OmnichannelError> };
}

/** One HTTP request to the gateway from `localAddress` (a 127.0.0.0/8 address). */
const call = (
  port: number,
  options: { method?: string; body?: string; localAddress?: string; headers?: Record<string, string> } = {},
) =>
  new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/v1/omnimessage",
        method: options.method ?? "POST",
        localAddress: options.localAddress ?? "127.0.0.1",
        agent: false,
        headers: { "content-type": "application/json", ...options.headers },
      },
      (res) => {
        const chunks: Array<Buffer> = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json: JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}"),
          }),
        );
      },
    );
    req.on("error", reject);
    req.end(options.body);
  });

const message = (extra: Record<string, unknown> = {}) =>
  JSON.stringify({ to: "+37251000000", messages: [{ channel: "sms", text: "Hi" }], ...extra });

/** A TCP listener on 127.0.0.1 that counts the connections it accepts. */
const startTrap = async () => {
  let connections = 0;
  const server = createNetServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanup.push(() => closeServer(server));
  return { port: (server.address() as AddressInfo).port, connections: () => connections };
};

/** Every name resolves to 127.0.0.1: a DNS rebinding attacker's answer. */
const rebinding: Egress.Resolver = (_hostname, _options, callback) =>
  callback(null, [{ address: "127.0.0.1", family: 4 }]);

describe("DLR URLs never reach a local listener", () => {
  it.each([
    ["the default strict config, https://localhost", {}, "https://localhost:PORT/dlr", undefined],
    [
      "allowHttp, http://localhost",
      { dlr: { allowHttp: true } },
      "http://localhost:PORT/internal-admin?x=1",
      undefined,
    ],
    // Resolvers such as systemd-resolved answer 127.0.0.1 for every *.localhost name (RFC 6761).
    ["allowHttp, *.localhost", { dlr: { allowHttp: true } }, "http://admin.localhost:PORT/", rebinding],
    ["a rebinding name", {}, "https://dlr.example.com:PORT/dlr", rebinding],
    [
      "allowHttp, a rebinding name",
      { dlr: { allowHttp: true } },
      "http://dlr.example.com:PORT/internal-admin?x=1",
      rebinding,
    ],
    [
      "allowHttp, the SIIT form of 127.0.0.1",
      { dlr: { allowHttp: true } },
      "http://[::ffff:0:127.0.0.1]:PORT/",
      rebinding,
    ],
  ])("%s", async (_name, extra, template, resolver) => {
    const trap = await startTrap();
    const gateway = await startGateway(load(config(extra)), resolver === undefined ? {} : { resolver });
    const url = template.replace("PORT", String(trap.port));
    const answer = await call(gateway.port, { body: message({ dlr_url: url }) });
    // Refused up front by the URL check (400), or accepted and then refused at connect time.
    if (answer.status === 201) {
      const outcome = await gateway.nextDelivery();
      expect(outcome).toMatchObject({ error: expect.stringMatching(/^refusing to connect to /) });
    } else {
      expect(answer.status).toBe(400);
      expect(answer.json.errors?.[0]).toMatchObject({ code: "105", source: "payload[dlr_url]" });
    }
    expect(trap.connections()).toBe(0);
  });

  it("the control: an explicitly allowed loopback receiver is reached through the same path", async () => {
    let received = 0;
    const receiver = createHttpServer((req, res) => {
      received++;
      req.resume();
      res.writeHead(200).end();
    });
    const address = await listen(receiver, 0, "127.0.0.1");
    cleanup.push(() => closeServer(receiver));
    const gateway = await startGateway(
      load(config({ dlr: { allowHttp: true, allowSpecialPurpose: ["127.0.0.1"] } })),
      { resolver: rebinding },
    );
    const url = `http://dlr.example.com:${address.port}/dlr`;
    expect((await call(gateway.port, { body: message({ dlr_url: url }) })).status).toBe(201);
    expect(await gateway.nextDelivery()).toStrictEqual({ url, status: 200 });
    expect(received).toBe(1);
  });
});

describe("deliveries in flight", () => {
  it("drops a report past dlr.maxInFlight instead of holding one more socket, and takes new ones once a slot frees", async () => {
    // A receiver that stalls: it answers only when told.
    const held: Array<() => void> = [];
    const receiver = createHttpServer((req, res) => {
      req.resume();
      held.push(() => res.writeHead(200).end());
    });
    const address = await listen(receiver, 0, "127.0.0.1");
    cleanup.push(() => closeServer(receiver));
    const dlr = { allowHttp: true, allowSpecialPurpose: ["127.0.0.1"], maxInFlight: 2, timeoutMs: 300_000 };
    const gateway = await startGateway(load(config({ dlr })), { resolver: rebinding });
    const url = `http://dlr.example.com:${address.port}/dlr`;
    const send = async () =>
      expect((await call(gateway.port, { body: message({ dlr_url: url }) })).status).toBe(201);
    await send();
    await send();
    // Wait until the receiver holds both, so the third is certainly over the cap.
    while (held.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    await send();
    expect(await gateway.nextDelivery()).toStrictEqual({
      url,
      error: "more than 2 deliveries in flight: this report is dropped",
    });
    for (const answer of held.splice(0)) answer();
    expect(await gateway.nextDelivery()).toStrictEqual({ url, status: 200 });
    expect(await gateway.nextDelivery()).toStrictEqual({ url, status: 200 });
    await send();
    while (held.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    for (const answer of held.splice(0)) answer();
    expect(await gateway.nextDelivery()).toStrictEqual({ url, status: 200 });
  });

  it("defaults to 256 deliveries in flight", () => {
    expect(load(config()).delivery.maxInFlight).toBe(256);
  });
});

describe("throttling per client address", () => {
  it("answers 429 with Retry-After to a flood from one address while another is served", async () => {
    // A frozen clock: no token comes back during the test, so the counts are exact.
    let now = 0;
    const gateway = await startGateway(load(config({ throttle: { perSecond: 20 } })), { now: () => now });
    const flood = await Promise.all(
      Array.from({ length: 60 }, () => call(gateway.port, { method: "GET", localAddress: "127.0.0.2" })),
    );
    const statuses = flood.map((a) => a.status);
    expect(statuses.filter((s) => s === 405)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(40);
    const refused = flood.find((a) => a.status === 429);
    expect(refused?.headers["retry-after"]).toBe("1");
    expect(refused?.json.errors?.[0]).toMatchObject({ title: "Too Many Requests", source: "address" });
    // Another address, during and after the flood, is not throttled.
    const [other] = await Promise.all([
      call(gateway.port, { body: message(), localAddress: "127.0.0.3" }),
      ...Array.from({ length: 20 }, () => call(gateway.port, { method: "GET", localAddress: "127.0.0.2" })),
    ]);
    expect(other?.status).toBe(201);
    // A second later the flooding address has its budget back.
    now += 1_000;
    expect((await call(gateway.port, { method: "GET", localAddress: "127.0.0.2" })).status).toBe(405);
  });

  it("defaults to 150 requests per second, as the provider documents", () => {
    expect(load(config()).throttle).toStrictEqual({ perSecond: 150, burst: 150 });
  });
});

describe("client address behind trusted proxies", () => {
  const behindProxy = (trustedProxies?: ReadonlyArray<string>, proxyHeader?: string) =>
    load(
      config(
        { ...(trustedProxies && { trustedProxies }), ...(proxyHeader && { proxyHeader }) },
        { ipWhitelist: ["203.0.113.0/24"] },
      ),
    );

  it.each([
    // trusted proxies   header                                        status  refused address
    [["127.0.0.1"], { "x-forwarded-for": "203.0.113.9" }, 201, undefined],
    [["127.0.0.1"], { "x-forwarded-for": "203.0.113.9, 198.51.100.1" }, 403, "198.51.100.1"],
    [["127.0.0.1"], { "x-forwarded-for": "198.51.100.1, 203.0.113.9" }, 201, undefined],
    [["127.0.0.1"], { forwarded: "for=203.0.113.9" }, 403, "127.0.0.1"],
    [["127.0.0.1"], {}, 403, "127.0.0.1"],
    [undefined, { "x-forwarded-for": "203.0.113.9" }, 403, "127.0.0.1"],
    [["10.0.0.0/8"], { "x-forwarded-for": "203.0.113.9" }, 403, "127.0.0.1"],
  ] as const)("trusting %j, headers %j: %d", async (trusted, headers, status, refused) => {
    const gateway = await startGateway(behindProxy(trusted));
    const answer = await call(gateway.port, { body: message(), headers });
    expect(answer.status).toBe(status);
    if (refused !== undefined)
      expect(answer.json.errors?.[0]?.detail).toBe(`address not in the key's IP whitelist: ${refused}`);
  });

  it("reads Forwarded when the proxies say so", async () => {
    const gateway = await startGateway(behindProxy(["127.0.0.1"], "forwarded"));
    const ok = await call(gateway.port, {
      body: message(),
      headers: { forwarded: 'for="203.0.113.9:4711"' },
    });
    expect(ok.status).toBe(201);
    const spoofed = await call(gateway.port, {
      body: message(),
      headers: { forwarded: "for=198.51.100.1", "x-forwarded-for": "203.0.113.9" },
    });
    expect(spoofed.status).toBe(403);
  });
});

/** Opens a connection that sends half a request and then nothing (slowloris). */
const slowClient = async (port: number) => {
  const socket: Socket = connect(port, "127.0.0.1");
  await new Promise((resolve) => socket.once("connect", resolve));
  socket.write("POST /v1/omnimessage HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
  const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
  socket.on("error", () => {});
  // Read whatever the server sends (a 408), so its end of the connection is seen.
  socket.resume();
  return { socket, closed };
};

describe("slow clients and shutdown", () => {
  it("refuses a headers timeout longer than the request timeout at load time", () => {
    const result = Effect.runSync(
      Effect.result(loadConfig(config({ server: { headersTimeoutMs: 5_000, requestTimeoutMs: 1_000 } }))),
    );
    expect(Result.isFailure(result) && result.failure.problems).toStrictEqual([
      "/server/headersTimeoutMs: 5000 must not exceed /server/requestTimeoutMs (1000)",
    ]);
  });

  it("drops a client whose headers do not arrive within headersTimeoutMs", async () => {
    const gateway = await startGateway(load(config({ server: { headersTimeoutMs: 300 } })));
    const slow = await slowClient(gateway.port);
    await slow.closed;
    expect(slow.socket.destroyed).toBe(true);
  });

  it("caps the connections one client address holds open (slowloris by count), not another's", async () => {
    // Headers may take ten minutes: only the cap can close a connection during this test.
    const slowConfig = {
      server: { headersTimeoutMs: 600_000, requestTimeoutMs: 600_000, maxConnectionsPerClient: 4 },
    };
    const gateway = await startGateway(load(config(slowConfig)));
    const open = (localAddress: string) => {
      const socket = connect({ port: gateway.port, host: "127.0.0.1", localAddress });
      socket.on("error", () => {});
      socket.write("POST /v1/omnimessage HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ");
      const closed = new Promise<void>((resolve) => socket.once("close", () => resolve()));
      cleanup.push(() => socket.destroy());
      return { socket, closed };
    };
    const flood = Array.from({ length: 6 }, () => open("127.0.0.2"));
    let dropped = 0;
    await new Promise<void>((resolve) => {
      for (const { closed } of flood)
        void closed.then(() => {
          if (++dropped === 2) resolve();
        });
    });
    // Another address is served while the flooding one holds its four.
    expect((await call(gateway.port, { body: message(), localAddress: "127.0.0.3" })).status).toBe(201);
    expect(flood.filter(({ socket }) => !socket.destroyed)).toHaveLength(4);
    // A slot freed is a slot the same address may use again, once the server has seen the close
    // (it may see it after the client does: retry a connection reset).
    const kept = flood.find(({ socket }) => !socket.destroyed);
    kept?.socket.destroy();
    await kept?.closed;
    let status = 0;
    for (let attempt = 0; status === 0 && attempt < 50; attempt++) {
      status = await call(gateway.port, { method: "GET", localAddress: "127.0.0.2" }).then(
        (answer) => answer.status,
        () => new Promise<number>((resolve) => setTimeout(() => resolve(0), 20)),
      );
    }
    expect(status).toBe(405);
  });

  it("defaults to 256 connections per client address", () => {
    expect(load(config()).server.maxConnectionsPerClient).toBe(256);
  });

  it("shutdown closes idle connections at once and slow ones after the grace period", async () => {
    const gateway = await startGateway(load(config()));
    const slow = await slowClient(gateway.port);
    // An idle keep-alive connection: one full request, the socket left open.
    const idle = connect(gateway.port, "127.0.0.1");
    idle.on("error", () => {});
    const idleClosed = new Promise<void>((resolve) => idle.once("close", () => resolve()));
    idle.write("GET /v1/omnimessage HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: keep-alive\r\n\r\n");
    await new Promise((resolve) => idle.once("data", resolve));
    let slowFirst = false;
    void slow.closed.then(() => {
      slowFirst = true;
    });
    await shutdown(gateway.server, 300);
    await idleClosed;
    await slow.closed;
    expect(gateway.server.listening).toBe(false);
    expect(slowFirst).toBe(true);
  });

  it("the gateway process exits on SIGTERM with a slow client connected", async () => {
    const dir = mkdtempSync(join(tmpdir(), "septet-gateway-"));
    const file = join(dir, "config.json");
    writeFileSync(file, JSON.stringify(config({ server: { shutdownGraceMs: 300 } })));
    const script = (
      JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { scripts: Record<string, string> }
    ).scripts.gateway;
    // The root `gateway` script as pnpm would run it (its tools on PATH), exec'd so signals reach it.
    const child: ChildProcess = spawn("sh", ["-c", `exec ${script} --config "${file}" --port 0`], {
      cwd: root,
      env: {
        ...process.env,
        PATH: [dirname(process.execPath), join(root, "node_modules/.bin"), process.env.PATH].join(delimiter),
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    cleanup.push(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    const exited = new Promise<number | string | null>((resolve) =>
      child.once("exit", (code, signal) => resolve(code ?? `killed by ${signal}\n${output}`)),
    );
    let output = "";
    const port = await new Promise<number>((resolve, reject) => {
      child.stdout?.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
        const found = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(output);
        if (found?.[1] !== undefined) resolve(Number(found[1]));
      });
      child.stderr?.on("data", (chunk: Buffer) => {
        output += chunk.toString("utf8");
      });
      void exited.then(() => reject(new Error(`gateway exited before listening:\n${output}`)));
    });
    const slow = await slowClient(port);
    child.kill("SIGTERM");
    // Liveness, not speed: the process must exit at all (it used to stay up with slow clients).
    const code = await Promise.race([
      exited,
      new Promise<string>((resolve) => setTimeout(() => resolve("still running after 10 s"), 10_000).unref()),
    ]);
    expect(code).toBe(0);
    await slow.closed;
  }, 20_000);
});
