// Readers of the CLV reference fixtures (test/fixtures, credited in its README).
import { readFileSync } from "node:fs";
import type { BtydSummary, SpendSummary } from "../../src/index.js";

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
