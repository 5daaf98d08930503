import type { PackedTexts } from "../model/PackedTexts.js";
import type { TransactionRows } from "./TransactionRows.js";

/** Transaction lines reordered so that each customer's lines are contiguous and sorted by key (day, kind). */
export interface GroupedRows {
  /** The lines of the customer of rank r are rows `start[r]` to `start[r + 1] - 1`. */
  start: Int32Array;
  key: Int32Array;
  amount: Int32Array | Float64Array;
  /** Undefined when every line has currency 0. */
  currency: Uint16Array | undefined;
  cost: Float64Array | undefined;
  orderId: PackedTexts | undefined;
  /** Product codes (−1 for none). */
  product: Int32Array | undefined;
  /** Category codes (−1 for none). */
  category: Int32Array | undefined;
}

/** Offset that makes keys (day·2 + sale flag, years 0..9999) positive when packing them for a sort. */
const KEY_OFFSET = 2 ** 21;
/** Room for a position below the key in a packed number (below 2^53 for every key). */
const POSITION_SPACE = 2 ** 29;
/** Segments up to this length are sorted by insertion, longer ones by a typed-array sort of packed numbers. */
const INSERTION_LIMIT = 32;

interface Scratch {
  order: Int32Array;
  numbers: Float64Array;
}

function reorderNumbers(
  column: Int32Array | Float64Array | Uint16Array | Uint8Array,
  from: number,
  n: number,
  scratch: Scratch,
) {
  const { order, numbers } = scratch;
  for (let i = 0; i < n; i++) numbers[i] = column[from + (order[i] ?? 0)] ?? 0;
  for (let i = 0; i < n; i++) column[from + i] = numbers[i] ?? 0;
}

/** Sorts rows `from` to `to - 1` of every column by key, stably (equal keys keep their order). */
function sortSegment(rows: GroupedRows, from: number, to: number, scratch: Scratch): void {
  const key = rows.key;
  let sorted = true;
  for (let i = from + 1; i < to; i++) {
    if ((key[i - 1] ?? 0) > (key[i] ?? 0)) {
      sorted = false;
      break;
    }
  }
  if (sorted) return;
  const n = to - from;
  if (scratch.order.length < n) {
    const size = Math.max(n, scratch.order.length * 2);
    scratch.order = new Int32Array(size);
    scratch.numbers = new Float64Array(size);
  }
  const order = scratch.order;
  if (n <= INSERTION_LIMIT) {
    for (let i = 0; i < n; i++) {
      const k = key[from + i] ?? 0;
      let j = i - 1;
      while (j >= 0 && (key[from + (order[j] ?? 0)] ?? 0) > k) {
        order[j + 1] = order[j] ?? 0;
        j--;
      }
      order[j + 1] = i;
    }
  } else {
    const packed = new Float64Array(n);
    for (let i = 0; i < n; i++) packed[i] = ((key[from + i] ?? 0) + KEY_OFFSET) * POSITION_SPACE + i;
    packed.sort();
    for (let i = 0; i < n; i++) order[i] = (packed[i] ?? 0) % POSITION_SPACE;
  }
  reorderNumbers(key, from, n, scratch);
  reorderNumbers(rows.amount, from, n, scratch);
  if (rows.currency) reorderNumbers(rows.currency, from, n, scratch);
  if (rows.cost) reorderNumbers(rows.cost, from, n, scratch);
  if (rows.orderId) {
    reorderNumbers(rows.orderId.start, from, n, scratch);
    reorderNumbers(rows.orderId.span, from, n, scratch);
  }
  if (rows.product) reorderNumbers(rows.product, from, n, scratch);
  if (rows.category) reorderNumbers(rows.category, from, n, scratch);
}

// Each pass over all lines or customers is a function of its own, with nothing after the loop. Such a loop runs
// once or a few times per summary, so V8 compiles it while it runs (on-stack replacement) and reuses that code at
// later summaries; code after the loop in the same function would be compiled before it had ever run, without
// type feedback, and fall back to the interpreter at every summary.

/** Adds the number of lines of each customer index to `counts`. */
function countLines(customer: Int32Array, n: number, counts: Int32Array): void {
  for (let i = 0; i < n; i++) {
    const c = customer[i] ?? 0;
    counts[c] = (counts[c] ?? 0) + 1;
  }
}

/**
 * Turns `next` from the line counts by customer index into where each customer's lines begin, the customers in
 * the order of `order`, and fills `start` with the same beginnings by rank (its last entry, the end, is set by the
 * caller).
 */
function groupStarts(order: Int32Array, start: Int32Array, next: Int32Array): void {
  let position = 0;
  for (let r = 0; r < order.length; r++) {
    const index = order[r] ?? 0;
    const count = next[index] ?? 0;
    start[r] = position;
    next[index] = position;
    position += count;
  }
}

/** Moves every line's key and amount to its group; fills `position` (line → new row) when given. */
function scatter(
  rows: TransactionRows,
  next: Int32Array,
  grouped: { key: Int32Array; amount: Int32Array | Float64Array },
  position: Int32Array | undefined,
): void {
  const { customer, key: fromKey, amount: fromAmount } = rows;
  const { key, amount } = grouped;
  for (let i = 0; i < rows.length; i++) {
    const c = customer[i] ?? 0;
    const p = next[c] ?? 0;
    next[c] = p + 1;
    key[p] = fromKey[i] ?? 0;
    amount[p] = fromAmount[i] ?? 0;
    if (position) position[i] = p;
  }
}

function scatterNumbers<T extends Int32Array | Uint16Array | Float64Array>(
  values: T,
  position: Int32Array,
  to: T,
): T {
  for (let i = 0; i < position.length; i++) to[position[i] ?? 0] = values[i] ?? 0;
  return to;
}

function sortSegments(grouped: GroupedRows, customers: number): void {
  const scratch: Scratch = {
    order: new Int32Array(INSERTION_LIMIT),
    numbers: new Float64Array(INSERTION_LIMIT),
  };
  const start = grouped.start;
  for (let c = 0; c < customers; c++) sortSegment(grouped, start[c] ?? 0, start[c + 1] ?? 0, scratch);
}

/**
 * Groups the lines by customer with a stable counting sort, the customers in the order of `order` (rank →
 * customer index), then sorts each customer's lines by key, unless the lines came in key order (a chronological
 * log): the stable grouping keeps that order. Internal to features.
 */
export function groupRows(rows: TransactionRows, order: Int32Array): GroupedRows {
  const n = rows.length;
  const customers = order.length;
  const start = new Int32Array(customers + 1);
  start[customers] = n;
  const next = new Int32Array(customers);
  countLines(rows.customer, n, next);
  groupStarts(order, start, next);
  const key = new Int32Array(n);
  const amount = rows.amount instanceof Int32Array ? new Int32Array(n) : new Float64Array(n);
  // One scatter pass; the rarer columns need the positions again, so they are kept only when such a column exists.
  const keepPositions = rows.currency || rows.cost || rows.orderId || rows.product || rows.category;
  const position = keepPositions ? new Int32Array(n) : undefined;
  scatter(rows, next, { key, amount }, position);
  const grouped: GroupedRows = {
    start,
    key,
    amount,
    currency: rows.currency && position && scatterNumbers(rows.currency, position, new Uint16Array(n)),
    cost: rows.cost && position && scatterNumbers(rows.cost, position, new Float64Array(n)),
    orderId: rows.orderId && position && rows.orderId.rearranged(position),
    product: rows.product && position && scatterNumbers(rows.product, position, new Int32Array(n)),
    category: rows.category && position && scatterNumbers(rows.category, position, new Int32Array(n)),
  };
  if (!rows.keysAscending) sortSegments(grouped, customers);
  return grouped;
}
