import { css } from "lit";
import { tokens } from "../shared/tokens.styles.js";

/**
 * Styles of `<septet-composer>`. Colours meet WCAG AA (4.5:1) against the default background;
 * every colour a page may want to change is a `--septet-*` custom property.
 */
export const styles = [
  tokens,
  css`
  :host {
    display: block;
    color: var(--_text);
    font-family: var(--_font-family);
    font-size: var(--septet-font-size, 1rem);
    line-height: 1.45;
  }

  :host([hidden]) {
    display: none;
  }

  * {
    box-sizing: border-box;
  }

  [part~="base"] {
    display: grid;
    gap: 0.6rem;
  }

  [part~="label"] {
    font-weight: 600;
  }

  /* The highlight layer sits behind a transparent textarea with identical metrics. */
  [part~="field"] {
    position: relative;
    background: var(--_background);
    border-radius: var(--_radius);
  }

  textarea,
  [part~="highlights"] {
    margin: 0;
    border: 1px solid transparent;
    border-radius: var(--_radius);
    padding: 0.6rem 0.75rem;
    font: inherit;
    font-family: var(--septet-textarea-font, inherit);
    letter-spacing: normal;
    line-height: 1.5;
    tab-size: 8;
    white-space: pre-wrap;
    overflow-wrap: break-word;
    word-break: normal;
    scrollbar-gutter: stable;
  }

  textarea {
    position: relative;
    display: block;
    width: 100%;
    min-height: var(--septet-textarea-min-height, 8.5rem);
    resize: vertical;
    overflow-y: auto;
    border-color: var(--_border);
    background: transparent;
    color: inherit;
    caret-color: var(--_text);
  }

  textarea::placeholder {
    color: var(--_muted);
    opacity: 1;
  }

  /* One focus ring for every interactive part: an outline (never clipped: no ancestor inside the
     element hides overflow) in the focus colour, offset from the part, plus a soft halo. */
  textarea:focus-visible,
  [part~="mode"]:has(input:focus-visible),
  [part~="parts"]:focus-visible,
  [part~="preview"]:focus-visible,
  summary:focus-visible {
    outline: 2px solid var(--_focus-color);
    outline-offset: 2px;
    box-shadow: var(--_focus);
  }

  textarea:disabled {
    cursor: not-allowed;
    background: color-mix(in srgb, var(--_muted) 10%, transparent);
  }

  :host([data-invalid]) textarea {
    border-color: var(--_error);
  }

  /* Its size is the field's, whatever its text: laying its text out again touches nothing else. */
  [part~="highlights"] {
    position: absolute;
    inset: 0;
    contain: strict;
    overflow: hidden;
    color: transparent;
    pointer-events: none;
    user-select: none;
  }

  [part~="counter"] {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.35rem 1rem;
    font-size: 0.875em;
    color: var(--_muted);
  }

  [part~="stat"] {
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }

  [part~="stat"][data-over] {
    color: var(--_error);
    font-weight: 600;
  }

  [part~="badge"] {
    display: inline-block;
    padding: 0.05rem 0.5rem;
    border-radius: 999px;
    font-weight: 600;
    white-space: nowrap;
    background: var(--_gsm-bg);
    color: var(--_gsm);
  }

  [part~="badge"][data-encoding="UCS-2"] {
    background: var(--_ucs2-bg);
    color: var(--_ucs2);
  }

  [part~="refining"] {
    font-style: italic;
  }

  [part~="modes"] {
    margin: 0;
    padding: 0;
    border: 0;
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem;
    min-width: 0;
  }

  [part~="modes"] legend {
    float: left;
    padding: 0;
    margin-inline-end: 0.5rem;
    font-weight: 600;
    font-size: 0.875em;
  }

  /* No overflow clipping here: it would cut the focused option's ring. The end options round
     their own corners instead. */
  .options {
    display: inline-flex;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~="mode"]:first-child {
    border-start-start-radius: calc(var(--_radius) - 1px);
    border-end-start-radius: calc(var(--_radius) - 1px);
  }

  [part~="mode"]:last-child {
    border-start-end-radius: calc(var(--_radius) - 1px);
    border-end-end-radius: calc(var(--_radius) - 1px);
  }

  [part~="mode"] {
    position: relative;
    padding: 0.25rem 0.9rem;
    font-size: 0.875em;
    cursor: pointer;
    user-select: none;
  }

  [part~="mode"] + [part~="mode"] {
    border-inline-start: 1px solid var(--_border);
  }

  [part~="mode"] input {
    position: absolute;
    inset: 0;
    margin: 0;
    opacity: 0;
    cursor: inherit;
  }

  [part~="mode"]:has(input:checked) {
    background: var(--_accent);
    color: var(--_on-accent);
  }

  [part~="mode"]:has(input:focus-visible) {
    z-index: 1;
  }

  [part~="mode"]:has(input:disabled) {
    cursor: not-allowed;
    opacity: 0.6;
  }

  .group {
    display: grid;
    gap: 0.35rem;
  }

  .title {
    font-size: 0.875em;
    font-weight: 600;
  }

  [part~="parts"] {
    contain: content;
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr));
    gap: 0.4rem;
    font-size: 0.8125em;
    max-height: 12rem;
    overflow-y: auto;
  }

  [part~="part"] {
    display: grid;
    gap: 0.2rem;
    padding: 0.35rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~="part"] .row {
    display: flex;
    justify-content: space-between;
    gap: 0.5rem;
    font-variant-numeric: tabular-nums;
  }

  [part~="part"] .range {
    color: var(--_muted);
  }

  [part~="part-bar"] {
    height: 0.35rem;
    border-radius: 999px;
    background: color-mix(in srgb, var(--_muted) 22%, transparent);
    overflow: hidden;
  }

  [part~="part-fill"] {
    display: block;
    height: 100%;
    background: var(--_accent);
  }

  [part~="error"] {
    margin: 0;
    color: var(--_error);
    font-size: 0.875em;
    font-weight: 600;
  }

  [part~="help-text"] {
    font-size: 0.875em;
    color: var(--_muted);
  }

  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    padding: 0;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
    border: 0;
  }

  @media (forced-colors: active) {
    [part~="mode"]:has(input:checked) {
      outline: 2px solid Highlight;
    }
  }
`,
];
