import type * as Gsm7 from "@septet/core/Gsm7";
import type * as Replacement from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";
import {
  adoptStyles,
  html,
  LitElement,
  nothing,
  type PropertyDeclarations,
  type PropertyValues,
  type TemplateResult,
} from "lit";
import { FormAssociatedElement } from "../shared/form-associated.js";
import type { FormSnapshot } from "../shared/form-controller.js";
import { format, plural } from "../shared/strings.js";
import { styles } from "./composer.styles.js";
import {
  InvalidJson,
  isEmptyTable,
  jsonConverter,
  languagesConverter,
  leftoversConverter,
} from "./converters.js";
import { derive, MODES } from "./derive.js";
import type { Derived } from "./derived.js";
import type * as Details from "./details.js";
import { textDirection } from "./direction.js";
import { SeptetMeasureEvent } from "./events.js";
import { toLf } from "./line-breaks.js";
import { type ComposerStrings, defaultStrings } from "./strings.js";

/** Auto-Replace mode (`Replacement.Mode`). */
export type Mode = Replacement.Mode;
/** What FULL does with characters it cannot map (`Replacement.LeftoverPolicy`). */
export type Leftovers = Replacement.LeftoverPolicy;

/** A national language name as `languages` accepts it: `"turkish"` or `"Turkish"`. */
export type LanguageInput = Gsm7.LanguageName | Lowercase<Gsm7.LanguageName>;

/**
 * From this length a keystroke updates the counts at once and the rest one frame later (see
 * `updated()`): the marks, the list of characters that force UCS-2, the preview and the segment
 * view cost what the text's length costs. Shorter texts update everything at once.
 */
const DEFER_DETAILS_FROM = 4000;
/**
 * From this length (UTF-16 units) a change of text is counted after a pause in typing
 * (`COUNT_DELAY`) instead of at once, so each keystroke in a long text is answered in the next
 * frame: counting 1 MB takes a tenth of a second or more, which would otherwise delay every key.
 */
const DEFER_COUNTS_FROM = 50_000;
/** The segment view lists at most this many parts, then says how many more there are. */
const MAX_PARTS_SHOWN = 100;
/** Pause after the last change of a long text before it is counted. */
const COUNT_DELAY = 150;
/** Pause after the last change before the live region speaks. */
const ANNOUNCE_DELAY = 500;

interface UiState {
  readonly formDisabled: boolean;
  readonly announcement: string;
  readonly showMissing: boolean;
}

/**
 * An SMS composer: a labelled textarea that shows, as you type, how the message will be encoded
 * and billed (characters, GSM-7 or UCS-2 with the national shift tables used, units, segments,
 * room left in the current segment), marks in place each character that forces UCS-2 together
 * with what Auto-Replace FULL would send instead, and previews the outgoing text of the chosen
 * Auto-Replace mode (OFF / ON / FULL) with every replacement marked and the cost before → after.
 *
 * The element holds no counting or replacement logic: it calls `@septet/core` (`Sms.measure`,
 * `Replacement.apply`). The replacement engine and the national language tables are loaded on
 * demand (mode FULL, ON with a table, a character to explain, or `languages` set); until they
 * arrive the element shows the plain count and then refines it. The marks on the characters that
 * force UCS-2, the list of them and the preview come with the engine (one chunk).
 *
 * Counts and `max-segments` describe the outgoing text (what is billed); the form submits the
 * text as typed (`value`), and the outgoing text is the `outgoing` property and the detail of
 * `septet-measure`. Line breaks: `value` holds LF as a textarea does, and the text is counted as
 * a form posts it, each line break as CR LF (2 units). A long text is never shortened: from
 * 50,000 UTF-16 units it is counted after a pause in typing, and the marks, the preview and the
 * segment view cover its start, with a note saying so (see the package README).
 *
 * @summary A drop-in SMS composer that counts GSM-7 / UCS-2 segments as you type.
 *
 * @slot label - The textarea's label; overrides the `label` attribute.
 * @slot help-text - Help shown under the counts and read as the textarea's description.
 *
 * @event input - The text changed (the textarea's native event, which crosses the shadow root).
 * @event change - The text was committed (relayed from the textarea on blur).
 * @event {SeptetMeasureEvent} septet-measure - The counts shown are up to date; `detail` holds the
 * measurement, the outgoing text and the replacements.
 *
 * @csspart base - The wrapper of everything.
 * @csspart label - The label.
 * @csspart field - The box holding the highlight layer and the textarea.
 * @csspart textarea - The native textarea.
 * @csspart highlights - The layer behind the textarea that marks characters forcing UCS-2.
 * @csspart counter - The visible counts (hidden from assistive technology; the live region speaks).
 * @csspart stat - One count; also `characters`, `units`, `segments` or `remaining`.
 * @csspart badge - The encoding badge (`data-encoding="GSM-7"` or `"UCS-2"`).
 * @csspart modes - The Auto-Replace radio group (a fieldset).
 * @csspart mode - One option of the radio group (a label around a native radio).
 * @csspart forced - The list of characters that force UCS-2.
 * @csspart forced-char - One entry of that list; a group of characters of one script also has `forced-script`.
 * @csspart forced-none - Said instead of the list when Auto-Replace replaced every such character.
 * @csspart replaced - The expandable summary of the characters Auto-Replace replaced.
 * @csspart preview - The outgoing text.
 * @csspart replacement - A replaced span in the preview.
 * @csspart leftover - A character FULL kept in the preview.
 * @csspart boundary - The badge where a segment begins in the preview.
 * @csspart cost - The cost line, before → after.
 * @csspart parts - The segment view (a list).
 * @csspart part - One segment of the segment view.
 * @csspart part-bar - The fill bar of a segment.
 * @csspart part-fill - The filled portion of that bar.
 * @csspart marks-note - "Marks shown for the first N characters", under a long text.
 * @csspart window-note - "Showing the first N of M characters", under a long preview.
 * @csspart error - The validation message.
 * @csspart help-text - The help text slot.
 * @csspart refining - The notice shown while tables load or a long text waits to be counted.
 *
 * @cssproperty --septet-accent - Accent colour: checked mode, segment fill (light and dark defaults).
 * @cssproperty --septet-on-accent-color - Text on the accent colour (the checked mode).
 * @cssproperty --septet-text-color - Text colour.
 * @cssproperty --septet-muted-color - Secondary text colour.
 * @cssproperty --septet-background - Background of the textarea.
 * @cssproperty --septet-border-color - Borders.
 * @cssproperty --septet-radius - Corner radius.
 * @cssproperty --septet-mark-color - Background of characters that force UCS-2.
 * @cssproperty --septet-replaced-color - Background of replaced text in the preview.
 * @cssproperty --septet-error-color - Error text and invalid border.
 * @cssproperty --septet-badge-gsm-color - Text of the GSM-7 badge.
 * @cssproperty --septet-badge-gsm-background - Background of the GSM-7 badge.
 * @cssproperty --septet-badge-ucs2-color - Text of the UCS-2 badge.
 * @cssproperty --septet-badge-ucs2-background - Background of the UCS-2 badge.
 * @cssproperty --septet-focus-color - Colour of the focus ring's outline.
 * @cssproperty --septet-focus-ring - Box shadow drawn with the focus outline (a soft halo).
 * @cssproperty --septet-font-family - Font family of the element (default: the system UI font).
 * @cssproperty --septet-font-size - Font size of the element.
 * @cssproperty --septet-textarea-font - Font family of the textarea and preview.
 * @cssproperty --septet-textarea-min-height - Minimum height of the textarea.
 * @cssproperty --septet-mono-font - Font family of code points.
 *
 * @example
 * ```html
 * <script type="module" src="https://unpkg.com/@septet/widget/dist/septet-composer.js"></script>
 * <septet-composer name="text" label="Message" mode="full" max-segments="3"></septet-composer>
 * ```
 * Importing this module does not define the tag: `septet-composer.ts` does (or call
 * `customElements.define` with a name of your own).
 *
 * @tagname septet-composer
 * @since 0.1.0
 */
export class SeptetComposer extends FormAssociatedElement {
  /** The element's styles (`composer.styles.ts`); restyle it through `::part` and the CSS custom properties. */
  static override styles = styles;
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    delegatesFocus: true,
  };
  /** Participates in forms through `ElementInternals`. */

  static override properties: PropertyDeclarations = {
    value: {},
    mode: { reflect: true },
    name: { reflect: true },
    label: {},
    placeholder: {},
    maxSegments: { attribute: "max-segments", type: Number },
    languages: { converter: languagesConverter },
    replacements: { converter: jsonConverter },
    leftovers: { converter: leftoversConverter },
    disabled: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    strings: { attribute: false },
  };

  /** The text as typed, line breaks as LF (CR LF and CR given are read back as LF, as on a textarea); the form submits it under `name`. The `value` attribute is the default that form reset restores. */
  declare value: string;
  /** Auto-Replace mode: `"off"` (text unchanged), `"on"` (default: the `replacements` table), `"full"` (table, then every character outside GSM-7 that has a GSM-7 equivalent). An unknown value acts as `"off"`, as in core: text is never changed by a setting the element does not understand. */
  declare mode: Mode;
  /** Name under which the form submits the text. */
  declare name: string;
  /** Label of the textarea (the `label` slot overrides it). */
  declare label: string;
  /** Placeholder of the textarea. */
  declare placeholder: string;
  /** Most segments the outgoing text may take; above it the element is invalid (`tooLong`). Unset or 0: no limit. */
  declare maxSegments: number | undefined;
  /** National language tables the message may use, e.g. `languages="turkish portuguese"`; unknown names are ignored. */
  declare languages: ReadonlyArray<LanguageInput>;
  /** The ON table, as given to `Replacement.makeTable` (attribute: JSON); a refused table makes the element invalid. */
  declare replacements: unknown;
  /** What FULL does with characters it cannot map: `keep`, `all-or-nothing`, `reject`, or `{ substitute }` (attribute `substitute:?`). */
  declare leftovers: Leftovers;
  /** Disables the textarea and the mode switch; a disabled element is not submitted. */
  declare disabled: boolean;
  /** The text must not be empty (`valueMissing`). */
  declare required: boolean;
  /** Texts shown and announced, for localisation; merged over the English defaults. */
  declare strings: Partial<ComposerStrings>;

  /** Internal UI state: disabled by an ancestor fieldset, live region text, show `valueMissing`. */
  #ui: UiState = { formDisabled: false, announcement: "", showMissing: false };
  #derived: Derived | undefined;
  #stale = false;
  #text: ComposerStrings = defaultStrings;
  #details: typeof Details | undefined;
  #replacementLoad: Promise<void> | undefined;
  #gsm7Module: Pick<typeof Gsm7, "languages"> | undefined;
  #gsm7Load: Promise<void> | undefined;
  #loadFailed = false;
  #tableInput: unknown;
  #table: Replacement.Table | Replacement.InvalidTable | undefined;
  #emitted: Derived | undefined;
  #announceTimer: ReturnType<typeof setTimeout> | undefined;
  #userChanged = false;
  #invalid: { readonly flags: ValidityStateFlags; readonly message: string } | undefined;
  /** The derivation whose marks, list, preview and segment view are shown (`DEFER_DETAILS_FROM`). */
  #shown: Derived | undefined;
  /** The derivation whose marks are painted. */
  #painted: Derived | undefined;
  #paintFrame = 0;
  #paintTimer: ReturnType<typeof setTimeout> | undefined;
  /** The textarea's value as of its last `input` event (the same string is not compared again). */
  #typed: string | undefined;
  /** A long text waits for a pause before it is counted (`DEFER_COUNTS_FROM`). */
  #countTimer: ReturnType<typeof setTimeout> | undefined;
  #countDue = false;
  /** The text's direction as `dir="auto"` would find it (`direction.ts` says why not `dir="auto"`). */
  #direction: "ltr" | "rtl" | undefined;
  #countWaiting = false;
  #countFrame = 0;
  #detailsView: { d: Derived; t: ComposerStrings; loaded: boolean; view: unknown } | undefined;

  constructor() {
    super();
    this.value = "";
    this.mode = "on";
    this.name = "";
    this.label = "";
    this.placeholder = "";
    this.maxSegments = undefined;
    this.languages = [];
    this.replacements = undefined;
    this.leftovers = "keep";
    this.disabled = false;
    this.required = false;
    this.strings = {};
    this.addEventListener("invalid", () => {
      this.#setUi({ showMissing: true });
    });
  }

  /** The text that goes out after Auto-Replace, line breaks as posted (CR LF); in OFF mode, `value` as posted. */
  get outgoing(): string {
    return this.#derived?.outgoing ?? this.value;
  }

  /** Measurement of the outgoing text (what is billed), or `undefined` before the first update. */
  get measurement(): Sms.Measurement | undefined {
    return this.#derived?.after;
  }

  /** Replacements made in the outgoing text, positions in `value` as posted (CR LF line breaks). */
  get replacementsMade(): ReadonlyArray<Replacement.Change> {
    return this.#derived?.replacements ?? [];
  }

  /**
   * True while the counts shown are not yet those of the text: a lazily loaded table is on its
   * way (the counts are then the plain ones), or a long text waits for a pause in typing.
   */
  get pending(): boolean {
    return this.#countWaiting || (this.#derived?.pending ?? true);
  }

  /** @internal Called by the browser when the form is reset: restores `defaultValue`. */
  formResetCallback(): void {
    this.value = this.defaultValue;
    this.#setUi({ showMissing: false });
  }

  /** @internal Called by the browser to restore the text (navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === "string") this.value = state;
  }

  /** @internal Called by the browser when an ancestor fieldset is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.#setUi({ formDisabled: disabled });
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Ranges were dropped on disconnect: paint them again.
    if (this.#painted === undefined && this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#announceTimer);
    cancelAnimationFrame(this.#paintFrame);
    clearTimeout(this.#paintTimer);
    if (this.#countWaiting) {
      // Counted again on reconnect.
      clearTimeout(this.#countTimer);
      cancelAnimationFrame(this.#countFrame);
      this.#countTimer = undefined;
      this.#countWaiting = false;
      this.#stale = true;
    }
    this.#details?.clearMarks(this);
    this.#painted = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("strings")) this.#text = { ...defaultStrings, ...this.strings };
    // Line breaks as a textarea holds them (LF), whatever was assigned: see `line-breaks.ts`.
    if (changed.has("value")) {
      this.value = toLf(this.value ?? "");
      this.#direction = textDirection(this.value);
    }
    if (
      this.#derived === undefined ||
      this.#stale ||
      this.#countDue ||
      changed.has("value") ||
      changed.has("mode") ||
      changed.has("languages") ||
      changed.has("replacements") ||
      changed.has("leftovers")
    ) {
      const onlyText = !(
        this.#stale ||
        this.#countDue ||
        changed.has("mode") ||
        changed.has("languages") ||
        changed.has("replacements") ||
        changed.has("leftovers")
      );
      if (this.#derived !== undefined && onlyText && this.value.length >= DEFER_COUNTS_FROM) {
        this.#deferCount();
      } else {
        clearTimeout(this.#countTimer);
        cancelAnimationFrame(this.#countFrame);
        this.#countTimer = undefined;
        this.#countWaiting = false;
        this.#countDue = false;
        this.#stale = false;
        this.#derived = this.#derive();
        // Typing in a long text: the counts now, the rest in the next frame (`updated()`).
        const typed = onlyText && this.value === this.#typed && this.#shown !== undefined;
        if (!typed || this.value.length < DEFER_DETAILS_FROM) this.#shown = this.#derived;
      }
    }
    this.#invalid = this.#validate(this.#derived!);
  }

  /** Counts a long text after a pause in typing; its old marks go at once (they no longer fit). */
  #deferCount(): void {
    clearTimeout(this.#countTimer);
    cancelAnimationFrame(this.#countFrame);
    // The pause is timed from the frame that shows the keystroke, so counting never delays it;
    // a page that paints no frames (a background tab) is counted after a second all the same.
    const wait = () => {
      cancelAnimationFrame(this.#countFrame);
      clearTimeout(this.#countTimer);
      this.#countTimer = setTimeout(() => {
        this.#countDue = true;
        this.requestUpdate();
      }, COUNT_DELAY);
    };
    this.#countWaiting = true;
    this.#countFrame = requestAnimationFrame(wait);
    this.#countTimer = setTimeout(wait, 1000);
    cancelAnimationFrame(this.#paintFrame);
    clearTimeout(this.#paintTimer);
    this.#details?.clearMarks(this);
    this.#painted = undefined;
  }

  protected override updated(): void {
    const derived = this.#derived;
    if (derived === undefined) return;
    // Styled invalid only once the problem is shown (an empty required field is not red on load).
    this.toggleAttribute("data-invalid", this.#errorShown());
    // The text and the radios are synced by hand, only when they differ, so typing, the caret
    // and the native undo history are never disturbed by a re-render.
    const textarea = this.renderRoot.querySelector("textarea")!;
    // `#typed` is the textarea's own string: the same reference, compared at no cost.
    if (this.value !== this.#typed && textarea.value !== this.value) {
      textarea.value = this.value;
      this.#typed = textarea.value;
    }
    for (const radio of this.renderRoot.querySelectorAll<HTMLInputElement>("input[type=radio]")) {
      radio.checked = radio.value === derived.mode;
    }
    const shown = this.#shown!;
    if (shown !== this.#painted && !this.#countWaiting) {
      this.#painted = shown;
      this.#details?.paintMarks(this, shown);
    }
    cancelAnimationFrame(this.#paintFrame);
    clearTimeout(this.#paintTimer);
    if (shown !== derived && !this.#countWaiting) {
      // The frame with the new counts paints first; a task after it shows the rest.
      this.#paintFrame = requestAnimationFrame(() => {
        this.#paintTimer = setTimeout(() => {
          if (this.#derived !== derived) return;
          this.#shown = derived;
          this.requestUpdate();
        });
      });
    }
    if (derived !== this.#emitted) {
      this.#emitted = derived;
      this.dispatchEvent(
        new SeptetMeasureEvent({
          value: derived.value,
          outgoing: derived.outgoing,
          mode: derived.mode,
          measurement: derived.after,
          before: derived.before,
          replacements: derived.replacements,
          leftovers: derived.leftovers,
          pending: derived.pending,
          valid: this.#invalid === undefined,
        }),
      );
      if (this.#userChanged) this.#scheduleAnnouncement();
    }
  }

  protected override render(): TemplateResult {
    const d = this.#derived!;
    const shown = this.#shown!;
    const marks = this.#details?.marksOf(shown);
    const t = this.#text;
    const disabled = this.disabled || this.#ui.formDisabled;
    const error = this.#errorShown();
    return html`
      <div part="base">
        <label part="label" for="input"><slot name="label">${this.label || t.label}</slot></label>
        <div part="field">
          <div part="highlights" aria-hidden="true" dir=${this.#direction ?? nothing}>${this.#details?.renderMarks(shown) ?? []}</div>
          <textarea
            id="input"
            dir=${this.#direction ?? nothing}
            part="textarea"
            placeholder=${this.placeholder || nothing}
            ?disabled=${disabled}
            ?required=${this.required}
            aria-invalid=${error ? "true" : "false"}
            aria-describedby="help error"
            @input=${this.#onInput}
            @change=${this.#onChange}
            @scroll=${this.#onScroll}
          ></textarea>
        </div>
        ${
          marks === undefined || marks.complete || this.#countWaiting
            ? nothing
            : html`<p part="marks-note" dir="auto">${format(t.marksWindow, { count: marks.end.toLocaleString(t.locale) })}</p>`
        }
        ${this.#renderCounter(d)}
        <div id="help"><slot name="help-text" part="help-text"></slot></div>
        <p part="error" id="error" ?hidden=${!error}>${error ? this.#invalid?.message : ""}</p>
        ${this.#renderModes(disabled)}
        ${this.#renderDetails(shown, t)}
        <div class="visually-hidden" role="status" aria-live="polite" aria-atomic="true">${this.#ui.announcement}</div>
      </div>
    `;
  }

  // ---------------------------------------------------------------------------------------------
  // Derivation (`derive.ts`, which calls core; no counting here)

  #derive(): Derived {
    const details = this.#details;
    const hasTable = !isEmptyTable(this.replacements);
    const { derived, needs } = derive({
      value: this.value ?? "",
      mode: this.mode,
      languages: this.languages ?? [],
      nationalTables: this.#gsm7Module?.languages,
      engine: details,
      hasTable,
      table: details !== undefined && hasTable ? this.#makeTable(details) : undefined,
      leftovers: this.leftovers ?? "keep",
      loadFailed: this.#loadFailed,
      strings: this.#text,
    });
    if (needs.languages) this.#loadGsm7();
    if (needs.engine) this.#loadReplacement();
    return derived;
  }

  #makeTable(engine: Pick<typeof Replacement, "makeTable">): Replacement.Table | Replacement.InvalidTable {
    const input = this.replacements;
    if (this.#table === undefined || this.#tableInput !== input) {
      this.#tableInput = input;
      this.#table =
        input instanceof InvalidJson
          ? { _tag: "InvalidTable", issues: [], message: `not JSON (${input.message})` }
          : engine.makeTable(input);
    }
    return this.#table;
  }

  #validate(d: Derived): { flags: ValidityStateFlags; message: string } | undefined {
    const t = this.#text;
    if (this.required && d.value === "") return { flags: { valueMissing: true }, message: t.valueMissing };
    if (d.tableError !== undefined) return { flags: { customError: true }, message: d.tableError };
    if (this.#loadFailed && d.mode !== "off") return { flags: { customError: true }, message: t.loadFailed };
    if (d.rejected !== undefined) {
      const chars = [...new Set(d.rejected.map((leftover) => leftover.char))].join(" ");
      return { flags: { customError: true }, message: format(t.leftoversRejected, { chars }) };
    }
    const max = this.maxSegments;
    if (max !== undefined && max > 0 && d.after.segments > max) {
      return {
        flags: { tooLong: true },
        message: format(t.tooManySegments, { segments: d.after.segments, max }),
      };
    }
    return undefined;
  }

  /** @hidden */
  protected override formSnapshot(): FormSnapshot {
    // As a native textarea: the LF form, which the browser posts with CR LF line breaks (the
    // form that was counted). Converting it here would cost a pass over a long text per key.
    const value = this.value ?? "";
    return {
      value,
      state: value,
      invalid: this.#invalid,
      anchor: this.renderRoot.querySelector?.("textarea") ?? undefined,
    };
  }

  #loadReplacement(): void {
    this.#replacementLoad ??= import("./details.js").then(
      (details) => {
        this.#details = details;
        // The chunk's styles join the element's (Lit's own adoption: a constructed sheet each).
        const own = (this.constructor as typeof LitElement).elementStyles;
        adoptStyles(this.renderRoot as ShadowRoot, [...own, details.detailsStyles]);
        this.#refresh();
      },
      () => {
        this.#loadFailed = true;
        this.#refresh();
      },
    );
  }

  #loadGsm7(): void {
    this.#gsm7Load ??= import("./languages.js").then(
      (module) => {
        this.#gsm7Module = module;
        this.#refresh();
      },
      () => {
        this.#loadFailed = true;
        this.#refresh();
      },
    );
  }

  #errorShown(): boolean {
    return this.#invalid !== undefined && (!this.#invalid.flags.valueMissing || this.#ui.showMissing);
  }

  #setUi(patch: Partial<UiState>): void {
    this.#ui = { ...this.#ui, ...patch };
    this.requestUpdate();
  }

  #refresh(): void {
    this.#stale = true;
    this.requestUpdate();
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  #onInput = (event: Event): void => {
    this.#userChanged = true;
    this.#setUi({ showMissing: true });
    this.#typed = (event.target as HTMLTextAreaElement).value;
    this.value = this.#typed;
  };

  #onChange = (): void => {
    this.dispatchEvent(new Event("change", { bubbles: true }));
  };

  #onMode = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    if (!input.checked) return;
    this.#userChanged = true;
    this.mode = input.value as Mode;
  };

  /** The marks layer follows the textarea's scrolling (and paints the marks that came into view). */
  #onScroll = (): void => {
    this.#details?.followScroll(this);
  };

  #scheduleAnnouncement(): void {
    clearTimeout(this.#announceTimer);
    this.#announceTimer = setTimeout(() => {
      if (this.#derived?.pending) {
        this.#scheduleAnnouncement();
        return;
      }
      this.#userChanged = false;
      this.#setUi({ announcement: this.#announce() });
    }, ANNOUNCE_DELAY);
  }

  #announce(): string {
    const d = this.#derived!;
    const t = this.#text;
    const m = d.after;
    const main = format(t.announce, {
      characters: plural(m.characters, t.charactersOne, t.charactersOther),
      encoding: this.#encodingText(m),
      segments: plural(m.segments, t.segmentsOne, t.segmentsOther),
      remaining: format(t.remaining, { count: m.remaining }),
    });
    return this.#invalid === undefined || (this.#invalid.flags.valueMissing && !this.#ui.showMissing)
      ? main
      : `${main} ${this.#invalid.message}`;
  }

  #encodingText(m: Sms.Measurement): string {
    const t = this.#text;
    const tables: Array<string> = [];
    if (m.lockingShift !== null) tables.push(format(t.lockingShift, { language: m.lockingShift }));
    if (m.singleShift !== null) tables.push(format(t.singleShift, { language: m.singleShift }));
    return tables.length === 0
      ? m.encoding
      : `${m.encoding} · ${format(t.shiftTables, { tables: tables.join(", ") })}`;
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  #renderCounter(d: Derived): TemplateResult {
    const t = this.#text;
    const m = d.after;
    const max = this.maxSegments;
    const limited = max !== undefined && max > 0;
    return html`
      <div part="counter" aria-hidden="true">
        <span part="stat characters" dir="auto">${plural(m.characters, t.charactersOne, t.charactersOther)}</span>
        <span part="badge" dir="auto" data-encoding=${m.encoding}>${this.#encodingText(m)}</span>
        <span part="stat units" dir="auto">${format(m.encoding === "GSM-7" ? t.septets : t.codeUnits, { count: m.units })}</span>
        <span part="stat segments" dir="auto" ?data-over=${limited && m.segments > max}
          >${
            limited
              ? format(t.segmentsOfMax, { count: m.segments, max })
              : plural(m.segments, t.segmentsOne, t.segmentsOther)
          }</span
        >
        <span part="stat remaining" dir="auto">${format(t.remaining, { count: m.remaining })}</span>
        ${
          this.#countWaiting
            ? html`<span part="refining">${t.counting}</span>`
            : d.pending
              ? html`<span part="refining">${t.refining}</span>`
              : nothing
        }
      </div>
    `;
  }

  #renderModes(disabled: boolean): TemplateResult {
    const t = this.#text;
    const labels: Record<Mode, string> = { off: t.modeOff, on: t.modeOn, full: t.modeFull };
    return html`
      <fieldset part="modes" ?disabled=${disabled}>
        <legend>${t.mode}</legend>
        <div class="options">
          ${MODES.map(
            (mode) => html`
              <label part="mode">
                <input
                  type="radio"
                  name="mode"
                  value=${mode}
                  @change=${this.#onMode}
                />${labels[mode]}
              </label>
            `,
          )}
        </div>
      </fieldset>
    `;
  }

  /**
   * The explanation, the preview and the segment view, made once per derivation: a long text
   * re-renders on each keystroke while its count waits, and these cost what the text costs.
   */
  #renderDetails(d: Derived, t: ComposerStrings): unknown {
    const cached = this.#detailsView;
    if (cached?.d === d && cached.t === t && cached.loaded === (this.#details !== undefined))
      return cached.view;
    const details = this.#details;
    const view = [
      details === undefined ? nothing : [details.renderForced(d, t), details.renderPreview(d, t)],
      this.#renderParts(d, t),
    ];
    this.#detailsView = { d, t, loaded: details !== undefined, view };
    return view;
  }

  /** The segment view (its first `MAX_PARTS_SHOWN` parts); the list scrolls when long, so it is focusable for keyboard scrolling. */
  #renderParts(d: Derived, t: ComposerStrings): TemplateResult {
    const parts = d.after.parts;
    const shown = parts.length > MAX_PARTS_SHOWN ? parts.slice(0, MAX_PARTS_SHOWN) : parts;
    return html`
      <div class="group">
        <span id="parts-title" class="title">${t.partsHeading}</span>
        <ol part="parts" tabindex="0" aria-labelledby="parts-title">
          ${shown.map((part, i) => {
            const fill = part.capacity === 0 ? 0 : Math.min(100, (part.units / part.capacity) * 100);
            return html`<li part="part">
              <span class="row"
                ><span dir="auto">${format(t.part, { n: i + 1 })}</span>
                <span class="fill" dir="ltr">${format(t.partFill, { units: part.units, capacity: part.capacity })}</span></span
              >
              <span part="part-bar"><span part="part-fill" style="inline-size: ${fill.toFixed(1)}%"></span></span>
              <span class="range" dir="auto"
                >${part.end > part.start ? format(t.partRange, { start: part.start + 1, end: part.end }) : "–"}</span
              >
            </li>`;
          })}
          ${parts.length > shown.length ? html`<li part="part">${format(t.partsMore, { count: parts.length - shown.length })}</li>` : nothing}
        </ol>
      </div>
    `;
  }
}
