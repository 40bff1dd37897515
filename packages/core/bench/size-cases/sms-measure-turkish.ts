// An app that measures with one national language enabled: Sms.measure + Gsm7.Turkish (the other
// twelve languages must be dropped by the bundler).
import { Turkish } from "../../src/Gsm7.js";
import { measure } from "../../src/Sms.js";

export const count = (text: string): number => measure(text, { languages: [Turkish] }).segments;
