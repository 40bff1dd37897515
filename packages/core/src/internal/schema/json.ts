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

/** One copy in progress: the caps, the values counted so far and the path to the current one. */
class Copier {
  readonly caps: JsonCaps;
  /** Where the value being copied sits (reported with a problem). */
  readonly path: Array<string | number> = [];
  /** Values copied so far, of any kind. */
  nodes = 0;
  constructor(caps: JsonCaps) {
    this.caps = caps;
  }

  /** Ends the copy with a problem at the current path. */
  stop(message: string): never {
    throw new Stop({ path: [...this.path], message });
  }

  /** A copy of any value at nesting `depth`. */
  value(value: unknown, depth: number): unknown {
    const { caps } = this;
    if (++this.nodes > caps.maxNodes) this.stop(`more than ${caps.maxNodes} values`);
    switch (typeof value) {
      case "string":
        if (value.length > caps.maxString) this.stop(`a string longer than ${caps.maxString} characters`);
        return value;
      case "number":
        if (!Number.isFinite(value)) this.stop("a number that JSON cannot carry (NaN or Infinity)");
        return value;
      case "boolean":
        return value;
      case "object":
        if (value === null) return null;
        if (depth >= caps.maxDepth) this.stop(`nested deeper than ${caps.maxDepth} levels`);
        return Array.isArray(value) ? this.array(value, depth) : this.object(value, depth);
      default:
        return this.stop(`a ${typeof value}, which JSON cannot carry`);
    }
  }

  /** A copy of an array: every index a data property (no hole, no accessor). */
  array(value: ReadonlyArray<unknown>, depth: number): Array<unknown> {
    const length = value.length;
    if (length > this.caps.maxNodes) this.stop(`more than ${this.caps.maxNodes} values`);
    const out: Array<unknown> = [];
    for (let i = 0; i < length; i++) {
      const descriptor = Object.getOwnPropertyDescriptor(value, i);
      this.path.push(i);
      if (descriptor === undefined || !("value" in descriptor)) this.stop("an array hole or accessor");
      out.push(this.value(descriptor!.value, depth + 1));
      this.path.pop();
    }
    return out;
  }

  /** A null-prototype copy of a plain object's own enumerable data properties. */
  object(value: object, depth: number): Record<string, unknown> {
    if (!isPlainObject(value)) this.stop("not a plain JSON object");
    const out: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value)) {
      if (key.length > this.caps.maxString) this.stop(`a key longer than ${this.caps.maxString} characters`);
      const descriptor = Object.getOwnPropertyDescriptor(value, key);
      this.path.push(key);
      if (descriptor === undefined || !("value" in descriptor)) this.stop("an accessor property");
      // A null-prototype target: assigning "__proto__" creates an own property, nothing else.
      out[key] = this.value(descriptor!.value, depth + 1);
      this.path.pop();
    }
    return out;
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
  const copier = new Copier(caps);
  try {
    return { ok: true, value: copier.value(input, 0) };
  } catch (error) {
    if (error instanceof Stop) return { ok: false, problem: error.problem };
    // A proxy trap or exotic object threw: report it as data, never rethrow.
    return { ok: false, problem: { path: [...copier.path], message: "the value could not be read" } };
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
