import { open } from "node:fs/promises";
import type {
  CustomerFeatures,
  InteractionFeatures,
  ReceivableFeatures,
} from "../features/CustomerFeatures.js";
import { currencyDigits } from "../model/currencyDigits.js";
import { parseMoney } from "../model/parseMoney.js";
import { readTableFile } from "./readTableFile.js";
import { numberCell } from "./tableCells.js";
import { UsageError } from "./UsageError.js";

/**
 * Whether a file is a features table written by `keyaccount summarize` (its header names `revenue` and
 * `order_count`) rather than a transaction file. Only the first line is read.
 */
export async function isFeatureFile(path: string): Promise<boolean> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(path, "r");
    const buffer = Buffer.alloc(8192);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    const header = buffer.toString("utf8", 0, bytesRead).split(/\r?\n/)[0] ?? "";
    const names = new Set(header.split(/[,\t]/).map((name) => name.trim().replace(/^"|"$/g, "")));
    return names.has("revenue") && names.has("order_count");
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

/**
 * Reads a features table written by `keyaccount summarize` back into {@link CustomerFeatures}: exact money columns
 * are decimal strings of the row's `currency` (else `fallbackCurrency`), means are numbers of the major unit, an
 * empty cell is missing. Problems are {@link UsageError}s naming the row and column.
 */
export async function readFeatureFile(path: string, fallbackCurrency: string): Promise<CustomerFeatures[]> {
  const rows = await readTableFile(path, ["id", "revenue", "order_count"]);
  return rows.map((row, index) => {
    const currency = row.currency || fallbackCurrency;
    const number = (column: string): number | undefined => {
      const text = row[column];
      if (text === undefined || text === "" || text === "null") return undefined;
      return numberCell(text, { path, row: index + 1, column });
    };
    const count = (column: string): number => number(column) ?? 0;
    const money = (column: string): number | undefined => {
      const text = row[column];
      if (text === undefined || text === "" || text === "null") return undefined;
      const parsed = parseMoney(text, currency);
      if (!parsed.ok)
        throw new UsageError("cli.file.cell-not-amount", {
          path,
          row: index + 1,
          column,
          value: text,
          currency,
        });
      return parsed.minor;
    };
    const meanMoney = (column: string): number | undefined => {
      const value = number(column);
      return value === undefined ? undefined : value * 10 ** currencyDigits(currency);
    };
    const features: CustomerFeatures = {
      id: row.id as string,
      currency,
      mixedCurrencies: row.mixed_currencies === "true",
      frequency: number("frequency"),
      recency: number("recency"),
      T: number("T"),
      monetaryValue: meanMoney("monetary_value"),
      revenueMinor: money("revenue") ?? 0,
      grossSalesMinor: money("gross_sales") ?? 0,
      returnsMinor: money("returns") ?? 0,
      returnRate: number("return_rate"),
      grossMarginMinor: money("gross_margin"),
      grossMarginRate: number("gross_margin_rate"),
      linesWithoutCost: count("lines_without_cost"),
      transactionCount: count("transaction_count"),
      orderCount: count("order_count"),
      averageOrderValueMinor: meanMoney("average_order_value"),
      daysSinceLastPurchase: number("days_since_last_purchase"),
      purchasePeriods: count("purchase_periods"),
      interPurchaseMedianDays: number("inter_purchase_median_days"),
      interPurchaseMeanDays: number("inter_purchase_mean_days"),
      interPurchaseCv: number("inter_purchase_cv"),
      recentRevenueMinor: money("recent_revenue") ?? 0,
      previousRevenueMinor: money("previous_revenue") ?? 0,
      revenueTrendMinor: money("revenue_trend") ?? 0,
      revenueTrendRatio: number("revenue_trend_ratio"),
      distinctProducts: count("distinct_products"),
      distinctCategories: count("distinct_categories"),
      tenureDays: number("tenure_days"),
      creditLimitMinor: money("credit_limit"),
      creditUtilisation: number("credit_utilisation"),
    };
    const interactionCount = count("interaction_count");
    if (interactionCount > 0) {
      const interactions: InteractionFeatures = {
        interactionCount,
        daysSinceLastInteraction: count("days_since_last_interaction"),
        daysSinceLastByKind: {},
        complaintCount: count("complaint_count"),
        openComplaints: count("open_complaints"),
        averageSatisfaction: number("average_satisfaction"),
        latestNps: number("latest_nps"),
      };
      features.interactions = interactions;
    }
    const invoiceCount = count("invoice_count");
    if (invoiceCount > 0) {
      const receivables: ReceivableFeatures = {
        invoiceCount,
        openReceivablesMinor: money("open_receivables") ?? 0,
        overdueInvoices: count("overdue_invoices"),
        overdueAmountMinor: money("overdue_amount") ?? 0,
        maxDaysPastDue: number("max_days_past_due"),
        averageDaysToPay: number("average_days_to_pay"),
      };
      features.receivables = receivables;
    }
    return features;
  });
}
