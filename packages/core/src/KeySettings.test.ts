import { Allowlist, ApiKey, DeliveryReport, KeySettings } from "@septet/core";
import { Effect, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const entry = (input: string) => KeySettings.explainWhitelist([input]).entries[0]!;

describe("splitWhitelist", () => {
  it.each([
    ["one per line", "123.123.123.123\n234.234.234.234\r\n", ["123.123.123.123", "234.234.234.234"]],
    ["commas and spaces", "10.0.0.1, 10.0.0.2 ;10.0.0.3\t::1", ["10.0.0.1", "10.0.0.2", "10.0.0.3", "::1"]],
    ["a JSON array", ' ["::1","127.0.0.1"] ', ["::1", "127.0.0.1"]],
    ["brackets that are not JSON", "[::1]", ["[::1]"]],
    ["nothing", " \n\n ", []],
  ])("%s", (_, text, expected) => {
    expect(KeySettings.splitWhitelist(text)).toEqual(expected);
  });

  it("keeps every non-separator character of the text, in order", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom("1", ".", ":", "/", "a", " ", "\n", ",", ";", "\t") }),
        (text) => {
          const joined = KeySettings.splitWhitelist(text).join("");
          if (text.trim().startsWith("[")) return;
          expect(joined).toBe(text.replace(/[\s,;]/g, ""));
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("explainWhitelist entries", () => {
  it.each([
    ["123.123.123.123", "123.123.123.123/32", '"123.123.123.123": enforced as 123.123.123.123/32.'],
    ["234.234.234.10/32", "234.234.234.10/32", '"234.234.234.10/32": enforced as 234.234.234.10/32.'],
    [
      "123.123.123.1/24",
      "123.123.123.0/24",
      '"123.123.123.1/24": enforced as 123.123.123.0/24 (host bits cleared).',
    ],
    ["0.0.0.0/0", "0.0.0.0/0", '"0.0.0.0/0": enforced as 0.0.0.0/0.'],
    [
      "::ffff:10.0.0.0/104",
      "10.0.0.0/8",
      '"::ffff:10.0.0.0/104": enforced as 10.0.0.0/8 (IPv4-mapped, enforced as the IPv4 rule 10.0.0.0/8).',
    ],
  ])("%s → %s", (input, enforced, explanation) => {
    const e = entry(input);
    expect(e.enforced).toBe(enforced);
    expect(e.reason).toBeUndefined();
    expect(e.explanation).toBe(explanation);
  });

  it.each([
    ["10.0.0.1/33", "prefix length out of range: at most 32"],
    ["1.2.3.04", "IPv4 field has octet with leading zero (octal forms are not allowed)"],
    [
      "::ffff:0:0/64",
      "IPv4-mapped range shorter than /96 would cover native IPv6 addresses; write it as an IPv4 range or use a prefix of /96 or longer",
    ],
  ])("refuses %s with Allowlist's reason, quoting it", (input, reason) => {
    const e = entry(input);
    expect(e.reason).toBe(reason);
    expect(e.explanation).toBe(`${JSON.stringify(input)}: ${reason}.`);
    // The same reason Allowlist.make gives for the entry inside a list.
    const made = Allowlist.makeResult(["10.0.0.0/8", input]);
    expect(Result.isFailure(made) && made.failure.entries[0]).toMatchObject({ index: 1, reason });
  });

  it("names duplicates and entries covered by another", () => {
    const report = KeySettings.explainWhitelist([
      "123.123.123.1/24",
      "123.123.123.123",
      "123.123.123.0/24",
      "0.0.0.0/0",
      "::ffff:123.123.123.0/120",
    ]);
    expect(report.entries.map((e) => e.notes)).toEqual([
      [{ kind: "hostBitsCleared" }, { kind: "coveredBy", by: 3, canonical: "0.0.0.0/0" }],
      [{ kind: "coveredBy", by: 3, canonical: "0.0.0.0/0" }],
      [
        { kind: "duplicate", of: 0 },
        { kind: "coveredBy", by: 3, canonical: "0.0.0.0/0" },
      ],
      [],
      [
        { kind: "ipv4Mapped", ipv4: "123.123.123.0/24" },
        { kind: "duplicate", of: 0 },
        { kind: "coveredBy", by: 3, canonical: "0.0.0.0/0" },
      ],
    ]);
    expect(report.entries[2]!.explanation).toBe(
      '"123.123.123.0/24": enforced as 123.123.123.0/24 (duplicate of entry 1 ("123.123.123.1/24"), merged; already covered by 0.0.0.0/0 (entry 4)).',
    );
  });
});

describe("explainWhitelist coverage", () => {
  // Law: "covered by" names an entry with a shorter prefix whose range holds this one, exactly
  // when one exists; "duplicate" names the first entry enforced the same.
  it("names a covering entry exactly when one exists", () => {
    const entry4 = fc
      .tuple(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: 0, max: 255 }),
        fc.integer({ min: 14, max: 32 }),
      )
      .map(([a, b, p]) => `10.0.${a}.${b}/${p}`);
    fc.assert(
      fc.property(fc.array(entry4, { maxLength: 8 }), (entries) => {
        const report = KeySettings.explainWhitelist(entries);
        const rules = report.entries.map((e) => e.rule!);
        report.entries.forEach((e, i) => {
          const mine = rules[i]!;
          const holds = (j: number) =>
            rules[j]!.cidr.prefix < mine.cidr.prefix &&
            Allowlist.allows(Effect.runSync(Allowlist.make([rules[j]!.canonical])), mine.cidr.address);
          const covering = e.notes.find((n) => n.kind === "coveredBy");
          const exists = rules.some((_, j) => holds(j));
          expect(covering !== undefined).toBe(exists);
          if (covering?.kind === "coveredBy") expect(holds(covering.by)).toBe(true);
          const duplicate = e.notes.find((n) => n.kind === "duplicate");
          const first = rules.findIndex((r) => r.canonical === mine.canonical);
          expect(duplicate).toEqual(first === i ? undefined : { kind: "duplicate", of: first });
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe("explainWhitelist summary", () => {
  it.each([
    [[], "No one can use this key: the whitelist has no valid entry."],
    [["0.0.0.0/0"], "Allowed: every IPv4 client; no IPv6 client."],
    [["::/0"], "Allowed: no IPv4 client; every IPv6 client."],
    [["0.0.0.0/0", "::/0"], "Allowed: every IPv4 client; every IPv6 client."],
    [["123.123.123.123", "234.234.234.234"], "Allowed: 2 IPv4 addresses; no IPv6 client."],
    [["123.123.123.1/24", "123.123.123.123"], "Allowed: 256 IPv4 addresses; no IPv6 client."],
    [["2001:db8::/64"], "Allowed: no IPv4 client; 18,446,744,073,709,551,616 IPv6 addresses."],
    [["::1"], "Allowed: no IPv4 client; 1 IPv6 address."],
    [
      ["10.0.0.1/33", "1.2.3.04"],
      "No one can use this key: the whitelist has no valid entry. 2 invalid entries are not counted; the key cannot be saved until they are fixed.",
    ],
  ])("%j", (entries, text) => {
    expect(KeySettings.explainWhitelist(entries).summary.text).toBe(text);
  });

  // Law: the counts are the number of addresses the compiled list allows. Entries live in
  // 10.0.0.0/24 and 2001:db8::/120 so every address can be tried.
  it("counts exactly the addresses Allowlist.allows", () => {
    const v4 = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 24, max: 32 }))
      .map(([h, p]) => `10.0.0.${h}/${p}`);
    const v6 = fc
      .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 120, max: 128 }))
      .map(([h, p]) => `2001:db8::${h.toString(16)}/${p}`);
    fc.assert(
      fc.property(fc.array(fc.oneof(v4, v6), { maxLength: 8 }), (entries) => {
        const report = KeySettings.explainWhitelist(entries);
        const list = Effect.runSync(Allowlist.make(entries));
        let ipv4 = 0n;
        let ipv6 = 0n;
        for (let h = 0; h < 256; h++) {
          if (Allowlist.allows(list, `10.0.0.${h}`)) ipv4++;
          if (Allowlist.allows(list, `2001:db8::${h.toString(16)}`)) ipv6++;
        }
        expect([report.summary.ipv4, report.summary.ipv6]).toEqual([ipv4, ipv6]);
        expect(report.summary.empty).toBe(entries.length === 0);
      }),
      { numRuns: 300 },
    );
  });
});

describe("testAddress", () => {
  const report = KeySettings.explainWhitelist(["123.123.123.1/24", "234.234.234.10/32", "2001:db8::/32"]);

  it.each([
    [
      "123.123.123.200",
      true,
      0,
      '"123.123.123.200" is allowed: entry 1 ("123.123.123.1/24", enforced as 123.123.123.0/24).',
    ],
    [
      "::ffff:234.234.234.10",
      true,
      1,
      '"::ffff:234.234.234.10" is allowed as IPv4 234.234.234.10: entry 2 ("234.234.234.10/32", enforced as 234.234.234.10/32).',
    ],
    ["234.234.234.11", false, undefined, '"234.234.234.11" is denied: no entry covers it.'],
    [
      "1.2.3.04",
      false,
      undefined,
      '"1.2.3.04" is denied: it is not an IP address (IPv4 field has octet with leading zero (octal forms are not allowed)).',
    ],
  ])("%s", (address, allowed, matched, explanation) => {
    const t = KeySettings.testAddress(report, address);
    expect(t.allowed).toBe(allowed);
    expect(t.matched?.index).toBe(matched);
    expect(t.explanation).toBe(explanation);
  });

  it("says no one can use a key with an empty whitelist", () => {
    expect(KeySettings.testAddress(KeySettings.explainWhitelist([]), "127.0.0.1").explanation).toBe(
      '"127.0.0.1" is denied: the whitelist has no valid entry, so no one can use this key.',
    );
  });

  // Law: allowed iff Allowlist.allows says so, and an allowed address names an entry holding it.
  it("is allowed exactly when Allowlist.allows says so", () => {
    const octet = fc.integer({ min: 0, max: 3 });
    const address = fc.tuple(octet, octet).map(([a, b]) => `10.${a}.0.${b}`);
    const rule = fc
      .tuple(octet, octet, fc.integer({ min: 8, max: 32 }))
      .map(([a, b, p]) => `10.${a}.0.${b}/${p}`);
    fc.assert(
      fc.property(
        fc.array(fc.oneof(rule, address), { maxLength: 6 }),
        fc.oneof(address, fc.constant("::ffff:10.0.0.1")),
        (entries, client) => {
          const r = KeySettings.explainWhitelist(entries);
          const t = KeySettings.testAddress(r, client);
          const list = Effect.runSync(Allowlist.make(entries));
          expect(t.allowed).toBe(Allowlist.allows(list, client));
          expect(t.matched !== undefined).toBe(t.allowed);
          if (t.matched !== undefined) {
            const one = Effect.runSync(Allowlist.make([t.matched.input]));
            expect(Allowlist.allows(one, client)).toBe(true);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("explainTable", () => {
  it.each([
    [
      [
        ["„", '"'],
        ["", "x"],
      ],
      [[], ["key is empty"]],
    ],
    [
      [
        ["a", "b"],
        ["a", "c"],
      ],
      [[], ['key "a" is also entry [0] with a different value']],
    ],
    [{ "“": '"', "”": '"' }, [[], []]],
  ])("%j", (input, issues) => {
    expect(KeySettings.explainTable(input).rows.map((r) => r.issues)).toEqual(issues);
  });
});

describe("review", () => {
  it("lists every issue in field order, each quoting its input", () => {
    const r = KeySettings.review({
      name: "",
      ipWhitelist: ["123.123.123.123", "10.0.0.1/33", "1.2.3.04", "::ffff:0:0/64"],
      defaultSender: "Elsewhere",
      autoReplace: "ON",
      replacementTable: [
        ["x", "y"],
        ["", "z"],
      ],
      dlrUrl: "https://10.0.0.1/dlr",
      senders: ["Shop", "+37251000000"],
    });
    expect(r.issues.map((i) => [i.pointer, i.message])).toEqual([
      ["/name", "Name is required."],
      ["/ipWhitelist/1", '"10.0.0.1/33": prefix length out of range: at most 32.'],
      ["/ipWhitelist/2", '"1.2.3.04": IPv4 field has octet with leading zero (octal forms are not allowed).'],
      [
        "/ipWhitelist/3",
        '"::ffff:0:0/64": IPv4-mapped range shorter than /96 would cover native IPv6 addresses; write it as an IPv4 range or use a prefix of /96 or longer.',
      ],
      ["/defaultSender", '"Elsewhere" is not one of the account\'s activated senders (Shop, +37251000000).'],
      ["/autoReplace", '"ON" is not an Auto-Replace mode: expected "off", "on" or "full".'],
      ["/replacementTable/1", 'Row 2 ("" → "z"): key is empty.'],
      [
        "/dlrUrl",
        '"https://10.0.0.1/dlr": the host 10.0.0.1 is in a special-purpose block: Private-Use, RFC 1918.',
      ],
    ]);
    expect(r.key).toBeUndefined();
    expect(r.skipped).toEqual([
      "name",
      "ipWhitelist",
      "defaultSender",
      "autoReplace",
      "replacementTable",
      "dlrUrl",
    ]);
  });

  it.each([
    ["not an object", [], "The key config must be a JSON object."],
    ["a number in name", { name: 5 }, "Name is required."],
    ["a long name", { name: "x".repeat(201) }, "Name is 201 characters long; at most 200."],
    [
      "a bad sender",
      { name: "k", defaultSender: "TooLongSender1" },
      '"TooLongSender1" is not a sender ID: an alphanumeric sender has at most 11 GSM characters (an extension character counts 2).',
    ],
    [
      "a bad senders entry",
      { name: "k", senders: ["ok", "bad\n"] },
      '"bad\\n" is not a sender ID: a sender has no control characters.',
    ],
    [
      "http DLR",
      { name: "k", dlrUrl: "http://example.com/dlr" },
      '"http://example.com/dlr": the scheme must be https: (http: is not allowed).',
    ],
    [
      "whitelist not a list",
      { name: "k", ipWhitelist: "10.0.0.1" },
      "The IP whitelist must be a list of entries.",
    ],
  ])("%s", (_, config, message) => {
    expect(KeySettings.review(config).issues[0]?.message).toBe(message);
  });

  it("decodes a valid config and builds its request cases", () => {
    const config = {
      name: "shop",
      ipWhitelist: ["0.0.0.0/0"],
      defaultSender: "Shop",
      autoReplace: "full",
      dlrUrl: "https://shop.example/dlr",
      senders: ["Shop", "Promo"],
    };
    const r = KeySettings.review(config);
    expect(r.issues).toEqual([]);
    expect(r.key?.name).toBe("shop");
    expect(r.requestCases.map((c) => [c.requestField, c.requestValue, c.outcome])).toEqual([
      [
        "sender",
        undefined,
        { _tag: "Applies", value: "Shop", provenance: "apiKey", field: "apiKey[defaultSender]" },
      ],
      [
        "sender",
        "Promo",
        { _tag: "Applies", value: "Promo", provenance: "request", field: "payload[messages][0][sender]" },
      ],
      [
        "autoconvert",
        undefined,
        { _tag: "Applies", value: "full", provenance: "apiKey", field: "apiKey[autoReplace]" },
      ],
      [
        "autoconvert",
        "off",
        { _tag: "Applies", value: "off", provenance: "request", field: "payload[messages][0][autoconvert]" },
      ],
      [
        "dlr_url",
        undefined,
        { _tag: "Applies", value: "https://shop.example/dlr", provenance: "apiKey", field: "apiKey[dlrUrl]" },
      ],
      [
        "dlr_url",
        "https://example.com/dlr",
        {
          _tag: "Applies",
          value: "https://example.com/dlr",
          provenance: "request",
          field: "payload[dlr_url]",
        },
      ],
    ]);
  });

  it("shows a refusal when no sender applies", () => {
    const r = KeySettings.review({ name: "k" });
    expect(r.requestCases[0]?.explanation).toBe(
      "Without sender: refused with error 106 Missing data (payload[messages][0][sender]): no sender in the request and no default sender on the key.",
    );
  });

  it("follows the DLR URL options", () => {
    const allowSpecialPurpose = Effect.runSync(Allowlist.make(["127.0.0.1"]));
    const config = { name: "k", dlrUrl: "http://127.0.0.1:8080/dlr" };
    expect(KeySettings.review(config).issues).toHaveLength(1);
    expect(KeySettings.review(config, { dlr: { allowHttp: true, allowSpecialPurpose } }).issues).toEqual([]);
  });

  // Law: a config the page accepts decodes; a config ApiKey.decode refuses has an issue.
  it("agrees with ApiKey.decode", () => {
    const field = <A>(values: ReadonlyArray<A>) => fc.option(fc.constantFrom(...values), { nil: undefined });
    const config = fc.record(
      {
        name: field(["", "shop", "x".repeat(201), 3]),
        ipWhitelist: field([[], ["10.0.0.1/33"], ["0.0.0.0/0", "::1"], "x", [1], null]),
        defaultSender: field(["Shop", "Promo", "", "+123", "TooLongSenderId", null, 7]),
        autoReplace: field(["off", "on", "full", "ON", null]),
        replacementTable: field([
          { a: "b" },
          [["", "x"]],
          [
            ["a", "b"],
            ["a", "c"],
          ],
          "t",
          null,
        ]),
        dlrUrl: field(["https://example.com/dlr", "http://example.com", "https://[::1]/", null]),
        senders: field([["Shop"], [], ["Shop", "Promo"], ["\n"], null]),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(config, (c) => {
        const r = KeySettings.review(c);
        const decoded = Effect.runSync(Effect.result(ApiKey.decode(c)));
        if (r.issues.length === 0) expect(Result.isSuccess(decoded)).toBe(true);
        if (Result.isFailure(decoded)) expect(r.issues.length).toBeGreaterThan(0);
        // The one stricter rule: a Default Sender outside `senders`.
        if (Result.isSuccess(decoded) && r.issues.length > 0) {
          expect(r.issues.map((i) => i.field)).toEqual(["defaultSender"]);
        }
      }),
      { numRuns: 400 },
    );
  });

  it("never throws on hostile input", () => {
    const hostile = Object.defineProperty({}, "name", {
      enumerable: true,
      get() {
        throw new Error("boom");
      },
    });
    expect(KeySettings.review(hostile).issues.length).toBeGreaterThan(0);
    fc.assert(
      fc.property(fc.anything(), (u) => {
        KeySettings.review(u);
      }),
      { numRuns: 200 },
    );
  });
});

describe("exampleCallback", () => {
  it("is signed with DeliveryReport.sign and verifies", async () => {
    const callback = await Effect.runPromise(KeySettings.exampleCallback("test-secret", "Shop"));
    expect(callback.headers["X-Messente-Signature"]).toBe(callback.signature);
    expect(
      await Effect.runPromise(DeliveryReport.verify("test-secret", callback.body, callback.signature)),
    ).toEqual({
      secretIndex: 0,
    });
    expect(Effect.runSync(DeliveryReport.decode(callback.body)).status).toBe("DELIVRD");
  });

  it("refuses an empty secret with DeliveryReport's error", async () => {
    const error = await Effect.runPromise(Effect.flip(KeySettings.exampleCallback("")));
    expect(error._tag).toBe("InvalidSecret");
  });
});
