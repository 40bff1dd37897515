/**
 * `effect` for the workspace scripts outside the packages (scripts/docs): a bare `effect` import
 * resolves only inside a package that depends on it, so those scripts import it from here.
 */
export { Effect, Result } from "effect";
