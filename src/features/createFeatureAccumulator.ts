import type { Customer } from "../model/customer.js";
import type { Interaction } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import type { Transaction } from "../model/transaction.js";
import { Accumulator } from "./Accumulator.js";
import type { CustomerFeatures } from "./CustomerFeatures.js";
import type { FeatureOptions } from "./FeatureOptions.js";
import type { FeatureSummary } from "./FeatureSummary.js";
import { resolveFeatureOptions } from "./resolveFeatureOptions.js";

/**
 * Collects records one at a time and summarises them per customer. Accumulators made with the same options
 * merge: summarising disjoint shards of the rows (by customer, or any split of one customer's rows) and merging
 * gives exactly the result of summarising all rows at once, in any order.
 */
export interface FeatureAccumulator {
  /** Adds a transaction line (sale, return or cancellation); lines dated after `asOf` are counted and skipped. */
  addTransaction(transaction: Transaction): void;
  /** Adds an interaction (visit, call, complaint, feedback …); interactions after `asOf` are counted and skipped. */
  addInteraction(interaction: Interaction): void;
  /** Adds an invoice with its payments; invoices issued after `asOf` are counted and skipped. */
  addInvoice(invoice: Invoice): void;
  /**
   * Adds a customer record (created date, credit limit). A customer added more than once keeps the earliest
   * `createdDate` and the largest `creditLimitMinor`.
   */
  addCustomer(customer: Customer): void;
  /**
   * Adds everything another accumulator has collected into this one; the other one is not changed.
   *
   * @throws {KeyAccountError} when the other accumulator has different options or is this one.
   */
  merge(other: FeatureAccumulator): FeatureAccumulator;
  /** One {@link CustomerFeatures} per customer seen, sorted by id (code-unit order). */
  result(): CustomerFeatures[];
  /** The features with their units (`period`, `timeUnit`) and the customer and row counts. */
  summary(): FeatureSummary;
}

/**
 * Creates an empty {@link FeatureAccumulator}: add records in any order and in any number of accumulators, merge
 * them, then read one {@link CustomerFeatures} per customer. Memory is one small state per customer (the sale
 * days and amounts, sorted once at the end); the options are checked here, once.
 *
 * @param options - The summary day, the calibration split, the grouping period and time unit; see
 * {@link FeatureOptions}.
 * @returns An empty accumulator.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`): `asOf` missing or not a date,
 * `calibrationEnd` after `asOf`, an unknown `period` or `timeUnit`, a `recentDays` that is not a positive whole
 * number, an unknown option.
 *
 * @example
 * ```ts
 * const north = createFeatureAccumulator({ asOf: "2024-06-30", timeUnit: "week" });
 * const south = createFeatureAccumulator({ asOf: "2024-06-30", timeUnit: "week" });
 * const sale = { currency: "USD", kind: "sale" } as const;
 * north.addTransaction({ ...sale, customerId: "C1", date: "2024-06-02", amountMinor: 5000 });
 * south.addTransaction({ ...sale, customerId: "C1", date: "2024-06-16", amountMinor: 7000 });
 * const [c1] = north.merge(south).result();
 * [c1?.frequency, c1?.recency, c1?.T, c1?.monetaryValue]; // => [1, 2, 4, 7000]
 * c1?.revenueMinor; // => 12000
 * ```
 */
export function createFeatureAccumulator(options: FeatureOptions): FeatureAccumulator {
  return new Accumulator(resolveFeatureOptions(options));
}
