/**
 * The lazily loaded half of `<septet-composer>`: the replacement engine of `@septet/core`
 * (re-exported, so the engine and the UI that explains it arrive in one chunk), the marks on the
 * characters that force UCS-2, the list of them (with what FULL would send) and the preview of
 * the outgoing text. The element loads it with `import()` only when Auto-Replace can change
 * something or there is a character to explain (and so to mark). Its styles
 * (`details.styles.ts`) come with it: the element adopts them when the chunk arrives.
 *
 * @internal
 */
import type * as Sms from "@septet/core/Sms";
import { html, nothing, type TemplateResult } from "lit";
import { format, plural } from "../shared/strings.js";
import type { Derived } from "./derived.js";
import { type CharGroup, groupForced, type ScriptGroup } from "./forced-groups.js";
import { type Marks, marksFor } from "./marks.js";
import type { ComposerStrings } from "./strings.js";

export { detailsStyles } from "./details.styles.js";
export { makeTable, refine } from "./refine.js";

const marksMade = new WeakMap<Derived, Marks>();

/** The marks of `d` (`marks.ts`), made when first shown: a keystroke in a long text does not wait for them. */
export const marksOf = (d: Derived): Marks => {
  let marks = marksMade.get(d);
  if (marks === undefined) {
    marks = marksFor(d.value, d.before.forcedUcs2);
    marksMade.set(d, marks);
  }
  return marks;
};

/** The CSS Custom Highlight API registry, when the browser has it. */
const highlights: HighlightRegistry | undefined = globalThis.CSS?.highlights;
/** One highlight shared by every composer on the page; each adds and removes its own ranges. */
const ucs2: Highlight | undefined = highlights === undefined ? undefined : new Highlight();
if (ucs2 !== undefined) highlights?.set("septet-ucs2", ucs2);

/** Per element (Highlight API path): its layer's text node, its marks, and the ranges painted of them. */
interface Layer {
  readonly node: Text;
  runs: ReadonlyArray<readonly [number, number]>;
  ranges: Array<StaticRange>;
}
const layers = new WeakMap<Element, Layer>();

/**
 * The layer behind the textarea: the same text, with the characters that force UCS-2 marked.
 * With the CSS Custom Highlight API (every current engine) the layer is one text node and the
 * marks are ranges painted by `::highlight()` (see `paintMarks`): they cost no layout, which
 * matters at 10,000 characters. Without it, `<mark>` elements, rendered here.
 */
export const renderMarks = (d: Derived): Array<string | TemplateResult> => {
  const { runs } = marksOf(d);
  // Nothing to mark: an empty layer costs no layout (a long text would be laid out twice).
  if (runs.length === 0 || ucs2 !== undefined) return [];
  const text = d.value;
  const out: Array<string | TemplateResult> = [];
  let at = 0;
  for (const [start, end] of runs) {
    if (start > at) out.push(text.slice(at, start));
    out.push(html`<mark>${text.slice(start, end)}</mark>`);
    at = end;
  }
  out.push(layerText(d).slice(at));
  return out;
};

/**
 * The layer's text: the part of the text the marks cover (`marks.ts`). A trailing newline makes
 * a line in a textarea but not in a block: a zero-width space keeps the heights equal.
 */
const layerText = (d: Derived): string => {
  const { runs, layerEnd } = marksOf(d);
  if (runs.length === 0) return "";
  const text = layerEnd === d.value.length ? d.value : d.value.slice(0, layerEnd);
  return text.endsWith("\n") ? `${text}\u200b` : text;
};

const layerOf = (host: Element): HTMLElement | null | undefined =>
  host.shadowRoot?.querySelector<HTMLElement>("[part~=highlights]");

/**
 * Highlight API path: puts the text in `host`'s layer, in its own text node, and paints the
 * marks in view (`paintInView`).
 */
export const paintMarks = (host: Element, d: Derived): void => {
  const layer = layerOf(host);
  if (ucs2 !== undefined && layer) {
    const marks = marksOf(d);
    // A layer holding part of the text is padded to the textarea's height (`followScroll`).
    layer.toggleAttribute("data-partial", !marks.complete);
    let state = layers.get(host);
    if (state?.node.parentNode !== layer) {
      state = { node: layer.appendChild(document.createTextNode("")), runs: [], ranges: [] };
      layers.set(host, state);
      // A taller textarea shows more lines: choose the runs in view again.
      new ResizeObserver(() => paintInView(host, layer)).observe(layer);
    }
    const text = layerText(d);
    if (state.node.data !== text) state.node.data = text;
    state.runs = marks.runs;
  }
  followScroll(host);
};

/**
 * Scrolls `host`'s layer with its textarea (on each `scroll` of the textarea, and after a
 * paint), and paints the marks now in view.
 */
export const followScroll = (host: Element): void => {
  const layer = layerOf(host);
  const area = host.shadowRoot?.querySelector("textarea");
  if (!layer || !area) return;
  // A layer holding only the start of the text is padded so it scrolls as far as the textarea.
  if (layer.hasAttribute("data-partial")) layer.style.paddingBottom = `${area.scrollHeight}px`;
  else if (layer.style.paddingBottom !== "") layer.style.paddingBottom = "";
  // Lines wrap (`pre-wrap`, `break-word`): there is no horizontal scrolling to follow.
  layer.scrollTop = area.scrollTop;
  paintInView(host, layer);
};

/** The first index in [0, n) where `after` holds (it holds from some index on), or `n`. */
const firstWhere = (n: number, after: (k: number) => boolean): number => {
  let low = 0;
  let high = n;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (after(mid)) high = mid;
    else low = mid + 1;
  }
  return low;
};

/**
 * Paints the runs of `host`'s marks that are in view in `layer`, or within one view's height
 * above or below it, chosen again as the textarea scrolls or resizes: Chromium paints a
 * highlight's ranges one by one on every frame, and a person sees a few hundred characters at
 * once, not 10,000. Lines run down the layer in text order, so a binary search over the runs'
 * boxes finds them (about 20 boxes read from a layout that is up to date after the first).
 */
const paintInView = (host: Element, layer: HTMLElement): void => {
  const state = layers.get(host);
  if (state === undefined) return;
  clearRanges(state);
  const { runs, node } = state;
  const view = layer.getBoundingClientRect();
  const probe = document.createRange();
  const box = (k: number): DOMRect => {
    probe.setStart(node, runs[k]![0]);
    probe.setEnd(node, runs[k]![1]);
    return probe.getBoundingClientRect();
  };
  const last = firstWhere(runs.length, (k) => box(k).top > view.bottom + view.height);
  for (let k = firstWhere(last, (k) => box(k).bottom >= view.top - view.height); k < last; k++) {
    const range = new StaticRange({
      startContainer: node,
      startOffset: runs[k]![0],
      endContainer: node,
      endOffset: runs[k]![1],
    });
    state.ranges.push(range);
    ucs2?.add(range);
  }
};

const clearRanges = (state: Layer): void => {
  for (const range of state.ranges) ucs2?.delete(range);
  state.ranges = [];
};

/** Removes `host`'s ranges from the shared highlight (when its text waits to be counted, and on disconnect). */
export const clearMarks = (host: Element): void => {
  const state = layers.get(host);
  if (state === undefined) return;
  clearRanges(state);
  state.runs = [];
};

/** Distinct characters listed under "Characters that force UCS-2" before "and N more". */
const MAX_LISTED = 24;

const codePointLabel = (char: string): string =>
  `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`;

/** Characters shown as a code point only in lists (spaces, controls, invisible format characters). */
const isInvisible = (char: string): boolean =>
  /^[\s\p{Cc}\p{Cf}\p{Zs}\p{M}]$/u.test(char) || char.length === 0;

/** One character of the list, with what FULL would send for it. */
const renderChar = ({ char, count, hint }: CharGroup, t: ComposerStrings): TemplateResult => {
  const note =
    hint === undefined
      ? nothing
      : hint === null
        ? html`<span class="hint">${t.noGsmEquivalent}</span>`
        : hint === ""
          ? html`<span class="hint">${t.fullRemoves}</span>`
          : html`<span class="hint">${t.fullSends} <code class="target">${hint}</code></span>`;
  return html`<li part="forced-char" dir="auto" data-char=${char}>
    ${isInvisible(char) ? nothing : html`<code>${char}</code>`}
    <span class="code-point">${codePointLabel(char)}</span>
    ${count > 1 ? html`<span>×${count}</span>` : nothing} ${note}
  </li>`;
};

/** The script's name in the strings' locale ("Arabic"), from the browser's `Intl.DisplayNames`. */
const scriptName = (code: string, t: ComposerStrings): string => {
  try {
    return new Intl.DisplayNames(t.locale, { type: "script" }).of(code) ?? code;
  } catch {
    return code;
  }
};

/** One group of characters without a GSM-7 equivalent, with its positions on demand. */
const renderScript = ({ script, count, positions }: ScriptGroup, t: ComposerStrings): TemplateResult => {
  const label =
    script === "emoji"
      ? plural(count, t.emojiGroupOne, t.emojiGroupOther)
      : script === "other"
        ? plural(count, t.otherGroupOne, t.otherGroupOther)
        : plural(count, t.scriptGroupOne, t.scriptGroupOther, { script: scriptName(script, t) });
  const list = positions.join(", ") + (count > positions.length ? ", …" : "");
  return html`<li part="forced-char forced-script" data-script=${script}>
    <details>
      <summary dir="auto">${label} · ${t.noGsmEquivalent}</summary>
      <span class="positions" dir="auto">${format(t.positions, { positions: list })}</span>
    </details>
  </li>`;
};

export const renderForced = (d: Derived, t: ComposerStrings): TemplateResult | typeof nothing => {
  if (d.before.forcedUcs2.length === 0) return nothing;
  const view = groupForced(d);
  const shown = view.remaining.slice(0, MAX_LISTED);
  const rest = view.remaining.length - shown.length;
  const nothingLeft = view.scripts.length === 0 && view.remaining.length === 0;
  return html`
    <div role="group" aria-labelledby="forced-title" class="group">
      <span id="forced-title" class="title">${t.forcedHeading}</span>
      ${
        nothingLeft
          ? html`<p part="forced-none">${t.noneLeft}</p>`
          : html`<ul part="forced">
              ${view.scripts.map((group) => renderScript(group, t))}
              ${shown.map((group) => renderChar(group, t))}
              ${rest > 0 ? html`<li part="forced-char">${format(t.andMore, { count: rest })}</li>` : nothing}
            </ul>`
      }
      ${
        view.replaced.length === 0
          ? nothing
          : html`<details part="replaced">
              <summary>${format(t.replacedSummary, { count: view.replacedCount })}</summary>
              <ul part="forced">
                ${view.replaced.slice(0, MAX_LISTED).map((group) => renderChar(group, t))}
                ${
                  view.replaced.length > MAX_LISTED
                    ? html`<li part="forced-char">${format(t.andMore, { count: view.replaced.length - MAX_LISTED })}</li>`
                    : nothing
                }
              </ul>
            </details>`
      }
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
        <span part="cost" dir="auto"
          >${format(t.cost, { before: cost(d.before), after: cost(d.after) })} ·
          ${plural(d.replacements.length, t.replacementsOne, t.replacementsOther)}</span
        >
      </span>
      <div part="preview" role="group" tabindex="0" dir="auto" aria-labelledby="preview-title">${renderOutgoing(d, t)}</div>
      ${
        d.outgoing.length > PREVIEW_WINDOW
          ? html`<p part="window-note" dir="auto">${format(t.previewWindow, { count: PREVIEW_WINDOW.toLocaleString(t.locale), total: d.outgoing.length.toLocaleString(t.locale) })}</p>`
          : nothing
      }
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

/**
 * The preview shows at most this many UTF-16 units of the outgoing text (with a note saying so):
 * its layout and its marks cost what the text's length costs.
 */
const PREVIEW_WINDOW = 10_000;

/** Text as the preview shows it: the outgoing text's CR LF line breaks (as posted) as LF. */
const shown = (text: string): string => (text.includes("\r") ? text.replace(/\r\n?/g, "\n") : text);

/** The outgoing text with replacements, kept leftovers and segment starts marked (its first `PREVIEW_WINDOW` units). */
const renderOutgoing = (d: Derived, t: ComposerStrings): Array<TemplateResult> => {
  const text = d.outgoing.length > PREVIEW_WINDOW ? d.outgoing.slice(0, PREVIEW_WINDOW) : d.outgoing;
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
      if (index + shift >= text.length) {
        l = leftovers.length; // past the window
        break;
      }
      spans.push({
        start: index + shift,
        end: index + shift + char.length,
        kind: "leftover",
        title: title(t.leftoverTitle, char, ""),
      });
    }
  };
  for (const r of d.replacements) {
    if (r.outputIndex >= text.length) break;
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
  const parts = d.after.parts.filter((part) => part.start < text.length || part.start === 0);
  const last = d.after.parts.length - 1;
  let s = 0;
  return parts.map((part, n) => {
    const out: Array<string | TemplateResult> = [];
    let at = part.start;
    while (s < spans.length) {
      const span = spans[s]!;
      if (span.start > part.end || (span.start === part.end && n < last && span.end > span.start)) break;
      if (span.start === span.end) {
        if (span.start === part.end && n < last) break;
        if (span.start > at) out.push(shown(text.slice(at, span.start)));
        at = Math.max(at, span.start);
        out.push(html`<mark part=${span.kind} title=${span.title} data-empty>∅</mark>`);
        s++;
        continue;
      }
      const start = Math.max(span.start, part.start);
      const end = Math.min(span.end, part.end);
      if (start > at) out.push(shown(text.slice(at, start)));
      out.push(html`<mark part=${span.kind} title=${span.title}>${shown(text.slice(start, end))}</mark>`);
      at = end;
      if (span.end > part.end) break; // the span goes on in the next part
      s++;
    }
    const end = Math.min(part.end, text.length);
    if (end > at) out.push(shown(text.slice(at, end)));
    return html`<span class="segment"
      >${last > 0 ? html`<span part="boundary" aria-hidden="true">${n + 1}</span>` : nothing}${out}</span
    >`;
  });
};
