/**
 * Runs the reference gateway:
 *
 *   npx pnpm@12.4.2 run gateway [--config examples/gateway/config.example.json] [--port 8080] [--host 127.0.0.1]
 *
 * Then, from an address in the key's whitelist:
 *
 *   curl -s -X POST http://127.0.0.1:8080/v1/omnimessage -H 'content-type: application/json' \
 *     -d '{"to":"+37251000000","messages":[{"channel":"sms","text":"Hello – world"}]}'
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { Effect } from "effect";
import { createGateway, listen, loadConfig, shutdown } from "./gateway.js";

const { values } = parseArgs({
  options: {
    config: { type: "string", default: new URL("./config.example.json", import.meta.url).pathname },
    port: { type: "string", default: process.env.PORT ?? "8080" },
    host: { type: "string", default: "127.0.0.1" },
  },
});

let json: unknown;
try {
  json = JSON.parse(readFileSync(values.config, "utf8"));
} catch (error) {
  console.error(`Cannot read ${values.config}: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

const loaded = await Effect.runPromise(Effect.result(loadConfig(json)));
if (loaded._tag === "Failure") {
  console.error(loaded.failure.message);
  process.exit(1);
}

const server = createGateway(loaded.success, {
  onDelivery: (outcome) => console.log("delivery report", JSON.stringify(outcome)),
});
// Graceful stop: idle connections close at once, requests in progress get the grace period, then
// every connection is cut. A second signal stops at once. Installed before listening, so a signal
// right after start-up is handled too.
let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`${signal}: stopping within ${loaded.success.server.shutdownGraceMs} ms`);
    void shutdown(server, loaded.success.server.shutdownGraceMs).then(() => process.exit(0));
  });
}
const address = await listen(server, Number(values.port), values.host);
console.log(
  `septet gateway for key "${loaded.success.key.name}" on http://${address.address}:${address.port}/v1/omnimessage`,
);
