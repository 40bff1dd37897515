// The demo's examples, shared by the demo page (index.html) and the browser tests that check
// each one with axe-core and keep a screenshot of it. Each `markup` is what a page would write.

/** @type {ReadonlyArray<{ id: string; title: string; note: string; markup: string }>} */
export const states = [
  {
    id: "off",
    title: "OFF: why a message becomes UCS-2",
    note: "Auto-Replace is off, so the text goes out as typed. The curly quotes and the dash force UCS-2 (70 characters a segment instead of 160); each is marked in the text and listed with what FULL would send instead.",
    markup: `<septet-composer label="Booking reminder" mode="off"
  value="Hi Anna! Your table for 4 is booked at 19:30 — see you at “Chez Léon”. Reply STOP to opt out."></septet-composer>`,
  },
  {
    id: "on",
    title: "ON: the key owner's replacement table",
    note: "ON applies only the table configured on the API key (here a JSON attribute): characters and words, longest match first. The preview marks every replacement; hover one to see the original.",
    markup: `<septet-composer label="Delivery notice" mode="on"
  replacements='{"„": "\\"", "“": "\\"", "–": "-", "straße": "str."}'
  value="Ihr Paket „Bestellung 4711“ kommt morgen – Lieferung an Hauptstraße 5."></septet-composer>`,
  },
  {
    id: "full",
    title: "FULL: everything that has a GSM-7 equivalent",
    note: 'FULL applies the table, then replaces every character outside GSM-7 that has a close GSM-7 equivalent: quotes, dashes, ellipsis, accents, Cyrillic. The emoji has none: with leftovers="keep" it stays and the message stays UCS-2.',
    markup: `<septet-composer label="Promotion" mode="full" leftovers="keep"
  value="Don’t miss it – 50% off “Crème brûlée”… Привет, Ольга! 👋"></septet-composer>`,
  },
  {
    id: "turkish",
    title: "Turkish with national language tables",
    note: 'With languages="turkish" the Turkish single and locking shift tables of 3GPP TS 23.038 may be used: ş, ı, ğ and İ fit in GSM-7, at 155 septets for a single segment instead of 70 UCS-2 units.',
    markup: `<septet-composer label="Sipariş bildirimi" mode="off" languages="turkish"
  value="Günaydın Ayşe! Siparişiniz yola çıktı, yarın teslim edilecek. İyi günler!"></septet-composer>`,
  },
  {
    id: "form",
    title: "In a form",
    note: "The element is form-associated: it submits the text as typed under its name, blocks submission when empty (required) or above max-segments, and resets with the form. The outgoing text (after FULL) is the element's outgoing property.",
    markup: `<form id="send-form">
  <septet-composer name="text" label="Message" mode="full" max-segments="2" required
    placeholder="Type or paste a message"></septet-composer>
  <div class="actions">
    <button type="submit">Send</button>
    <button type="reset">Reset</button>
  </div>
  <output for="send-form" aria-live="polite"></output>
</form>`,
  },
  {
    id: "key-settings",
    title: "API key settings",
    note: "<septet-key-settings> is the settings page of an API key, checked and explained as it is typed: what each IP whitelist entry is enforced as and who may use the key, the Default Sender among the account's senders, Auto-Replace with its table and a sample message, the webhook with an example signed callback, and what a request changes. Its value is the key config JSON; try a bad entry such as 1.2.3.04 or a private webhook such as https://10.0.0.1/dlr.",
    markup: `<form id="key-form">
  <septet-key-settings name="key" senders='["Shop", "Promo"]'
    value='{"name":"example-shop","ipWhitelist":["123.123.123.123","234.234.234.234","123.123.123.1/24","234.234.234.10/32"],"defaultSender":"Shop","autoReplace":"on","replacementTable":[["„","\\""],["“","\\""]],"dlrUrl":"https://shop.example/dlr"}'></septet-key-settings>
  <div class="actions">
    <button type="submit">Save settings</button>
    <button type="reset">Reset settings</button>
  </div>
  <output for="key-form" aria-live="polite"></output>
</form>`,
  },
];

/**
 * Shows what a form submits instead of sending it: the FormData entries, and the text the
 * composer would send after Auto-Replace.
 *
 * @param {ParentNode} root
 */
export const wireForms = (root) => {
  for (const form of root.querySelectorAll("form")) {
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      const data = [...new FormData(form)].map(([name, value]) => `${name} = ${JSON.stringify(value)}`);
      const composer = form.querySelector("septet-composer");
      const output = form.querySelector("output");
      if (output === null) return;
      const outgoing =
        composer === null ? "" : `\n\nOutgoing text (${composer.mode}): ${JSON.stringify(composer.outgoing)}`;
      output.textContent = `Submitted FormData:\n${data.join("\n")}${outgoing}`;
    });
    form.addEventListener("reset", () => {
      const output = form.querySelector("output");
      if (output !== null) output.textContent = "";
    });
  }
};

/**
 * Renders every state into `root`: a heading, the note, the live example and its markup.
 *
 * @param {HTMLElement} root
 */
export const renderStates = (root) => {
  for (const state of states) {
    const section = document.createElement("section");
    section.id = state.id;
    section.className = "state";
    const heading = document.createElement("h2");
    heading.textContent = state.title;
    const note = document.createElement("p");
    note.className = "note";
    note.textContent = state.note;
    const example = document.createElement("div");
    example.className = "example";
    example.innerHTML = state.markup;
    const details = document.createElement("details");
    const summary = document.createElement("summary");
    summary.textContent = "Markup";
    const code = document.createElement("pre");
    code.textContent = state.markup;
    details.append(summary, code);
    section.append(heading, note, example, details);
    root.append(section);
  }
  wireForms(root);
};
