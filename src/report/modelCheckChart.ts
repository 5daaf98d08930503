import type { HoldoutCheck } from "../clv/calibrationHoldoutCheck.js";
import { formatMessage } from "../model/formatMessage.js";
import { chartSpec } from "./chartSpec.js";
import type { ChartOptions, VegaLiteSpec, VegaLiteValue } from "./VegaLiteSpec.js";

/**
 * The purchase model's holdout check as a Vega-Lite line chart (Fader, Hardie & Lee 2005, fig. 4): by repeat
 * purchases in the calibration period (the last group open-ended, `7+`), the mean purchases in the holdout period,
 * actual and predicted, one line each. Two data rows per group, actual first:
 * `{ frequency: "2", series: "Actual", purchases, customers }`.
 *
 * @param check - The check ({@link calibrationHoldoutCheck}).
 * @param options - The language.
 * @returns The spec, data inlined.
 *
 * @example
 * ```ts
 * const spec = modelCheckChart({ byFrequency: [{ frequency: 0, andMore: false, customers: 10, actual: 0.2, predicted: 0.25 }],
 *   mae: 0.3, rmse: 0.5, totalActual: 2, totalPredicted: 2.5 });
 * spec.data; // => { values: [{ frequency: "0", series: "Actual", purchases: 0.2, customers: 10 },
 * //                          { frequency: "0", series: "Predicted", purchases: 0.25, customers: 10 }] }
 * ```
 */
export function modelCheckChart(check: HoldoutCheck, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? "en";
  const actual = formatMessage("report.label.actual", {}, locale);
  const predicted = formatMessage("report.label.predicted", {}, locale);
  const frequencies = check.byFrequency.map((group) => `${group.frequency}${group.andMore ? "+" : ""}`);
  const values: VegaLiteValue[] = check.byFrequency.flatMap((group, i) => [
    {
      frequency: frequencies[i] as string,
      series: actual,
      purchases: group.actual,
      customers: group.customers,
    },
    {
      frequency: frequencies[i] as string,
      series: predicted,
      purchases: group.predicted,
      customers: group.customers,
    },
  ]);
  return chartSpec(formatMessage("report.chart.model-check", {}, locale), {
    data: { values },
    width: 400,
    height: 260,
    mark: { type: "line", point: true },
    encoding: {
      x: {
        field: "frequency",
        type: "ordinal",
        sort: frequencies,
        title: formatMessage("report.label.calibration-purchases", {}, locale),
        axis: { labelAngle: 0 },
      },
      y: {
        field: "purchases",
        type: "quantitative",
        title: formatMessage("report.label.holdout-purchases", {}, locale),
      },
      color: {
        field: "series",
        type: "nominal",
        title: null,
        scale: { domain: [actual, predicted], range: ["#333333", "#e45756"] },
        legend: { symbolType: "stroke", symbolStrokeWidth: 2 },
      },
      strokeDash: {
        field: "series",
        type: "nominal",
        title: null,
        scale: {
          domain: [actual, predicted],
          range: [
            [1, 0],
            [5, 3],
          ],
        },
      },
    },
  });
}
