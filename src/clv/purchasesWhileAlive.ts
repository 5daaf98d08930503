import { betaExpectation } from "../math/betaExpectation.js";
import { logHyp2f1 } from "../math/logHyp2f1.js";

/**
 * E[(1 − (1 + p·u)^−k) / p] for p ~ beta(a, shape): the expected purchases in a horizon of a BG/NBD-type customer
 * who is alive now, with λ ~ gamma(k, ·) and u = t/(α + T). Internal to clv (BG/NBD, MBG/NBD).
 *
 * The closed form (a + shape − 1)/(a − 1) · [1 − (1 − z)^(a−1) ₂F₁(a + shape − 1 − k, a − 1; a + shape − 1; z)],
 * z = u/(1 + u) (Euler's transformation of Fader, Hardie & Lee's eq. 10), is used when its series is
 * well-conditioned; near a = 1, a + shape ≈ 1, or when the series cancels, a quadrature over p gives the same
 * quantity without the 0/0.
 */
export function purchasesWhileAlive(k: number, u: number, a: number, shape: number): number {
  if (!(u > 0)) return 0;
  const c = a + shape - 1;
  if (Math.abs(a - 1) > 1e-4 && Math.abs(c) > 1e-4) {
    const z = u / (1 + u);
    const f = logHyp2f1(c - k, a - 1, c, z);
    if (f.sign !== 0 && (f.condition ?? 1) < 1e6) {
      const logG = (a - 1) * Math.log1p(-z) + f.log;
      const bracket = f.sign > 0 ? -Math.expm1(logG) : 1 + Math.exp(logG);
      const value = (c / (a - 1)) * bracket;
      if (Number.isFinite(value) && value >= 0) return value;
    }
  }
  return betaExpectation((p) => (p === 0 ? k * u : -Math.expm1(-k * Math.log1p(p * u)) / p), a, shape);
}
