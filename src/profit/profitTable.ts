import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import type { FeatureColumns } from "../features/FeatureColumns.js";
import { daysPerUnit } from "../model/timeUnit.js";
import type { CostModel } from "./costModelSchema.js";
import { exactMultiplier } from "./exactMultiplier.js";
import { fractionOf } from "./fractionOf.js";
import type { Fraction } from "./multiplyExact.js";
import type { ProfitInput } from "./ProfitInput.js";
import { parseCostModel } from "./parseCostModel.js";
import { NO_FACTS, readFeatureColumns, readFeatures } from "./profitInputFromFeatures.js";

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
 * {@link profitInputFromFeatures} does; a summary's `columns` are the fastest to read), so a million customers
 * cost a few typed arrays, not a million objects; {@link customerProfit} gives one object per customer.
 *
 * @param customers - Per-customer facts ({@link profitInputs}), or features ({@link summarize}): its `columns`
 * or one object per customer.
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
  customers: readonly ProfitInput[] | readonly CustomerFeatures[] | FeatureColumns,
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
  const featureColumns = Array.isArray(customers) ? undefined : (customers as FeatureColumns);
  const list = customers as readonly ProfitInput[] | readonly CustomerFeatures[];
  const n = featureColumns === undefined ? list.length : featureColumns.ids.length;
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
  const { ids, tiers, grossSalesMinor, discountsMinor, returnsMinor, netRevenueMinor, costOfGoodsMinor } =
    table;
  const { estimatedCostOfGoodsMinor, uncostedRevenueMinor, grossMarginMinor, costToServeMinor } = table;
  const { profitMinor, marginPercent, costToServe } = table;
  const { ordersMinor, orderLinesMinor, deliveriesMinor, visitsMinor, callsMinor, complaintsMinor } =
    costToServe;
  const { financingMinor, accountManagementMinor } = costToServe;
  const fromFeatures = featureColumns === undefined && n > 0 && !("salesMinor" in (list[0] as object));
  // Features are read into one object, reused for every customer.
  const facts: ProfitInput = { ...NO_FACTS };
  // A fresh buffer is zeros, and untouched pages take no memory: only non-zero amounts are written, so a line that
  // is zero for everyone (a cost the model does not price, a fact features do not carry) costs nothing.
  for (let i = 0; i < n; i++) {
    const input = featureColumns
      ? readFeatureColumns(facts, featureColumns, i)
      : fromFeatures
        ? readFeatures(facts, list[i] as CustomerFeatures)
        : (list[i] as ProfitInput);
    const { salesMinor: sales, discountsMinor: discounts, returnsMinor: returns, tier } = input;
    const netRevenue = sales - returns;
    const estimated = costOfGoodsOf === undefined ? 0 : costOfGoodsOf(input.uncostedRevenueMinor);
    const uncosted = costOfGoodsOf === undefined ? input.uncostedRevenueMinor : 0;
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
    const accountManagement =
      tier !== undefined && Object.hasOwn(tierCosts, tier) ? (tierCosts[tier] as number) : 0;
    const serve =
      orders + orderLines + deliveries + visits + calls + complaints + financingCost + accountManagement;
    const profit = grossMargin - serve;
    ids[i] = input.id;
    if (tier !== undefined) tiers[i] = tier;
    if (sales + discounts !== 0) grossSalesMinor[i] = sales + discounts;
    if (discounts !== 0) discountsMinor[i] = discounts;
    if (returns !== 0) returnsMinor[i] = returns;
    if (netRevenue !== 0) netRevenueMinor[i] = netRevenue;
    if (costOfGoods !== 0) costOfGoodsMinor[i] = costOfGoods;
    if (estimated !== 0) estimatedCostOfGoodsMinor[i] = estimated;
    if (uncosted !== 0) uncostedRevenueMinor[i] = uncosted;
    if (grossMargin !== 0) grossMarginMinor[i] = grossMargin;
    if (orders !== 0) ordersMinor[i] = orders;
    if (orderLines !== 0) orderLinesMinor[i] = orderLines;
    if (deliveries !== 0) deliveriesMinor[i] = deliveries;
    if (visits !== 0) visitsMinor[i] = visits;
    if (calls !== 0) callsMinor[i] = calls;
    if (complaints !== 0) complaintsMinor[i] = complaints;
    if (financingCost !== 0) financingMinor[i] = financingCost;
    if (accountManagement !== 0) accountManagementMinor[i] = accountManagement;
    if (serve !== 0) costToServeMinor[i] = serve;
    if (profit !== 0) profitMinor[i] = profit;
    marginPercent[i] = netRevenue > 0 ? (profit / netRevenue) * 100 : Number.NaN;
  }
  return table;
}
