// Module resolution hooks used by register.mjs (see there).
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const core = new URL("../../packages/core/src/", import.meta.url);

export async function resolve(specifier, context, nextResolve) {
  if (specifier === "@septet/core") return nextResolve(new URL("index.ts", core).href, context);
  if (specifier.startsWith("@septet/core/")) {
    return nextResolve(new URL(`${specifier.slice("@septet/core/".length)}.ts`, core).href, context);
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
