/**
 * The delivery-report breaks of issue 15, each reproduced: secrets in every documented form (and
 * nothing else), the body cap, rotation, the replay tolerance, the loopback names and SIIT prefix
 * in `checkUrl`, and decoding hostile values without a throw.
 */
import { createHmac } from "node:crypto";
import { Allowlist, DeliveryReport, Egress } from "@septet/core";
import { Cause, Clock, Duration, Effect, Exit, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as SpecialPurpose from "./internal/ip/specialPurpose.js";

const nodeHmac = (secret: Uint8Array, body: string | Uint8Array) =>
  createHmac("sha256", secret).update(body).digest("hex");

/** The failure of an effect as data; a defect or a thrown error fails the test. */
const failureOf = async <A, E>(effect: () => Effect.Effect<A, E>) => {
  const result = await Effect.runPromise(Effect.result(effect()));
  return Result.isFailure(result) ? result.failure : undefined;
};

/** Every documented secret form, holding the given bytes. */
type Form = "string" | "Uint8Array" | "ArrayBuffer" | "DataView" | "CryptoKey";
const forms: ReadonlyArray<Form> = ["string", "Uint8Array", "ArrayBuffer", "DataView", "CryptoKey"];

const asForm = async (form: Form, bytes: Uint8Array): Promise<DeliveryReport.Secret> => {
  switch (form) {
    case "string":
      return new TextDecoder().decode(bytes);
    case "Uint8Array": {
      // A view in the middle of a larger buffer: only its own bytes are the key.
      const padded = new Uint8Array(bytes.length + 7).fill(0xee);
      padded.set(bytes, 3);
      return padded.subarray(3, 3 + bytes.length);
    }
    case "ArrayBuffer":
      return bytes.slice().buffer;
    case "DataView": {
      const padded = new Uint8Array(bytes.length + 9).fill(0xee);
      padded.set(bytes, 5);
      return new DataView(padded.buffer, 5, bytes.length);
    }
    case "CryptoKey":
      return crypto.subtle.importKey("raw", bytes.slice(), { name: "HMAC", hash: "SHA-256" }, false, [
        "sign",
        "verify",
      ]);
  }
};

/** Key bytes that survive a UTF-8 round trip, so the string form holds exactly these bytes. */
const keyBytes = fc
  .string({ unit: "binary", minLength: 1, maxLength: 80 })
  // Well-formed (no lone surrogate): a string secret with one is refused, tested below.
  .filter((s) => Buffer.from(s, "utf8").toString("utf8") === s)
  .map((s) => new TextEncoder().encode(s));

const body = '{"status":"DELIVRD","err":0,"message_id":"m1","timestamp":"2026-12-06T12:00:00"}';

describe("DeliveryReport secrets", () => {
  it.each(forms)("%s: signs with exactly its bytes, and verifies what it signed", async (form) => {
    await fc.assert(
      fc.asyncProperty(keyBytes, fc.string({ unit: "grapheme", maxLength: 200 }), async (bytes, b) => {
        const secret = await asForm(form, bytes);
        const signature = await Effect.runPromise(DeliveryReport.sign(secret, b));
        expect(signature).toBe(nodeHmac(bytes, b));
        const verified = await Effect.runPromise(DeliveryReport.verify(secret, b, signature));
        expect(verified.secretIndex).toBe(0);
      }),
      { numRuns: 150 },
    );
  });

  it.each(forms)("%s: a signature made with any other key never verifies", async (form) => {
    await fc.assert(
      fc.asyncProperty(keyBytes, keyBytes, async (bytes, other) => {
        fc.pre(!Buffer.from(bytes).equals(Buffer.from(other)));
        const secret = await asForm(form, bytes);
        const failure = await failureOf(() => DeliveryReport.verify(secret, body, nodeHmac(other, body)));
        expect(failure).toStrictEqual(new DeliveryReport.InvalidSignature({ reason: "mismatch" }));
      }),
      { numRuns: 150 },
    );
  });

  // The issue's forgery: an ArrayBuffer or DataView secret was read as an all-zero key.
  it.each(["ArrayBuffer", "DataView"] as const)(
    "%s: a signature made with key 0x00 does not verify",
    async (form) => {
      const secret = await asForm(form, new TextEncoder().encode("the real API password"));
      const forged = nodeHmac(new Uint8Array([0]), body);
      const failure = await failureOf(() => DeliveryReport.verify(secret, body, forged));
      expect(failure?._tag).toBe("InvalidSignature");
    },
  );

  it.each([
    ["null", null, "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey"],
    ["undefined", undefined, "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey"],
    ["a number", 42, "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey"],
    ["a plain object", { secret: "x" }, "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey"],
    [
      "a Uint16Array",
      new Uint16Array([1, 2]),
      "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey",
    ],
    [
      "an object posing as a Uint8Array",
      { [Symbol.toStringTag]: "Uint8Array", length: 1, 0: 1 },
      "not a string, Uint8Array, ArrayBuffer, DataView or CryptoKey",
    ],
    ["an empty string", "", "empty"],
    ["an empty Uint8Array", new Uint8Array(0), "empty"],
    ["an empty ArrayBuffer", new ArrayBuffer(0), "empty"],
    ["an empty DataView", new DataView(new ArrayBuffer(4), 2, 0), "empty"],
    [
      "a string with a lone surrogate",
      "pass\uD800word",
      "not well-formed Unicode (lone surrogate): its UTF-8 bytes would be ambiguous",
    ],
  ])("refuses %s as a secret with a typed error, sign and verify alike", async (_, secret, reason) => {
    const expected = new DeliveryReport.InvalidSecret({ reason });
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    expect(await failureOf(() => DeliveryReport.sign(secret as any, body))).toStrictEqual(expected);
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    expect(await failureOf(() => DeliveryReport.verify(secret as any, body, "0".repeat(64)))).toStrictEqual(
      expected,
    );
  });

  it.each([
    [
      "an AES key",
      () => crypto.subtle.generateKey({ name: "AES-GCM", length: 128 }, false, ["encrypt"]),
      "a CryptoKey must be an HMAC SHA-256 secret key",
    ],
    [
      "an HMAC SHA-1 key",
      () => crypto.subtle.generateKey({ name: "HMAC", hash: "SHA-1" }, false, ["sign"]),
      "a CryptoKey must be an HMAC SHA-256 secret key",
    ],
    [
      "an HMAC SHA-256 public key look-alike (an ECDSA key)",
      async () =>
        (await crypto.subtle.generateKey({ name: "ECDSA", namedCurve: "P-256" }, false, ["sign", "verify"]))
          .privateKey,
      "a CryptoKey must be an HMAC SHA-256 secret key",
    ],
  ])("refuses %s", async (_, make, reason) => {
    const key = (await make()) as CryptoKey;
    expect(await failureOf(() => DeliveryReport.verify(key, body, "0".repeat(64)))).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason }),
    );
  });

  it("signs only with a CryptoKey that may sign", async () => {
    const verifyOnly = await crypto.subtle.importKey(
      "raw",
      new Uint8Array([1]),
      { name: "HMAC", hash: "SHA-256" },
      false,
      ["verify"],
    );
    expect(await failureOf(() => DeliveryReport.sign(verifyOnly, body))).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason: 'the CryptoKey\'s usages must include "sign"' }),
    );
    const signature = nodeHmac(new Uint8Array([1]), body);
    expect(await Effect.runPromise(DeliveryReport.verify(verifyOnly, body, signature))).toStrictEqual({
      secretIndex: 0,
    });
  });

  it("imposes no minimum length unless asked (minSecretBytes)", async () => {
    const signature = nodeHmac(new Uint8Array([0x61]), body);
    expect(await Effect.runPromise(DeliveryReport.verify("a", body, signature))).toStrictEqual({
      secretIndex: 0,
    });
    expect(
      await failureOf(() => DeliveryReport.verify("a", body, signature, { minSecretBytes: 16 })),
    ).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason: "1 bytes, fewer than the 16 required (minSecretBytes)" }),
    );
    const key = await asForm("CryptoKey", new Uint8Array(8));
    expect(await failureOf(() => DeliveryReport.sign(key, body, { minSecretBytes: 16 }))).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason: "8 bytes, fewer than the 16 required (minSecretBytes)" }),
    );
    expect(
      await Effect.runPromise(DeliveryReport.sign("sixteen bytes!!!", body, { minSecretBytes: 16 })),
    ).toHaveLength(64);
  });

  it.each([
    ["minSecretBytes", { minSecretBytes: -1 }, "must be a non-negative safe integer"],
    ["minSecretBytes", { minSecretBytes: 1.5 }, "must be a non-negative safe integer"],
    ["maxBodyBytes", { maxBodyBytes: Number.NaN }, "must be a non-negative safe integer"],
    [
      "maxBodyBytes",
      {
        get maxBodyBytes(): number {
          throw new Error("boom");
        },
      },
      "could not be read",
    ],
  ])("refuses a bad option %s with a typed error", async (option, options, reason) => {
    expect(await failureOf(() => DeliveryReport.verify("s", body, "0".repeat(64), options))).toStrictEqual(
      new DeliveryReport.InvalidOptions({ option, reason }),
    );
  });
});

describe("DeliveryReport body cap", () => {
  it("refuses a body over the cap before hashing, sign and verify alike", async () => {
    const big = "x".repeat(DeliveryReport.MAX_SIGNED_BODY_BYTES + 1);
    const expected = new DeliveryReport.InvalidBody({
      reason: `larger than ${DeliveryReport.MAX_SIGNED_BODY_BYTES} bytes (maxBodyBytes)`,
    });
    expect(await failureOf(() => DeliveryReport.sign("s", big))).toStrictEqual(expected);
    expect(await failureOf(() => DeliveryReport.verify("s", big, "0".repeat(64)))).toStrictEqual(expected);
    expect(
      await failureOf(() =>
        DeliveryReport.verify("s", new Uint8Array(DeliveryReport.MAX_SIGNED_BODY_BYTES + 1), "0".repeat(64)),
      ),
    ).toStrictEqual(expected);
  });

  it("counts UTF-8 bytes, and the cap is configurable", async () => {
    // 3 characters, 9 bytes.
    expect(await failureOf(() => DeliveryReport.sign("s", "€€€", { maxBodyBytes: 8 }))).toStrictEqual(
      new DeliveryReport.InvalidBody({ reason: "larger than 8 bytes (maxBodyBytes)" }),
    );
    expect(await Effect.runPromise(DeliveryReport.sign("s", "€€€", { maxBodyBytes: 9 }))).toBe(
      nodeHmac(new TextEncoder().encode("s"), "€€€"),
    );
    const large = "x".repeat(100_000);
    const signature = nodeHmac(new TextEncoder().encode("s"), large);
    expect(
      await Effect.runPromise(DeliveryReport.verify("s", large, signature, { maxBodyBytes: 100_000 })),
    ).toStrictEqual({ secretIndex: 0 });
  });

  it.each([
    ["null", null],
    ["a number", 7],
    ["an object", { status: "DELIVRD" }],
  ])("refuses %s as a body with a typed error", async (_, raw) => {
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    expect(await failureOf(() => DeliveryReport.verify("s", raw as any, "0".repeat(64)))).toStrictEqual(
      new DeliveryReport.InvalidBody({ reason: "not a string, Uint8Array, ArrayBuffer or DataView" }),
    );
  });

  it.each(["ArrayBuffer", "DataView"] as const)("verifies a body given as %s by its bytes", async (form) => {
    const bytes = new TextEncoder().encode(body);
    const raw = (await asForm(form, bytes)) as ArrayBuffer | DataView;
    const signature = nodeHmac(new TextEncoder().encode("s"), body);
    expect(await Effect.runPromise(DeliveryReport.verify("s", raw, signature))).toStrictEqual({
      secretIndex: 0,
    });
  });
});

describe("DeliveryReport.verify with several secrets (rotation)", () => {
  const enc = (s: string) => new TextEncoder().encode(s);

  it("says which secret matched, so the current and the previous both verify", async () => {
    const secrets = ["new password", "old password"];
    const byNew = nodeHmac(enc("new password"), body);
    const byOld = nodeHmac(enc("old password"), body);
    expect(await Effect.runPromise(DeliveryReport.verify(secrets, body, byNew))).toStrictEqual({
      secretIndex: 0,
    });
    expect(await Effect.runPromise(DeliveryReport.verify(secrets, body, byOld))).toStrictEqual({
      secretIndex: 1,
    });
    expect(
      await failureOf(() => DeliveryReport.verify(secrets, body, nodeHmac(enc("leaked"), body))),
    ).toStrictEqual(new DeliveryReport.InvalidSignature({ reason: "mismatch" }));
  });

  it("mixes forms, and finds the signing secret wherever it is in the list", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(keyBytes, {
          minLength: 1,
          maxLength: 5,
          selector: (b) => Buffer.from(b).toString("hex"),
        }),
        fc.array(fc.constantFrom(...forms), { minLength: 5, maxLength: 5 }),
        fc.nat(),
        async (keys, chosenForms, pick) => {
          const index = pick % keys.length;
          const secrets = await Promise.all(keys.map((k, i) => asForm(chosenForms[i]!, k)));
          const verified = await Effect.runPromise(
            DeliveryReport.verify(secrets, body, nodeHmac(keys[index]!, body)),
          );
          expect(verified.secretIndex).toBe(index);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("refuses an empty list and names a bad entry by its index", async () => {
    expect(await failureOf(() => DeliveryReport.verify([], body, "0".repeat(64)))).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason: "no secret given" }),
    );
    expect(await failureOf(() => DeliveryReport.verify(["good", ""], body, "0".repeat(64)))).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason: "empty", index: 1 }),
    );
  });
});

describe("DeliveryReport.decode with a replay tolerance (maxAge)", () => {
  const at = (iso: string) =>
    Effect.provideService(Clock.Clock, {
      currentTimeMillisUnsafe: () => Date.parse(iso),
      currentTimeMillis: Effect.sync(() => Date.parse(iso)),
      currentTimeNanosUnsafe: () => BigInt(Date.parse(iso)) * 1_000_000n,
      currentTimeNanos: Effect.sync(() => BigInt(Date.parse(iso)) * 1_000_000n),
      monotonicTimeNanosUnsafe: () => 0n,
      monotonicTimeNanos: Effect.succeed(0n),
      sleep: () => Effect.void,
    });
  const decodeAt = (now: string, raw: unknown, options: DeliveryReport.DecodeOptions) =>
    Effect.runSync(Effect.result(DeliveryReport.decode(raw, options).pipe(at(now))));

  it.each([
    ["2026-12-06T12:00:00Z", "just sent", "accepted"],
    ["2026-12-06T12:05:00Z", "exactly the tolerance old", "accepted"],
    ["2026-12-06T12:05:00.001Z", "1 ms past the tolerance", "too-old"],
    ["2026-12-07T12:00:00Z", "a day old", "too-old"],
    ["2026-12-06T11:55:00Z", "the tolerance in the future (clock skew)", "accepted"],
    ["2026-12-06T11:54:59.999Z", "further in the future than the tolerance", "in-the-future"],
  ])("now %s (%s): %s", (now, _, expected) => {
    const result = decodeAt(now, body, { maxAge: "5 minutes" });
    if (expected === "accepted") expect(Result.isSuccess(result)).toBe(true);
    else {
      expect(Result.isFailure(result) && result.failure._tag).toBe("StaleReport");
      if (Result.isFailure(result) && result.failure._tag === "StaleReport") {
        expect(result.failure.reason).toBe(expected);
        expect(result.failure.timestamp).toBe("2026-12-06T12:00:00.000Z");
        expect(result.failure.maxAgeMillis).toBe(300_000);
      }
    }
  });

  it("refuses a report without a timestamp when a tolerance is set (its age is unknown)", () => {
    const result = decodeAt("2026-12-06T12:00:00Z", { status: null, message_id: "m1" }, { maxAge: 60_000 });
    expect(Result.isFailure(result) && result.failure).toMatchObject({
      _tag: "StaleReport",
      reason: "no-timestamp",
      timestamp: null,
    });
  });

  it.each([
    ["milliseconds", 300_000],
    ["text", "5 minutes"],
    ["a DurationObject", { minutes: 4, seconds: 60 }],
    ["a [seconds, nanos] pair", [300, 0]],
    ["bigint nanoseconds", 300_000_000_000n],
    ["a Duration", Duration.minutes(5)],
  ])("takes maxAge as %s", (_, maxAge) => {
    const accepted = decodeAt("2026-12-06T12:05:00Z", body, { maxAge: maxAge as Duration.Input });
    const refused = decodeAt("2026-12-06T12:05:00.001Z", body, { maxAge: maxAge as Duration.Input });
    expect(Result.isSuccess(accepted)).toBe(true);
    expect(Result.isFailure(refused) && refused.failure._tag).toBe("StaleReport");
  });

  it("fails closed when the Clock gives no finite time: a defect, never an accepted report", () => {
    const exit = Effect.runSync(
      Effect.exit(DeliveryReport.decode(body, { maxAge: "5 minutes" }).pipe(at("not a date"))),
    );
    expect(Exit.isFailure(exit) && Cause.hasDies(exit.cause)).toBe(true);
  });

  it("checks no age without the option", () => {
    expect(Result.isSuccess(decodeAt("2099-01-01T00:00:00Z", body, {}))).toBe(true);
  });

  it.each([
    ["a negative duration", -1],
    ["a non-duration", "soon"],
    ["infinity", "Infinity"],
    // Duration.fromInput reads these as zero; a tolerance of zero is not what was asked for.
    ["NaN", Number.NaN],
    ["a [seconds, nanos] pair with NaN", [Number.NaN, 0]],
    ["an empty object", {}],
    ["an object with a NaN field", { minutes: Number.NaN }],
    ["an object with a text field", { minutes: "5" }],
    ["an object with an unknown field", { millis: 300_000 }],
    ["a negative bigint", -1n],
  ])("refuses %s as maxAge", (_, maxAge) => {
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    const result = decodeAt("2026-12-06T12:00:00Z", body, { maxAge: maxAge as any });
    expect(Result.isFailure(result) && result.failure).toStrictEqual(
      new DeliveryReport.InvalidOptions({
        option: "maxAge",
        reason: "must be a finite, non-negative duration",
      }),
    );
  });
});

describe("DeliveryReport.decode on hostile values", () => {
  const raw = '{"status":"DELIVRD","message_id":"m1"}';
  const utf8 = new TextEncoder().encode(raw);

  // The bytes a receiver has just verified decode as the same report, never as an empty one.
  it.each([
    ["a Uint8Array", utf8],
    ["a Buffer", Buffer.from(raw)],
    ["an ArrayBuffer", utf8.slice().buffer],
    ["a DataView window", new DataView(new TextEncoder().encode(`[${raw}]`).buffer, 1, utf8.length)],
  ])("decodes the raw body as %s like its text", (_, bytes) => {
    expect(Effect.runSync(DeliveryReport.decode(bytes))).toStrictEqual(
      Effect.runSync(DeliveryReport.decode(raw)),
    );
  });

  it.each([
    ["invalid UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), "not UTF-8"],
    ["bytes over the cap", new Uint8Array(65_537).fill(0x20), "longer than 65536 bytes"],
    [
      "a Uint16Array",
      new Uint16Array([0x7b, 0x7d]),
      "not a JSON object: give the raw text, its bytes, or what JSON.parse returned",
    ],
    [
      "a String object",
      new String(raw),
      "not a JSON object: give the raw text, its bytes, or what JSON.parse returned",
    ],
    [
      "a Map",
      new Map([["status", "DELIVRD"]]),
      "not a JSON object: give the raw text, its bytes, or what JSON.parse returned",
    ],
    ["a Date", new Date(0), "not a JSON object: give the raw text, its bytes, or what JSON.parse returned"],
  ])("refuses %s instead of reading it as an empty report", (_, body, message) => {
    const error = Effect.runSync(Effect.flip(DeliveryReport.decode(body)));
    expect(error).toStrictEqual(new DeliveryReport.InvalidReport({ issues: [{ pointer: "", message }] }));
  });

  it("refuses an object whose getter throws, naming the field (the issue's break)", () => {
    const hostile = {
      get status(): string {
        throw new Error("boom");
      },
    };
    const error = Effect.runSync(Effect.flip(DeliveryReport.decode(hostile)));
    expect(error).toStrictEqual(
      new DeliveryReport.InvalidReport({
        issues: [{ pointer: "/status", message: "could not be read (a getter or proxy trap threw)" }],
      }),
    );
  });

  const boom = () => {
    throw new Error("boom");
  };
  const target = () => ({ status: "ACK", message_id: "m1" });
  const revoked = Proxy.revocable(target(), {});
  revoked.revoke();

  it.each([
    // The trap throws for every key: the whole value is unreadable, no one field to blame.
    ["get", new Proxy(target(), { get: boom }), [""]],
    ["has", new Proxy(target(), { has: boom }), [""]],
    ["getOwnPropertyDescriptor", new Proxy(target(), { getOwnPropertyDescriptor: boom }), "read"],
    ["ownKeys", new Proxy(target(), { ownKeys: boom }), "read"],
    ["getPrototypeOf", new Proxy(target(), { getPrototypeOf: boom }), "read"],
    ["every (a revoked Proxy)", revoked.proxy, [""]],
  ])("a Proxy whose %s trap throws: never a throw", (_, hostile, expected) => {
    const result = Effect.runSync(Effect.result(DeliveryReport.decode(hostile)));
    if (expected === "read") {
      // Schema does not use this trap: the report is read through the others.
      expect(Result.isSuccess(result) && result.success.status).toBe("ACK");
    } else {
      expect(Result.isFailure(result) && result.failure._tag).toBe("InvalidReport");
      if (Result.isFailure(result) && result.failure._tag === "InvalidReport") {
        const pointers = result.failure.issues.map((i) => i.pointer);
        for (const pointer of expected) expect(pointers).toContain(pointer);
        for (const issue of result.failure.issues) {
          expect(issue.message).toBe("could not be read (a getter or proxy trap threw)");
        }
      }
    }
  });

  it.each([
    [
      "a getter on options",
      {
        get maxAge(): number {
          throw new Error("boom");
        },
      },
      "maxAge",
    ],
    [
      "a getter on options",
      {
        get maxBodyLength(): number {
          throw new Error("boom");
        },
      },
      "maxBodyLength",
    ],
  ])("refuses %s with a typed error", (_, options, option) => {
    const result = Effect.runSync(Effect.result(DeliveryReport.decode(body, options)));
    expect(Result.isFailure(result) && result.failure).toStrictEqual(
      new DeliveryReport.InvalidOptions({ option, reason: "could not be read" }),
    );
  });
});

describe("DeliveryReport.checkUrl: loopback names, SIIT, port 0", () => {
  const reasonOf = (url: unknown, options?: DeliveryReport.UrlOptions) => {
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    const exit = Effect.runSync(Effect.exit(DeliveryReport.checkUrl(url as any, options)));
    return Exit.isSuccess(exit) ? "accepted" : Effect.runSync(Effect.flip(exit)).reason;
  };

  it.each([
    ["https://localhost/dlr", "localhost is a loopback name (RFC 6761 §6.3)"],
    ["https://LOCALHOST:8443/dlr", "localhost is a loopback name (RFC 6761 §6.3)"],
    ["https://localhost./dlr", "localhost. is a loopback name (RFC 6761 §6.3)"],
    ["https://localhost%2E%2E/dlr", "localhost.. is a loopback name (RFC 6761 §6.3)"],
    ["https://ｌｏｃａｌｈｏｓｔ/", "localhost is a loopback name (RFC 6761 §6.3)"],
    ["https://loc%61lhost/", "localhost is a loopback name (RFC 6761 §6.3)"],
    ["https://api.localhost/dlr", "api.localhost is a loopback name (RFC 6761 §6.3)"],
    ["https://a.b.localhost./dlr", "a.b.localhost. is a loopback name (RFC 6761 §6.3)"],
    [
      "https://[::ffff:0:127.0.0.1]/",
      "the host [::ffff:0:7f00:1] is in a special-purpose block: IPv4-translated (SIIT), RFC 2765 §2.1",
    ],
    [
      "https://[::ffff:0:808:808]/",
      "the host [::ffff:0:808:808] is in a special-purpose block: IPv4-translated (SIIT), RFC 2765 §2.1",
    ],
    ["https://example.com:0/dlr", "port 0 is not a port a server listens on"],
    ["https://example.com:00/dlr", "port 0 is not a port a server listens on"],
    ["https://localhost.example.com/", "accepted"],
    ["https://mylocalhost/", "accepted"],
    ["https://example.com:8443/", "accepted"],
  ])("%s → %s", (url, reason) => {
    expect(reasonOf(url)).toBe(reason);
  });

  // The forms an attacker tries after the conformance vectors, with the decision for each
  // (SECURITY.md, "Decisions"). "accepted" rows are DNS names: the connect-time guard's job.
  it.each([
    [
      "https://[::127.0.0.1]/",
      "the host [::7f00:1] is in a special-purpose block: IPv4-Compatible (deprecated), RFC 4291 §2.5.5.1",
    ],
    [
      "https://[0:0:0:0:0:ffff:127.0.0.1]/",
      "the host [::ffff:7f00:1] is in a special-purpose block: Loopback, RFC 1122 §3.2.1.3",
    ],
    ["https://127.0.0.1./", "the host 127.0.0.1 is in a special-purpose block: Loopback, RFC 1122 §3.2.1.3"],
    [
      "https://１２７.０.０.１/",
      "the host 127.0.0.1 is in a special-purpose block: Loopback, RFC 1122 §3.2.1.3",
    ],
    [
      "https://127。0。0。1/",
      "the host 127.0.0.1 is in a special-purpose block: Loopback, RFC 1122 §3.2.1.3",
    ],
    [
      "https:\\\\127.0.0.1\\dlr",
      "the host 127.0.0.1 is in a special-purpose block: Loopback, RFC 1122 §3.2.1.3",
    ],
    [
      "https://\t127.0.0.\n1/",
      "the host 127.0.0.1 is in a special-purpose block: Loopback, RFC 1122 §3.2.1.3",
    ],
    [
      "https://0/",
      'the host 0.0.0.0 is in a special-purpose block: "This network" (includes the unspecified 0.0.0.0), RFC 791 §3.2',
    ],
    [
      "https://192.0.0.8/",
      "the host 192.0.0.8 is in a special-purpose block: IETF Protocol Assignments, RFC 6890 §2.1",
    ],
    [
      "https://[64:ff9b::10.0.0.1]/",
      "the host [64:ff9b::a00:1] is in a special-purpose block: IPv4-IPv6 Translation, RFC 6052",
    ],
    [
      "https://[64:ff9b::8.8.8.8]/",
      "the host [64:ff9b::808:808] is in a special-purpose block: IPv4-IPv6 Translation, RFC 6052",
    ],
    ["https://local\u00adhost/", "localhost is a loopback name (RFC 6761 §6.3)"],
    ["https://localhost\u200b/", "localhost is a loopback name (RFC 6761 §6.3)"],
    ["https://a@127.0.0.1/", "user info (user:password@) is not allowed"],
    ["https://example.com@localhost/", "user info (user:password@) is not allowed"],
    ["https://[::1%25eth0]/", "not an absolute URL"],
    ["https://localhost%00/", "not an absolute URL"],
    ["https://example.com#@127.0.0.1/", "accepted"],
    ["https://127.0.0.1%2e%2e/", "accepted"],
    ["https://localhost6/", "accepted"],
    ["https://ip6-localhost/", "accepted"],
    ["https://localhost.localdomain/", "accepted"],
    ["https://127.0.0.1.nip.io/", "accepted"],
    ["https://metadata.google.internal/", "accepted"],
  ])("%s → %s", (url, reason) => {
    expect(reasonOf(url)).toBe(reason);
  });

  it("refuses every spelling of a name under localhost, and every SIIT address", () => {
    // Punycode labels (xn--) are left out: most random ones are not valid IDNA.
    const label = fc
      .stringMatching(/^[a-z0-9]([a-z0-9-]{0,10}[a-z0-9])?$/)
      .filter((l) => !l.startsWith("xn--"));
    const spelling = fc
      .tuple(fc.array(label, { maxLength: 3 }), fc.boolean(), fc.nat({ max: 2 }), fc.boolean())
      .map(([labels, upper, dots, percent]) => {
        const name = [...labels, upper ? "LocalHost" : "localhost"].join(".") + ".".repeat(dots);
        return percent ? name.replace("l", "%6C") : name;
      });
    fc.assert(
      fc.property(spelling, fc.option(fc.integer({ min: 1, max: 65_535 })), (host, port) => {
        const url = `https://${host}${port === null ? "" : `:${port}`}/dlr`;
        expect(reasonOf(url)).toMatch(/ is a loopback name \(RFC 6761 §6\.3\)$/);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.ipV4(), (v4) => {
        expect(reasonOf(`https://[::ffff:0:${v4}]/`)).toContain("IPv4-translated (SIIT)");
      }),
      { numRuns: 500 },
    );
  });

  it("refuses an IP-literal host exactly when the connect-time guard refuses its address (property)", () => {
    // One matcher for both checks: a URL that passes checkUrl never fails Egress on its literal.
    const base = fc.constantFrom(...SpecialPurpose.all.map((block) => block.cidr.split("/")[0]!));
    const address = fc.oneof(fc.ipV4(), fc.ipV6(), base);
    fc.assert(
      fc.property(address, (text) => {
        const host = text.includes(":") ? `[${text}]` : text;
        const byUrl = reasonOf(`https://${host}/dlr`) === "accepted";
        expect(byUrl).toBe(Result.isSuccess(Egress.check(text)));
      }),
      { numRuns: 2_000 },
    );
  });

  it("allows localhost only where loopback is allowed explicitly", () => {
    const v4 = Effect.runSync(Allowlist.make(["127.0.0.1/32"]));
    const v6 = Effect.runSync(Allowlist.make(["::1/128"]));
    const other = Effect.runSync(Allowlist.make(["10.0.0.0/8"]));
    expect(reasonOf("https://localhost:8443/dlr", { allowSpecialPurpose: v4 })).toBe("accepted");
    expect(reasonOf("https://api.localhost/dlr", { allowSpecialPurpose: v6 })).toBe("accepted");
    expect(reasonOf("https://localhost/dlr", { allowSpecialPurpose: other })).toBe(
      "localhost is a loopback name (RFC 6761 §6.3)",
    );
  });

  it.each([
    ["null", null, "not a string"],
    ["a number", 42, "not a string"],
  ])("refuses %s as a URL with a typed error", (_, url, reason) => {
    expect(reasonOf(url)).toBe(reason);
  });

  it.each([
    [
      "a throwing getter",
      {
        get allowHttp(): boolean {
          throw new Error("boom");
        },
      },
      "options.allowHttp could not be read",
    ],
    ["allowHttp not a boolean", { allowHttp: "yes" }, "options.allowHttp must be a boolean"],
    [
      "allowSpecialPurpose not an Allowlist",
      { allowSpecialPurpose: ["127.0.0.1/32"] },
      "options.allowSpecialPurpose must be an Allowlist (Allowlist.make)",
    ],
  ])("refuses options with %s (fail closed)", (_, options, reason) => {
    // biome-ignore lint/suspicious/noExplicitAny: hostile input on purpose
    expect(reasonOf("https://example.com/", options as any)).toBe(reason);
  });
});

describe("DeliveryReport: no throw through the public API", () => {
  const revoked = Proxy.revocable({}, {});
  revoked.revoke();

  it("sign refuses a list of secrets (it signs with one)", async () => {
    expect(await failureOf(() => DeliveryReport.sign(["a", "b"] as never, body))).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason: "sign takes one secret, not a list" }),
    );
  });

  it("refuses a revoked Proxy as secret, list, body or options with a typed error", async () => {
    const hostile = revoked.proxy as never;
    expect((await failureOf(() => DeliveryReport.sign(hostile, body)))?._tag).toBe("InvalidSecret");
    expect((await failureOf(() => DeliveryReport.verify(hostile, body, "0".repeat(64))))?._tag).toBe(
      "InvalidSecret",
    );
    expect((await failureOf(() => DeliveryReport.verify("s", hostile, "0".repeat(64))))?._tag).toBe(
      "InvalidBody",
    );
    expect((await failureOf(() => DeliveryReport.verify("s", body, "0".repeat(64), hostile)))?._tag).toBe(
      "InvalidOptions",
    );
    expect((await failureOf(() => DeliveryReport.verify("s", body, hostile)))?._tag).toBe("InvalidSignature");
  });

  it("refuses more secrets than MAX_SECRETS", async () => {
    const many = Array.from({ length: DeliveryReport.MAX_SECRETS + 1 }, (_, i) => `secret ${i}`);
    expect(await failureOf(() => DeliveryReport.verify(many, body, "0".repeat(64)))).toStrictEqual(
      new DeliveryReport.InvalidSecret({ reason: `more than ${DeliveryReport.MAX_SECRETS} secrets` }),
    );
  });

  it("never throws nor dies, whatever the arguments", async () => {
    const anything = fc.oneof(fc.anything(), fc.uint8Array(), fc.string());
    await fc.assert(
      fc.asyncProperty(anything, anything, anything, anything, async (secret, raw, signature, options) => {
        const args = [secret, raw, signature, options] as Array<never>;
        const verified = await Effect.runPromise(
          Effect.exit(DeliveryReport.verify(args[0]!, args[1]!, args[2]!, args[3])),
        );
        if (Exit.isFailure(verified)) expect(Exit.findErrorOption(verified)._tag).toBe("Some");
        const signed = await Effect.runPromise(Effect.exit(DeliveryReport.sign(args[0]!, args[1]!, args[3])));
        if (Exit.isFailure(signed)) expect(Exit.findErrorOption(signed)._tag).toBe("Some");
        const decoded = Effect.runSync(Effect.exit(DeliveryReport.decode(args[1], args[3]!)));
        if (Exit.isFailure(decoded)) expect(Exit.findErrorOption(decoded)._tag).toBe("Some");
        const checked = Effect.runSync(Effect.exit(DeliveryReport.checkUrl(args[0]!, args[3])));
        if (Exit.isFailure(checked)) expect(Exit.findErrorOption(checked)._tag).toBe("Some");
      }),
      { numRuns: 500 },
    );
  });
});
