// Module resolution hooks used by register.mjs (see there).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const packages = new URL("../../packages/", import.meta.url);
const src = (pkg) => new URL(`${pkg}/src/`, packages);

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "@septet/core") return nextResolve(new URL("index.ts", src("core")).href, context);
  if (specifier.startsWith("@septet/core/")) {
    const name = specifier.slice("@septet/core/".length);
    return nextResolve(new URL(`${name}.ts`, src("core")).href, context);
  }
  if (specifier === "@septet/testing") return nextResolve(new URL("index.ts", src("testing")).href, context);
  if (specifier === "@septet/testing/vectors") {
    return nextResolve(new URL("vectors/index.ts", src("testing")).href, context);
  }
  if (
    (specifier.startsWith("./") || specifier.startsWith("../")) &&
    specifier.endsWith(".js") &&
    context.parentURL
  ) {
    const target = new URL(specifier, context.parentURL);
    if (target.protocol === "file:" && !existsSync(fileURLToPath(target))) {
      const ts = new URL(target.href.replace(/\.js$/, ".ts"));
      if (existsSync(fileURLToPath(ts))) return nextResolve(ts.href, context);
    }
  }
  return nextResolve(specifier, context);
}
