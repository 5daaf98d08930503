import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { daysPerUnit, TIME_UNITS, type TimeUnit } from "../model/timeUnit.js";
import type { BtydSummary } from "./BtydSummary.js";
import type { GammaGammaParameter } from "./gammaGamma.js";
import { gammaGamma } from "./gammaGamma.js";
import type { PurchaseModel } from "./PurchaseModel.js";

/** One customer's input to {@link customerLifetimeValue}: the BTYD summary, mean spend, optional overrides. */
export interface ClvCustomer extends BtydSummary {
  /** The customer's id, copied to the result. */
  id: string;
  /** z̄: the mean repeat spend (any currency unit); required with a spend model when frequency > 0. */
  monetaryValue?: number | undefined;
  /** This customer's margin (share of spend that is profit), instead of the option's. */
  margin?: number | undefined;
  /** This customer's discount rate per `discountUnit`, instead of the option's. */
  discountRate?: number | undefined;
}

/** Options of {@link customerLifetimeValue}. Every duration carries its unit: nothing assumes 30-day months. */
export interface ClvOptions<K extends string> {
  /** The fitted purchase model. */
  model: PurchaseModel<K>;
  /** Its parameters (fitted on summaries in `timeUnit`). */
  params: Readonly<Record<K, number>>;
  /** The unit of the summaries the purchase model was fitted on (CDNOW: week). */
  timeUnit: TimeUnit;
  /** Gamma-Gamma parameters for the expected spend per purchase; without them, `spendPerPurchase` is used. */
  spendParams?: Readonly<Record<GammaGammaParameter, number>> | undefined;
  /** A fixed expected spend per purchase for every customer, when there is no spend model (default 1). */
  spendPerPurchase?: number | undefined;
  /** Share of spend that is profit (default 1: CLV in revenue). */
  margin?: number | undefined;
  /** The horizon, in `horizonUnit`. */
  horizon: number;
  /** The unit of `horizon`. */
  horizonUnit: TimeUnit;
  /** The discount rate per `discountUnit` (e.g. 0.01 per month); 0 for none. */
  discountRate: number;
  /** The discounting period: purchases are grouped per period and discounted at its end. */
  discountUnit: TimeUnit;
}

/** {@link customerLifetimeValue}'s result for one customer: the CLV and its parts. */
export interface ClvResult {
  /** The customer's id. */
  id: string;
  /** The discounted value: Σ margin × spend × expected purchases in period k / (1 + d)^k. */
  clv: number;
  /** Expected purchases over the horizon (undiscounted). */
  expectedPurchases: number;
  /** Expected spend per purchase. */
  expectedSpend: number;
  /** P(alive) at the end of the data. */
  pAlive: number;
}

function validate<K extends string>(options: ClvOptions<K>): Issue[] {
  const issues: Issue[] = [];
  const bad = (field: string, reason: string): void => {
    issues.push(makeIssue("option.invalid", [field], { field, reason }));
  };
  for (const field of ["timeUnit", "horizonUnit", "discountUnit"] as const) {
    if (!TIME_UNITS.includes(options[field])) bad(field, `must be one of ${TIME_UNITS.join(", ")}`);
  }
  if (!(Number.isFinite(options.horizon) && options.horizon >= 0)) bad("horizon", "must be a number ≥ 0");
  if (!(Number.isFinite(options.discountRate) && options.discountRate > -1))
    bad("discountRate", "must be a number > −1");
  if (options.margin !== undefined && !Number.isFinite(options.margin))
    bad("margin", "must be a finite number");
  if (options.spendPerPurchase !== undefined && !Number.isFinite(options.spendPerPurchase))
    bad("spendPerPurchase", "must be a finite number");
  if (options.spendParams !== undefined) {
    const mean = gammaGamma.populationMeanSpend(options.spendParams);
    if (mean.issue !== undefined) issues.push(mean.issue);
  }
  return issues;
}

/**
 * Discounted customer lifetime value per customer: CLV = Σₖ margin × E[spend per purchase] × E[purchases in
 * period k] / (1 + d)ᵏ, over the periods of length `discountUnit` that cover the horizon (a partial last period
 * is discounted as a whole one). Expected purchases come from the purchase model conditional on each customer's
 * (x, t_x, T); expected spend from the Gamma-Gamma model conditional on (x, z̄), or a fixed spend. Each duration
 * is converted through {@link daysPerUnit}, so a horizon of 12 months on a model fitted in weeks uses
 * 12 × 30.436875 / 7 weeks — never "30 days".
 *
 * @param customers - The customers, with their summaries in `options.timeUnit`.
 * @param options - Models, units, horizon, discounting, margin.
 * @returns One result per customer, in input order.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`), and refusing a spend model with
 * q ≤ 1 (`model.spend-mean-undefined`: the population mean spend, needed for customers without repeat
 * purchases, would be negative or infinite).
 *
 * @example
 * ```ts
 * customerLifetimeValue([{ id: "1", frequency: 2, recency: 30.43, T: 38.86, monetaryValue: 22.35 }], {
 *   model: bgNbd, params: bgNbdFit.params, timeUnit: "week", spendParams: spendFit.params,
 *   horizon: 12, horizonUnit: "month", discountRate: 0.01, discountUnit: "month",
 * });
 * // => [{ id: "1", clv: 36.30…, expectedPurchases: 1.563…, expectedSpend: 24.66…, pAlive: 0.727… }]
 * ```
 */
export function customerLifetimeValue<K extends string>(
  customers: readonly ClvCustomer[],
  options: ClvOptions<K>,
): ClvResult[] {
  const issues = validate(options);
  if (issues.length > 0) throw new KeyAccountError(issues);
  const { model, params } = options;
  const modelDays = daysPerUnit(options.timeUnit);
  const periodLength = daysPerUnit(options.discountUnit) / modelDays;
  const horizon = (options.horizon * daysPerUnit(options.horizonUnit)) / modelDays;
  const periods = Math.ceil(horizon / periodLength - 1e-9);
  const ends: number[] = [];
  for (let k = 1; k <= periods; k++) ends.push(Math.min(k * periodLength, horizon));
  // The expected purchases of an alive customer depend on x and T only: their cumulative values at the period
  // ends, and their discounted sum at the options' rate, are computed once per distinct (x, T) (a map per x) and
  // multiplied by each customer's P(alive).
  const byFrequency = new Map<number, Map<number, { cumulative: number[]; discounted: number }>>();
  const discountedSum = (cumulative: readonly number[], rate: number): number => {
    let previous = 0;
    let discounted = 0;
    let factor = 1;
    for (const value of cumulative) {
      factor /= 1 + rate;
      discounted += (value - previous) * factor;
      previous = value;
    }
    return discounted;
  };
  return customers.map((customer) => {
    const margin = customer.margin ?? options.margin ?? 1;
    let spend = options.spendPerPurchase ?? 1;
    if (options.spendParams !== undefined) {
      spend =
        gammaGamma.conditionalExpectedSpend(options.spendParams, {
          frequency: customer.frequency,
          monetaryValue: customer.monetaryValue ?? 0,
        }) ?? 0;
    }
    let byT = byFrequency.get(customer.frequency);
    if (byT === undefined) {
      byT = new Map();
      byFrequency.set(customer.frequency, byT);
    }
    let alive = byT.get(customer.T);
    if (alive === undefined) {
      const cumulative = ends.map((end) => model.expectedPurchasesWhileAlive(params, end, customer));
      alive = { cumulative, discounted: discountedSum(cumulative, options.discountRate) };
      byT.set(customer.T, alive);
    }
    const pAlive = model.pAlive(params, customer);
    const discounted =
      customer.discountRate === undefined
        ? alive.discounted
        : discountedSum(alive.cumulative, customer.discountRate);
    return {
      id: customer.id,
      clv: margin * spend * pAlive * discounted,
      expectedPurchases: pAlive * (alive.cumulative[alive.cumulative.length - 1] ?? 0),
      expectedSpend: spend,
      pAlive,
    };
  });
}
