/**
 * The laws every arbitrary of `@septet/testing` keeps, as one set of assertions run against each
 * builder (the way fast-check tests its own arbitraries):
 *
 * - the same seed gives the same values (a failing property can be replayed);
 * - only valid values come out, where "valid" includes the constraints the builder was given;
 * - a bad constraint fails when the builder is called, with a `RangeError` naming the field.
 *
 * A test file lists its builders with {@link arbitraryLaws} and its bad constraints with
 * {@link failsFast}.
 */
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";

/** One builder call to check: a name for the report, the call, and what a valid value is. */
export interface ArbitraryCase<A> {
  /** The call as written, e.g. `gsm7Text({ maxLength: 5 })`. */
  readonly name: string;
  /** Builds the arbitrary (called once per law, so each law gets a fresh one). */
  readonly build: () => fc.Arbitrary<A>;
  /** Asserts (with `expect`) that a generated value is valid and respects the constraints. */
  readonly valid: (value: A) => void;
  /** Runs of the validity law (default 200). */
  readonly numRuns?: number;
}

const SEEDS = [1, 42, -7];
const REPLAYED = 30;

/** Checks the determinism and validity laws for each case. */
export const arbitraryLaws = <A>(cases: ReadonlyArray<ArbitraryCase<A>>): void => {
  describe.each(cases.map((c) => [c.name, c] as const))("%s", (_name, c) => {
    it("gives the same values for the same seed", () => {
      for (const seed of SEEDS) {
        const first = fc.sample(c.build(), { seed, numRuns: REPLAYED });
        const again = fc.sample(c.build(), { seed, numRuns: REPLAYED });
        // fast-check's own printer: exact for -0, NaN, bigint, Maps, null prototypes, and for
        // objects with own `constructor` / `__proto__` keys (which defeat toStrictEqual).
        expect(fc.stringify(again)).toBe(fc.stringify(first));
      }
    });

    it("gives only valid values, within its constraints", () => {
      fc.assert(
        fc.property(c.build(), (value) => {
          c.valid(value);
        }),
        { numRuns: c.numRuns ?? 200 },
      );
    });
  });
};

/** Checks that each bad configuration throws a `RangeError` matching `message` when built. */
export const failsFast = (
  cases: ReadonlyArray<readonly [call: string, build: () => unknown, message: RegExp]>,
) => {
  it.each(cases)("%s fails fast", (_call, build, message) => {
    expect(build).toThrow(RangeError);
    expect(build).toThrow(message);
  });
};

/** Widens one case for a list of cases of different value types (the case itself stays checked). */
export const arbitraryCase = <A>(c: ArbitraryCase<A>): ArbitraryCase<unknown> => c as ArbitraryCase<unknown>;
