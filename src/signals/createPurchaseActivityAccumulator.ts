import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { Transaction } from "../model/transaction.js";
import type { PurchaseActivity, PurchaseActivityOptions } from "./purchaseActivity.js";

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
 * A running {@link purchaseActivity}: transactions go in one at a time (e.g. while a file streams), the counts
 * come out at the end, the same as `purchaseActivity` over all the rows.
 *
 * @example
 * ```ts
 * const activity = createPurchaseActivityAccumulator({ asOf: "2024-06-30", windowDays: 90 });
 * activity.add({ customerId: "C1", date: "2024-05-20", orderId: "A", amountMinor: 1000, currency: "EUR", kind: "sale" });
 * activity.result().get("C1"); // => { recentOrders: 1, previousOrders: 0, recentCategories: 0, previousCategories: 0 }
 * ```
 */
export interface PurchaseActivityAccumulator {
  /** Counts one transaction (rows after `asOf` or without a readable day are ignored). */
  add(row: Transaction): void;
  /** Customer id → its {@link PurchaseActivity}, in the order the customers first appeared. */
  result(): Map<string, PurchaseActivity>;
}

/**
 * Starts a {@link PurchaseActivityAccumulator}: the one-row-at-a-time form of {@link purchaseActivity}, for
 * transactions that stream in and are not kept.
 *
 * @param options - The last day counted and the window length; see {@link PurchaseActivityOptions}.
 * @returns The accumulator.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`), as {@link purchaseActivity}.
 *
 * @example
 * ```ts
 * const activity = createPurchaseActivityAccumulator({ asOf: "2024-06-30" });
 * for (const row of rows) activity.add(row);
 * activity.result().size; // => the customers with a transaction up to 2024-06-30
 * ```
 */
export function createPurchaseActivityAccumulator(
  options: PurchaseActivityOptions,
): PurchaseActivityAccumulator {
  const { asOf, windowDays } = resolveOptions(options);
  const recentFrom = asOf - windowDays;
  const previousFrom = asOf - 2 * windowDays;
  const tallies = new Map<string, Tally>();
  let lastDate: string | undefined;
  let lastDay: number | undefined;
  let lastId: string | undefined;
  let last: Tally | undefined;
  return {
    add(row: Transaction): void {
      const date = row.date;
      if (date !== lastDate) {
        lastDate = date;
        lastDay = parseDay(date, "YYYY-MM-DD");
      }
      const day = lastDay;
      if (day === undefined || day > asOf) return;
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
      if (row.kind !== "sale" || day <= previousFrom) return;
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
    },
    result(): Map<string, PurchaseActivity> {
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
    },
  };
}
