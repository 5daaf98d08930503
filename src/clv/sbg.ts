import { createRandom } from "../math/createRandom.js";
import { logBeta } from "../math/logBeta.js";
import { logHyp2f1 } from "../math/logHyp2f1.js";
import { randomBeta } from "../math/randomBeta.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import type { FitOptions, ModelFit } from "./ModelFit.js";

/** The sBG parameter names: the churn probability θ ~ beta(α, β). */
export type SbgParameter = "alpha" | "beta";

/** The shifted-beta-geometric model of contract renewals; see {@link sbg}. */
export interface ContractModel {
  /** `"sbg"`. */
  readonly name: string;
  /** `["alpha", "beta"]`. */
  readonly parameterNames: readonly SbgParameter[];
  /**
   * The log-likelihood of a cohort's survivor counts: `survivors[0]` customers at the start, `survivors[t]` still
   * under contract after t renewal periods; the last count is right-censored.
   */
  logLikelihood(params: Readonly<Record<SbgParameter, number>>, survivors: readonly number[]): number;
  /** Maximum-likelihood fit on survivor counts; throws when the counts are not a non-increasing series. */
  fit(survivors: readonly number[], options?: FitOptions): ModelFit<SbgParameter>;
  /** S(t) = B(α, β + t) / B(α, β): the share of a new cohort still a customer after t periods. */
  survival(params: Readonly<Record<SbgParameter, number>>, t: number): number;
  /** r(t) = (β + t − 1) / (α + β + t − 1): the share of those alive in period t − 1 who renew in period t. */
  retention(params: Readonly<Record<SbgParameter, number>>, t: number): number;
  /**
   * The discounted expected residual lifetime (in the spirit of Fader & Hardie's DERL) of a customer who has
   * made n = `renewals` renewals: Σₖ≥₁ S(n + k)/S(n) / (1 + d)^(k − 1), the expected number of further renewals,
   * the next one undiscounted, = (β + n)/(α + β + n) · ₂F₁(1, β + n + 1; α + β + n + 1; 1/(1 + d)).
   * With d = 0 it is the undiscounted expected number, finite only when α > 1 (otherwise `Infinity`).
   */
  expectedResidualLifetime(
    params: Readonly<Record<SbgParameter, number>>,
    renewals: number,
    discountRate: number,
  ): number;
  /** Draws a cohort's survivor counts for `periods` periods (seeded). */
  simulate(
    params: Readonly<Record<SbgParameter, number>>,
    customers: number,
    periods: number,
    seed: number,
  ): number[];
}

function check(survivors: readonly number[]): void {
  const issues: Issue[] = [];
  if (survivors.length < 2) {
    issues.push(
      makeIssue("option.invalid", ["survivors"], { field: "survivors", reason: "needs ≥ 2 counts" }),
    );
  }
  survivors.forEach((count, t) => {
    const previous = t === 0 ? Number.POSITIVE_INFINITY : (survivors[t - 1] as number);
    if (!(Number.isFinite(count) && count >= 0 && count <= previous)) {
      issues.push(
        makeIssue(
          "field.invalid",
          ["survivors", t],
          { field: "survivors", value: count, reason: "counts must be ≥ 0 and never increase" },
          t + 1,
        ),
      );
    }
  });
  if (issues.length > 0) throw new KeyAccountError(issues);
}

function logLikelihood(params: Readonly<Record<SbgParameter, number>>, survivors: readonly number[]): number {
  const { alpha, beta } = params;
  const base = logBeta(alpha, beta);
  let total = 0;
  for (let t = 1; t < survivors.length; t++) {
    const lost = (survivors[t - 1] as number) - (survivors[t] as number);
    // P(T = t) = B(α + 1, β + t − 1) / B(α, β).
    if (lost > 0) total += lost * (logBeta(alpha + 1, beta + t - 1) - base);
  }
  const last = survivors.length - 1;
  const remaining = survivors[last] as number;
  if (remaining > 0) total += remaining * (logBeta(alpha, beta + last) - base);
  return total;
}

/**
 * The shifted-beta-geometric (sBG) model for contractual customers (Fader & Hardie 2007, "How to Project Customer
 * Retention"): each customer renews every period with her own probability 1 − θ, θ ~ beta(α, β), so the cohort's
 * retention rate rises over time as the likely churners leave. Fitted on a cohort's survivor counts; the unit is
 * the renewal period (month, year …) of the data.
 *
 * @example
 * ```ts
 * const fit = sbg.fit([1000, 631, 468, 382, 326, 289, 262, 241]); // the "regular" cohort, years 0–7
 * sbg.retention(fit.params, 1); // => β / (α + β), the first-year renewal rate
 * ```
 */
export const sbg: ContractModel = {
  name: "sbg",
  parameterNames: ["alpha", "beta"],
  logLikelihood,
  fit(survivors, options?: FitOptions) {
    check(survivors);
    const lost = (survivors[0] as number) - (survivors[survivors.length - 1] as number);
    const diagnosis =
      lost > 0
        ? []
        : [
            makeIssue("model.not-identified", ["alpha"], {
              model: "sbg",
              parameter: "alpha",
              value: "no customer churned",
            }),
          ];
    return fitMaximumLikelihood(
      "sbg",
      this.parameterNames,
      ([alpha = 1, beta = 1]) => logLikelihood({ alpha, beta }, survivors),
      [1, 1],
      survivors[0] as number,
      options,
      diagnosis,
    );
  },
  survival(params, t) {
    if (t <= 0) return 1;
    return Math.exp(logBeta(params.alpha, params.beta + t) - logBeta(params.alpha, params.beta));
  },
  retention(params, t) {
    return (params.beta + t - 1) / (params.alpha + params.beta + t - 1);
  },
  expectedResidualLifetime(params, renewals, discountRate) {
    const { alpha, beta } = params;
    const n = renewals;
    const lead = (beta + n) / (alpha + beta + n);
    if (discountRate <= 0) return alpha > 1 ? (beta + n) / (alpha - 1) : Number.POSITIVE_INFINITY;
    const f = logHyp2f1(1, beta + n + 1, alpha + beta + n + 1, 1 / (1 + discountRate));
    return lead * Math.exp(f.log);
  },
  simulate(params, customers, periods, seed) {
    const random = createRandom(seed);
    const counts = new Array<number>(periods + 1).fill(0);
    for (let i = 0; i < customers; i++) {
      const churn = randomBeta(random, params.alpha, params.beta);
      counts[0] = (counts[0] as number) + 1;
      for (let t = 1; t <= periods; t++) {
        if (random() < churn) break;
        counts[t] = (counts[t] as number) + 1;
      }
    }
    return counts;
  },
};
