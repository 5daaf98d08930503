import type { Locale } from "../model/locale.js";
import { portfolioCharts } from "../report/portfolioCharts.js";
import type { ReportData } from "../report/ReportData.js";
import { reportHtml } from "../report/reportHtml.js";
import { renderChartSvg } from "./renderChartSvg.js";

/**
 * The portfolio report as a self-contained HTML page with its charts drawn: every chart of `portfolioCharts`
 * rendered to SVG with vega ({@link renderChartSvg}, embedded, ids prefixed with `chart-NAME` so the charts of the
 * page never share one), then laid out by `reportHtml`.
 *
 * @param data - The report's data.
 * @param locale - The language of the headings and labels; default `data.locale`.
 * @returns The HTML document.
 * @throws {Error} when vega cannot render a chart.
 *
 * @example
 * ```ts
 * await writeFile("report.html", await renderReportHtml(data));
 * ```
 */
export async function renderReportHtml(data: ReportData, locale: Locale = data.locale): Promise<string> {
  const svgs = new Map<string, string>();
  for (const [name, spec] of Object.entries(portfolioCharts(data, locale))) {
    svgs.set(name, await renderChartSvg(spec, { embedded: true, idPrefix: `chart-${name}` }));
  }
  return reportHtml(data, { locale, renderChart: (_spec, name) => svgs.get(name) ?? "" });
}
