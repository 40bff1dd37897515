import type * as Sms from "@septet/core/Sms";
import { toValueIndex } from "./line-breaks.js";

/**
 * How much of the text the marks cover. Chromium paints the CSS highlight ranges of a layer one
 * by one on every frame, and lays the layer's text out like the textarea's, so both are bounded:
 * the marks cover at most the first `MARK_WINDOW` UTF-16 units of the text and at most
 * `MAX_MARK_RUNS` runs of adjacent marked characters; the element then says "Marks shown for the
 * first N characters". The text itself is never cut: the counts cover all of it.
 *
 * @internal
 */
export const MARK_WINDOW = 10_000;
/** @internal See {@link MARK_WINDOW}. */
export const MAX_MARK_RUNS = 1_000;
/** A cut inside a word would wrap the layer's last line unlike the textarea's: cut at most this much later, at a space. */
const WORD_SLACK = 64;

/**
 * The marks on the characters that force UCS-2, in positions of the textarea's text.
 *
 * @internal
 */
export interface Marks {
  /** Runs of adjacent characters that force UCS-2, as [start, end) UTF-16 ranges of `value`. */
  readonly runs: ReadonlyArray<readonly [number, number]>;
  /** Length of the prefix of `value` that the marks cover (the whole text when `complete`). */
  readonly end: number;
  /** Length of the prefix of `value` the highlight layer holds: `end`, moved to the end of its word. */
  readonly layerEnd: number;
  /** Every character that forces UCS-2 is marked. */
  readonly complete: boolean;
}

const isBreakable = (code: number): boolean => code === 0x20 || code === 0x0a || code === 0x09;

/** `at`, moved past the rest of its word (bounded), and never between the halves of a surrogate pair. */
const cutAt = (value: string, at: number): number => {
  let end = at;
  while (end < value.length && end < at + WORD_SLACK && !isBreakable(value.charCodeAt(end))) end++;
  if (end < value.length && !isBreakable(value.charCodeAt(end))) end = at; // no space near: cut where asked
  const code = value.charCodeAt(end - 1);
  return code >= 0xd800 && code <= 0xdbff && end < value.length ? end + 1 : end;
};

/**
 * The marks for `value` (the textarea's text, LF line breaks) from `forced`, the characters that
 * force UCS-2 as measured in the posted text (CR LF line breaks: see `line-breaks.ts`). Linear in
 * the window, not in the text.
 *
 * @internal
 */
export const marksFor = (value: string, forced: ReadonlyArray<Sms.Forced>): Marks => {
  const runs: Array<readonly [number, number]> = [];
  if (forced.length === 0) return { runs, end: value.length, layerEnd: value.length, complete: true };
  const toValue = toValueIndex(value);
  let limit = Math.min(value.length, MARK_WINDOW);
  let start = -1;
  let runEnd = -1;
  let complete = true;
  for (let i = 0; i < forced.length; i++) {
    const { index, char } = forced[i]!;
    const at = toValue(index);
    if (at >= limit) {
      complete = false;
      break;
    }
    if (at === runEnd) {
      runEnd += char.length;
      continue;
    }
    if (start >= 0) runs.push([start, runEnd]);
    if (runs.length === MAX_MARK_RUNS) {
      limit = at;
      start = -1;
      complete = false;
      break;
    }
    start = at;
    runEnd = at + char.length;
  }
  if (start >= 0) runs.push([start, runEnd]);
  if (complete) return { runs, end: value.length, layerEnd: value.length, complete };
  // A run may end past the window by the second half of a surrogate pair.
  const end = Math.max(limit, runs.at(-1)?.[1] ?? 0);
  return { runs, end, layerEnd: cutAt(value, end), complete };
};
