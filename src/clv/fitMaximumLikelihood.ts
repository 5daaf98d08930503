import { hessian } from "../math/hessian.js";
import { minimize } from "../math/minimize.js";
import { solveLinear } from "../math/solveLinear.js";
import type { Issue } from "../model/issue.js";
import { makeIssue } from "../model/makeIssue.js";
import type { FitOptions, ModelFit } from "./ModelFit.js";

// Log-parameters beyond ±30 mean an estimate of 1e13 or 1e-13: the data push the parameter to a boundary.
const LOG_BOUND = 30;

/**
 * Maximises a log-likelihood over positive parameters in log-parameter space (deterministic: BFGS, then Newton
 * polishing), and adds standard errors, 95% intervals and a diagnosis. Internal to clv: each model's `fit`
 * calls it.
 */
export function fitMaximumLikelihood<K extends string>(
  model: string,
  names: readonly K[],
  logLikelihood: (params: readonly number[]) => number,
  start: readonly number[],
  customers: number,
  options: FitOptions = {},
  diagnosis: Issue[] = [],
  logLikelihoodGradient?: (params: readonly number[]) => number[],
): ModelFit<K> {
  const penalty = options.penalty ?? 0;
  const objective = (u: readonly number[]): number => {
    let penaltyTerm = 0;
    for (const ui of u) penaltyTerm += ui * ui;
    return -logLikelihood(u.map(Math.exp)) + penalty * penaltyTerm;
  };
  // d(−LL + λΣu²)/du = −θ · dLL/dθ + 2λu, when the model gives dLL/dθ.
  const objectiveGradient =
    logLikelihoodGradient === undefined
      ? undefined
      : (u: readonly number[]): number[] => {
          const theta = u.map(Math.exp);
          return logLikelihoodGradient(theta).map(
            (g, i) => -(theta[i] as number) * g + 2 * penalty * (u[i] as number),
          );
        };
  const result = minimize(objective, start.map(Math.log), {
    maxIterations: options.maxIterations,
    gradient: objectiveGradient,
  });
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
    logLikelihood: logLikelihood(theta),
    standardErrors,
    intervals,
    converged: result.converged && identified && diagnosis.length === 0,
    iterations: result.iterations,
    n: customers,
    diagnosis,
  };
}
