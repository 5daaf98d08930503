import type { FeatureSummary } from "../features/FeatureSummary.js";
import type { IngestReport } from "../ingest/IngestReport.js";
import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";
import { localizeIssue } from "../model/localizeIssue.js";

const SHOWN_ISSUES = 5;

const UNIT_CODES = {
  day: "cli.unit.day",
  week: "cli.unit.week",
  month: "cli.unit.month",
  quarter: "cli.unit.quarter",
  year: "cli.unit.year",
} as const;

/**
 * The closing lines of a command on standard error, in the user's language: the row accounting (read = used +
 * rejected, by reason), the first few rejections with their row numbers, what the summary covers, and the time
 * taken.
 *
 * @param report - The transaction file's ingest report.
 * @param meta - What the summary covers: its counts, as-of date, period and time unit.
 * @param milliseconds - How long the reading took.
 * @param locale - The language.
 * @returns The lines, each with its line break.
 *
 * @example
 * ```ts
 * describeIngestReport(report, meta, 1234, "zh-CN").split("\n")[0]; // => "共读取 30000 行：导入 27417 行，剔除 2583 行"
 * ```
 */
export function describeIngestReport(
  report: IngestReport,
  meta: Omit<FeatureSummary, "features" | "columns">,
  milliseconds: number,
  locale: Locale,
): string {
  const lines = [
    formatMessage(
      "cli.ingest.rows",
      { read: report.input, used: report.accepted, rejected: report.rejected },
      locale,
    ),
    ...Object.entries(report.rejectedByCode).map(([code, count]) =>
      formatMessage("cli.ingest.rejected", { code, count }, locale),
    ),
    ...Object.entries(report.noticesByCode).map(([code, count]) =>
      formatMessage("cli.ingest.notice", { code, count }, locale),
    ),
    ...report.issues
      .slice(0, SHOWN_ISSUES)
      .map((issue) =>
        formatMessage(
          "cli.ingest.row-issue",
          { row: issue.row ?? "?", message: localizeIssue(issue, locale).message },
          locale,
        ),
      ),
  ];
  if (report.issues.length > SHOWN_ISSUES)
    lines.push(formatMessage("cli.ingest.more", { count: report.rejected - SHOWN_ISSUES }, locale));
  if (report.ignoredColumns.length > 0)
    lines.push(
      formatMessage("cli.ingest.unused-columns", { columns: report.ignoredColumns.join(", ") }, locale),
    );
  const { counts } = meta;
  const period = formatMessage(UNIT_CODES[meta.period], {}, locale);
  const timeUnit = formatMessage(UNIT_CODES[meta.timeUnit], {}, locale);
  const customers = counts.customers;
  const summarised = counts.withBtydSummary;
  const late = counts.excludedFromCalibration;
  lines.push(
    late > 0
      ? formatMessage(
          "cli.features.customers-late",
          { customers, summarised, late, asOf: meta.asOf, period, timeUnit },
          locale,
        )
      : formatMessage(
          "cli.features.customers",
          { customers, summarised, asOf: meta.asOf, period, timeUnit },
          locale,
        ),
    formatMessage("cli.done", { seconds: (milliseconds / 1000).toFixed(2) }, locale),
  );
  return `${lines.join("\n")}\n`;
}
