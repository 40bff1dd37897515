/**
 * septet's core: everything an SMS API key decides, as pure, typed functions.
 *
 * @packageDocumentation
 */
export * as Allowlist from "./Allowlist.js";
export * as ApiKey from "./ApiKey.js";
export * as ClientAddress from "./ClientAddress.js";
export * as DeliveryReport from "./DeliveryReport.js";
export * as Egress from "./Egress.js";
export * as Gsm7 from "./Gsm7.js";
export * as Ip from "./Ip.js";
export * as KeySettings from "./KeySettings.js";
export * as Policy from "./Policy.js";
export * as Replacement from "./Replacement.js";
export * as ReplacementTable from "./ReplacementTable.js";
export * as Sms from "./Sms.js";
export * as SmsRequest from "./SmsRequest.js";
export * as Transliteration from "./Transliteration.js";
