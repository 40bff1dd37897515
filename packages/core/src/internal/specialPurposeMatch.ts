/**
 * Which special-purpose block (see `dlrSpecialPurpose.ts`) holds an address: the registry table
 * compiled once with `Allowlist`, so IPv4-mapped forms (`::ffff:127.0.0.1`) match the IPv4 blocks.
 *
 * @internal
 */
import { Effect } from "effect";
import * as Allowlist from "../Allowlist.js";
import type * as Ip from "../Ip.js";
import * as SpecialPurpose from "./dlrSpecialPurpose.js";

/**
 * Blocks refused at connect time on top of the registry table. The IPv4-translated prefix of
 * SIIT (RFC 2765 §2.1, `::ffff:0:0:0/96`, e.g. `::ffff:0:127.0.0.1`) is not in the IANA
 * registries, but a translator maps it onto the IPv4 address it carries. A block the table
 * already lists is skipped, so the table stays the one source.
 */
const extra: ReadonlyArray<SpecialPurpose.SpecialPurposeBlock> = [
  { cidr: "::ffff:0:0:0/96", name: "IPv4-translated (SIIT)", rfc: "RFC 2765 §2.1" },
];

interface Compiled {
  /** Every block in one list: one search for the common case (a public address). */
  readonly any: Allowlist.Allowlist;
  /** One list per block, searched only to name the block that matched. */
  readonly each: ReadonlyArray<readonly [SpecialPurpose.SpecialPurposeBlock, Allowlist.Allowlist]>;
}

let compiled: Compiled | undefined;

/** Every block the guard refuses: the registry table, then the extra blocks it lacks. */
export const blocks = (): ReadonlyArray<SpecialPurpose.SpecialPurposeBlock> => {
  const listed = new Set(SpecialPurpose.all.map((block) => block.cidr));
  return [...SpecialPurpose.all, ...extra.filter((block) => !listed.has(block.cidr))];
};

const compile = (): Compiled => {
  if (compiled === undefined) {
    const all = blocks();
    compiled = {
      any: Effect.runSync(Allowlist.make(all.map((block) => block.cidr))),
      each: all.map((block) => [block, Effect.runSync(Allowlist.make([block.cidr]))] as const),
    };
  }
  return compiled;
};

/** The block holding `address`, or `undefined` for an address outside every block. */
export const blockOf = (address: Ip.Address): SpecialPurpose.SpecialPurposeBlock | undefined => {
  const { any, each } = compile();
  if (!Allowlist.allows(any, address)) return undefined;
  for (const [block, list] of each) if (Allowlist.allows(list, address)) return block;
  return undefined;
};
