/**
 * The rules of the built-in FULL table whose targets follow from Unicode data: the generator
 * (`scripts/generate-replacement.mjs`) uses them to choose the table's entries, and `full.ts`
 * uses them to compute those entries' targets when it decodes the table, so the bundle ships the
 * code points, not the targets (about 1.8 kB less gzipped). One implementation, so the two cannot
 * disagree.
 *
 * They read the Unicode data of the runtime through `String.prototype.normalize` and
 * `toUpperCase`. Unicode's stability policies mean a character's decomposition never changes
 * once it is encoded (and the case pairs of Greek and Cyrillic are as old as Unicode), so every
 * runtime that knows a character derives the same target; a runtime too old to know it derives
 * nothing, and the character stays a leftover.
 *
 * No imports: the generator runs this file directly with Node's type stripping.
 *
 * @internal
 */

/** A table entry as the rules need it. */
export interface Known {
  readonly to: string;
  readonly rule: string;
}

const MARK = /^\p{M}$/u;
const isMark = (c: string): boolean => MARK.test(c);

/**
 * The "diacritic" rule: NFD splits the character into a base and combining marks; marks are
 * dropped from the end, one at a time, until the NFC of what is left is GSM-7 (ǘ → ü, ǟ → ä,
 * ế → e). A bare base with a curated entry takes that entry's target (ǿ → o through ø).
 */
export const withoutDiacritics = (
  cp: number,
  isGsm: (cp: number) => boolean,
  known: (cp: number) => Known | undefined,
): string | undefined => {
  const nfd = [...String.fromCodePoint(cp).normalize("NFD")];
  if (nfd.length < 2 || !nfd.slice(1).every(isMark)) return undefined;
  for (let keep = nfd.length - 1; keep >= 1; keep--) {
    const candidate = nfd.slice(0, keep).join("").normalize("NFC");
    if ([...candidate].every((c) => isGsm(c.codePointAt(0)!))) return candidate;
    if (keep === 1) {
      const base = known(candidate.codePointAt(0)!);
      if (base !== undefined && base.rule === "curated") return base.to;
    }
  }
  return undefined;
};

/**
 * The compatibility rule: NFKC maps the character to text (no combining marks) whose every
 * character is GSM-7 or has an entry that is not a removal; the target is that text with the
 * entries applied (ｆｕｌｌ → full, ① → 1, ㎏ → kg, 𝐀 → A).
 */
export const compatibility = (
  cp: number,
  isGsm: (cp: number) => boolean,
  known: (cp: number) => Known | undefined,
): string | undefined => {
  const c = String.fromCodePoint(cp);
  const k = c.normalize("NFKC");
  if (k === c) return undefined;
  let to = "";
  for (const ch of k) {
    const code = ch.codePointAt(0)!;
    if (isMark(ch)) return undefined;
    if (isGsm(code)) to += ch;
    else {
      const entry = known(code);
      if (entry === undefined || entry.rule === "removed") return undefined;
      to += entry.to;
    }
  }
  return to.length > 0 ? to : undefined;
};

/** The capital of a small letter: its uppercase when that is one other code point. */
export const capitalOf = (cp: number): number | undefined => {
  const upper = String.fromCodePoint(cp).toUpperCase();
  const u = upper.codePointAt(0)!;
  return u !== cp && upper.length === (u > 0xffff ? 2 : 1) ? u : undefined;
};

/** A target with its first letter in capitals (ж → zh gives Ж → Zh). */
export const capitalise = (to: string): string => (to.length === 0 ? to : to[0]!.toUpperCase() + to.slice(1));
