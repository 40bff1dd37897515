import { Gsm7, Sms } from "@septet/core";
import { expect } from "vitest";
import { arbitraryCase, arbitraryLaws, failsFast } from "../test/arbitraryLaws.js";
import * as SmsArbitraries from "./SmsArbitraries.js";

const basic = new Set(Gsm7.defaultAlphabet.filter((c) => c !== ""));
const extension = new Set(Gsm7.defaultExtension.filter((c) => c !== ""));
const isGsm7Char = (c: string) => basic.has(c) || extension.has(c);
/** A character of the language's tables or of the default ones (what `nationalText` draws from). */
const inTablesOf = (language: Gsm7.NationalLanguage) => {
  const tables = new Set([...(language.lockingShift ?? []), ...(language.singleShift ?? [])]);
  return (c: string) => tables.has(c) || isGsm7Char(c);
};

arbitraryLaws([
  arbitraryCase({
    name: "gsm7BasicChar()",
    build: SmsArbitraries.gsm7BasicChar,
    valid: (c) => expect(basic.has(c)).toBe(true),
  }),
  arbitraryCase({
    name: "gsm7ExtensionChar()",
    build: SmsArbitraries.gsm7ExtensionChar,
    valid: (c) => {
      expect(extension.has(c)).toBe(true);
      expect(Sms.measure(c).units).toBe(2);
    },
  }),
  arbitraryCase({
    name: "gsm7Text()",
    build: () => SmsArbitraries.gsm7Text(),
    valid: (t) => {
      expect(t.length).toBeLessThanOrEqual(400);
      expect(Array.from(t).every(isGsm7Char)).toBe(true);
      expect(Sms.measure(t).encoding).toBe("GSM-7");
    },
  }),
  arbitraryCase({
    name: "gsm7Text({ minLength: 150, maxLength: 170, extensionWeight: 0 })",
    build: () => SmsArbitraries.gsm7Text({ minLength: 150, maxLength: 170, extensionWeight: 0 }),
    valid: (t) => {
      expect(t.length).toBeGreaterThanOrEqual(150);
      expect(t.length).toBeLessThanOrEqual(170);
      expect(Array.from(t).every((c) => basic.has(c))).toBe(true);
    },
  }),
  arbitraryCase({
    name: "unicodePiece()",
    build: SmsArbitraries.unicodePiece,
    // The longest piece is a ZWJ family emoji: 8 UTF-16 code units.
    valid: (p) => {
      expect(p.length).toBeGreaterThanOrEqual(1);
      expect(p.length).toBeLessThanOrEqual(8);
    },
  }),
  arbitraryCase({
    name: "unicodeText({ minLength: 3, maxLength: 10 })",
    build: () => SmsArbitraries.unicodeText({ minLength: 3, maxLength: 10 }),
    valid: (t) => {
      expect(t.length).toBeGreaterThanOrEqual(3);
      expect(t.length).toBeLessThanOrEqual(10 * 8);
      expect(Sms.measure(t).units).toBeGreaterThan(0);
    },
  }),
  arbitraryCase({
    name: "smsText()",
    build: SmsArbitraries.smsText,
    valid: (t) => {
      expect(typeof t).toBe("string");
      expect(t.length).toBeLessThanOrEqual(Math.max(400, 120 * 8));
    },
    numRuns: 100,
  }),
  arbitraryCase({
    name: "nationalText(Gsm7.Turkish, { maxLength: 30 })",
    build: () => SmsArbitraries.nationalText(Gsm7.Turkish, { maxLength: 30 }),
    valid: (t) => {
      expect(t.length).toBeLessThanOrEqual(30);
      expect(Array.from(t).every(inTablesOf(Gsm7.Turkish))).toBe(true);
    },
  }),
  arbitraryCase({
    name: "languageAndText({ minLength: 1, maxLength: 20 })",
    build: () => SmsArbitraries.languageAndText({ minLength: 1, maxLength: 20 }),
    valid: ([language, t]) => {
      expect(Gsm7.languages).toContain(language);
      expect(t.length).toBeGreaterThanOrEqual(1);
      expect(t.length).toBeLessThanOrEqual(20);
      expect(Array.from(t).every(inTablesOf(language))).toBe(true);
    },
  }),
  arbitraryCase({
    name: "measureOptions({ maxLanguages: 2 })",
    build: () => SmsArbitraries.measureOptions({ maxLanguages: 2 }),
    valid: (options) => {
      const languages = options.languages ?? [];
      expect(languages.length).toBeLessThanOrEqual(2);
      expect(new Set(languages).size).toBe(languages.length);
      for (const language of languages) expect(Gsm7.languages).toContain(language);
      expect([undefined, 8, 16]).toContain(options.reference);
      expect([undefined, "grapheme", "code-point"]).toContain(options.boundary);
      expect(Sms.measure("Hello", options).segments).toBe(1);
    },
  }),
]);

failsFast([
  ["gsm7Text({ minLength: -1 })", () => SmsArbitraries.gsm7Text({ minLength: -1 }), /gsm7Text: minLength/],
  [
    "gsm7Text({ minLength: 5, maxLength: 2 })",
    () => SmsArbitraries.gsm7Text({ minLength: 5, maxLength: 2 }),
    /maxLength/,
  ],
  [
    "gsm7Text({ extensionWeight: -1 })",
    () => SmsArbitraries.gsm7Text({ extensionWeight: -1 }),
    /extensionWeight/,
  ],
  [
    "gsm7Text({ extensionWeight: NaN })",
    () => SmsArbitraries.gsm7Text({ extensionWeight: Number.NaN }),
    /extensionWeight/,
  ],
  [
    "unicodeText({ maxLength: 1.5 })",
    () => SmsArbitraries.unicodeText({ maxLength: 1.5 }),
    /unicodeText: maxLength/,
  ],
  [
    "nationalText(not a language)",
    () => SmsArbitraries.nationalText({} as Gsm7.NationalLanguage),
    /nationalText: language/,
  ],
  [
    "nationalText(Gsm7.Turkish, { foreignWeight: 101 })",
    () => SmsArbitraries.nationalText(Gsm7.Turkish, { foreignWeight: 101 }),
    /foreignWeight/,
  ],
  [
    "measureOptions({ maxLanguages: 14 })",
    () => SmsArbitraries.measureOptions({ maxLanguages: 14 }),
    /maxLanguages/,
  ],
  [
    "measureOptions({ maxLanguages: -1 })",
    () => SmsArbitraries.measureOptions({ maxLanguages: -1 }),
    /maxLanguages/,
  ],
]);
