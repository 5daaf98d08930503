import { formatMessage } from "../model/formatMessage.js";
import type { TierMigration } from "../tier/tierMigration.js";
import { chartSpec } from "./chartSpec.js";
import { heatmapLayers } from "./heatmapLayers.js";
import { migrationLabels } from "./migrationLabels.js";
import type { ChartOptions, VegaLiteSpec, VegaLiteValue } from "./VegaLiteSpec.js";

/**
 * The tier migration as a Vega-Lite heatmap: previous tier (rows, best first, then new accounts) × current tier
 * (columns, best first, then departed accounts), each cell with its accounts written in it and coloured by them.
 * One data row per cell, row by row: `{ from, to, accounts, revenueMinor }`, the tiers as named, the last row and
 * column in the locale's words (`New`, `Departed`; `新增`, `已退出`).
 *
 * @param migration - The migration ({@link tierMigration}).
 * @param options - The language.
 * @returns The spec, data inlined.
 *
 * @example
 * ```ts
 * const spec = tierMigrationChart(tierMigration(assignment), { locale: "zh-CN" });
 * spec.title; // => { text: "分级迁移矩阵", anchor: "start" }
 * ```
 */
export function tierMigrationChart(migration: TierMigration, options: ChartOptions = {}): VegaLiteSpec {
  const locale = options.locale ?? "en";
  const labels = migrationLabels(migration, locale);
  const values: VegaLiteValue[] = [];
  let maxAccounts = 0;
  labels.from.forEach((from, row) => {
    labels.to.forEach((to, column) => {
      const accounts = migration.accounts[row]?.[column] ?? 0;
      const revenueMinor = migration.revenueMinor[row]?.[column] ?? 0;
      if (accounts > maxAccounts) maxAccounts = accounts;
      values.push({ from, to, accounts, revenueMinor });
    });
  });
  const accountsTitle = formatMessage("report.label.accounts", {}, locale);
  return chartSpec(formatMessage("report.chart.migration", {}, locale), {
    data: { values },
    width: 60 * labels.to.length,
    height: 40 * labels.from.length,
    encoding: {
      x: {
        field: "to",
        type: "nominal",
        sort: labels.to,
        title: formatMessage("report.label.current-tier", {}, locale),
        axis: { orient: "top", labelAngle: 0 },
      },
      y: {
        field: "from",
        type: "nominal",
        sort: labels.from,
        title: formatMessage("report.label.previous-tier", {}, locale),
      },
    },
    layer: heatmapLayers("accounts", accountsTitle, "accounts", maxAccounts),
  });
}
