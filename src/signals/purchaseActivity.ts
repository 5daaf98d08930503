import type { Transaction } from "../model/transaction.js";
import { createPurchaseActivityAccumulator } from "./createPurchaseActivityAccumulator.js";

/**
 * A customer's orders and product categories in the recent window and in the window of the same length before it,
 * computed by {@link purchaseActivity}: the inputs of the "order frequency drop" and "narrowing product range"
 * churn signals.
 *
 * @example
 * ```ts
 * const activity: PurchaseActivity = { recentOrders: 2, previousOrders: 6, recentCategories: 1, previousCategories: 3 };
 * ```
 */
export interface PurchaseActivity {
  /** Orders (distinct `orderId`s of sales; a sale without one is an order of its own) in (asOf − windowDays, asOf]. */
  recentOrders: number;
  /** Orders in (asOf − 2·windowDays, asOf − windowDays]. */
  previousOrders: number;
  /** Distinct categories of the recent window's sales (a sale without a category counts its product, else nothing). */
  recentCategories: number;
  /** Distinct categories of the previous window's sales. */
  previousCategories: number;
}

/**
 * The options of {@link purchaseActivity}.
 *
 * @example
 * ```ts
 * const options: PurchaseActivityOptions = { asOf: "2024-06-30", windowDays: 90 };
 * ```
 */
export interface PurchaseActivityOptions {
  /** The last day counted, `YYYY-MM-DD`; rows after it are ignored. */
  asOf: string;
  /** The length of each window in days, a positive whole number; default 90. */
  windowDays?: number | undefined;
}

/**
 * Counts each customer's orders and product categories in the recent window (asOf − windowDays, asOf] and in the
 * previous window of the same length (asOf − 2·windowDays, asOf − windowDays], for the "order frequency drop"
 * and "narrowing product range" churn signals. Only sales count (returns and cancellations do not). Orders are
 * the distinct `orderId`s of a window's sales, and a sale without an `orderId` is an order of its own (as in
 * {@link summarize}); an order whose lines fall in both windows counts in both. A sale's category is its
 * `category`, else its product (a product counts as a category of its own), else it has none.
 *
 * Every customer with a transaction (of any kind, at any date up to `asOf`) gets an entry, with zeros when it
 * bought nothing in the windows; a customer without an entry has no data. Rows after `asOf` and rows whose date
 * is not a day are ignored. One pass over the rows; each row's date is read once.
 *
 * @param transactions - Sales, returns and cancellations of any customers, in any order.
 * @param options - The last day counted and the window length; see {@link PurchaseActivityOptions}.
 * @returns Customer id → its {@link PurchaseActivity}, in the order the customers first appear.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`): `asOf` missing or not a date
 * written `YYYY-MM-DD`, `windowDays` not a positive whole number, an unknown option.
 *
 * @example
 * ```ts
 * const sale = (date: string, orderId: string, category: string) =>
 *   ({ customerId: "C1", date, orderId, category, amountMinor: 1000, currency: "EUR", kind: "sale" }) as const;
 * const activity = purchaseActivity(
 *   [sale("2024-02-10", "A", "tools"), sale("2024-03-01", "B", "paint"), sale("2024-05-20", "C", "tools")],
 *   { asOf: "2024-06-30", windowDays: 90 },
 * );
 * activity.get("C1"); // => { recentOrders: 1, previousOrders: 2, recentCategories: 1, previousCategories: 2 }
 * ```
 */
export function purchaseActivity(
  transactions: readonly Transaction[],
  options: PurchaseActivityOptions,
): Map<string, PurchaseActivity> {
  const accumulator = createPurchaseActivityAccumulator(options);
  // An indexed loop (see summarize.ts on why not for…of).
  for (let i = 0; i < transactions.length; i++) accumulator.add(transactions[i] as Transaction);
  return accumulator.result();
}
