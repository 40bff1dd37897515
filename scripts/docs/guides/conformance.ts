/** The conformance kit: what it holds and how a port runs it. */
import { Conformance } from "../../../packages/testing/src/index.js";
import { api, code, fence, page, table, text } from "../markdown.js";

const CHECKS: Readonly<Record<Conformance.FileName, string>> = {
  "sms.json": "`measure`, `split`",
  "replacement.json": "`replace`",
  "ip-address.json": "`parseAddress`",
  "ip-cidr.json": "`parseCidr`",
  "allowlist.json": "`allows`",
  "allowlist-entries.json": "`enforce`",
  "precedence.json": "`resolve`",
  "senders.json": "`acceptsSender`",
  "dlr-urls.json": "`acceptsDlrUrl`",
  "signatures.json": "`sign`",
};

export const conformanceGuide = async (): Promise<string> => {
  const files = Conformance.files();
  const report = await Conformance.run(Conformance.septet);
  if (!report.ok)
    throw new Error(`conformance guide: septet fails its own kit:\n${Conformance.summary(report)}`);
  return page("Conformance kit", [
    `Another team porting septet's rules (or wrapping septet behind a service) proves its port agrees with the vectors septet tests itself with. They ship in \`@septet/testing\` as versioned JSON (\`@septet/testing/conformance/v${Conformance.VERSION}/*.json\`, schema \`"${Conformance.SCHEMA}"\`), every case with the source of its expected value, and a runner, ${api("testing", "Conformance.run")}, that checks any implementation given as plain functions.`,
    "## The files",
    table(
      ["file", "what it checks", "cases", "runner function", "generated from"],
      Conformance.FILES.map((name) => [
        code(name),
        text(files[name].title),
        String(files[name].cases.length),
        CHECKS[name],
        code(files[name].generatedFrom),
      ]),
    ),
    "Each file is `{ schema, version, file, title, description, generatedFrom, cases }`; each case has an `id`, its inputs, `expected` and `source`. The version changes when a case's meaning changes or a case is removed; new cases keep it. The files are generated from `packages/testing/src/vectors/*.ts` (`pnpm run docs:guides`), and septet's tests fail when they drift. The same rows, typed, are exported by `@septet/testing/vectors` (`import { smsVectors } from \"@septet/testing/vectors\"`) for `it.each` tables in TypeScript test suites; septet's own tests import them from there.",
    "## Running it",
    fence(
      "ts",
      [
        'import { Conformance } from "@septet/testing"',
        "",
        "const report = await Conformance.run({",
        "  // Give the functions your port has; the others are reported as skipped.",
        "  measure: (text, options) => myPort.measure(text, options), // { encoding, units, segments, … }",
        "  parseAddress: (input) => myPort.canonicalOrNull(input),",
        "  resolve: (keySettings, requestBody) => myPort.resolve(keySettings, requestBody),",
        "})",
        "console.log(Conformance.summary(report))",
        "if (!report.ok) console.log(report.checks.flatMap((c) => c.failures))",
      ].join("\n"),
    ),
    `The report is plain data: for every check, the cases passed and failed, and for each failure the case id, the source of the expected value, the expected and the actual value. ${api("testing", "Conformance.septet")} is septet itself as an implementation (a model for an adapter); the functions and what is compared are listed on ${api("testing", "Conformance.Implementation")}. A port that cannot run JavaScript reads the JSON files directly.`,
    `septet itself, when this page was generated: ${report.passed} cases passed, ${report.failed} failed.`,
    table(
      ["check", "file", "passed"],
      report.checks.map((c) => [code(c.check), code(c.file), String(c.passed)]),
    ),
    "## Property tests",
    `\`@septet/testing\` also exports the fast-check arbitraries septet's own property tests use, for yours: ${api("testing", "SmsArbitraries")} (GSM-7 text with extension characters, hostile Unicode with surrogate pairs, ZWJ sequences, flags and lone surrogates, national-language text, measure options), ${api("testing", "ReplacementArbitraries")} (Latin, Greek, Cyrillic and mixed text, valid and invalid replacement tables), ${api("testing", "IpArbitraries")} (addresses of both families, mapped and boundary addresses, alternative spellings, CIDR rules, rule sets and probes) and ${api("testing", "PolicyArbitraries")} (senders, modes, DLR URLs, request fields in every state, hostile JSON).`,
  ]);
};
