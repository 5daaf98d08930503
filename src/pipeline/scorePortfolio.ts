import type { Transaction } from "../model/transaction.js";
import { createPortfolioAccumulator } from "./createPortfolioAccumulator.js";
import type { PortfolioOptions, PortfolioRecords, PortfolioResult } from "./PortfolioResult.js";
import type { PortfolioPolicy } from "./portfolioPolicySchema.js";

/**
 * The whole job in one call: per-customer features → RFM → predictive CLV (the purchase and spend models fitted
 * when there are enough repeat buyers, else the reason why not; with a calibration/holdout check) → customer P&L,
 * ABC classes and whale curve → scorecard → tiers (hysteresis against `previous`, overrides, reasons) → signal
 * rules → tasks → KPIs. One entry per account with everything and its reasons, plus the portfolio's totals and
 * per-tier rows, the stages' own results, notices about the data and models, and timings when a clock is given.
 * Pure: no I/O and no clock of its own, so it runs in a browser or a sandbox as it does on a server. For inputs
 * too large to hold, stream the transactions through {@link createPortfolioAccumulator} instead.
 *
 * @param records - The portfolio's records; see {@link PortfolioRecords}.
 * @param policy - The portfolio policy; see {@link PortfolioPolicy} (checked here).
 * @param options - The day, the previous tiers, overrides, fitted models, the language and a clock.
 * @returns The {@link PortfolioResult}.
 * @throws {KeyAccountError} listing every problem of the policy or the options.
 *
 * @example
 * ```ts
 * const sale = (customerId: string, date: string, amountMinor: number) =>
 *   ({ customerId, date, amountMinor, currency: "USD", kind: "sale" }) as const;
 * const result = scorePortfolio(
 *   { transactions: [sale("C1", "2026-03-01", 900000), sale("C2", "2026-04-01", 50000)] },
 *   { version: 1, name: "demo", tiers: "abc", clv: false, signals: [] },
 *   { asOf: "2026-11-30" },
 * );
 * result.accounts.map((account) => [account.id, account.tier]); // => [["C1", "A"], ["C2", "B"]]
 * ```
 */
export function scorePortfolio(
  records: PortfolioRecords,
  policy: PortfolioPolicy,
  options: PortfolioOptions,
): PortfolioResult {
  const run = createPortfolioAccumulator(policy, options);
  const transactions = records.transactions ?? [];
  // An indexed loop (see summarize.ts on why not for…of).
  for (let i = 0; i < transactions.length; i++) run.addTransaction(transactions[i] as Transaction);
  return run.result(records);
}
