import { css } from "lit";

/**
 * The design tokens shared by septet's elements: each public `--septet-*` custom property is
 * read once on `:host` into a private `--_*` one with its default, and the elements' styles use
 * only the private ones. (The two colours only the composer's lazily loaded half uses,
 * `--_mark` and `--_replaced`, are read in its own stylesheet, `composer/details.styles.ts`.)
 *
 * @internal
 */
export const tokens = css`
  :host {
    /* Light and dark from the page's used color-scheme: a page declaring "color-scheme: dark",
       or "light dark" in a dark-preferring browser, gets the dark values. */
    --_accent: var(--septet-accent, light-dark(#0b57d0, #8ab4f8));
    --_on-accent: var(--septet-on-accent-color, light-dark(#ffffff, #0b1a33));
    --_text: var(--septet-text-color, light-dark(#1f2328, #e6edf3));
    --_muted: var(--septet-muted-color, light-dark(#505a64, #a2acb7));
    --_background: var(--septet-background, light-dark(#ffffff, #0d1117));
    --_border: var(--septet-border-color, light-dark(#8c959f, #768390));
    --_radius: var(--septet-radius, 6px);
    --_error: var(--septet-error-color, light-dark(#b3261e, #ffb4ab));
    --_gsm: var(--septet-badge-gsm-color, light-dark(#0f5323, #8ee6a8));
    --_gsm-bg: var(--septet-badge-gsm-background, light-dark(#dafbe1, #10331c));
    --_ucs2: var(--septet-badge-ucs2-color, light-dark(#8a3300, #ffc08a));
    --_ucs2-bg: var(--septet-badge-ucs2-background, light-dark(#fff1e5, #45230a));
    --_focus-color: var(--septet-focus-color, light-dark(#0b57d0, #8ab4f8));
    --_focus: var(--septet-focus-ring, 0 0 0 4px color-mix(in srgb, var(--_focus-color) 35%, transparent));
    --_font-family: var(
      --septet-font-family,
      system-ui,
      -apple-system,
      "Segoe UI",
      Roboto,
      "Noto Sans",
      sans-serif
    );
    --_mono: var(--septet-mono-font, ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace);
  }
`;
