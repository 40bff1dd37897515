import type { KeySettings } from "@septet/core";

/**
 * What `<septet-key-settings>` knows after each change.
 *
 * @since 0.1.0
 */
export interface SeptetKeyChangeDetail {
  /** The key config as JSON text: the element's `value`, what the form submits. */
  readonly value: string;
  /** The key config as an object (what `ApiKey.decode` takes). */
  readonly config: Readonly<Record<string, unknown>>;
  /** Every issue, in field order (`KeySettings.review`); empty when the settings are valid. */
  readonly issues: ReadonlyArray<KeySettings.Issue>;
  /** Whether the settings are valid (no issue). */
  readonly valid: boolean;
}

/**
 * Fired by `<septet-key-settings>` after every change of its settings, once what it shows is up
 * to date. Bubbles and crosses shadow roots. Read `event.detail`.
 *
 * @example
 * ```ts
 * settings.addEventListener("septet-key-change", (event) => {
 *   if (event.detail.valid) save(event.detail.config);
 * });
 * ```
 * @since 0.1.0
 */
export class SeptetKeyChangeEvent extends CustomEvent<SeptetKeyChangeDetail> {
  /** The event's type, `"septet-key-change"`. */
  static readonly eventName = "septet-key-change" as const;

  constructor(detail: SeptetKeyChangeDetail) {
    super(SeptetKeyChangeEvent.eventName, { detail, bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    "septet-key-change": SeptetKeyChangeEvent;
  }
}
