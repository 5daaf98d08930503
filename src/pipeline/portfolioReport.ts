import { formatMessage } from "../model/formatMessage.js";
import type { AlertCount, ReportAccount, ReportData } from "../report/ReportData.js";
import type { SignalTask } from "../signals/signalTasks.js";
import { tierLabel } from "../tier/tierLabel.js";
import { tierReasonText } from "../tier/tierReasonText.js";
import type { PortfolioAccount, PortfolioResult } from "./PortfolioResult.js";
import { rfmPositions } from "./portfolioAccounts.js";

/**
 * The options of {@link portfolioReport}.
 *
 * @example
 * ```ts
 * const options: PortfolioReportOptions = { includePersonalData: false, maxAccounts: 200 };
 * ```
 */
export interface PortfolioReportOptions {
  /** The report's title; default the policy's name. */
  title?: string | undefined;
  /** Show contacts' names in the task list (birthdays); default false: they read "(personal data hidden)". */
  includePersonalData?: boolean | undefined;
  /** Accounts with a section of their own, best tier and score first; default 500. */
  maxAccounts?: number | undefined;
  /** Critical and warning alerts listed one by one; default 1,000 (the counts cover every alert). */
  maxAlerts?: number | undefined;
  /** Tasks listed; default 500. */
  maxTasks?: number | undefined;
}

// A birthday task names the contact: without consent to show personal data, the name is hidden.
function redactTask(task: SignalTask, locale: PortfolioResult["locale"]): SignalTask {
  if (task.code !== "task.care.birthday") return task;
  const params = { ...task.params, subject: formatMessage("report.redacted", {}, locale) };
  return { ...task, params, message: formatMessage(task.code, params, locale) };
}

/**
 * What the portfolio report shows, from a {@link scorePortfolio} result: the KPIs, tiers, the RFM grid with each
 * cell's revenue, the whale curve, the migration, the model check (or why there is none), alerts by category and
 * severity, the task list, and a section per account with its scores, values, reasons and alerts — texts in the
 * run's language. Long lists are cut to the options' sizes (counts always cover everything), and contacts'
 * names are hidden unless `includePersonalData`. Render it with `reportHtml`, or the charts with
 * `portfolioCharts`.
 *
 * @param result - A portfolio run's result.
 * @param options - Title, personal data, list sizes; see {@link PortfolioReportOptions}.
 * @returns The {@link ReportData}.
 *
 * @example
 * ```ts
 * const data = portfolioReport(scorePortfolio(records, policy, { asOf: "2026-11-30" }));
 * data.tiers.map((tier) => tier.name); // => ["strategic", "key", "ordinary"]
 * ```
 */
export function portfolioReport(result: PortfolioResult, options: PortfolioReportOptions = {}): ReportData {
  const { locale, totals } = result;
  const policy = result.scorecard.policy;
  const label = (tier: string): string => tierLabel(policy, tier, locale);
  const rfm = result.rfm;
  const bins = rfm.grid.length;
  const monetaryMinor = Array.from({ length: bins }, () => new Array<number>(bins).fill(0));
  // From the columns, not the accounts (a large portfolio's are never all made).
  const { ids, netRevenueMinor } = result.profit;
  const rfmOf = rfmPositions(ids, rfm.ids);
  for (let i = 0; i < ids.length; i++) {
    const k = rfmOf[i] as number;
    if (k < 0) continue;
    const row = monetaryMinor[(rfm.r[k] as number) - 1] as number[];
    const f = (rfm.f[k] as number) - 1;
    row[f] = (row[f] as number) + (netRevenueMinor[i] as number);
  }
  const counts = new Map<string, AlertCount>();
  const { alertList } = result.signals;
  for (let k = 0; k < alertList.length; k++) {
    const { category, severity } = alertList.ruleOf(k);
    const key = `${category}|${severity}`;
    const count = counts.get(key);
    if (count === undefined) counts.set(key, { category, severity, alerts: 1 });
    else count.alerts++;
  }
  // Best tier first (the tiers are listed best first), then score, then id; read from the columns.
  const { tierIndex, ids: tieredIds } = result.tiers;
  const { score } = result.scorecard;
  const shown = Array.from(tieredIds, (_, i) => i)
    .sort(
      (i, j) =>
        (tierIndex[i] as number) - (tierIndex[j] as number) ||
        (score[j] as number) - (score[i] as number) ||
        ((tieredIds[i] as string) < (tieredIds[j] as string) ? -1 : 1),
    )
    .slice(0, options.maxAccounts ?? 500);
  const reportAccount = (account: PortfolioAccount): ReportAccount => ({
    id: account.id,
    name: account.name,
    tier: account.tierLabel,
    previousTier: account.previousTier === undefined ? undefined : label(account.previousTier),
    score: account.score,
    dimensions: Object.entries(account.dimensions).map(([name, score]) => ({
      name,
      score: Number.isNaN(score) ? undefined : score,
    })),
    revenueMinor: account.revenueMinor,
    grossMarginMinor: account.grossMarginMinor,
    profitMinor: account.profitMinor,
    clvMinor: account.clvMinor,
    pAlive: account.pAlive,
    rfmCode: account.rfm?.code,
    rfmSegment: account.rfm?.segmentLabel,
    reasons: account.reasons.map((reason) => tierReasonText([reason], policy, locale)),
    alerts: account.alerts,
  });
  // Made in the order of the accounts' positions, then put in rank order: an account's alerts are made from its
  // block of accounts evaluated again, once for all the accounts shown from that block.
  const made = new Map<number, ReportAccount>();
  for (const i of shown.slice().sort((a, b) => a - b)) made.set(i, reportAccount(result.account(i)));
  const accounts = shown.map((i) => made.get(i) as ReportAccount);
  const check = result.clv.check;
  const why = result.clv.issues.find(
    (issue) =>
      issue.code === "model.check-too-few-repeat-buyers" || issue.code === "model.too-few-repeat-buyers",
  );
  const tasks = result.taskList.slice(0, options.maxTasks ?? 500);
  return {
    title: options.title ?? result.policyName,
    asOf: result.asOf,
    currency: result.currency,
    locale,
    kpis: {
      accounts: totals.accounts,
      revenueMinor: totals.revenueMinor,
      grossMarginMinor: totals.grossMarginMinor,
      clvMinor: result.clv.fitted ? totals.clvMinor : undefined,
      signals: result.kpis.portfolio,
    },
    tiers: result.byTier.map((row) => ({
      name: row.label,
      accounts: row.accounts,
      revenueMinor: row.revenueMinor,
      accountShare: totals.accounts > 0 ? row.accounts / totals.accounts : 0,
      revenueShare: totals.revenueMinor > 0 ? row.revenueMinor / totals.revenueMinor : 0,
    })),
    rfm: { grid: rfm.grid, monetaryMinor, breaks: rfm.breaks },
    whaleCurve: result.whale,
    migration:
      result.migration === undefined
        ? undefined
        : {
            ...result.migration,
            // The last row ("new") and column ("departed") are not tiers: the report names them itself.
            from: result.migration.from.map((tier, i, all) => (i === all.length - 1 ? tier : label(tier))),
            to: result.migration.to.map((tier, i, all) => (i === all.length - 1 ? tier : label(tier))),
            moved: result.migration.moved.map((move) => ({
              ...move,
              from: label(move.from),
              to: label(move.to),
            })),
          },
    modelCheck:
      check === undefined || result.clv.purchase === undefined
        ? undefined
        : { model: result.clv.purchase.model, check },
    modelCheckReason: why === undefined ? undefined : formatMessage(why.code, why.params ?? {}, locale),
    alertCounts: [...counts.values()],
    // The alerts are sorted most severe first: the critical and warning ones lead the list.
    alerts: alertList.slice(
      0,
      Math.min(options.maxAlerts ?? 1000, result.signals.counts.critical + result.signals.counts.warning),
    ),
    tasks: options.includePersonalData === true ? tasks : tasks.map((task) => redactTask(task, locale)),
    accounts,
  };
}
