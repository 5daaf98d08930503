/**
 * The unit a duration or a rate is measured in. A week is 7 days; a month is the mean Gregorian month,
 * 365.2425 / 12 = 30.436875 days; a year is 365.2425 days. Nothing in keyaccount assumes "30 days a month":
 * every duration says its unit.
 *
 * @example
 * ```ts
 * const unit: TimeUnit = "week"; // the unit of the CDNOW papers
 * ```
 */
export type TimeUnit = "day" | "week" | "month" | "year";

/**
 * Every {@link TimeUnit}, for validating options and command-line flags.
 *
 * @example
 * ```ts
 * TIME_UNITS.includes("week"); // => true
 * ```
 */
export const TIME_UNITS: readonly TimeUnit[] = ["day", "week", "month", "year"];

/**
 * The length of a time unit in days.
 *
 * @param unit - The unit.
 * @returns Days per unit: 1, 7, 30.436875 or 365.2425.
 *
 * @example
 * ```ts
 * daysPerUnit("week"); // => 7
 * daysPerUnit("month"); // => 30.436875
 * ```
 */
export function daysPerUnit(unit: TimeUnit): number {
  switch (unit) {
    case "day":
      return 1;
    case "week":
      return 7;
    case "month":
      return 365.2425 / 12;
    case "year":
      return 365.2425;
  }
}
