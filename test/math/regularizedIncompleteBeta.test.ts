// The regularized incomplete beta function against closed forms and the binomial distribution.
import { describe, expect, it } from "vitest";
import { regularizedIncompleteBeta } from "../../src/math/regularizedIncompleteBeta.js";

describe("regularizedIncompleteBeta", () => {
  it("matches the closed forms I_x(a, 1) = xᵃ and I_x(1, b) = 1 − (1 − x)ᵇ", () => {
    for (const x of [1e-9, 0.01, 0.3, 0.5, 0.9, 1 - 1e-9]) {
      for (const shape of [0.001, 0.5, 1, 3.7, 250]) {
        expect(regularizedIncompleteBeta(shape, 1, x)).toBeCloseTo(x ** shape, 12);
        expect(regularizedIncompleteBeta(1, shape, x)).toBeCloseTo(-Math.expm1(shape * Math.log1p(-x)), 12);
      }
    }
  });
  it("is the binomial upper tail: I_p(k, n − k + 1) = P(Bin(n, p) ≥ k)", () => {
    const n = 40;
    const p = 0.37;
    let tail = 0;
    let choose = 1;
    const terms: number[] = [];
    for (let j = 0; j <= n; j++) {
      terms.push(choose * p ** j * (1 - p) ** (n - j));
      choose = (choose * (n - j)) / (j + 1);
    }
    for (let k = n; k >= 1; k--) {
      tail += terms[k] as number;
      expect(regularizedIncompleteBeta(k, n - k + 1, p)).toBeCloseTo(tail, 13);
    }
  });
  it("keeps y = 1 − x exact near 1, stays in [0, 1] and is symmetric", () => {
    // I_x(a, b) with x = 1 − 1e-20: 1 − I_y(b, a) with y = 1e-20; I_y(2, 1) = y² is below double precision's 1.
    expect(regularizedIncompleteBeta(1, 2, 1, 1e-20)).toBe(1);
    expect(regularizedIncompleteBeta(2, 1, 1e-20, 1)).toBeCloseTo(1e-40, 50);
    expect(regularizedIncompleteBeta(2.5, 4, 0)).toBe(0);
    expect(regularizedIncompleteBeta(2.5, 4, 1)).toBe(1);
    for (const x of [0.1, 0.4, 0.8]) {
      expect(regularizedIncompleteBeta(2.5, 4, x) + regularizedIncompleteBeta(4, 2.5, 1 - x)).toBeCloseTo(
        1,
        14,
      );
    }
    expect(regularizedIncompleteBeta(10_000, 0.01, 0.9999)).toBeGreaterThanOrEqual(0);
  });
});
