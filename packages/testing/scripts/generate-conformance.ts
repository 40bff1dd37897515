/**
 * Writes the conformance kit's JSON files, `packages/testing/conformance/v1/*.json`, from the
 * TypeScript vectors (`Conformance.files()`, built from `packages/testing/src/vectors/*.ts`).
 *
 *   npx pnpm@12.4.2 run docs:guides        (regenerates these and the guide pages)
 *   npx pnpm@12.4.2 exec tsx packages/testing/scripts/generate-conformance.ts
 *
 * The files are then formatted with the workspace's Biome (as `pnpm run format` would), so
 * `pnpm run lint` stays clean. `Conformance.test.ts` fails when the committed files do not hold
 * exactly the data `Conformance.files()` builds.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { FILES, files, VERSION } from "../src/Conformance.js";

/** The text of one file: two-space JSON and a final newline. */
export const serialize = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/** Every file's path (relative to `packages/testing/`) and text. */
export const conformanceFiles = (): ReadonlyArray<readonly [path: string, text: string]> => {
  const all = files();
  return FILES.map((name) => [`conformance/v${VERSION}/${name}`, serialize(all[name])] as const);
};

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = new URL("../", import.meta.url);
  const written: Array<string> = [];
  for (const [path, text] of conformanceFiles()) {
    const target = new URL(path, root);
    mkdirSync(new URL("./", target), { recursive: true });
    writeFileSync(target, text);
    written.push(fileURLToPath(target));
    console.log(`wrote packages/testing/${path}`);
  }
  const biome = fileURLToPath(new URL("../../../node_modules/.bin/biome", import.meta.url));
  execFileSync(biome, ["format", "--write", ...written], { stdio: "inherit" });
}
