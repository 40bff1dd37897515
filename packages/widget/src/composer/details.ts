/**
 * The lazily loaded half of `<septet-composer>`: the replacement engine of `@septet/core`
 * (re-exported, so the engine and the UI that explains it arrive in one chunk), the marks on the
 * characters that force UCS-2, the list of them (with what FULL would send) and the preview of
 * the outgoing text. The element loads it with `import()` only when Auto-Replace can change
 * something or there is a character to explain (and so to mark). Its styles are part of the
 * element's own (`composer.styles.ts`): they compress better there than alone in this chunk.
 *
 * @internal
 */
import type * as Replacement from "@septet/core/Replacement";
import { apply } from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";
import { measure as measureText } from "@septet/core/Sms";

export { apply, makeTable } from "@septet/core/Replacement";

import { html, nothing, type TemplateResult } from "lit";
import type { Derived } from "./derived.js";
import { type ComposerStrings, format, plural } from "./strings.js";

/** Runs of adjacent characters that force UCS-2, as [start, end) UTF-16 ranges. */
const runs = function* (forced: ReadonlyArray<Sms.Forced>): Generator<readonly [number, number]> {
  for (let i = 0; i < forced.length; ) {
    const start = forced[i]!.index;
    let end = start + forced[i]!.char.length;
    i++;
    while (i < forced.length && forced[i]!.index === end) {
      end += forced[i]!.char.length;
      i++;
    }
    yield [start, end];
  }
};

/** The CSS Custom Highlight API registry, when the browser has it. */
const highlights: HighlightRegistry | undefined = globalThis.CSS?.highlights;
/** One highlight shared by every composer on the page; each adds and removes its own ranges. */
const ucs2: Highlight | undefined = highlights === undefined ? undefined : new Highlight();
if (ucs2 !== undefined) highlights?.set("septet-ucs2", ucs2);

/** Per element (Highlight API path): its ranges in `ucs2` and its layer's text node. */
const layers = new WeakMap<Element, { ranges: Array<StaticRange>; node: Text | undefined }>();

/**
 * The layer behind the textarea: the same text, with the characters that force UCS-2 marked.
 * With the CSS Custom Highlight API (every current engine) the layer is one text node and the
 * marks are ranges painted by `::highlight()` (see `paintMarks`): they cost no layout, which
 * matters at 10,000 characters. Without it, `<mark>` elements, rendered here.
 */
export const renderMarks = (d: Derived): Array<string | TemplateResult> => {
  const forced = d.before.forcedUcs2;
  // Nothing to mark: an empty layer costs no layout (a long text would be laid out twice).
  if (forced.length === 0 || ucs2 !== undefined) return [];
  const text = d.value;
  // A trailing newline makes a line in a textarea but not in a block: keep the heights equal.
  const tail = text.endsWith("\n") ? "\u200b" : "";
  const out: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [start, end] of runs(forced)) {
    if (start > at) out.push(text.slice(at, start));
    out.push(html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  out.push(text.slice(at) + tail);
  return out;
};

/**
 * Highlight API path: puts the text in the `layer`'s own text node and registers the ranges of
 * `host`'s marks in the shared highlight. The node is patched with `replaceData` over the
 * changed span only (typing changes a few characters), so the engine reshapes and lays out the
 * changed lines instead of the whole text, as it does for the textarea.
 */
export const paintMarks = (host: Element, layer: Element | null, d: Derived): void => {
  if (ucs2 === undefined) return;
  clearMarks(host);
  if (layer === null) return;
  const forced = d.before.forcedUcs2;
  // Nothing to mark: an empty layer costs no layout (a long text would be laid out twice).
  const next = forced.length === 0 ? "" : d.value + (d.value.endsWith("\n") ? "\u200b" : ""); // see renderMarks
  let state = layers.get(host);
  if (state === undefined) {
    state = { ranges: [], node: undefined };
    layers.set(host, state);
  }
  let node = state.node;
  if (node === undefined || node.parentNode !== layer) {
    node = document.createTextNode("");
    layer.append(node);
    state.node = node;
  }
  const old = node.data;
  if (old !== next) {
    const limit = Math.min(old.length, next.length);
    let start = 0;
    while (start < limit && old.charCodeAt(start) === next.charCodeAt(start)) start++;
    let end = 0;
    while (
      end < limit - start &&
      old.charCodeAt(old.length - 1 - end) === next.charCodeAt(next.length - 1 - end)
    )
      end++;
    node.replaceData(start, old.length - start - end, next.slice(start, next.length - end));
  }
  for (const [start, end] of runs(forced)) {
    const range = new StaticRange({
      startContainer: node,
      startOffset: start,
      endContainer: node,
      endOffset: end,
    });
    state.ranges.push(range);
    ucs2.add(range);
  }
};

/** Removes `host`'s ranges from the shared highlight (before painting again, and on disconnect). */
export const clearMarks = (host: Element): void => {
  const state = layers.get(host);
  if (state === undefined) return;
  for (const range of state.ranges) ucs2?.delete(range);
  state.ranges = [];
};

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
  "before" | "outgoing" | "after" | "replacements" | "leftovers" | "rejected" | "hints" | "tableError"
>;

/** Hints per table (`null` key: no table); a long text repeats the same few characters. */
const hintCaches = new WeakMap<object, Map<string, string | null>>();
const noTable = {};

/**
 * Applies Auto-Replace (`mode`, the made ON `table`, the leftover `policy`) to `value`, and finds
 * what FULL sends for each distinct character that forces UCS-2 (cached per table, so typing
 * costs no extra FULL pass). The element calls it once the engine is loaded, with its own
 * measurement of `value`, or with `undefined` in FULL and ON with a table: `apply` measures the
 * text before replacing it, so measuring it here too would be the same work twice.
 */
export const refine = (
  value: string,
  mode: Replacement.Mode,
  measured: Sms.Measurement | undefined,
  table: Replacement.Table | undefined,
  policy: Replacement.LeftoverPolicy,
  measure: Sms.MeasureOptions | undefined,
  t: ComposerStrings,
): Refined => {
  let outgoing = value;
  let before = measured;
  let after: Sms.Measurement | undefined;
  let replacements: ReadonlyArray<Replacement.Change> = [];
  let leftovers: ReadonlyArray<Replacement.Leftover> = [];
  let rejected: ReadonlyArray<Replacement.Leftover> | undefined;
  let tableError: string | undefined;
  if (mode === "full" || (mode === "on" && table !== undefined)) {
    const result = apply(value, { mode, leftovers: policy, table, measure });
    if (result._tag === "Applied") {
      outgoing = result.text;
      before = result.before;
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
  before ??= measureText(value, measure);
  after ??= before;
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
  return { before, outgoing, after, replacements, leftovers, rejected, hints, tableError };
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
