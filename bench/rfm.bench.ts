// RFM and customer profitability for 1,000,000 customers' features (made here by a seeded generator, not by
// summarize, so the case times only the scoring stages).
import {
  abcClasses,
  type CostModel,
  type CustomerFeatures,
  customerProfit,
  type ProfitInput,
  profitInputFromFeatures,
  rfm,
  whaleCurve,
} from "../src/index.js";
import type { BenchCase } from "./case.js";

const CUSTOMERS = 1_000_000;

// mulberry32: a small seeded generator; the same seed gives the same portfolio.
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let features: CustomerFeatures[] = [];
let inputs: ProfitInput[] = [];

function portfolio(): void {
  if (features.length > 0) return;
  const next = random(7);
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
  inputs = features.map(profitInputFromFeatures);
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
      const pnls = customerProfit(inputs, MODEL);
      const abc = abcClasses(pnls.map((p) => ({ id: p.id, value: p.profitMinor })));
      return [abc, whaleCurve(pnls.map((p) => p.profitMinor))];
    },
    rows: CUSTOMERS,
  },
  {
    name: "rfm + profit + ABC + whale curve together, 1M customers",
    setup: portfolio,
    run: () => {
      const scores = rfm(features);
      const pnls = customerProfit(inputs, MODEL);
      const abc = abcClasses(pnls.map((p) => ({ id: p.id, value: p.profitMinor })));
      return [scores, abc, whaleCurve(pnls.map((p) => p.profitMinor))];
    },
    rows: CUSTOMERS,
  },
];
