import { createRandom } from "../math/createRandom.js";
import { randomBeta } from "../math/randomBeta.js";
import { randomGamma } from "../math/randomGamma.js";
import { makeIssue } from "../model/makeIssue.js";
import type { BtydSummary } from "./BtydSummary.js";
import { betaGeometricCountProbability } from "./betaGeometricCountProbability.js";
import { type BetaGeometricParameters, betaGeometricLikelihood } from "./betaGeometricLikelihood.js";
import { fitMaximumLikelihood } from "./fitMaximumLikelihood.js";
import { indexSummaries } from "./indexSummaries.js";
import type { ModelFit } from "./ModelFit.js";
import type { PurchaseModel } from "./PurchaseModel.js";
import { purchasesWhileAlive } from "./purchasesWhileAlive.js";

/**
 * The BG/NBD (Fader, Hardie & Lee 2005) or, with `dropoutAtFirstPurchase`, the MBG/NBD (Batislam, Denizel &
 * Filiztekin 2007) as a {@link PurchaseModel}: purchase rate λ ~ gamma(r, α), dropout probability p ~ beta(a, b)
 * after each repeat purchase, and for the MBG/NBD also right after the first one. Internal to clv: `bgNbd` and
 * `mbgNbd` are its two instances.
 *
 * With the extra dropout chance (m = 1; m = 0 for the BG/NBD), P(alive) = 1 / (1 + a/(b + x + m − 1) ·
 * ((α + T)/(α + t_x))^(r + x)), 1 at x = 0 for the BG/NBD only; a new customer expects
 * (b/(a + b))^m · E_{b+m}[X(t)], and a customer alive at T with x purchases the BG/NBD's figure with b + x + m.
 *
 * @param name - The model's name, as the command line spells it (`bgnbd` or `mbgnbd`).
 * @param dropoutAtFirstPurchase - true for the MBG/NBD, false for the BG/NBD.
 * @returns The model.
 *
 * @example
 * ```ts
 * const model = betaGeometricModel("mbgnbd", true);
 * model.pAlive({ r: 1, alpha: 1, a: 1, b: 2 }, { frequency: 0, recency: 0, T: 3 }); // => 0.3333… (1 / (1 + ½ · 4))
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function betaGeometricModel(
  name: "bgnbd" | "mbgnbd",
  dropoutAtFirstPurchase: boolean,
): PurchaseModel<keyof BetaGeometricParameters> {
  const shift = dropoutAtFirstPurchase ? 1 : 0;
  return {
    name,
    parameterNames: ["r", "alpha", "a", "b"],
    discrete: false,
    logLikelihood(p, d) {
      return betaGeometricLikelihood(p, indexSummaries(d), dropoutAtFirstPurchase).value;
    },
    fit(data, options): ModelFit<keyof BetaGeometricParameters> {
      const diagnosis = data.frequency.some((x) => x > 0)
        ? []
        : [makeIssue("model.no-repeat-buyers", [], { model: name, customers: data.customers })];
      const indexed = indexSummaries(data);
      return fitMaximumLikelihood(
        name,
        this.parameterNames,
        ([r = 1, alpha = 1, a = 1, b = 1]) =>
          betaGeometricLikelihood({ r, alpha, a, b }, indexed, dropoutAtFirstPurchase).value,
        [1, 1, 1, 1],
        data.customers,
        options,
        diagnosis,
        {
          expansion: ([r = 1, alpha = 1, a = 1, b = 1]) =>
            betaGeometricLikelihood({ r, alpha, a, b }, indexed, dropoutAtFirstPurchase),
        },
      );
    },
    expectedPurchases(p, t) {
      if (t <= 0) return 0;
      const { r, alpha, a, b } = p;
      const aliveAfterFirst = dropoutAtFirstPurchase ? b / (a + b) : 1;
      return aliveAfterFirst * purchasesWhileAlive(r, t / alpha, a, b + shift);
    },
    purchaseCountProbability(p, x, t) {
      return betaGeometricCountProbability(p.r, p.alpha, p.a, p.b, x, t, dropoutAtFirstPurchase);
    },
    expectedPurchasesWhileAlive(p, t, c) {
      if (t <= 0) return 0;
      const { r, alpha, a, b } = p;
      const x = c.frequency;
      return purchasesWhileAlive(r + x, t / (alpha + c.T), a, b + x + shift);
    },
    conditionalExpectedPurchases(p, t, c) {
      return t <= 0 ? 0 : this.expectedPurchasesWhileAlive(p, t, c) * this.pAlive(p, c);
    },
    pAlive(p, c) {
      const x = c.frequency;
      if (x === 0 && !dropoutAtFirstPurchase) return 1;
      const { r, alpha, a, b } = p;
      const logOdds =
        Math.log(a) -
        Math.log(b + x - (1 - shift)) +
        (r + x) * (Math.log(alpha + c.T) - Math.log(alpha + c.recency));
      return 1 / (1 + Math.exp(logOdds));
    },
    simulate(p, options): BtydSummary[] {
      const random = createRandom(options.seed);
      const result: BtydSummary[] = [];
      for (let i = 0; i < options.customers; i++) {
        const lambda = randomGamma(random, p.r) / p.alpha;
        const drop = randomBeta(random, p.a, p.b);
        let time = 0;
        let x = 0;
        let last = 0;
        // MBG/NBD: a customer may also drop out right after the first purchase.
        if (!(dropoutAtFirstPurchase && random() < drop)) {
          for (;;) {
            time += -Math.log(1 - random()) / lambda;
            if (time > options.T) break;
            x++;
            last = time;
            if (random() < drop) break;
          }
        }
        result.push({ frequency: x, recency: last, T: options.T });
      }
      return result;
    },
  };
}
