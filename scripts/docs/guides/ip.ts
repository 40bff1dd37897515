/** The IP whitelist: grammar, matching rules, and the catalogue of refused input. */
import { readFileSync } from "node:fs";
import { Allowlist, Ip } from "@septet/core";
import { addressVectors, allowlistVectors, cidrVectors, entriesVectors } from "@septet/testing/vectors";
import { Result } from "effect";
import { api, code, page, shown, table, text } from "../markdown.js";

/**
 * The module documentation of `packages/core/src/<name>.ts` (its first JSDoc block), with the
 * gutter and `@since` removed, headings moved one level down and `{@link X}` pointed at the module.
 */
export const moduleDoc = (name: string): string => {
  const source = readFileSync(new URL(`../../../packages/core/src/${name}.ts`, import.meta.url), "utf8");
  const start = source.indexOf("/**");
  const end = source.indexOf("*/", start);
  return source
    .slice(start + 3, end)
    .split("\n")
    .map((line) => line.replace(/^\s*\* ?/, ""))
    .filter((line) => !line.startsWith("@since") && !line.startsWith("@module"))
    .join("\n")
    .trim()
    .replace(/^(#+) /gm, "$1# ")
    .replace(/\{@link ([A-Za-z0-9_.]+)\}/g, (_, symbol: string) => api("core", `${name}.${symbol}`, symbol));
};

const addressReason = (input: string): string => {
  const r = Ip.parseAddressResult(input);
  if (Result.isSuccess(r))
    throw new Error(`ip guide: ${JSON.stringify(input)} parses, the vector says it must not`);
  return r.failure.reason;
};

export const ipGuide = (): string => {
  const valid = addressVectors.filter((v) => v.canonical !== null);
  const refused = addressVectors.filter((v) => v.canonical === null);
  for (const v of valid) {
    const r = Ip.parseAddressResult(v.input);
    if (!Result.isSuccess(r) || Ip.format(r.success) !== v.canonical)
      throw new Error(`ip guide: ${v.input} does not give ${v.canonical}`);
  }
  const cidrOk = cidrVectors.filter((v) => v.canonical !== null);
  const cidrBad = cidrVectors.filter((v) => v.canonical === null);
  return page("IP whitelist", [
    `Which addresses can use a key. The whitelist of a key is compiled once with ${api("core", "Allowlist.make")} and asked with ${api("core", "Allowlist.allows")} for every request (${api("core", "Policy.authorize")} does this and answers error \`102\` Forbidden). The two sections below are the module documentation of ${api("core", "Ip")} and ${api("core", "Allowlist")}, copied from the code; the tables after them are the adversarial catalogue septet is tested with, each row run through the parser when this page was generated.`,
    "## Grammar and canonical text (`Ip`)",
    moduleDoc("Ip"),
    "## Entries and matching rules (`Allowlist`)",
    moduleDoc("Allowlist"),
    "## Refused addresses",
    `Every input below is refused by ${api("core", "Ip.parseAddress")} (and so denied as a client and refused as a whitelist entry). The reason is septet's own; the last column names the advisory or the test table the case comes from.`,
    table(
      ["input", "septet's reason", "source"],
      refused.map((v) => [code(shown(v.input)), text(addressReason(v.input)), text(v.source)]),
    ),
    "## Accepted addresses and their canonical form",
    table(
      ["input", "canonical (RFC 5952 for IPv6)", "family", "source"],
      valid.map((v) => [code(shown(v.input)), code(v.canonical ?? ""), `IPv${v.family}`, text(v.source)]),
    ),
    "## CIDR ranges",
    `${api("core", "Ip.parseCidr")}: accepted ranges with their enforced form (host bits masked and reported):`,
    table(
      ["input", "enforced", "host bits masked", "source"],
      cidrOk.map((v) => {
        const r = Ip.parseCidrResult(v.input);
        if (!Result.isSuccess(r) || r.success.canonical !== v.canonical)
          throw new Error(`ip guide: ${v.input} does not give ${v.canonical}`);
        return [
          code(v.input),
          code(r.success.canonical),
          r.success.hostBitsMasked ? "yes" : "no",
          text(v.source),
        ];
      }),
    ),
    "Refused ranges, with the part at fault:",
    table(
      ["input", "part", "septet's reason", "source"],
      cidrBad.map((v) => {
        const r = Ip.parseCidrResult(v.input);
        if (Result.isSuccess(r)) throw new Error(`ip guide: ${v.input} parses, the vector says it must not`);
        return [code(shown(v.input)), r.failure.part, text(r.failure.reason), text(v.source)];
      }),
    ),
    "## Matching, case by case",
    `Each whitelist below is compiled with ${api("core", "Allowlist.make")} and each client asked with ${api("core", "Allowlist.allows")}:`,
    table(
      ["case", "whitelist", "allowed", "denied", "source"],
      allowlistVectors.map((v) => {
        const list = Allowlist.makeResult(v.entries);
        if (!Result.isSuccess(list)) throw new Error(`ip guide: ${v.name}: list refused`);
        const answer = (client: string, allowed: boolean) => {
          if (Allowlist.allows(list.success, client) !== allowed)
            throw new Error(`ip guide: ${v.name}: ${client} should be ${allowed ? "allowed" : "denied"}`);
          return code(shown(client));
        };
        return [
          text(v.name),
          v.entries.length === 0 ? "_(empty)_" : v.entries.map((e) => code(e)).join(" "),
          v.checks
            .filter(([, a]) => a)
            .map(([c, a]) => answer(c, a))
            .join(" "),
          v.checks
            .filter(([, a]) => !a)
            .map(([c, a]) => answer(c, a))
            .join(" "),
          text(v.source),
        ];
      }),
    ),
    "## Whole lists",
    `What ${api("core", "Allowlist.rules")} reports as enforced, or every bad entry ${api("core", "Allowlist.InvalidAllowlist")} lists:`,
    table(
      ["case", "entries", "result", "source"],
      entriesVectors.map((v) => {
        const list = Allowlist.makeResult(v.entries);
        const result = Result.isSuccess(list)
          ? `enforced: ${
              Allowlist.rules(list.success)
                .map((r) => code(r.canonical))
                .join(" ") || "_(nothing: denies everyone)_"
            }`
          : list.failure.entries.map((e) => `#${e.index} ${code(e.input)}: ${text(e.reason)}`).join("<br>");
        if (Result.isSuccess(list) !== (v.enforced !== undefined)) throw new Error(`ip guide: ${v.name}`);
        return [text(v.name), v.entries.map((e) => code(e)).join(" ") || "_(empty)_", result, text(v.source)];
      }),
    ),
  ]);
};
