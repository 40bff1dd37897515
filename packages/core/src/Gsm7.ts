/**
 * TEMPORARY STUB (owned by the encoding-core helper, who replaces this whole file with the
 * generated tables). The exported names and types below are the contract other modules use.
 */

/** The thirteen national languages of 3GPP TS 23.038 §6.2.1.2.4 / Annex A. */
export type LanguageName =
  | "Turkish"
  | "Spanish"
  | "Portuguese"
  | "Bengali"
  | "Gujarati"
  | "Hindi"
  | "Kannada"
  | "Malayalam"
  | "Oriya"
  | "Punjabi"
  | "Tamil"
  | "Telugu"
  | "Urdu";

/** A national language's shift tables (either may be absent: Spanish has no locking shift). */
export interface NationalLanguage {
  readonly name: LanguageName;
  /** The national language identifier of TS 23.038 §6.2.1.2.4 (Turkish = 1 … Urdu = 13). */
  readonly id: number;
  /** 128 entries indexed by septet; "" where the position is unassigned. */
  readonly lockingShift: ReadonlyArray<string> | undefined;
  /** 128 entries indexed by septet; "" where the position is unassigned. */
  readonly singleShift: ReadonlyArray<string> | undefined;
}

const BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞ\u001bÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
const EXTENSION = "\f^{}\\[~]|€";

/**
 * Septets one code point costs in the default alphabet: 1 (basic table), 2 (extension table,
 * escape + character) or 0 (not encodable). ESC itself (U+001B) is not a character of the text.
 */
export const septets = (codePoint: number): 0 | 1 | 2 => {
  if (codePoint === 0x1b) return 0;
  const c = String.fromCodePoint(codePoint);
  if (BASIC.includes(c)) return 1;
  if (EXTENSION.includes(c)) return 2;
  return 0;
};

/** Whether a code point is in the GSM 7-bit default alphabet or its extension table. */
export const isGsm7 = (codePoint: number): boolean => septets(codePoint) !== 0;
