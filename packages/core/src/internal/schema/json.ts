/**
 * The JSON gate in front of every decoder of untrusted input: copies a value into a fresh tree of
 * null-prototype objects and arrays, so that the Schema decoders downstream never see an inherited
 * property (a `{ __proto__: … }` literal, a polluted `Object.prototype`), a getter, a proxy trap, a
 * cycle, or a value JSON cannot carry. Caps are enforced while copying, so the work is bounded by
 * the caps, not by the input.
 *
 * @internal
 */

/** Limits of {@link toPlainJson}. */
export interface JsonCaps {
  /** Deepest nesting of objects and arrays (the root is depth 1). */
  readonly maxDepth: number;
  /** Most values (of any kind) in the whole tree. */
  readonly maxNodes: number;
  /** Longest string (UTF-16 code units), keys included. */
  readonly maxString: number;
}

/** A problem found by {@link toPlainJson}, with the path where it was found. */
export interface JsonProblem {
  readonly path: ReadonlyArray<string | number>;
  readonly message: string;
}

const isPlainObject = (value: object): boolean => {
  const proto = Object.getPrototypeOf(value);
  return proto === null || proto === Object.prototype;
};

class Stop {
  readonly problem: JsonProblem;
  constructor(problem: JsonProblem) {
    this.problem = problem;
  }
}

/**
 * Copies `input` as plain JSON data (null-prototype objects, own enumerable string-keyed data
 * properties only) or reports the first problem. Never throws.
 */
export const toPlainJson = (
  input: unknown,
  caps: JsonCaps,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonProblem } => {
  let nodes = 0;
  const path: Array<string | number> = [];
  const stop = (message: string): never => {
    throw new Stop({ path: [...path], message });
  };
  const copy = (value: unknown, depth: number): unknown => {
    if (++nodes > caps.maxNodes) stop(`more than ${caps.maxNodes} values`);
    switch (typeof value) {
      case "string":
        if (value.length > caps.maxString) stop(`a string longer than ${caps.maxString} characters`);
        return value;
      case "number":
        if (!Number.isFinite(value)) stop("a number that JSON cannot carry (NaN or Infinity)");
        return value;
      case "boolean":
        return value;
      case "object": {
        if (value === null) return null;
        if (depth >= caps.maxDepth) stop(`nested deeper than ${caps.maxDepth} levels`);
        if (Array.isArray(value)) {
          const length = value.length;
          if (length > caps.maxNodes) stop(`more than ${caps.maxNodes} values`);
          const out: Array<unknown> = [];
          for (let i = 0; i < length; i++) {
            const descriptor = Object.getOwnPropertyDescriptor(value, i);
            path.push(i);
            if (descriptor === undefined || !("value" in descriptor)) stop("an array hole or accessor");
            out.push(copy(descriptor!.value, depth + 1));
            path.pop();
          }
          return out;
        }
        if (!isPlainObject(value)) stop("not a plain JSON object");
        const out: Record<string, unknown> = Object.create(null);
        for (const key of Object.keys(value)) {
          if (key.length > caps.maxString) stop(`a key longer than ${caps.maxString} characters`);
          const descriptor = Object.getOwnPropertyDescriptor(value, key);
          path.push(key);
          if (descriptor === undefined || !("value" in descriptor)) stop("an accessor property");
          // A null-prototype target: assigning "__proto__" creates an own property, nothing else.
          out[key] = copy(descriptor!.value, depth + 1);
          path.pop();
        }
        return out;
      }
      default:
        return stop(`a ${typeof value}, which JSON cannot carry`);
    }
  };
  try {
    return { ok: true, value: copy(input, 0) };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problem: error.problem };
    // A proxy trap or exotic object threw: report it as data, never rethrow.
    return { ok: false, problem: { path: [...path], message: "the value could not be read" } };
  }
};

/**
 * `JSON.parse` of a raw body of at most `maxLength` characters, then {@link toPlainJson}.
 * Never throws.
 */
export const parsePlainJson = (
  raw: string,
  maxLength: number,
  caps: JsonCaps,
): { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonProblem } => {
  // JSON.parse would coerce anything else with its own toString (which may throw).
  if (typeof raw !== "string") return { ok: false, problem: { path: [], message: "not a string" } };
  if (raw.length > maxLength)
    return { ok: false, problem: { path: [], message: `longer than ${maxLength} characters` } };
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw);
  } catch {
    return { ok: false, problem: { path: [], message: "not valid JSON" } };
  }
  return toPlainJson(parsed, caps);
};
