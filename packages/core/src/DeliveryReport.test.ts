import { createHmac } from "node:crypto";
import { Allowlist, DeliveryReport } from "@septet/core";
import * as PolicyVectors from "@septet/testing/vectors";
import { Effect, Exit, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const run = <A, E>(effect: Effect.Effect<A, E>) => Effect.runPromise(Effect.exit(effect));
const nodeHmac = (secret: string | Uint8Array, body: string | Uint8Array) =>
  createHmac("sha256", secret).update(body).digest("hex");

describe("DeliveryReport.sign", () => {
  it.each(PolicyVectors.signatures)("$source", async ({ secret, body, signature }) => {
    expect(await Effect.runPromise(DeliveryReport.sign(secret, body))).toBe(signature);
    expect(nodeHmac(secret, body)).toBe(signature);
  });

  it("equals node:crypto's HMAC-SHA256 for any text secret and body (UTF-8)", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ minLength: 1 }), fc.string({ unit: "grapheme" }), async (secret, body) => {
        expect(await Effect.runPromise(DeliveryReport.sign(secret, body))).toBe(nodeHmac(secret, body));
      }),
      { numRuns: 300 },
    );
  });

  it("equals node:crypto's HMAC-SHA256 for any byte secret and body", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ minLength: 1, maxLength: 200 }),
        fc.uint8Array({ maxLength: 2000 }),
        async (s, b) => {
          expect(await Effect.runPromise(DeliveryReport.sign(s, b))).toBe(nodeHmac(s, b));
        },
      ),
      { numRuns: 300 },
    );
  });

  it("refuses an empty secret", async () => {
    const exit = await run(DeliveryReport.sign("", "{}"));
    expect(exit).toStrictEqual(Exit.fail(new DeliveryReport.InvalidSecret({ reason: "empty" })));
  });
});

describe("DeliveryReport.verify", () => {
  const secret = "s3cret";
  const body = '{"status":"DELIVRD","err":0,"message_id":"m1"}';

  it("accepts the signature of the exact body, in either hex case", async () => {
    const signature = nodeHmac(secret, body);
    expect(Exit.isSuccess(await run(DeliveryReport.verify(secret, body, signature)))).toBe(true);
    expect(Exit.isSuccess(await run(DeliveryReport.verify(secret, body, signature.toUpperCase())))).toBe(
      true,
    );
  });

  // Effect.result keeps typed failures as data; a defect would reject the promise and fail the test.
  const reasonOf = async (s: string, b: string, signature: string) => {
    const result = await Effect.runPromise(Effect.result(DeliveryReport.verify(s, b, signature)));
    if (Result.isSuccess(result)) return "accepted";
    return result.failure._tag === "InvalidSignature" ? result.failure.reason : "other";
  };

  it.each([
    ["a tampered body", secret, `${body} `, nodeHmac(secret, body), "mismatch"],
    ["a wrong secret", "other", body, nodeHmac(secret, body), "mismatch"],
    ["63 hex digits", secret, body, nodeHmac(secret, body).slice(1), "malformed"],
    ["65 hex digits", secret, body, `${nodeHmac(secret, body)}0`, "malformed"],
    ["an empty signature", secret, body, "", "malformed"],
    ["a 128-digit signature", secret, body, nodeHmac(secret, body).repeat(2), "malformed"],
    ["non-hex digits", secret, body, `${nodeHmac(secret, body).slice(0, 62)}zz`, "malformed"],
    ["a sha256= prefix", secret, body, `sha256=${nodeHmac(secret, body)}`, "malformed"],
    ["surrounding whitespace", secret, body, ` ${nodeHmac(secret, body).slice(1)}`, "malformed"],
    ["a base64 HMAC", secret, body, createHmac("sha256", secret).update(body).digest("base64"), "malformed"],
  ])("refuses %s", async (_, s, b, signature, reason) => {
    expect(await reasonOf(s, b, signature)).toBe(reason);
  });

  it("refuses any single-character change to the body or the signature", async () => {
    const signature = nodeHmac(secret, body);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: body.length - 1 }), fc.nat({ max: 63 }), async (i, j) => {
        const tampered = `${body.slice(0, i)}${body[i] === "x" ? "y" : "x"}${body.slice(i + 1)}`;
        expect(await reasonOf(secret, tampered, signature)).toBe("mismatch");
        const flipped = `${signature.slice(0, j)}${signature[j] === "0" ? "1" : "0"}${signature.slice(j + 1)}`;
        expect(await reasonOf(secret, body, flipped)).toBe("mismatch");
      }),
      { numRuns: 200 },
    );
  });

  it("never throws, whatever the signature text", async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 130 }), async (signature) => {
        const reason = await reasonOf(secret, body, signature);
        expect(["accepted", "malformed", "mismatch"]).toContain(reason);
      }),
      { numRuns: 300 },
    );
  });
});

describe("DeliveryReport.checkUrl", () => {
  it.each(PolicyVectors.dlrUrls)("$url → accepted $accepted ($why)", ({ url, accepted, host }) => {
    const exit = Effect.runSync(Effect.exit(DeliveryReport.checkUrl(url)));
    expect(Exit.isSuccess(exit)).toBe(accepted);
    if (host !== "") expect(new URL(url).hostname).toBe(host);
  });

  it("allows http: only with allowHttp", () => {
    expect(Exit.isSuccess(Effect.runSync(Effect.exit(DeliveryReport.checkUrl("http://example.com/"))))).toBe(
      false,
    );
    const ok = Effect.runSync(DeliveryReport.checkUrl("http://example.com/", { allowHttp: true }));
    expect(ok.href).toBe("http://example.com/");
  });

  it("allows a special-purpose host only when the allowlist names it", () => {
    const loopback = Effect.runSync(Allowlist.make(["127.0.0.1/32"]));
    const options = { allowHttp: true, allowSpecialPurpose: loopback };
    expect(Effect.runSync(DeliveryReport.checkUrl("http://127.0.0.1:8080/dlr", options)).port).toBe("8080");
    expect(Effect.runSync(DeliveryReport.checkUrl("http://0x7f.1/dlr", options)).hostname).toBe("127.0.0.1");
    expect(
      Exit.isSuccess(Effect.runSync(Effect.exit(DeliveryReport.checkUrl("http://127.0.0.2/", options)))),
    ).toBe(false);
    expect(
      Exit.isSuccess(Effect.runSync(Effect.exit(DeliveryReport.checkUrl("http://10.0.0.1/", options)))),
    ).toBe(false);
  });

  it("names the registry block it refuses", () => {
    const error = Effect.runSync(Effect.flip(DeliveryReport.checkUrl("https://[fd00::1]/")));
    expect(error.reason).toBe("the host [fd00::1] is in a special-purpose block: Unique-Local, RFC 4193");
  });

  it("refuses over-long input before parsing", () => {
    const error = Effect.runSync(
      Effect.flip(DeliveryReport.checkUrl(`https://example.com/${"a".repeat(5000)}`)),
    );
    expect(error.reason).toBe("longer than 2048 characters");
    expect(error.url.length).toBeLessThanOrEqual(201);
  });

  it("never throws and never accepts a non-https URL", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.webUrl(),
          fc.string(),
          fc.ipV4().map((ip) => `https://${ip}/`),
        ),
        (url) => {
          const exit = Effect.runSync(Effect.exit(DeliveryReport.checkUrl(url)));
          if (Exit.isSuccess(exit)) expect(exit.value.protocol).toBe("https:");
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe("DeliveryReport.decode", () => {
  it("decodes a delivered report, timestamps without a zone read as UTC", () => {
    const report = Effect.runSync(
      DeliveryReport.decode(
        JSON.stringify({
          status: "DELIVRD",
          sender: "Septet",
          err: 0,
          message_id: "m1",
          to: "+37251000000",
          channel: "sms",
          error: null,
          omnimessage_id: "o1",
          timestamp: "2020-02-03T14:16:41.584924",
          price_info: { parts_count: 1 },
        }),
      ),
    );
    expect(report).toStrictEqual({
      status: "DELIVRD",
      err: 0,
      error: null,
      timestamp: new Date("2020-02-03T14:16:41.584Z"),
      message_id: "m1",
      omnimessage_id: "o1",
      channel: "sms",
      to: "+37251000000",
      sender: "Septet",
    });
  });

  it("decodes nulls (and absent fields) while the message is in progress", () => {
    const report = Effect.runSync(DeliveryReport.decode({ status: null, err: null, message_id: "m1" }));
    expect(report).toStrictEqual({ status: null, err: null, error: null, timestamp: null, message_id: "m1" });
  });

  it.each(DeliveryReport.statuses)("accepts status %s", (status) => {
    expect(Effect.runSync(DeliveryReport.decode({ status })).status).toBe(status);
  });

  it.each(DeliveryReport.errorCodes)("accepts err %s", (err) => {
    expect(Effect.runSync(DeliveryReport.decode({ err })).err).toBe(err);
  });

  it.each([
    ["2020-02-03T14:16:41", "2020-02-03T14:16:41.000Z"],
    ["2020-02-03 14:16:41.5", "2020-02-03T14:16:41.500Z"],
    ["2020-02-03T14:16:41Z", "2020-02-03T14:16:41.000Z"],
    ["2020-02-03T14:16:41+02:00", "2020-02-03T12:16:41.000Z"],
    ["2020-02-03T14:16:41-0130", "2020-02-03T15:46:41.000Z"],
    ["2024-02-29T00:00:00", "2024-02-29T00:00:00.000Z"],
    ["2020-02-03t14:16:41z", "2020-02-03T14:16:41.000Z"],
    ["2020-02-03T14:16:41.999999999", "2020-02-03T14:16:41.999Z"],
    ["2020-02-03T14:16:41+23:59", "2020-02-02T14:17:41.000Z"],
    ["0000-01-01T00:00:00", "0000-01-01T00:00:00.000Z"],
    ["9999-12-31T23:59:59", "9999-12-31T23:59:59.000Z"],
  ])("reads timestamp %s as %s", (timestamp, iso) => {
    expect(Effect.runSync(DeliveryReport.decode({ timestamp })).timestamp?.toISOString()).toBe(iso);
  });

  it.each([
    "2023-02-29T00:00:00",
    "2020-13-01T00:00:00",
    "2020-02-03T24:00:00",
    "2020-02-03",
    "2020-02-03T14:16:41+25:00",
    "2020-02-03T14:16:41 UTC",
    "yesterday",
    "2016-12-31T23:59:60Z", // a leap second: a Date has none
    "2020-02-03T14:16:41.1234567891", // ten fraction digits
    "2020-02-03T14:16:41+24:00",
    "2020-02-03T14:16:41+00",
    "2020-02-03T14:16:41.",
    "+275760-09-13T00:00:00",
    "２０２０-02-03T14:16:41",
    "2020-02-03T14:16:41\u0000",
  ])("refuses timestamp %s", (timestamp) => {
    const error = Effect.runSync(Effect.flip(DeliveryReport.decode({ timestamp })));
    expect(error.issues[0]?.pointer).toBe("/timestamp");
  });

  it("reports every problem at once, with pointers, never echoing input", () => {
    const error = Effect.runSync(
      Effect.flip(DeliveryReport.decode({ status: "LOST", err: 11, message_id: 5 })),
    );
    expect(error.issues.map((i) => i.pointer)).toStrictEqual(["/status", "/err", "/message_id"]);
    expect(JSON.stringify(error)).not.toContain("LOST");
  });

  it.each([
    ["not JSON", "{", "not JSON"],
    ["too long", `"${"a".repeat(70_000)}"`, "longer than 65536 characters"],
  ])("refuses a raw body that is %s", (_, raw, message) => {
    expect(Effect.runSync(Effect.flip(DeliveryReport.decode(raw))).issues[0]?.message).toBe(message);
  });

  it("never crashes, never an untyped error, whatever the body", () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue(), fc.anything(), fc.json()), (body) => {
        const result = Effect.runSync(Effect.result(DeliveryReport.decode(body)));
        if (Result.isFailure(result)) expect(result.failure._tag).toBe("InvalidReport");
      }),
      { numRuns: 1000 },
    );
  });
});
