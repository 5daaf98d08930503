import type { Issue } from "../model/issue.js";

/**
 * Options of every model's `fit`.
 *
 * @example
 * ```ts
 * const options: FitOptions = { penalty: 0.001 }; // a light L2 penalty on the log-parameters
 * ```
 */
export interface FitOptions {
  /**
   * L2 penalty λ on the log-parameters: the fit maximises LL − λ Σ ln(θᵢ)² (default 0, plain maximum
   * likelihood). The reported `logLikelihood` is the unpenalised one.
   */
  penalty?: number | undefined;
  /** The optimiser's iteration limit (default 500). */
  maxIterations?: number | undefined;
}

/**
 * A fitted model: the maximum-likelihood parameters with their uncertainty and how the fit went. Standard errors
 * come from the inverse Hessian of the log-likelihood in log-parameter space (delta method: SE(θ) = θ · SE(ln θ));
 * the 95% intervals are exp(ln θ ± 1.96 SE(ln θ)), so they stay positive.
 *
 * @example
 * ```ts
 * const fit: ModelFit<"p" | "q" | "gamma"> = gammaGamma.fit(data);
 * fit.params.q; // => 3.74 (CDNOW, Fader & Hardie 2013)
 * ```
 */
export interface ModelFit<K extends string> {
  /** The model's name: `bgnbd`, `mbgnbd`, `paretonbd`, `bgbb`, `gammagamma` or `sbg`. */
  model: string;
  /** The estimates, named as in the papers. */
  params: Record<K, number>;
  /** The log-likelihood at the estimates, summed over customers (comparable with the papers). */
  logLikelihood: number;
  /** Standard error of each estimate; `Infinity` when the data do not identify it. */
  standardErrors: Record<K, number>;
  /** The 95% interval of each estimate, `[low, high]`. */
  intervals: Record<K, [number, number]>;
  /** Whether the optimiser reached a stationary point and every parameter is identified. */
  converged: boolean;
  /** Optimiser iterations. */
  iterations: number;
  /** Customers (the sum of the weights). */
  n: number;
  /** Why the fit should not be trusted, as issues (`model.*` codes); empty when all is well. */
  diagnosis: Issue[];
}
