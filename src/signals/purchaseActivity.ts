import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Transaction } from "../model/transaction.js";

/**
 * A customer's orders and product categories in the recent window and in the window of the same length before it,
 * computed by {@link purchaseActivity}: the inputs of the "order frequency drop" and "narrowing product range"
 * churn signals.
 *
 * @example
 * ```ts
 * const activity: PurchaseActivity = { recentOrders: 2, previousOrders: 6, recentCategories: 1, previousCategories: 3 };
 * ```
 */
export interface PurchaseActivity {
  /** Orders (distinct `orderId`s of sales; a sale without one is an order of its own) in (asOf − windowDays, asOf]. */
  recentOrders: number;
  /** Orders in (asOf − 2·windowDays, asOf − windowDays]. */
  previousOrders: number;
  /** Distinct categories of the recent window's sales (a sale without a category counts its product, else nothing). */
  recentCategories: number;
  /** Distinct categories of the previous window's sales. */
  previousCategories: number;
}

/**
 * The options of {@link purchaseActivity}.
 *
 * @example
 * ```ts
 * const options: PurchaseActivityOptions = { asOf: "2024-06-30", windowDays: 90 };
 * ```
 */
export interface PurchaseActivityOptions {
  /** The last day counted, `YYYY-MM-DD`; rows after it are ignored. */
  asOf: string;
  /** The length of each window in days, a positive whole number; default 90. */
  windowDays?: number | undefined;
}

// An order id or a category seen in one window: none yet, the first one, or a Set once a second distinct one
// comes. Most customers have one order or one category in a window, so most never allocate a Set.
type Distinct = string | Set<string> | undefined;

function addDistinct(seen: Distinct, value: string): Distinct {
  if (seen === undefined) return value;
  if (typeof seen === "string") return seen === value ? seen : new Set([seen, value]);
  seen.add(value);
  return seen;
}

function countDistinct(seen: Distinct): number {
  if (seen === undefined) return 0;
  return typeof seen === "string" ? 1 : seen.size;
}

/** One customer's running counts. */
interface Tally {
  recentLooseOrders: number;
  previousLooseOrders: number;
  recentOrderIds: Distinct;
  previousOrderIds: Distinct;
  recentCategories: Distinct;
  previousCategories: Distinct;
}

// A product standing in for a missing category is kept apart from the category names: a category "Tools" and a
// product "Tools" are two different things.
const PRODUCT_MARK = "\u0000";

function resolveOptions(options: PurchaseActivityOptions): { asOf: number; windowDays: number } {
  const issues: Issue[] = [];
  const problem = (field: string, reason: string): void => {
    issues.push(makeIssue("option.invalid", [field], { field, reason }));
  };
  if (typeof options !== "object" || options === null) {
    problem("options", "expected an object with at least asOf");
    throw new KeyAccountError(issues);
  }
  for (const key of Object.keys(options))
    if (key !== "asOf" && key !== "windowDays") problem(key, "unknown option");
  const asOfText: unknown = options.asOf;
  const asOf =
    typeof asOfText === "string" && asOfText.length === 10 ? parseDay(asOfText, "YYYY-MM-DD") : undefined;
  if (asOfText === undefined) problem("asOf", "required (the last day counted, YYYY-MM-DD)");
  else if (asOf === undefined) problem("asOf", `${String(asOfText)} is not a date written YYYY-MM-DD`);
  const windowDays: unknown = options.windowDays ?? 90;
  if (typeof windowDays !== "number" || !Number.isSafeInteger(windowDays) || windowDays <= 0)
    problem("windowDays", `${String(windowDays)} is not a positive whole number of days`);
  if (issues.length > 0 || asOf === undefined) throw new KeyAccountError(issues);
  return { asOf, windowDays: windowDays as number };
}

/**
 * Counts each customer's orders and product categories in the recent window (asOf − windowDays, asOf] and in the
 * previous window of the same length (asOf − 2·windowDays, asOf − windowDays], for the "order frequency drop"
 * and "narrowing product range" churn signals. Only sales count (returns and cancellations do not). Orders are
 * the distinct `orderId`s of a window's sales, and a sale without an `orderId` is an order of its own (as in
 * {@link summarize}); an order whose lines fall in both windows counts in both. A sale's category is its
 * `category`, else its product (a product counts as a category of its own), else it has none.
 *
 * Every customer with a transaction (of any kind, at any date up to `asOf`) gets an entry, with zeros when it
 * bought nothing in the windows; a customer without an entry has no data. Rows after `asOf` and rows whose date
 * is not a day are ignored. One pass over the rows; each row's date is read once.
 *
 * @param transactions - Sales, returns and cancellations of any customers, in any order.
 * @param options - The last day counted and the window length; see {@link PurchaseActivityOptions}.
 * @returns Customer id → its {@link PurchaseActivity}, in the order the customers first appear.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`): `asOf` missing or not a date
 * written `YYYY-MM-DD`, `windowDays` not a positive whole number, an unknown option.
 *
 * @example
 * ```ts
 * const sale = (date: string, orderId: string, category: string) =>
 *   ({ customerId: "C1", date, orderId, category, amountMinor: 1000, currency: "EUR", kind: "sale" }) as const;
 * const activity = purchaseActivity(
 *   [sale("2024-02-10", "A", "tools"), sale("2024-03-01", "B", "paint"), sale("2024-05-20", "C", "tools")],
 *   { asOf: "2024-06-30", windowDays: 90 },
 * );
 * activity.get("C1"); // => { recentOrders: 1, previousOrders: 2, recentCategories: 1, previousCategories: 2 }
 * ```
 */
export function purchaseActivity(
  transactions: readonly Transaction[],
  options: PurchaseActivityOptions,
): Map<string, PurchaseActivity> {
  const { asOf, windowDays } = resolveOptions(options);
  const tallies = tally(transactions, asOf, asOf - windowDays, asOf - 2 * windowDays);
  const result = new Map<string, PurchaseActivity>();
  for (const [id, t] of tallies) {
    result.set(id, {
      recentOrders: t.recentLooseOrders + countDistinct(t.recentOrderIds),
      previousOrders: t.previousLooseOrders + countDistinct(t.previousOrderIds),
      recentCategories: countDistinct(t.recentCategories),
      previousCategories: countDistinct(t.previousCategories),
    });
  }
  return result;
}

/** The single pass over the rows, with an indexed loop (see summarize.ts on why not for…of). */
function tally(
  rows: readonly Transaction[],
  asOf: number,
  recentFrom: number,
  previousFrom: number,
): Map<string, Tally> {
  const tallies = new Map<string, Tally>();
  let lastDate: string | undefined;
  let lastDay: number | undefined;
  let lastId: string | undefined;
  let last: Tally | undefined;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as Transaction;
    const date = row.date;
    if (date !== lastDate) {
      lastDate = date;
      lastDay = parseDay(date, "YYYY-MM-DD");
    }
    const day = lastDay;
    if (day === undefined || day > asOf) continue;
    const id = row.customerId;
    let t = id === lastId ? last : tallies.get(id);
    if (t === undefined) {
      t = {
        recentLooseOrders: 0,
        previousLooseOrders: 0,
        recentOrderIds: undefined,
        previousOrderIds: undefined,
        recentCategories: undefined,
        previousCategories: undefined,
      };
      tallies.set(id, t);
    }
    lastId = id;
    last = t;
    if (row.kind !== "sale" || day <= previousFrom) continue;
    const orderId = row.orderId;
    const category = row.category ?? (row.product === undefined ? undefined : PRODUCT_MARK + row.product);
    if (day > recentFrom) {
      if (orderId === undefined) t.recentLooseOrders++;
      else t.recentOrderIds = addDistinct(t.recentOrderIds, orderId);
      if (category !== undefined) t.recentCategories = addDistinct(t.recentCategories, category);
    } else {
      if (orderId === undefined) t.previousLooseOrders++;
      else t.previousOrderIds = addDistinct(t.previousOrderIds, orderId);
      if (category !== undefined) t.previousCategories = addDistinct(t.previousCategories, category);
    }
  }
  return tallies;
}
