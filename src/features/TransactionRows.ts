// Transaction lines kept as growable typed-array columns (one entry per line, in arrival order), so adding a line
// allocates nothing and the summary groups all lines by customer with one counting sort. Internal to features.
import { growableArray, grownArray as grown, releaseArray } from "../model/growableArray.js";
import { PackedTexts } from "../model/PackedTexts.js";
import { TextCodes } from "./TextCodes.js";

const MINIMUM_CAPACITY = 1024;

export class TransactionRows {
  length = 0;
  capacity: number;
  /** The customer's index in the accumulator. */
  customer: Int32Array;
  /** day·2 + 1 for a sale, day·2 for a return or cancellation: sorting by key sorts by day. */
  key: Int32Array;
  /**
   * Net amount in minor units: 32-bit integers (half the memory) until a line needs more (beyond ±2^31 minor
   * units, or a fraction), then doubles.
   */
  amount: Int32Array | Float64Array;
  /**
   * The index of the line's currency in the accumulator's currency list; allocated when a second currency
   * appears (until then every line has currency 0).
   */
  currency: Uint16Array | undefined = undefined;
  /** Cost in minor units, NaN where the line has none; allocated with the first cost. */
  cost: Float64Array | undefined = undefined;
  /** The order id of sale lines (none for a sale without one and for returns); allocated with the first. */
  orderId: PackedTexts | undefined = undefined;
  /** Each line's product code in `products` (−1 for none); allocated with the first. */
  product: Int32Array | undefined = undefined;
  /** Each line's category code in `categories` (−1 for none); allocated with the first. */
  category: Int32Array | undefined = undefined;
  /** The products named, by code. */
  readonly products: TextCodes = new TextCodes();
  /** The categories named, by code. */
  readonly categories: TextCodes = new TextCodes();
  /**
   * Whether every line's key is at least the previous line's (a chronological log): then the lines of each
   * customer, kept in arrival order, are sorted too.
   */
  keysAscending = true;

  /** @param capacity - The expected number of lines (the columns grow when it is exceeded). */
  constructor(capacity = 0) {
    this.capacity = Math.max(MINIMUM_CAPACITY, capacity);
    this.customer = growableArray(Int32Array, this.capacity);
    this.key = growableArray(Int32Array, this.capacity);
    this.amount = growableArray(Int32Array, this.capacity);
  }

  /** Appends a line; returns its row index. */
  push(customer: number, key: number, amount: number, currency: number): number {
    const row = this.length;
    if (row === this.capacity) this.grow();
    this.customer[row] = customer;
    if (row > 0 && key < (this.key[row - 1] ?? 0)) this.keysAscending = false;
    this.key[row] = key;
    if ((amount | 0) !== amount && this.amount instanceof Int32Array) {
      const wider = growableArray(Float64Array, this.capacity);
      wider.set(this.amount);
      this.amount = wider;
    }
    this.amount[row] = amount;
    if (currency !== 0 || this.currency) {
      this.currency ??= growableArray(Uint16Array, this.capacity);
      this.currency[row] = currency;
    }
    this.length = row + 1;
    return row;
  }

  private grow(): void {
    // Half as much again, not twice: a file of ten million lines then leaves less room unused.
    const capacity = Math.ceil(this.capacity * 1.5);
    this.customer = grown(this.customer, capacity);
    this.key = grown(this.key, capacity);
    this.amount = grown(this.amount, capacity);
    if (this.currency) this.currency = grown(this.currency, capacity);
    if (this.cost) this.cost = grown(this.cost, capacity).fill(Number.NaN, this.capacity);
    if (this.product) this.product = grown(this.product, capacity).fill(-1, this.capacity);
    if (this.category) this.category = grown(this.category, capacity).fill(-1, this.capacity);
    this.orderId?.grow(capacity);
    this.capacity = capacity;
  }

  /**
   * Gives the columns' memory back now (see `releaseArray`), but the order ids' characters, which the grouped
   * order ids share: the rows must not be used afterwards.
   */
  release(): void {
    for (const column of [
      this.customer,
      this.key,
      this.amount,
      this.currency,
      this.cost,
      this.product,
      this.category,
    ])
      if (column !== undefined) releaseArray(column);
    this.orderId?.release(false);
  }

  /** Sets the cost of a row, creating the column on first use. */
  setCost(row: number, cost: number): void {
    if (!this.cost) this.cost = growableArray(Float64Array, this.capacity).fill(Number.NaN);
    this.cost[row] = cost;
  }

  /** Sets a row's order id, creating the column on first use. */
  setOrderId(row: number, orderId: string): void {
    this.orderId ??= new PackedTexts(this.capacity);
    this.orderId.set(row, orderId);
  }

  /** Sets a row's product, creating the column on first use. */
  setProduct(row: number, product: string): void {
    this.product ??= growableArray(Int32Array, this.capacity).fill(-1);
    this.product[row] = this.products.code(product);
  }

  /** Sets a row's category, creating the column on first use. */
  setCategory(row: number, category: string): void {
    this.category ??= growableArray(Int32Array, this.capacity).fill(-1);
    this.category[row] = this.categories.code(category);
  }
}
