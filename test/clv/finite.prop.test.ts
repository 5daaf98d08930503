// No NaN or Infinity on any valid input: a fast-check sweep of the awkward corners the issue names — x up to
// 10,000 purchases, recency = T, s = 1 in Pareto/NBD, a + b < 1 in BG/NBD and MBG/NBD — plus random points; P(X(t) = x)
// for the customer's x stays a probability.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { bgBb, bgNbd, groupSummaries, mbgNbd, type PurchaseModel, paretoNbd } from "../../src/index.js";

const positive = fc.oneof(
  fc.constantFrom(1e-3, 0.05, 0.3, 1, 1 - 1e-9, 1 + 1e-9, 7, 150),
  fc.double({ min: 1e-3, max: 200, noNaN: true }),
);
const customer = fc
  .record({
    x: fc.oneof(fc.constantFrom(0, 1, 2, 50, 1000, 10_000), fc.integer({ min: 0, max: 10_000 })),
    T: fc.oneof(fc.constantFrom(0.01, 1, 39, 78, 520), fc.double({ min: 0.01, max: 600, noNaN: true })),
    share: fc.oneof(fc.constantFrom(0, 1), fc.double({ min: 0, max: 1, noNaN: true })),
  })
  .map(({ x, T, share }) => ({ frequency: x, recency: x === 0 ? 0 : share * T, T }));
const horizon = fc.oneof(fc.constantFrom(0.5, 39, 520), fc.double({ min: 0.01, max: 1000, noNaN: true }));

function checkFinite<K extends string>(
  model: PurchaseModel<K>,
  params: Record<K, number>,
  c: { frequency: number; recency: number; T: number },
  t: number,
): void {
  const ll = model.logLikelihood(params, groupSummaries([c]));
  // Finite, not ≤ 0: the continuous-time models' likelihood is a density in t_x and T, which can exceed 1.
  expect(Number.isFinite(ll)).toBe(true);
  if (model.name === "bgbb") expect(ll).toBeLessThanOrEqual(1e-9);
  const alive = model.pAlive(params, c);
  expect(alive).toBeGreaterThanOrEqual(0);
  expect(alive).toBeLessThanOrEqual(1 + 1e-12);
  const expected = model.conditionalExpectedPurchases(params, t, c);
  expect(Number.isFinite(expected)).toBe(true);
  expect(expected).toBeGreaterThanOrEqual(-1e-9);
  const fresh = model.expectedPurchases(params, t);
  expect(Number.isFinite(fresh)).toBe(true);
  expect(fresh).toBeGreaterThanOrEqual(-1e-9);
  const probability = model.purchaseCountProbability(params, c.frequency, t);
  expect(Number.isFinite(probability)).toBe(true);
  expect(probability).toBeGreaterThanOrEqual(0);
  expect(probability).toBeLessThanOrEqual(1 + 1e-12);
}

describe("finite log-likelihoods and predictions everywhere", () => {
  test.prop([fc.record({ r: positive, alpha: positive, a: positive, b: positive }), customer, horizon], {
    numRuns: 300,
  })("BG/NBD (a + b < 1 included)", (params, c, t) => {
    checkFinite(bgNbd, params, c, t);
  });
  test.prop([fc.record({ r: positive, alpha: positive, a: positive, b: positive }), customer, horizon], {
    numRuns: 300,
  })("MBG/NBD", (params, c, t) => {
    checkFinite(mbgNbd, params, c, t);
  });
  test.prop(
    [
      fc.record({ r: positive, alpha: positive, s: fc.oneof(fc.constant(1), positive), beta: positive }),
      customer,
      horizon,
    ],
    { numRuns: 300 },
  )("Pareto/NBD (s = 1 and recency = T included)", (params, c, t) => {
    checkFinite(paretoNbd, params, c, t);
  });
  test.prop(
    [
      fc.record({ alpha: positive, beta: positive, gamma: positive, delta: positive }),
      fc
        .integer({ min: 1, max: 60 })
        .chain((n) =>
          fc
            .integer({ min: 0, max: n })
            .chain((tx) =>
              fc
                .integer({ min: tx === 0 ? 0 : 1, max: tx })
                .map((x) => ({ frequency: x, recency: tx, T: n })),
            ),
        ),
      fc.integer({ min: 1, max: 50 }),
    ],
    { numRuns: 300 },
  )("BG/BB", (params, c, t) => {
    checkFinite(bgBb, params, c, t);
  });
});
