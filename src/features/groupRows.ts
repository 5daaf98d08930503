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
  orderId: (string | undefined)[] | undefined;
  product: (string | undefined)[] | undefined;
  category: (string | undefined)[] | undefined;
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
  column: Int32Array | Float64Array | Uint16Array,
  from: number,
  n: number,
  scratch: Scratch,
) {
  const { order, numbers } = scratch;
  for (let i = 0; i < n; i++) numbers[i] = column[from + (order[i] ?? 0)] ?? 0;
  for (let i = 0; i < n; i++) column[from + i] = numbers[i] ?? 0;
}

function reorderTexts(column: (string | undefined)[], from: number, n: number, order: Int32Array): void {
  const values = column.slice(from, from + n);
  for (let i = 0; i < n; i++) column[from + i] = values[order[i] ?? 0];
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
  if (rows.orderId) reorderTexts(rows.orderId, from, n, order);
  if (rows.product) reorderTexts(rows.product, from, n, order);
  if (rows.category) reorderTexts(rows.category, from, n, order);
}

/**
 * Groups the lines by customer with a stable counting sort, the customers in the order of `rank` (customer index
 * → rank), then sorts each customer's lines by key. Lines of a chronological log need no second sort. Internal
 * to features.
 */
export function groupRows(rows: TransactionRows, customers: number, rank: Int32Array): GroupedRows {
  const n = rows.length;
  const start = new Int32Array(customers + 1);
  const customer = rows.customer;
  for (let i = 0; i < n; i++) {
    const c = (rank[customer[i] ?? 0] ?? 0) + 1;
    start[c] = (start[c] ?? 0) + 1;
  }
  for (let c = 1; c <= customers; c++) start[c] = (start[c] ?? 0) + (start[c - 1] ?? 0);
  const next = start.slice(0, customers);
  const key = new Int32Array(n);
  const amount = rows.amount instanceof Int32Array ? new Int32Array(n) : new Float64Array(n);
  const fromKey = rows.key;
  const fromAmount = rows.amount;
  // One scatter pass; the rarer columns need the positions again, so they are kept only when such a column exists.
  const keepPositions = rows.currency || rows.cost || rows.orderId || rows.product || rows.category;
  const position = keepPositions ? new Int32Array(n) : undefined;
  for (let i = 0; i < n; i++) {
    const c = rank[customer[i] ?? 0] ?? 0;
    const p = next[c] ?? 0;
    next[c] = p + 1;
    key[p] = fromKey[i] ?? 0;
    amount[p] = fromAmount[i] ?? 0;
    if (position) position[i] = p;
  }
  let currency: Uint16Array | undefined;
  if (rows.currency && position) {
    currency = new Uint16Array(n);
    for (let i = 0; i < n; i++) currency[position[i] ?? 0] = rows.currency[i] ?? 0;
  }
  let cost: Float64Array | undefined;
  if (rows.cost && position) {
    cost = new Float64Array(n);
    for (let i = 0; i < n; i++) cost[position[i] ?? 0] = rows.cost[i] ?? Number.NaN;
  }
  const text = (values: (string | undefined)[] | undefined): (string | undefined)[] | undefined => {
    if (!values || !position) return undefined;
    const out = new Array<string | undefined>(n).fill(undefined);
    for (let i = 0; i < values.length; i++) out[position[i] ?? 0] = values[i];
    return out;
  };
  const grouped: GroupedRows = {
    start,
    key,
    amount,
    currency,
    cost,
    orderId: text(rows.orderId),
    product: text(rows.product),
    category: text(rows.category),
  };
  const scratch: Scratch = {
    order: new Int32Array(INSERTION_LIMIT),
    numbers: new Float64Array(INSERTION_LIMIT),
  };
  for (let c = 0; c < customers; c++) sortSegment(grouped, start[c] ?? 0, start[c + 1] ?? 0, scratch);
  return grouped;
}
