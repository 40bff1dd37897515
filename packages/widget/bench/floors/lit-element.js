// One reactive Lit element with a property, a template and an event listener.
import { html, LitElement } from "lit";

class FloorElement extends LitElement {
  static properties = { value: { type: String } };
  constructor() {
    super();
    this.value = "";
  }
  render() {
    return html`<label>Value <input .value=${this.value} @input=${(e) => {
      this.value = e.target.value;
    }} /></label>`;
  }
}
customElements.define("floor-element", FloorElement);
