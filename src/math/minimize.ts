import { gradient } from "./gradient.js";
import { hessian } from "./hessian.js";
import { jacobian } from "./jacobian.js";
import { solveLinear } from "./solveLinear.js";

/** Options of {@link minimize}. */
export interface MinimizeOptions {
  /** The largest number of quasi-Newton iterations (default 500). */
  maxIterations?: number | undefined;
  /** Convergence: the largest absolute gradient entry allowed at the optimum (default 1e-6 · max(1, |f|)). */
  gradientTolerance?: number | undefined;
  /** The largest change of any variable in one step (default 2; keeps log-parameters from overflowing). */
  maxStep?: number | undefined;
  /**
   * The exact gradient of f, when known: used instead of finite differences of f, and the Hessian of the Newton
   * steps becomes central differences of it (2n gradient calls instead of ~2n² function calls).
   */
  gradient?: ((x: readonly number[]) => number[]) | undefined;
}

/** The result of {@link minimize}. */
export interface MinimizeResult {
  /** The best point found. */
  x: number[];
  /** f at `x`. */
  value: number;
  /** The gradient at `x` (central differences). */
  gradient: number[];
  /** Quasi-Newton iterations plus Newton polishing steps. */
  iterations: number;
  /** Whether the gradient criterion was met (a stationary point, to the tolerance). */
  converged: boolean;
  /**
   * The central-difference Hessian of the last Newton step: at `x`, or one (accepted, tiny) Newton step before
   * it; `undefined` when no Newton step was tried. Callers use it for standard errors without recomputing it.
   */
  hessian?: number[][] | undefined;
}

// Forward differences (n evaluations instead of 2n) while far from the optimum; central ones decide convergence.
function forwardGradient(f: (x: readonly number[]) => number, x: readonly number[], value: number): number[] {
  const point = [...x];
  return x.map((xi, i) => {
    const step = 1e-7 * Math.max(1, Math.abs(xi));
    point[i] = xi + step;
    const up = f(point);
    point[i] = xi;
    return (up - value) / step;
  });
}

// The Hessian as central differences of an exact gradient, symmetrised.
function gradientJacobian(g: (x: readonly number[]) => number[], x: readonly number[]): number[][] {
  const columns = jacobian(g, x);
  return x.map((_, i) => x.map((_, j) => ((columns[i]?.[j] as number) + (columns[j]?.[i] as number)) / 2));
}

function maxAbs(values: readonly number[]): number {
  let result = 0;
  for (const value of values) result = Math.max(result, Math.abs(value));
  return result;
}

/**
 * Minimises a smooth function of several variables deterministically: BFGS with forward-difference gradients
 * and a backtracking (Armijo) line search, then up to 5 Newton steps with central-difference gradient and
 * Hessian, each kept only if it lowers f; convergence is judged on the central-difference gradient. A point where f is not finite is treated as +Infinity, so the search backs away
 * from it. The same input always gives the same result.
 *
 * @param f - The function to minimise.
 * @param start - The starting point.
 * @param options - Iteration limit, gradient tolerance, step cap.
 * @returns The minimum found, its gradient, the iteration count and whether it converged.
 *
 * @example
 * ```ts
 * const { x, converged } = minimize(([a = 0, b = 0]) => (a - 1) ** 2 + 10 * (b + 2) ** 2, [0, 0]);
 * // => x ≈ [1, -2], converged: true
 * ```
 */
export function minimize(
  f: (x: readonly number[]) => number,
  start: readonly number[],
  options: MinimizeOptions = {},
): MinimizeResult {
  const safe = (x: readonly number[]): number => {
    const value = f(x);
    return Number.isFinite(value) ? value : Number.POSITIVE_INFINITY;
  };
  const n = start.length;
  const maxIterations = options.maxIterations ?? 500;
  const maxStep = options.maxStep ?? 2;
  const tolerance = (value: number): number =>
    options.gradientTolerance ?? 1e-6 * Math.max(1, Math.abs(value));
  let x = [...start];
  let value = safe(x);
  const exact = options.gradient;
  const slopes = (point: readonly number[], at: number): number[] =>
    exact === undefined ? forwardGradient(safe, point, at) : exact(point);
  const centralSlopes = (point: readonly number[]): number[] =>
    exact === undefined ? gradient(safe, point) : exact(point);
  const curvature = (point: readonly number[]): number[][] =>
    exact === undefined ? hessian(safe, point) : gradientJacobian(exact, point);
  let g = slopes(x, value);
  let inverse: number[][] = Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)),
  );
  let iterations = 0;
  for (; iterations < maxIterations; iterations++) {
    if (!Number.isFinite(value) || maxAbs(g) < tolerance(value)) break;
    let direction = inverse.map((row) => -row.reduce((sum, h, j) => sum + h * (g[j] as number), 0));
    let slope = direction.reduce((sum, d, i) => sum + d * (g[i] as number), 0);
    if (!(slope < 0)) {
      // Not a descent direction: restart from steepest descent.
      inverse = inverse.map((row, i) => row.map((_, j) => (i === j ? 1 : 0)));
      direction = g.map((gi) => -gi);
      slope = -g.reduce((sum, gi) => sum + gi * gi, 0);
    }
    const longest = maxAbs(direction);
    let step = longest > maxStep ? maxStep / longest : 1;
    let next = x;
    let nextValue = Number.POSITIVE_INFINITY;
    for (let tries = 0; tries < 60; tries++) {
      next = x.map((xi, i) => xi + step * (direction[i] as number));
      nextValue = safe(next);
      if (nextValue <= value + 1e-4 * step * slope) break;
      step /= 2;
    }
    if (!(nextValue < value)) break;
    const nextG = slopes(next, nextValue);
    const s = next.map((xi, i) => xi - (x[i] as number));
    const y = nextG.map((gi, i) => gi - (g[i] as number));
    const sy = s.reduce((sum, si, i) => sum + si * (y[i] as number), 0);
    if (sy > 1e-12) {
      // BFGS update of the inverse Hessian.
      const hy = inverse.map((row) => row.reduce((sum, h, j) => sum + h * (y[j] as number), 0));
      const yhy = y.reduce((sum, yi, i) => sum + yi * (hy[i] as number), 0);
      inverse = inverse.map((row, i) =>
        row.map(
          (h, j) =>
            h +
            ((sy + yhy) * (s[i] as number) * (s[j] as number)) / (sy * sy) -
            ((hy[i] as number) * (s[j] as number) + (s[i] as number) * (hy[j] as number)) / sy,
        ),
      );
    }
    x = next;
    value = nextValue;
    g = nextG;
  }
  // Newton polish: near the optimum it makes the last digits exact. The Hessian is reused while each step cuts
  // the gradient at least tenfold (simplified Newton), and recomputed otherwise.
  g = centralSlopes(x);
  let lastHessian: number[][] | undefined;
  let previousSlope = Number.POSITIVE_INFINITY;
  for (let polish = 0; polish < 6 && Number.isFinite(value); polish++) {
    const slope = maxAbs(g);
    const h = lastHessian !== undefined && slope < 0.1 * previousSlope ? lastHessian : curvature(x);
    previousSlope = slope;
    lastHessian = h;
    const solved = solveLinear(
      h,
      g.map((gi) => [gi]),
    );
    if (solved === undefined) break;
    const next = x.map((xi, i) => xi - ((solved[i] as number[])[0] as number));
    if (maxAbs(next.map((v, i) => v - (x[i] as number))) > maxStep) break;
    const nextValue = safe(next);
    if (!(nextValue <= value)) break;
    x = next;
    value = nextValue;
    g = centralSlopes(x);
    iterations++;
    if (maxAbs(g) < 1e-3 * tolerance(value)) break;
  }
  return {
    x,
    value,
    gradient: g,
    iterations,
    converged: Number.isFinite(value) && maxAbs(g) < tolerance(value),
    hessian: lastHessian,
  };
}
