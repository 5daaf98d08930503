import { describe, expect, it } from "vitest";
import {
  createRandom,
  gradient,
  hessian,
  minimize,
  randomBeta,
  randomGamma,
  solveLinear,
} from "../../src/index.js";

describe("minimize", () => {
  it("finds the minimum of the Rosenbrock function deterministically", () => {
    const rosenbrock = ([a = 0, b = 0]: readonly number[]): number => (1 - a) ** 2 + 100 * (b - a * a) ** 2;
    const first = minimize(rosenbrock, [-1.2, 1]);
    const second = minimize(rosenbrock, [-1.2, 1]);
    expect(first.converged).toBe(true);
    expect(first.x[0]).toBeCloseTo(1, 6);
    expect(first.x[1]).toBeCloseTo(1, 6);
    expect(second).toEqual(first);
  });
  it("backs away from points where the function is not finite", () => {
    const result = minimize(([a = 0]) => (a <= 0 ? Number.NaN : a - Math.log(a)), [3]);
    expect(result.x[0]).toBeCloseTo(1, 6);
  });
});

describe("derivatives and linear algebra", () => {
  it("gradient and Hessian of a quadratic", () => {
    const f = ([a = 0, b = 0]: readonly number[]): number => 3 * a * a + 2 * a * b + b * b;
    const g = gradient(f, [1, 2]);
    expect(g[0]).toBeCloseTo(10, 6);
    expect(g[1]).toBeCloseTo(6, 6);
    const h = hessian(f, [1, 2]);
    expect(h[0]?.[0]).toBeCloseTo(6, 4);
    expect(h[0]?.[1]).toBeCloseTo(2, 4);
    expect(h[1]?.[1]).toBeCloseTo(2, 4);
  });
  it("solves and reports singular systems", () => {
    expect(
      solveLinear(
        [
          [0, 2],
          [4, 0],
        ],
        [[2], [8]],
      ),
    ).toEqual([[2], [1]]);
    expect(
      solveLinear(
        [
          [1, 2],
          [2, 4],
        ],
        [[1], [2]],
      ),
    ).toBeUndefined();
  });
});

describe("seeded random numbers", () => {
  it("replays and has the right moments", () => {
    expect(createRandom(42)()).toBe(0.6011037519201636);
    const random = createRandom(7);
    const n = 20_000;
    let gammaSum = 0;
    let betaSum = 0;
    for (let i = 0; i < n; i++) {
      gammaSum += randomGamma(random, 0.5);
      betaSum += randomBeta(random, 2, 6);
    }
    // Means 0.5 and 0.25; standard errors √(0.5/n) ≈ 0.005 and ≈ 0.0011: 4 SE bounds.
    expect(Math.abs(gammaSum / n - 0.5)).toBeLessThan(0.02);
    expect(Math.abs(betaSum / n - 0.25)).toBeLessThan(0.005);
  });
});
