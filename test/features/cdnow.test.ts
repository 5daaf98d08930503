// Reproduces lifetimes' CDNOW calibration summary from the raw CDNOW sample (fixtures credited in
// test/fixtures/README.md): lifetimes' calibration_and_holdout_data(sample, 'id', 'date',
// calibration_period_end='1997-09-30', observation_period_end='1998-06-30', freq='D', freq_multiplier=7).

import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { featureTable, summarize } from "../../src/index.js";
import { cdnowTransactions } from "../cdnow.js";

const fixture = (name: string): string =>
  readFileSync(new URL(`../fixtures/${name}`, import.meta.url), "utf8");

/** Rows of a CSV file without quoting, as numbers, keyed by the first column. */
function csvRows(name: string): Map<string, number[]> {
  const [, ...lines] = fixture(name).trim().split(/\r?\n/);
  return new Map(lines.map((line) => [line.split(",")[0] ?? "", line.split(",").slice(1).map(Number)]));
}

describe("CDNOW: the lifetimes calibration summary", () => {
  const transactions = cdnowTransactions();
  const summary = summarize(
    { transactions },
    { asOf: "1998-06-30", calibrationEnd: "1997-09-30", period: "day", timeUnit: "week" },
  );
  const byId = new Map(summary.features.map((features) => [features.id, features]));

  it("reads the whole sample", () => {
    expect(transactions).toHaveLength(6919);
    expect(summary.counts).toMatchObject({
      customers: 2357,
      withBtydSummary: 2357,
      excludedFromCalibration: 0,
      rowsAfterAsOf: 0,
      rowsInvalid: 0,
    });
    expect([summary.period, summary.timeUnit, summary.calibrationEnd]).toEqual(["day", "week", "1997-09-30"]);
  });

  it("matches cdnow_customers_summary.csv for every customer (x exactly, t_x and T within 0.005 weeks)", () => {
    const expected = csvRows("cdnow_customers_summary.csv");
    expect(expected.size).toBe(2357);
    let maxRecency = 0;
    let maxT = 0;
    for (const [id, [frequency, recency, T]] of expected) {
      const features = byId.get(id);
      expect(features?.frequency, `customer ${id}`).toBe(frequency);
      maxRecency = Math.max(maxRecency, Math.abs((features?.recency ?? Number.NaN) - (recency ?? 0)));
      maxT = Math.max(maxT, Math.abs((features?.T ?? Number.NaN) - (T ?? 0)));
    }
    // The file is rounded to 2 decimals: the largest difference is 0.03/7 = 0.0043 weeks.
    expect(maxRecency).toBeLessThan(0.005);
    expect(maxT).toBeLessThan(0.005);
  });

  it("matches zbar of cdnow_customers_summary_with_transactions.csv (mean repeat-day spend) within 0.005", () => {
    const expected = csvRows("cdnow_customers_summary_with_transactions.csv");
    let maxZbar = 0;
    let repeatBuyers = 0;
    for (const [id, [x, , , zbar]] of expected) {
      const features = byId.get(id);
      expect(features?.frequency, `customer ${id}`).toBe(x);
      if ((x ?? 0) > 0) repeatBuyers++;
      maxZbar = Math.max(maxZbar, Math.abs((features?.monetaryValue ?? Number.NaN) / 100 - (zbar ?? 0)));
    }
    expect(repeatBuyers).toBe(946);
    // zbar is rounded to cents; a mean ending in half a cent (22.345 → 22.35) differs by exactly 0.005.
    expect(maxZbar).toBeLessThanOrEqual(0.005 + 1e-9);
  });

  it("has the published means of x, t_x and T", () => {
    const mean = (pick: (f: (typeof summary.features)[number]) => number | undefined): number =>
      summary.features.reduce((sum, f) => sum + (pick(f) ?? 0), 0) / summary.features.length;
    expect(mean((f) => f.frequency)).toBeCloseTo(1.0424, 4);
    expect(mean((f) => f.recency)).toBeCloseTo(6.8458, 3);
    expect(mean((f) => f.T)).toBeCloseTo(32.7158, 3);
  });

  it("gives the holdout counts of lifetimes' calibration_and_holdout_data", () => {
    // Customer 1 bought on 1997-01-01, 01-18, 08-02 and 12-12: one holdout day of $26.48, 39 holdout weeks.
    expect(byId.get("1")).toMatchObject({
      frequencyHoldout: 1,
      monetaryValueHoldout: 2648,
      durationHoldout: 39,
    });
    const holdoutPurchases = summary.features.reduce((sum, f) => sum + (f.frequencyHoldout ?? 0), 0);
    // Purchase days after 1997-09-30 in the sample (same-day rows merged).
    const days = new Set(
      transactions.filter((t) => t.date > "1997-09-30").map((t) => `${t.customerId} ${t.date}`),
    );
    expect(holdoutPurchases).toBe(days.size);
  });

  it("lays the summary out with lifetimes' column names first", () => {
    const table = featureTable(summary);
    expect(table.columns.slice(0, 8)).toEqual([
      "id",
      "frequency",
      "recency",
      "T",
      "monetary_value",
      "frequency_holdout",
      "monetary_value_holdout",
      "duration_holdout",
    ]);
    const row = table.rows.find((cells) => cells[0] === "1");
    expect(row?.[1]).toBe(2);
    expect(row?.[4]).toBeCloseTo(22.345, 9);
    expect(table.meta.timeUnit).toBe("week");
  });
});
