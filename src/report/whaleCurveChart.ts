import { formatMessage } from "../model/formatMessage.js";
import type { WhaleCurve } from "../profit/whaleCurve.js";
import { chartSpec } from "./chartSpec.js";
import { majorUnits } from "./majorUnits.js";
import type { MoneyChartOptions, VegaLiteSpec } from "./VegaLiteSpec.js";

/**
 * The whale curve as a Vega-Lite spec: cumulative profit against the share of accounts ranked by profit (most
 * profitable first), a dashed rule at the total (100 %), and a dot at the peak. With a positive total the y axis
 * is the share of the total profit (`profitShare`, shown as %); otherwise shares of the total mean nothing and it
 * is the cumulative profit in major units (`cumulativeProfit`), the rule at the total. Each point's row carries
 * `customerShare`, `cumulativeProfitMinor` and the y field.
 *
 * @param curve - The whale curve ({@link whaleCurve}).
 * @param options - The currency and the language.
 * @returns The spec, data inlined in each layer.
 *
 * @example
 * ```ts
 * const spec = whaleCurveChart(whaleCurve([50, -20, 100, -30]), { currency: "USD" });
 * (spec.layer as VegaLiteSpec[])[1]?.data; // => { values: [{ profitShare: 1 }] } (the rule at 100 %)
 * (spec.layer as VegaLiteSpec[])[2]?.data;
 * // => { values: [{ customerShare: 0.5, cumulativeProfitMinor: 150, profitShare: 1.5 }] } (the peak)
 * ```
 */
export function whaleCurveChart(curve: WhaleCurve, options: MoneyChartOptions): VegaLiteSpec {
  const { currency } = options;
  const locale = options.locale ?? "en";
  const byShare = curve.totalProfitMinor > 0;
  const yField = byShare ? "profitShare" : "cumulativeProfit";
  const yOf = (cumulativeProfitMinor: number): number =>
    byShare ? cumulativeProfitMinor / curve.totalProfitMinor : majorUnits(cumulativeProfitMinor, currency);
  const row = (point: { customerShare: number; cumulativeProfitMinor: number }) => ({
    customerShare: point.customerShare,
    cumulativeProfitMinor: point.cumulativeProfitMinor,
    [yField]: yOf(point.cumulativeProfitMinor),
  });
  const x = {
    field: "customerShare",
    type: "quantitative",
    title: formatMessage("report.label.customer-share", {}, locale),
    scale: { domain: [0, 1] },
    axis: { format: ".0%" },
  };
  const y = {
    field: yField,
    type: "quantitative",
    title: byShare
      ? formatMessage("report.label.profit-share", {}, locale)
      : formatMessage("report.label.cumulative-profit-in", { currency }, locale),
    ...(byShare ? { axis: { format: ".0%" } } : {}),
  };
  return chartSpec(formatMessage("report.chart.whale", {}, locale), {
    width: 400,
    height: 260,
    layer: [
      { data: { values: curve.points.map(row) }, mark: { type: "line" }, encoding: { x, y } },
      {
        data: { values: [{ [yField]: yOf(curve.totalProfitMinor) }] },
        mark: { type: "rule", strokeDash: [4, 4], color: "#888888" },
        encoding: { y },
      },
      {
        data: { values: [row(curve.peak)] },
        mark: { type: "point", filled: true, size: 60 },
        encoding: { x, y },
      },
    ],
  });
}
