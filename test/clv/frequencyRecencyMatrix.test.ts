// The frequency/recency matrices of expected purchases and P(alive).
import { describe, expect, it } from "vitest";
import {
  bgBb,
  bgNbd,
  frequencyRecencyMatrix,
  mbgNbd,
  type PurchaseModel,
  paretoNbd,
} from "../../src/index.js";

const cdnowBgNbd = { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 };
const donationsBgBb = { alpha: 1.204, beta: 0.75, gamma: 0.657, delta: 2.783 };
const models: [PurchaseModel<string>, Record<string, number>, number][] = [
  [bgNbd as PurchaseModel<string>, cdnowBgNbd, 38.86],
  [mbgNbd as PurchaseModel<string>, { r: 0.525, alpha: 6.183, a: 0.891, b: 1.614 }, 38.86],
  [paretoNbd as PurchaseModel<string>, { r: 0.553, alpha: 10.578, s: 0.606, beta: 11.669 }, 38.86],
  [bgBb as PurchaseModel<string>, donationsBgBb, 6],
];

describe("frequencyRecencyMatrix", () => {
  for (const [model, params, T] of models) {
    it(`${model.name}: P(alive) and expected purchases rise with recency for a fixed frequency`, () => {
      const cells = frequencyRecencyMatrix(model, params, { T, horizon: 10, maxFrequency: 6 });
      for (let x = 1; x <= 6; x++) {
        const row = cells.filter((cell) => cell.frequency === x);
        expect(row.length).toBeGreaterThan(0);
        for (let i = 1; i < row.length; i++) {
          const [before, after] = [row[i - 1], row[i]];
          expect(after?.recency).toBeGreaterThan(before?.recency ?? 0);
          expect(after?.pAlive).toBeGreaterThanOrEqual((before?.pAlive ?? 0) - 1e-12);
          expect(after?.expectedPurchases).toBeGreaterThanOrEqual((before?.expectedPurchases ?? 0) - 1e-12);
        }
        for (const cell of row) {
          expect(cell.pAlive >= 0 && cell.pAlive <= 1).toBe(true);
          expect(Number.isFinite(cell.expectedPurchases) && cell.expectedPurchases >= 0).toBe(true);
        }
      }
    });
  }

  it("lists only cells a customer can have", () => {
    const continuous = frequencyRecencyMatrix(bgNbd, cdnowBgNbd, { T: 38.86, horizon: 39 });
    // x = 0 at t_x = 0, then 20 frequencies × recencies 1 … 38 and 38.86.
    expect(continuous.filter((cell) => cell.frequency === 0)).toHaveLength(1);
    expect(continuous).toHaveLength(1 + 20 * 39);
    const discrete = frequencyRecencyMatrix(bgBb, donationsBgBb, {
      T: 6,
      horizon: 5,
      maxFrequency: 6,
    });
    // BG/BB: t_x ≥ x, so Σₓ₌₁…₆ (7 − x) = 21 cells and the x = 0 cell.
    expect(discrete).toHaveLength(22);
    expect(discrete.every((cell) => cell.recency >= cell.frequency)).toBe(true);
  });

  it("the BG/NBD checkpoint: x = 2, t_x = 30.43, T = 38.86 expects 1.226 purchases in 39 weeks", () => {
    const cells = frequencyRecencyMatrix(bgNbd, cdnowBgNbd, {
      T: 38.86,
      horizon: 39,
      maxFrequency: 2,
      recencies: [30.43, 50],
    });
    expect(cells).toHaveLength(3); // recency 50 > T is dropped
    expect(cells[2]?.expectedPurchases.toFixed(3)).toBe("1.226");
    expect(cells[0]).toEqual({
      frequency: 0,
      recency: 0,
      expectedPurchases: bgNbd.expectedPurchasesWhileAlive(cdnowBgNbd, 39, {
        frequency: 0,
        recency: 0,
        T: 38.86,
      }),
      pAlive: 1,
    });
  });
});
