/**
 * Address blocks a delivery-report webhook must not point at unless the caller allows them
 * explicitly (server-side request forgery guard).
 *
 * Sources (retrieved for septet 0.1.0):
 * - IANA IPv4 Special-Purpose Address Registry (RFC 6890 as updated by RFC 8190),
 *   https://www.iana.org/assignments/iana-ipv4-special-registry/
 * - IANA IPv6 Special-Purpose Address Registry (RFC 6890, RFC 8190),
 *   https://www.iana.org/assignments/iana-ipv6-special-registry/
 * - Multicast, which the special-purpose registries do not list: IPv4 224.0.0.0/4 (RFC 5771,
 *   IANA IPv4 Multicast Address Space Registry) and IPv6 ff00::/8 (RFC 4291 §2.7).
 *
 * Every registry entry is listed, including the few marked "globally reachable" (AS112, AMT,
 * PCP/TURN anycast, NAT64 well-known prefix): none of them hosts a customer's webhook, and
 * refusing them costs nothing. The IPv4-translated prefix of SIIT (`::ffff:0:0:0/96`, RFC 2765
 * §2.1), which no registry lists, is refused too. IPv4-mapped IPv6 (`::ffff:0:0/96`) is deliberately absent: the
 * allowlist matches a mapped address as the IPv4 address it carries, so `[::ffff:7f00:1]`
 * is refused by the IPv4 loopback entry (see the ip-whitelist guide, "Families").
 *
 * @internal
 */
export interface SpecialPurposeBlock {
  /** The block in CIDR notation. */
  readonly cidr: string;
  /** The registry's name for it. */
  readonly name: string;
  /** The RFC that reserves it. */
  readonly rfc: string;
}

/** IANA IPv4 Special-Purpose Address Registry, plus IPv4 multicast. */
export const ipv4: ReadonlyArray<SpecialPurposeBlock> = [
  { cidr: "0.0.0.0/8", name: '"This network" (includes the unspecified 0.0.0.0)', rfc: "RFC 791 §3.2" },
  { cidr: "10.0.0.0/8", name: "Private-Use", rfc: "RFC 1918" },
  { cidr: "100.64.0.0/10", name: "Shared Address Space (CGNAT)", rfc: "RFC 6598" },
  { cidr: "127.0.0.0/8", name: "Loopback", rfc: "RFC 1122 §3.2.1.3" },
  {
    cidr: "169.254.0.0/16",
    name: "Link Local (includes the 169.254.169.254 metadata service)",
    rfc: "RFC 3927",
  },
  { cidr: "172.16.0.0/12", name: "Private-Use", rfc: "RFC 1918" },
  { cidr: "192.0.0.0/24", name: "IETF Protocol Assignments", rfc: "RFC 6890 §2.1" },
  { cidr: "192.0.2.0/24", name: "Documentation (TEST-NET-1)", rfc: "RFC 5737" },
  { cidr: "192.31.196.0/24", name: "AS112-v4", rfc: "RFC 7535" },
  { cidr: "192.52.193.0/24", name: "AMT", rfc: "RFC 7450" },
  { cidr: "192.88.99.0/24", name: "Deprecated (6to4 Relay Anycast)", rfc: "RFC 7526" },
  { cidr: "192.168.0.0/16", name: "Private-Use", rfc: "RFC 1918" },
  { cidr: "192.175.48.0/24", name: "Direct Delegation AS112 Service", rfc: "RFC 7534" },
  { cidr: "198.18.0.0/15", name: "Benchmarking", rfc: "RFC 2544" },
  { cidr: "198.51.100.0/24", name: "Documentation (TEST-NET-2)", rfc: "RFC 5737" },
  { cidr: "203.0.113.0/24", name: "Documentation (TEST-NET-3)", rfc: "RFC 5737" },
  { cidr: "224.0.0.0/4", name: "Multicast", rfc: "RFC 5771" },
  { cidr: "240.0.0.0/4", name: "Reserved (includes limited broadcast 255.255.255.255)", rfc: "RFC 1112 §4" },
];

/** IANA IPv6 Special-Purpose Address Registry, plus IPv6 multicast and deprecated blocks. */
export const ipv6: ReadonlyArray<SpecialPurposeBlock> = [
  { cidr: "::/128", name: "Unspecified Address", rfc: "RFC 4291 §2.5.2" },
  { cidr: "::1/128", name: "Loopback Address", rfc: "RFC 4291 §2.5.3" },
  { cidr: "::/96", name: "IPv4-Compatible (deprecated)", rfc: "RFC 4291 §2.5.5.1" },
  { cidr: "64:ff9b::/96", name: "IPv4-IPv6 Translation", rfc: "RFC 6052" },
  { cidr: "64:ff9b:1::/48", name: "IPv4-IPv6 Translation (local use)", rfc: "RFC 8215" },
  { cidr: "100::/64", name: "Discard-Only Address Block", rfc: "RFC 6666" },
  { cidr: "100:0:0:1::/64", name: "Dummy IPv6 Prefix", rfc: "RFC 9780" },
  { cidr: "2001::/23", name: "IETF Protocol Assignments (Teredo, benchmarking, ORCHID…)", rfc: "RFC 2928" },
  { cidr: "2001:db8::/32", name: "Documentation", rfc: "RFC 3849" },
  { cidr: "2002::/16", name: "6to4", rfc: "RFC 3056" },
  { cidr: "2620:4f:8000::/48", name: "Direct Delegation AS112 Service", rfc: "RFC 7534" },
  { cidr: "3fff::/20", name: "Documentation", rfc: "RFC 9637" },
  { cidr: "5f00::/16", name: "Segment Routing (SRv6) SIDs", rfc: "RFC 9602" },
  { cidr: "fc00::/7", name: "Unique-Local", rfc: "RFC 4193" },
  { cidr: "fe80::/10", name: "Link-Local Unicast", rfc: "RFC 4291 §2.5.6" },
  { cidr: "fec0::/10", name: "Site-Local (deprecated)", rfc: "RFC 3879" },
  // Not in the registry: SIIT's IPv4-translated addresses, which a translator maps onto the IPv4
  // address they carry (`::ffff:0:127.0.0.1` reaches 127.0.0.1). No webhook lives there.
  { cidr: "::ffff:0:0:0/96", name: "IPv4-translated (SIIT)", rfc: "RFC 2765 §2.1" },
  { cidr: "ff00::/8", name: "Multicast", rfc: "RFC 4291 §2.7" },
];

/** Both families, in the order above. */
export const all: ReadonlyArray<SpecialPurposeBlock> = [...ipv4, ...ipv6];
