import type { CustomerFeatures, InteractionFeatures, ReceivableFeatures } from "./CustomerFeatures.js";

/**
 * The names of the number fields of {@link CustomerFeatures} (`frequency`, `revenueMinor`, `tenureDays` …), each an
 * array of numbers in {@link FeatureColumns}.
 *
 * @example
 * ```ts
 * const field: FeatureNumberField = "revenueMinor";
 * ```
 */
export type FeatureNumberField = {
  [K in keyof CustomerFeatures]-?: NonNullable<CustomerFeatures[K]> extends number ? K : never;
}[keyof CustomerFeatures];

/**
 * Per-customer features as columns: entry i of every column is the i-th customer (in id order in a
 * {@link FeatureSummary}). Each number field of {@link CustomerFeatures} is an array of numbers of the same name,
 * with `NaN` where the field is `undefined` (no `NaN` is ever a value); the other fields are arrays of their
 * values. A million customers are a few dozen arrays rather than a million objects, and {@link rfm} and
 * {@link profitTable} read them directly; {@link featureAt} gives one customer as an object,
 * {@link toFeatureColumns} makes columns from objects. The number columns are plain arrays (of unboxed doubles)
 * rather than Float64Arrays: memory outside the JavaScript heap makes the engine collect garbage sooner, and a
 * summary is kept while later stages allocate their own columns.
 *
 * @example
 * ```ts
 * const { columns } = summarize(
 *   { transactions: [{ customerId: "C1", date: "2024-05-01", amountMinor: 1250, currency: "USD", kind: "sale" }] },
 *   { asOf: "2024-06-30" },
 * );
 * [columns.ids[0], columns.revenueMinor[0], columns.daysSinceLastPurchase[0], columns.interPurchaseCv[0]];
 * // => ["C1", 1250, 60, NaN]
 * ```
 */
export type FeatureColumns = { readonly [K in FeatureNumberField]: number[] } & {
  /** The customers' ids. */
  readonly ids: string[];
  /** `currency` per customer. */
  readonly currency: (string | undefined)[];
  /** `mixedCurrencies` per customer: 1 for true, 0 for false. */
  readonly mixedCurrencies: Uint8Array;
  /** `firstPurchaseDate` per customer. */
  readonly firstPurchaseDate: (string | undefined)[];
  /** `lastPurchaseDate` per customer. */
  readonly lastPurchaseDate: (string | undefined)[];
  /** `interactions` per customer. */
  readonly interactions: (InteractionFeatures | undefined)[];
  /** `receivables` per customer. */
  readonly receivables: (ReceivableFeatures | undefined)[];
};

// Every number field once; a Record, so that the compiler reports a field missing here or one that is not a
// number field.
const NUMBER_FIELDS: Record<FeatureNumberField, true> = {
  frequency: true,
  recency: true,
  T: true,
  monetaryValue: true,
  frequencyHoldout: true,
  monetaryValueHoldout: true,
  durationHoldout: true,
  revenueMinor: true,
  grossSalesMinor: true,
  returnsMinor: true,
  returnRate: true,
  grossMarginMinor: true,
  grossMarginRate: true,
  linesWithoutCost: true,
  transactionCount: true,
  orderCount: true,
  averageOrderValueMinor: true,
  daysSinceLastPurchase: true,
  purchasePeriods: true,
  interPurchaseMedianDays: true,
  interPurchaseMeanDays: true,
  interPurchaseCv: true,
  recentRevenueMinor: true,
  previousRevenueMinor: true,
  revenueTrendMinor: true,
  revenueTrendRatio: true,
  distinctProducts: true,
  distinctCategories: true,
  tenureDays: true,
  creditLimitMinor: true,
  creditUtilisation: true,
};

/** The number fields of {@link CustomerFeatures}, in declaration order. Internal to features. */
export const FEATURE_NUMBER_FIELDS: readonly FeatureNumberField[] = /* @__PURE__ */ Object.keys(
  NUMBER_FIELDS,
) as FeatureNumberField[];

/** An array of `n` NaN, stored as unboxed doubles. */
function nanArray(n: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(Number.NaN);
  return values;
}

/**
 * Columns in which every customer has the same value, by field: `NaN` or 0 for a number column, `undefined` for
 * `interactions` and `receivables`. Internal to features.
 */
export type ConstantColumns = { [K in FeatureNumberField]?: number } & {
  interactions?: undefined;
  receivables?: undefined;
};

/** Makes `field` a column of `n` copies of `value` the first time it is read, then a plain property. */
function defineConstantColumn(
  columns: object,
  field: FeatureNumberField | "interactions" | "receivables",
  n: number,
  value: number | undefined,
): void {
  Object.defineProperty(columns, field, {
    get(): unknown[] {
      let column: unknown[];
      if (value === undefined) column = new Array<undefined>(n).fill(undefined);
      else {
        const numbers = nanArray(n);
        if (!Number.isNaN(value)) numbers.fill(value);
        column = numbers;
      }
      Object.defineProperty(columns, field, {
        value: column,
        writable: true,
        enumerable: true,
        configurable: true,
      });
      return column;
    },
    enumerable: true,
    configurable: true,
  });
}

/**
 * Columns for `n` customers, to be filled: the number columns are `NaN`, the other arrays are holes. The fields of
 * `constant` are made only when first read (a summary without a calibration split, costs, products … has columns
 * that hold one value and that nobody may read); they must not be written before. Internal to features.
 */
export function emptyFeatureColumns(n: number, constant: ConstantColumns = {}): FeatureColumns {
  // Copies of one array of NaN: copying an array of doubles is a block copy (Array.prototype.fill on a new array
  // is an element-by-element conversion).
  const missing = nanArray(n);
  const columns: Record<string, unknown> = {
    ids: new Array(n),
    currency: new Array(n),
    mixedCurrencies: new Uint8Array(n),
    firstPurchaseDate: new Array(n),
    lastPurchaseDate: new Array(n),
  };
  for (const field of ["interactions", "receivables"] as const) {
    if (field in constant) defineConstantColumn(columns, field, n, undefined);
    else columns[field] = new Array(n);
  }
  for (const field of FEATURE_NUMBER_FIELDS) {
    const value = constant[field];
    if (value === undefined) columns[field] = missing.slice();
    else defineConstantColumn(columns, field, n, value);
  }
  return columns as FeatureColumns;
}
