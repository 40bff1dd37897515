/**
 * The `effect` modules the gateway uses.
 *
 * A service embedding septet depends on `effect` itself and writes `import { Effect } from "effect"`.
 * This example lives at the workspace root, which does not depend on `effect` (only
 * `@septet/core` does), so it borrows core's copy: the same files, hence the same module
 * instances and types as the ones `@septet/core` uses.
 */
export { Effect, Result, Schema } from "../../packages/core/node_modules/effect/dist/index.js";
