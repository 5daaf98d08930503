// The metric values of every account as columns: one pass over the accounts reads each metric the policy uses
// once, and conditions, grades, scores, messages and evidence then work on the columns. Number columns mark a
// missing value with NaN (never a value: no metric is NaN for valid input). Internal.
import { AccountView, type SignalContext } from "./AccountView.js";
import { METRIC_DEFINITIONS } from "./metricDefinitions.js";
import type { SignalAccount } from "./SignalAccount.js";
import type { SignalMetricName } from "./signalMetrics.js";

export type Column = Float64Array | (string | undefined)[];

export class SignalTable {
  readonly size: number;
  /** The currency of each account's money metrics (features, else the customer record, else an invoice). */
  readonly currency: (string | undefined)[];
  /** Each account's name (else its id), for `{customer}`. */
  readonly customer: string[];
  private readonly columns = new Map<string, Column>();

  constructor(size: number) {
    this.size = size;
    this.currency = new Array(size);
    this.customer = new Array(size);
  }

  set(name: string, column: Column): void {
    this.columns.set(name, column);
  }

  column(name: string): Column {
    const column = this.columns.get(name);
    if (column === undefined) throw new Error(`no column ${name}`);
    return column;
  }

  /** The value of a metric for account `i`; `undefined` when missing. */
  value(name: string, i: number): number | string | undefined {
    const column = this.column(name);
    const value = column[i];
    return typeof value === "number" && Number.isNaN(value) ? undefined : value;
  }
}

/** Reads the built-in metrics named (each once per account) into a table. */
export function fillTable(
  accounts: readonly SignalAccount[],
  metrics: readonly SignalMetricName[],
  context: SignalContext,
): SignalTable {
  const size = accounts.length;
  const table = new SignalTable(size);
  const definitions = metrics.map((name) => METRIC_DEFINITIONS[name]);
  const columns: Column[] = definitions.map((definition) =>
    definition.unit === "text" ? new Array<string | undefined>(size) : new Float64Array(size),
  );
  metrics.forEach((name, m) => {
    table.set(name, columns[m] as Column);
  });
  for (let i = 0; i < size; i++) {
    const account = accounts[i] as SignalAccount;
    const view = new AccountView(account, context);
    for (let m = 0; m < definitions.length; m++) {
      const value = (definitions[m] as (typeof definitions)[number]).read(view);
      const column = columns[m] as Column;
      if (column instanceof Float64Array) column[i] = value === undefined ? Number.NaN : (value as number);
      else column[i] = value as string | undefined;
    }
    table.currency[i] =
      account.features?.currency ?? account.customer?.currency ?? account.invoices?.[0]?.currency;
    table.customer[i] = account.customer?.name ?? account.id;
  }
  return table;
}
