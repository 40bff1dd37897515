// One error class of the kind every core module defines at module level, created once.
import { Schema } from "effect";

class InvalidEntry extends Schema.TaggedError()("InvalidEntry", {
  input: Schema.String,
  reason: Schema.String,
}) {}

export const fail = (input) => new InvalidEntry({ input, reason: "not an address" });
