import { Accumulator } from "../features/Accumulator.js";
import type { FeatureOptions } from "../features/FeatureOptions.js";
import { featureRow } from "../features/FeatureRow.js";
import { resolveFeatureOptions } from "../features/resolveFeatureOptions.js";
import type { GrowthFeatures } from "../growth/growthFeatures.js";
import { formatDay } from "../model/formatDay.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Qualification } from "../model/qualification.js";
import type { Transaction } from "../model/transaction.js";
import { abcTable } from "../profit/abcTable.js";
import { profitRow } from "../profit/ProfitRow.js";
import { profitTable } from "../profit/profitTable.js";
import { whaleCurve } from "../profit/whaleCurve.js";
import { GRID_SEGMENTS } from "../rfm/gridSegments.js";
import { rfm } from "../rfm/rfm.js";
import { RFM_EIGHT_CLASS_SEGMENTS } from "../rfm/rfmEightClassSegments.js";
import { RFM_PACKAGE_SEGMENTS } from "../rfm/rfmPackageSegments.js";
import { SEGMENT_LABELS } from "../rfm/segmentLabels.js";
import { evaluateSignals } from "../signals/evaluateSignals.js";
import { groupByCustomer } from "../signals/groupByCustomer.js";
import { LazyList } from "../signals/LazyList.js";
import type { PurchaseActivity } from "../signals/purchaseActivity.js";
import { signalKpis } from "../signals/signalKpis.js";
import type { SignalPolicy } from "../signals/signalPolicySchema.js";
import { signalTaskList } from "../signals/signalTaskList.js";
import { assignTiers } from "../tier/assignTiers.js";
import { GROWTH_METRICS } from "../tier/growthMetrics.js";
import { policyMetricNames } from "../tier/policyMetricNames.js";
import { type Scorecard, scoreAccounts } from "../tier/scoreAccounts.js";
import type { TierInput } from "../tier/TierInput.js";
import { tierLabel } from "../tier/tierLabel.js";
import { tierMigration } from "../tier/tierMigration.js";
import type { TierPolicy } from "../tier/tierPolicySchema.js";
import { TIER_PRESETS } from "../tier/tierPresets.js";
import { alertIndex } from "./alertIndex.js";
import { CustomerRecords } from "./CustomerRecords.js";
import { type CalibrationColumns, fitPortfolioClv, type ResolvedClvSettings } from "./fitPortfolioClv.js";
import { lineActivity } from "./lineActivity.js";
import { lineGrowth } from "./lineGrowth.js";
import type {
  PortfolioAccount,
  PortfolioOptions,
  PortfolioRecords,
  PortfolioResult,
  PortfolioTierRow,
} from "./PortfolioResult.js";
import { parsePortfolioPolicy } from "./parsePortfolioPolicy.js";
import { orUndefined, portfolioAccountReader, rfmPositions, withAccounts } from "./portfolioAccounts.js";
import type { PortfolioPolicy } from "./portfolioPolicySchema.js";
import { signalAccountViews } from "./signalAccountViews.js";

const ALL_PACKS: SignalPolicy = {
  version: 1,
  include: ["churn", "credit", "complaints", "follow-up", "care", "qualification"],
};

/**
 * A portfolio run that takes its transactions one at a time, so a file of any size streams through it: each
 * transaction feeds the per-customer features, the calibration summary of the model check, the purchase-activity
 * windows and (when the tier policy reads them) the growth features, and is not kept. `result` then runs the rest
 * of the chain on the other records.
 *
 * @example
 * ```ts
 * const run = createPortfolioAccumulator(policy, { asOf: "2026-11-30" });
 * for (const transaction of transactions) run.addTransaction(transaction);
 * const result = run.result({ customers, interactions, invoices, qualifications });
 * ```
 */
export interface PortfolioAccumulator {
  /** Adds one sale, return or cancellation (before `result`; afterwards it throws). */
  addTransaction(transaction: Transaction): void;
  /**
   * Runs features → RFM → CLV → profit → scorecard → tiers → signals → KPIs on the records and the transactions
   * added. Once per run: the run lets its lines go, and a second call throws.
   */
  result(records: Omit<PortfolioRecords, "transactions">): PortfolioResult;
}

function resolveClv(policy: PortfolioPolicy): ResolvedClvSettings | undefined {
  if (policy.clv === false) return undefined;
  const clv = policy.clv ?? {};
  return {
    model: clv.model ?? "bgnbd",
    minRepeatBuyers: clv.minRepeatBuyers ?? 30,
    horizon: clv.horizon ?? 12,
    horizonUnit: clv.horizonUnit ?? "month",
    discountRate: clv.discountRate ?? 0.01,
    discountUnit: clv.discountUnit ?? "month",
    margin: clv.margin ?? 1,
    holdoutDays: clv.holdoutDays ?? 180,
  };
}

// Whether every document the account holds is in force on the day: active and not expired. Undefined without any.
function qualifiedOn(documents: readonly Qualification[] | undefined, asOf: string): boolean | undefined {
  if (documents === undefined || documents.length === 0) return undefined;
  return documents.every(
    (document) =>
      document.status === "active" && (document.expires === undefined || document.expires >= asOf),
  );
}

// A customer's entry of a table keyed by id, given as an object, a Map or any other read-only map (the command
// line's tables kept in columns); a million-key object is slow and large. An object's own `get` would be a
// customer's entry, never a function.
function entryOf<T>(
  table: Readonly<Record<string, T>> | ReadonlyMap<string, T> | undefined,
  id: string,
): T | undefined {
  if (table === undefined) return undefined;
  const map = table as ReadonlyMap<string, T>;
  if (typeof map.get === "function") return map.get(id);
  const record = table as Readonly<Record<string, T>>;
  return Object.hasOwn(record, id) ? record[id] : undefined;
}

// The model check's calibration columns, made when the check asks for it, from the lines alone (the customers'
// state behind the main summary has gone by then; the BTYD columns do not read it).
function calibrationColumns(features: Accumulator, endDay: number): () => CalibrationColumns {
  return () => ({
    columns: features.calibrationBtydColumns(endDay),
    calibrationEnd: formatDay(endDay),
  });
}

/**
 * Ranks the customer records in the lines' order and reads what the signals and the scorecard take from the lines
 * (the purchase activity; the growth features when `growthAsOf` is given), in a function of its own, so that no
 * variable of the run holds the lines: they go once the model check, which summarises them again, is made.
 */
function readLines(
  features: Accumulator,
  customers: CustomerRecords,
  asOfDay: number,
  windowDays: number,
  growthAsOf: string | undefined,
): {
  activity: LazyList<PurchaseActivity | undefined>;
  growth: LazyList<GrowthFeatures | undefined> | undefined;
} {
  const lines = features.lines();
  customers.rank(lines.order);
  return {
    activity: lineActivity(lines, asOfDay, windowDays),
    growth:
      growthAsOf === undefined ? undefined : lineGrowth(lines, (r) => customers.at(r), { asOf: growthAsOf }),
  };
}

function spent(): never {
  throw new Error("This portfolio run has given its result: start a new run for more.");
}

/**
 * Starts a portfolio run ({@link PortfolioAccumulator}) whose transactions stream in: what {@link scorePortfolio}
 * does, for inputs too large to hold (the command line feeds it a file row by row). The policy is checked first.
 *
 * @param policy - The portfolio policy ({@link parsePortfolioPolicy} checks it here).
 * @param options - The day, the previous tiers, overrides, fitted models, the language and a clock.
 * @returns The accumulator.
 * @throws {KeyAccountError} listing every problem of the policy or the options.
 *
 * @example
 * ```ts
 * const run = createPortfolioAccumulator({ version: 1, name: "p", tiers: "abc" }, { asOf: "2026-11-30" });
 * run.addTransaction({ customerId: "C1", date: "2026-05-01", amountMinor: 50000, currency: "USD", kind: "sale" });
 * run.result({}).accounts.map((account) => account.tier); // => ["A"]
 * ```
 */
export function createPortfolioAccumulator(
  policy: PortfolioPolicy,
  options: PortfolioOptions,
): PortfolioAccumulator {
  const checked = parsePortfolioPolicy(policy);
  const { asOf } = options;
  const asOfDay = parseDay(asOf, "YYYY-MM-DD");
  if (asOfDay === undefined) {
    throw new KeyAccountError([
      makeIssue("option.invalid", ["asOf"], {
        field: "asOf",
        reason: `${String(asOf)} is not a YYYY-MM-DD day`,
      }),
    ]);
  }
  const locale = options.locale ?? checked.locale ?? "en";
  const labels = SEGMENT_LABELS[locale];
  const segmentLabel = (segment: string): string =>
    Object.hasOwn(labels, segment) ? (labels[segment] as string) : segment;
  const tierPolicy: TierPolicy =
    typeof checked.tiers === "string" ? TIER_PRESETS[checked.tiers] : checked.tiers;
  const signalPolicy: SignalPolicy =
    checked.signals === undefined
      ? ALL_PACKS
      : Array.isArray(checked.signals)
        ? { version: 1, include: checked.signals }
        : checked.signals;
  const featureOptions: FeatureOptions = {
    asOf,
    period: checked.features?.period,
    timeUnit: checked.features?.timeUnit ?? "week",
    recentDays: checked.features?.recentDays,
    currency: checked.currency,
  };
  const clvSettings = resolveClv(checked);
  // The options' parts the run reads later, so that no closure holds `options`: the previous tiers go once the
  // tiers are assigned.
  const { models, overrides } = options;
  let previous = options.previous;

  // The one store of the transaction lines: the features, the model check's calibration summary, the
  // purchase-activity windows and the growth features are all read from it.
  let lineStore: Accumulator | undefined = new Accumulator(resolveFeatureOptions(featureOptions));
  // The model check refits on the days before the holdout: not when the models come fitted.
  const calibrationEndDay =
    clvSettings === undefined || clvSettings.holdoutDays === 0 || models !== undefined
      ? undefined
      : asOfDay - clvSettings.holdoutDays;
  const needsGrowth = policyMetricNames(tierPolicy).some((name) => GROWTH_METRICS.includes(name));
  const timings: Record<string, number> = {};
  const clock = options.now;
  let mark = clock?.() ?? 0;
  const lap = (stage: string): void => {
    if (clock === undefined) return;
    const now = clock();
    timings[stage] = now - mark;
    mark = now;
  };

  return {
    addTransaction(transaction: Transaction): void {
      (lineStore ?? spent()).addTransaction(transaction);
    },

    result(records: Omit<PortfolioRecords, "transactions">): PortfolioResult {
      // One result per run: the lines are let go with it (once the model check is made), and the result keeps none
      // of them.
      const features = lineStore ?? spent();
      lineStore = undefined;
      lap("transactions");
      const issues: Issue[] = [];
      const customers = new CustomerRecords(records.customers ?? []);
      for (const interaction of records.interactions ?? []) features.addInteraction(interaction);
      for (const invoice of records.invoices ?? []) features.addInvoice(invoice);
      customers.addTo(features);
      const summary = features.summary();
      // The last full summary: the customers' state behind it goes (the model check's is made from the lines).
      features.endSummaries();
      const { columns } = summary;
      const ids = columns.ids;
      const n = ids.length;
      const windowDays = signalPolicy.settings?.windowDays ?? 90;
      // The growth features are scored once, then let go (about 150 bytes an account): the closures of this run
      // share one scope, which would otherwise keep them while the result's accounts are read.
      let { activity, growth } = readLines(
        features,
        customers,
        asOfDay,
        windowDays,
        needsGrowth ? asOf : undefined,
      );
      if (customers.length > 0) {
        const unknown: string[] = [];
        for (let r = 0; r < n && unknown.length < 100; r++)
          if (!customers.has(r)) unknown.push(ids[r] as string);
        for (const id of unknown)
          issues.push(makeIssue("reference.unknown-customer", ["customers"], { value: id }));
      }
      lap("features");

      const segments = checked.rfm?.segments;
      const scores = rfm(columns, {
        bins: checked.rfm?.bins,
        method: checked.rfm?.method,
        segments:
          segments === "eight-class"
            ? RFM_EIGHT_CLASS_SEGMENTS
            : segments === "rfm-package"
              ? RFM_PACKAGE_SEGMENTS
              : segments === "grid"
                ? GRID_SEGMENTS
                : segments,
      });
      const rfmOf = rfmPositions(ids, scores.ids);
      lap("rfm");

      const fitted = fitPortfolioClv(
        columns,
        clvSettings,
        summary.timeUnit,
        models,
        calibrationEndDay === undefined ? undefined : calibrationColumns(features, calibrationEndDay),
      );
      issues.push(...fitted.clv.issues);
      features.endLines();
      lap("clv");

      const currency = checked.currency ?? columns.currency.find((code) => code !== undefined) ?? "USD";
      const profit = profitTable(columns, checked.costModel ?? { currency });
      const abc = abcTable(ids, profit.profitMinor);
      const abcOf = new Array<PortfolioAccount["abc"]>(n);
      abc.order.forEach((position, rank) => {
        abcOf[position] = abc.abc[rank] as PortfolioAccount["abc"];
      });
      const whale = whaleCurve(profit.profitMinor);
      lap("profit");

      const qualificationsById = groupByCustomer(records.qualifications);
      // What closures read of the records, so that none holds `records`: the ratings go once scored.
      const pool = records.pool;
      let ratings = records.ratings;
      // The scorecard's inputs are made as it reads them, each once, with their growth features: views of the
      // feature columns, not the summary's objects (a million of those would take gigabytes), never all at once.
      const scoreInputs = (): Scorecard => {
        const inputs = new LazyList<TierInput>(n, (i) => {
          const id = ids[i] as string;
          const k = rfmOf[i] as number;
          const clv = fitted.valueMinor[i] as number;
          return {
            id,
            features: featureRow(columns, i),
            rfm:
              k < 0
                ? undefined
                : { r: scores.r[k] as number, f: scores.f[k] as number, m: scores.m[k] as number },
            clv: Number.isNaN(clv)
              ? undefined
              : {
                  clv,
                  pAlive: fitted.pAlive[i] as number,
                  expectedPurchases: fitted.expectedPurchases[i] as number,
                },
            profit: profitRow(profit, i),
            growth: growth?.at(i),
            ratings: entryOf(ratings, id),
            qualified: qualifiedOn(qualificationsById.get(id), asOf),
          };
        });
        return scoreAccounts(inputs, tierPolicy);
      };
      const scorecard = scoreInputs();
      ratings = undefined;
      growth = undefined;
      issues.push(...scorecard.issues);
      const tiers = assignTiers(scorecard, {
        asOf,
        previous,
        overrides,
      });
      const migration = previous === undefined ? undefined : tierMigration(tiers);
      previous = undefined;
      lap("tiers");

      const interactionsById = groupByCustomer(records.interactions);
      const invoicesById = groupByCustomer(records.invoices);
      const accounts = signalAccountViews(n, {
        id: (i) => ids[i] as string,
        customer: (i) => customers.at(i),
        features: (i) => featureRow(columns, i),
        activity: (i) => activity.at(i),
        interactions: (i) => interactionsById.get(ids[i] as string),
        invoices: (i) => invoicesById.get(ids[i] as string),
        qualifications: (i) => qualificationsById.get(ids[i] as string),
        tier: (i) => tiers.tiers[tiers.tierIndex[i] as number],
        segment: (i) => {
          const k = rfmOf[i] as number;
          return k < 0 ? undefined : scores.map.segments[scores.segmentIndex[k] as number];
        },
        pAlive: (i) => orUndefined(fitted.pAlive[i]),
        pool: (i) => entryOf(pool, ids[i] as string),
      });
      const signals = evaluateSignals(accounts, signalPolicy, { asOf, locale });
      const tasks = signalTaskList(accounts, signalPolicy, { asOf, days: checked.taskDays ?? 14, locale });
      const settings = signalPolicy.settings ?? {};
      const kpis = signalKpis(accounts, {
        asOf,
        windowDays: settings.windowDays,
        responseTargetHours: settings.responseTargetHours,
        resolutionTargetHours: settings.resolutionTargetHours,
        followUpCadenceDays: settings.followUpCadenceDays,
      });
      lap("signals");

      const alertsAt = alertIndex(signals.alertList, n);
      const labelOf = new Map(tiers.tiers.map((tier) => [tier, tierLabel(tierPolicy, tier, locale)]));
      const byTier: PortfolioTierRow[] = tiers.tiers.map((tier) => ({
        tier,
        label: labelOf.get(tier) as string,
        accounts: 0,
        revenueMinor: 0,
        profitMinor: 0,
        clvMinor: 0,
      }));
      for (let i = 0; i < n; i++) {
        const row = byTier[tiers.tierIndex[i] as number] as PortfolioTierRow;
        row.accounts++;
        row.revenueMinor += profit.netRevenueMinor[i] as number;
        row.profitMinor += profit.profitMinor[i] as number;
        row.clvMinor += orUndefined(fitted.valueMinor[i]) ?? 0;
      }
      const accountAt = portfolioAccountReader({
        tiers,
        scorecard,
        rfm: scores,
        rfmOf,
        accounts,
        profit,
        abcOf,
        fitted,
        alertsAt,
        signals,
        labelOf,
        segmentLabel,
        locale,
      });
      const grossMarginMinor = profit.grossMarginMinor.reduce((sum, value) => sum + value, 0);
      const totals = byTier.reduce(
        (sum, row) => ({
          accounts: sum.accounts + row.accounts,
          revenueMinor: sum.revenueMinor + row.revenueMinor,
          grossMarginMinor: sum.grossMarginMinor,
          profitMinor: sum.profitMinor + row.profitMinor,
          clvMinor: sum.clvMinor + row.clvMinor,
        }),
        { accounts: 0, revenueMinor: 0, grossMarginMinor, profitMinor: 0, clvMinor: 0 },
      );
      lap("results");
      return withAccounts(
        {
          asOf,
          policyName: checked.name,
          locale,
          currency,
          byTier,
          totals,
          features: summary,
          rfm: scores,
          clv: fitted.clv,
          profit,
          abc,
          whale,
          scorecard,
          tiers,
          migration,
          signals,
          kpis,
          issues,
          timings,
        },
        tasks,
        n,
        accountAt,
      );
    },
  };
}
