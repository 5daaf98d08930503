// Readers of the CLV reference fixtures (test/fixtures, credited in its README).
import { readFileSync } from "node:fs";
import type { BtydSummary, SpendSummary, TrackedCustomer } from "../../src/index.js";

function lines(name: string): number[][] {
  const text = readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => line.split(",").map(Number));
}

/** cdnow_customers_summary.csv: the 2,357 CDNOW calibration summaries, in weeks. */
export function cdnowSummaries(): BtydSummary[] {
  return lines("cdnow_customers_summary.csv").map(([, x = 0, tx = 0, T = 0]) => ({
    frequency: x,
    recency: tx,
    T,
  }));
}

/** cdnow_customers_summary_with_transactions.csv: x and z̄ per customer. */
export function cdnowSpend(): SpendSummary[] {
  return lines("cdnow_customers_summary_with_transactions.csv").map(([, x = 0, , , zbar = 0]) => ({
    frequency: x,
    monetaryValue: zbar,
  }));
}

/** donations.csv: the BG/BB donor patterns with their weights (T = 6 opportunities). */
export function donations(): BtydSummary[] {
  return lines("donations.csv").map(([x = 0, tx = 0, n = 0, weight = 0]) => ({
    frequency: x,
    recency: tx,
    T: n,
    weight,
  }));
}

/**
 * CDNOW_sample.txt as a tracked cohort, in weeks from 1997-01-01: each customer's first purchase day and her
 * repeat purchase days (several transactions on one day are one purchase, as in the summaries).
 */
export function cdnowCohort(): TrackedCustomer[] {
  const text = readFileSync(new URL("../fixtures/CDNOW_sample.txt", import.meta.url), "utf8");
  const origin = Date.UTC(1997, 0, 1);
  const days = new Map<string, Set<number>>();
  for (const line of text.trim().split("\n")) {
    const [, id = "", date = ""] = line.trim().split(/\s+/);
    const day = (Date.UTC(+date.slice(0, 4), +date.slice(4, 6) - 1, +date.slice(6, 8)) - origin) / 86_400_000;
    days.set(id, (days.get(id) ?? new Set<number>()).add(day));
  }
  return [...days.values()].map((set) => {
    const [first = 0, ...repeats] = [...set].sort((p, q) => p - q);
    return { firstPurchase: first / 7, repeatPurchases: repeats.map((day) => day / 7) };
  });
}
