import { isCurrencyCode } from "../model/isCurrencyCode.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { PERIODS, type Period } from "../model/period.js";
import { TIME_UNITS, type TimeUnit } from "../model/timeUnit.js";
import { type DurationScale, durationScale } from "./durationScale.js";
import type { FeatureOptions } from "./FeatureOptions.js";

/** {@link FeatureOptions} checked, with defaults filled in and days parsed. Internal to features. */
export interface ResolvedFeatureOptions {
  readonly asOf: number;
  readonly calibrationEnd: number | undefined;
  readonly period: Period;
  readonly timeUnit: TimeUnit;
  readonly recentDays: number;
  readonly currency: string | undefined;
  readonly scale: DurationScale;
}

const KNOWN = new Set(["asOf", "calibrationEnd", "period", "timeUnit", "recentDays", "currency"]);

function isoDay(value: unknown): number | undefined {
  return typeof value === "string" ? parseDay(value, "YYYY-MM-DD") : undefined;
}

/**
 * Checks feature options and fills in the defaults.
 *
 * @throws {KeyAccountError} listing every problem: `asOf` missing or not a date, `calibrationEnd` not a date or
 * after `asOf`, an unknown `period` or `timeUnit`, `recentDays` not a positive whole number, a `currency` that
 * is not a three-letter code, an unknown option.
 */
export function resolveFeatureOptions(options: FeatureOptions): ResolvedFeatureOptions {
  const issues: Issue[] = [];
  const problem = (field: string, reason: string): void => {
    issues.push(makeIssue("option.invalid", [field], { field, reason }));
  };
  if (typeof options !== "object" || options === null) {
    problem("options", "expected an object with at least asOf");
    throw new KeyAccountError(issues);
  }
  for (const key of Object.keys(options)) if (!KNOWN.has(key)) problem(key, "unknown option");
  const asOf = isoDay(options.asOf);
  if (options.asOf === undefined) problem("asOf", "required (the summary day, YYYY-MM-DD)");
  else if (asOf === undefined) problem("asOf", `${String(options.asOf)} is not a date written YYYY-MM-DD`);
  let calibrationEnd: number | undefined;
  if (options.calibrationEnd !== undefined) {
    calibrationEnd = isoDay(options.calibrationEnd);
    if (calibrationEnd === undefined)
      problem("calibrationEnd", `${String(options.calibrationEnd)} is not a date written YYYY-MM-DD`);
    else if (asOf !== undefined && calibrationEnd > asOf)
      problem("calibrationEnd", `${options.calibrationEnd} is after asOf ${String(options.asOf)}`);
  }
  const period = options.period ?? "day";
  if (!PERIODS.includes(period)) problem("period", `${String(period)} is not one of ${PERIODS.join(", ")}`);
  const timeUnit = options.timeUnit ?? "day";
  if (!TIME_UNITS.includes(timeUnit))
    problem("timeUnit", `${String(timeUnit)} is not one of ${TIME_UNITS.join(", ")}`);
  const recentDays = options.recentDays ?? 90;
  if (typeof recentDays !== "number" || !Number.isSafeInteger(recentDays) || recentDays <= 0)
    problem("recentDays", `${String(recentDays)} is not a positive whole number of days`);
  const currency = options.currency;
  if (currency !== undefined && (typeof currency !== "string" || !isCurrencyCode(currency)))
    problem("currency", `${String(currency)} is not a three-letter ISO 4217 code`);
  if (issues.length > 0 || asOf === undefined) throw new KeyAccountError(issues);
  return {
    asOf,
    calibrationEnd,
    period,
    timeUnit,
    recentDays,
    currency,
    scale: durationScale(period, timeUnit),
  };
}
