import type { FeatureSummary } from "../features/FeatureSummary.js";
import type { IngestReport } from "../ingest/IngestReport.js";

const SHOWN_ISSUES = 5;

/**
 * The closing lines of a command on standard error: the row accounting (read = used + rejected, by reason),
 * the first few rejections with their row numbers, what the summary covers, and the time taken.
 */
export function describeIngestReport(
  report: IngestReport,
  meta: Omit<FeatureSummary, "features" | "columns">,
  milliseconds: number,
): string {
  const lines = [
    `rows read ${report.input}: used ${report.accepted}, rejected ${report.rejected}`,
    ...Object.entries(report.rejectedByCode).map(([code, count]) => `  rejected ${code}: ${count}`),
    ...Object.entries(report.noticesByCode).map(
      ([code, count]) => `  accepted with notice ${code}: ${count}`,
    ),
    ...report.issues.slice(0, SHOWN_ISSUES).map((issue) => `  row ${issue.row ?? "?"}: ${issue.message}`),
  ];
  if (report.issues.length > SHOWN_ISSUES)
    lines.push(`  … ${report.rejected - SHOWN_ISSUES} more (see --report)`);
  if (report.ignoredColumns.length > 0) lines.push(`columns not used: ${report.ignoredColumns.join(", ")}`);
  const { counts } = meta;
  lines.push(
    `customers ${counts.customers} (${counts.withBtydSummary} with a BTYD summary${
      counts.excludedFromCalibration > 0
        ? `, ${counts.excludedFromCalibration} first bought after the calibration end`
        : ""
    }); as of ${meta.asOf}, purchases grouped by ${meta.period}, recency and T in ${meta.timeUnit}s`,
    `done in ${(milliseconds / 1000).toFixed(2)} s`,
  );
  return `${lines.join("\n")}\n`;
}
