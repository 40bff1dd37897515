import * as KeySettings from "@septet/core/KeySettings";
import type * as Replacement from "@septet/core/Replacement";
import { Effect } from "effect";
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from "lit";
import { FormAssociatedElement } from "../shared/form-associated.js";
import type { FormSnapshot } from "../shared/form-controller.js";
import { format } from "../shared/strings.js";
import { SeptetKeyChangeEvent } from "./events.js";
import { styles } from "./key-settings.styles.js";
import { defaultKeySettingsStrings, type KeySettingsStrings } from "./strings.js";

/** Auto-Replace mode (`Replacement.Mode`). */
type Mode = Replacement.Mode;

const MODES: ReadonlyArray<Mode> = ["off", "on", "full"];

/** The settings as the fields hold them. */
interface Fields {
  readonly name: string;
  readonly whitelist: string;
  readonly defaultSender: string;
  readonly autoReplace: Mode | undefined;
  readonly rows: ReadonlyArray<{ readonly from: string; readonly to: string }>;
  readonly dlrUrl: string;
  /** `senders` as the value gave it (the `senders` property wins when set). */
  readonly senders: ReadonlyArray<string> | undefined;
  /** Fields of the value the page does not edit, kept as they are. */
  readonly extra: Readonly<Record<string, unknown>>;
}

const EMPTY: Fields = {
  name: "",
  whitelist: "",
  defaultSender: "",
  autoReplace: undefined,
  rows: [],
  dlrUrl: "",
  senders: undefined,
  extra: {},
};

/** The config keys the page edits; every other key is kept as given. */
const EDITED: ReadonlyArray<string> = KeySettings.FIELDS;

const textOf = (u: unknown): string => (typeof u === "string" ? u : u == null ? "" : JSON.stringify(u));

/** Reads a value into fields; a value that is not a JSON object gives empty fields and a reason. */
const parseValue = (value: string): { fields: Fields; problem: string | undefined } => {
  if (value.trim() === "") return { fields: EMPTY, problem: undefined };
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch (error) {
    return { fields: EMPTY, problem: error instanceof Error ? error.message : String(error) };
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    return { fields: EMPTY, problem: "not a JSON object" };
  }
  const c = parsed as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(c)) if (!EDITED.includes(k)) extra[k] = v;
  const table = KeySettings.explainTable(c.replacementTable);
  const mode = c.autoReplace;
  return {
    fields: {
      name: textOf(c.name),
      whitelist: Array.isArray(c.ipWhitelist) ? c.ipWhitelist.map(textOf).join("\n") : textOf(c.ipWhitelist),
      defaultSender: textOf(c.defaultSender),
      autoReplace: mode === "off" || mode === "on" || mode === "full" ? mode : undefined,
      rows: table.rows.map((r) => ({ from: r.from, to: r.to })),
      dlrUrl: textOf(c.dlrUrl),
      senders: Array.isArray(c.senders) ? c.senders.map(textOf) : undefined,
      extra,
    },
    problem: undefined,
  };
};

/** The rows that hold something, with their index among all rows. */
const filledRows = (rows: Fields["rows"]) =>
  rows.flatMap((row, index) => (row.from === "" && row.to === "" ? [] : [{ ...row, index }]));

/**
 * The settings page of an SMS API key: name, IP whitelist, Default Sender, Auto-Replace (with the
 * replacement table and a sample message) and Delivery Report Webhook, each checked as it is
 * typed, with what the whitelist enforces, an address tester, an example signed callback and a
 * table of what a request changes.
 *
 * The element holds no policy logic: every rule, reason and explanation comes from
 * `@septet/core` (`KeySettings.review`, `explainWhitelist`, `testAddress`, `requestCases`,
 * `exampleCallback`, which use `Allowlist`, `ApiKey`, `DeliveryReport`, `Policy` and
 * `Replacement`). The sample message is a `<septet-composer>` set to the chosen mode and table, loaded (a lazy chunk in the drop-in) on the first render.
 *
 * Its `value` is the key config as JSON text, as `ApiKey.decode` takes it; the form submits it
 * under `name`. Settings with an issue make the element invalid with the first issue as its
 * message. Form reset restores the `value` attribute. Fields of the value the page does not edit
 * are kept. Blank table rows are left out of the value. An unset Auto-Replace stays unset (the
 * built-in default, ON, applies) until a mode is chosen.
 *
 * @summary The API key settings page: every setting checked and explained as it is typed.
 *
 * @event {SeptetKeyChangeEvent} septet-key-change - The settings changed; `detail` holds the
 * value, the config and every issue.
 * @event change - A field was committed (relayed from the fields).
 *
 * @csspart base - The wrapper of everything (a fieldset).
 * @csspart heading - Its legend.
 * @csspart field - One setting's group (label, control, help, errors).
 * @csspart help - A setting's help text.
 * @csspart error - A setting's error messages (tied to its control with `aria-describedby`).
 * @csspart name - The name input.
 * @csspart whitelist - The IP whitelist textarea.
 * @csspart entries - What each valid whitelist entry is enforced as (a list).
 * @csspart entry - One entry of that list.
 * @csspart summary - The whitelist summary in words.
 * @csspart test-address - The address tester's input.
 * @csspart answer - The address tester's answer (`data-allowed`).
 * @csspart sender - The Default Sender input or select.
 * @csspart modes - The Auto-Replace radio group.
 * @csspart rows - The replacement table editor.
 * @csspart add-row - The button that adds a row to it.
 * @csspart row - One row of it.
 * @csspart sample - The sample message (a `<septet-composer>`).
 * @csspart dlr-url - The webhook URL input.
 * @csspart callback - The example signed callback.
 * @csspart requests - The "what a request changes" table.
 *
 * @cssproperty --septet-accent - Accent colour: focus ring.
 * @cssproperty --septet-text-color - Text colour.
 * @cssproperty --septet-muted-color - Help text colour.
 * @cssproperty --septet-background - Background.
 * @cssproperty --septet-border-color - Borders.
 * @cssproperty --septet-radius - Corner radius.
 * @cssproperty --septet-error-color - Error text and invalid borders.
 * @cssproperty --septet-focus-ring - Box shadow of the focus ring.
 * @cssproperty --septet-font-family - Font family.
 * @cssproperty --septet-font-size - Font size.
 * @cssproperty --septet-mono-font - Font of the whitelist, the callback and code.
 * @cssproperty --septet-mark-color - Background of characters that force UCS-2 in the sample message.
 * @cssproperty --septet-replaced-color - Background of replaced text in the sample message.
 *
 * @example
 * ```html
 * <script type="module" src="https://unpkg.com/@septet/widget/dist/septet-key-settings.js"></script>
 * <form>
 *   <septet-key-settings name="key" senders='["Shop", "Promo"]'
 *     value='{"name":"shop","ipWhitelist":["203.0.113.0/24"],"defaultSender":"Shop"}'></septet-key-settings>
 * </form>
 * ```
 *
 * @tagname septet-key-settings
 * @since 0.1.0
 */
export class SeptetKeySettings extends FormAssociatedElement {
  /** The element's styles (`key-settings.styles.ts`); restyle it through `::part` and the CSS custom properties. */
  static override styles = styles;
  /** Participates in forms through `ElementInternals`. */

  static override properties: PropertyDeclarations = {
    value: {},
    name: { reflect: true },
    senders: {
      converter: {
        fromAttribute: (value: string | null): ReadonlyArray<string> | undefined => {
          if (value === null) return undefined;
          try {
            const parsed: unknown = JSON.parse(value);
            return Array.isArray(parsed) ? parsed.map(textOf) : [];
          } catch {
            return [];
          }
        },
      },
    },
    secret: {},
    sample: {},
    allowHttp: { attribute: "allow-http", type: Boolean },
    disabled: { type: Boolean, reflect: true },
    strings: { attribute: false },
  };

  /** The key config as JSON text (what `ApiKey.decode` takes); the form submits it under `name`. The `value` attribute is the default that form reset restores. */
  declare value: string;
  /** Name under which the form submits the config. */
  declare name: string;
  /** The account's activated sender IDs (attribute: a JSON array). When set, the Default Sender is a choice among them, a value outside them is an error, and the config carries them as `senders`. Not JSON: an empty list (every sender refused). */
  declare senders: ReadonlyArray<string> | undefined;
  /** The test secret that signs the example callback (default `"test-secret"`); never the key's real password. */
  declare secret: string;
  /** The sample message shown with the Auto-Replace mode and table applied. */
  declare sample: string;
  /** Accept `http:` webhook URLs (development receivers); `DeliveryReport.checkUrl`'s `allowHttp`. */
  declare allowHttp: boolean;
  /** Disables every field; a disabled element is not submitted. */
  declare disabled: boolean;
  /** Labels shown and announced, for localisation; merged over the English defaults. */
  declare strings: Partial<KeySettingsStrings>;

  #text: KeySettingsStrings = defaultKeySettingsStrings;
  #fields: Fields = EMPTY;
  #valueProblem: string | undefined;
  /** The value this element wrote last (not parsed again). */
  #written: string | undefined;
  #config: Record<string, unknown> = {};
  #review: KeySettings.Review = KeySettings.review({});
  #emitted: string | undefined;
  #address = "";
  #formDisabled = false;
  #callback: { key: string; text: string } | undefined;

  constructor() {
    super();
    this.value = "";
    this.name = "";
    this.senders = undefined;
    this.secret = "test-secret";
    this.sample = "Hello “friend” — naïve café’s 5€ offer, see you at 5…";
    this.allowHttp = false;
    this.disabled = false;
    this.strings = {};
  }

  /** The key config as an object (what `ApiKey.decode` takes). */
  get config(): Readonly<Record<string, unknown>> {
    return this.#config;
  }

  /** Every issue of the settings, in field order (`KeySettings.review`). */
  get issues(): ReadonlyArray<KeySettings.Issue> {
    return this.#review.issues;
  }

  /** The rows of the "what a request changes" table, as shown (`KeySettings.requestCases`, each with the request it resolved). */
  get requestCases(): ReadonlyArray<KeySettings.RequestCase> {
    return this.#review.requestCases;
  }

  /** @internal Called by the browser when the form is reset: restores `defaultValue`. */
  formResetCallback(): void {
    this.#written = undefined;
    this.#address = "";
    this.value = this.defaultValue;
    this.requestUpdate();
  }

  /** @internal Called by the browser to restore the settings (navigation, autofill). */
  formStateRestoreCallback(state: string | File | FormData | null): void {
    if (typeof state === "string") this.value = state;
  }

  /** @internal Called by the browser when an ancestor fieldset is disabled or enabled. */
  formDisabledCallback(disabled: boolean): void {
    this.#formDisabled = disabled;
    this.requestUpdate();
  }

  protected override firstUpdated(): void {
    // The sample message's <septet-composer> is a lazy chunk (a third of the drop-in): the page's
    // fields work before it arrives, and the sample's counts follow once it is defined. Lit keeps
    // the properties set on the tag before then.
    void import("../composer/septet-composer.js");
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has("strings")) this.#text = { ...defaultKeySettingsStrings, ...this.strings };
    if (changed.has("value") && this.value !== this.#written) {
      const { fields, problem } = parseValue(this.value ?? "");
      this.#fields = fields;
      this.#valueProblem = problem;
    }
    this.#config = this.#configOf(this.#fields);
    this.#review = KeySettings.review(this.#config, {
      dlr: this.allowHttp ? { allowHttp: true } : undefined,
    });
    // The value follows the fields, except a value that could not be read: it stays as given.
    if (this.#valueProblem === undefined) {
      const written = JSON.stringify(this.#config);
      this.#written = written;
      this.value = written;
    }
  }

  protected override updated(): void {
    const value = this.value;
    if (value !== this.#emitted) {
      this.#emitted = value;
      this.dispatchEvent(
        new SeptetKeyChangeEvent({
          value,
          config: this.#config,
          issues: this.#review.issues,
          valid: this.#invalid() === undefined,
        }),
      );
    }
    this.#signExample();
  }

  #configOf(f: Fields): Record<string, unknown> {
    const config: Record<string, unknown> = {
      ...f.extra,
      name: f.name,
      ipWhitelist: KeySettings.splitWhitelist(f.whitelist),
    };
    if (f.defaultSender !== "") config.defaultSender = f.defaultSender;
    if (f.autoReplace !== undefined) config.autoReplace = f.autoReplace;
    const rows = filledRows(f.rows);
    if (rows.length > 0) config.replacementTable = rows.map((r) => [r.from, r.to]);
    if (f.dlrUrl !== "") config.dlrUrl = f.dlrUrl;
    const senders = this.senders ?? f.senders;
    if (senders !== undefined) config.senders = senders;
    return config;
  }

  #invalid(): { readonly flags: ValidityStateFlags; readonly message: string } | undefined {
    if (this.#valueProblem !== undefined) {
      return {
        flags: { customError: true },
        message: format(this.#text.invalidValue, { reason: this.#valueProblem }),
      };
    }
    const first = this.#review.issues[0];
    return first === undefined ? undefined : { flags: { customError: true }, message: first.message };
  }

  /** @hidden */
  protected override formSnapshot(): FormSnapshot {
    return { value: this.value, state: this.value, invalid: this.#invalid(), anchor: this.#anchor() };
  }

  /** The control `reportValidity()` focuses: the one of the first issue (its row for the table). */
  #anchor(): HTMLElement | undefined {
    const first = this.#review.issues[0];
    const root = this.renderRoot;
    if (first === undefined || root.querySelector === undefined) return undefined;
    switch (first.field) {
      case "autoReplace":
        return root.querySelector<HTMLElement>('input[name="auto-replace"]:checked') ?? undefined;
      case "replacementTable": {
        const row = first.index === undefined ? undefined : filledRows(this.#fields.rows)[first.index]?.index;
        return root.querySelector<HTMLElement>(`#from-${row ?? 0}`) ?? undefined;
      }
      case "senders":
        return root.querySelector<HTMLElement>("#sender") ?? undefined;
      default:
        return root.querySelector<HTMLElement>(`[data-field="${first.field}"]`) ?? undefined;
    }
  }

  /** Signs the example callback when the secret or the sender changed (Web Crypto is async). */
  #signExample(): void {
    const sender = this.#review.key?.defaultSender ?? (this.#fields.defaultSender || undefined);
    const key = JSON.stringify([this.secret, sender]);
    if (this.#callback?.key === key) return;
    this.#callback = { key, text: "" };
    Effect.runPromise(Effect.result(KeySettings.exampleCallback(this.secret, sender))).then((result) => {
      if (this.#callback?.key !== key) return;
      this.#callback = {
        key,
        text:
          result._tag === "Success"
            ? `Content-Type: ${result.success.headers["Content-Type"]}\nX-Messente-Signature: ${result.success.signature}\n\n${result.success.body}`
            : format(this.#text.callbackFailed, { reason: result.failure.reason }),
      };
      this.requestUpdate();
    });
  }

  #edit(patch: Partial<Fields>): void {
    this.#fields = { ...this.#fields, ...patch };
    this.#valueProblem = undefined;
    this.requestUpdate();
  }

  #issuesOf(field: KeySettings.Field, index?: number): ReadonlyArray<KeySettings.Issue> {
    return this.#review.issues.filter((i) => i.field === field && (index === undefined || i.index === index));
  }

  // ---------------------------------------------------------------------------------------------
  // Rendering

  protected override render(): TemplateResult {
    const t = this.#text;
    const disabled = this.disabled || this.#formDisabled;
    return html`
      <fieldset part="base" ?disabled=${disabled}>
        <legend part="heading">${t.heading}</legend>
        ${
          this.#valueProblem === undefined
            ? nothing
            : html`<p part="error" role="alert">${format(t.invalidValue, { reason: this.#valueProblem })}</p>`
        }
        ${this.#renderName()} ${this.#renderWhitelist()} ${this.#renderSender()} ${this.#renderAutoReplace()}
        ${this.#renderDlr()} ${this.#renderRequests()}
      </fieldset>
    `;
  }

  #errors(id: string, issues: ReadonlyArray<KeySettings.Issue>): TemplateResult {
    return html`<ul part="error" id=${id} ?hidden=${issues.length === 0}>
      ${issues.map((i) => html`<li>${i.message}</li>`)}
    </ul>`;
  }

  #renderName(): TemplateResult {
    const t = this.#text;
    const issues = this.#issuesOf("name");
    return html`<div part="field">
      <label for="name">${t.name}</label>
      <input
        id="name"
        part="name"
        type="text"
        data-field="name"
        autocomplete="off"
        .value=${this.#fields.name}
        aria-invalid=${issues.length > 0 ? "true" : "false"}
        aria-describedby="name-help name-error"
        @input=${(e: Event) => this.#edit({ name: (e.target as HTMLInputElement).value })}
        @change=${this.#relayChange}
      />
      <p part="help" id="name-help">${t.nameHelp}</p>
      ${this.#errors("name-error", issues)}
    </div>`;
  }

  #renderWhitelist(): TemplateResult {
    const t = this.#text;
    const issues = this.#issuesOf("ipWhitelist");
    const report = this.#review.whitelist;
    const valid = report.entries.filter((e) => e.enforced !== undefined);
    const test = this.#address === "" ? undefined : KeySettings.testAddress(report, this.#address);
    return html`<div part="field">
      <label for="whitelist">${t.whitelist}</label>
      <textarea
        id="whitelist"
        part="whitelist"
        data-field="ipWhitelist"
        spellcheck="false"
        autocomplete="off"
        .value=${this.#fields.whitelist}
        aria-invalid=${issues.length > 0 ? "true" : "false"}
        aria-describedby="whitelist-help whitelist-error whitelist-summary"
        @input=${(e: Event) => this.#edit({ whitelist: (e.target as HTMLTextAreaElement).value })}
        @change=${this.#relayChange}
      ></textarea>
      <p part="help" id="whitelist-help">${t.whitelistHelp}</p>
      ${this.#errors("whitelist-error", issues)}
      <p part="summary" id="whitelist-summary">${report.summary.text}</p>
      ${
        valid.length === 0
          ? nothing
          : html`<span class="title" id="enforced-title">${t.enforced}</span>
              <ul part="entries" aria-labelledby="enforced-title">
                ${valid.map(
                  (e) =>
                    html`<li part="entry" data-index=${e.index} ?data-notes=${e.notes.length > 0}>${e.explanation}</li>`,
                )}
              </ul>`
      }
      <label for="test-address">${t.testAddress}</label>
      <input
        id="test-address"
        part="test-address"
        type="text"
        spellcheck="false"
        autocomplete="off"
        .value=${this.#address}
        aria-describedby="test-address-help"
        @input=${(e: Event) => {
          this.#address = (e.target as HTMLInputElement).value.trim();
          this.requestUpdate();
        }}
      />
      <p part="help" id="test-address-help">${t.testAddressHelp}</p>
      <output part="answer" for="test-address" aria-live="polite" data-allowed=${test === undefined ? nothing : String(test.allowed)}
        >${test?.explanation ?? ""}</output
      >
    </div>`;
  }

  #renderSender(): TemplateResult {
    const t = this.#text;
    const issues = this.#issuesOf("defaultSender");
    const current = this.#fields.defaultSender;
    const senders = this.senders;
    const common = {
      invalid: issues.length > 0 ? "true" : "false",
      onInput: (e: Event) =>
        this.#edit({ defaultSender: (e.target as HTMLInputElement | HTMLSelectElement).value }),
    };
    const control =
      senders === undefined
        ? html`<input
            id="sender"
            part="sender"
            type="text"
            data-field="defaultSender"
            autocomplete="off"
            .value=${current}
            aria-invalid=${common.invalid}
            aria-describedby="sender-help sender-error"
            @input=${common.onInput}
            @change=${this.#relayChange}
          />`
        : html`<select
            id="sender"
            part="sender"
            data-field="defaultSender"
            aria-invalid=${common.invalid}
            aria-describedby="sender-help sender-error"
            @change=${(e: Event) => {
              common.onInput(e);
              this.#relayChange();
            }}
          >
            <option value="" ?selected=${current === ""}>${t.defaultSenderNone}</option>
            ${senders.map((s) => html`<option .value=${s} ?selected=${s === current}>${s}</option>`)}
            ${current !== "" && !senders.includes(current) ? html`<option .value=${current} selected>${current}</option>` : nothing}
          </select>`;
    return html`<div part="field">
      <label for="sender">${t.defaultSender}</label>
      ${control}
      <p part="help" id="sender-help">${t.defaultSenderHelp}</p>
      ${this.#errors("sender-error", [...issues, ...this.#issuesOf("senders")])}
    </div>`;
  }

  #renderAutoReplace(): TemplateResult {
    const t = this.#text;
    const mode = this.#fields.autoReplace ?? "on";
    const labels: Record<Mode, readonly [string, string]> = {
      off: [t.modeOff, t.modeOffHelp],
      on: [t.modeOn, t.modeOnHelp],
      full: [t.modeFull, t.modeFullHelp],
    };
    const modeIssues = this.#issuesOf("autoReplace");
    const tableIssues = this.#issuesOf("replacementTable");
    const rows = filledRows(this.#fields.rows);
    return html`<fieldset part="field modes">
      <legend>${t.autoReplace}</legend>
      <div class="modes">
        ${MODES.map(
          (m) =>
            html`<label
              ><input
                type="radio"
                name="auto-replace"
                .value=${m}
                .checked=${m === mode}
                @change=${() => {
                  this.#edit({ autoReplace: m });
                  this.#relayChange();
                }}
              />
              ${labels[m][0]} <span>— ${labels[m][1]}</span></label
            >`,
        )}
      </div>
      ${this.#errors("mode-error", modeIssues)}
      ${mode === "off" ? nothing : this.#renderTable(tableIssues)}
      <septet-composer
        part="sample"
        label=${t.sample}
        .value=${this.sample}
        mode=${mode}
        .replacements=${rows.length === 0 ? undefined : rows.map((r) => [r.from, r.to])}
      ></septet-composer>
    </fieldset>`;
  }

  #renderTable(issues: ReadonlyArray<KeySettings.Issue>): TemplateResult {
    const t = this.#text;
    const filled = filledRows(this.#fields.rows);
    // Issues name rows by their index among the filled rows.
    const issuesOfRow = (index: number) => {
      const at = filled.findIndex((r) => r.index === index);
      return at < 0 ? [] : issues.filter((i) => i.index === at);
    };
    const whole = issues.filter((i) => i.index === undefined);
    return html`<div class="group">
      <table part="rows" data-field="replacementTable">
        <caption>${t.table}</caption>
        <thead>
          <tr>
            <th scope="col">${t.tableFrom}</th>
            <th scope="col">${t.tableTo}</th>
            <th scope="col"><span class="visually-hidden">${t.removeRow.replace("{n}", "")}</span></th>
          </tr>
        </thead>
        <tbody>
          ${this.#fields.rows.map((row, index) => {
            const rowIssues = issuesOfRow(index);
            const n = index + 1;
            const invalid = rowIssues.length > 0 ? "true" : "false";
            return html`<tr part="row" data-row=${index}>
              <td>
                <input
                  type="text"
                  id=${`from-${index}`}
                  .value=${row.from}
                  aria-label=${format(t.rowFrom, { n })}
                  aria-invalid=${invalid}
                  aria-describedby=${`row-error-${index}`}
                  @input=${(e: Event) => this.#editRow(index, { from: (e.target as HTMLInputElement).value })}
                  @change=${this.#relayChange}
                />
              </td>
              <td>
                <input
                  type="text"
                  .value=${row.to}
                  aria-label=${format(t.rowTo, { n })}
                  aria-invalid=${invalid}
                  aria-describedby=${`row-error-${index}`}
                  @input=${(e: Event) => this.#editRow(index, { to: (e.target as HTMLInputElement).value })}
                  @change=${this.#relayChange}
                />
                ${this.#errors(`row-error-${index}`, rowIssues)}
              </td>
              <td>
                <button type="button" @click=${() => this.#removeRow(index)}>${format(t.removeRow, { n })}</button>
              </td>
            </tr>`;
          })}
        </tbody>
      </table>
      ${this.#errors("table-error", whole)}
      <div><button type="button" part="add-row" @click=${this.#addRow}>${t.addRow}</button></div>
    </div>`;
  }

  #renderDlr(): TemplateResult {
    const t = this.#text;
    const issues = this.#issuesOf("dlrUrl");
    return html`<div part="field">
      <label for="dlr-url">${t.dlrUrl}</label>
      <input
        id="dlr-url"
        part="dlr-url"
        type="url"
        data-field="dlrUrl"
        autocomplete="off"
        spellcheck="false"
        .value=${this.#fields.dlrUrl}
        aria-invalid=${issues.length > 0 ? "true" : "false"}
        aria-describedby="dlr-help dlr-error"
        @input=${(e: Event) => this.#edit({ dlrUrl: (e.target as HTMLInputElement).value.trim() })}
        @change=${this.#relayChange}
      />
      <p part="help" id="dlr-help">${t.dlrUrlHelp}</p>
      ${this.#errors("dlr-error", issues)}
      <span class="title" id="callback-title">${format(t.callback, { secret: this.secret })}</span>
      <pre part="callback" tabindex="0" aria-labelledby="callback-title">${
        this.#review.key?.dlrUrl === undefined ? "" : `POST ${this.#review.key.dlrUrl}\n`
      }${this.#callback?.text ?? ""}</pre>
    </div>`;
  }

  #renderRequests(): TemplateResult {
    const t = this.#text;
    const skipped = this.#review.skipped;
    const names = t.fieldNames.split(",").map((s) => s.trim());
    // `fieldNames` lists the fields in `KeySettings.FIELDS` order.
    const order: ReadonlyArray<KeySettings.Field> = KeySettings.FIELDS;
    const source = (c: KeySettings.RequestCase): string => {
      if (c.outcome._tag === "Refused") return c.outcome.error.source;
      const field = c.outcome.field ?? "";
      return c.outcome.provenance === "request"
        ? format(t.fromRequest, { field })
        : c.outcome.provenance === "apiKey"
          ? format(t.fromKey, { field })
          : t.fromDefault;
    };
    return html`<div part="field">
      <table part="requests">
        <caption>${t.requests}</caption>
        <thead>
          <tr>
            <th scope="col">${t.requestColumn}</th>
            <th scope="col">${t.appliesColumn}</th>
            <th scope="col">${t.sourceColumn}</th>
          </tr>
        </thead>
        <tbody>
          ${this.#review.requestCases.map(
            (c) => html`<tr
              data-setting=${c.setting}
              data-given=${String(c.given)}
              data-outcome=${c.outcome._tag === "Applies" ? c.outcome.provenance : "refused"}
            >
              <th scope="row">
                ${
                  c.requestValue === undefined
                    ? format(t.without, { field: c.requestField })
                    : format(t.with, { field: c.requestField, value: c.requestValue })
                }
              </th>
              <td>
                ${
                  c.outcome._tag === "Refused"
                    ? format(t.refused, {
                        code: c.outcome.error.code,
                        title: c.outcome.error.title,
                        detail: c.outcome.error.detail,
                      })
                    : c.outcome.value === null
                      ? t.noReport
                      : html`<code>${c.outcome.value}</code>`
                }
              </td>
              <td>${source(c)}</td>
            </tr>`,
          )}
        </tbody>
      </table>
      ${
        skipped.length === 0
          ? nothing
          : html`<p part="help">${format(t.skipped, {
              fields: skipped.map((f) => names[order.indexOf(f)] ?? f).join(", "),
            })}</p>`
      }
    </div>`;
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  #relayChange = (): void => {
    this.dispatchEvent(new Event("change", { bubbles: true }));
  };

  #editRow(index: number, patch: Partial<{ from: string; to: string }>): void {
    this.#edit({ rows: this.#fields.rows.map((row, i) => (i === index ? { ...row, ...patch } : row)) });
  }

  #addRow = async (): Promise<void> => {
    const index = this.#fields.rows.length;
    this.#edit({ rows: [...this.#fields.rows, { from: "", to: "" }] });
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#from-${index}`)?.focus();
  };

  async #removeRow(index: number): Promise<void> {
    this.#edit({ rows: this.#fields.rows.filter((_, i) => i !== index) });
    this.#relayChange();
    await this.updateComplete;
    // Focus stays in the table: the row that took its place, else the add button.
    const next = this.renderRoot.querySelector<HTMLInputElement>(
      `#from-${Math.min(index, this.#fields.rows.length - 1)}`,
    );
    (next ?? this.renderRoot.querySelector<HTMLElement>('[part~="add-row"]'))?.focus();
  }
}
