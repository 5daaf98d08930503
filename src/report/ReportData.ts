import type { HoldoutCheck } from "../clv/calibrationHoldoutCheck.js";
import type { Locale } from "../model/locale.js";
import type { WhaleCurve } from "../profit/whaleCurve.js";
import type { RfmResult } from "../rfm/rfm.js";
import type { SignalAlert } from "../signals/evaluateSignals.js";
import type { KpiSet } from "../signals/signalKpis.js";
import type { SignalSeverity } from "../signals/signalPolicySchema.js";
import type { SignalTask } from "../signals/signalTasks.js";
import type { TierMigration } from "../tier/tierMigration.js";

/**
 * The headline figures of the portfolio.
 *
 * @example
 * ```ts
 * const kpis: ReportKpis = { accounts: 120, revenueMinor: 987654300, grossMarginMinor: 296296290 };
 * ```
 */
export interface ReportKpis {
  /** The accounts in the report. */
  accounts: number;
  /** Their net revenue, minor units. */
  revenueMinor: number;
  /** Their gross margin (net revenue − cost of goods), minor units; absent without cost data. */
  grossMarginMinor?: number | undefined;
  /** Their total customer lifetime value, minor units; absent when no CLV was computed. */
  clvMinor?: number | undefined;
  /**
   * The portfolio's satisfaction, NPS, repeat-purchase rate, retention, complaint response times and follow-up
   * compliance (`signalKpis(…).portfolio`); absent when the signals stage did not run.
   */
  signals?: KpiSet | undefined;
}

/**
 * One tier of the portfolio.
 *
 * @example
 * ```ts
 * const tier: ReportTier = { name: "key", accounts: 12, revenueMinor: 540000000, accountShare: 0.1, revenueShare: 0.55 };
 * ```
 */
export interface ReportTier {
  /** The tier's name, as the policy names it. */
  name: string;
  /** Its accounts. */
  accounts: number;
  /** Their net revenue, minor units. */
  revenueMinor: number;
  /** Its accounts ÷ all accounts, 0..1. */
  accountShare: number;
  /** Its net revenue ÷ the portfolio's, 0..1 (0 when the portfolio's is not positive). */
  revenueShare: number;
}

/**
 * The RFM picture of the portfolio: the recency × frequency grid and the break points behind the scores.
 *
 * @example
 * ```ts
 * const rfm: ReportRfm = { grid: result.grid, breaks: result.breaks }; // result = rfm(features)
 * ```
 */
export interface ReportRfm {
  /** Accounts per cell: `grid[r − 1][f − 1]` ({@link RfmResult}'s `grid`). */
  grid: RfmResult["grid"];
  /** The cells' net revenue summed, minor units, same shape as `grid`; absent when not computed. */
  monetaryMinor?: number[][] | undefined;
  /** The break points of the scores ({@link RfmResult}'s `breaks`). */
  breaks: RfmResult["breaks"];
}

/**
 * How many alerts of one severity fell in one category.
 *
 * @example
 * ```ts
 * const count: AlertCount = { category: "credit", severity: "critical", alerts: 3 };
 * ```
 */
export interface AlertCount {
  /** The category of the rules that fired (e.g. `credit`, `churn`). */
  category: string;
  /** The severity. */
  severity: SignalSeverity;
  /** The alerts. */
  alerts: number;
}

/**
 * The purchase model's check against a holdout period.
 *
 * @example
 * ```ts
 * const modelCheck: ReportModelCheck = { model: "BG/NBD", check: calibrationHoldoutCheck(bgNbd, params, holdout) };
 * ```
 */
export interface ReportModelCheck {
  /** The model's name, e.g. `BG/NBD`. */
  model: string;
  /** Actual and predicted holdout purchases by calibration frequency, and the errors. */
  check: HoldoutCheck;
}

/**
 * One dimension score of an account.
 *
 * @example
 * ```ts
 * const dimension: ReportDimensionScore = { name: "value", score: 82.5 };
 * ```
 */
export interface ReportDimensionScore {
  /** The dimension's name, as the tier policy names it. */
  name: string;
  /** Its score 0..100; absent when every metric of the dimension was excluded. */
  score?: number | undefined;
}

/**
 * One account of the report, with everything its section shows.
 *
 * @example
 * ```ts
 * const account: ReportAccount = {
 *   id: "C-001", name: "Acme Trading", tier: "key", previousTier: "standard", score: 71.2,
 *   dimensions: [{ name: "value", score: 80 }], revenueMinor: 12500000,
 *   reasons: ["Score 71.2 reaches the key threshold of 60."], alerts: [],
 * };
 * ```
 */
export interface ReportAccount {
  /** The account's id. */
  id: string;
  /** Its display name; the id is shown without one. */
  name?: string | undefined;
  /** Its tier. */
  tier: string;
  /** Its tier in the previous run, when there was one. */
  previousTier?: string | undefined;
  /** Its total score, 0..100. */
  score: number;
  /** Its dimension scores, in the policy's order. */
  dimensions: ReportDimensionScore[];
  /** Its net revenue, minor units. */
  revenueMinor: number;
  /** Its gross margin, minor units. */
  grossMarginMinor?: number | undefined;
  /** Its profit after cost to serve, minor units. */
  profitMinor?: number | undefined;
  /** Its customer lifetime value, minor units. */
  clvMinor?: number | undefined;
  /** The probability that it is still an active buyer, 0..1. */
  pAlive?: number | undefined;
  /** Its RFM scores as digits, e.g. `"543"`. */
  rfmCode?: string | undefined;
  /** Its RFM segment's display name, in the report's locale. */
  rfmSegment?: string | undefined;
  /** Why it is in its tier, each reason rendered in the report's locale (`formatMessage(reason.code, …)`). */
  reasons: string[];
  /** Its alerts, critical first. */
  alerts: SignalAlert[];
}

/**
 * Everything the portfolio report shows, as plain values already computed: no functions, and the texts that come
 * from other stages (alert and task messages, tier reasons, segment names) already rendered in `locale`. The
 * report ({@link reportHtml}) and the charts ({@link portfolioCharts}) only lay these out.
 *
 * @example
 * ```ts
 * const data: ReportData = {
 *   title: "Key account portfolio report", asOf: "2024-06-30", currency: "CNY", locale: "zh-CN",
 *   kpis: { accounts: 3, revenueMinor: 600000 },
 *   tiers: [], rfm: { grid: [[0]], breaks }, whaleCurve: whaleCurve([300000, 200000, 100000]),
 *   alertCounts: [], alerts: [], tasks: [], accounts: [],
 * };
 * ```
 */
export interface ReportData {
  /** The report's title. */
  title: string;
  /** The day the report is for, `YYYY-MM-DD`. */
  asOf: string;
  /** The ISO 4217 code of every amount. */
  currency: string;
  /** The language of the report. */
  locale: Locale;
  /** The headline figures. */
  kpis: ReportKpis;
  /** The tiers, best first. */
  tiers: ReportTier[];
  /** The RFM grid and break points. */
  rfm: ReportRfm;
  /** The whale curve of the accounts' profit. */
  whaleCurve: WhaleCurve;
  /** The tier migration since the previous run; absent on a first run. */
  migration?: TierMigration | undefined;
  /** The purchase model's holdout check; absent when it could not be made (see `modelCheckReason`). */
  modelCheck?: ReportModelCheck | undefined;
  /** Why there is no model check (e.g. too few repeat buyers), in the report's locale. */
  modelCheckReason?: string | undefined;
  /** Alerts per category and severity, over every alert of the run. */
  alertCounts: AlertCount[];
  /** The alerts to list (the report's table shows the critical and warning ones), critical first. */
  alerts: SignalAlert[];
  /** The task list, by due day. */
  tasks: SignalTask[];
  /** The accounts given a section of their own, in the order to show them. */
  accounts: ReportAccount[];
}
