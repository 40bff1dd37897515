import { css } from "lit";

/**
 * The design tokens shared by septet's elements: each public `--septet-*` custom property is
 * read once on `:host` into a private `--_*` one with its default, and the elements' styles use
 * only the private ones.
 *
 * @internal
 */
export const tokens = css`
  :host {
    --_accent: var(--septet-accent, #0b57d0);
    --_text: var(--septet-text-color, #1f2328);
    --_muted: var(--septet-muted-color, #505a64);
    --_background: var(--septet-background, #ffffff);
    --_border: var(--septet-border-color, #8c959f);
    --_radius: var(--septet-radius, 6px);
    --_mark: var(--septet-mark-color, #ffc98a);
    --_replaced: var(--septet-replaced-color, #c6e9ff);
    --_error: var(--septet-error-color, #b3261e);
    --_focus: var(--septet-focus-ring, 0 0 0 3px color-mix(in srgb, var(--_accent) 45%, transparent));
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
