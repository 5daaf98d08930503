import type { CustomerFeatures } from "./CustomerFeatures.js";
import { emptyFeatureColumns, FEATURE_NUMBER_FIELDS, type FeatureColumns } from "./FeatureColumns.js";

/**
 * Lays per-customer feature objects out as {@link FeatureColumns} (`undefined` numbers become `NaN`), in the
 * order given: for features read back from a file, or made by hand, so that the later stages read columns.
 *
 * @param features - One entry per customer.
 * @returns The columns; `featureAt(columns, i)` equals `features[i]`.
 *
 * @example
 * ```ts
 * const columns = toFeatureColumns([
 *   { id: "C1", mixedCurrencies: false, revenueMinor: 9000, orderCount: 3 } as CustomerFeatures,
 * ]);
 * [columns.ids[0], columns.revenueMinor[0], columns.orderCount[0], columns.tenureDays[0]]; // => ["C1", 9000, 3, NaN]
 * ```
 */
export function toFeatureColumns(features: readonly CustomerFeatures[]): FeatureColumns {
  const n = features.length;
  const columns = emptyFeatureColumns(n);
  for (let i = 0; i < n; i++) {
    const f = features[i] as CustomerFeatures;
    columns.ids[i] = f.id;
    columns.currency[i] = f.currency;
    columns.mixedCurrencies[i] = f.mixedCurrencies ? 1 : 0;
    columns.firstPurchaseDate[i] = f.firstPurchaseDate;
    columns.lastPurchaseDate[i] = f.lastPurchaseDate;
    columns.interactions[i] = f.interactions;
    columns.receivables[i] = f.receivables;
  }
  for (const field of FEATURE_NUMBER_FIELDS) {
    const column = columns[field];
    for (let i = 0; i < n; i++) column[i] = (features[i] as CustomerFeatures)[field] ?? Number.NaN;
  }
  return columns;
}
