import { Allowlist, Egress, Ip } from "@septet/core";
import * as EgressSubpath from "@septet/core/Egress";
import { IpArbitraries } from "@septet/testing";
import { Effect, Result } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as SpecialPurpose from "./internal/ip/specialPurpose.js";
import { blocks } from "./internal/ip/specialPurposeMatch.js";

type IpValue = IpArbitraries.IpValue;

const MAX4 = 0xffffffffn;
const MAPPED = 0xffffn << 32n;

/** A block of the table as numbers, read with BigInt arithmetic (not with septet's parser). */
interface NumericBlock {
  readonly cidr: string;
  readonly family: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

const numeric = (cidr: string): NumericBlock => {
  const [address = "", prefixText = ""] = cidr.split("/");
  const prefix = Number(prefixText);
  if (!address.includes(":")) {
    const value = address.split(".").reduce((acc, octet) => (acc << 8n) | BigInt(octet), 0n);
    const [first, last] = IpArbitraries.rangeOf(4, value, prefix);
    return { cidr, family: 4, first, last };
  }
  const [head = "", tail = ""] = address.split("::");
  const groups = (s: string) => (s === "" ? [] : s.split(":").map((g) => BigInt(`0x${g}`)));
  const h = groups(head);
  const t = groups(tail);
  const all = [...h, ...Array(8 - h.length - t.length).fill(0n), ...t];
  const value = all.reduce((acc, g) => (acc << 16n) | g, 0n);
  const [first, last] = IpArbitraries.rangeOf(6, value, prefix);
  return { cidr, family: 6, first, last };
};

const table = blocks().map((b) => numeric(b.cidr));

/** The reference: an IPv4-mapped address is its IPv4 address; otherwise a block of its own family. */
const referenceBlock = (v: IpValue): NumericBlock | undefined => {
  const mapped = v.family === 6 && v.value >> 32n === 0xffffn;
  const family = mapped ? 4 : v.family;
  const value = mapped ? v.value & MAX4 : v.value;
  return table.find((b) => b.family === family && b.first <= value && value <= b.last);
};

const text = (v: IpValue): string =>
  IpArbitraries.spell(v, { upper: false, pad: false, dotted: false, run: 0 });

/** Values inside one block of the table, anywhere in its host part. */
const insideBlock: fc.Arbitrary<IpValue> = fc
  .tuple(fc.constantFrom(...table), fc.bigInt({ min: 0n, max: (1n << 128n) - 1n }))
  .map(([b, r]) => ({ family: b.family, value: b.first + (r % (b.last - b.first + 1n)) }));

const ask = (lookup: Egress.Lookup, hostname: string, all = true) =>
  new Promise<{ error: Error | null; address: unknown; family: unknown }>((resolve) =>
    lookup(hostname, { all }, (error, address, family) => resolve({ error, address, family })),
  );

const loopback = Effect.runSync(Allowlist.make(["127.0.0.1"]));

describe("Egress.check", () => {
  it.each([
    ["127.0.0.1", "127.0.0.0/8"],
    ["127.255.255.254", "127.0.0.0/8"],
    ["0.0.0.0", "0.0.0.0/8"],
    ["10.1.2.3", "10.0.0.0/8"],
    ["172.16.0.1", "172.16.0.0/12"],
    ["192.168.1.1", "192.168.0.0/16"],
    ["169.254.169.254", "169.254.0.0/16"],
    ["100.64.0.1", "100.64.0.0/10"],
    ["224.0.0.251", "224.0.0.0/4"],
    ["255.255.255.255", "240.0.0.0/4"],
    ["::", "::/128"],
    ["::1", "::1/128"],
    ["::127.0.0.1", "::/96"],
    ["fd00::1", "fc00::/7"],
    ["fe80::1", "fe80::/10"],
    ["ff02::1", "ff00::/8"],
    ["64:ff9b::7f00:1", "64:ff9b::/96"],
    ["::ffff:127.0.0.1", "127.0.0.0/8"],
    ["::ffff:a9fe:a9fe", "169.254.0.0/16"],
    ["::ffff:0:127.0.0.1", "::ffff:0:0:0/96"],
    ["::ffff:0:a00:1", "::ffff:0:0:0/96"],
  ])("refuses %s (%s)", (address, block) => {
    const result = Egress.check(address);
    expect(Result.isFailure(result) && result.failure.block).toBe(block);
    expect(Result.isFailure(result) && result.failure._tag).toBe("RefusedAddress");
  });

  it.each([
    ["fe80::1%eth0", "zone identifiers"],
    ["localhost", "not a valid IP address"],
    ["[::1]", "not a valid IP address"],
    ["0x7f.1", "not a valid IP address"],
    ["", "not a valid IP address"],
  ])("refuses the unparsable %j", (address, reason) => {
    const result = Egress.check(address);
    expect(Result.isFailure(result) && result.failure.reason).toContain(reason);
    expect(Result.isFailure(result) && result.failure.block).toBeNull();
  });

  it.each(["93.184.215.14", "8.8.8.8", "2606:4700::1111", "::ffff:93.184.215.14", "1.1.1.1"])(
    "accepts the public %s",
    (address) => {
      expect(Result.map(Egress.check(address), Ip.format)).toStrictEqual(
        Result.succeed(Ip.format(Result.getOrThrow(Ip.parseAddressResult(address)))),
      );
    },
  );

  it("lets through exactly the allowed special-purpose addresses", () => {
    expect(Result.isSuccess(Egress.check("127.0.0.1", { allowSpecialPurpose: loopback }))).toBe(true);
    expect(Result.isSuccess(Egress.check("::ffff:127.0.0.1", { allowSpecialPurpose: loopback }))).toBe(true);
    expect(Result.isFailure(Egress.check("127.0.0.2", { allowSpecialPurpose: loopback }))).toBe(true);
    expect(Result.isFailure(Egress.check("::1", { allowSpecialPurpose: loopback }))).toBe(true);
  });

  it("never throws on hostile input", () => {
    const hostile = [
      null,
      undefined,
      42,
      {},
      { toString: () => "127.0.0.1" },
      new Proxy(
        {},
        {
          get: () => {
            throw new Error("boom");
          },
        },
      ),
    ];
    for (const value of hostile) {
      const result = Egress.check(value as unknown as string);
      expect(Result.isFailure(result)).toBe(true);
    }
    const options = Object.defineProperty({}, "allowSpecialPurpose", {
      get: () => {
        throw new Error("boom");
      },
    });
    expect(Result.isFailure(Egress.check("127.0.0.1", options))).toBe(true);
  });

  it("refuses exactly the addresses inside a block of the table (property, BigInt reference)", () => {
    fc.assert(
      fc.property(fc.oneof(IpArbitraries.address(), insideBlock), (v) => {
        const expected = referenceBlock(v);
        const result = Egress.check(text(v));
        expect(Result.isFailure(result)).toBe(expected !== undefined);
        if (expected !== undefined && Result.isFailure(result))
          expect(result.failure.block).toBe(expected.cidr);
      }),
      { numRuns: 5_000 },
    );
  });

  it("refuses the IPv4-mapped form of every address in an IPv4 block (property)", () => {
    const v4 = insideBlock.filter((v) => v.family === 4);
    fc.assert(
      fc.property(v4, (v) => {
        expect(Result.isFailure(Egress.check(text({ family: 6, value: MAPPED | v.value })))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it("refuses exactly the blocks of the special-purpose table, the SIIT prefix among them", () => {
    expect(blocks()).toStrictEqual(SpecialPurpose.all);
    expect(blocks().map((b) => b.cidr)).toContain("::ffff:0:0:0/96");
  });
});

describe("Egress.lookup", () => {
  const callbackResolver =
    (answers: Record<string, ReadonlyArray<Egress.ResolvedAddress>>): Egress.Resolver =>
    (hostname, _options, callback) => {
      const found = answers[hostname];
      queueMicrotask(() =>
        found === undefined
          ? callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: "ENOTFOUND" }), [])
          : callback(null, found),
      );
    };

  const dns = callbackResolver({
    "example.com": [
      { address: "93.184.215.14", family: 4 },
      { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
    ],
    "rebind.example": [{ address: "127.0.0.1", family: 4 }],
    "mixed.example": [
      { address: "93.184.215.14", family: 4 },
      { address: "10.0.0.1", family: 4 },
    ],
    "metadata.example": [{ address: "169.254.169.254", family: 4 }],
    "mapped.example": [{ address: "::ffff:127.0.0.1", family: 6 }],
    "siit.example": [{ address: "::ffff:0:127.0.0.1", family: 6 }],
    "zone.example": [{ address: "fe80::1%eth0", family: 6 }],
    "empty.example": [],
  });

  it("passes public addresses through, all of them or the first", async () => {
    const lookup = Egress.lookup(dns);
    expect(await ask(lookup, "example.com")).toStrictEqual({
      error: null,
      address: [
        { address: "93.184.215.14", family: 4 },
        { address: "2606:2800:21f:cb07:6820:80da:af6b:8b2c", family: 6 },
      ],
      family: undefined,
    });
    expect(await ask(lookup, "example.com", false)).toStrictEqual({
      error: null,
      address: "93.184.215.14",
      family: 4,
    });
  });

  it.each([
    ["rebind.example", "127.0.0.0/8"],
    ["mixed.example", "10.0.0.0/8"],
    ["metadata.example", "169.254.0.0/16"],
    ["mapped.example", "127.0.0.0/8"],
    ["siit.example", "::ffff:0:0:0/96"],
    ["zone.example", null],
    ["empty.example", null],
  ])("refuses %s", async (hostname, block) => {
    for (const all of [true, false]) {
      const { error, address } = await ask(Egress.lookup(dns), hostname, all);
      expect(error).toBeInstanceOf(Egress.RefusedAddress);
      expect(error).toBeInstanceOf(Error);
      expect((error as Egress.RefusedAddress).block).toBe(block);
      expect((error as Egress.RefusedAddress).hostname).toBe(hostname);
      expect((error as Egress.RefusedAddress).code).toBe("ERR_SEPTET_REFUSED_ADDRESS");
      expect(address).toStrictEqual(all ? [] : "");
    }
  });

  it("passes the resolver's own error on", async () => {
    const { error } = await ask(Egress.lookup(dns), "nowhere.example");
    expect((error as Error & { code: string }).code).toBe("ENOTFOUND");
  });

  it("takes a promise resolver (dns.promises.lookup shape) and asks for every address of the family", async () => {
    const asked: Array<Egress.ResolverOptions> = [];
    const resolver: Egress.Resolver = async (hostname, options) => {
      asked.push(options);
      return hostname === "rebind.example"
        ? [{ address: "127.0.0.1", family: 4 }]
        : [{ address: "8.8.8.8", family: 4 }];
    };
    const lookup = Egress.lookup(resolver);
    expect((await ask(lookup, "dns.google")).address).toStrictEqual([{ address: "8.8.8.8", family: 4 }]);
    expect((await ask(lookup, "rebind.example")).error).toBeInstanceOf(Egress.RefusedAddress);
    await new Promise<void>((resolve) => lookup("x.example", { family: "IPv6" }, () => resolve()));
    expect(asked).toStrictEqual([
      { all: true, family: 0 },
      { all: true, family: 0 },
      { all: true, family: 6 },
    ]);
    const rejecting: Egress.Resolver = () => Promise.reject(new Error("SERVFAIL"));
    expect((await ask(Egress.lookup(rejecting), "a.example")).error?.message).toBe("SERVFAIL");
  });

  it("honours allowSpecialPurpose", async () => {
    const lookup = Egress.lookup(dns, { allowSpecialPurpose: loopback });
    expect((await ask(lookup, "rebind.example")).address).toStrictEqual([
      { address: "127.0.0.1", family: 4 },
    ]);
    expect((await ask(lookup, "metadata.example")).error).toBeInstanceOf(Egress.RefusedAddress);
  });

  it.each([
    ["a plain array of CIDRs", ["127.0.0.1/32"]],
    ["a look-alike object", { allows: () => true }],
    ["a string", "127.0.0.1"],
  ])("refuses every address, naming the option, when allowSpecialPurpose is %s", async (_, allow) => {
    const options = { allowSpecialPurpose: allow as unknown as Allowlist.Allowlist };
    const reason = "options.allowSpecialPurpose must be an Allowlist (Allowlist.make)";
    for (const address of ["127.0.0.1", "93.184.215.14"]) {
      const result = Egress.check(address, options);
      expect(Result.isFailure(result) && result.failure.reason).toBe(reason);
    }
    const looked = await ask(Egress.lookup(dns, options), "example.com");
    expect(looked.error).toBeInstanceOf(Egress.RefusedAddress);
    expect((looked.error as Egress.RefusedAddress).reason).toBe(reason);
  });

  it("survives hostile resolvers: throwing, answering twice, hostile answers", async () => {
    const throwing: Egress.Resolver = () => {
      throw new Error("resolver bug");
    };
    expect((await ask(Egress.lookup(throwing), "a.example")).error?.message).toBe("resolver bug");

    let calls = 0;
    const twice: Egress.Resolver = (_h, _o, callback) => {
      callback(null, [{ address: "8.8.8.8", family: 4 }]);
      callback(null, [{ address: "127.0.0.1", family: 4 }]);
    };
    Egress.lookup(twice)("a.example", { all: true }, () => calls++);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(calls).toBe(1);

    const getter = Object.defineProperty({}, "address", {
      get: () => {
        throw new Error("boom");
      },
    });
    const hostileAnswers: ReadonlyArray<unknown> = [
      [getter],
      [{ address: 2130706433, family: 4 }],
      [null],
      "127.0.0.1",
      new Proxy([], {
        get: () => {
          throw new Error("boom");
        },
      }),
    ];
    for (const answer of hostileAnswers) {
      const resolver = (async () => answer) as unknown as Egress.Resolver;
      const { error } = await ask(Egress.lookup(resolver), "a.example");
      expect(error).toBeInstanceOf(Error);
    }
  });

  it.each([
    // resolver answer                                             what the socket gets
    ["family 6 with IPv4 text", [{ address: "8.8.8.8", family: 6 }], [{ address: "8.8.8.8", family: 4 }]],
    [
      "family 4 with IPv6 text",
      [{ address: "2001:4860:4860::8888", family: 4 }],
      [{ address: "2001:4860:4860::8888", family: 6 }],
    ],
    [
      "duplicates, as given",
      [
        { address: "8.8.8.8", family: 4 },
        { address: "8.8.8.8", family: 4 },
      ],
      [
        { address: "8.8.8.8", family: 4 },
        { address: "8.8.8.8", family: 4 },
      ],
    ],
    [
      "a non-canonical spelling, canonical",
      [{ address: "2001:4860:4860:0:0:0:0:8888", family: 6 }],
      [{ address: "2001:4860:4860::8888", family: 6 }],
    ],
    [
      "a public address beside a mapped loopback",
      [
        { address: "8.8.8.8", family: 4 },
        { address: "::ffff:127.0.0.1", family: 6 },
      ],
      "127.0.0.0/8",
    ],
    ["an octal-looking octet (010 is 8 or 10?)", [{ address: "010.8.8.8", family: 4 }], null],
    ["a trailing newline", [{ address: "8.8.8.8\n", family: 4 }], null],
    ["brackets", [{ address: "[2001:4860:4860::8888]", family: 6 }], null],
    [
      "a public address beside garbage",
      [
        { address: "8.8.8.8", family: 4 },
        { address: "garbage", family: 4 },
      ],
      null,
    ],
  ] as const)("answer with %s", async (_, answer, expected) => {
    const resolver: Egress.Resolver = async () => answer;
    const { error, address } = await ask(Egress.lookup(resolver), "a.example");
    if (typeof expected === "string" || expected === null) {
      expect(error).toBeInstanceOf(Egress.RefusedAddress);
      expect((error as Egress.RefusedAddress).block).toBe(expected);
    } else {
      expect(error).toBeNull();
      expect(address).toStrictEqual(expected);
    }
  });

  it("hands the socket the canonical text of what it checked (property)", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(IpArbitraries.addressText(), { minLength: 1, maxLength: 4 }),
        async (answer) => {
          const resolver: Egress.Resolver = async () =>
            answer.map((a) => ({ address: a.text, family: a.value.family }));
          const { error, address } = await ask(Egress.lookup(resolver), "a.example");
          const refused = answer.some((a) => referenceBlock(a.value) !== undefined);
          const parsable = answer.every((a) => Result.isSuccess(Ip.parseAddressResult(a.text)));
          expect(error === null).toBe(parsable && !refused);
          if (error === null) {
            const parsed = answer.map((a) => Result.getOrThrow(Ip.parseAddressResult(a.text)));
            expect(address).toStrictEqual(parsed.map((p) => ({ address: Ip.format(p), family: p.family })));
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe("Egress: packaging", () => {
  it("is the same module from the barrel and from the @septet/core/Egress subpath", () => {
    expect(EgressSubpath.lookup).toBe(Egress.lookup);
    expect(EgressSubpath.check).toBe(Egress.check);
  });
});
