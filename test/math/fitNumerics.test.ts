// The numerics behind the fast BTYD fits: dense ranks (grouping and per-distinct-value tables), trigamma (analytic
// Hessians) and the damped Newton minimiser.
import { describe, expect, it } from "vitest";
import { denseRanks } from "../../src/math/denseRanks.js";
import { digamma } from "../../src/math/digamma.js";
import { minimizeNewton } from "../../src/math/minimizeNewton.js";
import { trigamma } from "../../src/math/trigamma.js";

describe("denseRanks", () => {
  it("ranks equal values alike, in ascending order, with 0 and −0 as one value", () => {
    const { ranks, distinct } = denseRanks([3, 1, 3, 2, -0, 0, 1 / 7, 1 / 7]);
    expect([...distinct]).toEqual([0, 1 / 7, 1, 2, 3]);
    expect([...ranks]).toEqual([4, 2, 4, 3, 0, 0, 1, 1]);
    expect(denseRanks([]).distinct.length).toBe(0);
  });
  it("agrees with a sort on many distinct values (the hash table grows)", () => {
    const values = Array.from({ length: 50_000 }, (_, i) => ((i * 7919) % 20_011) / 7);
    const { ranks, distinct } = denseRanks(values);
    const sorted = [...new Set(values)].sort((p, q) => p - q);
    expect([...distinct]).toEqual(sorted);
    expect(values.every((value, i) => distinct[ranks[i] as number] === value)).toBe(true);
  });
});

describe("trigamma", () => {
  it("matches π²/6 at 1, π²/2 at 1/2 and the derivative of digamma", () => {
    expect(trigamma(1)).toBeCloseTo(Math.PI ** 2 / 6, 12);
    expect(trigamma(0.5)).toBeCloseTo(Math.PI ** 2 / 2, 12);
    for (const x of [0.01, 0.3, 2.5, 9.99, 10.01, 55, 1e4]) {
      const h = 1e-5 * x;
      expect(trigamma(x)).toBeCloseTo((digamma(x + h) - digamma(x - h)) / (2 * h), 4);
    }
    expect(trigamma(0)).toBeNaN();
  });
});

describe("minimizeNewton", () => {
  const rosenbrock = ([a = 0, b = 0]: readonly number[]) => ({
    value: (1 - a) ** 2 + 100 * (b - a * a) ** 2,
    gradient: [-2 * (1 - a) - 400 * a * (b - a * a), 200 * (b - a * a)],
    hessian: [
      [2 - 400 * (b - a * a) + 800 * a * a, -400 * a],
      [-400 * a, 200],
    ],
  });
  it("minimises the Rosenbrock function from where its Hessian is indefinite, deterministically", () => {
    const first = minimizeNewton(rosenbrock, [-1.2, 1]);
    expect(first.converged).toBe(true);
    expect(first.x[0]).toBeCloseTo(1, 8);
    expect(first.x[1]).toBeCloseTo(1, 8);
    expect(first.hessian?.[1]?.[1]).toBe(200);
    expect(minimizeNewton(rosenbrock, [-1.2, 1])).toEqual(first);
  });
  it("backs away from points where the function is not finite", () => {
    const result = minimizeNewton(
      ([a = 0]) => ({
        value: a <= 0 ? Number.NaN : a - Math.log(a),
        gradient: [1 - 1 / a],
        hessian: [[1 / (a * a)]],
      }),
      [3],
    );
    expect(result.converged).toBe(true);
    expect(result.x[0]).toBeCloseTo(1, 8);
  });
});
