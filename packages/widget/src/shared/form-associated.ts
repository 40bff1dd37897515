import { LitElement } from "lit";
import { FormController, type FormSnapshot } from "./form-controller.js";

/**
 * The base of septet's form-associated elements: attaches `ElementInternals` through a
 * {@link FormController} and forwards the form control API to it, as a native control does
 * (`form`, `validity`, `validationMessage`, `willValidate`, `checkValidity`, `reportValidity`,
 * `defaultValue` from the `value` attribute). A subclass says what the form gets in
 * `formSnapshot()` and keeps the callbacks the browser calls (`formResetCallback`, …), which
 * differ per element.
 *
 * @internal
 */
export abstract class FormAssociatedElement extends LitElement {
  static readonly formAssociated = true;

  /**
   * The `ElementInternals` the form sees, kept in step after each update.
   *
   * @hidden
   */
  protected readonly formController = new FormController(this, () => this.formSnapshot());

  /**
   * What the form gets now: value, restorable state, validity and the element to point at.
   *
   * @hidden
   */
  protected abstract formSnapshot(): FormSnapshot;

  /** The default value: the `value` attribute, restored by form reset. */
  get defaultValue(): string {
    return this.getAttribute("value") ?? "";
  }

  /** The form the element belongs to. */
  get form(): HTMLFormElement | null {
    return this.formController.internals.form;
  }

  /** Validity state (`valueMissing`, `tooLong`, `customError`, as the element reports them). */
  get validity(): ValidityState {
    return this.formController.internals.validity;
  }

  /** The validation message, empty when valid. */
  get validationMessage(): string {
    return this.formController.internals.validationMessage;
  }

  /** Whether the element takes part in constraint validation. */
  get willValidate(): boolean {
    return this.formController.internals.willValidate;
  }

  /** Checks validity; fires `invalid` when invalid. */
  checkValidity(): boolean {
    return this.formController.internals.checkValidity();
  }

  /** Checks validity and reports the problem to the user. */
  reportValidity(): boolean {
    return this.formController.internals.reportValidity();
  }
}
