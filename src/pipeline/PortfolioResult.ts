import type { HoldoutCheck } from "../clv/calibrationHoldoutCheck.js";
import type { FeatureSummary } from "../features/FeatureSummary.js";
import type { Customer } from "../model/customer.js";
import type { Interaction } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import type { Issue } from "../model/issue.js";
import type { Locale } from "../model/locale.js";
import type { Qualification } from "../model/qualification.js";
import type { Transaction } from "../model/transaction.js";
import type { AbcClass, AbcTable } from "../profit/abcTable.js";
import type { ProfitTable } from "../profit/profitTable.js";
import type { WhaleCurve } from "../profit/whaleCurve.js";
import type { RfmResult } from "../rfm/rfm.js";
import type { AccountGrade, AccountScore, SignalAlert, SignalResult } from "../signals/evaluateSignals.js";
import type { LazyList } from "../signals/LazyList.js";
import type { PoolState } from "../signals/SignalAccount.js";
import type { SignalKpis } from "../signals/signalKpis.js";
import type { SignalTask } from "../signals/signalTasks.js";
import type { PreviousTier, TierAssignment, TierOverride, TierReason } from "../tier/assignTiers.js";
import type { Scorecard } from "../tier/scoreAccounts.js";
import type { TierMigration } from "../tier/tierMigration.js";
import type { PortfolioPurchaseModel } from "./portfolioPolicySchema.js";

/**
 * The records of a portfolio: what a CRM export holds. Only `transactions` are needed; every other kind adds
 * features, metrics and signals. The pool states and manager ratings are keyed by customer id.
 *
 * @example
 * ```ts
 * const records: PortfolioRecords = {
 *   customers: [{ id: "C1", name: "Acme" }],
 *   transactions: [{ customerId: "C1", date: "2026-03-02", amountMinor: 120000, currency: "USD", kind: "sale" }],
 *   ratings: { C1: { strategicFit: 4 } },
 * };
 * ```
 */
export interface PortfolioRecords {
  /**
   * Customer records (names, contacts, important dates, credit limits, custom attributes): an array, or a
   * {@link LazyList} that makes each record when read (the command line keeps them as JSON texts).
   */
  customers?: readonly Customer[] | LazyList<Customer> | undefined;
  /** Sales, returns and cancellations. */
  transactions?: readonly Transaction[] | undefined;
  /** Visits, calls, care, complaints, feedback. */
  interactions?: readonly Interaction[] | undefined;
  /** Invoices with their payments. */
  invoices?: readonly Invoice[] | undefined;
  /** Licences, authorisations and certificates. */
  qualifications?: readonly Qualification[] | undefined;
  /** Shared-pool state by customer id (claim date, locked, won): an object or a Map. */
  pool?: Readonly<Record<string, PoolState>> | ReadonlyMap<string, PoolState> | undefined;
  /** Manager-entered ratings by customer id, by the rating names the tier policy declares: an object or a Map. */
  ratings?:
    | Readonly<Record<string, Readonly<Record<string, number>>>>
    | ReadonlyMap<string, Readonly<Record<string, number>>>
    | undefined;
  /** Each customer's yearly potential (budget, wallet) in minor units, for the share of wallet. */
  potentials?: Readonly<Record<string, number>> | undefined;
}

/**
 * Fitted models to reuse instead of fitting (e.g. a what-if page that changes only the policy's thresholds).
 *
 * @example
 * ```ts
 * const models: PortfolioModels = {
 *   purchase: { model: "bgnbd", params: { r: 0.24, alpha: 4.41, a: 0.79, b: 2.43 } },
 *   spend: { p: 6.25, q: 3.74, gamma: 15.44 },
 * };
 * ```
 */
export interface PortfolioModels {
  /** The purchase model and its parameters (in the policy's time unit). */
  purchase: { model: PortfolioPurchaseModel; params: Readonly<Record<string, number>> };
  /** Gamma-Gamma parameters (spend in minor units); without them the repeat buyers' mean spend is used. */
  spend?: Readonly<Record<"p" | "q" | "gamma", number>> | undefined;
}

/**
 * The options of {@link scorePortfolio}.
 *
 * @example
 * ```ts
 * const options: PortfolioOptions = { asOf: "2026-11-30", previous: lastQuarter };
 * ```
 */
export interface PortfolioOptions {
  /** The day of the run, `YYYY-MM-DD`: the end of observation; later rows are not used. */
  asOf: string;
  /** The previous run's tiers, for hysteresis and migration: an array, or a {@link LazyList} that makes them. */
  previous?: readonly PreviousTier[] | LazyList<PreviousTier> | undefined;
  /** Manual tier overrides. */
  overrides?: readonly TierOverride[] | undefined;
  /** Fitted models to use instead of fitting. */
  models?: PortfolioModels | undefined;
  /** The language of the texts; default the policy's, else `en`. */
  locale?: Locale | undefined;
  /** A clock in milliseconds (e.g. `performance.now`) for the stage timings; without it there are none. */
  now?: (() => number) | undefined;
}

/**
 * The predictive CLV stage's outcome: the fitted models, or why there are none, and the model check.
 *
 * @example
 * ```ts
 * const clv: PortfolioClv = { fitted: false, repeatBuyers: 12, issues: [notEnough] };
 * ```
 */
export interface PortfolioClv {
  /** Whether CLV was predicted (a model fitted or given). */
  fitted: boolean;
  /** Customers with a repeat purchase: what the purchase model learns from. */
  repeatBuyers: number;
  /** The purchase model and its parameters. */
  purchase?:
    | { model: PortfolioPurchaseModel; params: Record<string, number>; converged: boolean }
    | undefined;
  /** The Gamma-Gamma parameters, when the spend model was fitted or given. */
  spend?: Record<"p" | "q" | "gamma", number> | undefined;
  /**
   * The calibration/holdout check of the purchase model, when the policy asks for one, the model is fitted in this
   * run (not given in `models`) and there are enough data:
   * the model fitted on the purchases up to `calibrationEnd` (its `params`) predicts each customer's purchases
   * after it, compared with what happened.
   */
  check?: (HoldoutCheck & { calibrationEnd: string; params: Record<string, number> }) | undefined;
  /** Why there is no CLV, no spend model or no check, and any fitting diagnosis. */
  issues: Issue[];
}

/**
 * Everything known about one account after the run, with its reasons.
 *
 * @example
 * ```ts
 * const account = result.accounts[0];
 * [account?.tier, account?.reasonText]; // => ["key", "Score 61.5 reaches the threshold 55 of key."]
 * ```
 */
export interface PortfolioAccount {
  /** The customer id. */
  id: string;
  /** The customer record's name, when there is one. */
  name?: string | undefined;
  /** The account manager. */
  owner?: string | undefined;
  /** The tier. */
  tier: string;
  /** The tier as people call it in the run's language (the policy's label; else its name). */
  tierLabel: string;
  /** The previous run's tier. */
  previousTier?: string | undefined;
  /** Whether the tier changed since the previous run. */
  changed: boolean;
  /** Periods held above the computed tier by hysteresis (pass back next run). */
  periodsBelow: number;
  /** The scorecard's total, 0..100. */
  score: number;
  /** Each dimension's score 0..100 by name (NaN when all its metrics were excluded). */
  dimensions: Record<string, number>;
  /** Why the tier, as catalogue codes. */
  reasons: TierReason[];
  /** The reasons in the run's language. */
  reasonText: string;
  /**
   * RFM scores, cell, segment (a code) and the segment's name in the run's language (the built-in maps' names;
   * a map of one's own shows its codes); undefined without a purchase.
   */
  rfm?: { r: number; f: number; m: number; code: string; segment: string; segmentLabel: string } | undefined;
  /** Net revenue up to the run's day, minor units. */
  revenueMinor: number;
  /** Gross margin, minor units. */
  grossMarginMinor: number;
  /** Cost to serve, minor units. */
  costToServeMinor: number;
  /** Profit: gross margin − cost to serve, minor units. */
  profitMinor: number;
  /** The ABC class by profit. */
  abc: AbcClass;
  /** Discounted CLV over the policy's horizon, minor units; undefined without a model or a purchase. */
  clvMinor?: number | undefined;
  /** P(alive) from the purchase model. */
  pAlive?: number | undefined;
  /** Expected purchases over the CLV horizon. */
  expectedPurchases?: number | undefined;
  /** The account's alerts, most severe first; made when read. */
  readonly alerts: SignalAlert[];
  /** How many alerts of each severity the account has. */
  alertCounts: { critical: number; warning: number; info: number };
  /** Its grades by name (e.g. credit A–D), with reasons. */
  grades: Record<string, AccountGrade>;
  /** Its points scores by name (e.g. health), with the points of each rule. */
  scores: Record<string, AccountScore>;
}

/**
 * One tier's share of the portfolio.
 *
 * @example
 * ```ts
 * const row: PortfolioTierRow = { tier: "key", label: "Key account", accounts: 90, revenueMinor: 4.2e9, profitMinor: 9e8, clvMinor: 3e9 };
 * ```
 */
export interface PortfolioTierRow {
  /** The tier. */
  tier: string;
  /** The tier as people call it in the run's language. */
  label: string;
  /** Accounts in it. */
  accounts: number;
  /** Their net revenue, minor units. */
  revenueMinor: number;
  /** Their profit, minor units. */
  profitMinor: number;
  /** Their CLV, minor units (0 without a model). */
  clvMinor: number;
}

/**
 * The result of {@link scorePortfolio}: one entry per account with everything and its reasons, the stages'
 * own results (for charts and drill-down), portfolio totals, alerts, tasks, KPIs, migration and timings.
 *
 * @example
 * ```ts
 * const result: PortfolioResult = scorePortfolio(records, policy, { asOf: "2026-11-30" });
 * result.byTier.map((row) => row.accounts); // => [25, 98, 377]
 * ```
 */
export interface PortfolioResult {
  /** The run's day. */
  asOf: string;
  /** The policy's name. */
  policyName: string;
  /** The language of the texts. */
  locale: Locale;
  /** The portfolio's currency (the policy's, else the first one seen). */
  currency: string;
  /** One entry per account, sorted by id; made on first read (see `account` for one at a time). */
  readonly accounts: PortfolioAccount[];
  /**
   * The account at a position of `accounts` (0 ≤ index < `totals.accounts`), made when asked: the way to read a
   * large portfolio one account at a time without holding all of them. Its `grades` and `scores` are made when
   * first read.
   */
  account(index: number): PortfolioAccount;
  /** Per tier, best first. */
  byTier: PortfolioTierRow[];
  /** Totals. */
  totals: {
    accounts: number;
    revenueMinor: number;
    grossMarginMinor: number;
    profitMinor: number;
    clvMinor: number;
  };
  /** The per-customer features. */
  features: FeatureSummary;
  /** RFM scores, segments and the R × F grid. */
  rfm: RfmResult;
  /** The predictive CLV stage. */
  clv: PortfolioClv;
  /** The customer P&L columns. */
  profit: ProfitTable;
  /** ABC classes by profit. */
  abc: AbcTable;
  /** The whale curve of profit. */
  whale: WhaleCurve;
  /** The scorecard. */
  scorecard: Scorecard;
  /** The tier assignment. */
  tiers: TierAssignment;
  /** The tier migration against the previous run, when one was given. */
  migration?: TierMigration | undefined;
  /** The signal rules' alerts, grades and scores. */
  signals: SignalResult;
  /** Tasks due within the policy's task window (overdue included). */
  readonly tasks: SignalTask[];
  /** The same tasks as `tasks`, each made when read (a large portfolio's are better read from here). */
  readonly taskList: LazyList<SignalTask>;
  /** Satisfaction, NPS, repeat, retention, complaint and follow-up KPIs. */
  kpis: SignalKpis;
  /** Notices about the data and the models (records of unknown customers, a model not fitted …). */
  issues: Issue[];
  /** Milliseconds per stage, when a clock was given. */
  timings: Record<string, number>;
}
