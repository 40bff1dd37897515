import { createHmac } from "node:crypto";
import { DeliveryReport } from "@septet/core";
import { Clock, Effect } from "effect";
import { describe, expect, it } from "vitest";
import { handle, memoryStore, type ReceiverConfig, receive } from "./receiver.js";

const NEW = "new API password";
const OLD = "old API password";
const sign = (secret: string, body: string) => createHmac("sha256", secret).update(body).digest("hex");
const bytes = (s: string) => new TextEncoder().encode(s);
const report = (fields: Record<string, unknown>) =>
  JSON.stringify({
    status: "DELIVRD",
    err: 0,
    message_id: "m-1",
    timestamp: "2026-12-06T12:00:00",
    ...fields,
  });

/** A clock fixed at `iso`, as Effect's `Clock` service. */
const at = (iso: string) => {
  const now = Date.parse(iso);
  return Effect.provideService(Clock.Clock, {
    ...Clock.Clock.defaultValue(),
    currentTimeMillis: Effect.succeed(now),
    currentTimeMillisUnsafe: () => now,
  });
};

const setup = () => {
  const processed: Array<DeliveryReport.Report> = [];
  const store = memoryStore();
  const config: ReceiverConfig = {
    secrets: [NEW, OLD],
    maxAge: "5 minutes",
    store,
    onReport: (r) => processed.push(r),
  };
  const call = (body: string, signature: string | null, now = "2026-12-06T12:01:00Z") =>
    Effect.runPromise(receive(config, bytes(body), signature).pipe(at(now)));
  return { processed, store, config, call };
};

describe("DLR receiver recipe", () => {
  it("processes a fresh report signed with the current secret once", async () => {
    const { processed, call } = setup();
    const body = report({});
    expect(await call(body, sign(NEW, body))).toMatchObject({ _tag: "Processed", secretIndex: 0 });
    expect(processed.map((r) => r.message_id)).toStrictEqual(["m-1"]);
  });

  it("accepts the previous secret during a rotation, and says so", async () => {
    const { call } = setup();
    const body = report({});
    expect(await call(body, sign(OLD, body))).toMatchObject({ _tag: "Processed", secretIndex: 1 });
  });

  it("answers a replay within the tolerance without processing it twice", async () => {
    const { processed, call } = setup();
    const body = report({});
    await call(body, sign(NEW, body));
    expect(await call(body, sign(NEW, body), "2026-12-06T12:04:00Z")).toMatchObject({ _tag: "Duplicate" });
    expect(processed).toHaveLength(1);
  });

  it("processes the next status of the same message", async () => {
    const { processed, call } = setup();
    const ack = report({ status: "ACK", err: null });
    const delivered = report({});
    await call(ack, sign(NEW, ack));
    await call(delivered, sign(NEW, delivered));
    expect(processed.map((r) => r.status)).toStrictEqual(["ACK", "DELIVRD"]);
  });

  it("never processes a replay twice at the tolerance's edge, where the clock moves between decode and claim", async () => {
    const { processed, config } = setup();
    const body = report({});
    const first = await Effect.runPromise(
      receive(config, bytes(body), sign(NEW, body)).pipe(at("2026-12-06T12:00:00Z")),
    );
    expect(first).toMatchObject({ _tag: "Processed" });
    // A clock one millisecond further at every read: decode sees the last accepted instant, the
    // store the first one after it, when the original entry has just expired.
    let now = Date.parse("2026-12-06T12:05:00Z");
    const ticking = Effect.provideService(Clock.Clock, {
      ...Clock.Clock.defaultValue(),
      currentTimeMillis: Effect.sync(() => now++),
      currentTimeMillisUnsafe: () => now++,
    });
    const replay = await Effect.runPromise(receive(config, bytes(body), sign(NEW, body)).pipe(ticking));
    expect(replay._tag).not.toBe("Processed");
    expect(processed).toHaveLength(1);
  });

  it("refuses a replay after the tolerance, when the dedupe entry is gone", async () => {
    const { processed, store, call } = setup();
    const body = report({});
    await call(body, sign(NEW, body));
    const later = await call(body, sign(NEW, body), "2026-12-06T12:05:00.001Z");
    expect(later).toMatchObject({ _tag: "Refused", status: 400 });
    expect(later._tag === "Refused" && later.reason).toContain("older than 300000 ms");
    // A later, unrelated report prunes the expired entry: the store does not grow forever.
    const other = report({ message_id: "m-2", timestamp: "2026-12-06T12:05:00" });
    await call(other, sign(NEW, other), "2026-12-06T12:05:01Z");
    expect(store.size()).toBe(1);
    expect(processed).toHaveLength(2);
  });

  it.each([
    ["a signature by a leaked, retired secret", (b: string) => sign("retired", b), 401],
    ["no signature", () => null, 401],
    ["a malformed signature", () => "sha256=abc", 401],
  ])("refuses %s with %s", async (_, signer, status) => {
    const { processed, call } = setup();
    const body = report({});
    expect(await call(body, signer(body))).toMatchObject({ _tag: "Refused", status });
    expect(processed).toHaveLength(0);
  });

  it("refuses a signed body that is not UTF-8 instead of reading U+FFFD into its fields", async () => {
    const { processed, config } = setup();
    const text = report({ error: "\u00e9" });
    const latin1 = Uint8Array.from(text, (c) => c.charCodeAt(0)); // é as one byte 0xE9
    const signature = createHmac("sha256", NEW).update(latin1).digest("hex");
    const outcome = await Effect.runPromise(
      receive(config, latin1, signature).pipe(at("2026-12-06T12:01:00Z")),
    );
    expect(outcome).toMatchObject({
      _tag: "Refused",
      status: 400,
      reason: "Invalid delivery report: /: not UTF-8",
    });
    expect(processed).toHaveLength(0);
  });

  it.each([
    ["a report without a timestamp", report({ timestamp: null }), 400],
    ["a report without a message id", report({ message_id: undefined }), 400],
    ["a report that does not decode", report({ status: "LOST" }), 400],
  ])("refuses %s", async (_, body, status) => {
    const { processed, call } = setup();
    expect(await call(body, sign(NEW, body))).toMatchObject({ _tag: "Refused", status });
    expect(processed).toHaveLength(0);
  });

  describe("as a fetch-style handler", () => {
    const request = (body: BodyInit, headers: Record<string, string>, method = "POST") =>
      new Request("https://receiver.example/dlr", { method, body: method === "POST" ? body : null, headers });

    it("answers 204, then 200 for the same report again", async () => {
      const { config } = setup();
      const body = report({ timestamp: new Date().toISOString() });
      const headers = { [DeliveryReport.SIGNATURE_HEADER]: sign(NEW, body) };
      expect((await handle(config, request(body, headers))).status).toBe(204);
      expect((await handle(config, request(body, headers))).status).toBe(200);
    });

    it("refuses a body over the cap before reading it all, and anything but POST", async () => {
      const { config } = setup();
      const big = "x".repeat(DeliveryReport.MAX_SIGNED_BODY_BYTES + 1);
      const response = await handle(
        config,
        request(big, { [DeliveryReport.SIGNATURE_HEADER]: sign(NEW, big) }),
      );
      expect(response.status).toBe(413);
      const chunked = new ReadableStream<Uint8Array>({
        pull: (controller) => controller.enqueue(new Uint8Array(16_384)), // endless
      });
      const streamed = new Request("https://receiver.example/dlr", {
        method: "POST",
        body: chunked,
        duplex: "half",
      } as RequestInit);
      expect((await handle(config, streamed)).status).toBe(413);
      expect((await handle(config, request("", {}, "GET"))).status).toBe(405);
    });
  });
});
