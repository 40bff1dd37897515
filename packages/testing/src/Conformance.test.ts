import { readFileSync } from "node:fs";
import { Sms } from "@septet/core";
import { Conformance } from "@septet/testing";
import { describe, expect, it } from "vitest";
import { conformanceFiles } from "../scripts/generate-conformance.js";

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe("conformance JSON files", () => {
  // The committed files are Biome-formatted; what must not drift is the data they hold.
  it.each(conformanceFiles())("%s holds exactly Conformance.files()", (path, text) => {
    const committed: unknown = JSON.parse(readFileSync(new URL(`../${path}`, import.meta.url), "utf8"));
    expect(committed).toStrictEqual(JSON.parse(text));
  });

  it("every file has the schema, the version, and a unique id and a source on every case", () => {
    const files = Conformance.files();
    expect(Object.keys(files)).toStrictEqual([...Conformance.FILES]);
    for (const name of Conformance.FILES) {
      const file = files[name];
      expect(file).toMatchObject({ schema: "septet-conformance", version: 1, file: name });
      expect(file.cases.length).toBeGreaterThan(0);
      const ids = file.cases.map((c) => c.id);
      expect(new Set(ids).size, `${name}: duplicate ids`).toBe(ids.length);
      for (const c of file.cases) expect(c.source.length, `${name}: ${c.id}`).toBeGreaterThan(0);
      // The data survives JSON unchanged (no undefined fields, no lone-surrogate loss).
      expect(roundTrip(file)).toStrictEqual(file);
    }
  });

  it("is listed in the package's files and exports", () => {
    const pkg = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8"));
    expect(pkg.files).toContain("conformance");
    expect(pkg.exports["./conformance/*"]).toBe("./conformance/*");
  });
});

describe("Conformance.run", () => {
  it("septet passes every case of every check", async () => {
    const report = await Conformance.run(Conformance.septet);
    expect(report.checks.flatMap((c) => c.failures)).toStrictEqual([]);
    expect(report.ok).toBe(true);
    expect(report.skipped).toStrictEqual([]);
    const total = Conformance.FILES.reduce((n, f) => n + Conformance.files()[f].cases.length, 0);
    // sms.json is checked twice (measure and split).
    expect(report.passed).toBe(total + Conformance.files()["sms.json"].cases.length);
  });

  it("runs against parsed JSON files exactly as against the built-in data", async () => {
    const parsed = roundTrip(Conformance.files()) as Conformance.Files;
    const report = await Conformance.run(Conformance.septet, { files: parsed });
    expect(report.failed).toBe(0);
  });

  it("reports the failures of a deliberately wrong implementation, with sources", async () => {
    const wrong: Conformance.Implementation = {
      // Counts UTF-16 units and 160 per segment for everything: wrong for UCS-2, escapes, concatenation.
      measure: (text) => ({
        encoding: "GSM-7",
        units: text.length,
        segments: Math.max(1, Math.ceil(text.length / 160)),
      }),
      // Splits every 160 code units, cutting surrogate pairs.
      split: (text) => (text === "" ? [""] : (text.match(/[\s\S]{1,160}/g) ?? [])),
      // OFF everywhere.
      replace: (text) => text,
      // A lax parser: trims, accepts anything with a dot.
      parseAddress: (input) => (input.trim().includes(".") ? input.trim() : null),
      // Every client allowed unless the list is empty.
      allows: (entries) => entries.length > 0,
      // The key always wins.
      resolve: (key) => ({
        sender: { value: key.defaultSender ?? "X", provenance: "apiKey" },
        autoReplace: { value: key.autoReplace ?? "on", provenance: "apiKey" },
        dlrUrl: { value: key.dlrUrl ?? null, provenance: "apiKey" },
      }),
      // Throws.
      sign: () => {
        throw new Error("no signing key");
      },
    };
    const report = await Conformance.run(wrong);
    expect(report.ok).toBe(false);
    expect(report.skipped).toStrictEqual(["parseCidr", "enforce", "acceptsSender", "acceptsDlrUrl"]);
    const byCheck = Object.fromEntries(report.checks.map((c) => [c.check, c]));
    for (const check of ["measure", "split", "replace", "parseAddress", "allows", "resolve", "sign"])
      expect(byCheck[check]?.failed, check).toBeGreaterThan(0);

    const ucs2 = byCheck.measure?.failures.find((f) => f.case === "70 UCS-2 units");
    expect(ucs2).toMatchObject({
      expected: { encoding: "UCS-2", units: 70, segments: 1 },
      actual: { encoding: "GSM-7", units: 70, segments: 1 },
    });
    expect(ucs2?.source).toContain("TS 23.040");

    const octal = byCheck.parseAddress?.failures.find((f) => f.case.includes('"012.0.0.1"'));
    expect(octal).toMatchObject({ expected: null, actual: "012.0.0.1" });
    expect(octal?.source).toContain("CVE-2021-28918");

    const empty = byCheck.resolve?.failures.find((f) => f.case === "sender: request empty, key set");
    expect(empty?.expected).toStrictEqual({ code: "105", source: "payload[messages][0][sender]" });

    expect(byCheck.sign?.failures[0]?.actual).toStrictEqual({ threw: "no signing key" });
    // The report is plain data.
    expect(roundTrip(report)).toStrictEqual(report);
    expect(Conformance.summary(report).split("\n")).toHaveLength(report.checks.length);
  });

  it("a wrapper that only reports some measure fields is compared on those", async () => {
    const report = await Conformance.run({
      measure: (text, options) => {
        const m = Sms.measure(text, {
          ...(options.reference === undefined ? {} : { reference: options.reference }),
        });
        return { encoding: m.encoding, units: m.units, segments: m.segments };
      },
    });
    // Only the national-language cases differ (no tables passed), and only on the required fields.
    const failed = report.checks[0]?.failures.map((f) => f.case) ?? [];
    expect(failed.length).toBeGreaterThan(0);
    const languages = new Map(Conformance.files()["sms.json"].cases.map((c) => [c.id, c.options.languages]));
    for (const id of failed) expect(languages.get(id)?.length, id).toBeGreaterThan(0);
  });

  it("a run with no functions is not ok", async () => {
    const report = await Conformance.run({});
    expect(report).toMatchObject({ ok: false, passed: 0, failed: 0, checks: [] });
    expect(report.skipped).toHaveLength(11);
  });
});
