// Parameter recovery: simulate each model from known parameters with its seeded simulator, fit, and find the
// truth within 3 standard errors (a 99.7% band per parameter; fixed seeds make the check replayable).
import { describe, expect, it } from "vitest";
import { bgNbd, gammaGamma, groupSummaries, sbg } from "../../src/index.js";
import { simulationCases } from "./simulationCases.js";

function within<K extends string>(
  fit: { params: Record<K, number>; standardErrors: Record<K, number>; converged: boolean },
  truth: Record<K, number>,
): void {
  expect(fit.converged).toBe(true);
  for (const name of Object.keys(truth) as K[]) {
    expect(Math.abs(fit.params[name] - truth[name])).toBeLessThan(3 * fit.standardErrors[name]);
  }
}

describe("parameter recovery", () => {
  for (const [model, truth, T] of simulationCases(52)) {
    it(model.name, () => {
      const data = groupSummaries(model.simulate(truth, { customers: 8000, T, seed: 2024 }));
      within(model.fit(data), truth);
    });
  }
  it("gammagamma", () => {
    const truth = { p: 6, q: 4, gamma: 15 };
    const frequencies = Array.from({ length: 3000 }, (_, i) => 1 + (i % 7));
    within(gammaGamma.fit(gammaGamma.simulate(truth, frequencies, 9)), truth);
  });
  it("sbg", () => {
    const truth = { alpha: 0.7, beta: 1.2 };
    within(sbg.fit(sbg.simulate(truth, 5000, 10, 3)), truth);
  });
});

describe("diagnosis instead of absurd parameters", () => {
  it("no repeat buyers", () => {
    const fit = bgNbd.fit(
      groupSummaries([
        { frequency: 0, recency: 0, T: 30 },
        { frequency: 0, recency: 0, T: 20 },
      ]),
    );
    expect(fit.converged).toBe(false);
    expect(fit.diagnosis.map((issue) => issue.code)).toContain("model.no-repeat-buyers");
    expect(fit.diagnosis[0]?.message).toBe(
      "The bgnbd model cannot be fitted: none of the 2 customers bought again, so the data cannot identify the purchase rate.",
    );
  });
  it("bad rows are reported all at once", () => {
    expect(() =>
      groupSummaries([
        { frequency: -1, recency: 0, T: 3 },
        { frequency: 1, recency: 4, T: 3 },
      ]),
    ).toThrow(/frequency[\s\S]*recency/);
  });
});
