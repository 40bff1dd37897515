/**
 * What `Sms` and the national language path (`internal/sms/national.ts`) share: the part capacities
 * of TS 23.040, the cost of a code point, and the walk over code points and cluster boundaries.
 *
 * @internal
 */

// Capacities (3GPP TS 23.040 clause 9.2.3.24): 140 octets of user data; a UDH of L octets plus
// its length octet takes ceil((L + 1) * 8 / 7) septets in GSM-7 (fill bits up to a septet
// boundary) and L + 1 octets in UCS-2. Concatenation IE: 5 octets (8-bit reference, IEI 0x00) or
// 6 (16-bit reference, IEI 0x08); each national language IE (single shift 0x24, locking shift
// 0x25): 3 octets. National language IEs only apply to GSM-7.
//
// GSM-7, by number of national tables used (0, 1, 2):
//   single part:                 160, 155, 152
//   per part, 8-bit reference:   153, 149, 146
//   per part, 16-bit reference:  152, 148, 145
// UCS-2: 70 single; 67 per part (8-bit reference); 66 per part (16-bit reference).
export const GSM_SINGLE = [160, 155, 152] as const;
export const GSM_MULTI_8 = [153, 149, 146] as const;
export const GSM_MULTI_16 = [152, 148, 145] as const;
export const UCS2_SINGLE = 70;
export const UCS2_MULTI_8 = 67;
export const UCS2_MULTI_16 = 66;

/** Cost of one code point in some encoding: units, or 0 when it cannot be encoded. */
export type Cost = (codePoint: number) => number;

/** The code point at `i` (a lone surrogate as itself). */
export const codePointAt = (text: string, i: number): number => {
  const c = text.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < text.length) {
    const d = text.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
  }
  return c;
};

/**
 * A boundary test for increasing positions `j` (each a code point start, 0 < j < length): `j`
 * is a boundary unless it lies strictly inside one of `spans` (flat `[start, end, …]`, ascending:
 * the units that are never cut, see `scanText` in `Sms.ts`).
 */
export const boundaryTest = (spans: ReadonlyArray<number>): ((j: number) => boolean) => {
  let k = 0;
  return (j) => {
    while (k < spans.length && spans[k + 1]! <= j) k += 2;
    return !(k < spans.length && spans[k]! < j);
  };
};
