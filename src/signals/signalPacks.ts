import { CARE_PACK } from "./packs/care.js";
import { CHURN_PACK } from "./packs/churn.js";
import { COMPLAINTS_PACK } from "./packs/complaints.js";
import { CREDIT_PACK } from "./packs/credit.js";
import { FOLLOW_UP_PACK } from "./packs/follow-up.js";
import { QUALIFICATION_PACK } from "./packs/qualification.js";
import type { SignalPackName, SignalPolicy } from "./signalPolicySchema.js";

/**
 * The built-in rule packs, each a signal policy of its own, written as JSON data in `src/signals/packs/` (to copy
 * and edit: `keyaccount signals --print-pack NAME` prints one as a JSON file). A policy includes them by name
 * (`include`).
 * Every text is in English and Chinese.
 *
 * - `churn`: overdue against the account's own purchase cycle (> 2× and > 4× its median interval), spend decline
 *   (recent window < 50 % of the previous), order-frequency drop, narrowing product range, P(alive) < 0.3, three
 *   or more recent complaints, falling satisfaction, NPS detractor, no contact for three cadences, and a
 *   `health` points score (0–100, contact points halving every 30 days) with an alert below 30.
 * - `credit`: aging buckets 1–30 / 31–60 / 61–90 / 90+ days past due, paying slower (recent days-to-pay > 1.25×
 *   the earlier + 5), credit utilisation ≥ 80 % and > 100 %, and the `credit` grade A–D (unrated without
 *   invoices) with an alert for C and D.
 * - `complaints`: open complaints, first response and resolution later than the tier's targets, repeat
 *   complaints.
 * - `follow-up`: follow-up overdue against the tier's cadence; the shared-pool warning and return.
 * - `care`: a care date within 7 days; no greeting or gift for 180 days for tiered accounts.
 * - `qualification`: expired, expiring, unverified documents, stale verification; stale customer record.
 *
 * @example
 * ```ts
 * SIGNAL_PACKS.credit.rules?.map((rule) => rule.id).includes("credit.overdue-90-plus"); // => true
 * SIGNAL_PACKS.credit.grades?.[0]?.name; // => "credit"
 * ```
 */
export const SIGNAL_PACKS: Readonly<Record<SignalPackName, SignalPolicy>> = {
  churn: CHURN_PACK,
  credit: CREDIT_PACK,
  complaints: COMPLAINTS_PACK,
  "follow-up": FOLLOW_UP_PACK,
  care: CARE_PACK,
  qualification: QUALIFICATION_PACK,
};
