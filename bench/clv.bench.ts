// Fitting BTYD models and scoring CLV, against the lifetimes figures in the project's issue (same machine kind).
// Every case starts from summaries and includes grouping identical summaries into weighted rows.

import { existsSync, readFileSync } from "node:fs";
import {
  type BgNbdParameter,
  type BtydSummary,
  bgNbd,
  type ClvCustomer,
  customerLifetimeValue,
  type GammaGammaParameter,
  gammaGamma,
  groupSummaries,
  paretoNbd,
  summarize,
  type Transaction,
} from "../src/index.js";
import type { BenchCase } from "./case.js";
import { benchLog } from "./generate.js";

const ISSUE = "lifetimes on this machine kind, from the project's issue text";

function readSummaries(): BtydSummary[] {
  const text = readFileSync(new URL("../test/fixtures/cdnow_customers_summary.csv", import.meta.url), "utf8");
  return text
    .trim()
    .split("\n")
    .slice(1)
    .map((line) => {
      const [, x = 0, tx = 0, T = 0] = line.split(",").map(Number);
      return { frequency: x, recency: tx, T };
    });
}

// The full CDNOW cohort (23,570 customers), calibration period 1997-01-01..1997-09-30, in weeks. The file is in
// ../shared/data on the project's machines, not in the repository (a fresh clone skips these cases).
const MASTER = new URL("../../shared/data/CDNOW_master.txt", import.meta.url);

function masterCustomers(): ClvCustomer[] {
  const transactions: Transaction[] = [];
  for (const line of readFileSync(MASTER, "utf8").trim().split("\n").slice(1)) {
    const [id = "", day = "", , dollars = "0"] = line.trim().split(/\s+/);
    transactions.push({
      customerId: id,
      date: `${day.slice(0, 4)}-${day.slice(4, 6)}-${day.slice(6, 8)}`,
      amountMinor: Math.round(Number(dollars) * 100),
      currency: "USD",
      kind: "sale",
    } as Transaction);
  }
  const summary = summarize(
    { transactions },
    { asOf: "1998-06-30", calibrationEnd: "1997-09-30", timeUnit: "week" },
  );
  return summary.features
    .filter((f) => f.frequency !== undefined)
    .map((f) => ({
      id: f.id,
      frequency: f.frequency as number,
      recency: f.recency as number,
      T: f.T as number,
      monetaryValue: (f.monetaryValue ?? 0) / 100,
    }));
}

let cdnow: BtydSummary[] = [];
let master: ClvCustomer[] = [];
let synthetic: BtydSummary[] = [];
let purchase: Record<BgNbdParameter, number> = { r: 1, alpha: 1, a: 1, b: 1 };
let spend: Record<GammaGammaParameter, number> = { p: 1, q: 2, gamma: 1 };

function syntheticCustomers(): BtydSummary[] {
  const log = benchLog();
  const summary = summarize({ transactions: log.transactions }, { asOf: log.asOf, timeUnit: "week" });
  return summary.features.map((f) => ({ frequency: f.frequency ?? 0, recency: f.recency ?? 0, T: f.T ?? 0 }));
}

export const cases: BenchCase[] = [
  {
    name: "BG/NBD fit, CDNOW sample (2,357 customers)",
    setup: () => {
      cdnow = readSummaries();
    },
    run: () => bgNbd.fit(groupSummaries(cdnow)),
    peer: { name: "lifetimes BetaGeoFitter.fit", seconds: 0.095, source: ISSUE },
  },
  {
    name: "Pareto/NBD fit, CDNOW sample (2,357 customers)",
    setup: () => {
      cdnow = readSummaries();
    },
    run: () => paretoNbd.fit(groupSummaries(cdnow)),
    peer: { name: "lifetimes ParetoNBDFitter.fit", seconds: 0.568, source: ISSUE },
  },
  ...(existsSync(MASTER)
    ? ([
        {
          name: "BG/NBD fit, CDNOW master calibration (23,570 customers)",
          setup: () => {
            if (master.length === 0) master = masterCustomers();
          },
          run: () => bgNbd.fit(groupSummaries(master)),
          peer: { name: "lifetimes BetaGeoFitter.fit", seconds: 0.316, source: ISSUE },
        },
        {
          name: "Pareto/NBD fit, CDNOW master calibration (23,570 customers)",
          setup: () => {
            if (master.length === 0) master = masterCustomers();
          },
          run: () => paretoNbd.fit(groupSummaries(master)),
          peer: { name: "lifetimes ParetoNBDFitter.fit", seconds: 4.8, source: ISSUE },
        },
        {
          name: "12-month CLV (BG/NBD + Gamma-Gamma given, monthly discounting), CDNOW master (23,570 customers)",
          setup: () => {
            if (master.length === 0) master = masterCustomers();
            purchase = bgNbd.fit(groupSummaries(master)).params;
            // Gamma-Gamma needs z̄ > 0: one repeat buyer of the master file bought only $0.00 items.
            spend = gammaGamma.fit(
              master
                .filter((c) => (c.monetaryValue ?? 0) > 0)
                .map((c) => ({ frequency: c.frequency, monetaryValue: c.monetaryValue ?? 0 })),
            ).params;
          },
          run: () =>
            customerLifetimeValue(master, {
              model: bgNbd,
              params: purchase,
              spendParams: spend,
              timeUnit: "week",
              horizon: 12,
              horizonUnit: "month",
              discountRate: 0.01,
              discountUnit: "month",
            }),
          peer: {
            name: "lifetimes customer_lifetime_value (fitted models given)",
            seconds: 0.232,
            source: ISSUE,
          },
        },
      ] satisfies BenchCase[])
    : []),
  {
    name: "BG/NBD fit, 100,000 synthetic customers (bench/generate.ts)",
    setup: () => {
      if (synthetic.length === 0) synthetic = syntheticCustomers();
    },
    run: () => bgNbd.fit(groupSummaries(synthetic)),
    peer: { name: "lifetimes BetaGeoFitter.fit", seconds: 1.05, source: ISSUE },
  },
  {
    name: "Pareto/NBD fit, 100,000 synthetic customers (bench/generate.ts)",
    setup: () => {
      if (synthetic.length === 0) synthetic = syntheticCustomers();
    },
    run: () => paretoNbd.fit(groupSummaries(synthetic)),
    peer: { name: "lifetimes ParetoNBDFitter.fit", seconds: 32.6, source: ISSUE },
  },
];
