import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import type { Customer } from "../model/customer.js";
import type { Interaction } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import type { Qualification } from "../model/qualification.js";
import type { PurchaseActivity } from "./purchaseActivity.js";

/**
 * Where an account stands with the shared pool (公海) of a CRM: when the current owner claimed it, and whether it
 * is exempt from being returned (locked by a manager, or a won deal).
 *
 * @example
 * ```ts
 * const pool: PoolState = { claimedDate: "2024-05-06", locked: false };
 * ```
 */
export interface PoolState {
  /** The day the owner took the account from the pool (or was assigned it), `YYYY-MM-DD`. */
  claimedDate?: string | undefined;
  /** Locked by a manager: never returned to the pool. */
  locked?: boolean | undefined;
  /** Marked as won (成交): never returned to the pool. */
  won?: boolean | undefined;
}

/**
 * Everything the signal rules may read about one account. Each part is optional: a metric whose source is absent
 * is missing, and a condition on a missing metric does not hold. Records are the account's own (their
 * `customerId` is `id`), in any order; rows dated after `asOf` are ignored.
 *
 * @example
 * ```ts
 * const account: SignalAccount = {
 *   id: "C-001",
 *   features: summary.features[0],
 *   tier: "key",
 *   interactions: [{ customerId: "C-001", kind: "visit", date: "2024-05-02" }],
 * };
 * ```
 */
export interface SignalAccount {
  /** The account's id. */
  id: string;
  /** The customer record (contacts, important dates, credit limit, review date). */
  customer?: Customer | undefined;
  /** The per-customer facts ({@link summarize}). */
  features?: CustomerFeatures | undefined;
  /** Orders and categories in the recent and the previous window ({@link purchaseActivity}). */
  activity?: PurchaseActivity | undefined;
  /** The account's interactions (visits, calls, care, complaints, feedback). */
  interactions?: readonly Interaction[] | undefined;
  /** The account's invoices with their payments. */
  invoices?: readonly Invoice[] | undefined;
  /** The account's qualification documents. */
  qualifications?: readonly Qualification[] | undefined;
  /** The account's tier ({@link assignTiers}); rules and cadences may depend on it. */
  tier?: string | undefined;
  /** The account's RFM segment ({@link rfm}). */
  segment?: string | undefined;
  /** The probability the customer is alive, from a fitted BTYD model ({@link predictPurchases}). */
  pAlive?: number | undefined;
  /** The account's shared-pool state. */
  pool?: PoolState | undefined;
}
