/**
 * A read-only list whose items are made when read: a large result keeps a few numbers per item, not the items
 * with their words. Read an item by position ({@link LazyList.at}), in order (`for … of`), or all at once
 * ({@link LazyList.toArray}). Each read makes a new object. The alerts ({@link SignalAlertList}) and the tasks
 * ({@link signalTaskList}) of the signals are such lists.
 *
 * @example
 * ```ts
 * const tasks = signalTaskList(accounts, policy, { asOf: "2024-06-30" });
 * tasks.length; // => 2
 * tasks.at(-1)?.kind; // => "care"
 * ```
 */
export class LazyList<T> implements Iterable<T> {
  /** How many items. */
  readonly length: number;
  private readonly make: (index: number) => T;

  /**
   * The list of `length` items, item k being `make(k)`.
   *
   * @param length - How many items.
   * @param make - Makes item k, 0 ≤ k < length.
   */
  constructor(length: number, make: (index: number) => T) {
    this.length = length;
    this.make = make;
  }

  /**
   * Item `index` (negative counts from the end), made now.
   *
   * @param index - The item's position.
   * @returns The item, or undefined outside the list.
   */
  at(index: number): T | undefined {
    const k = index < 0 ? index + this.length : index;
    if (!Number.isInteger(k) || k < 0 || k >= this.length) return undefined;
    return this.make(k);
  }

  /**
   * Every item, in order, made now.
   *
   * @returns A new array of the items.
   */
  toArray(): T[] {
    return Array.from({ length: this.length }, (_, k) => this.make(k));
  }

  /**
   * Items `start` to `end - 1` (as `Array.prototype.slice` takes them: negative counts from the end, bounds
   * clamped to the list), made now.
   *
   * @param start - The first item's position; default 0.
   * @param end - The position after the last item; default the length.
   * @returns A new array of the items.
   */
  slice(start = 0, end: number = this.length): T[] {
    const from = Math.max(0, start < 0 ? start + this.length : Math.min(start, this.length));
    const to = Math.max(from, end < 0 ? end + this.length : Math.min(end, this.length));
    return Array.from({ length: to - from }, (_, k) => this.make(from + k));
  }

  /** The items in order, each made when reached. */
  *[Symbol.iterator](): Iterator<T> {
    for (let k = 0; k < this.length; k++) yield this.make(k);
  }

  /**
   * `index`, checked to be a position in the list.
   *
   * @throws {RangeError} outside the list.
   */
  protected checked(index: number): number {
    if (!Number.isInteger(index) || index < 0 || index >= this.length)
      throw new RangeError(`${index} is outside the list of ${this.length}`);
    return index;
  }
}
