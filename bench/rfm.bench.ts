// RFM and customer profitability for 1,000,000 customers' features (made here by a seeded generator, not by
// summarize, so the cases time only the scoring stages): features in, as columns (a summary's `columns`, as
// summarize returns them); scores, segments and portfolio counts, every customer's P&L lines, ABC classes and the
// whale curve out. Results are columns (typed arrays), as the library returns them; per-customer objects
// (`rfm(…).customers`, `customerProfit`, `abcClasses`) are built on request.
import {
  abcTable,
  type CostModel,
  type CustomerFeatures,
  createRandom,
  type FeatureColumns,
  formatDay,
  profitTable,
  rfm,
  toFeatureColumns,
  whaleCurve,
} from "../src/index.js";
import type { BenchCase } from "./case.js";

const CUSTOMERS = 1_000_000;

let columns: FeatureColumns | undefined;

// Features with every field present (undefined when missing); means and rates are fractional; a tenth of the
// customers have interactions. Laid out as columns, as summarize returns them.
function portfolio(): void {
  if (columns !== undefined) return;
  const next = createRandom(7); // the same seed gives the same portfolio
  const dates = Array.from({ length: 1500 }, (_, day) => formatDay(20000 - day));
  const features: CustomerFeatures[] = new Array(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) {
    const orders = 1 + Math.floor(-Math.log(1 - next()) * 6); // geometric-like, mean ≈ 6.5
    const revenue = Math.round(orders * 2000 * (0.2 + 4 * next() * next()));
    const returns = next() < 0.1 ? Math.round(revenue * 0.1) : 0;
    const days = Math.floor(next() * 720);
    const tenure = days + Math.floor(next() * 720);
    const complaints = Math.floor(next() * 30);
    features[i] = {
      id: `C${String(i).padStart(7, "0")}`,
      currency: "USD",
      mixedCurrencies: false,
      frequency: orders - 1,
      recency: tenure - days,
      T: tenure,
      monetaryValue: orders > 1 ? (revenue * (0.7 + 0.3 * next())) / (orders - 1) : 0,
      frequencyHoldout: undefined,
      monetaryValueHoldout: undefined,
      durationHoldout: undefined,
      revenueMinor: revenue - returns,
      grossSalesMinor: revenue,
      returnsMinor: returns,
      returnRate: returns / revenue,
      grossMarginMinor: undefined,
      grossMarginRate: undefined,
      linesWithoutCost: orders * 3,
      transactionCount: orders * 3,
      orderCount: orders,
      averageOrderValueMinor: (revenue - returns) / orders,
      firstPurchaseDate: dates[tenure],
      lastPurchaseDate: dates[days],
      daysSinceLastPurchase: days,
      purchasePeriods: orders,
      interPurchaseMedianDays: orders > 1 ? Math.floor((tenure - days) / (orders - 1)) : undefined,
      interPurchaseMeanDays: orders > 1 ? (tenure - days) / (orders - 1) : undefined,
      interPurchaseCv: orders > 2 ? 0.2 + next() : undefined,
      recentRevenueMinor: 0,
      previousRevenueMinor: 0,
      revenueTrendMinor: 0,
      revenueTrendRatio: undefined,
      distinctProducts: 3,
      distinctCategories: 1,
      tenureDays: tenure,
      interactions:
        complaints < 3
          ? {
              interactionCount: complaints + 2,
              daysSinceLastInteraction: days,
              daysSinceLastByKind: { visit: days },
              complaintCount: complaints,
              openComplaints: 0,
              averageSatisfaction: undefined,
              latestNps: undefined,
              latestNpsDate: undefined,
              npsClass: undefined,
            }
          : undefined,
      receivables: undefined,
      creditLimitMinor: undefined,
      creditUtilisation: undefined,
    };
  }
  columns = toFeatureColumns(features);
}

function portfolioColumns(): FeatureColumns {
  if (columns === undefined) throw new Error("the portfolio is made in setup");
  return columns;
}

const MODEL: CostModel = {
  currency: "USD",
  marginRate: 0.35,
  perOrderMinor: 250,
  perOrderLineMinor: 15,
  perDeliveryMinor: 400,
  perComplaintMinor: 3000,
  financing: { rate: 0.08, per: "year" },
};

export const cases: BenchCase[] = [
  {
    name: "rfm (type-7 quantiles, R×FM grid), 1M customers",
    setup: portfolio,
    run: () => rfm(portfolioColumns()),
    rows: CUSTOMERS,
  },
  {
    name: "customer P&L with cost to serve + ABC on profit + whale curve, 1M customers",
    setup: portfolio,
    run: () => {
      const pnl = profitTable(portfolioColumns(), MODEL);
      const abc = abcTable(pnl.ids, pnl.profitMinor);
      return [pnl, abc, whaleCurve(abc.values)];
    },
    rows: CUSTOMERS,
  },
  {
    name: "rfm + profit + ABC + whale curve together, 1M customers",
    setup: portfolio,
    run: () => {
      const features = portfolioColumns();
      const pnl = profitTable(features, MODEL);
      const abc = abcTable(pnl.ids, pnl.profitMinor);
      return [rfm(features), pnl, abc, whaleCurve(abc.values)];
    },
    rows: CUSTOMERS,
  },
];
