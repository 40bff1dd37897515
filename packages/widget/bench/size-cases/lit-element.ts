// The floor of Lit in a bundle: one reactive element with a property and a template.
import { html, LitElement } from "lit";

export class FloorElement extends LitElement {
  static override properties = { value: { type: String } };
  value = "";
  override render() {
    return html`<label>Value <input .value=${this.value} @input=${(e: Event) => {
      this.value = (e.target as HTMLInputElement).value;
    }} /></label>`;
  }
}
customElements.define("floor-element", FloorElement);
