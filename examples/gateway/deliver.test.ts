import { lookup as dnsLookup } from "node:dns";
import { createServer as createHttpServer, type Server } from "node:http";
import {
  type AddressInfo,
  createServer as createNetServer,
  type Server as NetServer,
  type Socket,
} from "node:net";
import { Allowlist, Egress } from "@septet/core";
import { Effect } from "effect";
import { afterEach, describe, expect, it } from "vitest";
import { postReport } from "./deliver.js";

/** A TCP listener on 127.0.0.1 that counts every connection it accepts (and answers nothing). */
const startTrap = async () => {
  let connections = 0;
  const server: NetServer = createNetServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, connections: () => connections };
};

/** An HTTP listener on 127.0.0.1 answering every request with `status` (and `headers`). */
const startHttp = async (status: number, headers: Record<string, string> = {}) => {
  const paths: Array<string> = [];
  const server: Server = createHttpServer((req, res) => {
    paths.push(req.url ?? "");
    req.resume();
    res.writeHead(status, headers).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, port: (server.address() as AddressInfo).port, paths };
};

const open: Array<NetServer | Server> = [];
afterEach(async () => {
  await Promise.all(
    open.splice(0).map((s) => {
      const closed = new Promise((resolve) => s.close(resolve));
      if ("closeAllConnections" in s) s.closeAllConnections();
      return closed;
    }),
  );
});

/** A resolver stub: every name resolves to 127.0.0.1, like a rebinding attacker's DNS. */
const rebinding: Egress.Resolver = (_hostname, _options, callback) =>
  callback(null, [{ address: "127.0.0.1", family: 4 }]);

const loopback = Effect.runSync(Allowlist.make(["127.0.0.1"]));
const post = (url: string, transport: Parameters<typeof postReport>[3] = {}) =>
  postReport(new URL(url), "{}", { "content-type": "application/json" }, transport);

describe("postReport: the guarded delivery transport", () => {
  it.each([
    ["https://localhost:PORT/dlr", dnsLookup as Egress.Resolver],
    ["http://localhost:PORT/internal-admin?x=1", dnsLookup as Egress.Resolver],
    ["http://sub.localhost:PORT/", rebinding],
    ["https://dlr.example.com:PORT/dlr", rebinding],
    ["http://dlr.example.com:PORT/internal-admin?x=1", rebinding],
    ["http://127.0.0.1:PORT/", rebinding],
    ["http://127.0.0.2:PORT/", rebinding],
    ["http://[::ffff:127.0.0.1]:PORT/", rebinding],
    ["http://[::ffff:0:127.0.0.1]:PORT/", rebinding],
    ["http://[::1]:PORT/", rebinding],
    ["http://0x7f.1:PORT/", rebinding],
  ])("never reaches a local listener through %s", async (template, resolver) => {
    const trap = await startTrap();
    open.push(trap.server);
    const url = template.replace("PORT", String(trap.port));
    const failure = await post(url, { resolver }).then(
      (status) => new Error(`reached it: ${status}`),
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(Egress.RefusedAddress);
    expect(trap.connections()).toBe(0);
  });

  it("reaches an allowed special-purpose listener (the control: the trap would have counted it)", async () => {
    const receiver = await startHttp(204);
    open.push(receiver.server);
    const status = await post(`http://dlr.example.com:${receiver.port}/dlr`, {
      resolver: rebinding,
      allowSpecialPurpose: loopback,
    });
    expect(status).toBe(204);
    expect(receiver.paths).toStrictEqual(["/dlr"]);
  });

  it("does not follow a redirect, even to an allowed address", async () => {
    const target = await startHttp(204);
    const redirecting = await startHttp(302, { location: `http://127.0.0.1:${target.port}/internal` });
    open.push(target.server, redirecting.server);
    const status = await post(`http://127.0.0.1:${redirecting.port}/dlr`, { allowSpecialPurpose: loopback });
    expect(status).toBe(302);
    expect(redirecting.paths).toStrictEqual(["/dlr"]);
    expect(target.paths).toStrictEqual([]);
  });

  it("gives up on a receiver that never answers (total timeout) and on abort", async () => {
    const held: Array<Socket> = [];
    const silent = createNetServer((socket) => held.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const port = (silent.address() as AddressInfo).port;
    await expect(
      post(`http://127.0.0.1:${port}/`, { allowSpecialPurpose: loopback, totalTimeoutMs: 100 }),
    ).rejects.toMatchObject({ name: "TimeoutError" });
    const controller = new AbortController();
    const pending = post(`http://127.0.0.1:${port}/`, {
      allowSpecialPurpose: loopback,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: "AbortError" });
    for (const socket of held) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  it("passes a resolver failure on", async () => {
    const failing: Egress.Resolver = (_h, _o, callback) =>
      callback(Object.assign(new Error("getaddrinfo ENOTFOUND nowhere.invalid"), { code: "ENOTFOUND" }), []);
    await expect(post("https://nowhere.invalid/", { resolver: failing })).rejects.toMatchObject({
      code: "ENOTFOUND",
    });
  });
});
