/**
 * Every label `<septet-key-settings>` shows or announces, so a page can translate it.
 *
 * Values are plain strings with `{name}` placeholders, as the composer's. The explanations of the
 * settings themselves (why an entry is refused, what it is enforced as, what applies to a
 * request) come from `@septet/core`'s `KeySettings` in English, the words of the rules that are
 * enforced.
 *
 * @example
 * ```ts
 * settings.strings = { name: "Nimi", whitelist: "IP-aadresside lubatud loend" };
 * ```
 * @since 0.1.0
 */
export interface KeySettingsStrings {
  /** Legend of the whole group. */
  readonly heading: string;
  /** The key name field and its help. */
  readonly name: string;
  readonly nameHelp: string;
  /** The IP whitelist textarea and its help. */
  readonly whitelist: string;
  readonly whitelistHelp: string;
  /** Heading of the list of what each entry is enforced as. */
  readonly enforced: string;
  /** The "test an address" field, its placeholder-free help and its answer's label. */
  readonly testAddress: string;
  readonly testAddressHelp: string;
  /** Default Sender: the field, its help, the empty choice of the list (`senders` set). */
  readonly defaultSender: string;
  readonly defaultSenderHelp: string;
  readonly defaultSenderNone: string;
  /** Auto-Replace: the legend and the three modes, each with a one-line help. */
  readonly autoReplace: string;
  readonly modeOff: string;
  readonly modeOn: string;
  readonly modeFull: string;
  readonly modeOffHelp: string;
  readonly modeOnHelp: string;
  readonly modeFullHelp: string;
  /** The replacement table editor: its caption, column headings, the labels of one row's fields (`{n}`), add / remove buttons. */
  readonly table: string;
  readonly tableFrom: string;
  readonly tableTo: string;
  readonly rowFrom: string;
  readonly rowTo: string;
  readonly addRow: string;
  readonly removeRow: string;
  /** The whole table's problems (too many entries…): `{reason}`. */
  readonly tableProblem: string;
  /** Label of the sample message (a `<septet-composer>`). */
  readonly sample: string;
  /** Delivery Report Webhook field and its help. */
  readonly dlrUrl: string;
  readonly dlrUrlHelp: string;
  /** Heading of the example signed callback; `{secret}` is the test secret. */
  readonly callback: string;
  /** Shown instead of the callback when the test secret is refused: `{reason}`. */
  readonly callbackFailed: string;
  /** The "what a request changes" table: caption, column headings. */
  readonly requests: string;
  readonly requestColumn: string;
  readonly appliesColumn: string;
  readonly sourceColumn: string;
  /** A request without the field: `{field}`; with it: `{field}`, `{value}`. */
  readonly without: string;
  readonly with: string;
  /** What applies when no DLR URL applies. */
  readonly noReport: string;
  /** A refused request: `{code}`, `{title}`, `{detail}`. */
  readonly refused: string;
  /** Where the value came from: `{field}`. */
  readonly fromRequest: string;
  readonly fromKey: string;
  readonly fromDefault: string;
  /** Under the table while some settings are invalid: `{fields}`. */
  readonly skipped: string;
  /** Names of the settings, for `skipped`. */
  readonly fieldNames: string;
  /** The `value` given is not a JSON object: `{reason}`. */
  readonly invalidValue: string;
}

/**
 * English defaults of {@link KeySettingsStrings}.
 *
 * @since 0.1.0
 */
export const defaultKeySettingsStrings: KeySettingsStrings = {
  heading: "API key settings",
  name: "Name",
  nameHelp: "Required; at most 200 characters.",
  whitelist: "IP whitelist",
  whitelistHelp:
    "One IPv4 or IPv6 address or CIDR range per line (or paste a list). Only these addresses may use the key.",
  enforced: "Enforced as",
  testAddress: "Test an address",
  testAddressHelp: "Type a client address to see whether it may use the key.",
  defaultSender: "Default Sender",
  defaultSenderHelp:
    "Used when a request names no sender: letters and digits up to 11 GSM characters, or a number up to 15 digits.",
  defaultSenderNone: "None",
  autoReplace: "Auto-Replace",
  modeOff: "Off",
  modeOn: "On",
  modeFull: "Full",
  modeOffHelp: "Text is sent as written.",
  modeOnHelp: "Your replacement table is applied.",
  modeFullHelp: "Your table, then every character outside GSM-7 gets its closest GSM-7 text.",
  table: "Replacement table",
  tableFrom: "Replace",
  tableTo: "With",
  rowFrom: "Replace, row {n}",
  rowTo: "With, row {n}",
  addRow: "Add a replacement",
  removeRow: "Remove row {n}",
  tableProblem: "The table: {reason}",
  sample: "Sample message",
  dlrUrl: "Delivery Report Webhook",
  dlrUrlHelp: "An https: URL on a public host; delivery reports are POSTed to it, signed.",
  callback: "Example signed callback (test secret “{secret}”)",
  callbackFailed: "No example: {reason}",
  requests: "What a request changes",
  requestColumn: "Request",
  appliesColumn: "What applies",
  sourceColumn: "Why",
  without: "without {field}",
  with: "{field}: “{value}”",
  noReport: "no delivery report",
  refused: "refused: {code} {title} ({detail})",
  fromRequest: "the request ({field})",
  fromKey: "the key ({field})",
  fromDefault: "the built-in default",
  skipped: "Computed without the invalid settings: {fields}.",
  fieldNames: "name, IP whitelist, Default Sender, Auto-Replace, replacement table, webhook, senders",
  invalidValue: "The settings could not be read: {reason}",
};
