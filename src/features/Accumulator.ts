import type { Customer } from "../model/customer.js";
import { formatDay } from "../model/formatDay.js";
import type { Interaction } from "../model/interaction.js";
import { INTERACTION_KINDS } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Transaction } from "../model/transaction.js";
import { CustomerExtra } from "./CustomerExtra.js";
import type { CustomerFeatures } from "./CustomerFeatures.js";
import { CustomerIndex } from "./CustomerIndex.js";
import type { FeatureAccumulator } from "./createFeatureAccumulator.js";
import {
  BTYD_FIELDS,
  type BtydField,
  type FeatureColumns,
  type FeatureNumberField,
} from "./FeatureColumns.js";
import type { FeatureCounts, FeatureSummary } from "./FeatureSummary.js";
import { featureAt } from "./featureAt.js";
import { CustomerFinisher } from "./finishCustomers.js";
import { type GroupedRows, groupRows } from "./groupRows.js";
import type { ResolvedFeatureOptions } from "./resolveFeatureOptions.js";
import { TransactionRows } from "./TransactionRows.js";

/** A summary's BTYD columns (see `Accumulator.calibrationBtydColumns`). Internal. */
export type BtydColumns = Pick<FeatureColumns, BtydField>;

/**
 * The transaction lines kept (those by `asOf`, in the summary's currency) grouped by customer: customer `ids[r]`
 * (id order, as the summary) has rows `rows.start[r]` to `rows.start[r + 1] − 1`, sorted by day. Internal.
 */
export interface CustomerLines {
  ids: readonly string[];
  /** Rank → the customer's index in the accumulator. */
  order: Int32Array;
  rows: GroupedRows;
  /** Product and category names by code. */
  products: readonly string[];
  categories: readonly string[];
}

type RowCounts = Pick<FeatureCounts, "rowsAfterAsOf" | "rowsInvalid" | "rowsOtherCurrency">;

const KIND_COUNT = INTERACTION_KINDS.length;

/**
 * The {@link FeatureAccumulator} behind {@link createFeatureAccumulator} and {@link summarize}: transaction lines
 * go into typed-array columns (no object per line), everything else into a small per-customer state. Internal.
 */
export class Accumulator implements FeatureAccumulator {
  readonly options: ResolvedFeatureOptions;
  /** Customer id → index; `extras[index]` is the customer's non-transaction state. */
  readonly customers: CustomerIndex;
  readonly extras: (CustomerExtra | undefined)[] = [];
  transactions: TransactionRows;
  /** Currency code → index in the rows' currency column. */
  readonly currencyIndexes: Map<string, number> = new Map();
  /** The currency codes, by index (an array of strings from the start, as `CustomerIndex.names`). */
  readonly currencies: string[] = [""].slice(1);
  readonly rows: RowCounts = { rowsAfterAsOf: 0, rowsInvalid: 0, rowsOtherCurrency: 0 };
  // The last date and currency read, and what they gave. They start as strings (the empty date, which is no date;
  // no currency, with index -1), so that comparing them with a line's is always comparing strings: the code
  // compiled while adding one log's lines then runs unchanged on the next accumulator's.
  private lastDate = "";
  private lastDay: number | undefined = undefined;
  private lastCurrency = "";
  private lastCurrencyIndex = -1;
  private grouped: (CustomerLines & { lineCount: number }) | undefined = undefined;
  private sealed = false;
  private summariesEnded = false;
  private linesEnded = false;

  /**
   * @param options - Checked options.
   * @param expectedLines - How many transaction lines to make room for (0 when unknown).
   */
  constructor(options: ResolvedFeatureOptions, expectedLines = 0) {
    this.options = options;
    this.transactions = new TransactionRows(expectedLines);
    this.customers = new CustomerIndex(expectedLines);
  }

  private index(id: string): number {
    return this.customers.indexOf(id);
  }

  private extra(id: string): CustomerExtra {
    const index = this.customers.indexOf(id);
    while (this.extras.length <= index) this.extras.push(undefined);
    let extra = this.extras[index];
    if (extra === undefined) {
      extra = new CustomerExtra();
      this.extras[index] = extra;
    }
    return extra;
  }

  private currencyIndex(currency: string): number {
    if (currency === this.lastCurrency && this.lastCurrencyIndex >= 0) return this.lastCurrencyIndex;
    let index = this.currencyIndexes.get(currency);
    if (index === undefined) {
      index = this.currencies.length;
      this.currencyIndexes.set(currency, index);
      this.currencies.push(currency);
    }
    this.lastCurrency = currency;
    this.lastCurrencyIndex = index;
    return index;
  }

  private day(date: string): number | undefined {
    if (date === this.lastDate) return this.lastDay;
    const day = parseDay(date, "YYYY-MM-DD");
    this.lastDate = date;
    this.lastDay = day;
    return day;
  }

  addTransaction(transaction: Transaction): void {
    if (this.sealed) this.refuseSealed();
    const options = this.options;
    const day = this.day(transaction.date);
    const amount = transaction.amountMinor;
    if (day === undefined || !Number.isFinite(amount)) {
      this.rows.rowsInvalid++;
      return;
    }
    if (day > options.asOf) {
      this.rows.rowsAfterAsOf++;
      return;
    }
    const currency = transaction.currency;
    if (options.currency !== undefined && currency !== options.currency) {
      this.rows.rowsOtherCurrency++;
      return;
    }
    const sale = transaction.kind === "sale";
    const rows = this.transactions;
    const row = rows.push(
      this.index(transaction.customerId),
      sale ? day * 2 + 1 : day * 2,
      amount,
      this.currencyIndex(currency),
    );
    const cost = transaction.costMinor;
    if (cost !== undefined && Number.isFinite(cost)) rows.setCost(row, cost);
    if (sale && transaction.orderId !== undefined) rows.setOrderId(row, transaction.orderId);
    if (transaction.product !== undefined) rows.setProduct(row, transaction.product);
    if (transaction.category !== undefined) rows.setCategory(row, transaction.category);
  }

  addInteraction(interaction: Interaction): void {
    if (this.sealed) this.refuseSealed();
    const asOf = this.options.asOf;
    const day = parseDay(interaction.date, "YYYY-MM-DD");
    if (day === undefined) {
      this.rows.rowsInvalid++;
      return;
    }
    if (day > asOf) {
      this.rows.rowsAfterAsOf++;
      return;
    }
    const extra = this.extra(interaction.customerId).interactions();
    extra.interactions++;
    if (day > extra.lastInteraction) extra.lastInteraction = day;
    const kind = INTERACTION_KINDS.indexOf(interaction.kind);
    if (kind >= 0) {
      extra.lastByKind ??= new Array<number>(KIND_COUNT).fill(Number.NEGATIVE_INFINITY);
      const last = extra.lastByKind;
      if (day > (last[kind] ?? Number.NEGATIVE_INFINITY)) last[kind] = day;
    }
    if (interaction.kind === "complaint") {
      extra.complaints++;
      // An unreadable resolution time counts as not resolved.
      const resolved =
        interaction.resolvedAt === undefined ? undefined : parseDay(interaction.resolvedAt, "YYYY-MM-DD");
      if (resolved === undefined || resolved > asOf) extra.openComplaints++;
    }
    const satisfaction = interaction.satisfaction;
    if (typeof satisfaction === "number" && Number.isFinite(satisfaction)) {
      extra.satisfactionSum += satisfaction;
      extra.satisfactionCount++;
    }
    const nps = interaction.nps;
    if (typeof nps === "number" && Number.isFinite(nps)) extra.noteNps(day, nps);
  }

  addInvoice(invoice: Invoice): void {
    if (this.sealed) this.refuseSealed();
    const options = this.options;
    const asOf = options.asOf;
    const issued = parseDay(invoice.issueDate, "YYYY-MM-DD");
    const due = parseDay(invoice.dueDate, "YYYY-MM-DD");
    const amount = invoice.amountMinor;
    if (issued === undefined || due === undefined || !Number.isFinite(amount)) {
      this.rows.rowsInvalid++;
      return;
    }
    if (issued > asOf) {
      this.rows.rowsAfterAsOf++;
      return;
    }
    if (options.currency !== undefined && invoice.currency !== options.currency) {
      this.rows.rowsOtherCurrency++;
      return;
    }
    const customerExtra = this.extra(invoice.customerId);
    customerExtra.noteCurrency(invoice.currency);
    const extra = customerExtra.invoices();
    extra.invoices++;
    // Payments received by asOf, in date order; an unreadable payment date counts as not received.
    const received: { day: number; amount: number }[] = [];
    for (const payment of invoice.payments ?? []) {
      const day = parseDay(payment.date, "YYYY-MM-DD");
      if (day !== undefined && day <= asOf && Number.isFinite(payment.amountMinor))
        received.push({ day, amount: payment.amountMinor });
    }
    received.sort((a, b) => a.day - b.day);
    let paid = 0;
    let paidInFull: number | undefined;
    for (const payment of received) {
      paid += payment.amount;
      if (paidInFull === undefined && paid >= amount) paidInFull = payment.day;
    }
    const open = amount - paid;
    if (open > 0) {
      extra.openReceivables += open;
      const daysPastDue = asOf - due;
      if (daysPastDue > 0) {
        extra.overdueInvoices++;
        extra.overdueAmount += open;
      }
      extra.maxDaysPastDue = Math.max(extra.maxDaysPastDue, daysPastDue, 0);
    } else if (amount > 0 && paidInFull !== undefined) {
      extra.paidInvoices++;
      extra.daysToPaySum += Math.max(0, paidInFull - issued);
    }
  }

  addCustomer(customer: Customer): void {
    if (this.sealed) this.refuseSealed();
    const options = this.options;
    const extra = this.extra(customer.id);
    if (customer.createdDate !== undefined) {
      const created = parseDay(customer.createdDate, "YYYY-MM-DD");
      if (created === undefined) this.rows.rowsInvalid++;
      else extra.createdDay = Math.min(extra.createdDay, created);
    }
    const currency = customer.currency;
    if (options.currency !== undefined && currency !== undefined && currency !== options.currency) {
      if (customer.creditLimitMinor !== undefined) this.rows.rowsOtherCurrency++;
      return;
    }
    if (currency !== undefined) extra.noteCurrency(currency);
    const limit = customer.creditLimitMinor;
    if (limit !== undefined && Number.isFinite(limit)) extra.creditLimit = Math.max(extra.creditLimit, limit);
  }

  merge(other: FeatureAccumulator): FeatureAccumulator {
    if (!(other instanceof Accumulator) || other === this || !sameOptions(this.options, other.options)) {
      const reason =
        other === this
          ? "an accumulator cannot be merged into itself"
          : "the accumulators were not created with the same options";
      throw new KeyAccountError([makeIssue("option.invalid", ["merge"], { field: "merge", reason })]);
    }
    const customerMap = other.customers.names.map((id, index) => {
      const theirs = other.extras[index];
      if (theirs) this.extra(id).merge(theirs);
      return this.index(id);
    });
    const currencyMap = other.currencies.map((currency) => this.currencyIndex(currency));
    const from = other.transactions;
    const rows = this.transactions;
    for (let i = 0; i < from.length; i++) {
      const row = rows.push(
        customerMap[from.customer[i] ?? 0] ?? 0,
        from.key[i] ?? 0,
        from.amount[i] ?? 0,
        currencyMap[from.currency?.[i] ?? 0] ?? 0,
      );
      const cost = from.cost?.[i] ?? Number.NaN;
      if (!Number.isNaN(cost)) rows.setCost(row, cost);
      const orderId = from.orderId?.at(i);
      if (orderId !== undefined) rows.setOrderId(row, orderId);
      const product = from.product?.[i] ?? -1;
      if (product >= 0) rows.setProduct(row, from.products.texts[product] as string);
      const category = from.category?.[i] ?? -1;
      if (category >= 0) rows.setCategory(row, from.categories.texts[category] as string);
    }
    this.rows.rowsAfterAsOf += other.rows.rowsAfterAsOf;
    this.rows.rowsInvalid += other.rows.rowsInvalid;
    this.rows.rowsOtherCurrency += other.rows.rowsOtherCurrency;
    return this;
  }

  result(): CustomerFeatures[] {
    return this.summary().features;
  }

  summary(): FeatureSummary {
    return this.summaryWith(this.options);
  }

  /**
   * The summary of the same lines with a calibration split at `calibrationEnd` (a day number, at most `asOf`):
   * what an accumulator made with that option would give, without holding the lines twice.
   */
  calibrationSummary(calibrationEnd: number): FeatureSummary {
    return this.summaryWith({ ...this.options, calibrationEnd });
  }

  /**
   * The BTYD columns of `calibrationSummary(calibrationEnd)`, which the transaction lines alone decide: made from
   * the lines (it may follow `endSummaries`), without the summary's other columns.
   */
  calibrationBtydColumns(calibrationEnd: number): BtydColumns {
    const columns = this.finished({ ...this.options, calibrationEnd }, true, BTYD_FIELDS).columns;
    return Object.fromEntries(BTYD_FIELDS.map((field) => [field, columns[field]])) as BtydColumns;
  }

  /** The lines grouped by customer, the customers in id order; made once until more records come. */
  lines(): CustomerLines {
    if (this.linesEnded) throw new Error("This feature accumulator has let its lines go.");
    const names = this.customers.names;
    const cached = this.grouped;
    if (
      cached !== undefined &&
      (this.sealed || (cached.lineCount === this.transactions.length && cached.ids.length === names.length))
    )
      return cached;
    // Lines are grouped in id order, so that the customers are finished, in id order, reading memory in order.
    const order = this.customers.sortedIndexes();
    const ids = new Array<string>(order.length);
    for (let r = 0; r < order.length; r++) ids[r] = names[order[r] ?? 0] as string;
    const transactions = this.transactions;
    this.grouped = {
      ids,
      order,
      rows: groupRows(transactions, order),
      products: transactions.products.texts,
      categories: transactions.categories.texts,
      lineCount: transactions.length,
    };
    return this.grouped;
  }

  /**
   * Groups the lines for good and lets the ungrouped copy go, halving the lines' memory: the last step of a run
   * that takes no more records (adding one afterwards throws).
   */
  seal(): void {
    this.lines();
    this.sealed = true;
    const ungrouped = this.transactions;
    this.transactions = new TransactionRows();
    ungrouped.release();
  }

  /**
   * The last summary has been made: lets the customers' state from interactions, invoices and customer records go
   * (a summary afterwards throws, but for a lines-only calibration summary); the grouped lines stay readable. For
   * a run that is done summarising but still reads the lines.
   */
  endSummaries(): void {
    this.seal();
    this.summariesEnded = true;
    this.extras.length = 0;
  }

  /**
   * After {@link Accumulator.endSummaries}, lets the grouped lines go too (reading them or a summary afterwards
   * throws): the last use of the accumulator, whoever still holds it.
   */
  endLines(): void {
    if (this.linesEnded) return;
    this.endSummaries();
    this.linesEnded = true;
    this.grouped?.rows.orderId?.release();
    this.grouped = undefined;
  }

  private refuseSealed(): never {
    throw new Error("This feature accumulator is sealed: no more records may be added.");
  }

  // Every customer finished, from the lines alone with `linesOnly` (as if no interaction, invoice or customer
  // record had been added), keeping only the `kept` number columns when given.
  private finished(
    options: ResolvedFeatureOptions,
    linesOnly: boolean,
    kept?: readonly FeatureNumberField[],
  ): CustomerFinisher {
    if (this.summariesEnded && !linesOnly)
      throw new Error("This feature accumulator has ended its summaries: its customers' state is gone.");
    const { ids, order, rows } = this.lines();
    const extras = linesOnly ? [] : this.extras;
    const finisher = new CustomerFinisher(options, this.currencies, rows, extras.length > 0, kept);
    finishAll(finisher, order, ids, extras);
    return finisher;
  }

  private summaryWith(options: ResolvedFeatureOptions): FeatureSummary {
    const finisher = this.finished(options, false);
    const columns = finisher.columns;
    let features: CustomerFeatures[] | undefined;
    const summary = {
      get features(): CustomerFeatures[] {
        features ??= featureObjects(columns);
        return features;
      },
      asOf: formatDay(options.asOf),
      calibrationEnd: options.calibrationEnd === undefined ? undefined : formatDay(options.calibrationEnd),
      period: options.period,
      timeUnit: options.timeUnit,
      recentDays: options.recentDays,
      currency: options.currency,
      counts: { customers: columns.ids.length, ...finisher.counts, ...this.rows },
    };
    // Not enumerable: spreading, comparing or serialising a summary sees the features, as it always has.
    return Object.defineProperty(summary, "columns", { value: columns, enumerable: false }) as FeatureSummary;
  }
}

// Loops over all customers are functions of their own, with nothing after the loop: see groupRows.ts.

function finishAll(
  finisher: CustomerFinisher,
  order: Int32Array,
  ids: readonly string[],
  extras: readonly (CustomerExtra | undefined)[],
): void {
  for (let i = 0; i < order.length; i++) finisher.finish(ids[i] ?? "", i, extras[order[i] ?? 0]);
}

function featureObjects(columns: FeatureColumns): CustomerFeatures[] {
  const features: CustomerFeatures[] = new Array(columns.ids.length);
  for (let i = 0; i < features.length; i++) features[i] = featureAt(columns, i);
  return features;
}

function sameOptions(a: ResolvedFeatureOptions, b: ResolvedFeatureOptions): boolean {
  return (
    a.asOf === b.asOf &&
    a.calibrationEnd === b.calibrationEnd &&
    a.period === b.period &&
    a.timeUnit === b.timeUnit &&
    a.recentDays === b.recentDays &&
    a.currency === b.currency
  );
}
