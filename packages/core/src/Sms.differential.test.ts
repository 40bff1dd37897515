// Differential tests of Sms.measure against two peers on random text:
// - split-sms 0.1.7 (splits at code points, keeps surrogate pairs and escape pairs whole):
//   compared with `boundary: "code-point"`.
// - sms-segments-calculator 1.3.0 (Twilio; keeps grapheme clusters whole using the
//   grapheme-splitter package): compared with the default grapheme boundaries.
// Every remaining disagreement is explained next to the filter that excludes it, and shown on a
// fixed example. (6,000 runs of each property found no other disagreement: run with
// DIFF_RUNS=6000 and --testTimeout=600000 to repeat.)
import { createRequire } from "node:module";
import { SmsArbitraries } from "@septet/testing";
import * as fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Sms from "./Sms.js";

const require = createRequire(import.meta.url);
const splitSms = require("split-sms") as {
  split(text: string): { characterSet: "GSM" | "Unicode"; parts: ReadonlyArray<{ content: string }> };
};
const { SegmentedMessage } = require("sms-segments-calculator") as {
  SegmentedMessage: new (text: string) => { encodingName: "GSM-7" | "UCS-2"; segmentsCount: number };
};

// Text that lands a piece of hostile Unicode right at a part boundary (61-160 filler
// characters before it), where splitters disagree if they disagree at all.
const atBoundary = fc
  .tuple(
    fc.integer({ min: 60, max: 160 }),
    fc.constantFrom("a", "ж", "€"),
    SmsArbitraries.unicodePiece(),
    SmsArbitraries.unicodeText({ maxLength: 80 }),
  )
  .map(([k, filler, piece, rest]) => filler.repeat(k) + piece + rest);
const text = fc.oneof(SmsArbitraries.smsText(), atBoundary);

describe("differential: split-sms (code-point boundaries)", () => {
  it("agrees on encoding and on every part", () => {
    fc.assert(
      fc.property(text, (t) => {
        const ours = Sms.measure(t, { boundary: "code-point" });
        // split-sms takes every high surrogate as the start of a pair and moves it, with the code
        // unit after it, into the next part; septet treats a lone surrogate as one UCS-2 unit
        // (a septet decision). Texts with a lone surrogate are compared on encoding only.
        const theirs = splitSms.split(t);
        if (ours.loneSurrogates.length > 0) {
          expect(theirs.characterSet).toBe("Unicode");
          return;
        }
        expect(theirs.characterSet === "GSM" ? "GSM-7" : "UCS-2").toBe(ours.encoding);
        expect(theirs.parts.map((p) => p.content)).toEqual(ours.parts.map((p) => t.slice(p.start, p.end)));
      }),
      { numRuns: Number(process.env.DIFF_RUNS ?? 1500) },
    );
  });

  it("a lone high surrogate at a boundary: split-sms moves it with the next character", () => {
    const t = `${"a".repeat(64)}😀\ud83d@`;
    expect(splitSms.split(t).parts.map((p) => p.content)).toEqual([`${"a".repeat(64)}😀\ud83d@`]);
    expect(Sms.split(t, { boundary: "code-point" })).toEqual([t]);
    const u = `${"a".repeat(66)}\ud83d@${"a".repeat(5)}`;
    expect(splitSms.split(u).parts.map((p) => p.content.length)).toEqual([66, 7]);
    expect(Sms.split(u, { boundary: "code-point" }).map((p) => p.length)).toEqual([67, 6]);
  });
});

describe("differential: sms-segments-calculator (grapheme boundaries)", () => {
  it("agrees on encoding and segments", () => {
    fc.assert(
      fc.property(text, (t) => {
        const ours = Sms.measure(t);
        const theirs = new SegmentedMessage(t);
        expect(theirs.encodingName).toBe(ours.encoding);
        // sms-segments-calculator splits every "\r\n" grapheme back into two characters, so it may
        // cut between CR and LF; septet keeps CR LF whole (UAX #29 GB3, a septet decision). Texts with a
        // CR LF are compared on encoding only (see the fixed example below).
        if (t.includes("\r\n")) return;
        expect(theirs.segmentsCount).toBe(ours.segments);
      }),
      { numRuns: Number(process.env.DIFF_RUNS ?? 300) },
    );
  }, 60_000);

  it("CR LF at a boundary: sms-segments-calculator cuts it, septet keeps it whole", () => {
    const t = `${"a".repeat(152)}\r\n${"a".repeat(152)}`;
    expect(new SegmentedMessage(t).segmentsCount).toBe(2);
    expect(Sms.split(t).map((p) => p.length)).toEqual([152, 153, 1]);
    expect(Sms.measure(t, { boundary: "code-point" }).segments).toBe(2);
  });
});
