/**
 * A delivery-report receiver, the recipe of the delivery reports guide: what a service that
 * receives septet's (or Messente's) DLR callbacks should do with each one.
 *
 * 1. Read the raw body, at most `DeliveryReport.MAX_SIGNED_BODY_BYTES` bytes.
 * 2. Verify `X-Messente-Signature` on those bytes, with the current secret and, during a rotation,
 *    the previous ones (`DeliveryReport.verify`).
 * 3. Decode with a replay tolerance (`DeliveryReport.decode` with `maxAge`): a report stamped
 *    further than `maxAge` from the clock, or without a timestamp, is refused.
 * 4. Deduplicate by message id and status: a signed report replayed within the tolerance (or
 *    resent by the gateway after a lost answer) is answered but not processed twice. An entry is
 *    kept until the report's timestamp plus `maxAge`: after that the tolerance refuses it anyway,
 *    and a report whose entry would already have expired when it is recorded is refused too (the
 *    clock moves between the age check and the claim).
 *
 * It is written against the web-standard `Request` / `Response`, so the same handler runs in
 * Node (≥ 22, e.g. behind `node:http` with an adapter), Deno, Bun and edge runtimes.
 */
import { DeliveryReport } from "@septet/core";
import { Clock, Duration, Effect } from "effect";

/**
 * Where seen reports are remembered. `claim` records `key` until `expiresAt` (epoch ms) and says
 * whether it was new. With several instances, use a shared store: Redis
 * `SET key 1 NX PXAT expiresAt` is exactly this operation.
 */
export interface ReplayStore {
  readonly claim: (key: string, expiresAt: number, now: number) => boolean;
}

/** An in-memory {@link ReplayStore} for a single process: expired entries are dropped as it goes. */
export const memoryStore = (): ReplayStore & { readonly size: () => number } => {
  const expiries = new Map<string, number>();
  return {
    claim: (key, expiresAt, now) => {
      for (const [k, expiry] of expiries) if (expiry < now) expiries.delete(k);
      if (expiries.has(key)) return false;
      expiries.set(key, expiresAt);
      return true;
    },
    size: () => expiries.size,
  };
};

/** What the receiver needs. */
export interface ReceiverConfig {
  /** The current secret first, then the previous ones while a rotation is under way. */
  readonly secrets: ReadonlyArray<DeliveryReport.Secret>;
  /** Replay tolerance. Five minutes leaves room for the gateway's retries and clock skew. */
  readonly maxAge: Duration.Input;
  readonly store: ReplayStore;
  /** Called once per new report: your business logic. */
  readonly onReport: (report: DeliveryReport.Report) => void;
}

/** What happened to one callback, and the HTTP status it is answered with. */
export type Outcome =
  | { readonly _tag: "Processed"; readonly report: DeliveryReport.Report; readonly secretIndex: number }
  | { readonly _tag: "Duplicate"; readonly report: DeliveryReport.Report }
  | { readonly _tag: "Refused"; readonly status: number; readonly reason: string };

/** 2xx for processed and duplicate reports (the gateway stops resending), 4xx for refusals. */
export const statusOf = (outcome: Outcome): number =>
  outcome._tag === "Refused" ? outcome.status : outcome._tag === "Processed" ? 204 : 200;

/** The key a report is deduplicated by: its message id and its status. */
export const replayKey = (report: DeliveryReport.Report): string =>
  JSON.stringify([report.message_id ?? null, report.status]);

/** Reads at most `max` bytes of a body; `undefined` when it is longer. */
const readCapped = async (request: Request, max: number): Promise<Uint8Array | undefined> => {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > max) return undefined;
  const chunks: Array<Uint8Array> = [];
  let total = 0;
  const reader = request.body?.getReader();
  while (reader !== undefined) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
};

const refused = (status: number, reason: string): Outcome => ({ _tag: "Refused", status, reason });

/** Steps 2–4 on a body already read: verify, decode with the tolerance, deduplicate. */
export const receive = (
  config: ReceiverConfig,
  body: Uint8Array,
  signature: string | null,
): Effect.Effect<Outcome> =>
  Effect.gen(function* () {
    const { secretIndex } = yield* DeliveryReport.verify(config.secrets, body, signature ?? "");
    // The same bytes that were verified, read as UTF-8 (RFC 8259 §8.1): invalid UTF-8 is refused.
    const report = yield* DeliveryReport.decode(body, { maxAge: config.maxAge });
    if (report.message_id === undefined) return refused(400, "no message_id: cannot deduplicate");
    const now = yield* Clock.currentTimeMillis;
    // decode refused a report without a timestamp, so it is there.
    const expiresAt =
      (report.timestamp?.getTime() ?? now) + Duration.toMillis(Duration.fromInputUnsafe(config.maxAge));
    // The clock moved since decode checked the age: a report whose entry would already have
    // expired is too old now, and its first delivery's entry may be gone. Claiming it would
    // process a replay twice at the tolerance's edge.
    if (expiresAt < now) return refused(400, "older than the replay tolerance by the time it was recorded");
    if (!config.store.claim(replayKey(report), expiresAt, now)) return { _tag: "Duplicate", report } as const;
    config.onReport(report);
    return { _tag: "Processed", report, secretIndex } as const;
  }).pipe(
    Effect.catchTags({
      InvalidSignature: (e) => Effect.succeed(refused(401, e.message)),
      InvalidSecret: (e) => Effect.succeed(refused(500, e.message)), // our configuration, not the sender
      InvalidOptions: (e) => Effect.succeed(refused(500, e.message)),
      InvalidBody: (e) => Effect.succeed(refused(413, e.message)),
      InvalidReport: (e) => Effect.succeed(refused(400, e.message)),
      StaleReport: (e) => Effect.succeed(refused(400, e.message)),
    }),
  );

/** The whole recipe as a `fetch`-style handler: `POST` only, capped body, then {@link receive}. */
export const handle = async (config: ReceiverConfig, request: Request): Promise<Response> => {
  const outcome: Outcome =
    request.method !== "POST"
      ? refused(405, "POST only")
      : await readCapped(request, DeliveryReport.MAX_SIGNED_BODY_BYTES).then((body) =>
          body === undefined
            ? refused(413, `larger than ${DeliveryReport.MAX_SIGNED_BODY_BYTES} bytes`)
            : Effect.runPromise(receive(config, body, request.headers.get(DeliveryReport.SIGNATURE_HEADER))),
        );
  return new Response(outcome._tag === "Refused" ? outcome.reason : null, { status: statusOf(outcome) });
};
