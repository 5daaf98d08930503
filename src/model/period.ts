import { civilFromDays, daysFromCivil } from "./calendar.js";

/**
 * A calendar period that groups purchases: all purchases of a customer in one period count as one purchase
 * occasion (the BTYD literature groups by calendar day). Weeks are ISO weeks, Monday to Sunday; months,
 * quarters and years are calendar ones.
 *
 * @example
 * ```ts
 * const grouping: Period = "day";
 * ```
 */
export type Period = "day" | "week" | "month" | "quarter" | "year";

/**
 * Every {@link Period}, for validating options and command-line flags.
 *
 * @example
 * ```ts
 * PERIODS.includes("month"); // => true
 * ```
 */
export const PERIODS: readonly Period[] = ["day", "week", "month", "quarter", "year"];

/**
 * The first day of the calendar period that contains a day.
 *
 * @param dayNumber - Days since 1970-01-01.
 * @param period - The kind of period.
 * @returns The day number of the period's first day (a Monday for weeks; the 1st for months, quarters, years).
 *
 * @example
 * ```ts
 * periodStart(9862, "week"); // 1997-01-01 was a Wednesday => 9860 (Monday 1996-12-30)
 * periodStart(9900, "month"); // 1997-02-08 => 9893 (1997-02-01)
 * ```
 */
export function periodStart(dayNumber: number, period: Period): number {
  if (period === "day") return dayNumber;
  // 1970-01-01 was a Thursday: Monday-based weekday = (day + 3) mod 7.
  if (period === "week") return dayNumber - ((((dayNumber + 3) % 7) + 7) % 7);
  const { year, month } = civilFromDays(dayNumber);
  if (period === "year") return daysFromCivil(year, 1, 1);
  if (period === "quarter") return daysFromCivil(year, month - ((month - 1) % 3), 1);
  return daysFromCivil(year, month, 1);
}
