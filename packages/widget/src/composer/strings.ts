/**
 * Every piece of text `<septet-composer>` shows or announces, so a page can translate it.
 *
 * Values are plain strings with `{name}` placeholders (no functions), so a whole set can come from
 * a JSON file. Where a count decides the wording, there is a `…One` / `…Other` pair; languages with
 * more plural forms can put the number first ("{count} SMS") and use the same text in both.
 *
 * @example
 * ```ts
 * composer.strings = { label: "Nachricht", modeOff: "Aus", modeOn: "Ein", modeFull: "Voll" };
 * ```
 * @since 0.1.0
 */
export interface ComposerStrings {
  /** Default label when neither the `label` attribute nor the `label` slot is set. */
  readonly label: string;
  /** Counter: number of characters (user-perceived, as core counts them). */
  readonly charactersOne: string;
  readonly charactersOther: string;
  /** Counter: units of a GSM-7 message. */
  readonly septets: string;
  /** Counter: units of a UCS-2 message. */
  readonly codeUnits: string;
  /** Counter: segments, `{count}`; `{max}` is filled in `segmentsOfMax…` when `max-segments` is set. */
  readonly segmentsOne: string;
  readonly segmentsOther: string;
  readonly segmentsOfMax: string;
  /** Counter: units still free in the current segment. */
  readonly remaining: string;
  /** Encoding badge suffix naming the national tables used: `{tables}`. */
  readonly shiftTables: string;
  /** National table kinds inside `shiftTables`. */
  readonly lockingShift: string;
  readonly singleShift: string;
  /** Shown while a lazily loaded table is on its way (the counts are already the plain ones). */
  readonly refining: string;
  /** Shown while a long text waits for a pause in typing before it is counted (the counts are the previous text's). */
  readonly counting: string;
  /** Under the textarea when the marks cover only the start of a long text: `{count}` characters (UTF-16 units). */
  readonly marksWindow: string;
  /** Under the preview when it shows only the start of a long text: `{count}` of `{total}`. */
  readonly previewWindow: string;
  /** After the last part shown in a long segment view: `{count}` parts not shown. */
  readonly partsMore: string;
  /** BCP 47 locale used to write the large numbers of the notes above (e.g. "10,000"). */
  readonly locale: string;
  /** Legend of the Auto-Replace radio group and its three options. */
  readonly mode: string;
  readonly modeOff: string;
  readonly modeOn: string;
  readonly modeFull: string;
  /** Heading of the list of characters that force UCS-2. */
  readonly forcedHeading: string;
  /** Precedes what FULL would send instead (shown as code after it). */
  readonly fullSends: string;
  /** FULL would drop the character (it maps to empty text). */
  readonly fullRemoves: string;
  /** FULL has no GSM-7 text for the character (emoji, CJK…). */
  readonly noGsmEquivalent: string;
  /** Characters without a GSM-7 equivalent, grouped by script: `{count}`, `{script}` (the script's name from `Intl.DisplayNames` in `locale`). */
  readonly scriptGroupOne: string;
  readonly scriptGroupOther: string;
  /** The same for emoji. */
  readonly emojiGroupOne: string;
  readonly emojiGroupOther: string;
  /** The same for characters of no script named by the element. */
  readonly otherGroupOne: string;
  readonly otherGroupOther: string;
  /** Positions of a group, shown on demand: `{positions}` (1-based, in the text as typed). */
  readonly positions: string;
  /** Summary of the characters Auto-Replace replaced, expandable: `{count}`. */
  readonly replacedSummary: string;
  /** Everything that forced UCS-2 was replaced. */
  readonly noneLeft: string;
  /** More distinct characters than the list shows: `{count}`. */
  readonly andMore: string;
  /** Heading of the outgoing text preview. */
  readonly previewHeading: string;
  /** Cost line of the preview: `{before}` → `{after}`, each a `cost` text. */
  readonly cost: string;
  /** One cost: `{segments}` and `{encoding}`. */
  readonly costItemOne: string;
  readonly costItemOther: string;
  /** Replacement count in the preview: `{count}`. */
  readonly replacementsOne: string;
  readonly replacementsOther: string;
  /** Tooltip of a replaced span: `{original}` → `{replacement}`. */
  readonly replacedTitle: string;
  /** Tooltip of a character left as it is in the outgoing text. */
  readonly leftoverTitle: string;
  /** Heading of the segment view. */
  readonly partsHeading: string;
  /** One part of the segment view: `{n}`; its range `{start}`–`{end}` in UTF-16 positions of the outgoing text (1-based, inclusive). */
  readonly part: string;
  readonly partRange: string;
  /** Fill of one part: `{units}` / `{capacity}`; shown left to right in every page (a fraction). */
  readonly partFill: string;
  /** What the polite live region says after a pause. */
  readonly announce: string;
  /** Error: more segments than `max-segments`: `{segments}`, `{max}`. */
  readonly tooManySegments: string;
  /** Error: `required` and empty. */
  readonly valueMissing: string;
  /** Error: `leftovers="reject"` and FULL could not map `{chars}`. */
  readonly leftoversRejected: string;
  /** Error: the `replacements` table was refused: `{reason}`. */
  readonly invalidTable: string;
  /** Error: the `{ substitute }` leftovers policy was refused: `{reason}`. */
  readonly invalidLeftovers: string;
  /** Error: a lazily loaded table could not be fetched. */
  readonly loadFailed: string;
}

/**
 * English defaults of {@link ComposerStrings}.
 *
 * @since 0.1.0
 */
export const defaultStrings: ComposerStrings = {
  label: "Message",
  charactersOne: "{count} character",
  charactersOther: "{count} characters",
  septets: "{count} septets",
  codeUnits: "{count} UTF-16 units",
  segmentsOne: "{count} segment",
  segmentsOther: "{count} segments",
  segmentsOfMax: "{count} of {max} segments",
  remaining: "{count} left in this segment",
  shiftTables: "{tables}",
  lockingShift: "{language} locking shift",
  singleShift: "{language} single shift",
  refining: "Loading tables…",
  counting: "Counting…",
  marksWindow: "Marks shown for the first {count} characters.",
  previewWindow: "Showing the first {count} of {total} characters.",
  partsMore: "and {count} more parts",
  locale: "en",
  mode: "Auto-Replace",
  modeOff: "Off",
  modeOn: "On",
  modeFull: "Full",
  forcedHeading: "Characters that force UCS-2",
  fullSends: "Full sends",
  fullRemoves: "Full removes it",
  noGsmEquivalent: "no GSM-7 equivalent",
  scriptGroupOne: "{count} {script} character",
  scriptGroupOther: "{count} {script} characters",
  emojiGroupOne: "{count} emoji",
  emojiGroupOther: "{count} emoji",
  otherGroupOne: "{count} other character",
  otherGroupOther: "{count} other characters",
  positions: "positions {positions}",
  replacedSummary: "{count} replaced",
  noneLeft: "None left: Auto-Replace replaced every one.",
  andMore: "and {count} more",
  previewHeading: "Outgoing text",
  cost: "{before} → {after}",
  costItemOne: "{segments} segment {encoding}",
  costItemOther: "{segments} segments {encoding}",
  replacementsOne: "{count} replacement",
  replacementsOther: "{count} replacements",
  replacedTitle: "{original} → {replacement}",
  leftoverTitle: "{char} stays as it is (UCS-2)",
  partsHeading: "Segments",
  part: "Part {n}",
  partRange: "positions {start}–{end}",
  partFill: "{units} / {capacity}",
  announce: "{characters}, {encoding}, {segments}, {remaining}.",
  tooManySegments: "The message needs {segments} segments; at most {max} are allowed.",
  valueMissing: "Please write a message.",
  leftoversRejected: "No GSM-7 text for {chars}.",
  invalidTable: "The replacement table was refused: {reason}",
  invalidLeftovers: "The leftover substitute was refused: {reason}",
  loadFailed: "The replacement tables could not be loaded.",
};
