/**
 * The lazily loaded half of `<septet-composer>`: the replacement engine of `@septet/core`
 * (re-exported, so the engine and the UI that explains it arrive in one chunk), the list of
 * characters that force UCS-2 (with what FULL would send) and the preview of the outgoing text.
 * The element loads it with `import()` only when Auto-Replace can change something or there is
 * a character to explain; its styles are adopted then.
 *
 * @internal
 */
import type * as Replacement from "@septet/core/Replacement";
import { apply } from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";

export { apply, makeTable } from "@septet/core/Replacement";

import { css, html, nothing, type TemplateResult } from "lit";
import type { Derived } from "./derived.js";
import { type ComposerStrings, format, plural } from "./strings.js";

/** Styles of the explanation and the preview, adopted by the element when this module loads. */
export const styles = css`
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

  .code-point {
    color: var(--_muted);
    font-family: var(--_mono);
    font-size: 0.85em;
  }

  [part~="preview"],
  [part~="forced"] {
    contain: content;
  }

  [part~="preview"]:focus-visible {
    outline: 2px solid var(--_accent);
    outline-offset: 1px;
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

  .segment {
    display: block;
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
    color: #ffffff;
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
    [part~="replacement"],
    [part~="leftover"] {
      outline: 1px solid CanvasText;
    }
  }
`;

/** Distinct characters listed under "Characters that force UCS-2" before "and N more". */
const MAX_LISTED = 24;

const codePointLabel = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Characters shown as a code point only in lists (spaces, controls, invisible format characters). */
const isInvisible = (char: string): boolean =>
  /^[\s\p{Cc}\p{Cf}\p{Zs}\p{M}]$/u.test(char) || char.length === 0;

/**
 * What FULL sends for one character on its own (with the key's table): its replacement, `""`
 * when FULL removes it, or `null` when FULL has none (a leftover). Context-free on purpose: the
 * list shows each distinct character once.
 */
const hintFor = (char: string, table: Replacement.Table | undefined): string | null => {
  const result = apply(char, { mode: "full", table });
  return result._tag !== "Applied" || result.leftovers.length > 0 || result.text === char
    ? null
    : result.text;
};

/** What `refine` adds to the plain measurement: the outcome of Auto-Replace and the FULL hints. */
export type Refined = Pick<
  Derived,
  "outgoing" | "after" | "replacements" | "leftovers" | "rejected" | "hints" | "tableError"
>;

/** Hints per table (`null` key: no table); a long text repeats the same few characters. */
const hintCaches = new WeakMap<object, Map<string, string | null>>();
const noTable = {};

/**
 * Applies Auto-Replace (`mode`, the made ON `table`, the leftover `policy`) to `value`, and finds
 * what FULL sends for each distinct character that forces UCS-2 (cached per table, so typing
 * costs no extra FULL pass). The element calls it once the engine is loaded.
 */
export const refine = (
  value: string,
  mode: Replacement.Mode,
  before: Sms.Measurement,
  table: Replacement.Table | undefined,
  policy: Replacement.LeftoverPolicy,
  measure: Sms.MeasureOptions | undefined,
  t: ComposerStrings,
): Refined => {
  let outgoing = value;
  let after = before;
  let replacements: ReadonlyArray<Replacement.Change> = [];
  let leftovers: ReadonlyArray<Replacement.Leftover> = [];
  let rejected: ReadonlyArray<Replacement.Leftover> | undefined;
  let tableError: string | undefined;
  if (mode === "full" || (mode === "on" && table !== undefined)) {
    const result = apply(value, { mode, leftovers: policy, table, measure });
    if (result._tag === "Applied") {
      outgoing = result.text;
      after = result.after;
      replacements = result.replacements;
      leftovers = result.leftovers;
    } else if (result._tag === "LeftoversRejected") {
      rejected = result.leftovers;
      leftovers = result.leftovers;
    } else if (result._tag === "InvalidSubstitute") {
      tableError = format(t.invalidLeftovers, { reason: result.reason });
    } else {
      tableError = result.message; // InvalidOptions: not reachable with a mode and a made table
    }
  }
  const key = table ?? noTable;
  let cache = hintCaches.get(key);
  if (cache === undefined || cache.size > 4096) {
    cache = new Map<string, string | null>();
    hintCaches.set(key, cache);
  }
  const hints = new Map<string, string | null>();
  for (const { char } of before.forcedUcs2) {
    if (hints.has(char)) continue;
    let hint = cache.get(char);
    if (hint === undefined) {
      hint = hintFor(char, table);
      cache.set(char, hint);
    }
    hints.set(char, hint);
  }
  return { outgoing, after, replacements, leftovers, rejected, hints, tableError };
};

export const renderForced = (d: Derived, t: ComposerStrings): TemplateResult | typeof nothing => {
  const forced = d.before.forcedUcs2;
  if (forced.length === 0) return nothing;
  const groups = new Map<string, { count: number; hint: string | null | undefined }>();
  for (const { char } of forced) {
    const group = groups.get(char);
    if (group === undefined) groups.set(char, { count: 1, hint: d.hints.get(char) });
    else group.count++;
  }
  const shown = [...groups].slice(0, MAX_LISTED);
  const rest = groups.size - shown.length;
  return html`
    <div role="group" aria-labelledby="forced-title" class="group">
      <span id="forced-title" class="title">${t.forcedHeading}</span>
      <ul part="forced">
        ${shown.map(([char, { count, hint }]) => {
          const note =
            hint === undefined
              ? nothing
              : hint === null
                ? html`<span class="hint">${t.noGsmEquivalent}</span>`
                : hint === ""
                  ? html`<span class="hint">${t.fullRemoves}</span>`
                  : html`<span class="hint">${t.fullSends} <code class="target">${hint}</code></span>`;
          return html`<li part="forced-char" data-char=${char}>
            ${isInvisible(char) ? nothing : html`<code>${char}</code>`}
            <span class="code-point">${codePointLabel(char)}</span>
            ${count > 1 ? html`<span>×${count}</span>` : nothing} ${note}
          </li>`;
        })}
        ${rest > 0 ? html`<li part="forced-char">${format(t.andMore, { count: rest })}</li>` : nothing}
      </ul>
    </div>
  `;
};

export const renderPreview = (d: Derived, t: ComposerStrings): TemplateResult | typeof nothing => {
  if (d.mode === "off") return nothing;
  const cost = (m: Sms.Measurement) =>
    plural(m.segments, t.costItemOne, t.costItemOther, { segments: m.segments, encoding: m.encoding });
  return html`
    <div class="group">
      <span class="title-row">
        <span id="preview-title" class="title">${t.previewHeading}</span>
        <span part="cost"
          >${format(t.cost, { before: cost(d.before), after: cost(d.after) })} ·
          ${plural(d.replacements.length, t.replacementsOne, t.replacementsOther)}</span
        >
      </span>
      <div part="preview" role="group" tabindex="0" aria-labelledby="preview-title">${renderOutgoing(d, t)}</div>
    </div>
  `;
};

/** Tooltips, formatted once per template and pair (a long text repeats the same few). */
const titles = new Map<string, string>();
const title = (template: string, original: string, replacement: string): string => {
  const key = `${template}\u0000${original}\u0000${replacement}`;
  let text = titles.get(key);
  if (text === undefined) {
    if (titles.size > 2000) titles.clear();
    text = format(template, { original, replacement, char: original });
    titles.set(key, text);
  }
  return text;
};

/** The outgoing text with replacements, kept leftovers and segment starts marked. */
const renderOutgoing = (d: Derived, t: ComposerStrings): Array<TemplateResult> => {
  const text = d.outgoing;
  type Span = { start: number; end: number; kind: "replacement" | "leftover"; title: string };
  const spans: Array<Span> = [];
  // Leftover positions are in `value`: shift them by the replacements before them, and skip
  // those a replacement covers (the `{ substitute }` policy reports both).
  const leftovers = d.rejected === undefined ? d.leftovers : [];
  let l = 0;
  let shift = 0;
  const flushLeftovers = (before: number) => {
    for (; l < leftovers.length && leftovers[l]!.index < before; l++) {
      const { index, char } = leftovers[l]!;
      spans.push({
        start: index + shift,
        end: index + shift + char.length,
        kind: "leftover",
        title: title(t.leftoverTitle, char, ""),
      });
    }
  };
  for (const r of d.replacements) {
    flushLeftovers(r.index);
    while (l < leftovers.length && leftovers[l]!.index < r.index + r.original.length) l++;
    spans.push({
      start: r.outputIndex,
      end: r.outputIndex + r.replacement.length,
      kind: "replacement",
      title: title(t.replacedTitle, r.original, r.replacement || "∅"),
    });
    shift = r.outputIndex + r.replacement.length - (r.index + r.original.length);
  }
  flushLeftovers(Number.POSITIVE_INFINITY);
  // One block per SMS part: where each part begins and ends is visible, and typing at the end
  // re-lays out only the last block (one paragraph of 10,000 characters would be laid out whole).
  const parts = d.after.parts;
  const last = parts.length - 1;
  let s = 0;
  return parts.map((part, n) => {
    const out: Array<string | TemplateResult> = [];
    let at = part.start;
    while (s < spans.length) {
      const span = spans[s]!;
      if (span.start > part.end || (span.start === part.end && n < last && span.end > span.start)) break;
      if (span.start === span.end) {
        if (span.start === part.end && n < last) break;
        if (span.start > at) out.push(text.slice(at, span.start));
        at = Math.max(at, span.start);
        out.push(html`<mark part=${span.kind} title=${span.title} data-empty>∅</mark>`);
        s++;
        continue;
      }
      const start = Math.max(span.start, part.start);
      const end = Math.min(span.end, part.end);
      if (start > at) out.push(text.slice(at, start));
      out.push(html`<mark part=${span.kind} title=${span.title}>${text.slice(start, end)}</mark>`);
      at = end;
      if (span.end > part.end) break; // the span goes on in the next part
      s++;
    }
    if (part.end > at) out.push(text.slice(at, part.end));
    return html`<span class="segment"
      >${last > 0 ? html`<span part="boundary" aria-hidden="true">${n + 1}</span>` : nothing}${out}</span
    >`;
  });
};
