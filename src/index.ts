// keyaccount — the public API: a flat list of named exports, grouped by stage.

// clv
export type { BtydSummary, WeightedSummaries } from "./clv/BtydSummary.js";
export { type BgBbParameter, bgBb } from "./clv/bgBb.js";
export { type BgNbdParameter, bgNbd } from "./clv/bgNbd.js";
export {
  calibrationHoldoutCheck,
  type HoldoutCheck,
  type HoldoutCustomer,
  type HoldoutGroup,
} from "./clv/calibrationHoldoutCheck.js";
export { cumulativeTracking, type TrackedCustomer, type TrackingPoint } from "./clv/cumulativeTracking.js";
export {
  type ClvCustomer,
  type ClvOptions,
  type ClvResult,
  customerLifetimeValue,
} from "./clv/customerLifetimeValue.js";
export { type FrequencyBar, frequencyHistogram } from "./clv/frequencyHistogram.js";
export {
  type FrequencyRecencyCell,
  type FrequencyRecencyOptions,
  frequencyRecencyMatrix,
} from "./clv/frequencyRecencyMatrix.js";
export {
  type GammaGammaParameter,
  gammaGamma,
  type SpendModel,
  type SpendSummary,
} from "./clv/gammaGamma.js";
export { groupSummaries } from "./clv/groupSummaries.js";
export type { FitOptions, ModelFit } from "./clv/ModelFit.js";
export { type MbgNbdParameter, mbgNbd } from "./clv/mbgNbd.js";
export type { PurchaseModel, SimulateOptions } from "./clv/PurchaseModel.js";
export { type ParetoNbdParameter, paretoNbd } from "./clv/paretoNbd.js";
export { type PurchasePrediction, predictPurchases } from "./clv/predictPurchases.js";
export { type ContractModel, type SbgParameter, sbg } from "./clv/sbg.js";
// features
export type {
  CustomerFeatures,
  DaysSinceLastInteraction,
  InteractionFeatures,
  NpsClass,
  ReceivableFeatures,
} from "./features/CustomerFeatures.js";
export { createFeatureAccumulator, type FeatureAccumulator } from "./features/createFeatureAccumulator.js";
export type { FeatureColumns, FeatureNumberField } from "./features/FeatureColumns.js";
export type { FeatureOptions } from "./features/FeatureOptions.js";
export type { FeatureCounts, FeatureSummary } from "./features/FeatureSummary.js";
export { featureAt } from "./features/featureAt.js";
export { type FeatureCell, type FeatureTable, featureTable } from "./features/featureTable.js";
export { npsClass } from "./features/npsClass.js";
export { type SummarizeInput, summarize } from "./features/summarize.js";
export { toFeatureColumns } from "./features/toFeatureColumns.js";
// growth
export { createGrowthAccumulator, type GrowthAccumulator } from "./growth/createGrowthAccumulator.js";
export { type GrowthFeatures, type GrowthOptions, growthFeatures } from "./growth/growthFeatures.js";
export { portfolioRepeatRate } from "./growth/portfolioRepeatRate.js";
// ingest
export {
  createTransactionIngest,
  type TransactionColumn,
  type TransactionIngest,
  type TransactionIngestOptions,
  type TransactionSink,
} from "./ingest/createTransactionIngest.js";
export type { IngestOptions } from "./ingest/IngestOptions.js";
export type { IngestReport, IngestResult } from "./ingest/IngestReport.js";
export {
  type CustomerColumn,
  type CustomerIngestOptions,
  ingestCustomers,
} from "./ingest/ingestCustomers.js";
export {
  type InteractionColumn,
  type InteractionIngestOptions,
  ingestInteractions,
} from "./ingest/ingestInteractions.js";
export { type InvoiceColumn, type InvoiceIngestOptions, ingestInvoices } from "./ingest/ingestInvoices.js";
export {
  ingestQualifications,
  type QualificationColumn,
  type QualificationIngestOptions,
} from "./ingest/ingestQualifications.js";
export { ingestTransactions } from "./ingest/ingestTransactions.js";
// math
export { createRandom } from "./math/createRandom.js";
export { gradient } from "./math/gradient.js";
export { hessian } from "./math/hessian.js";
export { logAddExp } from "./math/logAddExp.js";
export { logBeta } from "./math/logBeta.js";
export { logGamma } from "./math/logGamma.js";
export { logHyp2f1, type SignedLog } from "./math/logHyp2f1.js";
export { type MinimizeOptions, type MinimizeResult, minimize } from "./math/minimize.js";
export { randomBeta } from "./math/randomBeta.js";
export { randomGamma } from "./math/randomGamma.js";
export { solveLinear } from "./math/solveLinear.js";
// model
export { currencyDigits } from "./model/currencyDigits.js";
export {
  type AttributeValue,
  type Contact,
  CUSTOMER_PERSONAL_FIELDS,
  type Customer,
  customerSchema,
  type ImportantDate,
  type ImportantDateKind,
} from "./model/customer.js";
export { DATE_FORMATS, type DateFormat } from "./model/dateFormat.js";
export type { DecimalRounding } from "./model/decimalText.js";
export { documentIssues } from "./model/documentIssues.js";
export { formatDay } from "./model/formatDay.js";
export { formatMessage } from "./model/formatMessage.js";
export { formatMoney } from "./model/formatMoney.js";
export {
  INTERACTION_KINDS,
  type Interaction,
  type InteractionKind,
  interactionSchema,
} from "./model/interaction.js";
export { type Invoice, invoiceSchema, type Payment } from "./model/invoice.js";
export { isCurrencyCode } from "./model/isCurrencyCode.js";
export type { Issue, IssueCode, IssuePath } from "./model/issue.js";
export { KeyAccountError } from "./model/KeyAccountError.js";
export type { Locale } from "./model/locale.js";
export { localizeIssue } from "./model/localizeIssue.js";
export { makeIssue } from "./model/makeIssue.js";
export { en } from "./model/messages/en.js";
export { zhCN } from "./model/messages/zh-CN.js";
export { parseDay } from "./model/parseDay.js";
export { type ParseMoneyOptions, type ParseMoneyResult, parseMoney } from "./model/parseMoney.js";
export { PERIODS, type Period, periodStart } from "./model/period.js";
export { type Qualification, type QualificationStatus, qualificationSchema } from "./model/qualification.js";
export { daysPerUnit, TIME_UNITS, type TimeUnit } from "./model/timeUnit.js";
export { type Transaction, type TransactionKind, transactionSchema } from "./model/transaction.js";
// pipeline
export {
  createPortfolioAccumulator,
  type PortfolioAccumulator,
} from "./pipeline/createPortfolioAccumulator.js";
export {
  type GeneratedAccount,
  type GeneratePortfolioOptions,
  generatePortfolio,
} from "./pipeline/generatePortfolio.js";
export type {
  PortfolioAccount,
  PortfolioClv,
  PortfolioModels,
  PortfolioOptions,
  PortfolioRecords,
  PortfolioResult,
  PortfolioTierRow,
} from "./pipeline/PortfolioResult.js";
export { parsePortfolioPolicy } from "./pipeline/parsePortfolioPolicy.js";
export {
  type BuiltInSegmentMap,
  type PortfolioClvSettings,
  type PortfolioPolicy,
  type PortfolioPurchaseModel,
  portfolioPolicySchema,
} from "./pipeline/portfolioPolicySchema.js";
export { scorePortfolio } from "./pipeline/scorePortfolio.js";
// profit
export { type AbcEntry, abcClasses } from "./profit/abcClasses.js";
export { type AbcClass, type AbcOptions, type AbcTable, abcTable } from "./profit/abcTable.js";
export { type CostModel, costModelSchema } from "./profit/costModelSchema.js";
export { type CustomerPnl, customerProfit } from "./profit/customerProfit.js";
export { fractionOf } from "./profit/fractionOf.js";
export {
  type HistoricalValue,
  type HistoricalValueOptions,
  historicalValue,
} from "./profit/historicalValue.js";
export { type Fraction, multiplyExact } from "./profit/multiplyExact.js";
export type { ProfitInput } from "./profit/ProfitInput.js";
export { parseCostModel } from "./profit/parseCostModel.js";
export { profitInputFromFeatures } from "./profit/profitInputFromFeatures.js";
export { type ProfitPeriod, type ProfitRecords, profitInputs } from "./profit/profitInputs.js";
export { type CostToServe, type ProfitTable, profitTable } from "./profit/profitTable.js";
export {
  type SimpleValue,
  type SimpleValueInput,
  simpleCustomerValue,
} from "./profit/simpleCustomerValue.js";
export { type WhaleCurve, type WhalePoint, whaleCurve } from "./profit/whaleCurve.js";
// report
export { alertCategoryLabel } from "./report/alertCategoryLabel.js";
export { alertsChart } from "./report/alertsChart.js";
export { modelCheckChart } from "./report/modelCheckChart.js";
export { portfolioCharts } from "./report/portfolioCharts.js";
export type {
  AlertCount,
  ReportAccount,
  ReportData,
  ReportDimensionScore,
  ReportKpis,
  ReportModelCheck,
  ReportRfm,
  ReportTier,
} from "./report/ReportData.js";
export { type ReportHtmlOptions, reportHtml } from "./report/reportHtml.js";
export { type RfmGridChartOptions, rfmGridChart } from "./report/rfmGridChart.js";
export { tierDistributionChart } from "./report/tierDistributionChart.js";
export { tierMigrationChart } from "./report/tierMigrationChart.js";
export type { ChartOptions, MoneyChartOptions, VegaLiteSpec, VegaLiteValue } from "./report/VegaLiteSpec.js";
export { whaleCurveChart } from "./report/whaleCurveChart.js";
// rfm
export {
  defineSegmentMap,
  type SegmentMap,
  type SegmentMapOptions,
  type SegmentOverlap,
} from "./rfm/defineSegmentMap.js";
export { GRID_SEGMENTS } from "./rfm/gridSegments.js";
export { quantilesType7 } from "./rfm/quantilesType7.js";
export { quantileType7 } from "./rfm/quantileType7.js";
export { type RfmCustomer, type RfmOptions, type RfmResult, type RfmSegmentShare, rfm } from "./rfm/rfm.js";
export { RFM_EIGHT_CLASS_SEGMENTS } from "./rfm/rfmEightClassSegments.js";
export { RFM_PACKAGE_SEGMENTS } from "./rfm/rfmPackageSegments.js";
export { SCORE_METHODS, type ScoreBreaks, type ScoreMethod } from "./rfm/ScoreMethod.js";
export { type ScoreBreakOptions, scoreBreaks } from "./rfm/scoreBreaks.js";
export { scoreValue } from "./rfm/scoreValue.js";
export { SEGMENT_LABELS } from "./rfm/segmentLabels.js";
export {
  type ScoreRange,
  type SegmentMapDefinition,
  type SegmentRule,
  segmentMapSchema,
} from "./rfm/segmentMapSchema.js";
export { segmentOf } from "./rfm/segmentOf.js";
export { type AccountFactOptions, type AccountFacts, accountFacts } from "./signals/accountFacts.js";
export {
  createPurchaseActivityAccumulator,
  type PurchaseActivityAccumulator,
} from "./signals/createPurchaseActivityAccumulator.js";
export {
  type AccountGrade,
  type AccountScore,
  type AccountSignals,
  evaluateSignals,
  type ScoreContribution,
  type SignalAlert,
  type SignalOptions,
  type SignalResult,
} from "./signals/evaluateSignals.js";
export { LazyList } from "./signals/LazyList.js";
export { parseSignalPolicy } from "./signals/parseSignalPolicy.js";
export {
  type PurchaseActivity,
  type PurchaseActivityOptions,
  purchaseActivity,
} from "./signals/purchaseActivity.js";
export type { PoolState, SignalAccount } from "./signals/SignalAccount.js";
export { SignalAlertList, type SignalRuleInfo } from "./signals/SignalAlertList.js";
export type { SignalEvidence } from "./signals/SignalEvidence.js";
export {
  type ComplaintKpi,
  type KpiCounts,
  type KpiSet,
  type NpsKpi,
  type SatisfactionKpi,
  type SignalKpiOptions,
  type SignalKpis,
  signalKpis,
  type TimeKpi,
} from "./signals/signalKpis.js";
export {
  SIGNAL_METRICS,
  type SignalMetric,
  type SignalMetricName,
  type SignalMetricUnit,
} from "./signals/signalMetrics.js";
export { SIGNAL_PACKS } from "./signals/signalPacks.js";
export {
  type ComparisonOperator,
  type LocalisedText,
  type PointsRule,
  type PointsScore,
  type SignalCondition,
  type SignalGrade,
  type SignalPackName,
  type SignalPolicy,
  type SignalRule,
  type SignalSettings,
  type SignalSeverity,
  signalPolicySchema,
  type TierValues,
} from "./signals/signalPolicySchema.js";
export { signalTaskList } from "./signals/signalTaskList.js";
export {
  type SignalTask,
  type SignalTaskKind,
  type SignalTaskOptions,
  signalTasks,
} from "./signals/signalTasks.js";
export {
  CARE_DATE_KINDS,
  type CareDate,
  type CareDateKind,
  type CareDateOptions,
  type Holiday,
  upcomingCareDates,
} from "./signals/upcomingCareDates.js";
// tier
export {
  assignTiers,
  type PreviousTier,
  type TierAssignment,
  type TieredAccount,
  type TierOptions,
  type TierOverride,
  type TierReason,
} from "./tier/assignTiers.js";
export {
  type DimensionBreakdown,
  explainScore,
  type MetricBreakdown,
  type ScoreBreakdown,
} from "./tier/explainScore.js";
export { GROWTH_METRICS } from "./tier/growthMetrics.js";
export { type MetricSource, metricSource } from "./tier/metricSource.js";
export { normaliseColumn } from "./tier/normaliseColumn.js";
export { parseTierPolicy } from "./tier/parseTierPolicy.js";
export { type Scorecard, type ScoredMetric, scoreAccounts } from "./tier/scoreAccounts.js";
export type { TierInput } from "./tier/TierInput.js";
export { tierLabel } from "./tier/tierLabel.js";
export {
  TIER_METRICS,
  type TierMetric,
  type TierMetricName,
  type TierMetricUnit,
} from "./tier/tierMetrics.js";
export { type TierMigration, type TierMove, tierMigration } from "./tier/tierMigration.js";
export {
  type Hysteresis,
  type MissingRule,
  type Normalisation,
  type PolicyDimension,
  type PolicyMetric,
  type PolicyTier,
  type ScoreBand,
  type TierAssignmentMethod,
  type TierCondition,
  type TierPolicy,
  tierPolicySchema,
} from "./tier/tierPolicySchema.js";
export { TIER_PRESETS, type TierPresetName } from "./tier/tierPresets.js";
export { tierReasonText } from "./tier/tierReasonText.js";
