/**
 * Generates the guide pages of the docs (`docs/guides/*.md`) from septet's own code and data:
 * the GSM-7 tables of `Gsm7`, capacities measured with `Sms.measure`, the built-in FULL table of
 * `Transliteration`, `Policy.precedence` and a real `Policy.resolve`, the vectors of
 * `packages/testing/src/vectors/`, the module documentation of `Ip` and `Allowlist`, and the
 * delivery-report constants. It also regenerates the conformance kit's JSON files.
 *
 *   npx pnpm@12.4.2 run docs:guides
 *
 * (= tsx scripts/docs/generate-guides.ts). The pages are
 * committed; `docs/guides.test.ts` (which runs this script with `--json`: the pages on stdout,
 * nothing written) fails when regenerating would change a byte, and typedoc (`pnpm run docs`)
 * renders them in the "Guides" section of the site (`projectDocuments` in typedoc.json).
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { conformanceGuide } from "./guides/conformance.js";
import { deliveryReportsGuide } from "./guides/delivery-reports.js";
import { gsm7Guide, nationalGuide } from "./guides/gsm7.js";
import { ipGuide } from "./guides/ip.js";
import { precedenceGuide } from "./guides/precedence.js";
import { replacementGuide } from "./guides/replacement.js";
import { rulesGuide } from "./guides/rules.js";
import { segmentsGuide } from "./guides/segments.js";
import { walkthroughGuide } from "./guides/walkthrough.js";

/** The guides in the order of the docs' navigation: file name → page. */
export const GUIDES: ReadonlyArray<readonly [file: string, make: () => string | Promise<string>]> = [
  ["rules.md", rulesGuide],
  ["gsm7.md", gsm7Guide],
  ["national-languages.md", nationalGuide],
  ["segments.md", segmentsGuide],
  ["walkthrough.md", walkthroughGuide],
  ["replacement.md", replacementGuide],
  ["precedence.md", precedenceGuide],
  ["ip-whitelist.md", ipGuide],
  ["delivery-reports.md", deliveryReportsGuide],
  ["conformance.md", conformanceGuide],
];

const biome = fileURLToPath(new URL("../../node_modules/.bin/biome", import.meta.url));

/** A page as the workspace's Biome formats it (so `pnpm run lint` accepts the committed files). */
const formatted = (file: string, text: string): string =>
  execFileSync(biome, ["format", `--stdin-file-path=docs/guides/${file}`], {
    input: text,
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });

/** Every guide's file name and text. */
export const generateGuides = async (): Promise<ReadonlyArray<readonly [file: string, text: string]>> => {
  const out: Array<readonly [string, string]> = [];
  for (const [file, make] of GUIDES) out.push([file, formatted(file, await make())]);
  return out;
};

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv.includes("--json")) {
  // For docs/guides.test.ts: the pages as JSON on stdout, nothing written.
  process.stdout.write(JSON.stringify(await generateGuides()));
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL("../../docs/guides/", import.meta.url);
  mkdirSync(dir, { recursive: true });
  const guides = await generateGuides();
  const keep = new Set(guides.map(([file]) => file));
  for (const file of readdirSync(dir))
    if (file.endsWith(".md") && !keep.has(file)) rmSync(new URL(file, dir));
  for (const [file, text] of guides) {
    writeFileSync(new URL(file, dir), text);
    console.log(`wrote docs/guides/${file}`);
  }
  // The conformance kit's JSON files come from the same vectors.
  execFileSync(
    process.execPath,
    [
      "--import",
      "tsx",
      fileURLToPath(new URL("../../packages/testing/scripts/generate-conformance.ts", import.meta.url)),
    ],
    { stdio: "inherit" },
  );
}
