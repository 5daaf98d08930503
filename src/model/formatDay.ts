import { civilFromDays } from "./calendar.js";

/**
 * Writes a day number (days since 1970-01-01) as an ISO 8601 calendar date.
 *
 * @param dayNumber - Whole days since 1970-01-01.
 * @returns `YYYY-MM-DD`.
 *
 * @example
 * ```ts
 * formatDay(9862); // => "1997-01-01"
 * ```
 */
export function formatDay(dayNumber: number): string {
  const { year, month, day } = civilFromDays(dayNumber);
  return `${String(year).padStart(4, "0")}-${month < 10 ? "0" : ""}${month}-${day < 10 ? "0" : ""}${day}`;
}
