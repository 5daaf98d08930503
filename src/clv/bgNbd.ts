import { betaGeometricModel } from "./betaGeometricModel.js";
import type { PurchaseModel } from "./PurchaseModel.js";

/** The BG/NBD parameter names: purchase rate gamma(r, α), dropout probability beta(a, b). */
export type BgNbdParameter = "r" | "alpha" | "a" | "b";

/**
 * The BG/NBD model (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive, a customer
 * buys as a Poisson process with rate λ ~ gamma(r, α); after each purchase she drops out with probability
 * p ~ beta(a, b). Non-contractual, continuous time. The likelihood is computed in log space; the
 * expected purchases use ₂F₁ after Euler's transformation, or a quadrature over p where that series cancels (a ≈ 1,
 * a + b ≈ 1), so x up to 10,000 and a + b < 1 stay finite and non-negative.
 *
 * @example
 * ```ts
 * const fit = bgNbd.fit(groupSummaries(cdnowSummaryRows)); // CDNOW sample, weeks
 * fit.params; // => { r: 0.243, alpha: 4.414, a: 0.793, b: 2.426 } (to 3 decimals)
 * fit.logLikelihood; // => -9582.4
 * bgNbd.conditionalExpectedPurchases(fit.params, 39, { frequency: 2, recency: 30.43, T: 38.86 }); // => 1.226
 * ```
 */
export const bgNbd: PurchaseModel<BgNbdParameter> = betaGeometricModel("bgnbd", false);
