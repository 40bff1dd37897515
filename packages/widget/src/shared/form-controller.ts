import type { ReactiveController, ReactiveControllerHost } from "lit";

/** What the host tells the controller after each update. */
export interface FormSnapshot {
  /** The value the form submits under the host's `name`. */
  readonly value: string;
  /** Restorable state (kept by the browser for back/forward and autofill restore). */
  readonly state: string;
  /** Validity flags and message; `undefined` when valid. */
  readonly invalid: { readonly flags: ValidityStateFlags; readonly message: string } | undefined;
  /** The element that `reportValidity()` focuses and points at. */
  readonly anchor: HTMLElement | undefined;
}

/**
 * Form association through `ElementInternals` for a Lit element: submits a value, reports
 * validity, and exposes the usual form control API. The host keeps the callbacks the browser
 * calls (`formResetCallback`, `formStateRestoreCallback`, `formDisabledCallback`), because they
 * must be methods of the element, and forwards them here or handles them in one line.
 *
 * The host must declare `static formAssociated = true`.
 *
 * @internal
 */
export class FormController implements ReactiveController {
  readonly internals: ElementInternals;
  #last: FormSnapshot | undefined;

  constructor(
    host: ReactiveControllerHost & HTMLElement,
    private readonly snapshot: () => FormSnapshot,
  ) {
    this.internals = host.attachInternals();
    host.addController(this);
  }

  hostUpdated(): void {
    const next = this.snapshot();
    const last = this.#last;
    this.#last = next;
    if (last?.value !== next.value || last.state !== next.state) {
      this.internals.setFormValue(next.value, next.state);
    }
    if (
      last === undefined ||
      last.invalid?.message !== next.invalid?.message ||
      last.anchor !== next.anchor ||
      JSON.stringify(last.invalid?.flags) !== JSON.stringify(next.invalid?.flags)
    ) {
      if (next.invalid === undefined) this.internals.setValidity({});
      else this.internals.setValidity(next.invalid.flags, next.invalid.message, next.anchor);
    }
  }
}
