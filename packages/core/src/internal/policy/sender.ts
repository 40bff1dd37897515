/**
 * The sender ID rule: alphanumeric up to 11 GSM characters, or numeric up to 15
 * digits with an optional `+`.
 *
 * @internal
 */
// The default alphabet's cost table only: a sender ID never uses a national table, and the
// `Gsm7` module would bring every national table into a bundle that checks a sender.
import { defaultCost } from "../sms/gsm7Cost.js";

/** Longest alphanumeric sender, in septets (3GPP TS 23.040 §9.1.2.5: TP-OA holds 11 septets). */
export const MAX_ALPHANUMERIC = 11;
/** Longest numeric sender, in digits (ITU-T E.164: 15 digits). */
export const MAX_NUMERIC = 15;

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;

/**
 * Why a sender ID is refused, or `undefined` when it is acceptable.
 *
 * - Numeric: an optional `+`, then 1 to 15 ASCII digits.
 * - Alphanumeric (anything else): 1 to 11 septets of the GSM 7-bit default alphabet (an
 *   extension-table character such as `€` costs 2), at least one letter, no control characters
 *   (LF, CR, FF, ESC), no leading or trailing space.
 */
export const senderProblem = (sender: string): string | undefined => {
  if (sender.length === 0) return "empty";
  const start = sender.charCodeAt(0) === 0x2b ? 1 : 0;
  let allDigits = sender.length > start;
  for (let i = start; i < sender.length && allDigits; i++) allDigits = isDigit(sender.charCodeAt(i));
  if (allDigits) {
    return sender.length - start > MAX_NUMERIC
      ? `a numeric sender has at most ${MAX_NUMERIC} digits`
      : undefined;
  }
  if (sender.length > 2 * MAX_ALPHANUMERIC)
    return `an alphanumeric sender has at most ${MAX_ALPHANUMERIC} characters`;
  if (sender.charCodeAt(0) === 0x20 || sender.charCodeAt(sender.length - 1) === 0x20) {
    return "a sender does not start or end with a space";
  }
  let septets = 0;
  let letters = 0;
  for (const char of sender) {
    const cp = char.codePointAt(0)!;
    if (cp === 0x0a || cp === 0x0d || cp === 0x0c || cp === 0x1b) return "a sender has no control characters";
    const cost = defaultCost(cp);
    if (cost === 0)
      return `an alphanumeric sender uses only GSM 7-bit characters (not ${JSON.stringify(char)})`;
    septets += cost;
    if (char.toLowerCase() !== char.toUpperCase()) letters++;
  }
  if (letters === 0) return "an alphanumeric sender has at least one letter";
  return septets > MAX_ALPHANUMERIC
    ? `an alphanumeric sender has at most ${MAX_ALPHANUMERIC} GSM characters (an extension character counts 2)`
    : undefined;
};
