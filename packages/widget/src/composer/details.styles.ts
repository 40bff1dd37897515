import { css } from "lit";

/**
 * Styles of the lazily loaded half of `<septet-composer>` (`details.ts`): the marks on the
 * characters that force UCS-2, the list of them and the preview of the outgoing text. The
 * element adopts them when the chunk arrives, so the initial load does not carry them.
 *
 * @internal
 */
export const detailsStyles = css`
  /* The tokens only this half uses, read as the shared ones are (shared/tokens.styles.ts). */
  :host {
    --_mark: var(--septet-mark-color, light-dark(#ffc98a, #7a4100));
    --_replaced: var(--septet-replaced-color, light-dark(#c6e9ff, #0b4a70));
  }

  /* The marks note is rendered only once this half has arrived. */
  [part~="marks-note"],
  [part~="window-note"] {
    margin: 0;
    font-size: 0.875em;
    color: var(--_muted);
  }

  ::highlight(septet-ucs2) {
    color: transparent;
    background-color: var(--_mark);
  }

  [part~="highlights"] mark {
    color: transparent;
    background: var(--_mark);
    border-radius: 2px;
    box-shadow: 0 0 0 1px var(--_mark);
  }

  .title-row {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0.25rem 0.75rem;
  }

  [part~="forced"] {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-wrap: wrap;
    gap: 0.35rem;
    font-size: 0.875em;
  }

  [part~="forced-char"] {
    display: inline-flex;
    align-items: baseline;
    gap: 0.4rem;
    padding: 0.1rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }

  [part~="forced-char"] code {
    padding: 0 0.2rem;
    border-radius: 2px;
    background: var(--_mark);
    font-family: var(--_mono);
  }

  [part~="forced-char"] code.target {
    background: var(--_replaced);
    white-space: pre;
  }

  summary {
    cursor: pointer;
    border-radius: 2px;
  }

  [part~="forced-script"] {
    display: block;
  }

  .positions {
    display: block;
    margin-top: 0.2rem;
    color: var(--_muted);
    font-family: var(--_mono);
    font-size: 0.85em;
  }

  [part~="replaced"] > summary,
  [part~="forced-none"] {
    margin: 0;
    font-size: 0.875em;
  }

  [part~="replaced"] > [part~="forced"] {
    margin-top: 0.35rem;
  }

  .code-point {
    color: var(--_muted);
    font-family: var(--_mono);
    font-size: 0.85em;
  }

  [part~="preview"],
  [part~="forced"] {
    contain: content;
  }

  [part~="preview"] {
    margin: 0;
    padding: 0.6rem 0.75rem;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    white-space: pre-wrap;
    overflow-wrap: break-word;
    max-height: 14rem;
    overflow-y: auto;
    font-family: var(--septet-textarea-font, inherit);
  }

  [part~="replacement"] {
    background: var(--_replaced);
    color: inherit;
    border-radius: 2px;
    text-decoration: underline dotted;
    text-underline-offset: 3px;
  }

  [part~="leftover"] {
    background: var(--_mark);
    color: inherit;
    border-radius: 2px;
  }

  /* A long preview is a scrolling box of up to 150 parts: those out of view are not laid out or painted. */
  .segment {
    display: block;
    content-visibility: auto;
    contain-intrinsic-size: auto 3lh;
  }

  .segment + .segment {
    margin-top: 0.25rem;
  }

  [part~="boundary"] {
    display: inline-block;
    margin: 0 0.4rem 0 0;
    padding: 0 0.3rem;
    border-radius: 999px;
    background: var(--_muted);
    color: var(--_background);
    font-size: 0.7em;
    font-weight: 700;
    line-height: 1.4;
    vertical-align: 0.15em;
    user-select: none;
  }

  [part~="cost"] {
    font-size: 0.875em;
    color: var(--_muted);
  }

  [part~="cost"] strong {
    color: var(--_text);
  }

  @media (forced-colors: active) {
    [part~="highlights"] mark,
    [part~="replacement"],
    [part~="leftover"] {
      outline: 1px solid CanvasText;
    }
  }
`;
