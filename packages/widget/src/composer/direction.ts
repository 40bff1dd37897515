/**
 * The direction `dir="auto"` would give a text: that of its first strong character.
 *
 * `<septet-composer>` sets it on its textarea itself instead of `dir="auto"`, because Chromium
 * recomputes an auto direction as each pasted line lands, over the whole value: a 1 MB paste
 * took 4.1 s with `dir="auto"` against 0.6–0.9 s without, and 10 MB minutes.
 *
 * Strong characters are approximated by letters (`\p{L}`) and the marks LRM and RLM; a letter
 * of a right-to-left script makes the text right to left. JavaScript regexes have no
 * `Bidi_Class`, so strong non-letters (rare: some symbols) are not seen. One scan, stopping at
 * the first letter.
 *
 * @internal
 */
const STRONG = /[\p{L}\u200e\u200f]/u;
/**
 * RLM and the right-to-left scripts by their ISO 15924 codes (short names of the same `Script`
 * values): Hebrew, Arabic, Syriac, Thaana, N'Ko, Samaritan, Mandaic, Adlam, Hanifi Rohingya, Old
 * Hungarian.
 */
const RIGHT_TO_LEFT =
  /[\u200f\p{sc=Hebr}\p{sc=Arab}\p{sc=Syrc}\p{sc=Thaa}\p{sc=Nkoo}\p{sc=Samr}\p{sc=Mand}\p{sc=Adlm}\p{sc=Rohg}\p{sc=Hung}]/u;

/** `"rtl"` or `"ltr"` from the first strong character of `text`, or `undefined` without one (the page's direction applies). */
export const textDirection = (text: string): "ltr" | "rtl" | undefined => {
  const at = text.search(STRONG);
  if (at < 0) return undefined;
  const code = text.codePointAt(at)!;
  return RIGHT_TO_LEFT.test(String.fromCodePoint(code)) ? "rtl" : "ltr";
};
