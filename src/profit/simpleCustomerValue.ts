import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import type { TimeUnit } from "../model/timeUnit.js";

/** The inputs of {@link simpleCustomerValue}, all per the same time unit. */
export interface SimpleValueInput {
  /** The margin the customer brings per period, minor units. */
  marginPerPeriodMinor: number;
  /** The probability the customer stays from one period to the next, 0 ≤ r < 1. */
  retention: number;
  /** The discount rate per period, d ≥ 0. */
  discountRate: number;
  /** The period, e.g. `"year"`: retention and discount rate are per this unit. */
  unit: TimeUnit;
}

/** The result of {@link simpleCustomerValue}. */
export interface SimpleValue {
  /** margin × r ÷ (1 + d − r), fractional minor units. */
  valueMinor: number;
  /** The period the inputs were per. */
  unit: TimeUnit;
  /** The expected lifetime in periods, 1 ÷ (1 − r). */
  expectedLifetime: number;
}

/**
 * A simple predictive customer value for users without a BTYD model (Gupta & Lehmann's margin multiple): the
 * value of the future margins of a customer retained with probability r per period and discounted at d per
 * period, margins at the end of each period — margin × r ÷ (1 + d − r). Retention and discount rate must be per
 * the same `unit`.
 *
 * @param input - Margin, retention, discount rate and their unit.
 * @returns The value and the expected lifetime, with the unit.
 * @throws {KeyAccountError} when retention is outside [0, 1), the discount rate is negative or a number is not
 * finite (`option.invalid`).
 *
 * @example
 * ```ts
 * simpleCustomerValue({ marginPerPeriodMinor: 100000, retention: 0.8, discountRate: 0.1, unit: "year" });
 * // => { valueMinor: 266666.6666666666, unit: "year", expectedLifetime: 5.000000000000001 }
 * ```
 */
export function simpleCustomerValue(input: SimpleValueInput): SimpleValue {
  const { marginPerPeriodMinor: margin, retention: r, discountRate: d, unit } = input;
  const issues: Issue[] = [];
  if (!Number.isFinite(margin))
    issues.push(
      makeIssue("option.invalid", ["marginPerPeriodMinor"], {
        field: "marginPerPeriodMinor",
        reason: "expected a finite number",
      }),
    );
  if (!(r >= 0 && r < 1))
    issues.push(
      makeIssue("option.invalid", ["retention"], {
        field: "retention",
        reason: `expected 0 ≤ r < 1, got ${r}`,
      }),
    );
  if (!(d >= 0 && Number.isFinite(d)))
    issues.push(
      makeIssue("option.invalid", ["discountRate"], {
        field: "discountRate",
        reason: `expected a finite d ≥ 0, got ${d}`,
      }),
    );
  if (issues.length > 0) throw new KeyAccountError(issues);
  return { valueMinor: (margin * r) / (1 + d - r), unit, expectedLifetime: 1 / (1 - r) };
}
