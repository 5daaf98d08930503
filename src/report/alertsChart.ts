import { formatMessage } from "../model/formatMessage.js";
import { alertCategoryLabel } from "./alertCategoryLabel.js";
import { chartSpec } from "./chartSpec.js";
import type { AlertCount } from "./ReportData.js";
import { SEVERITIES } from "./severities.js";
import type { ChartOptions, VegaLiteSpec } from "./VegaLiteSpec.js";

const SEVERITY_COLOURS = ["#d62728", "#ff7f0e", "#1f77b4"];

/**
 * The alerts as a Vega-Lite stacked bar chart: one bar per category (most alerts first, ties by category), stacked
 * by severity (critical at the bottom, red; warning, orange; info, blue). One data row per count above zero, in
 * bar and stack order: `{ category, categoryLabel, severity, severityLabel, severityRank, alerts }` (rank 0 = critical).
 *
 * @param counts - Alerts per category and severity.
 * @param options - The language.
 * @returns The spec, data inlined.
 *
 * @example
 * ```ts
 * const spec = alertsChart([{ category: "credit", severity: "critical", alerts: 3 }]);
 * spec.data; // => { values: [{ category: "credit", categoryLabel: "Credit", severity: "critical",
 * //                            severityLabel: "Critical", severityRank: 0, alerts: 3 }] }
 * ```
 */
export function alertsChart(counts: readonly AlertCount[], options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? "en";
  const totals = new Map<string, number>();
  for (const count of counts) totals.set(count.category, (totals.get(count.category) ?? 0) + count.alerts);
  const categories = [...totals.keys()]
    .filter((category) => (totals.get(category) as number) > 0)
    .sort((a, b) => (totals.get(b) as number) - (totals.get(a) as number) || (a < b ? -1 : a > b ? 1 : 0));
  const severityLabels = SEVERITIES.map((severity) =>
    formatMessage(`report.severity.${severity}`, {}, locale),
  );
  const values = categories.flatMap((category) =>
    counts
      .filter((count) => count.category === category && count.alerts > 0)
      .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity))
      .map((count) => ({
        category,
        categoryLabel: alertCategoryLabel(category, locale),
        severity: count.severity,
        severityLabel: severityLabels[SEVERITIES.indexOf(count.severity)] as string,
        severityRank: SEVERITIES.indexOf(count.severity),
        alerts: count.alerts,
      })),
  );
  return chartSpec(formatMessage("report.chart.alerts", {}, locale), {
    data: { values },
    width: Math.max(160, 60 * categories.length),
    height: 240,
    mark: { type: "bar" },
    encoding: {
      x: {
        field: "categoryLabel",
        type: "nominal",
        sort: categories.map((category) => alertCategoryLabel(category, locale)),
        title: formatMessage("report.label.category", {}, locale),
        axis: { labelAngle: 0 },
      },
      y: {
        field: "alerts",
        type: "quantitative",
        stack: "zero",
        axis: { tickMinStep: 1, format: ",d" },
        title: formatMessage("report.label.alerts", {}, locale),
      },
      color: {
        field: "severityLabel",
        type: "nominal",
        title: formatMessage("report.label.severity", {}, locale),
        scale: { domain: severityLabels, range: SEVERITY_COLOURS },
      },
      order: { field: "severityRank", type: "quantitative" },
    },
  });
}
