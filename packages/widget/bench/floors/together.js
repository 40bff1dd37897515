// The three checks, the sample message (Auto-Replace in every mode, with its measurement) and
// one Lit element, in one bundle: the whole job of the page minus the page itself (its fields,
// texts, sender check, request table and example callback).
import { apply } from "@septet/core/Replacement";
import { check } from "./checks.js";
import "./lit-element.js";

export { check };
export const sample = (text, mode) => apply(text, { mode });
