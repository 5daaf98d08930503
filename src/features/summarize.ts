import type { Customer } from "../model/customer.js";
import type { Interaction } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import type { Transaction } from "../model/transaction.js";
import { Accumulator } from "./Accumulator.js";
import type { FeatureOptions } from "./FeatureOptions.js";
import type { FeatureSummary } from "./FeatureSummary.js";
import { resolveFeatureOptions } from "./resolveFeatureOptions.js";

/** The records {@link summarize} reads; only `transactions` is required. */
export interface SummarizeInput {
  /** Sales, returns and cancellations. */
  transactions: Iterable<Transaction>;
  /** Visits, calls, complaints, feedback … */
  interactions?: Iterable<Interaction> | undefined;
  /** Invoices with their payments. */
  invoices?: Iterable<Invoice> | undefined;
  /** Customer records (created date, credit limit); customers without any other row are listed too. */
  customers?: Iterable<Customer> | undefined;
}

/**
 * Summarises records per customer as of a day: the BTYD summary (`frequency`, `recency`, `T`,
 * `monetaryValue`, with an optional calibration/holdout split) and the facts a key-account manager needs
 * (revenue, margin, orders, cadence, trend, complaints, NPS, receivables). One pass over the rows; the same as
 * adding every record to a {@link createFeatureAccumulator} and reading its `summary()`.
 *
 * @param input - The records; see {@link SummarizeInput}.
 * @param options - The summary day and the BTYD grouping and unit; see {@link FeatureOptions}.
 * @returns The features sorted by customer id — as columns (`columns`, what {@link rfm} and {@link profitTable}
 * read fastest) and as one object per customer (`features`, built on first read) — with the period, time unit and
 * counts (customers left out of the calibration summary, rows after `asOf` …).
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`).
 *
 * @example
 * ```ts
 * const sale = (date: string, amountMinor: number) =>
 *   ({ customerId: "C1", date, amountMinor, currency: "USD", kind: "sale" }) as const;
 * const summary = summarize(
 *   { transactions: [sale("1997-01-01", 2933), sale("1997-01-18", 2973), sale("1997-08-02", 1496)] },
 *   { asOf: "1997-09-30", timeUnit: "week" },
 * );
 * const c1 = summary.features[0];
 * [c1?.frequency, c1?.recency?.toFixed(2), c1?.T?.toFixed(2), c1?.monetaryValue]; // => [2, "30.43", "38.86", 2234.5]
 * summary.columns.frequency[0]; // => 2
 * summary.timeUnit; // => "week"
 * ```
 */
export function summarize(input: SummarizeInput, options: FeatureOptions): FeatureSummary {
  const { transactions } = input;
  const accumulator = new Accumulator(
    resolveFeatureOptions(options),
    Array.isArray(transactions) ? transactions.length : 0,
  );
  if (Array.isArray(transactions)) addTransactions(accumulator, transactions);
  else for (const transaction of transactions) accumulator.addTransaction(transaction);
  for (const interaction of input.interactions ?? []) accumulator.addInteraction(interaction);
  for (const invoice of input.invoices ?? []) accumulator.addInvoice(invoice);
  for (const customer of input.customers ?? []) accumulator.addCustomer(customer);
  return accumulator.summary();
}

/**
 * Adds an array of transactions with an indexed loop (for…of allocates an iterator result per row when the body
 * is not inlined); a function of its own, with nothing after the loop, as explained in groupRows.ts.
 */
function addTransactions(accumulator: Accumulator, rows: readonly Transaction[]): void {
  for (let i = 0; i < rows.length; i++) accumulator.addTransaction(rows[i] as Transaction);
}
