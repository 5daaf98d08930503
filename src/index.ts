// keyaccount — the public API: a flat list of named exports, grouped by stage.

// features
export type {
  CustomerFeatures,
  DaysSinceLastInteraction,
  InteractionFeatures,
  NpsClass,
  ReceivableFeatures,
} from "./features/CustomerFeatures.js";
export { createFeatureAccumulator, type FeatureAccumulator } from "./features/createFeatureAccumulator.js";
export type { FeatureOptions } from "./features/FeatureOptions.js";
export type { FeatureCounts, FeatureSummary } from "./features/FeatureSummary.js";
export { type FeatureCell, type FeatureTable, featureTable } from "./features/featureTable.js";
export { npsClass } from "./features/npsClass.js";
export { type SummarizeInput, summarize } from "./features/summarize.js";
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
export { currencyDigits } from "./model/currencyDigits.js";
// model: records
export {
  type AttributeValue,
  type Contact,
  CUSTOMER_PERSONAL_FIELDS,
  type Customer,
  customerSchema,
  type ImportantDate,
  type ImportantDateKind,
} from "./model/customer.js";
// model: dates, time units, money
export { DATE_FORMATS, type DateFormat } from "./model/dateFormat.js";
export type { DecimalRounding } from "./model/decimalText.js";
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
// model: issues, errors, messages
export type { Issue, IssueCode, IssuePath } from "./model/issue.js";
export { KeyAccountError } from "./model/KeyAccountError.js";
export type { Locale } from "./model/locale.js";
export { makeIssue } from "./model/makeIssue.js";
export { en } from "./model/messages/en.js";
export { zhCN } from "./model/messages/zh-CN.js";
export { parseDay } from "./model/parseDay.js";
export { type ParseMoneyOptions, type ParseMoneyResult, parseMoney } from "./model/parseMoney.js";
export { PERIODS, type Period, periodStart } from "./model/period.js";
export { type Qualification, type QualificationStatus, qualificationSchema } from "./model/qualification.js";
export { daysPerUnit, TIME_UNITS, type TimeUnit } from "./model/timeUnit.js";
export { type Transaction, type TransactionKind, transactionSchema } from "./model/transaction.js";
