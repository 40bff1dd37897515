/**
 * septet's core: everything an SMS API key decides, as pure, typed functions.
 *
 * @packageDocumentation
 */
export * as Gsm7 from "./Gsm7.js";
export * as Sms from "./Sms.js";
