import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import type { CostModel } from "./costModelSchema.js";
import { exactMultiplier } from "./exactMultiplier.js";
import { fractionOf } from "./fractionOf.js";
import type { Fraction } from "./multiplyExact.js";
import type { ProfitInput } from "./ProfitInput.js";
import { parseCostModel } from "./parseCostModel.js";
import { profitInputFromFeatures } from "./profitInputFromFeatures.js";

/** The cost-to-serve lines of a customer's P&L, minor units. */
export interface CostToServe {
  /** Orders × cost per order. */
  ordersMinor: number;
  /** Order lines × cost per line. */
  orderLinesMinor: number;
  /** Deliveries × cost per delivery. */
  deliveriesMinor: number;
  /** Visits × cost per visit. */
  visitsMinor: number;
  /** Calls × cost per call. */
  callsMinor: number;
  /** Complaints × cost per complaint. */
  complaintsMinor: number;
  /** Overdue amount × days past due × the financing rate per day, rounded half to even. */
  financingMinor: number;
  /** The fixed cost of the customer's tier. */
  accountManagementMinor: number;
}

/**
 * Customers' P&L as columns (the result of {@link profitTable}): entry i of every column is the i-th customer, in
 * input order; money in whole minor units (exact in a float64 below 2^53 ≈ 9·10^15). `profitMinor` is computed
 * at once; every other column is computed from the customers' facts on its first read, then kept.
 */
export interface ProfitTable {
  /** The customers' ids. */
  ids: string[];
  /** The tier each fixed account-management cost came from (`undefined`: no tier). */
  tiers: (string | undefined)[];
  /** Sales before discounts: sales + discounts. */
  readonly grossSalesMinor: Float64Array;
  /** Discounts. */
  readonly discountsMinor: Float64Array;
  /** Returns and cancellations. */
  readonly returnsMinor: Float64Array;
  /** Gross sales − discounts − returns. */
  readonly netRevenueMinor: Float64Array;
  /** Cost of goods: the recorded costs plus the estimate for uncosted lines. */
  readonly costOfGoodsMinor: Float64Array;
  /** The part of the cost of goods estimated with the margin rate: uncosted revenue × (1 − rate), half-even. */
  readonly estimatedCostOfGoodsMinor: Float64Array;
  /** Revenue of lines with no cost and no margin rate to price them (their cost of goods is missing). */
  readonly uncostedRevenueMinor: Float64Array;
  /** Net revenue − cost of goods. */
  readonly grossMarginMinor: Float64Array;
  /** Each cost-to-serve line. */
  costToServe: { readonly [line in keyof CostToServe]: Float64Array };
  /** The sum of the cost-to-serve lines. */
  readonly costToServeMinor: Float64Array;
  /** Gross margin − cost to serve. */
  profitMinor: Float64Array;
  /** Profit ÷ net revenue × 100; `NaN` where net revenue is not positive. */
  readonly marginPercent: Float64Array;
}

const DAYS_PER_UNIT: Readonly<Record<string, Fraction>> = {
  day: { numerator: 1n, denominator: 1n },
  week: { numerator: 7n, denominator: 1n },
  month: { numerator: 3652425n, denominator: 120000n },
  year: { numerator: 3652425n, denominator: 10000n },
};

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x === 0n ? 1n : x;
}

function reduce(numerator: bigint, denominator: bigint): Fraction {
  const divisor = gcd(numerator, denominator);
  return { numerator: numerator / divisor, denominator: denominator / divisor };
}

/** The columns of a {@link ProfitTable} computed on first read. */
type Derived = Omit<ProfitTable, "ids" | "tiers" | "profitMinor">;

/** The facts of the customers' P&L as columns (a customer's tier cost is set apart, from its tier). */
type Facts = { [field in Exclude<keyof ProfitInput, "id" | "tier">]: Float64Array } & {
  accountManagement: Float64Array;
};

/**
 * Writes customer i's facts. Only non-zero values are written: the columns are a fresh buffer, zeros, whose
 * untouched pages take no memory (a fact features do not carry costs nothing).
 */
function keep(facts: Facts, i: number, input: ProfitInput): void {
  if (input.salesMinor !== 0) facts.salesMinor[i] = input.salesMinor;
  if (input.discountsMinor !== 0) facts.discountsMinor[i] = input.discountsMinor;
  if (input.returnsMinor !== 0) facts.returnsMinor[i] = input.returnsMinor;
  if (input.costOfGoodsMinor !== 0) facts.costOfGoodsMinor[i] = input.costOfGoodsMinor;
  if (input.uncostedRevenueMinor !== 0) facts.uncostedRevenueMinor[i] = input.uncostedRevenueMinor;
  if (input.orders !== 0) facts.orders[i] = input.orders;
  if (input.orderLines !== 0) facts.orderLines[i] = input.orderLines;
  if (input.deliveries !== 0) facts.deliveries[i] = input.deliveries;
  if (input.visits !== 0) facts.visits[i] = input.visits;
  if (input.calls !== 0) facts.calls[i] = input.calls;
  if (input.complaints !== 0) facts.complaints[i] = input.complaints;
  if (input.overdueAmountDays !== 0) facts.overdueAmountDays[i] = input.overdueAmountDays;
}

// A loop of its own over features: each one's ProfitInput is only read, so the engine, inlining
// profitInputFromFeatures and keep, need not build it.
function keepFeatures(features: readonly CustomerFeatures[], ids: string[], facts: Facts): void {
  for (let i = 0; i < features.length; i++) {
    const input = profitInputFromFeatures(features[i] as CustomerFeatures);
    ids[i] = input.id;
    keep(facts, i, input);
  }
}

/**
 * Computes customers' P&L from their facts and a cost model, as columns: gross sales (before discounts) −
 * discounts − returns = net revenue; gross margin = net revenue − cost of goods (recorded, or revenue ×
 * (1 − marginRate) for the lines without a cost); profit = gross margin − cost to serve (per order, line,
 * delivery, visit, call, complaint, the financing of late payment, the tier's fixed cost). Every amount is whole
 * minor units; rates are applied as exact decimal fractions and rounded half to even once per line and customer.
 * Takes the facts of {@link profitInputs}, or per-customer features directly (read as
 * {@link profitInputFromFeatures} does), so a million customers cost a few typed arrays, not a million objects;
 * {@link customerProfit} gives one object per customer.
 *
 * @param customers - Per-customer facts ({@link profitInputs}) or features ({@link summarize}).
 * @param costModel - The cost model (checked here; see {@link parseCostModel}).
 * @returns The P&L columns, in input order.
 * @throws {KeyAccountError} when the cost model is not valid, listing every problem.
 *
 * @example
 * ```ts
 * const table = profitTable(
 *   [{ id: "C1", salesMinor: 95000, discountsMinor: 5000, returnsMinor: 5000, costOfGoodsMinor: 0,
 *      uncostedRevenueMinor: 90000, orders: 4, orderLines: 10, deliveries: 4, visits: 1, calls: 2,
 *      complaints: 1, overdueAmountDays: 365242500 }],
 *   { currency: "EUR", marginRate: 0.35, perOrderMinor: 500, perVisitMinor: 8000, perCallMinor: 1000,
 *     perComplaintMinor: 2500, financing: { rate: 0.1, per: "year" } },
 * );
 * [table.netRevenueMinor[0], table.costOfGoodsMinor[0], table.costToServe.financingMinor[0], table.profitMinor[0]];
 * // => [90000, 58500, 100000, -83000]
 * ```
 */
export function profitTable(
  customers: readonly ProfitInput[] | readonly CustomerFeatures[],
  costModel: CostModel,
): ProfitTable {
  const model = parseCostModel(costModel);
  const cogsShare = model.marginRate === undefined ? undefined : fractionOf(model.marginRate);
  // cost of goods = revenue × (1 − marginRate) = revenue × (den − num) / den
  const costOfGoodsOf =
    cogsShare === undefined
      ? undefined
      : exactMultiplier(reduce(cogsShare.denominator - cogsShare.numerator, cogsShare.denominator));
  let financingOf: ((amountDays: number) => number) | undefined;
  if (model.financing !== undefined && model.financing.rate > 0) {
    const rate = fractionOf(model.financing.rate);
    const unit = DAYS_PER_UNIT[model.financing.per] as Fraction;
    financingOf = exactMultiplier(
      reduce(rate.numerator * unit.denominator, rate.denominator * unit.numerator),
    );
  }
  const perOrder = model.perOrderMinor ?? 0;
  const perLine = model.perOrderLineMinor ?? 0;
  const perDelivery = model.perDeliveryMinor ?? 0;
  const perVisit = model.perVisitMinor ?? 0;
  const perCall = model.perCallMinor ?? 0;
  const perComplaint = model.perComplaintMinor ?? 0;
  const tierCosts = model.tierCostsMinor ?? {};
  const n = customers.length;
  const tiers: (string | undefined)[] = new Array(n);
  // One pass over the customers keeps their facts (a fact that is 0 for everyone is never allocated); a second
  // one, over the facts, gives the profit; the other columns are derived from the facts on first read.
  const ids: string[] = new Array(n);
  // The 13 fact columns and the profit share one buffer: one allocation.
  const buffer = new ArrayBuffer(14 * 8 * n);
  let columns = 0;
  const column = () => new Float64Array(buffer, 8 * n * columns++, n);
  const facts: Facts = {
    salesMinor: column(),
    discountsMinor: column(),
    returnsMinor: column(),
    costOfGoodsMinor: column(),
    uncostedRevenueMinor: column(),
    orders: column(),
    orderLines: column(),
    deliveries: column(),
    visits: column(),
    calls: column(),
    complaints: column(),
    overdueAmountDays: column(),
    accountManagement: column(),
  };
  const profit = column();
  if (n > 0 && !("salesMinor" in (customers[0] as object)))
    keepFeatures(customers as readonly CustomerFeatures[], ids, facts);
  else {
    for (let i = 0; i < n; i++) {
      const input = customers[i] as ProfitInput;
      ids[i] = input.id;
      keep(facts, i, input);
      const { tier } = input;
      if (tier !== undefined) {
        tiers[i] = tier;
        if (Object.hasOwn(tierCosts, tier)) facts.accountManagement[i] = tierCosts[tier] as number;
      }
    }
  }
  const sales = facts.salesMinor;
  const discounts = facts.discountsMinor;
  const returns = facts.returnsMinor;
  const recordedCostOfGoods = facts.costOfGoodsMinor;
  const uncosted = facts.uncostedRevenueMinor;
  const { orders, orderLines, deliveries, visits, calls, complaints, overdueAmountDays, accountManagement } =
    facts;
  const estimatedAt = (i: number) => {
    const amount = uncosted[i] as number;
    return costOfGoodsOf === undefined || amount === 0 ? 0 : costOfGoodsOf(amount);
  };
  const financingAt = (i: number) => {
    const amountDays = overdueAmountDays[i] as number;
    return financingOf === undefined || amountDays === 0 ? 0 : financingOf(amountDays);
  };
  const netRevenueAt = (i: number) => (sales[i] as number) - (returns[i] as number);
  const costOfGoodsAt = (i: number) => (recordedCostOfGoods[i] as number) + estimatedAt(i);
  const serveAt = (i: number) =>
    (orders[i] as number) * perOrder +
    (orderLines[i] as number) * perLine +
    (deliveries[i] as number) * perDelivery +
    (visits[i] as number) * perVisit +
    (calls[i] as number) * perCall +
    (complaints[i] as number) * perComplaint +
    financingAt(i) +
    (accountManagement[i] as number);
  for (let i = 0; i < n; i++) profit[i] = netRevenueAt(i) - costOfGoodsAt(i) - serveAt(i) + 0; // + 0: no −0
  // The other columns are computed together, from the facts (never from a column the caller may have changed),
  // on the first read of any of them.
  let derived: Derived | undefined;
  const all = (): Derived => {
    if (derived !== undefined) return derived;
    const buffer = new ArrayBuffer(18 * 8 * n);
    let count = 0;
    const column = () => new Float64Array(buffer, 8 * n * count++, n);
    const table: Derived = {
      grossSalesMinor: column(),
      discountsMinor: column(),
      returnsMinor: column(),
      netRevenueMinor: column(),
      costOfGoodsMinor: column(),
      estimatedCostOfGoodsMinor: column(),
      uncostedRevenueMinor: column(),
      grossMarginMinor: column(),
      costToServe: {
        ordersMinor: column(),
        orderLinesMinor: column(),
        deliveriesMinor: column(),
        visitsMinor: column(),
        callsMinor: column(),
        complaintsMinor: column(),
        financingMinor: column(),
        accountManagementMinor: column(),
      },
      costToServeMinor: column(),
      marginPercent: column(),
    };
    const lines = table.costToServe;
    // Only non-zero amounts are written (a fresh buffer is zeros, and −0 is stored as 0).
    const put = (column: Float64Array, i: number, value: number) => {
      if (value !== 0) column[i] = value;
    };
    for (let i = 0; i < n; i++) {
      const netRevenue = netRevenueAt(i);
      const estimated = estimatedAt(i);
      const costOfGoods = (recordedCostOfGoods[i] as number) + estimated;
      const serve = serveAt(i);
      put(table.grossSalesMinor, i, (sales[i] as number) + (discounts[i] as number));
      put(table.discountsMinor, i, discounts[i] as number);
      put(table.returnsMinor, i, returns[i] as number);
      put(table.netRevenueMinor, i, netRevenue);
      put(table.costOfGoodsMinor, i, costOfGoods);
      put(table.estimatedCostOfGoodsMinor, i, estimated);
      put(table.uncostedRevenueMinor, i, costOfGoodsOf === undefined ? (uncosted[i] as number) : 0);
      put(table.grossMarginMinor, i, netRevenue - costOfGoods);
      put(lines.ordersMinor, i, (orders[i] as number) * perOrder);
      put(lines.orderLinesMinor, i, (orderLines[i] as number) * perLine);
      put(lines.deliveriesMinor, i, (deliveries[i] as number) * perDelivery);
      put(lines.visitsMinor, i, (visits[i] as number) * perVisit);
      put(lines.callsMinor, i, (calls[i] as number) * perCall);
      put(lines.complaintsMinor, i, (complaints[i] as number) * perComplaint);
      put(lines.financingMinor, i, financingAt(i));
      put(lines.accountManagementMinor, i, accountManagement[i] as number);
      put(table.costToServeMinor, i, serve);
      table.marginPercent[i] =
        netRevenue > 0 ? ((netRevenue - costOfGoods - serve) / netRevenue) * 100 : Number.NaN;
    }
    derived = table;
    return table;
  };
  return {
    ids,
    tiers,
    get grossSalesMinor() {
      return all().grossSalesMinor;
    },
    get discountsMinor() {
      return all().discountsMinor;
    },
    get returnsMinor() {
      return all().returnsMinor;
    },
    get netRevenueMinor() {
      return all().netRevenueMinor;
    },
    get costOfGoodsMinor() {
      return all().costOfGoodsMinor;
    },
    get estimatedCostOfGoodsMinor() {
      return all().estimatedCostOfGoodsMinor;
    },
    get uncostedRevenueMinor() {
      return all().uncostedRevenueMinor;
    },
    get grossMarginMinor() {
      return all().grossMarginMinor;
    },
    costToServe: {
      get ordersMinor() {
        return all().costToServe.ordersMinor;
      },
      get orderLinesMinor() {
        return all().costToServe.orderLinesMinor;
      },
      get deliveriesMinor() {
        return all().costToServe.deliveriesMinor;
      },
      get visitsMinor() {
        return all().costToServe.visitsMinor;
      },
      get callsMinor() {
        return all().costToServe.callsMinor;
      },
      get complaintsMinor() {
        return all().costToServe.complaintsMinor;
      },
      get financingMinor() {
        return all().costToServe.financingMinor;
      },
      get accountManagementMinor() {
        return all().costToServe.accountManagementMinor;
      },
    },
    get costToServeMinor() {
      return all().costToServeMinor;
    },
    profitMinor: profit,
    get marginPercent() {
      return all().marginPercent;
    },
  };
}
