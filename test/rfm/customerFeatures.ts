// A customer's features as the RFM stage reads them, for hand-built portfolios in the RFM tests.
import type { CustomerFeatures } from "../../src/index.js";

/** The features `rfm` reads: days since the last purchase (undefined: never bought), orders, net revenue. */
export function customer(
  id: string,
  days: number | undefined,
  orders: number,
  revenueMinor: number,
  currency = "USD",
): CustomerFeatures {
  return {
    id,
    currency,
    mixedCurrencies: false,
    daysSinceLastPurchase: days,
    orderCount: orders,
    revenueMinor,
  } as CustomerFeatures;
}
