import { Replacement, ReplacementTable } from "@septet/core";
import { ReplacementArbitraries as RA } from "@septet/testing";
import { Exit, Schema } from "effect";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

const decode = Schema.decodeUnknownExit(ReplacementTable.ReplacementTable);

describe("ReplacementTable schema", () => {
  it("decodes what makeTable accepts, to an equal table", () => {
    fc.assert(
      fc.property(RA.table(), (t) => {
        const exit = decode(t.entries.map(([a, b]) => [a, b]));
        expect(Exit.isSuccess(exit)).toBe(true);
        if (Exit.isSuccess(exit)) {
          expect(Replacement.isTable(exit.value)).toBe(true);
          expect(exit.value.entries).toEqual(t.entries);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("refuses what makeTable refuses, with its message", () => {
    fc.assert(
      fc.property(RA.invalidTableInput(), ({ input }) => {
        const exit = decode(input);
        expect(Exit.isFailure(exit)).toBe(true);
        const made = Replacement.makeTable(input);
        if (made._tag === "InvalidTable")
          expect(String(Exit.isFailure(exit) ? exit.cause : "")).toContain("Invalid replacement table");
      }),
      { numRuns: 100 },
    );
  });

  it("round-trips through encode", () => {
    const t = Schema.decodeUnknownSync(ReplacementTable.ReplacementTable)({ "„": '"', "“": '"' });
    expect(Schema.encodeSync(ReplacementTable.ReplacementTable)(t)).toEqual([
      ["„", '"'],
      ["“", '"'],
    ]);
  });
});
