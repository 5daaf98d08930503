// Builders for signal accounts made from real records: the features come from `summarize` and the activity from
// `purchaseActivity`, so the numbers the rules read are the ones a real run would read. Shared by the pack tests.
import { summarize } from "../../src/features/summarize.js";
import type { Customer } from "../../src/model/customer.js";
import type { Interaction } from "../../src/model/interaction.js";
import type { Invoice, Payment } from "../../src/model/invoice.js";
import type { Locale } from "../../src/model/locale.js";
import type { Qualification } from "../../src/model/qualification.js";
import type { Transaction } from "../../src/model/transaction.js";
import { evaluateSignals, type SignalAlert, type SignalResult } from "../../src/signals/evaluateSignals.js";
import { purchaseActivity } from "../../src/signals/purchaseActivity.js";
import type { PoolState, SignalAccount } from "../../src/signals/SignalAccount.js";
import type { SignalPackName, SignalSettings } from "../../src/signals/signalPolicySchema.js";

/** The id of the accounts built here unless a customer record names another. */
export const ID = "C1";
/** The currency of the records built here. */
export const CURRENCY = "USD";

/** A sale of `amountMinor` on `date` (its own order unless `orderId` is given). */
export const sale = (date: string, amountMinor: number, extra: Partial<Transaction> = {}): Transaction => ({
  customerId: ID,
  date,
  amountMinor,
  currency: CURRENCY,
  kind: "sale",
  ...extra,
});

/** An interaction of a kind on a day. */
export const interaction = (
  kind: Interaction["kind"],
  date: string,
  extra: Partial<Interaction> = {},
): Interaction => ({ customerId: ID, kind, date, ...extra });

/** A complaint dated `date`, with optional timestamps. */
export const complaint = (date: string, extra: Partial<Interaction> = {}): Interaction =>
  interaction("complaint", date, extra);

/** A feedback answer: satisfaction (1–5) and/or NPS (0–10). */
export const feedback = (date: string, answer: { satisfaction?: number; nps?: number }): Interaction =>
  interaction("feedback", date, answer);

/** An invoice of `amountMinor`, with its payments. */
export const invoice = (
  id: string,
  issueDate: string,
  dueDate: string,
  amountMinor: number,
  payments?: Payment[],
): Invoice => ({
  id,
  customerId: ID,
  issueDate,
  dueDate,
  amountMinor,
  currency: CURRENCY,
  ...(payments === undefined ? {} : { payments }),
});

/** An invoice paid in full on `paidDate`. */
export const paidInvoice = (
  id: string,
  issueDate: string,
  dueDate: string,
  paidDate: string,
  amountMinor = 10_000,
): Invoice => invoice(id, issueDate, dueDate, amountMinor, [{ date: paidDate, amountMinor }]);

/** A qualification document, active unless `status` says otherwise. */
export const document = (documentType: string, extra: Partial<Qualification> = {}): Qualification => ({
  customerId: ID,
  documentType,
  status: "active",
  ...extra,
});

/** A customer record named Acme. */
export const customer = (extra: Partial<Customer> = {}): Customer => ({
  id: ID,
  name: "Acme",
  currency: CURRENCY,
  ...extra,
});

/** The records of one account and its other parts. */
export interface AccountRecords {
  transactions?: Transaction[];
  interactions?: Interaction[];
  invoices?: Invoice[];
  qualifications?: Qualification[];
  customer?: Customer;
  tier?: string;
  segment?: string;
  pAlive?: number;
  pool?: PoolState;
}

/**
 * One account as a pipeline would hand it to the signals: the records as given, the features summarised from them
 * as of `asOf` (when there is any row to summarise) and the purchase activity of its transactions.
 */
export function buildAccount(
  records: AccountRecords,
  asOf: string,
  options: { recentDays?: number; windowDays?: number } = {},
): SignalAccount {
  const id = records.customer?.id ?? ID;
  const transactions = records.transactions ?? [];
  const summary = summarize(
    {
      transactions,
      interactions: records.interactions ?? [],
      invoices: records.invoices ?? [],
      customers: records.customer === undefined ? [] : [records.customer],
    },
    { asOf, ...(options.recentDays === undefined ? {} : { recentDays: options.recentDays }) },
  );
  const account: SignalAccount = { id };
  const features = summary.features.find((entry) => entry.id === id);
  if (features !== undefined) account.features = features;
  if (transactions.length > 0) {
    const activity = purchaseActivity(transactions, {
      asOf,
      ...(options.windowDays === undefined ? {} : { windowDays: options.windowDays }),
    }).get(id);
    if (activity !== undefined) account.activity = activity;
  }
  if (records.customer !== undefined) account.customer = records.customer;
  if (records.interactions !== undefined) account.interactions = records.interactions;
  if (records.invoices !== undefined) account.invoices = records.invoices;
  if (records.qualifications !== undefined) account.qualifications = records.qualifications;
  if (records.tier !== undefined) account.tier = records.tier;
  if (records.segment !== undefined) account.segment = records.segment;
  if (records.pAlive !== undefined) account.pAlive = records.pAlive;
  if (records.pool !== undefined) account.pool = records.pool;
  return account;
}

/** The locale and settings of an evaluation. */
export interface PackOptions {
  locale?: Locale;
  settings?: SignalSettings;
}

/** Evaluates built-in packs (with optional settings) for some accounts. */
export function runPacks(
  accounts: SignalAccount | readonly SignalAccount[],
  include: SignalPackName[],
  options: PackOptions & { asOf: string },
): SignalResult {
  const list = Array.isArray(accounts) ? accounts : [accounts as SignalAccount];
  return evaluateSignals(
    list,
    { version: 1, include, ...(options.settings === undefined ? {} : { settings: options.settings }) },
    { asOf: options.asOf, ...(options.locale === undefined ? {} : { locale: options.locale }) },
  );
}

/** The rule ids of a result's alerts, in the result's order. */
export const ruleIds = (result: SignalResult): string[] => result.alerts.map((alert) => alert.rule);

/** The alert of one rule (there must be exactly one). */
export function alertOf(result: SignalResult, rule: string): SignalAlert {
  const found = result.alerts.filter((alert) => alert.rule === rule);
  if (found.length !== 1) throw new Error(`expected one ${rule} alert, got ${ruleIds(result).join(", ")}`);
  return found[0] as SignalAlert;
}
