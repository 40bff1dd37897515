// Lets plain Node run the gateway from the TypeScript sources of the workspace, without a build:
//   node --import ./examples/gateway/register.mjs examples/gateway/main.ts
// Node >= 22.18 strips TypeScript types by itself; this hook only maps `@septet/core` to
// packages/core/src and the sources' `./X.js` imports to the `./X.ts` files that exist.
import { register } from "node:module";

register("./resolve-hooks.mjs", import.meta.url);
