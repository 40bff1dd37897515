import { Allowlist, ClientAddress, Ip } from "@septet/core";
import * as ClientAddressSubpath from "@septet/core/ClientAddress";
import { IpArbitraries } from "@septet/testing";
import { Effect, Option } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const trusted = Effect.runSync(Allowlist.make(["10.0.0.0/8", "fd00::/8"]));
const nobody = Effect.runSync(Allowlist.make([]));

const resolve = (
  socket: string,
  header: string | ReadonlyArray<string> | undefined,
  format: ClientAddress.HeaderFormat = "x-forwarded-for",
) => ClientAddress.resolve({ socket, header, format, trusted });

describe("ClientAddress.resolve: X-Forwarded-For", () => {
  it.each([
    // socket          header                                   address            source    hops malformed
    ["10.0.0.1", "203.0.113.7", "203.0.113.7", "header", 1, false],
    ["10.0.0.1", "203.0.113.7, 10.0.0.2", "203.0.113.7", "header", 2, false],
    ["10.0.0.1", "6.6.6.6, 203.0.113.7, 10.0.0.2", "203.0.113.7", "header", 2, false],
    ["10.0.0.1", "203.0.113.7,10.0.0.2,10.0.0.3", "203.0.113.7", "header", 3, false],
    ["10.0.0.1", "10.0.0.9, 10.0.0.2", "10.0.0.9", "header", 2, false],
    ["10.0.0.1", "203.0.113.7:51234", "203.0.113.7", "header", 1, false],
    ["10.0.0.1", "[2001:db8::7]:443", "2001:db8::7", "header", 1, false],
    ["10.0.0.1", "2001:DB8::7", "2001:db8::7", "header", 1, false],
    ["10.0.0.1", "[2001:db8::7]", "2001:db8::7", "header", 1, false],
    ["10.0.0.1", "203.0.113.7, , 10.0.0.2", "203.0.113.7", "header", 2, false],
    ["10.0.0.1", "::ffff:10.0.0.2, 203.0.113.7", "203.0.113.7", "header", 1, false],
    ["::ffff:10.0.0.1", "203.0.113.7", "203.0.113.7", "header", 1, false],
    ["fd00::1", "203.0.113.7", "203.0.113.7", "header", 1, false],
    // The socket's peer is not a trusted proxy: the header is ignored.
    ["203.0.113.1", "10.0.0.5", "203.0.113.1", "socket", 0, false],
    ["127.0.0.1", "203.0.113.7", "127.0.0.1", "socket", 0, false],
    // No header, or nothing in it.
    ["10.0.0.1", undefined, "10.0.0.1", "socket", 0, false],
    ["10.0.0.1", "", "10.0.0.1", "socket", 0, false],
    ["10.0.0.1", " , ", "10.0.0.1", "socket", 0, false],
    // Fail safe: the walk stops at what it cannot read, on the last trusted address.
    ["10.0.0.1", "unknown", "10.0.0.1", "socket", 0, true],
    ["10.0.0.1", "203.0.113.7, garbage, 10.0.0.2", "10.0.0.2", "header", 1, true],
    ["10.0.0.1", "203.0.113.7 10.0.0.2", "10.0.0.1", "socket", 0, true],
    ["10.0.0.1", "010.0.0.2", "10.0.0.1", "socket", 0, true],
    ["10.0.0.1", "203.0.113.7:99999", "10.0.0.1", "socket", 0, true],
    ["10.0.0.1", "fe80::1%eth0", "10.0.0.1", "socket", 0, true],
    ["10.0.0.1", "[203.0.113.7]", "10.0.0.1", "socket", 0, true],
    ["10.0.0.1", "2001:db8::7:80]", "10.0.0.1", "socket", 0, true],
  ] as const)("%s with %j → %s", (socket, header, address, source, hops, malformed) => {
    expect(resolve(socket, header)).toStrictEqual({ address, source, hops, malformed });
  });

  it("joins several header lines in order", () => {
    expect(resolve("10.0.0.1", ["6.6.6.6, 203.0.113.7", "10.0.0.2"]).address).toBe("203.0.113.7");
    expect(resolve("10.0.0.1", ["203.0.113.7", "198.51.100.9"]).address).toBe("198.51.100.9");
  });
});

describe("ClientAddress.resolve: Forwarded (RFC 7239)", () => {
  it.each([
    // RFC 7239 §4 and §7.1 examples, then the forms proxies write.
    ['for="_gazonk"', "10.0.0.1", true],
    ['For="[2001:db8:cafe::17]:4711"', "2001:db8:cafe::17", false],
    ["for=192.0.2.60;proto=http;by=203.0.113.43", "192.0.2.60", false],
    ["for=192.0.2.43, for=198.51.100.17", "198.51.100.17", false],
    ["for=192.0.2.43, for=10.0.0.7;proto=https", "192.0.2.43", false],
    ['proto=https;for="198.51.100.17:4711";by=10.0.0.1', "198.51.100.17", false],
    ['for="[2001:db8::1]"', "2001:db8::1", false],
    ["for=unknown", "10.0.0.1", true],
    ["proto=https", "10.0.0.1", true],
    ["for=2001:db8::1", "10.0.0.1", true],
    ['for="198.51.100.17', "10.0.0.1", true],
    ['for="198.51.100\\.17"', "10.0.0.1", true],
    // A client-written element with an unbalanced quote or a comma in quotes stays on its side.
    ['for="evil, for=6.6.6.6, for=198.51.100.17', "198.51.100.17", false],
    ['for="1.1.1.1, 2.2.2.2", for=198.51.100.17, for=10.0.0.3', "198.51.100.17", false],
    // Decisions (SECURITY.md): an address is an address, loopback included (the whitelist
    // decides); obfuscated identifiers, zones and spaces around "=" end the walk; a repeated
    // for= inside one element is read as the last one.
    ['for="[::1]:80"', "::1", false],
    ["for=_hidden", "10.0.0.1", true],
    ['for="[fe80::1%eth0]"', "10.0.0.1", true],
    ["for = 198.51.100.17", "10.0.0.1", true],
    ["for=198.51.100.17;for=198.51.100.18", "198.51.100.18", false],
    ["for=198.51.100.17:80", "10.0.0.1", true],
  ] as const)("%s → %s", (header, address, malformed) => {
    const result = resolve("10.0.0.1", header, "forwarded");
    expect(result.address).toBe(address);
    expect(result.malformed).toBe(malformed);
  });
});

describe("ClientAddress.resolve: laws", () => {
  const parsed = (text: string) => Option.getOrThrow(Ip.parseAddressOption(text));
  const canonical = (text: string) => Ip.format(parsed(text));
  const spell = (v: IpArbitraries.IpValue) =>
    IpArbitraries.spell(v, { upper: false, pad: false, dotted: false, run: 0 });
  const isTrusted = (text: string) => Allowlist.allows(trusted, text);
  const addressText = IpArbitraries.address().map(spell);
  /** Addresses inside the trusted ranges (10.0.0.0/8, fd00::/8), drawn directly, not filtered. */
  const proxy = fc.oneof(
    fc.nat({ max: 0xffffff }).map((n) => spell({ family: 4, value: (10n << 24n) | BigInt(n) })),
    fc
      .bigInt({ min: 0n, max: (1n << 120n) - 1n })
      .map((v) => spell({ family: 6, value: (0xfdn << 120n) | v })),
  );
  const client = addressText.filter((a) => !isTrusted(a));
  /** Whatever a client may prepend: addresses, garbage, quotes, commas, semicolons. */
  const spoof = fc.array(
    fc.oneof(addressText, fc.string(), fc.constantFrom('"', "for=", ",", ";", "[", "]:1", "unknown", "\\")),
    { maxLength: 6 },
  );
  const xff = (hops: ReadonlyArray<string>) => hops.join(", ");
  const fwd = (hops: ReadonlyArray<string>) =>
    hops.map((h) => (h.includes(":") ? `for="[${h}]"` : `for=${h}`)).join(", ");

  it("with no trusted proxy the answer is the socket address", () => {
    fc.assert(
      fc.property(
        addressText,
        fc.oneof(fc.string(), fc.array(fc.string())),
        fc.constantFrom("x-forwarded-for", "forwarded"),
        (socket, header, format) => {
          for (const list of [nobody, undefined]) {
            expect(ClientAddress.resolve({ socket, header, format, trusted: list })).toStrictEqual({
              address: socket,
              source: "socket",
              hops: 0,
              malformed: false,
            });
          }
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("a socket peer outside the trusted list is the answer, whatever the header", () => {
    fc.assert(
      fc.property(
        client,
        fc.string(),
        fc.constantFrom("x-forwarded-for", "forwarded"),
        (socket, header, format) => {
          expect(ClientAddress.resolve({ socket, header, format, trusted }).address).toBe(socket);
        },
      ),
      { numRuns: 1_000 },
    );
  });

  it("a spoofed prefix never changes the answer: the client is the first untrusted hop from the right", () => {
    fc.assert(
      fc.property(
        spoof,
        client,
        fc.array(proxy, { maxLength: 4 }),
        proxy,
        fc.constantFrom("x-forwarded-for", "forwarded"),
        (prefix, c, proxies, socket, format) => {
          const write = format === "forwarded" ? fwd : xff;
          const honest = write([c, ...proxies]);
          const spoofed = [...prefix, honest].join(", ");
          const expected = {
            address: canonical(c),
            source: "header",
            hops: proxies.length + 1,
            malformed: false,
          };
          expect(ClientAddress.resolve({ socket, header: honest, format, trusted })).toStrictEqual(expected);
          expect(ClientAddress.resolve({ socket, header: spoofed, format, trusted })).toStrictEqual(expected);
        },
      ),
      { numRuns: 2_000 },
    );
  });

  it("the answer is the socket address or one of the hops, never anything else", () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(addressText, fc.string()), { maxLength: 8 }), proxy, (hops, socket) => {
        const result = resolve(socket, hops.join(","));
        const seen = [
          socket,
          ...hops.flatMap((h) => Option.toArray(Ip.parseAddressOption(h.trim())).map(Ip.format)),
        ];
        expect(result.address === socket || seen.includes(result.address)).toBe(true);
        expect(result.source === "socket").toBe(result.hops === 0);
      }),
      { numRuns: 1_000 },
    );
  });

  it("never throws and stays bounded on hostile input", () => {
    const throwing = new Proxy(
      {},
      {
        get: () => {
          throw new Error("boom");
        },
      },
    );
    const inputs: ReadonlyArray<unknown> = [
      throwing,
      { socket: 42, header: "1.2.3.4", format: "x-forwarded-for", trusted },
      { socket: "10.0.0.1", header: [1, 2], format: "x-forwarded-for", trusted },
      { socket: "10.0.0.1", header: throwing, format: "x-forwarded-for", trusted },
      { socket: "10.0.0.1", header: "1.2.3.4", format: "nope", trusted },
      { socket: "10.0.0.1", header: "1.2.3.4", format: "x-forwarded-for", trusted: throwing },
      { socket: "10.0.0.1", header: `"${",".repeat(20_000)}`, format: "forwarded", trusted },
      { socket: "10.0.0.1", header: Array(20_000).fill("10.0.0.2"), format: "x-forwarded-for", trusted },
      { socket: "10.0.0.1", header: `${"10.0.0.2,".repeat(100)}1.2.3.4`, format: "x-forwarded-for", trusted },
    ];
    for (const input of inputs) {
      const result = ClientAddress.resolve(input as ClientAddress.Input);
      expect(typeof result.address).toBe("string");
    }
    // Past MAX_HOPS trusted hops the walk gives up on the last trusted address.
    const long = ClientAddress.resolve({
      socket: "10.0.0.1",
      header: `1.2.3.4,${Array(40).fill("10.0.0.2").join(",")}`,
      format: "x-forwarded-for",
      trusted,
    });
    expect(long).toStrictEqual({
      address: "10.0.0.2",
      source: "header",
      hops: ClientAddress.MAX_HOPS,
      malformed: true,
    });
    const over = ClientAddress.resolve({
      socket: "10.0.0.1",
      header: `${" ".repeat(ClientAddress.MAX_HEADER_LENGTH)}1.2.3.4`,
      format: "x-forwarded-for",
      trusted,
    });
    expect(over).toStrictEqual({ address: "10.0.0.1", source: "socket", hops: 0, malformed: true });
  });
});

describe("ClientAddress: packaging", () => {
  it("is the same module from the barrel and from the @septet/core/ClientAddress subpath", () => {
    expect(ClientAddressSubpath.resolve).toBe(ClientAddress.resolve);
  });
});
