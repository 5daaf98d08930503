import type { ClvResult } from "../clv/customerLifetimeValue.js";
import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import type { GrowthFeatures } from "../growth/growthFeatures.js";
import type { CustomerPnl } from "../profit/customerProfit.js";
import type { RfmCustomer } from "../rfm/rfm.js";

/**
 * Everything the scorecard may read about one account: the outputs of the earlier stages (each optional — a
 * metric whose source is absent is missing and follows the policy's missing-value rule) and the ratings managers
 * entered in the CRM.
 *
 * @example
 * ```ts
 * const input: TierInput = {
 *   id: "C-001",
 *   features: summary.features[0],
 *   ratings: { strategicFit: 4, expansionPlans: 5 },
 *   qualified: true,
 * };
 * ```
 */
export interface TierInput {
  /** The account's id. */
  id: string;
  /** The per-customer facts ({@link summarize}). */
  features?: CustomerFeatures | undefined;
  /** The RFM scores ({@link rfm}). */
  rfm?: Pick<RfmCustomer, "r" | "f" | "m"> | undefined;
  /** The customer lifetime value ({@link customerLifetimeValue}). */
  clv?: Pick<ClvResult, "clv" | "pAlive" | "expectedPurchases"> | undefined;
  /** The customer P&L ({@link customerProfit}). */
  profit?: CustomerPnl | undefined;
  /** The growth and loyalty features ({@link growthFeatures}). */
  growth?: GrowthFeatures | undefined;
  /** Manager-entered ratings by the names the policy declares in `ratings`, read as metrics `rating.NAME`. */
  ratings?: Readonly<Record<string, number>> | undefined;
  /** Whether the account holds the qualification documents it needs (metric `qualified`: 1 or 0). */
  qualified?: boolean | undefined;
}
