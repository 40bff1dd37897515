/**
 * What `<septet-composer>` shows, as a pure function of its settings: `derive` calls
 * `@septet/core` (no counting here) and says which lazily loaded piece it still needs. The
 * element calls it in `willUpdate()`; Node tests call it directly.
 *
 * @internal
 */
import type * as Gsm7 from "@septet/core/Gsm7";
import type * as Replacement from "@septet/core/Replacement";
import * as Sms from "@septet/core/Sms";
import { format } from "../shared/strings.js";
import type { Derived } from "./derived.js";
import { toCrlf } from "./line-breaks.js";
import type { Refined, refine } from "./refine.js";
import type { ComposerStrings } from "./strings.js";

/** The Auto-Replace modes, in the order the switch shows them. */
export const MODES: ReadonlyArray<Replacement.Mode> = ["off", "on", "full"];

/** The replacement engine, once loaded (`refine.ts`, in the lazy chunk). */
export interface Engine {
  readonly refine: typeof refine;
}

/** The settings `derive` reads. */
export interface DeriveInput {
  /** The text as the textarea holds it (LF line breaks: `line-breaks.ts`). */
  readonly value: string;
  /** The `mode` property as set; anything but a mode acts as `"off"`. */
  readonly mode: unknown;
  /** National languages asked for, any case; unknown names are ignored. */
  readonly languages: ReadonlyArray<string>;
  /** The national language tables, once loaded. */
  readonly nationalTables: ReadonlyArray<Gsm7.NationalLanguage> | undefined;
  /** The replacement engine, once loaded. */
  readonly engine: Engine | undefined;
  /** Whether the `replacements` attribute or property holds a table (even an invalid one). */
  readonly hasTable: boolean;
  /** The table made from it once the engine is loaded (`Replacement.makeTable`). */
  readonly table: Replacement.Table | Replacement.InvalidTable | undefined;
  readonly leftovers: Replacement.LeftoverPolicy;
  /** A lazily loaded piece failed to load: stop waiting for it. */
  readonly loadFailed: boolean;
  readonly strings: ComposerStrings;
}

/** What `derive` returns: what to show, and which pieces to load for a finer answer. */
export interface Derivation {
  readonly derived: Derived;
  readonly needs: { readonly engine: boolean; readonly languages: boolean };
}

const capitalize = (name: string): string => name.charAt(0).toUpperCase() + name.slice(1).toLowerCase();

/**
 * Derives what the element shows from `input`. The text is counted and replaced as the form
 * posts it (CR LF line breaks).
 */
export const derive = (input: DeriveInput): Derivation => {
  const { value, engine, strings } = input;
  const posted = toCrlf(value);
  const mode: Replacement.Mode = MODES.includes(input.mode as Replacement.Mode)
    ? (input.mode as Replacement.Mode)
    : "off";
  let pending = false;
  let needsLanguages = false;

  let measure: Sms.MeasureOptions | undefined;
  const wanted = [...new Set(input.languages.map(capitalize))];
  if (wanted.length > 0) {
    if (input.nationalTables === undefined) {
      needsLanguages = true;
      pending = !input.loadFailed;
    } else {
      const languages = input.nationalTables.filter((language) => wanted.includes(language.name));
      if (languages.length > 0) measure = { languages };
    }
  }

  const engineMode = mode === "full" || (mode === "on" && input.hasTable);
  // With the engine loaded, FULL and ON with a table leave the measurement to `apply`, which
  // measures the text before replacing it.
  const before = engineMode && engine !== undefined ? undefined : Sms.measure(posted, measure);
  const needsEngine = engine === undefined && (engineMode || (before?.forcedUcs2.length ?? 0) > 0);
  if (needsEngine) pending = pending || !input.loadFailed;

  let refined: Refined;
  if (engine !== undefined) {
    let table: Replacement.Table | undefined;
    let tableError: string | undefined;
    const made = input.hasTable ? input.table : undefined;
    if (made?._tag === "InvalidTable") tableError = format(strings.invalidTable, { reason: made.message });
    else table = made;
    refined = engine.refine(posted, mode, before, table, input.leftovers, measure, strings);
    // An error of `apply` (e.g. a bad substitute) is reported over one of the table.
    if (tableError !== undefined && refined.tableError === undefined) refined = { ...refined, tableError };
  } else {
    // Without the engine the text was measured above.
    const measured = before as Sms.Measurement;
    refined = {
      outgoing: posted,
      before: measured,
      after: measured,
      replacements: [],
      leftovers: [],
      rejected: undefined,
      hints: new Map(),
      tableError: undefined,
    };
  }
  return {
    derived: {
      value,
      posted,
      mode,
      ...refined,
      pending,
    },
    needs: { engine: needsEngine, languages: needsLanguages },
  };
};
