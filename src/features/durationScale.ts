import { civilFromDays } from "../model/calendar.js";
import type { Period } from "../model/period.js";
import { daysPerUnit, type TimeUnit } from "../model/timeUnit.js";

/**
 * How BTYD durations are measured for a period and a time unit: `key` maps the first day of a period to a
 * number on a line, and a duration is the difference of two keys ÷ `divisor`. Internal to features.
 */
export interface DurationScale {
  /** Whether keys are calendar-month indexes (both period and unit month-based) rather than day numbers. */
  readonly monthly: boolean;
  /** What a key difference is divided by to give the unit. */
  readonly divisor: number;
}

/** The scale of a period and a unit; see {@link FeatureOptions} for the rule. */
export function durationScale(period: Period, unit: TimeUnit): DurationScale {
  const monthly =
    (period === "month" || period === "quarter" || period === "year") && unit !== "day" && unit !== "week";
  if (monthly) return { monthly, divisor: unit === "year" ? 12 : 1 };
  return { monthly, divisor: daysPerUnit(unit) };
}

/** The key of a period's first day on a scale: the day number, or the calendar-month index. */
export function durationKey(scale: DurationScale, periodFirstDay: number): number {
  if (!scale.monthly) return periodFirstDay;
  const { year, month } = civilFromDays(periodFirstDay);
  return year * 12 + month - 1;
}
