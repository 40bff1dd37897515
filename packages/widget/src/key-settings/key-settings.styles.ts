import { css } from "lit";
import { tokens } from "../shared/tokens.styles.js";

/**
 * Styles of `<septet-key-settings>`, on the shared `--septet-*` tokens: light or dark from the
 * `color-scheme` the element inherits, as the composer (the sample message, which inherits the
 * same tokens). Colours meet WCAG AA (4.5:1) against the default background in both schemes.
 */

export const styles = [
  tokens,
  css`
  :host {
    display: block;
    color: var(--_text);
    background: var(--_background);
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
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
    display: grid;
    gap: 1.25rem;
  }

  [part~="heading"] {
    padding: 0;
    font-size: 1.125em;
    font-weight: 700;
  }

  [part~="field"] {
    display: grid;
    gap: 0.35rem;
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }

  label,
  legend,
  .title {
    font-weight: 600;
  }

  legend {
    padding: 0;
    margin-bottom: 0.35rem;
  }

  input,
  select,
  textarea,
  button {
    font: inherit;
    color: inherit;
  }

  input[type="text"],
  input[type="url"],
  select,
  textarea {
    inline-size: 100%;
    padding: 0.45rem 0.65rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
  }

  textarea {
    min-block-size: 7rem;
    resize: vertical;
    font-family: var(--_mono);
  }

  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible,
  button:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
    box-shadow: var(--_focus);
  }

  [aria-invalid="true"] {
    border-color: var(--_error);
  }

  [part~="help"] {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  [part~="error"] {
    margin: 0;
    padding: 0;
    list-style: none;
    font-size: 0.875em;
    color: var(--_error);
    font-weight: 600;
  }

  [part~="entries"] {
    margin: 0;
    padding-inline-start: 1.1rem;
    font-size: 0.875em;
  }

  [part~="entry"][data-notes] {
    color: var(--_text);
  }

  [part~="summary"] {
    margin: 0;
    font-weight: 600;
  }

  [part~="answer"] {
    display: block;
    min-block-size: 1.45em;
    font-size: 0.875em;
  }

  [part~="answer"][data-allowed="false"] {
    color: var(--_error);
  }

  .modes {
    display: grid;
    gap: 0.25rem;
  }

  .modes label {
    font-weight: 400;
  }

  .modes span {
    color: var(--_muted);
    font-size: 0.875em;
  }

  table {
    border-collapse: collapse;
    font-size: 0.875em;
  }

  caption {
    text-align: start;
    font-weight: 600;
    padding-bottom: 0.35rem;
  }

  th,
  td {
    text-align: start;
    vertical-align: top;
    padding: 0.3rem 0.5rem;
    border-bottom: 1px solid var(--_border);
  }

  [part~="rows"] td input {
    min-inline-size: 6rem;
  }

  button {
    padding: 0.3rem 0.8rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_background);
    cursor: pointer;
  }

  button:disabled,
  input:disabled,
  select:disabled,
  textarea:disabled {
    cursor: not-allowed;
    opacity: 0.7;
  }

  [part~="callback"] {
    margin: 0;
    padding: 0.6rem 0.75rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    font-family: var(--_mono);
    font-size: 0.8125em;
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }

  code {
    font-family: var(--_mono);
  }

  /* The sample's mode is the key's Auto-Replace, chosen above. */
  septet-composer::part(modes) {
    display: none;
  }

  .visually-hidden {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  @media (forced-colors: active) {
    [part~="error"],
    [part~="answer"][data-allowed="false"] {
      color: CanvasText;
    }
  }
`,
];
