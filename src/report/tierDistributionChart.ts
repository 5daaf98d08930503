import { formatMessage } from "../model/formatMessage.js";
import { chartSpec } from "./chartSpec.js";
import { majorUnits } from "./majorUnits.js";
import type { ReportTier } from "./ReportData.js";
import type { MoneyChartOptions, VegaLiteSpec } from "./VegaLiteSpec.js";

/**
 * The tier distribution as a Vega-Lite spec: two bar charts side by side, the accounts and the net revenue of each
 * tier, tiers in the given order (best first). Each data row carries the tier's name, accounts, revenue (major
 * units, and `revenueMinor` exactly) and both shares.
 *
 * @param tiers - The tiers, best first.
 * @param options - The currency of the amounts and the language of the labels.
 * @returns The spec, data inlined.
 *
 * @example
 * ```ts
 * const spec = tierDistributionChart(
 *   [{ name: "key", accounts: 2, revenueMinor: 800000, accountShare: 0.2, revenueShare: 0.8 }],
 *   { currency: "CNY", locale: "zh-CN" },
 * );
 * spec.title; // => { text: "客户分级分布", anchor: "start" }
 * ```
 */
export function tierDistributionChart(
  tiers: readonly ReportTier[],
  options: MoneyChartOptions,
): VegaLiteSpec {
  const { currency } = options;
  const locale = options.locale ?? "en";
  const x = {
    field: "tier",
    type: "nominal",
    sort: tiers.map((tier) => tier.name),
    title: formatMessage("report.label.tier", {}, locale),
    axis: { labelAngle: 0 },
  };
  const bars = (field: string, title: string, axis: VegaLiteSpec): VegaLiteSpec => ({
    width: 240,
    height: 200,
    mark: { type: "bar" },
    encoding: { x, y: { field, type: "quantitative", title, axis } },
  });
  return chartSpec(formatMessage("report.chart.tiers", {}, locale), {
    data: {
      values: tiers.map((tier) => ({
        tier: tier.name,
        accounts: tier.accounts,
        revenue: majorUnits(tier.revenueMinor, currency),
        revenueMinor: tier.revenueMinor,
        accountShare: tier.accountShare,
        revenueShare: tier.revenueShare,
      })),
    },
    hconcat: [
      bars("accounts", formatMessage("report.label.accounts", {}, locale), { tickMinStep: 1, format: ",d" }),
      bars("revenue", formatMessage("report.label.revenue-in", { currency }, locale), {}),
    ],
  });
}
