import { currencyDigits } from "../model/currencyDigits.js";
import type { DecimalRounding } from "../model/decimalText.js";
import { formatDay } from "../model/formatDay.js";
import { formatMoney } from "../model/formatMoney.js";
import { isCurrencyCode } from "../model/isCurrencyCode.js";
import type { IssueCode } from "../model/issue.js";
import type { Transaction, TransactionKind } from "../model/transaction.js";
import {
  type CommonOptions,
  checkChoice,
  checkCommonOptions,
  checkDay,
  checkType,
  OptionProblems,
} from "./checkOptions.js";
import type { IngestOptions } from "./IngestOptions.js";
import type { IngestReport } from "./IngestReport.js";
import { LineIdIndex } from "./LineIdIndex.js";
import { draftIssue, type IssueDraft, ReportTally } from "./reportTally.js";
import { ReversalLedger } from "./reversalLedger.js";
import { RowFingerprints } from "./rowFingerprints.js";
import {
  DayReader,
  DecimalReader,
  describeValue,
  isBlank,
  type MoneyComplaint,
  RowCells,
  readId,
  readMoney,
  readText,
} from "./rowReader.js";

/**
 * The fields a transaction row is read into (keys of the `columns` option). `amount` is the line's net amount;
 * `unitPrice` × `quantity` is the alternative; `cost` and `discount` are line totals; all money is in major
 * units (`12.50`). `kind` holds `sale`, `return` or `cancellation`; `reverses` the id or order id of the sale
 * a return or cancellation reverses.
 *
 * @example
 * ```ts
 * const field: TransactionColumn = "unitPrice";
 * ```
 */
export type TransactionColumn =
  | "customerId"
  | "date"
  | "currency"
  | "quantity"
  | "amount"
  | "unitPrice"
  | "kind"
  | "id"
  | "orderId"
  | "reverses"
  | "product"
  | "category"
  | "channel"
  | "cost"
  | "discount";

// The index of each field's cell in RowCells.values, in the order rows are checked: a rejected row's first
// issue comes from the earliest failing field.
const SLOT = {
  customerId: 0,
  date: 1,
  currency: 2,
  quantity: 3,
  amount: 4,
  unitPrice: 5,
  kind: 6,
  id: 7,
  orderId: 8,
  reverses: 9,
  product: 10,
  category: 11,
  channel: 12,
  cost: 13,
  discount: 14,
} as const satisfies Record<TransactionColumn, number>;

const FIELDS = Object.keys(SLOT) as TransactionColumn[];

/**
 * Options of {@link createTransactionIngest} and {@link ingestTransactions}, beyond the shared
 * {@link IngestOptions}.
 *
 * @example
 * ```ts
 * const options: TransactionIngestOptions = {
 *   columns: { orderId: "InvoiceNo", product: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice",
 *     date: "InvoiceDate", customerId: "CustomerID" },
 *   currency: "GBP",
 *   cancellationPrefix: "C",
 *   asOf: "2011-12-09",
 * };
 * ```
 */
export interface TransactionIngestOptions extends IngestOptions<TransactionColumn> {
  /** The as-of day, `YYYY-MM-DD`: rows dated after it are rejected with `date.after-as-of`. */
  asOf?: string | undefined;
  /**
   * An order id starting with this text marks a cancellation (`"C"` in the UCI Online Retail data). Without
   * it, only the `kind` and `reverses` columns mark reversals.
   */
  cancellationPrefix?: string | undefined;
  /**
   * Rows that repeat an earlier row exactly (every column, not only the mapped ones): `"reject"` (default,
   * `row.duplicate` naming the first row), `"notice"` (accept with a `row.duplicate` notice) or `"keep"`
   * (accept without checking, which also saves the memory the check needs: about 30 bytes per row).
   */
  duplicateRows?: "reject" | "notice" | "keep" | undefined;
  /**
   * Whether one run may hold several currencies. By default (`false`) a run is single-currency, because
   * amounts of different currencies cannot be added: the run's currency is the `currency` option or else that
   * of the first accepted row, and rows in another currency are rejected with `currency.mixed`.
   */
  mixedCurrencies?: boolean | undefined;
  /**
   * Sales of zero: `"reject"` (default, `amount.zero`: in most CRMs a zero line is an error or a placeholder)
   * or `"accept"` (a free item or a promotional order is still a purchase, as the CDNOW data's $0.00 purchases
   * are, and BTYD counts it). Zero prices are then accepted too. A negative price is always rejected.
   */
  zeroAmounts?: "reject" | "accept" | undefined;
}

/**
 * A streaming transaction ingest: push rows one at a time, then finish to get the report.
 *
 * @example
 * ```ts
 * const ingest: TransactionIngest = createTransactionIngest({ currency: "USD" }, (record) => save(record));
 * for (const row of rows) ingest.push(row);
 * ingest.finish().input === rows.length; // => true
 * ```
 */
export interface TransactionIngest {
  /** Reads the next row (rows are numbered from 1 in push order). */
  push(row: Readonly<Record<string, unknown>>): void;
  /**
   * Counts a line the file reader could not turn into a row (a CSV line with the wrong number of fields, a JSON
   * Lines line that is not an object) as the next row, rejected with `row.unreadable` and the reader's reason.
   */
  pushUnreadable(reason: string): void;
  /** Decides the rows still open (cancellations and returns), hands their records over, and reports. */
  finish(): IngestReport;
}

/**
 * Receives each accepted transaction once it is final, with its 1-based input row number.
 *
 * @example
 * ```ts
 * const sink: TransactionSink = (record, row) => console.log(row, record.amountMinor);
 * ```
 */
export type TransactionSink = (record: Transaction, row: number) => void;

interface Settings extends CommonOptions {
  priceMode: boolean;
  asOf: number | undefined;
  prefix: string | undefined;
  duplicates: "reject" | "notice" | "keep";
  mixedCurrencies: boolean;
  acceptZero: boolean;
}

function settle(options: TransactionIngestOptions): Settings {
  const problems = new OptionProblems();
  const common = checkCommonOptions(problems, options, FIELDS, [
    "asOf",
    "cancellationPrefix",
    "duplicateRows",
    "mixedCurrencies",
    "zeroAmounts",
  ]);
  const settings: Settings = {
    ...common,
    priceMode: common.explicit.has("unitPrice"),
    asOf: checkDay(problems, options, "asOf"),
    prefix: checkType(problems, options, "cancellationPrefix", "string", true),
    duplicates: checkChoice(problems, options, "duplicateRows", ["reject", "notice", "keep"], "reject"),
    mixedCurrencies: checkType(problems, options, "mixedCurrencies", "boolean") ?? false,
    acceptZero: checkChoice(problems, options, "zeroAmounts", ["reject", "accept"], "reject") === "accept",
  };
  if (common.explicit.has("amount") && common.explicit.has("unitPrice"))
    problems.add("columns.unitPrice", "map either amount or unitPrice (with quantity), not both");
  problems.throwIfAny();
  return settings;
}

// A cancellation or return decided at finish().
interface Pending {
  record: Transaction;
  row: number;
  day: number;
  size: number;
  reference: string | undefined;
  notices: IssueDraft[] | undefined;
}

const MICRO = 1_000_000;

function append(list: IssueDraft[] | undefined, issue: IssueDraft): IssueDraft[] {
  if (list === undefined) return [issue];
  list.push(issue);
  return list;
}

class TransactionRun implements TransactionIngest {
  private readonly settings: Settings;
  private readonly onRecord: TransactionSink | undefined;
  private readonly cells: RowCells;
  private readonly tally: ReportTally;
  private readonly days: DayReader;
  private readonly decimals = new DecimalReader();
  // The quantity and unit price of the row being read, as integers of 10^-scale.
  private readonly units = { value: 0, scale: 0 };
  private readonly price = { value: 0, scale: 0 };
  private readonly moneyComplaint: MoneyComplaint = (code, field, params) => {
    if (code === "amount.rounded") this.notice(code, [field], params);
    else this.problem(code, field as TransactionColumn, params);
  };
  private readonly fingerprints = new RowFingerprints();
  private readonly ids = new LineIdIndex();
  private readonly ledger = new ReversalLedger(this.ids);
  private readonly pending: Pending[] = [];
  private runCurrency: string | undefined;
  private lastCurrency = "";
  private lastDigits = 2;
  private done = false;
  // The row being read.
  private row = 0;
  private issues: IssueDraft[] | undefined;
  private notices: IssueDraft[] | undefined;

  constructor(settings: Settings, onRecord: TransactionSink | undefined) {
    this.settings = settings;
    this.onRecord = onRecord;
    const unread = settings.priceMode ? "amount" : "unitPrice";
    this.cells = new RowCells(
      FIELDS.map((field) => (field === unread ? undefined : settings.columns[field])),
    );
    this.tally = new ReportTally("transactions", settings.maxIssues);
    this.days = new DayReader(settings.dateFormat);
    if (!settings.mixedCurrencies) this.runCurrency = settings.currency;
  }

  private cell(slot: number): unknown {
    return this.cells.values[slot];
  }

  private problem(code: IssueCode, field: TransactionColumn, params: Record<string, string | number>): void {
    const column = this.settings.columns[field] ?? field;
    this.issues = append(this.issues, draftIssue(code, [field], { ...params, column }, this.row));
  }

  private notice(code: IssueCode, path: string[], params: Record<string, string | number>): void {
    this.notices = append(this.notices, draftIssue(code, path, params, this.row));
  }

  private invalidText(field: TransactionColumn, value: unknown): void {
    this.problem("field.invalid", field, { field, value: describeValue(value), reason: "expected text" });
  }

  private id(field: "id" | "orderId" | "reverses", slot: number): string | undefined {
    const value = this.cell(slot);
    const id = readId(value);
    if (id === null) this.invalidText(field, value);
    return id ?? undefined;
  }

  private text(field: "product" | "category" | "channel", slot: number): string | undefined {
    const value = this.cell(slot);
    const text = readText(value);
    if (text === null) this.invalidText(field, value);
    return text ?? undefined;
  }

  private currency(): string | undefined {
    const value = this.cell(SLOT.currency);
    const currency = readText(value) ?? this.settings.currency;
    if (currency === this.lastCurrency) return currency;
    if (currency === undefined) this.problem("field.missing", "currency", { field: "currency" });
    else if (currency === null || !isCurrencyCode(currency))
      this.problem("currency.invalid", "currency", { value: describeValue(value) });
    else {
      this.lastCurrency = currency;
      this.lastDigits = currencyDigits(currency);
      return currency;
    }
    return undefined;
  }

  // Reads the quantity into `units` (an integer of 10^-scale: whole units, or millionths when it has
  // decimals); false when the row has none or it cannot be read.
  private quantity(): boolean {
    const value = this.cell(SLOT.quantity);
    if (isBlank(value)) {
      if (this.settings.priceMode) this.problem("field.missing", "quantity", { field: "quantity" });
      return false;
    }
    const decimals = this.decimals;
    const units = this.units;
    if (decimals.read(value, 0, "reject")) units.scale = 0;
    else if (decimals.failure === "precision" && decimals.read(value, 6, "reject")) units.scale = 6;
    else {
      this.problem("quantity.invalid", "quantity", { value: describeValue(value) });
      return false;
    }
    units.value = decimals.value;
    return true;
  }

  // Reads a money cell at the currency's scale; undefined when absent or wrong (then an issue is recorded).
  private money(
    field: "amount" | "cost" | "discount",
    slot: number,
    currency: string,
    digits: number,
  ): number | undefined {
    const value = this.cell(slot);
    if (isBlank(value)) {
      if (field === "amount") this.problem("amount.missing", field, { field });
      return undefined;
    }
    const { decimals, settings, moneyComplaint } = this;
    return readMoney(decimals, value, field, currency, digits, settings.rounding, moneyComplaint);
  }

  // Reads the unit price into `price` (an integer of 10^-scale: at the currency's scale, or 9 decimals finer
  // when needed); false when it is absent or cannot be read.
  private unitPrice(currency: string, digits: number): boolean {
    const value = this.cell(SLOT.unitPrice);
    if (isBlank(value)) {
      this.problem("amount.missing", "unitPrice", { field: "unitPrice" });
      return false;
    }
    const decimals = this.decimals;
    const price = this.price;
    if (decimals.read(value, digits, "reject")) price.scale = digits;
    else if (decimals.failure === "precision" && decimals.read(value, digits + 9, "reject"))
      price.scale = digits + 9;
    else {
      const text = describeValue(value);
      if (decimals.failure === "precision")
        this.problem("amount.precision", "unitPrice", { value: text, currency, digits });
      else this.problem("amount.invalid", "unitPrice", { field: "unitPrice", value: text });
      return false;
    }
    price.value = decimals.value;
    return true;
  }

  // quantity × unit price in minor units, exactly (integer arithmetic); undefined when it cannot be had.
  private lineAmount(currency: string, digits: number): number | undefined {
    const quantity = this.units;
    const price = this.price;
    const shift = quantity.scale + price.scale - digits;
    const exact = quantity.value * price.value;
    if (shift === 0 && Number.isSafeInteger(exact)) return exact === 0 ? 0 : exact;
    const result = scaleDown(quantity.value, price.value, shift, this.settings.rounding);
    const text = () =>
      `${describeValue(this.cell(SLOT.quantity))} × ${describeValue(this.cell(SLOT.unitPrice))}`;
    if (result === "precision")
      this.problem("amount.precision", "unitPrice", { value: text(), currency, digits });
    else if (result === "range")
      this.problem("amount.invalid", "unitPrice", { field: "unitPrice", value: text() });
    else {
      if (result.rounded) {
        const params = { value: text(), rounded: formatMoney(result.value, currency), currency, digits };
        this.notice("amount.rounded", ["unitPrice"], params);
      }
      return result.value;
    }
    return undefined;
  }

  private notNegative(field: "cost" | "discount", value: number | undefined): void {
    if (value !== undefined && value < 0)
      this.problem("field.invalid", field, {
        field,
        value: describeValue(this.cell(SLOT[field])),
        reason: "a sale's cost and discount are not negative",
      });
  }

  pushUnreadable(reason: string): void {
    if (this.done)
      throw new Error("This transaction ingest is finished: pushUnreadable() was called after finish().");
    this.tally.input++;
    this.tally.reject([draftIssue("row.unreadable", [], { reason }, this.tally.input)]);
  }

  push(row: Readonly<Record<string, unknown>>): void {
    if (this.done) throw new Error("This transaction ingest is finished: push() was called after finish().");
    const settings = this.settings;
    this.row = ++this.tally.input;
    this.issues = undefined;
    this.notices = undefined;
    const extra = this.cells.load(row, settings.rejectExtraColumns);

    // Customer.
    const customerCell = this.cell(SLOT.customerId);
    const customerId = readId(customerCell);
    if (customerId === undefined) this.problem("id.missing", "customerId", {});
    else if (customerId === null) this.invalidText("customerId", customerCell);
    else if (settings.knownCustomers !== undefined && !settings.knownCustomers.has(customerId))
      this.problem("reference.unknown-customer", "customerId", { value: customerId });
    // Date.
    const dateCell = this.cell(SLOT.date);
    let day = 0;
    if (isBlank(dateCell)) this.problem("date.missing", "date", {});
    else {
      const read = this.days.day(dateCell);
      if (read === undefined) {
        const expected = settings.dateFormat === "auto" ? "YYYY-MM-DD" : settings.dateFormat;
        this.problem("date.invalid", "date", { value: describeValue(dateCell), expected });
      } else if (settings.asOf !== undefined && read > settings.asOf) {
        this.problem("date.after-as-of", "date", {
          value: this.days.text(read),
          asOf: formatDay(settings.asOf),
        });
      } else day = read;
    }
    // Currency.
    const currency = this.currency();
    if (currency !== undefined && this.runCurrency !== undefined && currency !== this.runCurrency)
      this.problem("currency.mixed", "currency", { value: currency, expected: this.runCurrency });
    const digits = currency === undefined ? 2 : this.lastDigits;
    const money = currency ?? "XXX";
    // Quantity and amount (the price, to check its sign).
    const hasQuantity = this.quantity();
    let amount: number | undefined;
    let price: number | undefined;
    if (settings.priceMode) {
      if (this.unitPrice(money, digits)) {
        price = this.price.value;
        if (hasQuantity) amount = this.lineAmount(money, digits);
      }
    } else {
      amount = this.money("amount", SLOT.amount, money, digits);
      price = amount;
    }
    // Kind and references.
    const kindCell = this.cell(SLOT.kind);
    const kindText = readText(kindCell);
    let kind: TransactionKind | undefined;
    if (kindText === "sale" || kindText === "return" || kindText === "cancellation") kind = kindText;
    else if (kindText !== undefined)
      this.problem("field.invalid", "kind", {
        field: "kind",
        value: describeValue(kindCell),
        reason: "expected sale, return or cancellation",
      });
    const id = this.id("id", SLOT.id);
    const orderId = this.id("orderId", SLOT.orderId);
    const reverses = this.id("reverses", SLOT.reverses);
    const product = this.text("product", SLOT.product);
    const category = this.text("category", SLOT.category);
    const channel = this.text("channel", SLOT.channel);
    let cost = this.money("cost", SLOT.cost, money, digits);
    let discount = this.money("discount", SLOT.discount, money, digits);
    if (kind === undefined) {
      const prefix = settings.prefix;
      if (prefix !== undefined && orderId?.startsWith(prefix)) kind = "cancellation";
      else kind = reverses !== undefined ? "return" : "sale";
    }
    let units = hasQuantity ? this.units.value : undefined;
    const fractional = this.units.scale === 6;
    // Signs: a sale is positive throughout; a reversal is stored negative whatever signs the source writes.
    const amountField = settings.priceMode ? "unitPrice" : "amount";
    if (kind === "sale") {
      if (reverses !== undefined)
        this.problem("field.invalid", "reverses", {
          field: "reverses",
          value: reverses,
          reason: "a sale does not reverse another transaction",
        });
      if (units !== undefined && units < 0)
        this.problem("quantity.negative", "quantity", { value: describeValue(this.cell(SLOT.quantity)) });
      else if (price !== undefined && (price < 0 || (price === 0 && !settings.acceptZero)))
        this.problem("amount.nonpositive", amountField, {
          value: describeValue(this.cell(SLOT[amountField])),
        });
      else if (amount === 0 && !settings.acceptZero) this.problem("amount.zero", amountField, {});
      this.notNegative("cost", cost);
      this.notNegative("discount", discount);
    } else {
      if (amount === 0) this.problem("amount.zero", amountField, {});
      if (amount !== undefined && amount > 0) amount = -amount;
      if (units !== undefined && units > 0) units = -units;
      if (cost !== undefined && cost > 0) cost = -cost;
      if (discount !== undefined && discount > 0) discount = -discount;
    }
    if (extra !== undefined)
      for (const name of extra)
        this.issues = append(this.issues, draftIssue("field.unknown", [name], { field: name }, this.row));

    if (this.issues !== undefined || customerId == null || amount === undefined || currency === undefined) {
      this.tally.reject(this.issues ?? [draftIssue("field.invalid", [], {}, this.row)]);
      return;
    }
    // Whole-row checks.
    if (settings.duplicates !== "keep") {
      const firstRow = this.fingerprints.firstRow(row, this.row);
      if (firstRow !== 0) {
        const duplicate = draftIssue("row.duplicate", [], { firstRow }, this.row);
        if (settings.duplicates === "reject") {
          this.tally.reject([duplicate]);
          return;
        }
        this.notices = append(this.notices, duplicate);
      }
    }
    // The line id's entry in the index of line ids (the newest, once it is known to be new); −1 without one.
    let idEntry = -1;
    if (id !== undefined) {
      const firstRow = this.ids.firstRow(id, this.row);
      if (firstRow !== 0) {
        this.tally.reject([draftIssue("id.duplicate", ["id"], { value: id, firstRow }, this.row)]);
        return;
      }
      idEntry = this.ids.size - 1;
    }
    if (!settings.mixedCurrencies) this.runCurrency ??= currency;

    const record: Transaction = {
      customerId,
      date: this.days.text(day),
      amountMinor: amount,
      currency,
      kind,
    };
    if (id !== undefined) record.id = id;
    if (orderId !== undefined) record.orderId = orderId;
    if (units !== undefined) record.quantity = fractional ? units / MICRO : units;
    if (cost !== undefined) record.costMinor = cost;
    if (discount !== undefined) record.discountMinor = discount;
    if (product !== undefined) record.product = product;
    if (category !== undefined) record.category = category;
    if (channel !== undefined) record.channel = channel;
    if (reverses !== undefined) record.reverses = reverses;

    // What a reversal takes from a sale: millionths of units, or minor units when there is no quantity.
    const size = units === undefined ? Math.abs(amount) : Math.abs(units) * (fractional ? 1 : MICRO);
    if (kind === "sale") {
      this.ledger.addSale(
        customerId,
        product ?? "",
        currency,
        units === undefined,
        day,
        size,
        this.row,
        idEntry,
        orderId,
      );
      this.emit(record, this.row, this.notices);
      return;
    }
    if (reverses !== undefined) {
      const originalRow = this.ledger.referencedRow(customerId, reverses);
      if (originalRow !== undefined) {
        this.notice("cancellation.matched", [], { originalRow, value: reverses });
        this.emit(record, this.row, this.notices);
        return;
      }
    }
    this.pending.push({ record, row: this.row, day, size, reference: reverses, notices: this.notices });
  }

  private emit(record: Transaction, row: number, notices: IssueDraft[] | undefined): void {
    this.tally.accept(notices);
    this.onRecord?.(record, row);
  }

  finish(): IngestReport {
    if (this.done) throw new Error("This transaction ingest is already finished.");
    this.done = true;
    this.tally.outOfOrder();
    const matched: Pending[] = [];
    // Earliest reversals first: each takes what it reverses from the latest sale on or before its day.
    const pending = this.pending.sort((a, b) => a.day - b.day || a.row - b.row);
    for (const entry of pending) {
      const { record, row } = entry;
      const { customerId } = record;
      if (entry.reference !== undefined) {
        const originalRow = this.ledger.referencedRow(customerId, entry.reference);
        if (originalRow === undefined) {
          const params = { value: entry.reference, customerId };
          this.tally.reject([draftIssue("return.unmatched", ["reverses"], params, row)]);
          continue;
        }
        const params = { originalRow, value: entry.reference };
        entry.notices = append(entry.notices, draftIssue("cancellation.matched", [], params, row));
      } else {
        const product = record.product ?? "";
        const byAmount = record.quantity === undefined;
        const sale = this.ledger.take(customerId, product, record.currency, byAmount, entry.day, entry.size);
        if (sale === undefined) {
          const params = { product: record.product ?? "(none)", customerId };
          this.tally.reject([draftIssue("cancellation.unmatched", [], params, row)]);
          continue;
        }
        if (sale.reference !== undefined) record.reverses = sale.reference;
        const params = { originalRow: sale.row, value: sale.reference ?? "" };
        entry.notices = append(entry.notices, draftIssue("cancellation.matched", [], params, row));
      }
      matched.push(entry);
    }
    matched.sort((a, b) => a.row - b.row);
    for (const entry of matched) this.emit(entry.record, entry.row, entry.notices);
    this.pending.length = 0;
    // The checks' state goes now, not when the collector gets to it (see releaseArray).
    this.fingerprints.release();
    this.ledger.release();
    this.ids.release();
    return this.tally.report(this.cells.ignored);
  }
}

// (quantity × price) / 10^shift for integers, exactly (BigInt: this path is rare, for fractional quantities
// or prices finer than the minor unit), rounded half-to-even only when allowed.
function scaleDown(
  quantity: number,
  price: number,
  shift: number,
  rounding: DecimalRounding,
): { value: number; rounded: boolean } | "precision" | "range" {
  const product = BigInt(Math.abs(quantity)) * BigInt(Math.abs(price));
  const divisor = 10n ** BigInt(shift);
  let quotient = product / divisor;
  const rest = product % divisor;
  if (rest !== 0n) {
    if (rounding === "reject") return "precision";
    if (rest * 2n > divisor || (rest * 2n === divisor && quotient % 2n === 1n)) quotient += 1n;
  }
  if (quotient > BigInt(Number.MAX_SAFE_INTEGER)) return "range";
  const magnitude = Number(quotient);
  const negative = quantity < 0 !== price < 0 && magnitude !== 0;
  return { value: negative ? -magnitude : magnitude, rounded: rest !== 0n };
}

/**
 * Starts a streaming ingest of transaction rows: each pushed row is checked at once, and an accepted sale is
 * handed to `onRecord` immediately, so a file of any size streams through without being held in memory: the
 * state kept is a few tens of bytes per accepted sale (to match reversals) and per row (to find exact
 * duplicates), never the rows.
 *
 * Rules, in the order a row is checked (a rejected row's first issue is its reason in the report):
 * - `customerId` must be present (`id.missing`); ids are trimmed, and a whole number written with a zero
 *   fraction (`12345.0`, as the UCI data and spreadsheets write numeric ids) is read as `12345`.
 * - `date` must be present and readable in `dateFormat` (`date.missing`, `date.invalid`) and not after `asOf`
 *   (`date.after-as-of`).
 * - `currency` (column, else the `currency` option) must be a three-letter code (`currency.invalid`) and, in a
 *   single-currency run, the run's currency (`currency.mixed`).
 * - `quantity` and `amount` (or `unitPrice`, when that column is mapped: the amount is quantity × unit price,
 *   computed exactly in integers) must be numbers (`quantity.invalid`, `amount.missing`, `amount.invalid`,
 *   `amount.precision` unless `rounding: "half-even"`).
 * - The kind is the `kind` column when present, else `cancellation` when the order id starts with
 *   `cancellationPrefix`, else `return` when `reverses` names a transaction, else `sale`. A sale must have a
 *   positive price and amount (`amount.nonpositive`, `amount.zero`); a negative quantity on a row that is not
 *   marked as a reversal is rejected (`quantity.negative`). A reversal is stored with a negative amount and
 *   quantity whatever signs the source writes (sources differ).
 * - A row that repeats an earlier row exactly is rejected (`row.duplicate`, naming the first); so is a repeated
 *   `id` (`id.duplicate`).
 * - A cancellation or return is matched to the sale it reverses. With `reverses`, that is the accepted sale of
 *   the same customer whose id or order id it names (else `return.unmatched`). Without, it is the latest
 *   accepted sale of the same customer, product and currency dated on or before it with enough quantity (or
 *   amount) not yet reversed (else `cancellation.unmatched`); earlier reversals take first. Matched reversals
 *   are accepted with a `cancellation.matched` notice naming the original row, and `reverses` set to the
 *   original's id or order id. A reversal may come before its sale in the file: reversals matched by product
 *   are decided, and handed to `onRecord`, in `finish()`.
 *
 * @param options - Column mapping and rules; see {@link TransactionIngestOptions}.
 * @param onRecord - Receives every accepted record with its row number, as soon as it is final.
 * @returns The ingest: `push(row)` each row, then `finish()` for the {@link IngestReport}.
 * @throws {@link KeyAccountError} listing every problem with the options; `push` or `finish` after `finish`
 *   throws an `Error`.
 *
 * @example
 * ```ts
 * const records: Transaction[] = [];
 * const ingest = createTransactionIngest({ currency: "USD" }, (record) => records.push(record));
 * ingest.push({ customerId: "C1", date: "2024-03-05", amount: "19.99" });
 * ingest.push({ customerId: "", date: "2024-03-06", amount: "5.00" });
 * records; // => [{ customerId: "C1", date: "2024-03-05", amountMinor: 1999, currency: "USD", kind: "sale" }]
 * const report = ingest.finish();
 * [report.accepted, report.rejected, report.rejectedByCode]; // => [1, 1, { "id.missing": 1 }]
 * ```
 */
export function createTransactionIngest(
  options: TransactionIngestOptions,
  onRecord?: TransactionSink,
): TransactionIngest {
  return new TransactionRun(settle(options), onRecord);
}
