// An app that enables every national language: Sms.measure + Gsm7.languages (all 13 tables).
import { languages } from "../../src/Gsm7.js";
import { measure } from "../../src/Sms.js";

export const count = (text: string): number => measure(text, { languages }).segments;
