import type { MinimizeOptions, MinimizeResult } from "./minimize.js";
import { solveLinear } from "./solveLinear.js";

/** A function's value, gradient and Hessian at one point, as {@link minimizeNewton} needs them. */
export interface SecondOrderExpansion {
  /** f(x). */
  value: number;
  /** ∂f/∂xᵢ. */
  gradient: number[];
  /** ∂²f/∂xᵢ∂xⱼ, as rows. */
  hessian: number[][];
}

function maxAbs(values: readonly number[]): number {
  let result = 0;
  for (const value of values) result = Math.max(result, Math.abs(value));
  return result;
}

/**
 * Minimises a smooth function of several variables whose exact gradient and Hessian come with its value in one
 * call (one pass over the data of a likelihood): damped Newton steps (Levenberg–Marquardt: H + μI, μ raised fourfold while
 * a step does not lower f enough and cut tenfold after each accepted one), so it converges quadratically near the
 * minimum and still descends where H is not positive definite. Once the gradient criterion is met, Newton steps
 * continue while they lower f, to a gradient 1000 times smaller. A point where f is not finite is treated as
 * +Infinity. Deterministic.
 *
 * @param expand - f's value, gradient and Hessian at a point.
 * @param start - The starting point.
 * @param options - Iteration limit, gradient tolerance (default 1e-6 · max(1, |f|)), step cap (default 2).
 * @returns The minimum found, with its gradient and the Hessian there.
 *
 * @example
 * ```ts
 * const { x, converged } = minimizeNewton(
 *   ([a = 0, b = 0]) => ({
 *     value: (a - 1) ** 2 + 10 * (b + 2) ** 2,
 *     gradient: [2 * (a - 1), 20 * (b + 2)],
 *     hessian: [[2, 0], [0, 20]],
 *   }),
 *   [0, 0],
 * );
 * // => x ≈ [1, -2], converged: true
 * ```
 */
export function minimizeNewton(
  expand: (x: readonly number[]) => SecondOrderExpansion,
  start: readonly number[],
  options: Omit<MinimizeOptions, "gradient"> = {},
): MinimizeResult {
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 2;
  const tolerance = (value: number): number =>
    options.gradientTolerance ?? 1e-6 * Math.max(1, Math.abs(value));
  const safe = (x: readonly number[]): SecondOrderExpansion => {
    const expansion = expand(x);
    return Number.isFinite(expansion.value) &&
      expansion.gradient.every(Number.isFinite) &&
      expansion.hessian.every((row) => row.every(Number.isFinite))
      ? expansion
      : { ...expansion, value: Number.POSITIVE_INFINITY };
  };
  let x = [...start];
  let at = safe(x);
  let damping = 0;
  let iterations = 0;
  for (; iterations < maxIterations && Number.isFinite(at.value); iterations++) {
    const { value, gradient: g, hessian: h } = at;
    const slope = maxAbs(g);
    const polishing = slope < tolerance(value);
    if (slope < 1e-3 * tolerance(value)) break;
    const scale = Math.max(1, ...h.map((row, i) => Math.abs(row[i] as number)));
    let accepted = false;
    for (let tries = 0; tries < 60 && !accepted; tries++) {
      const damped = h.map((row, i) => row.map((hij, j) => (i === j ? hij + damping : hij)));
      const solved = solveLinear(
        damped,
        g.map((gi) => [-gi]),
      );
      const step = solved?.map((row) => row[0] as number);
      const descent = step?.reduce((sum, si, i) => sum + si * (g[i] as number), 0) ?? 0;
      if (step !== undefined && descent < 0) {
        const longest = maxAbs(step);
        const shrink = longest > maxStep ? maxStep / longest : 1;
        const next = x.map((xi, i) => xi + shrink * (step[i] as number));
        const trial = safe(next);
        // Polishing steps only need not to raise f (its decrease is then at the level of rounding).
        if (polishing ? trial.value <= value : trial.value <= value + 1e-4 * shrink * descent) {
          x = next;
          at = trial;
          damping = damping < 1e-8 * scale ? 0 : damping / 10;
          accepted = true;
          continue;
        }
        if (polishing) break;
      }
      damping = damping === 0 ? 1e-3 * scale : damping * 4;
    }
    if (!accepted) break;
  }
  return {
    x,
    value: at.value,
    gradient: at.gradient,
    iterations,
    converged: Number.isFinite(at.value) && maxAbs(at.gradient) < tolerance(at.value),
    hessian: at.hessian,
  };
}
