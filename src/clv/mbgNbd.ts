import { betaGeometricModel } from "./betaGeometricModel.js";
import type { PurchaseModel } from "./PurchaseModel.js";

/** The MBG/NBD parameter names: purchase rate gamma(r, α), dropout probability beta(a, b). */
export type MbgNbdParameter = "r" | "alpha" | "a" | "b";

/**
 * The MBG/NBD model (Batislam, Denizel & Filiztekin 2007): BG/NBD where a customer can also drop out right after
 * her first purchase, so a customer with no repeat purchase is not certainly alive (P(alive) < 1 at x = 0).
 * Purchase rate λ ~ gamma(r, α), dropout probability p ~ beta(a, b). Likelihood in log space; expected purchases
 * via ₂F₁ after Euler's transformation.
 *
 * @example
 * ```ts
 * const fit = mbgNbd.fit(groupSummaries(cdnowSummaryRows)); // CDNOW sample, weeks
 * mbgNbd.pAlive(fit.params, { frequency: 0, recency: 0, T: 38.86 }); // => < 1, unlike BG/NBD
 * ```
 */
export const mbgNbd: PurchaseModel<MbgNbdParameter> = betaGeometricModel("mbgnbd", true);
