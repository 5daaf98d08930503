import type { CostModel } from "./costModelSchema.js";
import { fractionOf } from "./fractionOf.js";
import { type Fraction, multiplyExact } from "./multiplyExact.js";
import type { ProfitInput } from "./ProfitInput.js";
import { parseCostModel } from "./parseCostModel.js";

/** The cost-to-serve lines of a {@link CustomerPnl}, minor units. */
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

/** One customer's P&L, exact to the minor unit. */
export interface CustomerPnl {
  /** The customer's id. */
  id: string;
  /** The tier the fixed cost came from. */
  tier?: string | undefined;
  /** Sales before discounts: sales + discounts. */
  grossSalesMinor: number;
  /** Discounts. */
  discountsMinor: number;
  /** Returns and cancellations. */
  returnsMinor: number;
  /** Gross sales − discounts − returns. */
  netRevenueMinor: number;
  /** Cost of goods: the recorded costs plus the estimate for uncosted lines. */
  costOfGoodsMinor: number;
  /** The part of `costOfGoodsMinor` estimated with the margin rate: uncosted revenue × (1 − rate), half-even. */
  estimatedCostOfGoodsMinor: number;
  /** Revenue of lines with no cost and no margin rate to price them (their cost of goods is missing). */
  uncostedRevenueMinor: number;
  /** Net revenue − cost of goods. */
  grossMarginMinor: number;
  /** Each cost-to-serve line. */
  costToServe: CostToServe;
  /** The sum of the cost-to-serve lines. */
  costToServeMinor: number;
  /** Gross margin − cost to serve. */
  profitMinor: number;
  /** Profit ÷ net revenue × 100; `undefined` when net revenue is not positive. */
  marginPercent?: number | undefined;
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

/**
 * Computes each customer's P&L from its facts and a cost model: gross sales (before discounts) − discounts −
 * returns = net revenue; gross margin = net revenue − cost of goods (recorded, or revenue × (1 − marginRate) for the lines
 * without a cost); profit = gross margin − cost to serve (per order, line, delivery, visit, call, complaint, the
 * financing of late payment, the tier's fixed cost). Every amount is whole minor units; rates are applied as
 * exact decimal fractions and rounded half to even once per line and customer.
 *
 * @param inputs - Per-customer facts ({@link profitInputs}).
 * @param costModel - The cost model (checked here; see {@link parseCostModel}).
 * @returns One P&L per input, in input order.
 * @throws {KeyAccountError} when the cost model is not valid, listing every problem.
 *
 * @example
 * ```ts
 * const [pnl] = customerProfit(
 *   [{ id: "C1", salesMinor: 95000, discountsMinor: 5000, returnsMinor: 5000, costOfGoodsMinor: 0,
 *      uncostedRevenueMinor: 90000, orders: 4, orderLines: 10, deliveries: 4, visits: 1, calls: 2,
 *      complaints: 1, overdueAmountDays: 365242500 }],
 *   { currency: "EUR", marginRate: 0.35, perOrderMinor: 500, perVisitMinor: 8000, perCallMinor: 1000,
 *     perComplaintMinor: 2500, financing: { rate: 0.1, per: "year" } },
 * );
 * [pnl?.netRevenueMinor, pnl?.costOfGoodsMinor, pnl?.costToServe.financingMinor, pnl?.profitMinor];
 * // => [90000, 58500, 100000, -83000]
 * ```
 */
export function customerProfit(inputs: readonly ProfitInput[], costModel: CostModel): CustomerPnl[] {
  const model = parseCostModel(costModel);
  const cogsShare = model.marginRate === undefined ? undefined : fractionOf(model.marginRate);
  // cost of goods = revenue × (1 − marginRate) = revenue × (den − num) / den
  const cogsFraction =
    cogsShare === undefined
      ? undefined
      : reduce(cogsShare.denominator - cogsShare.numerator, cogsShare.denominator);
  let financing: Fraction | undefined;
  if (model.financing !== undefined && model.financing.rate > 0) {
    const rate = fractionOf(model.financing.rate);
    const unit = DAYS_PER_UNIT[model.financing.per] as Fraction;
    financing = reduce(rate.numerator * unit.denominator, rate.denominator * unit.numerator);
  }
  const perOrder = model.perOrderMinor ?? 0;
  const perLine = model.perOrderLineMinor ?? 0;
  const perDelivery = model.perDeliveryMinor ?? 0;
  const perVisit = model.perVisitMinor ?? 0;
  const perCall = model.perCallMinor ?? 0;
  const perComplaint = model.perComplaintMinor ?? 0;
  const tiers = model.tierCostsMinor ?? {};
  const out: CustomerPnl[] = new Array(inputs.length);
  for (let i = 0; i < inputs.length; i++) {
    const input = inputs[i] as ProfitInput;
    const netRevenue = input.salesMinor - input.returnsMinor;
    const estimated =
      cogsFraction === undefined ? 0 : multiplyExact(input.uncostedRevenueMinor, cogsFraction);
    const costOfGoods = input.costOfGoodsMinor + estimated;
    const grossMargin = netRevenue - costOfGoods;
    const costToServe: CostToServe = {
      ordersMinor: input.orders * perOrder,
      orderLinesMinor: input.orderLines * perLine,
      deliveriesMinor: input.deliveries * perDelivery,
      visitsMinor: input.visits * perVisit,
      callsMinor: input.calls * perCall,
      complaintsMinor: input.complaints * perComplaint,
      financingMinor:
        financing === undefined || input.overdueAmountDays === 0
          ? 0
          : multiplyExact(input.overdueAmountDays, financing),
      accountManagementMinor:
        input.tier !== undefined && Object.hasOwn(tiers, input.tier) ? (tiers[input.tier] as number) : 0,
    };
    const serve =
      costToServe.ordersMinor +
      costToServe.orderLinesMinor +
      costToServe.deliveriesMinor +
      costToServe.visitsMinor +
      costToServe.callsMinor +
      costToServe.complaintsMinor +
      costToServe.financingMinor +
      costToServe.accountManagementMinor;
    const profit = grossMargin - serve;
    const pnl: CustomerPnl = {
      id: input.id,
      grossSalesMinor: input.salesMinor + input.discountsMinor,
      discountsMinor: input.discountsMinor,
      returnsMinor: input.returnsMinor,
      netRevenueMinor: netRevenue,
      costOfGoodsMinor: costOfGoods,
      estimatedCostOfGoodsMinor: estimated,
      uncostedRevenueMinor: cogsFraction === undefined ? input.uncostedRevenueMinor : 0,
      grossMarginMinor: grossMargin,
      costToServe,
      costToServeMinor: serve,
      profitMinor: profit,
      marginPercent: netRevenue > 0 ? (profit / netRevenue) * 100 : undefined,
    };
    if (input.tier !== undefined) pnl.tier = input.tier;
    out[i] = pnl;
  }
  return out;
}
