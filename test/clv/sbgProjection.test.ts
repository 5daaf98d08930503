// sBG retention and residual lifetime on Fader & Hardie's (2007) cohorts: what the fitted model says about the
// years it was fitted on and the years after them.
import { describe, expect, it } from "vitest";
import { sbg } from "../../src/index.js";

// Survivors per 1,000 customers, years 0–7 ("How to Project Customer Retention", 2007).
const regular = [1000, 631, 468, 382, 326, 289, 262, 241];
const highEnd = [1000, 869, 743, 653, 593, 551, 517, 491];

describe("sBG on the 'regular' and 'high end' cohorts", () => {
  const regularFit = sbg.fit(regular);
  const highEndFit = sbg.fit(highEnd);

  it("the fitted retention rates rise and follow the observed year-on-year retention within 2.5 points", () => {
    for (const [survivors, params] of [
      [regular, regularFit.params],
      [highEnd, highEndFit.params],
    ] as const) {
      let previous = 0;
      for (let t = 1; t < survivors.length; t++) {
        const observed = (survivors[t] as number) / (survivors[t - 1] as number);
        const rate = sbg.retention(params, t);
        expect(Math.abs(rate - observed)).toBeLessThan(0.025);
        expect(rate).toBeGreaterThan(previous);
        previous = rate;
      }
    }
    // r(1) = β/(α+β): 1.182/1.886 and 3.806/4.474.
    expect(sbg.retention(regularFit.params, 1).toFixed(3)).toBe("0.627");
    expect(sbg.retention(highEndFit.params, 1).toFixed(3)).toBe("0.851");
  });

  it("projects years 8–12 as an independent sBG implementation does", () => {
    // JD Maturen's shifted_beta_geometric (Python, Apache 2.0) fits the high-end shares and prints the next five
    // years' survival as 0.460, 0.436, 0.414, 0.395, 0.378.
    const projected = [8, 9, 10, 11, 12].map((t) => sbg.survival(highEndFit.params, t).toFixed(3));
    expect(projected).toEqual(["0.460", "0.436", "0.414", "0.395", "0.378"]);
    // The regular cohort keeps losing customers faster: 220, 204, 191, 180, 170 per 1,000.
    expect([8, 9, 10, 11, 12].map((t) => Math.round(1000 * sbg.survival(regularFit.params, t)))).toEqual([
      220, 204, 191, 180, 170,
    ]);
  });

  it("residual lifetime (DERL, d = 10%) grows with the renewals already made", () => {
    // Fader & Hardie (2010): DERL(d | α, β, n renewals) = (β+n)/(α+β+n) · ₂F₁(1, β+n+1; α+β+n+1; 1/(1+d)).
    // These values were computed here, not read from the paper; predictions.test.ts checks the ₂F₁ form
    // against the direct sum Σₖ S(n+k)/S(n) / (1+d)^(k−1).
    const derl = (params: { alpha: number; beta: number }): string[] =>
      [0, 1, 2, 3, 4].map((n) => sbg.expectedResidualLifetime(params, n, 0.1).toFixed(3));
    expect(derl(regularFit.params)).toEqual(["2.964", "4.103", "4.870", "5.442", "5.894"]);
    expect(derl(highEndFit.params)).toEqual(["5.414", "5.901", "6.294", "6.620", "6.897"]);
    // Its first term is the next renewal, undiscounted: DERL ≥ r(n + 1), and → r(n + 1) as d → ∞.
    expect(sbg.expectedResidualLifetime(regularFit.params, 0, 1e9)).toBeCloseTo(
      sbg.retention(regularFit.params, 1),
      6,
    );
  });
});
