import { hessian } from "../math/hessian.js";
import { minimize } from "../math/minimize.js";
import { minimizeNewton, type SecondOrderExpansion } from "../math/minimizeNewton.js";
import { solveLinear } from "../math/solveLinear.js";
import type { Issue } from "../model/issue.js";
import { makeIssue } from "../model/makeIssue.js";
import type { FitOptions, ModelFit } from "./ModelFit.js";

// Log-parameters beyond ±30 mean an estimate of 1e13 or 1e-13: the data push the parameter to a boundary.
const LOG_BOUND = 30;

// λΣuᵢ²: the L2 penalty on the log-parameters.
function penaltyOf(u: readonly number[], penalty: number): number {
  let sum = 0;
  for (const ui of u) sum += ui * ui;
  return penalty * sum;
}

// The gradient of −LL(θ) + λΣu² in u = ln θ from that of LL in θ: with θ = eᵘ, d/duᵢ = −θᵢ · dLL/dθᵢ + 2λuᵢ.
function gradientInLogParameters(
  gradient: readonly number[],
  u: readonly number[],
  penalty: number,
): number[] {
  return gradient.map((g, i) => -Math.exp(u[i] as number) * g + 2 * penalty * (u[i] as number));
}

// The expansion of −LL(θ) + λΣu² in u = ln θ from that of LL in θ: the gradient as above and
// d²/duᵢduⱼ = −θᵢθⱼ · d²LL/dθᵢdθⱼ − [i = j] θᵢ · dLL/dθᵢ + [i = j] 2λ.
function inLogParameters(
  { value, gradient, hessian }: SecondOrderExpansion,
  u: readonly number[],
  penalty: number,
): SecondOrderExpansion {
  const theta = u.map(Math.exp);
  return {
    value: -value + penaltyOf(u, penalty),
    gradient: gradientInLogParameters(gradient, u, penalty),
    hessian: hessian.map((row, i) =>
      row.map(
        (h, j) =>
          -(theta[i] as number) * (theta[j] as number) * h +
          (i === j ? -(theta[i] as number) * (gradient[i] as number) + 2 * penalty : 0),
      ),
    ),
  };
}

/**
 * What a model knows of its log-likelihood's derivatives in θ, for {@link fitMaximumLikelihood}: its gradient
 * (then BFGS uses it, and Newton polishing differentiates it), or its gradient and Hessian with its value in one
 * pass (then damped Newton steps throughout).
 *
 * @example
 * ```ts
 * const derivatives: LikelihoodDerivatives = { gradient: ([r = 1, alpha = 1, s = 1, beta = 1]) => [0, 0, 0, 0] };
 * ```
 */
export interface LikelihoodDerivatives {
  /** dLL/dθ at θ. */
  gradient?: ((params: readonly number[]) => number[]) | undefined;
  /** LL, dLL/dθ and d²LL/dθ² at θ, in one pass. */
  expansion?: ((params: readonly number[]) => SecondOrderExpansion) | undefined;
}

/**
 * Maximises a log-likelihood over positive parameters in log-parameter space (deterministic: damped Newton when
 * the model gives the log-likelihood's gradient and Hessian, else BFGS then Newton polishing), and adds standard
 * errors, 95% intervals and a diagnosis. Internal to clv: each model's `fit` calls it.
 *
 * @example
 * ```ts
 * fitMaximumLikelihood("gammagamma", ["p", "q", "gamma"], (θ) => logLikelihood(θ, rows), [1, 1, 1], rows.length);
 * // => { model: "gammagamma", params: { p: 6.25…, q: 3.74…, gamma: 15.44… }, converged: true, … }
 * ```
 */
export function fitMaximumLikelihood<K extends string>(
  model: string,
  names: readonly K[],
  logLikelihood: (params: readonly number[]) => number,
  start: readonly number[],
  customers: number,
  options: FitOptions = {},
  diagnosis: Issue[] = [],
  derivatives: LikelihoodDerivatives = {},
): ModelFit<K> {
  const penalty = options.penalty ?? 0;
  const objective = (u: readonly number[]): number => -logLikelihood(u.map(Math.exp)) + penaltyOf(u, penalty);
  const { gradient, expansion } = derivatives;
  const limits = { maxIterations: options.maxIterations };
  const result =
    expansion === undefined
      ? minimize(objective, start.map(Math.log), {
          ...limits,
          gradient:
            gradient === undefined
              ? undefined
              : (u) => gradientInLogParameters(gradient(u.map(Math.exp)), u, penalty),
        })
      : minimizeNewton(
          (u) => inLogParameters(expansion(u.map(Math.exp)), u, penalty),
          start.map(Math.log),
          limits,
        );
  const theta = result.x.map(Math.exp);
  const h = result.hessian ?? hessian(objective, result.x);
  const inverse = solveLinear(
    h,
    h.map((_, i) => h.map((_, j) => (i === j ? 1 : 0))),
  );
  const params = {} as Record<K, number>;
  const standardErrors = {} as Record<K, number>;
  const intervals = {} as Record<K, [number, number]>;
  let identified = true;
  names.forEach((name, i) => {
    const value = theta[i] as number;
    const variance = inverse === undefined ? Number.NaN : ((inverse[i] as number[])[i] as number);
    const logSe = variance > 0 && Number.isFinite(variance) ? Math.sqrt(variance) : Number.POSITIVE_INFINITY;
    const u = result.x[i] as number;
    params[name] = value;
    if (Math.abs(u) > LOG_BOUND || !Number.isFinite(logSe) || logSe > 10) {
      identified = false;
      standardErrors[name] = Number.POSITIVE_INFINITY;
      intervals[name] = [0, Number.POSITIVE_INFINITY];
      diagnosis.push(makeIssue("model.not-identified", [name], { model, parameter: name, value }));
    } else {
      standardErrors[name] = value * logSe;
      intervals[name] = [Math.exp(u - 1.959963984540054 * logSe), Math.exp(u + 1.959963984540054 * logSe)];
    }
  });
  if (!result.converged) {
    const largest = Math.max(...result.gradient.map(Math.abs));
    diagnosis.push(
      makeIssue("model.not-converged", [], {
        model,
        iterations: result.iterations,
        gradient: Number(largest.toPrecision(3)),
      }),
    );
  }
  return {
    model,
    params,
    // The optimiser's own value at the optimum, without the penalty: no extra pass over the data.
    logLikelihood: penaltyOf(result.x, penalty) - result.value,
    standardErrors,
    intervals,
    converged: result.converged && identified && diagnosis.length === 0,
    iterations: result.iterations,
    n: customers,
    diagnosis,
  };
}
