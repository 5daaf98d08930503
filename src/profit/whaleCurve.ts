import { argsortDescending } from "./argsortDescending.js";

/** A point of the whale curve. */
export interface WhalePoint {
  /** Customers ranked so far ÷ all customers. */
  customerShare: number;
  /** Their cumulative profit, minor units. */
  cumulativeProfitMinor: number;
  /** Cumulative profit ÷ total profit; `undefined` when the total is not positive. */
  profitShare?: number | undefined;
}

/** The whale curve of a portfolio. */
export interface WhaleCurve {
  /** The total profit, minor units. */
  totalProfitMinor: number;
  /** Sampled points from (0, 0) to (1, total), with the peak among them. */
  points: WhalePoint[];
  /** The peak: the most profitable customers' share and their cumulative profit (often far above 100 %). */
  peak: WhalePoint & { customers: number };
}

/**
 * Whale-curve data: customers ranked by profit (largest first), cumulative profit against the share of
 * customers. Profits already in descending order (the `values` of {@link abcTable} ranking profit) are not
 * ranked again. The curve rises above the total while profitable customers are added and falls back to it as the
 * unprofitable ones come in; its peak says how much the profitable customers earn before the others eat into it.
 *
 * @param profits - Each customer's profit, minor units (any order).
 * @param maxPoints - How many points to sample for a chart, ends and peak included; default 201.
 * @returns The total, the sampled points and the peak.
 *
 * @example
 * ```ts
 * const curve = whaleCurve([50, -20, 100, -30]);
 * curve.peak; // => { customers: 2, customerShare: 0.5, cumulativeProfitMinor: 150, profitShare: 1.5 }
 * curve.points.map((p) => p.cumulativeProfitMinor); // => [0, 100, 150, 130, 100]
 * ```
 */
export function whaleCurve(profits: ArrayLike<number>, maxPoints = 201): WhaleCurve {
  const values = profits instanceof Float64Array ? profits : Float64Array.from(profits);
  const n = values.length;
  let descending = true;
  for (let i = 1; i < n && descending; i++)
    if ((values[i] as number) > (values[i - 1] as number)) descending = false;
  let ranked = values;
  if (!descending) {
    ranked = new Float64Array(n);
    argsortDescending(values, ranked);
  }
  let total = 0;
  for (let i = 0; i < n; i++) total += values[i] as number;
  const point = (count: number, cumulative: number): WhalePoint => ({
    customerShare: n === 0 ? 0 : count / n,
    cumulativeProfitMinor: cumulative,
    profitShare: total > 0 ? cumulative / total : undefined,
  });
  const step = Math.max(1, Math.ceil(n / Math.max(1, maxPoints - 2)));
  const points: WhalePoint[] = [point(0, 0)];
  let cumulative = 0;
  let peakCount = 0;
  let peakValue = 0;
  let untilPoint = step; // a countdown rather than a remainder per customer
  for (let i = 0; i < n; i++) {
    cumulative += ranked[i] as number;
    if (cumulative > peakValue) {
      peakValue = cumulative;
      peakCount = i + 1;
    }
    if (--untilPoint === 0 || i + 1 === n) {
      points.push(point(i + 1, cumulative));
      untilPoint = step;
    }
  }
  if (
    peakCount > 0 &&
    !points.some((p) => p.cumulativeProfitMinor === peakValue && p.customerShare === peakCount / n)
  ) {
    points.push(point(peakCount, peakValue));
    points.sort((x, y) => x.customerShare - y.customerShare);
  }
  return { totalProfitMinor: total, points, peak: { customers: peakCount, ...point(peakCount, peakValue) } };
}
