import { describe, expect, it } from "vitest";
import { KeyAccountError } from "../../src/model/KeyAccountError.js";
import type { Transaction } from "../../src/model/transaction.js";
import { type PurchaseActivityOptions, purchaseActivity } from "../../src/signals/purchaseActivity.js";

function sale(customerId: string, date: string, extra: Partial<Transaction> = {}): Transaction {
  return { customerId, date, amountMinor: 1000, currency: "EUR", kind: "sale", ...extra };
}

function giveBack(
  customerId: string,
  date: string,
  kind: "return" | "cancellation",
  extra = {},
): Transaction {
  return { customerId, date, amountMinor: -1000, currency: "EUR", kind, ...extra };
}

// asOf 2024-06-30 and 10-day windows: recent = (06-20, 06-30] = 06-21..06-30, previous = (06-10, 06-20] = 06-11..06-20.
const options = { asOf: "2024-06-30", windowDays: 10 };

describe("purchaseActivity", () => {
  it("puts each day in the right window: the window's end is in it, its start is not", () => {
    const rows = [
      sale("C", "2024-06-30"), // recent (asOf itself)
      sale("C", "2024-06-21"), // recent (first day)
      sale("C", "2024-06-20"), // previous (recent window's start is excluded → previous window's end)
      sale("C", "2024-06-11"), // previous (first day)
      sale("C", "2024-06-10"), // neither: the previous window's start is excluded
      sale("C", "2024-07-01"), // after asOf: ignored
    ];
    expect(purchaseActivity(rows, options).get("C")).toEqual({
      recentOrders: 2,
      previousOrders: 2,
      recentCategories: 0,
      previousCategories: 0,
    });
  });

  it("counts lines of one order once, and a line without an order as an order of its own", () => {
    const rows = [
      // Recent: order A (3 lines over two days) + order B + two loose lines = 4 orders.
      sale("C", "2024-06-25", { orderId: "A" }),
      sale("C", "2024-06-25", { orderId: "A" }),
      sale("C", "2024-06-26", { orderId: "B" }),
      sale("C", "2024-06-27", { orderId: "A" }),
      sale("C", "2024-06-28"),
      sale("C", "2024-06-28"),
      // Previous: order A again (lines on both sides of the boundary count in both windows) + order P = 2.
      sale("C", "2024-06-19", { orderId: "A" }),
      sale("C", "2024-06-15", { orderId: "P" }),
      sale("C", "2024-06-12", { orderId: "P" }),
      // Another customer's order A is its own order.
      sale("D", "2024-06-25", { orderId: "A" }),
    ];
    const activity = purchaseActivity(rows, options);
    expect(activity.get("C")?.recentOrders).toBe(4);
    expect(activity.get("C")?.previousOrders).toBe(2);
    expect(activity.get("D")?.recentOrders).toBe(1);
  });

  it("counts sales only: returns and cancellations neither add orders nor categories", () => {
    const rows = [
      sale("C", "2024-06-25", { orderId: "A", category: "tools" }),
      giveBack("C", "2024-06-26", "return", { orderId: "R", category: "paint", reverses: "A" }),
      giveBack("C", "2024-06-15", "cancellation", { orderId: "X", category: "glue" }),
      giveBack("C", "2024-06-16", "return"),
    ];
    expect(purchaseActivity(rows, options).get("C")).toEqual({
      recentOrders: 1,
      previousOrders: 0,
      recentCategories: 1,
      previousCategories: 0,
    });
  });

  it("takes the category, else the product, else nothing", () => {
    const rows = [
      // Recent: categories tools, paint; product "P1" (no category); "tools" as a product is not the category
      // "tools"; a line with neither adds nothing → 4.
      sale("C", "2024-06-21", { category: "tools", product: "P9" }),
      sale("C", "2024-06-22", { category: "tools", product: "P8" }),
      sale("C", "2024-06-23", { category: "paint" }),
      sale("C", "2024-06-24", { product: "P1" }),
      sale("C", "2024-06-25", { product: "P1" }),
      sale("C", "2024-06-26", { product: "tools" }),
      sale("C", "2024-06-27"),
      // Previous: one category.
      sale("C", "2024-06-12", { category: "tools" }),
      sale("C", "2024-06-13", { category: "tools" }),
    ];
    const activity = purchaseActivity(rows, options).get("C");
    expect(activity?.recentCategories).toBe(4);
    expect(activity?.previousCategories).toBe(1);
    expect(activity?.recentOrders).toBe(7);
  });

  it("gives every customer with a transaction up to asOf an entry, zeros allowed; none to the others", () => {
    const rows = [
      sale("Old", "2023-01-05"), // long before both windows
      giveBack("Returner", "2024-06-29", "return"), // only a return
      sale("Future", "2024-07-02"), // only after asOf
      sale("Bad", "2024-02-30"), // not a day
      sale("Buyer", "2024-06-30"),
    ];
    const activity = purchaseActivity(rows, options);
    const zero = { recentOrders: 0, previousOrders: 0, recentCategories: 0, previousCategories: 0 };
    expect([...activity.keys()]).toEqual(["Old", "Returner", "Buyer"]);
    expect(activity.get("Old")).toEqual(zero);
    expect(activity.get("Returner")).toEqual(zero);
    expect(activity.has("Future")).toBe(false);
    expect(activity.has("Bad")).toBe(false);
  });

  it("uses 90-day windows by default", () => {
    // asOf 2024-06-30: recent = (2024-04-01, 2024-06-30], previous = (2024-01-02, 2024-04-01].
    const rows = [
      sale("C", "2024-04-02"),
      sale("C", "2024-04-01"),
      sale("C", "2024-01-03"),
      sale("C", "2024-01-02"),
    ];
    expect(purchaseActivity(rows, { asOf: "2024-06-30" }).get("C")).toMatchObject({
      recentOrders: 1,
      previousOrders: 2,
    });
  });

  it("does not depend on the order of the rows", () => {
    const rows = [
      sale("C", "2024-06-25", { orderId: "A", category: "x" }),
      sale("D", "2024-06-14", { product: "p" }),
      sale("C", "2024-06-15", { orderId: "A", category: "y" }),
      sale("C", "2024-06-26", { orderId: "B", category: "y" }),
      giveBack("D", "2024-06-29", "return"),
      sale("C", "2024-06-26"),
    ];
    const forward = purchaseActivity(rows, options);
    const backward = purchaseActivity(rows.slice().reverse(), options);
    expect(Object.fromEntries(backward)).toEqual(Object.fromEntries(forward));
    expect(forward.get("C")).toEqual({
      recentOrders: 3,
      previousOrders: 1,
      recentCategories: 2,
      previousCategories: 1,
    });
  });

  it("throws one KeyAccountError listing every bad option", () => {
    const bad = { asOf: "30/06/2024", windowDays: 0, window: 3 } as unknown as PurchaseActivityOptions;
    try {
      purchaseActivity([], bad);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(KeyAccountError);
      const issues = (error as KeyAccountError).issues;
      expect(issues.map((issue) => [issue.code, issue.path[0]])).toEqual([
        ["option.invalid", "window"],
        ["option.invalid", "asOf"],
        ["option.invalid", "windowDays"],
      ]);
    }
    expect(() => purchaseActivity([], {} as PurchaseActivityOptions)).toThrow(/asOf/);
    expect(() => purchaseActivity([], { asOf: "2024-06-30", windowDays: 1.5 })).toThrow(/windowDays/);
  });
});
