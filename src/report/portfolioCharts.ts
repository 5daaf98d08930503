import type { Locale } from "../model/locale.js";
import { alertsChart } from "./alertsChart.js";
import { modelCheckChart } from "./modelCheckChart.js";
import type { ReportData } from "./ReportData.js";
import { rfmGridChart } from "./rfmGridChart.js";
import { tierDistributionChart } from "./tierDistributionChart.js";
import { tierMigrationChart } from "./tierMigrationChart.js";
import type { VegaLiteSpec } from "./VegaLiteSpec.js";
import { whaleCurveChart } from "./whaleCurveChart.js";

/**
 * Every chart of the portfolio report as Vega-Lite specs, by name, in the report's order: `tiers`, `rfm`,
 * `whaleCurve`, `migration` (only with a migration), `modelCheck` (only with a model check), `alerts`. A CRM can
 * render them in its own pages (e.g. with vega-embed); {@link reportHtml} shows the same charts.
 *
 * @param data - The report's data.
 * @param locale - The language of the titles and labels; default `data.locale`.
 * @returns Chart name → spec.
 *
 * @example
 * ```ts
 * Object.keys(portfolioCharts(firstRunData)); // => ["tiers", "rfm", "whaleCurve", "alerts"]
 * ```
 */
export function portfolioCharts(
  data: ReportData,
  locale: Locale = data.locale,
): Record<string, VegaLiteSpec> {
  const money = { currency: data.currency, locale };
  const charts: Record<string, VegaLiteSpec> = {
    tiers: tierDistributionChart(data.tiers, money),
    rfm: rfmGridChart(data.rfm, money),
    whaleCurve: whaleCurveChart(data.whaleCurve, money),
  };
  if (data.migration !== undefined) charts.migration = tierMigrationChart(data.migration, { locale });
  if (data.modelCheck !== undefined) charts.modelCheck = modelCheckChart(data.modelCheck.check, { locale });
  charts.alerts = alertsChart(data.alertCounts, { locale });
  return charts;
}
