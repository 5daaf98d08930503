import { formatMessage } from "../model/formatMessage.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { chartSpec } from "./chartSpec.js";
import { heatmapLayers } from "./heatmapLayers.js";
import { majorUnits } from "./majorUnits.js";
import type { ReportRfm } from "./ReportData.js";
import type { MoneyChartOptions, VegaLiteSpec, VegaLiteValue } from "./VegaLiteSpec.js";

/**
 * Options of {@link rfmGridChart}.
 *
 * @example
 * ```ts
 * const options: RfmGridChartOptions = { currency: "CNY", colour: "monetary", locale: "zh-CN" };
 * ```
 */
export interface RfmGridChartOptions extends MoneyChartOptions {
  /** What colours a cell: its accounts (default) or their mean net revenue (needs `monetaryMinor`). */
  colour?: "accounts" | "monetary" | undefined;
}

/**
 * The RFM grid as a Vega-Lite heatmap: recency score (highest at the top) × frequency score, one cell per score
 * pair with its accounts written in it, coloured by the accounts or by their mean net revenue. One data row per
 * cell, `r` and `f` ascending: `{ r, f, accounts }`, plus `meanRevenue` (major units; `null` for an empty cell) and
 * `revenueMinor` when the grid has `monetaryMinor`.
 *
 * @param rfm - The grid (`grid[r − 1][f − 1]` accounts) and, for the monetary colour, the cells' revenue.
 * @param options - The colour, the currency and the language.
 * @returns The spec, data inlined.
 * @throws {KeyAccountError} (`option.invalid`) when `colour` is `monetary` and the grid has no `monetaryMinor`.
 *
 * @example
 * ```ts
 * const spec = rfmGridChart({ grid: [[4, 0], [1, 2]], breaks }, { currency: "USD" });
 * spec.data; // => { values: [{ r: 1, f: 1, accounts: 4 }, { r: 1, f: 2, accounts: 0 }, { r: 2, f: 1, accounts: 1 }, { r: 2, f: 2, accounts: 2 }] }
 * ```
 */
export function rfmGridChart(rfm: ReportRfm, options: RfmGridChartOptions): VegaLiteSpec {
  const { currency } = options;
  const locale = options.locale ?? "en";
  const colour = options.colour ?? "accounts";
  const { grid, monetaryMinor } = rfm;
  if (colour === "monetary" && monetaryMinor === undefined) {
    throw new KeyAccountError([
      makeIssue("option.invalid", ["colour"], {
        field: "colour",
        reason: "the monetary colour needs the grid's monetaryMinor",
      }),
    ]);
  }
  const values: VegaLiteValue[] = [];
  let maxColour = 0;
  grid.forEach((row, r) => {
    row.forEach((accounts, f) => {
      const cell: { [key: string]: VegaLiteValue } = { r: r + 1, f: f + 1, accounts };
      const revenueMinor = monetaryMinor?.[r]?.[f];
      if (revenueMinor !== undefined) {
        const meanRevenue = accounts > 0 ? majorUnits(revenueMinor / accounts, currency) : null;
        cell.meanRevenue = meanRevenue;
        cell.revenueMinor = revenueMinor;
      }
      const shown = colour === "accounts" ? accounts : cell.meanRevenue;
      if (typeof shown === "number" && shown > maxColour) maxColour = shown;
      values.push(cell);
    });
  });
  const [colourField, colourTitle, title] =
    colour === "accounts"
      ? ["accounts", formatMessage("report.label.accounts", {}, locale), "report.chart.rfm.accounts" as const]
      : [
          "meanRevenue",
          formatMessage("report.label.mean-revenue-in", { currency }, locale),
          "report.chart.rfm.monetary" as const,
        ];
  return chartSpec(formatMessage(title, {}, locale), {
    data: { values },
    width: 300,
    height: 300,
    encoding: {
      x: {
        field: "f",
        type: "ordinal",
        title: formatMessage("report.label.frequency-score", {}, locale),
        axis: { labelAngle: 0 },
      },
      y: {
        field: "r",
        type: "ordinal",
        sort: "descending",
        title: formatMessage("report.label.recency-score", {}, locale),
      },
    },
    layer: heatmapLayers(colourField, colourTitle, "accounts", maxColour),
  });
}
