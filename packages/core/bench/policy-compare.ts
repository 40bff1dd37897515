/**
 * Throughput of the per-request policy pipeline and of delivery-report signature checks, with a
 * reference beside each (JSON.parse alone; node:crypto's HMAC), in one process.
 *
 * Run (from the repository root):
 *
 *   npx pnpm@12.4.2 run bench:policy      (= tsx packages/core/bench/policy-compare.ts)
 *
 * Prints a markdown table: operations per second (median of 5 rounds) and the ratio to the
 * reference of its group.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { Effect } from "effect";
import * as ApiKey from "../src/ApiKey.js";
import * as DeliveryReport from "../src/DeliveryReport.js";
import * as Policy from "../src/Policy.js";
import * as SmsRequest from "../src/SmsRequest.js";

const key = Effect.runSync(
  ApiKey.decode({
    name: "bench",
    ipWhitelist: ["203.0.113.0/24", "198.51.100.0/24", "2001:db8::/32", "127.0.0.1"],
    defaultSender: "Shop",
    autoReplace: "on",
    replacementTable: { "„": '"', "“": '"', "”": '"' },
    senders: ["Shop", "+37251000000"],
  }),
);
const raw = JSON.stringify({
  to: "+37251000000",
  dlr_url: "https://example.com/dlr",
  messages: [
    {
      channel: "sms",
      text: "„Tere“ – your code is 123456. Thank you for shopping with us!",
      autoconvert: "full",
    },
  ],
});
const request = Effect.runSync(SmsRequest.decodeJson(raw));
const secret = "bench-secret-0123456789";
const body = JSON.stringify({
  status: "DELIVRD",
  err: 0,
  error: null,
  message_id: "m",
  timestamp: "2020-02-03T14:16:41",
});
const signature = createHmac("sha256", secret).update(body).digest("hex");

const median = (xs: Array<number>) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const measureSync = (fn: () => void, iterations: number) => {
  for (let i = 0; i < iterations / 10; i++) fn();
  const rounds: Array<number> = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) fn();
    rounds.push(iterations / ((performance.now() - start) / 1000));
  }
  return median(rounds);
};

const measureAsync = async (fn: () => Promise<unknown>, iterations: number) => {
  for (let i = 0; i < iterations / 10; i++) await fn();
  const rounds: Array<number> = [];
  for (let r = 0; r < 5; r++) {
    const start = performance.now();
    for (let i = 0; i < iterations; i++) await fn();
    rounds.push(iterations / ((performance.now() - start) / 1000));
  }
  return median(rounds);
};

const rows: Array<[string, number, number]> = [];
const group = (entries: Array<[string, number]>) => {
  const reference = entries[0]![1];
  for (const [name, ops] of entries) rows.push([name, ops, ops / reference]);
};

group([
  ["JSON.parse only (reference)", measureSync(() => JSON.parse(raw), 50_000)],
  ["SmsRequest.decodeJson", measureSync(() => Effect.runSync(SmsRequest.decodeJson(raw)), 10_000)],
  [
    "Policy.resolve (decoded request)",
    measureSync(() => Effect.runSync(Policy.resolve(key, request)), 10_000),
  ],
  [
    "Policy.authorize + decodeJson + resolve",
    measureSync(
      () =>
        Effect.runSync(
          Policy.authorize(key, "::ffff:203.0.113.7").pipe(
            Effect.andThen(SmsRequest.decodeJson(raw)),
            Effect.flatMap((r) => Policy.resolve(key, r)),
          ),
        ),
      10_000,
    ),
  ],
]);
group([
  [
    "node:crypto createHmac + timingSafeEqual (reference)",
    measureSync(() => {
      timingSafeEqual(createHmac("sha256", secret).update(body).digest(), Buffer.from(signature, "hex"));
    }, 50_000),
  ],
  [
    "DeliveryReport.verify (Web Crypto, async)",
    await measureAsync(() => Effect.runPromise(DeliveryReport.verify(secret, body, signature)), 10_000),
  ],
]);

console.log(`Node ${process.version}\n`);
console.log("| operation | ops/s | ratio to reference |");
console.log("| --- | ---: | ---: |");
for (const [name, ops, ratio] of rows)
  console.log(`| ${name} | ${Math.round(ops).toLocaleString("en")} | ${ratio.toFixed(3)} |`);
