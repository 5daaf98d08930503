// P(X(t) = x) of a new customer: hand computations, Fader & Hardie's closed forms, and the distribution's sum and
// mean against expectedPurchases.
import { describe, expect, it } from "vitest";
import { bgBb, bgNbd, logGamma, mbgNbd, type PurchaseModel, paretoNbd } from "../../src/index.js";

// Σ P(X(t) = x) and Σ x P(X(t) = x), summed until the terms no longer count.
function moments(model: PurchaseModel<string>, params: Record<string, number>, t: number): [number, number] {
  let total = 0;
  let mean = 0;
  for (let x = 0; x < 100_000; x++) {
    const p = model.purchaseCountProbability(params, x, t);
    expect(p).toBeGreaterThanOrEqual(0);
    total += p;
    mean += x * p;
    if (x > 20 && x * p < 1e-15) break;
  }
  return [total, mean];
}

describe("P(X(t) = x) is a distribution whose mean is expectedPurchases(t)", () => {
  // The mean is checked to 7 decimals; at γ = 1 to 6, as bgBb.expectedPurchases shifts γ by 1e-7 there.
  const cases: [PurchaseModel<string>, Record<string, number>, number[], number?][] = [
    [bgNbd as PurchaseModel<string>, { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 }, [0.5, 39, 78]],
    [bgNbd as PurchaseModel<string>, { r: 2, alpha: 0.5, a: 0.3, b: 0.4 }, [10]], // a + b < 1, heavy buyers
    [mbgNbd as PurchaseModel<string>, { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, [0.5, 39, 78]],
    [paretoNbd as PurchaseModel<string>, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, [0.5, 39, 78]],
    [paretoNbd as PurchaseModel<string>, { r: 1.5, alpha: 2, s: 1, beta: 0.5 }, [30]], // s = 1, α > β
    [bgBb as PurchaseModel<string>, { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 }, [1, 6, 11]],
    [bgBb as PurchaseModel<string>, { alpha: 0.5, beta: 2, gamma: 1, delta: 3 }, [20], 6], // γ = 1
  ];
  for (const [model, params, horizons, digits = 7] of cases) {
    it(`${model.name} ${JSON.stringify(params)}`, () => {
      for (const t of horizons) {
        const [total, mean] = moments(model, params, t);
        expect(total).toBeCloseTo(1, 9);
        expect(mean).toBeCloseTo(model.expectedPurchases(params, t), digits);
      }
    });
  }
});

describe("hand computations", () => {
  it("BG/NBD (eq. 8) and MBG/NBD at r = α = a = 1, b = 2, t = 1 (the NBD is geometric with q = ½)", () => {
    const p = { r: 1, alpha: 1, a: 1, b: 2 };
    // P(N = 0) = ½, P(N = 1) = ¼, P(N ≥ 1) = ½; B(1, 2) = ½, B(1, 3) = ⅓, B(2, 2) = ⅙.
    expect(bgNbd.purchaseCountProbability(p, 0, 1)).toBeCloseTo(1 / 2, 14);
    // B(1,3)/B(1,2) · ¼ + B(2,2)/B(1,2) · ½ = ⅔ · ¼ + ⅓ · ½ = ⅓.
    expect(bgNbd.purchaseCountProbability(p, 1, 1)).toBeCloseTo(1 / 3, 14);
    // MBG/NBD: B(1,3)/B(1,2) · ½ + B(2,2)/B(1,2) · 1 = ⅓ + ⅓.
    expect(mbgNbd.purchaseCountProbability(p, 0, 1)).toBeCloseTo(2 / 3, 14);
    expect(bgNbd.purchaseCountProbability(p, 0, 0)).toBe(1);
    expect(bgNbd.purchaseCountProbability(p, 3, 0)).toBe(0);
  });
  it("BG/BB with one opportunity: P(X(1) = 1) = α/(α+β) · δ/(γ+δ)", () => {
    const p = { alpha: 2, beta: 3, gamma: 1, delta: 4 };
    expect(bgBb.purchaseCountProbability(p, 1, 1)).toBeCloseTo((2 / 5) * (4 / 5), 14);
    expect(bgBb.purchaseCountProbability(p, 0, 1)).toBeCloseTo(1 - (2 / 5) * (4 / 5), 13);
    expect(bgBb.purchaseCountProbability(p, 2, 1)).toBe(0);
  });
});

// ₂F₁ by its power series, for the moderate arguments below.
function hyp2f1(a: number, b: number, c: number, z: number): number {
  let term = 1;
  let sum = 1;
  for (let k = 0; k < 10_000 && Math.abs(term) > 1e-17 * Math.abs(sum); k++) {
    term *= (((a + k) * (b + k)) / ((c + k) * (k + 1))) * z;
    sum += term;
  }
  return sum;
}

// Fader & Hardie's note "Deriving an Expression for P(X(t) = x) Under the Pareto/NBD Model", written out directly.
function paretoNbdClosedForm(p: Record<"r" | "alpha" | "s" | "beta", number>, x: number, t: number): number {
  const { r, alpha, s, beta } = p;
  const lg = logGamma;
  const alive = Math.exp(
    lg(r + x) -
      lg(r) -
      lg(x + 1) +
      r * Math.log(alpha / (alpha + t)) +
      x * Math.log(t / (alpha + t)) +
      s * Math.log(beta / (beta + t)),
  );
  const front = Math.exp(
    r * Math.log(alpha) +
      s * Math.log(beta) +
      lg(r + x) +
      lg(s + 1) -
      lg(r + s + x + 1) -
      (lg(r) + lg(s) - lg(r + s)),
  );
  const [m, second] = alpha >= beta ? [alpha, s + 1] : [beta, r + x];
  const gap = Math.abs(alpha - beta);
  const b1 = hyp2f1(r + s, second, r + s + x + 1, gap / m) / m ** (r + s);
  let b2 = 0;
  for (let j = 0; j <= x; j++) {
    b2 +=
      Math.exp(lg(r + s + j) - lg(r + s) - lg(j + 1) + j * Math.log(t)) *
      (hyp2f1(r + s + j, second, r + s + x + 1, gap / (m + t)) / (m + t) ** (r + s + j));
  }
  return alive + front * (b1 - b2);
}

describe("Pareto/NBD agrees with Fader & Hardie's closed form", () => {
  const cases = [
    { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, // α < β (CDNOW)
    { r: 1.5, alpha: 8, s: 0.8, beta: 3 }, // α > β
  ];
  for (const p of cases) {
    it(JSON.stringify(p), () => {
      for (const t of [1, 10, 39]) {
        for (const x of [0, 1, 2, 5]) {
          expect(paretoNbd.purchaseCountProbability(p, x, t)).toBeCloseTo(paretoNbdClosedForm(p, x, t), 9);
        }
      }
    });
  }
});

describe("finite and in [0, 1] at the extremes", () => {
  it("x up to 10,000, long horizons, a + b < 1, s = 1", () => {
    const checks: [PurchaseModel<string>, Record<string, number>][] = [
      [bgNbd as PurchaseModel<string>, { r: 0.1, alpha: 0.01, a: 0.2, b: 0.3 }],
      [mbgNbd as PurchaseModel<string>, { r: 5, alpha: 100, a: 3, b: 0.1 }],
      [paretoNbd as PurchaseModel<string>, { r: 0.1, alpha: 0.01, s: 1, beta: 100 }],
    ];
    for (const [model, params] of checks) {
      for (const x of [0, 1, 100, 10_000]) {
        for (const t of [1e-6, 1, 1000]) {
          const p = model.purchaseCountProbability(params, x, t);
          expect(Number.isFinite(p) && p >= 0 && p <= 1).toBe(true);
        }
      }
    }
    const p = bgBb.purchaseCountProbability({ alpha: 0.1, beta: 50, gamma: 0.2, delta: 0.1 }, 300, 1000);
    expect(Number.isFinite(p) && p >= 0 && p <= 1).toBe(true);
  });
});
