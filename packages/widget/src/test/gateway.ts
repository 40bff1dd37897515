/**
 * Node side of the key settings → gateway test: starts `examples/gateway` with the key config
 * the element emitted and sends it requests from a given loopback address, so the Chromium test
 * can compare the gateway's decisions with what the element showed. Reached from the browser
 * through the `gatewayReplay` command of vitest.config.ts.
 */
import { Effect } from "effect";
import { createGateway, listen, loadConfig } from "../../../../examples/gateway/gateway.js";

/** One request: its Omnichannel body and the loopback address it is sent from. */
export interface Call {
  readonly from: "127.0.0.1" | "::1";
  readonly body: unknown;
}

/** The gateway's answer to one call: the HTTP status and the JSON body. */
export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Loads `key` into a gateway config (the example's own `loadConfig`) and replays `calls`. */
export const replay = async (key: unknown, calls: ReadonlyArray<Call>): Promise<ReadonlyArray<Answer>> => {
  const gateway = await Effect.runPromise(loadConfig({ key, secret: "test-secret-0123456789abcdef" }));
  const server = createGateway(gateway);
  // Dual stack: a client on 127.0.0.1 arrives as ::ffff:127.0.0.1, as on most production hosts.
  const { port } = await listen(server, 0, "::");
  try {
    const answers: Array<Answer> = [];
    for (const call of calls) {
      const host = call.from === "::1" ? "[::1]" : "127.0.0.1";
      const response = await fetch(`http://${host}:${port}/v1/omnimessage`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(call.body),
      });
      answers.push({ status: response.status, body: await response.json() });
    }
    return answers;
  } finally {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
};
