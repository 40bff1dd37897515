import type { Derived } from "./derived.js";
import { toValueIndex } from "./line-breaks.js";

/**
 * How the list "Characters that force UCS-2" groups what it explains: what still forces UCS-2
 * in the outgoing text comes first; among it, characters that have no GSM-7 equivalent at all
 * are grouped by script ("24 Arabic characters"), the others listed one by one with what FULL
 * would send; characters Auto-Replace already replaced are only summarised ("16 replaced").
 *
 * @internal
 */
export interface ForcedView {
  /** Still forcing UCS-2 and without a GSM-7 equivalent, by script, in order of first use. */
  readonly scripts: ReadonlyArray<ScriptGroup>;
  /** Still forcing UCS-2, one entry per distinct character (FULL has an equivalent, or hints are unknown yet). */
  readonly remaining: ReadonlyArray<CharGroup>;
  /** Replaced by Auto-Replace, one entry per distinct character. */
  readonly replaced: ReadonlyArray<CharGroup>;
  /** How many characters (occurrences) were replaced. */
  readonly replacedCount: number;
}

/** @internal */
export interface CharGroup {
  readonly char: string;
  readonly count: number;
  /** What FULL sends instead (`""`: removes it; `null`: nothing; `undefined`: not known yet). */
  readonly hint: string | null | undefined;
}

/** @internal */
export interface ScriptGroup {
  /** ISO 15924 code (`"Arab"`), or `"emoji"`, or `"other"`. */
  readonly script: string;
  /** Characters (occurrences) in the group. */
  readonly count: number;
  /** 1-based positions in the textarea's text, at most `MAX_POSITIONS`. */
  readonly positions: ReadonlyArray<number>;
}

/** Positions listed per script group; the rest is summarised. */
export const MAX_POSITIONS = 50;

/**
 * Scripts named in groups, by ISO 15924 code, which is also the short name of the Unicode
 * `Script_Extensions` (`scx`) value (so the Arabic comma and Arabic-Indic digits count as
 * Arabic). Each test is one anchored property escape on one character: no backtracking.
 */
const SCRIPTS: ReadonlyArray<readonly [string, RegExp]> =
  "Arab Hebr Hani Hira Kana Hang Cyrl Grek Deva Beng Taml Thai Armn Geor Ethi Latn"
    .split(" ")
    .map((code) => [code, new RegExp(`^\\p{scx=${code}}`, "u")]);
const EMOJI = /^\p{Extended_Pictographic}/u;

/** The group of a character without a GSM-7 equivalent. */
export const scriptOf = (char: string): string => {
  if (EMOJI.test(char)) return "emoji";
  for (const [code, test] of SCRIPTS) if (test.test(char)) return code;
  return "other";
};

/** Groups the characters that force UCS-2 in `d` (one pass over them). */
export const groupForced = (d: Derived): ForcedView => {
  const replacedSomething = d.outgoing !== d.posted;
  const still = new Set<string>();
  if (replacedSomething) for (const { char } of d.after.forcedUcs2) still.add(char);
  const chars = new Map<string, { count: number; remaining: boolean }>();
  const scripts = new Map<string, { count: number; positions: Array<number> }>();
  const toValue = toValueIndex(d.value);
  let replacedCount = 0;
  for (const { char, index } of d.before.forcedUcs2) {
    const remaining = !replacedSomething || still.has(char);
    if (!remaining) replacedCount++;
    if (remaining && d.hints.get(char) === null) {
      const script = scriptOf(char);
      let group = scripts.get(script);
      if (group === undefined) {
        group = { count: 0, positions: [] };
        scripts.set(script, group);
      }
      group.count++;
      if (group.positions.length < MAX_POSITIONS) group.positions.push(toValue(index) + 1);
      continue;
    }
    const entry = chars.get(char);
    if (entry === undefined) chars.set(char, { count: 1, remaining });
    else entry.count++;
  }
  const remaining: Array<CharGroup> = [];
  const replaced: Array<CharGroup> = [];
  for (const [char, { count, remaining: left }] of chars) {
    (left ? remaining : replaced).push({ char, count, hint: d.hints.get(char) });
  }
  return {
    scripts: [...scripts].map(([script, { count, positions }]) => ({ script, count, positions })),
    remaining,
    replaced,
    replacedCount,
  };
};
