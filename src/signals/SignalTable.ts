// The metric values of a block of accounts as columns: one pass over the accounts reads each metric the policy
// uses once, and conditions, grades, scores, messages and evidence then work on the columns. The columns are
// made once, for the largest block, and refilled block by block. Number columns mark a missing value with NaN
// (never a value: no metric is NaN for valid input). Internal.
import { AccountRow, type SignalContext } from "./AccountRow.js";
import { METRIC_DEFINITIONS } from "./metricDefinitions.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalMetricName } from "./signalMetrics.js";
import { type MetricColumns, writeMetrics } from "./writeMetrics.js";

export type Column = Float64Array | (string | undefined)[];

export class SignalTable {
  /** The accounts of the current block. */
  size = 0;
  /** The most accounts a block may have. */
  readonly capacity: number;
  /** The currency of each account's money metrics (features, else the customer record, else an invoice). */
  readonly currency: (string | undefined)[];
  /** Each account's name (else its id), for `{customer}`. */
  readonly customer: string[];
  /** A column of numbers for a moment's work (a condition's thresholds). */
  readonly scratch: Float64Array;
  private readonly columns = new Map<string, Column>();
  private readonly row: AccountRow;
  private readonly metrics: MetricColumns;

  /** A table with a column for each of the built-in metrics named. */
  constructor(capacity: number, metrics: readonly SignalMetricName[], context: SignalContext) {
    this.capacity = capacity;
    this.currency = new Array(capacity);
    this.customer = new Array(capacity);
    this.scratch = new Float64Array(capacity);
    // Every metric's name, in one order, so that all the tables' column objects have one shape (made from entries:
    // properties added one by one under computed names would make a slow dictionary object).
    const columns: Record<string, Column | undefined> = Object.fromEntries(
      Object.keys(METRIC_DEFINITIONS).map((name) => [name, undefined]),
    );
    let needs = 0;
    for (const name of metrics) {
      const definition = METRIC_DEFINITIONS[name];
      needs |= definition.needs ?? 0;
      columns[name] = definition.unit === "text" ? this.addTexts(name) : this.addNumbers(name);
    }
    this.metrics = columns as MetricColumns;
    this.row = new AccountRow(context, needs);
  }

  /** Adds a number column (a grade's or score's, or a metric's). */
  addNumbers(name: string): Float64Array {
    const column = new Float64Array(this.capacity);
    this.columns.set(name, column);
    return column;
  }

  /** Adds a text column. */
  addTexts(name: string): (string | undefined)[] {
    const column = new Array<string | undefined>(this.capacity);
    this.columns.set(name, column);
    return column;
  }

  column(name: string): Column {
    const column = this.columns.get(name);
    if (column === undefined) throw new Error(`no column ${name}`);
    return column;
  }

  /** Reads the metrics of accounts[from, to) into the columns: the table's block from now on. */
  fill(accounts: readonly SignalAccount[], from: number, to: number): void {
    const { row, metrics, currency, customer } = this;
    this.size = to - from;
    for (let i = 0; i < to - from; i++) {
      const account = accounts[from + i] as SignalAccount;
      row.moveTo(account);
      writeMetrics(row, metrics, i);
      currency[i] =
        account.features?.currency ?? account.customer?.currency ?? account.invoices?.[0]?.currency;
      customer[i] = account.customer?.name ?? account.id;
    }
  }
}
