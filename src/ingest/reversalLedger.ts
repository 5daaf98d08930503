// The state that matches cancellations and returns to the sales they reverse, kept compact for streaming: per
// accepted sale its day, the quantity (or amount) not yet reversed, its row, currency, product code and
// references, in typed arrays and packed texts (41 bytes a sale and its order id's characters; its line id stays
// in the index of line ids), chained per customer and per customer and product; never the rows themselves, nor a
// string or a Map per sale or customer. A reversal that names its sale (by line id or order id) is looked up
// among its customer's own sales: no index of every reference in the file.
import { growableArray, grownArray, releaseArray } from "../model/growableArray.js";
import { PackedTexts } from "../model/PackedTexts.js";
import { TextIndex } from "../model/TextIndex.js";
import type { LineIdIndex } from "./LineIdIndex.js";

/**
 * A customer's latest sale of a product is found by walking the customer's sales, newest first, while it has at
 * most this many; a customer with more keeps a Map of its products' latest sales, so that no lookup walks far.
 */
const WALKED_SALES = 64;

/** The accepted sales that a cancellation or a return may reverse. */
export class ReversalLedger {
  /** The customers' ids; a customer's entry is its ordinal in the per-customer columns. */
  private readonly customers = new TextIndex();
  /** Per customer: its latest sale + 1 (0 before its first). */
  private latestSale = growableArray(Int32Array, 1024);
  /** Per customer: how many sales it has. */
  private saleCount = growableArray(Int32Array, 1024);
  /** The products' codes. */
  private readonly productCodes = new Map<string, number>();
  /** The latest sale of each product, kept for the customers with more than WALKED_SALES sales. */
  private readonly productHeads = new Map<number, Map<number, number>>();
  private size = 0;
  private product = growableArray(Int32Array, 1024);
  /** The customer's previous sale, −1 for its first. */
  private previousOfCustomer = growableArray(Int32Array, 1024);
  /** The customer's previous sale of the same product, −1 for the first. */
  private previousOfProduct = growableArray(Int32Array, 1024);
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
  private lastOrdinal = -1;
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

  private growSales(): void {
    const capacity = this.days.length * 2;
    this.product = grownArray(this.product, capacity);
    this.previousOfCustomer = grownArray(this.previousOfCustomer, capacity);
    this.previousOfProduct = grownArray(this.previousOfProduct, capacity);
    this.days = grownArray(this.days, capacity);
    this.rows = grownArray(this.rows, capacity);
    this.groups = grownArray(this.groups, capacity);
    this.left = grownArray(this.left, capacity);
    this.idEntries = grownArray(this.idEntries, capacity);
    this.orderIds.grow(capacity);
  }

  /** The customer's ordinal, kept as a new one when it has none. */
  private ordinalOf(customerId: string): number {
    // Rows of one order or customer usually follow each other: skip the lookup then.
    if (customerId === this.lastCustomer && this.lastOrdinal >= 0) return this.lastOrdinal;
    const ordinal = this.customers.entry(customerId);
    if (ordinal === this.latestSale.length) {
      const capacity = Math.ceil(ordinal * 1.5);
      this.latestSale = grownArray(this.latestSale, capacity);
      this.saleCount = grownArray(this.saleCount, capacity);
    }
    this.lastCustomer = customerId;
    this.lastOrdinal = ordinal;
    return ordinal;
  }

  /** The customer's latest sale of the product, −1 for none. */
  private latestOf(ordinal: number, code: number): number {
    if ((this.saleCount[ordinal] as number) > WALKED_SALES)
      return this.productHeads.get(ordinal)?.get(code) ?? -1;
    for (let i = (this.latestSale[ordinal] as number) - 1; i >= 0; i = this.previousOfCustomer[i] as number)
      if (this.product[i] === code) return i;
    return -1;
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
    const ordinal = this.ordinalOf(customerId);
    let code = this.productCodes.get(product);
    if (code === undefined) {
      code = this.productCodes.size;
      this.productCodes.set(product, code);
    }
    if (this.size === this.days.length) this.growSales();
    const index = this.size++;
    this.product[index] = code;
    this.previousOfProduct[index] = this.latestOf(ordinal, code);
    this.previousOfCustomer[index] = (this.latestSale[ordinal] as number) - 1;
    this.latestSale[ordinal] = index + 1;
    this.days[index] = day;
    this.rows[index] = row;
    this.groups[index] = this.group(currency, byAmount);
    this.left[index] = size;
    this.idEntries[index] = idEntry;
    if (orderId !== undefined) this.orderIds.set(index, orderId);
    const count = (this.saleCount[ordinal] as number) + 1;
    this.saleCount[ordinal] = count;
    if (count > WALKED_SALES) {
      const heads = this.productHeads.get(ordinal);
      if (heads !== undefined) heads.set(code, index);
      else this.productHeads.set(ordinal, this.latestSales(ordinal));
    }
  }

  /** The latest sale of each product the customer has bought. */
  private latestSales(ordinal: number): Map<number, number> {
    const heads = new Map<number, number>();
    for (let i = (this.latestSale[ordinal] as number) - 1; i >= 0; i = this.previousOfCustomer[i] as number) {
      const code = this.product[i] as number;
      if (!heads.has(code)) heads.set(code, i);
    }
    return heads;
  }

  /** The first row of an accepted sale of the customer whose id or order id is `reference`. */
  referencedRow(customerId: string, reference: string): number | undefined {
    const ordinal = this.customers.find(customerId);
    if (ordinal < 0) return undefined;
    let first: number | undefined;
    for (let i = (this.latestSale[ordinal] as number) - 1; i >= 0; i = this.previousOfCustomer[i] as number) {
      const row = this.rows[i] as number;
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
    const ordinal = this.customers.find(customerId);
    const code = this.productCodes.get(product);
    if (ordinal < 0 || code === undefined) return undefined;
    const group = this.group(currency, byAmount);
    let best = -1;
    let bestDay = Number.NEGATIVE_INFINITY;
    let bestRow = 0;
    for (let i = this.latestOf(ordinal, code); i >= 0; i = this.previousOfProduct[i] as number) {
      const saleDay = this.days[i] as number;
      const row = this.rows[i] as number;
      if (saleDay > day || saleDay < bestDay || (saleDay === bestDay && row > bestRow)) continue;
      if ((this.left[i] as number) < size || this.groups[i] !== group) continue;
      best = i;
      bestDay = saleDay;
      bestRow = row;
    }
    if (best < 0) return undefined;
    this.left[best] = (this.left[best] as number) - size;
    const idEntry = this.idEntries[best] as number;
    return { row: bestRow, reference: idEntry >= 0 ? this.lineIds.text(idEntry) : this.orderIds.at(best) };
  }

  /** Gives the ledger's memory back now (see `releaseArray`): it must not be used afterwards. */
  release(): void {
    this.customers.release();
    this.orderIds.release();
    for (const column of [
      this.latestSale,
      this.saleCount,
      this.product,
      this.previousOfCustomer,
      this.previousOfProduct,
      this.days,
      this.rows,
      this.groups,
      this.left,
      this.idEntries,
    ])
      releaseArray(column);
    this.productHeads.clear();
  }

  private idMatches(sale: number, reference: string): boolean {
    const idEntry = this.idEntries[sale] as number;
    return idEntry >= 0 && this.lineIds.matches(idEntry, reference);
  }
}
