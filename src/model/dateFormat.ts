/**
 * How dates are written in the input.
 * - `"auto"`: ISO 8601 (`2024-03-05`, `2024-03-05 14:30:00`, `2024-03-05T14:30:00Z`, `2024-03-05T22:00:00+08:00`),
 *   `20240305`, `2024/3/5`, `2024年3月5日`, a `Date`, or epoch milliseconds (a number).
 * - `"YYYY-MM-DD"`, `"YYYYMMDD"`, `"YYYY/MM/DD"`: only that form (a time after the date is allowed).
 * - `"DD/MM/YYYY"`, `"MM/DD/YYYY"`, `"DD.MM.YYYY"`: day-first or month-first forms, which `"auto"` never guesses.
 * - `"epoch-ms"`: milliseconds since 1970-01-01T00:00:00Z, as a number or a string of digits.
 *
 * @example
 * ```ts
 * const format: DateFormat = "DD/MM/YYYY"; // 05/03/2024 is 5 March 2024
 * ```
 */
export type DateFormat =
  | "auto"
  | "YYYY-MM-DD"
  | "YYYYMMDD"
  | "YYYY/MM/DD"
  | "DD/MM/YYYY"
  | "MM/DD/YYYY"
  | "DD.MM.YYYY"
  | "epoch-ms";

/**
 * Every {@link DateFormat}, for validating options and command-line flags.
 *
 * @example
 * ```ts
 * DATE_FORMATS.includes("YYYYMMDD"); // => true
 * ```
 */
export const DATE_FORMATS: readonly DateFormat[] = [
  "auto",
  "YYYY-MM-DD",
  "YYYYMMDD",
  "YYYY/MM/DD",
  "DD/MM/YYYY",
  "MM/DD/YYYY",
  "DD.MM.YYYY",
  "epoch-ms",
];
