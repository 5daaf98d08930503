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

/** The number fields of the BTYD summary: what the purchase models and their calibration/holdout check read. */
export type BtydField =
  | "frequency"
  | "recency"
  | "T"
  | "monetaryValue"
  | "frequencyHoldout"
  | "monetaryValueHoldout"
  | "durationHoldout";

// Every BTYD field once, and every number field once; Records, so that the compiler reports a field missing here
// or one that is not a number field.
const BTYD_NUMBER_FIELDS: Record<BtydField, true> = {
  frequency: true,
  recency: true,
  T: true,
  monetaryValue: true,
  frequencyHoldout: true,
  monetaryValueHoldout: true,
  durationHoldout: true,
};
const NUMBER_FIELDS: Record<FeatureNumberField, true> = {
  ...BTYD_NUMBER_FIELDS,
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

/** The BTYD fields, in declaration order. Internal to features. */
export const BTYD_FIELDS: readonly BtydField[] = /* @__PURE__ */ Object.keys(
  BTYD_NUMBER_FIELDS,
) as BtydField[];

/** An array of `n` NaN, stored as unboxed doubles. */
function nanArray(n: number): number[] {
  const values: number[] = [];
  for (let i = 0; i < n; i++) values.push(Number.NaN);
  return values;
}

/**
 * The columns a summary may leave to be made when first read: columns in which every customer has the same value
 * when the records lack what they describe. Internal to features.
 */
export type ConstantField =
  | "frequencyHoldout"
  | "monetaryValueHoldout"
  | "durationHoldout"
  | "grossMarginMinor"
  | "grossMarginRate"
  | "distinctProducts"
  | "distinctCategories"
  | "interactions"
  | "receivables"
  | "creditLimitMinor"
  | "creditUtilisation";

/** The value of every entry of a constant column. */
const CONSTANT_VALUES: Readonly<Record<ConstantField, number | undefined>> = {
  frequencyHoldout: Number.NaN,
  monetaryValueHoldout: Number.NaN,
  durationHoldout: Number.NaN,
  grossMarginMinor: Number.NaN,
  grossMarginRate: Number.NaN,
  distinctProducts: 0,
  distinctCategories: 0,
  interactions: undefined,
  receivables: undefined,
  creditLimitMinor: Number.NaN,
  creditUtilisation: Number.NaN,
};

/** `n` copies of a constant column's value. */
function constantColumn(field: ConstantField, n: number): unknown[] {
  const value = CONSTANT_VALUES[field];
  if (value === undefined) return undefinedArray(n);
  const numbers = nanArray(n);
  return Number.isNaN(value) ? numbers : numbers.fill(value);
}

/**
 * A getter per constant column that makes the column on first read and keeps it as a plain property. One shared
 * getter per field, so that the columns of every summary have the same hidden class: the finisher's writes to
 * the other columns stay fast property accesses.
 */
const CONSTANT_GETTERS: Readonly<Record<ConstantField, PropertyDescriptor>> = /* @__PURE__ */ (() => {
  const getters = {} as Record<ConstantField, PropertyDescriptor>;
  for (const field of Object.keys(CONSTANT_VALUES) as ConstantField[]) {
    getters[field] = {
      get(this: FeatureColumns): unknown[] {
        const column = constantColumn(field, this.ids.length);
        // Frozen columns keep the getter (Reflect does not throw): each read then makes the column again.
        Reflect.defineProperty(this, field, dataProperty(column));
        return column;
      },
      enumerable: true,
      configurable: true,
    };
  }
  return getters;
})();

/** A writable, enumerable property holding `value`, like a property set by assignment. */
function dataProperty(value: unknown): PropertyDescriptor {
  return { value, writable: true, enumerable: true, configurable: true };
}

/**
 * `n` entries of `undefined`, in an array that holds any value from the start: filled with strings or objects,
 * it keeps its hidden class, so that the code filling the columns of one summary runs unchanged on the next one's
 * (an array of holes changes class at the first string, every time).
 */
function undefinedArray(n: number): unknown[] {
  return new Array<unknown>(n).fill(undefined);
}

/**
 * Columns for `n` customers, to be filled: the number columns are `NaN`, the others `undefined`. The columns
 * in `constant` are made when first read (a summary without a calibration split, costs, products … has columns
 * that hold one value, which nobody may read); they must not be written before. With `kept`, only those number
 * columns (and the ids) are columns of their own: every other number column is one shared scratch column, and
 * every other column another, written but never to be read (the model check needs only the BTYD columns of a
 * second summary of every customer). Internal to features.
 */
export function emptyFeatureColumns(
  n: number,
  constant: readonly ConstantField[] = [],
  kept?: readonly FeatureNumberField[],
): FeatureColumns {
  // Copies of one array of NaN: copying an array of doubles is a block copy (Array.prototype.fill on a new array
  // is an element-by-element conversion).
  const missing = nanArray(n);
  const lazy = new Set<string>(constant);
  const own = kept === undefined ? undefined : new Set<string>(kept);
  const scratch = own === undefined ? undefined : { numbers: missing.slice(), others: undefinedArray(n) };
  const others = (): unknown[] => scratch?.others ?? undefinedArray(n);
  const fields: Record<string, PropertyDescriptor> = {
    ids: dataProperty(undefinedArray(n)),
    currency: dataProperty(others()),
    mixedCurrencies: dataProperty(new Uint8Array(n)),
    firstPurchaseDate: dataProperty(others()),
    lastPurchaseDate: dataProperty(others()),
  };
  for (const field of ["interactions", "receivables", ...FEATURE_NUMBER_FIELDS] as const) {
    if (lazy.has(field)) fields[field] = CONSTANT_GETTERS[field as ConstantField];
    else if (field === "interactions" || field === "receivables") fields[field] = dataProperty(others());
    else
      fields[field] = dataProperty(
        scratch === undefined || own?.has(field) === true ? missing.slice() : scratch.numbers,
      );
  }
  // All properties at once: built one by one, an object of this many properties is kept as a dictionary, and
  // every column access would be a hash lookup.
  return Object.defineProperties({}, fields) as FeatureColumns;
}
