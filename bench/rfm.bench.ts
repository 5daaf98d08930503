// RFM and customer profitability for 1,000,000 customers' features (made here by a seeded generator, not by
// summarize, so the cases time only the scoring stages): features in; scores, segments and portfolio counts, every
// customer's P&L lines, ABC classes and the whale curve out. Results are columns (typed arrays), as the library
// returns them; per-customer objects (`rfm(…).customers`, `customerProfit`, `abcClasses`) are built on request.
import {
  abcTable,
  type CostModel,
  type CustomerFeatures,
  createRandom,
  profitTable,
  rfm,
  whaleCurve,
} from "../src/index.js";
import type { BenchCase } from "./case.js";

const CUSTOMERS = 1_000_000;

let features: CustomerFeatures[] = [];

function portfolio(): void {
  if (features.length > 0) return;
  const next = createRandom(7); // the same seed gives the same portfolio
  features = new Array(CUSTOMERS);
  for (let i = 0; i < CUSTOMERS; i++) {
    const orders = 1 + Math.floor(-Math.log(1 - next()) * 6); // geometric-like, mean ≈ 6.5
    const revenue = Math.round(orders * 2000 * (0.2 + 4 * next() * next()));
    const returns = next() < 0.1 ? Math.round(revenue * 0.1) : 0;
    features[i] = {
      id: `C${String(i).padStart(7, "0")}`,
      currency: "USD",
      mixedCurrencies: false,
      revenueMinor: revenue - returns,
      grossSalesMinor: revenue,
      returnsMinor: returns,
      grossMarginMinor: undefined,
      linesWithoutCost: orders * 3,
      transactionCount: orders * 3,
      orderCount: orders,
      daysSinceLastPurchase: Math.floor(next() * 720),
      purchasePeriods: orders,
      recentRevenueMinor: 0,
      previousRevenueMinor: 0,
      revenueTrendMinor: 0,
      distinctProducts: 3,
      distinctCategories: 1,
    } as CustomerFeatures;
  }
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
    run: () => rfm(features),
    rows: CUSTOMERS,
  },
  {
    name: "customer P&L with cost to serve + ABC on profit + whale curve, 1M customers",
    setup: portfolio,
    run: () => {
      const pnl = profitTable(features, MODEL);
      const abc = abcTable(pnl.ids, pnl.profitMinor);
      return [pnl, abc, whaleCurve(abc.values)];
    },
    rows: CUSTOMERS,
  },
  {
    name: "rfm + profit + ABC + whale curve together, 1M customers",
    setup: portfolio,
    run: () => {
      const pnl = profitTable(features, MODEL);
      const abc = abcTable(pnl.ids, pnl.profitMinor);
      return [rfm(features), pnl, abc, whaleCurve(abc.values)];
    },
    rows: CUSTOMERS,
  },
];
