// The purchase models with the parameters their seeded simulators draw from, shared by the parameter-recovery and
// the Monte Carlo tests.
import { bgBb, bgNbd, mbgNbd, type PurchaseModel, paretoNbd } from "../../src/index.js";

/**
 * Each purchase model with true parameters close to its published fit, and each customer's observation length:
 * `T` for the continuous-time models, 6 opportunities for the BG/BB.
 */
export function simulationCases(T: number): [PurchaseModel<string>, Record<string, number>, number][] {
  return [
    [bgNbd as PurchaseModel<string>, { r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, T],
    [mbgNbd as PurchaseModel<string>, { r: 0.5, alpha: 4, a: 0.8, b: 2.5 }, T],
    [paretoNbd as PurchaseModel<string>, { r: 0.6, alpha: 8, s: 0.7, beta: 10 }, T],
    [bgBb as PurchaseModel<string>, { alpha: 1.2, beta: 0.75, gamma: 0.66, delta: 2.8 }, 6],
  ];
}
