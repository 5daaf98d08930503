import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { daysPerUnit, type TimeUnit } from "../model/timeUnit.js";

/** Options of {@link historicalValue}. */
export interface HistoricalValueOptions {
  /** The day the value is stated at, `YYYY-MM-DD`; margins dated after it are not used. */
  asOf: string;
  /** The rate to compound past margins with (e.g. the cost of capital); default 0 (no compounding). */
  rate?: number | undefined;
  /** The unit of `rate`; default `"year"`. */
  per?: TimeUnit | undefined;
}

/** The result of {@link historicalValue}. */
export interface HistoricalValue {
  /** The sum of the past margins, minor units (exact). */
  marginMinor: number;
  /** The margins compounded to `asOf`: Σ margin × (1 + rate)^(days before asOf ÷ days per unit), in minor units, rounded. */
  valueMinor: number;
  /** The rate and its unit. */
  rate: number;
  /** The unit of the rate. */
  per: TimeUnit;
}

/**
 * A customer's historical value: its past margins, optionally compounded to today at a rate per explicit time
 * unit (a margin earned two years ago at 10 % a year is worth 1.21 times as much today).
 *
 * @param margins - The customer's dated margins (e.g. per transaction or per month), minor units.
 * @param options - The day to state the value at, the rate and its unit.
 * @returns The plain sum and the compounded value.
 * @throws {KeyAccountError} when `asOf` is not a day or the rate is not finite and > −1 (`option.invalid`).
 *
 * @example
 * ```ts
 * historicalValue([{ date: "2022-01-01", marginMinor: 10000 }, { date: "2024-01-01", marginMinor: 5000 }],
 *   { asOf: "2024-01-01", rate: 0.1, per: "year" }).valueMinor; // => 17098 (730 days = 1.9987 years)
 * ```
 */
export function historicalValue(
  margins: Iterable<{ date: string; marginMinor: number }>,
  options: HistoricalValueOptions,
): HistoricalValue {
  const asOf = parseDay(options.asOf);
  const rate = options.rate ?? 0;
  const per = options.per ?? "year";
  const issues: Issue[] = [];
  if (asOf === undefined)
    issues.push(
      makeIssue("option.invalid", ["asOf"], { field: "asOf", reason: `not a day: ${options.asOf}` }),
    );
  if (!Number.isFinite(rate) || rate <= -1)
    issues.push(
      makeIssue("option.invalid", ["rate"], { field: "rate", reason: "expected a finite number > −1" }),
    );
  if (issues.length > 0) throw new KeyAccountError(issues);
  const growth = Math.log1p(rate) / daysPerUnit(per);
  let marginMinor = 0;
  let value = 0;
  for (const { date, marginMinor: margin } of margins) {
    const day = parseDay(date);
    if (day === undefined || day > (asOf as number)) continue;
    marginMinor += margin;
    value += margin * Math.exp(growth * ((asOf as number) - day));
  }
  return { marginMinor, valueMinor: Math.round(value), rate, per };
}
