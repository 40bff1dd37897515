import type * as Replacement from "@septet/core/Replacement";
import type * as Sms from "@septet/core/Sms";

/**
 * What `<septet-composer>` knows after each change of text, mode or tables.
 *
 * @since 0.1.0
 */
export interface SeptetMeasureDetail {
  /** The text as typed, with LF line breaks as the textarea holds it (the form posts them as CR LF). */
  readonly value: string;
  /** The text that goes out after Auto-Replace, line breaks as posted (CR LF); in OFF mode `value` as posted. */
  readonly outgoing: string;
  /** The Auto-Replace mode applied. */
  readonly mode: Replacement.Mode;
  /** Measurement of `outgoing`: what is billed. */
  readonly measurement: Sms.Measurement;
  /** Measurement of `value` before replacement (the same object as `measurement` in OFF mode). */
  readonly before: Sms.Measurement;
  /** Every replacement made, positions in `value` as posted (CR LF line breaks). */
  readonly replacements: ReadonlyArray<Replacement.Change>;
  /** Characters FULL could not map and that stayed (or were rejected), positions in `value` as posted. */
  readonly leftovers: ReadonlyArray<Replacement.Leftover>;
  /**
   * True while a lazily loaded table (replacement or national language tables) is still on its
   * way: the figures are then the plain measurement of `value`, and another event follows.
   */
  readonly pending: boolean;
  /** Whether the element is valid (required, max-segments, rejected leftovers, table errors). */
  readonly valid: boolean;
}

/**
 * Fired by `<septet-composer>` after every change of its text, mode or tables, once the counts
 * shown are up to date. Bubbles and crosses shadow roots. Read `event.detail`.
 *
 * @example
 * ```ts
 * composer.addEventListener("septet-measure", (event) => {
 *   console.log(event.detail.measurement.segments, event.detail.outgoing);
 * });
 * ```
 * @since 0.1.0
 */
export class SeptetMeasureEvent extends CustomEvent<SeptetMeasureDetail> {
  /** The event's type, `"septet-measure"`. */
  static readonly eventName = "septet-measure" as const;

  constructor(detail: SeptetMeasureDetail) {
    super(SeptetMeasureEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "septet-measure": SeptetMeasureEvent;
  }
}
