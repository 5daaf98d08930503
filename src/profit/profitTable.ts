import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import { daysPerUnit } from "../model/timeUnit.js";
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
 * input order; money in whole minor units (exact in a float64 below 2^53 ≈ 9·10^15).
 */
export interface ProfitTable {
  /** The customers' ids. */
  ids: string[];
  /** The tier each fixed account-management cost came from (`undefined`: no tier). */
  tiers: (string | undefined)[];
  /** Sales before discounts: sales + discounts. */
  grossSalesMinor: Float64Array;
  /** Discounts. */
  discountsMinor: Float64Array;
  /** Returns and cancellations. */
  returnsMinor: Float64Array;
  /** Gross sales − discounts − returns. */
  netRevenueMinor: Float64Array;
  /** Cost of goods: the recorded costs plus the estimate for uncosted lines. */
  costOfGoodsMinor: Float64Array;
  /** The part of the cost of goods estimated with the margin rate: uncosted revenue × (1 − rate), half-even. */
  estimatedCostOfGoodsMinor: Float64Array;
  /** Revenue of lines with no cost and no margin rate to price them (their cost of goods is missing). */
  uncostedRevenueMinor: Float64Array;
  /** Net revenue − cost of goods. */
  grossMarginMinor: Float64Array;
  /** Each cost-to-serve line. */
  costToServe: { [line in keyof CostToServe]: Float64Array };
  /** The sum of the cost-to-serve lines. */
  costToServeMinor: Float64Array;
  /** Gross margin − cost to serve. */
  profitMinor: Float64Array;
  /** Profit ÷ net revenue × 100; `NaN` where net revenue is not positive. */
  marginPercent: Float64Array;
}

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
    const unit = fractionOf(daysPerUnit(model.financing.per));
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
  // The 19 columns share one buffer: one allocation instead of 19, so the engine's external-memory accounting
  // triggers one collection, not one per column.
  const buffer = new ArrayBuffer(19 * 8 * n);
  let columns = 0;
  const column = () => new Float64Array(buffer, 8 * n * columns++, n);
  const table: ProfitTable = {
    ids: new Array(n),
    tiers: new Array(n),
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
    profitMinor: column(),
    marginPercent: column(),
  };
  const { costToServe } = table;
  // A fresh buffer is zeros, and untouched pages take no memory: only non-zero amounts are written, so a line that
  // is zero for everyone (a cost the model does not price, a fact features do not carry) costs nothing.
  const put = (column: Float64Array, i: number, value: number) => {
    if (value !== 0) column[i] = value;
  };
  const fromFeatures = n > 0 && !("salesMinor" in (customers[0] as object));
  for (let i = 0; i < n; i++) {
    const input = fromFeatures
      ? profitInputFromFeatures(customers[i] as CustomerFeatures)
      : (customers[i] as ProfitInput);
    const netRevenue = input.salesMinor - input.returnsMinor;
    const estimated = costOfGoodsOf === undefined ? 0 : costOfGoodsOf(input.uncostedRevenueMinor);
    const costOfGoods = input.costOfGoodsMinor + estimated;
    const grossMargin = netRevenue - costOfGoods;
    const orders = input.orders * perOrder;
    const orderLines = input.orderLines * perLine;
    const deliveries = input.deliveries * perDelivery;
    const visits = input.visits * perVisit;
    const calls = input.calls * perCall;
    const complaints = input.complaints * perComplaint;
    const financingCost =
      financingOf === undefined || input.overdueAmountDays === 0 ? 0 : financingOf(input.overdueAmountDays);
    const { tier } = input;
    const accountManagement =
      tier !== undefined && Object.hasOwn(tierCosts, tier) ? (tierCosts[tier] as number) : 0;
    const serve =
      orders + orderLines + deliveries + visits + calls + complaints + financingCost + accountManagement;
    const profit = grossMargin - serve;
    table.ids[i] = input.id;
    if (tier !== undefined) table.tiers[i] = tier;
    put(table.grossSalesMinor, i, input.salesMinor + input.discountsMinor);
    put(table.discountsMinor, i, input.discountsMinor);
    put(table.returnsMinor, i, input.returnsMinor);
    put(table.netRevenueMinor, i, netRevenue);
    put(table.costOfGoodsMinor, i, costOfGoods);
    put(table.estimatedCostOfGoodsMinor, i, estimated);
    put(table.uncostedRevenueMinor, i, costOfGoodsOf === undefined ? input.uncostedRevenueMinor : 0);
    put(table.grossMarginMinor, i, grossMargin);
    put(costToServe.ordersMinor, i, orders);
    put(costToServe.orderLinesMinor, i, orderLines);
    put(costToServe.deliveriesMinor, i, deliveries);
    put(costToServe.visitsMinor, i, visits);
    put(costToServe.callsMinor, i, calls);
    put(costToServe.complaintsMinor, i, complaints);
    put(costToServe.financingMinor, i, financingCost);
    put(costToServe.accountManagementMinor, i, accountManagement);
    put(table.costToServeMinor, i, serve);
    put(table.profitMinor, i, profit);
    table.marginPercent[i] = netRevenue > 0 ? (profit / netRevenue) * 100 : Number.NaN;
  }
  return table;
}
