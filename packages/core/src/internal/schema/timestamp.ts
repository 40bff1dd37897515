/**
 * ISO 8601 timestamps as the Omnichannel API writes them, parsed with fixed positions (no regex).
 *
 * @internal
 */
import { Effect, Schema, SchemaIssue, SchemaTransformation } from "effect";

const digits = (s: string, from: number, count: number): number => {
  let n = 0;
  for (let i = from; i < from + count; i++) {
    const d = s.charCodeAt(i) - 0x30;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
};

/**
 * Parses `YYYY-MM-DD[T ]hh:mm:ss[.fraction][Z | ±hh:mm | ±hhmm]` with fixed positions (no regex);
 * no zone means UTC. Returns epoch milliseconds or `undefined`.
 */
export const parseTimestamp = (s: string): number | undefined => {
  if (s.length < 19 || s.length > 40) return undefined;
  const year = digits(s, 0, 4);
  const month = digits(s, 5, 2);
  const day = digits(s, 8, 2);
  const hour = digits(s, 11, 2);
  const minute = digits(s, 14, 2);
  const second = digits(s, 17, 2);
  if (s[4] !== "-" || s[7] !== "-" || (s[10] !== "T" && s[10] !== "t" && s[10] !== " ")) return undefined;
  if (s[13] !== ":" || s[16] !== ":") return undefined;
  if (year < 0 || month < 1 || month > 12 || day < 1 || hour < 0 || hour > 23) return undefined;
  if (minute < 0 || minute > 59 || second < 0 || second > 59) return undefined;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (day > daysInMonth) return undefined;
  let i = 19;
  let millis = 0;
  if (s[i] === ".") {
    const start = ++i;
    while (i < s.length && s.charCodeAt(i) >= 0x30 && s.charCodeAt(i) <= 0x39) i++;
    const count = i - start;
    if (count === 0 || count > 9) return undefined;
    millis = Math.floor(Number(`0.${s.slice(start, i)}`) * 1000);
  }
  let offset = 0;
  if (i < s.length) {
    const sign = s[i];
    if ((sign === "Z" || sign === "z") && i + 1 === s.length) {
      offset = 0;
    } else if (sign === "+" || sign === "-") {
      const rest = s.length - i - 1;
      const oh = digits(s, i + 1, 2);
      const om = rest === 5 && s[i + 3] === ":" ? digits(s, i + 4, 2) : rest === 4 ? digits(s, i + 3, 2) : -1;
      if (oh < 0 || oh > 23 || om < 0 || om > 59) return undefined;
      offset = (sign === "+" ? 1 : -1) * (oh * 60 + om);
    } else {
      return undefined;
    }
  }
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  date.setUTCHours(hour, minute, second, millis);
  return date.getTime() - offset * 60_000;
};

/** The Schema: an ISO 8601 string decoded to a `Date` (no zone: UTC). */
export const Timestamp = Schema.String.check(Schema.isMaxLength(40)).pipe(
  Schema.decodeTo(
    Schema.Date,
    SchemaTransformation.transformEffect<Date, string>({
      decode: (s, options) => {
        const millis = parseTimestamp(s);
        return millis === undefined
          ? Effect.fail(
              new SchemaIssue.InvalidValue(
                { expected: "an ISO 8601 date and time (no zone: UTC)" },
                s,
                options,
              ),
            )
          : Effect.succeed(new Date(millis));
      },
      encode: (date) => Effect.succeed(date.toISOString()),
    }),
  ),
);
