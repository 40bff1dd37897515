/**
 * The conformance runner: the shape of an implementation under test, the report, and {@link run},
 * which checks every case of each file against the function given for it. Part of the
 * `Conformance` module.
 *
 * @internal
 */
import { defined } from "../internal/defined.js";
import {
  type AddressCase,
  type AllowsCase,
  type CidrCase,
  type DlrUrlCase,
  type EntriesCase,
  type FileName,
  type Files,
  files,
  type KeySettings,
  type PrecedenceCase,
  type ReplacementCase,
  type SenderCase,
  type SignatureCase,
  type SmsCase,
  type SmsOptions,
  VERSION,
} from "./cases.js";

// -----------------------------------------------------------------------------
// The implementation under test
// -----------------------------------------------------------------------------

/**
 * A value or a promise of it: implementation functions may be sync or async.
 *
 * @category models
 * @since 0.1.0
 */
export type Awaitable<A> = A | PromiseLike<A>;

/**
 * What a `measure` function returns. `encoding`, `units` and `segments` are required; every other
 * field is compared when the function returns it (not `undefined`), so a port that does not
 * report, say, `characters` is not failed for it.
 *
 * @category models
 * @since 0.1.0
 */
export interface MeasureResult {
  readonly encoding: "GSM-7" | "UCS-2";
  readonly units: number;
  readonly segments: number;
  readonly perSegment?: number | undefined;
  readonly remaining?: number | undefined;
  readonly lockingShift?: string | null | undefined;
  readonly singleShift?: string | null | undefined;
  readonly characters?: number | undefined;
  readonly loneSurrogates?: ReadonlyArray<number> | undefined;
}

/**
 * Options given to a `replace` function.
 *
 * @category models
 * @since 0.1.0
 */
export interface ReplaceOptions {
  readonly mode: "off" | "on" | "full";
  /** The key owner's table as `[from, to]` pairs (absent: no table). */
  readonly table?: ReadonlyArray<readonly [string, string]>;
  /** FULL's leftover policy (absent: `"keep"`). */
  readonly leftovers?: "keep" | "all-or-nothing" | { readonly substitute: string };
}

/**
 * What a `resolve` function returns: the three resolved settings, or the Omnichannel error of the
 * first failure.
 *
 * @category models
 * @since 0.1.0
 */
export type ResolveResult =
  | {
      readonly sender: ResolvedSetting;
      readonly autoReplace: ResolvedSetting;
      readonly dlrUrl: ResolvedSetting;
    }
  | { readonly error: { readonly code: string; readonly source: string } };

/**
 * A resolved setting: its value and where it came from.
 *
 * @category models
 * @since 0.1.0
 */
export interface ResolvedSetting {
  readonly value: string | null;
  readonly provenance: "request" | "apiKey" | "default";
}

/**
 * The implementation under test: any subset of these functions. Each one that is given is run
 * on every case of its file; the others are reported as skipped. Functions may be async and may
 * throw (a throw fails that case).
 *
 * | function | file | compared |
 * | --- | --- | --- |
 * | `measure(text, options)` | `sms.json` | `encoding`, `units`, `segments` and every other {@link MeasureResult} field returned |
 * | `split(text, options)` | `sms.json` | the UTF-16 length of each part; the parts must join to the text |
 * | `replace(text, options)` | `replacement.json` | the outgoing text |
 * | `parseAddress(input)` | `ip-address.json` | the canonical text, `null` for refused input |
 * | `parseCidr(input)` | `ip-cidr.json` | the canonical range (and `hostBitsMasked` when returned), `null` for refused input |
 * | `allows(entries, client)` | `allowlist.json` | the boolean |
 * | `enforce(entries)` | `allowlist-entries.json` | the enforced canonical entries, or the indices of the bad ones |
 * | `resolve(keySettings, requestBody)` | `precedence.json` | the value and provenance of the case's setting, or the error code and source |
 * | `acceptsSender(sender)` | `senders.json` | the boolean |
 * | `acceptsDlrUrl(url)` | `dlr-urls.json` | the boolean (strict options) |
 * | `sign(secret, body)` | `signatures.json` | the hex signature, case-insensitively |
 *
 * @category models
 * @since 0.1.0
 */
export interface Implementation {
  /** Measures a text: encoding, units, segments (and any other {@link MeasureResult} field). */
  readonly measure?: (text: string, options: SmsOptions) => Awaitable<MeasureResult>;
  /** Splits a text into its SMS parts. */
  readonly split?: (text: string, options: SmsOptions) => Awaitable<ReadonlyArray<string>>;
  /** Applies Auto-Replace and returns the text that goes out. */
  readonly replace?: (text: string, options: ReplaceOptions) => Awaitable<string>;
  /** The canonical text of an address, or `null` when the input must be refused. */
  readonly parseAddress?: (input: string) => Awaitable<string | null>;
  /** The canonical masked range (and whether host bits were masked), or `null` when refused. */
  readonly parseCidr?: (
    input: string,
  ) => Awaitable<{ readonly canonical: string; readonly hostBitsMasked?: boolean } | null>;
  /** Whether `client` may use a key whose whitelist is `entries` (a refused list allows nobody). */
  readonly allows?: (entries: ReadonlyArray<string>, client: string) => Awaitable<boolean>;
  /** The enforced canonical form of every entry, or the indices of the bad entries. */
  readonly enforce?: (
    entries: ReadonlyArray<string>,
  ) => Awaitable<{ readonly enforced: ReadonlyArray<string> } | { readonly bad: ReadonlyArray<number> }>;
  /** Resolves a request body (JSON) against key settings: the three settings, or the first error. */
  readonly resolve?: (key: KeySettings, request: unknown) => Awaitable<ResolveResult>;
  /** Whether a sender ID is acceptable. */
  readonly acceptsSender?: (sender: string) => Awaitable<boolean>;
  /** Whether a DLR URL is accepted with strict options. */
  readonly acceptsDlrUrl?: (url: string) => Awaitable<boolean>;
  /** The hex `X-Messente-Signature` of a body. */
  readonly sign?: (secret: string, body: string) => Awaitable<string>;
}

/**
 * The name of a check: one function of {@link Implementation}.
 *
 * @category models
 * @since 0.1.0
 */
export type CheckName = keyof Implementation;

// -----------------------------------------------------------------------------
// The report
// -----------------------------------------------------------------------------

/**
 * One failed case: its id, the source of the expected value, what was expected and what the
 * implementation gave (`{ threw: message }` when it threw).
 *
 * @category models
 * @since 0.1.0
 */
export interface Failure {
  readonly case: string;
  readonly source: string;
  readonly expected: unknown;
  readonly actual: unknown;
}

/**
 * The result of one check over its file.
 *
 * @category models
 * @since 0.1.0
 */
export interface CheckReport {
  readonly check: CheckName;
  readonly file: FileName;
  readonly passed: number;
  readonly failed: number;
  readonly failures: ReadonlyArray<Failure>;
}

/**
 * What {@link run} returns: plain data. `ok` is true when at least one check ran and no case
 * failed.
 *
 * @category models
 * @since 0.1.0
 */
export interface Report {
  readonly version: typeof VERSION;
  readonly ok: boolean;
  readonly passed: number;
  readonly failed: number;
  readonly checks: ReadonlyArray<CheckReport>;
  /** The checks whose function was not given. */
  readonly skipped: ReadonlyArray<CheckName>;
}

// -----------------------------------------------------------------------------
// The runner
// -----------------------------------------------------------------------------

const isObject = (u: unknown): u is Record<string, unknown> => typeof u === "object" && u !== null;

const equal = (a: unknown, b: unknown): boolean => {
  if (Object.is(a, b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b) && !Array.isArray(a) && !Array.isArray(b)) {
    const ka = Object.keys(a).filter((k) => a[k] !== undefined);
    const kb = Object.keys(b).filter((k) => b[k] !== undefined);
    return ka.length === kb.length && ka.every((k) => equal(a[k], b[k]));
  }
  return false;
};

/** The outcome of one case: `undefined` when it passed, else the actual value to report. */
type Verdict = { readonly pass: true } | { readonly pass: false; readonly actual: unknown };

const pass: Verdict = { pass: true };
const fail = (actual: unknown): Verdict => ({ pass: false, actual });
const verdict = (ok: boolean, actual: unknown): Verdict => (ok ? pass : fail(actual));

interface Check<Case> {
  readonly file: FileName;
  readonly expected: (c: Case) => unknown;
  readonly run: (c: Case) => Promise<Verdict>;
}

const MEASURE_FIELDS = [
  "perSegment",
  "remaining",
  "lockingShift",
  "singleShift",
  "characters",
  "loneSurrogates",
] as const;

/**
 * The checks the implementation can run: one per function it gives. A check of any case type is
 * a `Check<never>` here (`run` looks its cases up by the check's file).
 */
const checksOf = (impl: Implementation): { readonly [K in CheckName]?: Check<never> } => {
  const out: { [K in CheckName]?: Check<never> } = {};
  if (impl.measure) out.measure = measureCheck(impl.measure);
  if (impl.split) out.split = splitCheck(impl.split);
  if (impl.replace) out.replace = replaceCheck(impl.replace);
  if (impl.parseAddress) out.parseAddress = parseAddressCheck(impl.parseAddress);
  if (impl.parseCidr) out.parseCidr = parseCidrCheck(impl.parseCidr);
  if (impl.allows) out.allows = allowsCheck(impl.allows);
  if (impl.enforce) out.enforce = enforceCheck(impl.enforce);
  if (impl.resolve) out.resolve = resolveCheck(impl.resolve);
  if (impl.acceptsSender)
    out.acceptsSender = acceptsCheck<SenderCase>("senders.json", (c) => c.sender, impl.acceptsSender);
  if (impl.acceptsDlrUrl)
    out.acceptsDlrUrl = acceptsCheck<DlrUrlCase>("dlr-urls.json", (c) => c.url, impl.acceptsDlrUrl);
  if (impl.sign) out.sign = signCheck(impl.sign);
  return out;
};

/** Encoding, units and segments must match; the other fields only when the implementation gives them. */
const measureCheck = (measure: NonNullable<Implementation["measure"]>): Check<SmsCase> => ({
  file: "sms.json",
  expected: (c) => {
    const { partLengths: _, ...rest } = c.expected;
    return rest;
  },
  run: async (c) => {
    const actual = await measure(c.text, c.options);
    const e = c.expected;
    const required =
      isObject(actual) &&
      actual.encoding === e.encoding &&
      actual.units === e.units &&
      actual.segments === e.segments;
    const optional = MEASURE_FIELDS.every(
      (f) => !isObject(actual) || actual[f] === undefined || equal(actual[f], e[f]),
    );
    return verdict(required && optional, actual);
  },
});

/** The parts must be strings that join back to the text, with the expected UTF-16 lengths. */
const splitCheck = (split: NonNullable<Implementation["split"]>): Check<SmsCase> => ({
  file: "sms.json",
  expected: (c) => ({ partLengths: c.expected.partLengths }),
  run: async (c) => {
    const parts = await split(c.text, c.options);
    const ok =
      Array.isArray(parts) &&
      parts.every((p) => typeof p === "string") &&
      parts.join("") === c.text &&
      equal(
        parts.map((p: string) => p.length),
        c.expected.partLengths,
      );
    return verdict(ok, Array.isArray(parts) ? { partLengths: parts.map((p) => String(p).length) } : parts);
  },
});

const replaceCheck = (replace: NonNullable<Implementation["replace"]>): Check<ReplacementCase> => ({
  file: "replacement.json",
  expected: (c) => c.expected,
  run: async (c) => {
    const options: ReplaceOptions = defined({ mode: c.mode, table: c.table, leftovers: c.leftovers });
    const text = await replace(c.input, options);
    return verdict(text === c.expected, text);
  },
});

const parseAddressCheck = (
  parseAddress: NonNullable<Implementation["parseAddress"]>,
): Check<AddressCase> => ({
  file: "ip-address.json",
  expected: (c) => c.expected.canonical,
  run: async (c) => {
    const canonical = await parseAddress(c.input);
    return verdict(canonical === c.expected.canonical, canonical);
  },
});

/** `hostBitsMasked` is compared only when the implementation gives it. */
const parseCidrCheck = (parseCidr: NonNullable<Implementation["parseCidr"]>): Check<CidrCase> => ({
  file: "ip-cidr.json",
  expected: (c) =>
    c.expected.canonical === null
      ? null
      : { canonical: c.expected.canonical, hostBitsMasked: c.expected.hostBitsMasked },
  run: async (c) => {
    const actual = await parseCidr(c.input);
    if (c.expected.canonical === null) return verdict(actual === null, actual);
    const ok =
      isObject(actual) &&
      actual.canonical === c.expected.canonical &&
      (actual.hostBitsMasked === undefined || actual.hostBitsMasked === c.expected.hostBitsMasked);
    return verdict(ok, actual);
  },
});

const allowsCheck = (allows: NonNullable<Implementation["allows"]>): Check<AllowsCase> => ({
  file: "allowlist.json",
  expected: (c) => c.expected,
  run: async (c) => {
    const allowed = await allows(c.entries, c.client);
    return verdict(allowed === c.expected, allowed);
  },
});

const enforceCheck = (enforce: NonNullable<Implementation["enforce"]>): Check<EntriesCase> => ({
  file: "allowlist-entries.json",
  expected: (c) => ("enforced" in c.expected ? c.expected : { bad: c.expected.bad.map(([i]) => i) }),
  run: async (c) => {
    const actual = await enforce(c.entries);
    const ok =
      "enforced" in c.expected
        ? isObject(actual) && "enforced" in actual && equal(actual.enforced, c.expected.enforced)
        : isObject(actual) &&
          "bad" in actual &&
          equal(
            actual.bad,
            c.expected.bad.map(([i]) => i),
          );
    return verdict(ok, actual);
  },
});

const resolveCheck = (resolve: NonNullable<Implementation["resolve"]>): Check<PrecedenceCase> => ({
  file: "precedence.json",
  expected: (c) => c.expected,
  run: async (c) => {
    const actual: unknown = await resolve(c.keySettings, c.requestBody);
    if (!isObject(actual)) return fail(actual);
    if ("code" in c.expected) {
      const error = actual.error;
      const ok = isObject(error) && error.code === c.expected.code && error.source === c.expected.source;
      return verdict(ok, "error" in actual ? { error } : actual);
    }
    const setting = actual[c.setting];
    const ok =
      !("error" in actual) &&
      isObject(setting) &&
      setting.value === c.expected.value &&
      setting.provenance === c.expected.provenance;
    return verdict(ok, "error" in actual ? { error: actual.error } : setting);
  },
});

/** A yes/no check: the implementation's answer for the case's input against `expected`. */
const acceptsCheck = <Case extends { readonly expected: boolean }>(
  file: FileName,
  input: (c: Case) => string,
  accepts: (input: string) => Awaitable<boolean>,
): Check<Case> => ({
  file,
  expected: (c) => c.expected,
  run: async (c) => {
    const ok = await accepts(input(c));
    return verdict(ok === c.expected, ok);
  },
});

const signCheck = (sign: NonNullable<Implementation["sign"]>): Check<SignatureCase> => ({
  file: "signatures.json",
  expected: (c) => c.expected,
  run: async (c) => {
    const signature = await sign(c.secret, c.body);
    return verdict(typeof signature === "string" && signature.toLowerCase() === c.expected, signature);
  },
});

const CHECK_ORDER: ReadonlyArray<CheckName> = [
  "measure",
  "split",
  "replace",
  "parseAddress",
  "parseCidr",
  "allows",
  "enforce",
  "resolve",
  "acceptsSender",
  "acceptsDlrUrl",
  "sign",
];

/**
 * Options of {@link run}.
 *
 * @category models
 * @since 0.1.0
 */
export interface RunOptions {
  /**
   * The conformance data to check against (default: {@link files}, this package's own). Pass the
   * parsed JSON files of a pinned kit version to check against exactly that version.
   */
  readonly files?: Files | undefined;
}

/**
 * Checks an implementation against the conformance vectors and reports every case that does not
 * agree. Never throws: a function that throws (or rejects) fails that case with
 * `actual: { threw: message }`. Cases run one after another, in file order.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * // A deliberately wrong port: every text is one segment.
 * const report = await Conformance.run({
 *   measure: (text) => ({ encoding: "GSM-7", units: text.length, segments: 1 }),
 * })
 * report.ok // => false
 * report.skipped.includes("replace") // => true
 * report.checks[0]?.failures[0]?.case // => "161 septets"
 *
 * const septet = await Conformance.run(Conformance.septet)
 * septet.failed // => 0
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const run = async (impl: Implementation, options?: RunOptions): Promise<Report> => {
  const data = options?.files ?? files();
  const checks = checksOf(impl);
  const reports: Array<CheckReport> = [];
  const skipped: Array<CheckName> = [];
  for (const name of CHECK_ORDER) {
    const check = checks[name] as Check<{ readonly id: string; readonly source: string }> | undefined;
    if (check === undefined) {
      skipped.push(name);
      continue;
    }
    const cases = data[check.file].cases as ReadonlyArray<{ readonly id: string; readonly source: string }>;
    const failures: Array<Failure> = [];
    let passed = 0;
    for (const c of cases) {
      let result: Verdict;
      try {
        result = await check.run(c);
      } catch (e) {
        result = fail({ threw: e instanceof Error ? e.message : String(e) });
      }
      if (result.pass) passed++;
      else
        failures.push({ case: c.id, source: c.source, expected: check.expected(c), actual: result.actual });
    }
    reports.push({ check: name, file: check.file, passed, failed: failures.length, failures });
  }
  const passed = reports.reduce((n, r) => n + r.passed, 0);
  const failed = reports.reduce((n, r) => n + r.failed, 0);
  return {
    version: VERSION,
    ok: reports.length > 0 && failed === 0,
    passed,
    failed,
    checks: reports,
    skipped,
  };
};

/**
 * A one-line summary of a report per check, for logs and CI output.
 *
 * @example
 * ```ts
 * import { Conformance } from "@septet/testing"
 *
 * const report = await Conformance.run({ sign: () => "00" })
 * Conformance.summary(report) // => "sign: 0 passed, 2 failed (signatures.json)"
 * ```
 *
 * @category operations
 * @since 0.1.0
 */
export const summary = (report: Report): string =>
  report.checks.map((c) => `${c.check}: ${c.passed} passed, ${c.failed} failed (${c.file})`).join("\n");
