import { describe, expect, it } from "vitest";
import { logAddExp, logBeta, logGamma, logHyp2f1 } from "../../src/index.js";

describe("logGamma", () => {
  it("matches factorials and Γ(1/2) = √π", () => {
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(171)).toBeCloseTo(706.5730622457874, 9); // ln 170!
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(1e-8)).toBeCloseTo(18.420680738180209, 7); // ≈ −ln x − γx
  });
  it("satisfies Γ(x + 1) = x Γ(x) across magnitudes", () => {
    for (const x of [0.01, 0.3, 1.7, 12.5, 1e4, 1e7]) {
      // The difference of two values of size ln Γ(x) can be no better than their rounding: a few ulps of each.
      const rounding = 8 * Number.EPSILON * Math.abs(logGamma(x));
      expect(Math.abs(logGamma(x + 1) - logGamma(x) - Math.log(x))).toBeLessThan(rounding + 1e-13);
    }
  });
  it("is NaN outside its domain", () => {
    expect(logGamma(0)).toBeNaN();
    expect(logGamma(-1)).toBeNaN();
  });
});

describe("logBeta and logAddExp", () => {
  it("B(2, 3) = 1/12 and logs add without overflow", () => {
    expect(logBeta(2, 3)).toBeCloseTo(Math.log(1 / 12), 13);
    expect(logAddExp(Math.log(2), Math.log(3))).toBeCloseTo(Math.log(5), 14);
    expect(logAddExp(-1000, -1000)).toBeCloseTo(-1000 + Math.log(2), 12);
    expect(logAddExp(Number.NEGATIVE_INFINITY, Number.NEGATIVE_INFINITY)).toBe(Number.NEGATIVE_INFINITY);
  });
});

describe("logHyp2f1", () => {
  it("matches closed forms", () => {
    // ₂F₁(1, 1; 2; z) = −ln(1 − z)/z
    for (const z of [0.1, 0.5, 0.9, 0.999]) {
      const f = logHyp2f1(1, 1, 2, z);
      expect(f.sign).toBe(1);
      expect(Math.exp(f.log)).toBeCloseTo(-Math.log1p(-z) / z, 10);
    }
    // ₂F₁(a, b; b; z) = (1 − z)^−a
    expect(logHyp2f1(2.5, 3, 3, 0.4).log).toBeCloseTo(-2.5 * Math.log(0.6), 12);
    // a = −2 terminates: 1 − 2·3/4·z + (−2)(−1)·3·4/(4·5·2)·z²
    const z = 0.3;
    const f = logHyp2f1(-2, 3, 4, z);
    expect(f.sign * Math.exp(f.log)).toBeCloseTo(1 - 1.5 * z + 0.6 * z * z, 13);
  });
  it("stays finite for huge parameters (x = 10,000 purchases)", () => {
    const f = logHyp2f1(10_000.5, 10_000.2, 10_001.5, 0.3);
    expect(Number.isFinite(f.log)).toBe(true);
    // Euler: (1 − z)^(c − a − b) ₂F₁(c − a, c − b; c; z) — the value is ≈ (1 − z)^(1 − b) · O(1).
    expect(f.log).toBeGreaterThan(-(10_000.2 - 1) * Math.log(0.7) - 1);
  });
  it("rejects arguments outside [0, 1)", () => {
    expect(logHyp2f1(1, 1, 2, 1).log).toBeNaN();
    expect(logHyp2f1(1, 1, -2, 0.5).log).toBeNaN();
  });
});
