// Lets plain Node (>= 22.18, which strips TypeScript types by itself) run the workspace's
// TypeScript sources without a build, e.g.
//   npx pnpm@12.4.2 exec node --import ./scripts/ts-hooks/register.mjs examples/gateway/main.ts
//   npx pnpm@12.4.2 exec node --import ./scripts/ts-hooks/register.mjs scripts/docs/generate-guides.ts
// The hook (resolve-hooks.mjs) only maps `@septet/core`, `@septet/core/X`, `@septet/testing` and `@septet/testing/vectors` to
// the packages' `src/` and the sources' `./X.js` imports to the `./X.ts` files that exist.
import { register } from "node:module";

register("./resolve-hooks.mjs", import.meta.url);
