import type { ComplexAttributeConverter } from "lit";
import type { LanguageInput, Leftovers } from "./composer.component.js";

/**
 * The attribute converters of `<septet-composer>`: how its `languages`, `replacements` and
 * `leftovers` attributes become property values and back.
 *
 * @internal
 */

export const languagesConverter: ComplexAttributeConverter<ReadonlyArray<LanguageInput>> = {
  fromAttribute: (value) =>
    (value ?? "")
      .split(/\s+/)
      .filter((name) => name !== "")
      .map((name) => name.toLowerCase() as LanguageInput),
  toAttribute: (value) => value.join(" "),
};

/** Marks a `replacements` attribute that is not JSON, so the element can say so. */
export class InvalidJson {
  constructor(readonly message: string) {}
}

export const jsonConverter: ComplexAttributeConverter<unknown> = {
  fromAttribute: (value) => {
    if (value === null) return undefined;
    try {
      return JSON.parse(value) as unknown;
    } catch (error) {
      return new InvalidJson(error instanceof Error ? error.message : String(error));
    }
  },
};

export const leftoversConverter: ComplexAttributeConverter<Leftovers> = {
  fromAttribute: (value) => {
    if (value === null) return "keep";
    if (value.startsWith("substitute:")) return { substitute: value.slice("substitute:".length) };
    return value as Leftovers;
  },
  toAttribute: (value) => (typeof value === "string" ? value : `substitute:${value.substitute}`),
};

/** Whether a `replacements` value holds no table (unset, empty text or an empty object). */
export const isEmptyTable = (input: unknown): boolean =>
  input === undefined ||
  input === null ||
  input === "" ||
  (typeof input === "object" && !(input instanceof InvalidJson) && Object.keys(input).length === 0);
