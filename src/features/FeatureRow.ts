// One customer of feature columns seen as a CustomerFeatures without copying it: every field is a getter that
// reads its column (NaN read as undefined, as featureAt gives it). A portfolio's stages pass these views around
// instead of a million objects of some forty fields each. Internal.
import type { CustomerFeatures, InteractionFeatures, ReceivableFeatures } from "./CustomerFeatures.js";
import { FEATURE_NUMBER_FIELDS, type FeatureColumns } from "./FeatureColumns.js";

export class FeatureRow {
  readonly #columns: FeatureColumns;
  readonly #index: number;

  constructor(columns: FeatureColumns, index: number) {
    this.#columns = columns;
    this.#index = index;
  }

  get id(): string {
    return this.#columns.ids[this.#index] as string;
  }

  get currency(): string | undefined {
    return this.#columns.currency[this.#index];
  }

  get mixedCurrencies(): boolean {
    return this.#columns.mixedCurrencies[this.#index] === 1;
  }

  get firstPurchaseDate(): string | undefined {
    return this.#columns.firstPurchaseDate[this.#index];
  }

  get lastPurchaseDate(): string | undefined {
    return this.#columns.lastPurchaseDate[this.#index];
  }

  get interactions(): InteractionFeatures | undefined {
    return this.#columns.interactions[this.#index];
  }

  get receivables(): ReceivableFeatures | undefined {
    return this.#columns.receivables[this.#index];
  }

  /** The number field `field` (undefined for NaN, the mark of a missing value). */
  number(field: (typeof FEATURE_NUMBER_FIELDS)[number]): number | undefined {
    const value = this.#columns[field][this.#index] as number;
    return Number.isNaN(value) ? undefined : value;
  }

  static {
    for (const field of FEATURE_NUMBER_FIELDS)
      Object.defineProperty(FeatureRow.prototype, field, {
        get(this: FeatureRow): number | undefined {
          return this.number(field);
        },
      });
  }
}

/** The row as the CustomerFeatures it reads as. */
export function featureRow(columns: FeatureColumns, index: number): CustomerFeatures {
  return new FeatureRow(columns, index) as unknown as CustomerFeatures;
}
