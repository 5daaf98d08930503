// The state that matches cancellations and returns to the sales they reverse, kept compact for streaming:
// per accepted sale its day, the quantity (or amount) not yet reversed, its row, currency and references, in
// typed arrays and packed texts (about 40 bytes a sale; its line id stays in the index of line ids) chained per
// customer and product; never the rows themselves, nor a string per sale. A reversal that names its sale (by line id or order id) is looked up among its
// customer's own sales: no index of every reference in the file.
import { growableArray, grownArray } from "../model/growableArray.js";
import { PackedTexts } from "../model/PackedTexts.js";
import type { LineIdIndex } from "./LineIdIndex.js";

/** The accepted sales that a cancellation or a return may reverse. */
export class ReversalLedger {
  private readonly heads = new Map<string, Map<string, number>>();
  private size = 0;
  private next = growableArray(Int32Array, 1024);
  private days = growableArray(Int32Array, 1024);
  private rows = growableArray(Int32Array, 1024);
  // The currency's index in `currencyList`, negative (−index − 1) when the size is an amount, not a quantity.
  private groups = growableArray(Int32Array, 1024);
  private left = growableArray(Float64Array, 1024);
  /** The line ids of the file, where each sale's own id is kept (no second copy of ten million ids). */
  private readonly lineIds: LineIdIndex;
  /** Each sale's entry in `lineIds`, −1 for a sale without a line id. */
  private idEntries = growableArray(Int32Array, 1024);
  private readonly orderIds = new PackedTexts(1024);
  private lastCustomer = "";
  private lastProducts: Map<string, number> | undefined;
  private readonly currencyList: string[] = [];

  /** @param lineIds - The index that keeps the line id of every sale added with one. */
  constructor(lineIds: LineIdIndex) {
    this.lineIds = lineIds;
  }

  private group(currency: string, byAmount: boolean): number {
    let index = this.currencyList.indexOf(currency);
    if (index < 0) index = this.currencyList.push(currency) - 1;
    return byAmount ? -index - 1 : index;
  }

  private grow(): void {
    const capacity = this.next.length * 2;
    this.next = grownArray(this.next, capacity);
    this.days = grownArray(this.days, capacity);
    this.rows = grownArray(this.rows, capacity);
    this.groups = grownArray(this.groups, capacity);
    this.left = grownArray(this.left, capacity);
    this.idEntries = grownArray(this.idEntries, capacity);
    this.orderIds.grow(capacity);
  }

  /**
   * Remembers an accepted sale with its `size` — the quantity, or the amount when `byAmount` (no quantity) —
   * and the ids a reversal may name it by: its line id's entry in the line-id index (−1 for none) and its order id.
   */
  addSale(
    customerId: string,
    product: string,
    currency: string,
    byAmount: boolean,
    day: number,
    size: number,
    row: number,
    idEntry: number,
    orderId: string | undefined,
  ): void {
    // Rows of one order or customer usually follow each other: skip the customer lookup then.
    let products = customerId === this.lastCustomer ? this.lastProducts : this.heads.get(customerId);
    if (products === undefined) {
      products = new Map();
      this.heads.set(customerId, products);
    }
    this.lastCustomer = customerId;
    this.lastProducts = products;
    if (this.size === this.next.length) this.grow();
    const index = this.size++;
    this.next[index] = products.get(product) ?? -1;
    products.set(product, index);
    this.days[index] = day;
    this.rows[index] = row;
    this.groups[index] = this.group(currency, byAmount);
    this.left[index] = size;
    this.idEntries[index] = idEntry;
    if (orderId !== undefined) this.orderIds.set(index, orderId);
  }

  /** The first row of an accepted sale of the customer whose id or order id is `reference`. */
  referencedRow(customerId: string, reference: string): number | undefined {
    const products = this.heads.get(customerId);
    if (products === undefined) return undefined;
    let first: number | undefined;
    for (const head of products.values())
      for (let i = head; i >= 0; i = this.next[i] ?? -1) {
        const row = this.rows[i] ?? 0;
        if (first !== undefined && row >= first) continue;
        if (this.idMatches(i, reference) || this.orderIds.matches(i, reference)) first = row;
      }
    return first;
  }

  /**
   * Reverses `size` of the best sale of the customer and product in the currency: the latest one dated on or
   * before `day` with at least `size` left (the first row among sales of that day). Returns its row and
   * reference, or `undefined` when none has enough left.
   */
  take(
    customerId: string,
    product: string,
    currency: string,
    byAmount: boolean,
    day: number,
    size: number,
  ): { row: number; reference: string | undefined } | undefined {
    const group = this.group(currency, byAmount);
    let best = -1;
    let bestDay = Number.NEGATIVE_INFINITY;
    let bestRow = 0;
    for (let i = this.heads.get(customerId)?.get(product) ?? -1; i >= 0; i = this.next[i] ?? -1) {
      const saleDay = this.days[i] ?? 0;
      const row = this.rows[i] ?? 0;
      if (saleDay > day || saleDay < bestDay || (saleDay === bestDay && row > bestRow)) continue;
      if ((this.left[i] ?? 0) < size || this.groups[i] !== group) continue;
      best = i;
      bestDay = saleDay;
      bestRow = row;
    }
    if (best < 0) return undefined;
    this.left[best] = (this.left[best] ?? 0) - size;
    const idEntry = this.idEntries[best] ?? -1;
    return { row: bestRow, reference: idEntry >= 0 ? this.lineIds.text(idEntry) : this.orderIds.at(best) };
  }

  private idMatches(sale: number, reference: string): boolean {
    const idEntry = this.idEntries[sale] ?? -1;
    return idEntry >= 0 && this.lineIds.matches(idEntry, reference);
  }
}
