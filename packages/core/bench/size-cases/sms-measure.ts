// An app that imports only Sms.measure (default GSM 7 bit tables, no national languages).
import { measure } from "../../src/Sms.js";

export const count = (text: string): number => measure(text).segments;
