/**
 * Line breaks as the three places that hold the text see them. A `<textarea>` turns CR LF and a
 * lone CR into LF (its `value` never holds CR); a form post sends every line break as CR LF.
 * `<septet-composer>` keeps its `value` in the textarea's form (LF) and counts, replaces and
 * submits the posted form (CR LF), so what is counted is what the form sends. The marks are
 * painted over the textarea's text, so their positions are mapped back with {@link toValueIndex}.
 *
 * @internal
 */

/** The textarea's form of `text`: CR LF and lone CR become LF (the same string when there is none). */
export const toLf = (text: string): string => (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);

/** The posted form of an LF-only `text`: every LF becomes CR LF. */
export const toCrlf = (lf: string): string => (lf.includes("\n") ? lf.replaceAll("\n", "\r\n") : lf);

/**
 * Maps ascending positions in `toCrlf(lf)` to positions in `lf`, walking the text once: call it
 * with non-decreasing positions. A position on the CR of a CR LF maps to its LF.
 */
export const toValueIndex = (lf: string): ((posted: number) => number) => {
  let breaks = 0;
  let next = lf.indexOf("\n");
  return (posted) => {
    // The LF at `next` sits at `next + breaks` in the posted text (CR there, LF one after).
    while (next !== -1 && next + breaks < posted) {
      breaks++;
      next = lf.indexOf("\n", next + 1);
    }
    return posted - breaks;
  };
};
