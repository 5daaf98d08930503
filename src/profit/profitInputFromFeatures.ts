import type { CustomerFeatures } from "../features/CustomerFeatures.js";
import type { FeatureColumns } from "../features/FeatureColumns.js";
import type { ProfitInput } from "./ProfitInput.js";

/**
 * The P&L facts that per-customer features carry, for when only a transaction summary is at hand (the command
 * line). Compared with {@link profitInputs} from the records: discounts, visits, calls and the overdue
 * amount × days are 0 (features do not keep them); order lines are all transaction lines (returns included);
 * deliveries are the purchase periods (days with a sale when the summary's period is `day`). The cost of goods
 * is exact: net revenue − gross margin when every line has a cost; when only some do, the costed revenue is
 * recovered as gross margin ÷ margin rate, rounded to the minor unit (exact below 10^15), and the rest is
 * uncosted revenue.
 *
 * @param features - One customer's features ({@link summarize}).
 * @returns Its P&L facts.
 *
 * @example
 * ```ts
 * const f = { id: "C1", grossSalesMinor: 12000, returnsMinor: 2000, revenueMinor: 10000, grossMarginMinor: 4000,
 *   grossMarginRate: 0.4, linesWithoutCost: 0, orderCount: 3, transactionCount: 4, purchasePeriods: 2 };
 * const input = profitInputFromFeatures(f as CustomerFeatures);
 * [input.salesMinor, input.returnsMinor, input.costOfGoodsMinor, input.uncostedRevenueMinor]; // => [12000, 2000, 6000, 0]
 * ```
 */
export function profitInputFromFeatures(features: CustomerFeatures): ProfitInput {
  return readFeatures({ ...NO_FACTS }, features);
}

/** A P&L's facts before they are read: a target for {@link readFeatures} and {@link readFeatureColumns}. */
export const NO_FACTS: Readonly<ProfitInput> = {
  id: "",
  salesMinor: 0,
  discountsMinor: 0,
  returnsMinor: 0,
  costOfGoodsMinor: 0,
  uncostedRevenueMinor: 0,
  orders: 0,
  orderLines: 0,
  deliveries: 0,
  visits: 0,
  calls: 0,
  complaints: 0,
  overdueAmountDays: 0,
};

/**
 * Writes the P&L facts of one customer's features into `input` (whose discounts, visits, calls and overdue
 * amount × days stay 0), so that a table of a million customers reads them into one object. Internal to profit.
 */
export function readFeatures(input: ProfitInput, features: CustomerFeatures): ProfitInput {
  input.id = features.id;
  return readFacts(
    input,
    features.grossSalesMinor,
    features.returnsMinor,
    features.revenueMinor,
    features.grossMarginMinor ?? Number.NaN,
    features.grossMarginRate ?? Number.NaN,
    features.linesWithoutCost,
    features.orderCount,
    features.transactionCount,
    features.purchasePeriods,
    features.interactions?.complaintCount ?? 0,
  );
}

/** The same for entry i of feature columns. Internal to profit. */
export function readFeatureColumns(input: ProfitInput, columns: FeatureColumns, i: number): ProfitInput {
  input.id = columns.ids[i] as string;
  return readFacts(
    input,
    columns.grossSalesMinor[i] as number,
    columns.returnsMinor[i] as number,
    columns.revenueMinor[i] as number,
    columns.grossMarginMinor[i] as number,
    columns.grossMarginRate[i] as number,
    columns.linesWithoutCost[i] as number,
    columns.orderCount[i] as number,
    columns.transactionCount[i] as number,
    columns.purchasePeriods[i] as number,
    columns.interactions[i]?.complaintCount ?? 0,
  );
}

/** The facts from feature values; a margin or margin rate of `NaN` is missing. */
function readFacts(
  input: ProfitInput,
  grossSales: number,
  returns: number,
  revenue: number,
  margin: number,
  marginRate: number,
  linesWithoutCost: number,
  orders: number,
  lines: number,
  purchasePeriods: number,
  complaints: number,
): ProfitInput {
  const hasMargin = !Number.isNaN(margin);
  let costed = 0;
  if (hasMargin) {
    if (linesWithoutCost === 0) costed = revenue;
    else if (!Number.isNaN(marginRate) && marginRate !== 0) costed = Math.round(margin / marginRate);
  }
  input.salesMinor = grossSales;
  input.returnsMinor = returns;
  input.costOfGoodsMinor = hasMargin ? costed - margin : 0;
  input.uncostedRevenueMinor = revenue - costed;
  input.orders = orders;
  input.orderLines = lines;
  input.deliveries = purchasePeriods;
  input.complaints = complaints;
  return input;
}
