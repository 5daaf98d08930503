import type { Interaction } from "../model/interaction.js";
import type { Invoice } from "../model/invoice.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Transaction } from "../model/transaction.js";
import type { ProfitInput } from "./ProfitInput.js";
import { NO_FACTS } from "./profitInputFromFeatures.js";

/** The records {@link profitInputs} reads. */
export interface ProfitRecords {
  /** Sales, returns and cancellations. */
  transactions: Iterable<Transaction>;
  /** Visits, calls and complaints (other kinds are not costed). */
  interactions?: Iterable<Interaction> | undefined;
  /** Invoices with payments, for the financing cost. */
  invoices?: Iterable<Invoice> | undefined;
  /** Each customer's tier (customer id → tier). */
  tiers?: ReadonlyMap<string, string> | undefined;
}

/** The period of {@link profitInputs}: both ends included, `YYYY-MM-DD`. */
export interface ProfitPeriod {
  /** The first day; default: no lower limit. */
  from?: string | undefined;
  /** The last day (required; later rows are not used). */
  to: string;
}

function empty(id: string): ProfitInput {
  return { ...NO_FACTS, id };
}

/**
 * Gathers each customer's P&L facts over a period from the records, in one pass each: sales, discounts,
 * returns, cost of goods, orders, lines, delivery days, visits, calls, complaints, and the overdue balance ×
 * days past due of every invoice: a balance paid on day p was late on days due + 1 … p, a balance still open is
 * late through `to`; only days in the period count.
 *
 * @param records - Transactions and optionally interactions, invoices and tiers.
 * @param period - The days to cost, both included.
 * @returns One entry per customer with a row in the period, sorted by id.
 * @throws {KeyAccountError} when `from` or `to` is not a `YYYY-MM-DD` day or `from` is after `to`.
 *
 * @example
 * ```ts
 * const sale = { customerId: "C1", date: "2024-03-05", amountMinor: 9000, discountMinor: 1000,
 *   currency: "EUR", kind: "sale", orderId: "O1" } as const;
 * const [c1] = profitInputs({ transactions: [sale] }, { to: "2024-03-31" });
 * [c1?.salesMinor, c1?.discountsMinor, c1?.orders, c1?.uncostedRevenueMinor]; // => [9000, 1000, 1, 9000]
 * ```
 */
export function profitInputs(records: ProfitRecords, period: ProfitPeriod): ProfitInput[] {
  const to = parseDay(period.to);
  const from = period.from === undefined ? Number.NEGATIVE_INFINITY : parseDay(period.from);
  const issues: Issue[] = [];
  if (to === undefined)
    issues.push(makeIssue("option.invalid", ["to"], { field: "to", reason: `not a day: ${period.to}` }));
  if (from === undefined)
    issues.push(
      makeIssue("option.invalid", ["from"], { field: "from", reason: `not a day: ${period.from}` }),
    );
  if (issues.length === 0 && (from as number) > (to as number))
    issues.push(makeIssue("option.invalid", ["from"], { field: "from", reason: "after to" }));
  if (issues.length > 0) throw new KeyAccountError(issues);
  const first = from as number;
  const last = to as number;
  const byId = new Map<string, ProfitInput>();
  const orders = new Map<string, Set<string>>();
  const days = new Map<string, Set<number>>();
  const get = (id: string) => {
    let entry = byId.get(id);
    if (entry === undefined) {
      entry = empty(id);
      byId.set(id, entry);
    }
    return entry;
  };
  for (const t of records.transactions) {
    const day = parseDay(t.date);
    if (day === undefined || day < first || day > last) continue;
    const entry = get(t.customerId);
    if (t.costMinor === undefined) entry.uncostedRevenueMinor += t.amountMinor;
    else entry.costOfGoodsMinor += t.costMinor;
    if (t.kind !== "sale") {
      entry.returnsMinor -= t.amountMinor;
      continue;
    }
    entry.salesMinor += t.amountMinor;
    entry.discountsMinor += t.discountMinor ?? 0;
    entry.orderLines++;
    if (t.orderId === undefined) entry.orders++;
    else {
      let set = orders.get(t.customerId);
      if (set === undefined) {
        set = new Set();
        orders.set(t.customerId, set);
      }
      set.add(t.orderId);
    }
    let set = days.get(t.customerId);
    if (set === undefined) {
      set = new Set();
      days.set(t.customerId, set);
    }
    set.add(day);
  }
  for (const [id, set] of orders) get(id).orders += set.size;
  for (const [id, set] of days) get(id).deliveries = set.size;
  for (const i of records.interactions ?? []) {
    const day = parseDay(i.date);
    if (day === undefined || day < first || day > last) continue;
    if (i.kind === "visit") get(i.customerId).visits++;
    else if (i.kind === "call") get(i.customerId).calls++;
    else if (i.kind === "complaint") get(i.customerId).complaints++;
  }
  for (const invoice of records.invoices ?? []) {
    const due = parseDay(invoice.dueDate);
    if (due === undefined || due >= last) continue;
    // A balance paid on day p was late on the days due + 1 … p (p − due days past due, the usual count); a
    // balance still open is late through the period's last day. Only days inside the period count.
    const payments = (invoice.payments ?? [])
      .map((p) => ({ day: parseDay(p.date), amount: p.amountMinor }))
      .filter((p): p is { day: number; amount: number } => p.day !== undefined)
      .sort((a, b) => a.day - b.day);
    let balance = invoice.amountMinor;
    let cursor = Math.max(due + 1, first);
    let amountDays = 0;
    for (const payment of payments) {
      if (payment.day > last) break;
      if (payment.day >= cursor) {
        amountDays += Math.max(balance, 0) * (payment.day + 1 - cursor);
        cursor = payment.day + 1;
      }
      balance -= payment.amount;
    }
    if (last + 1 > cursor) amountDays += Math.max(balance, 0) * (last + 1 - cursor);
    if (amountDays > 0) get(invoice.customerId).overdueAmountDays += amountDays;
  }
  if (records.tiers !== undefined) {
    for (const entry of byId.values()) {
      const tier = records.tiers.get(entry.id);
      if (tier !== undefined) entry.tier = tier;
    }
  }
  return [...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
