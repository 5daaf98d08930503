import type { FeatureSummary } from "../features/FeatureSummary.js";

/**
 * A summary's description — its day, windows, units and counts — without its per-customer parts. The `features`
 * of a summary are made when first read (a million objects for a million customers), so this names the fields it
 * copies instead of destructuring the rest, which would read them.
 *
 * @param summary - A feature summary.
 * @returns Its fields but `features` and `columns`.
 *
 * @example
 * ```ts
 * describeIngestReport(report, summaryMeta(summary), milliseconds, locale);
 * ```
 */
export function summaryMeta(summary: FeatureSummary): Omit<FeatureSummary, "features" | "columns"> {
  const { asOf, calibrationEnd, period, timeUnit, recentDays, currency, counts } = summary;
  return { asOf, calibrationEnd, period, timeUnit, recentDays, currency, counts };
}
