/**
 * Which special-purpose block (see `specialPurpose.ts`) holds an address: the registry table
 * compiled once with `Allowlist`, so IPv4-mapped forms (`::ffff:127.0.0.1`) match the IPv4 blocks.
 *
 * @internal
 */
import { Effect } from "effect";
import * as Allowlist from "../../Allowlist.js";
import type * as Ip from "../../Ip.js";
import * as SpecialPurpose from "./specialPurpose.js";

interface Compiled {
  /** Every block in one list: one search for the common case (a public address). */
  readonly any: Allowlist.Allowlist;
  /** One list per block, searched only to name the block that matched. */
  readonly each: ReadonlyArray<readonly [SpecialPurpose.SpecialPurposeBlock, Allowlist.Allowlist]>;
}

let compiled: Compiled | undefined;

/** Every block the guard refuses: the special-purpose table, in its order. */
export const blocks = (): ReadonlyArray<SpecialPurpose.SpecialPurposeBlock> => SpecialPurpose.all;

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
