import { denseRanks } from "../math/denseRanks.js";
import type { WeightedSummaries } from "./BtydSummary.js";

/**
 * Weighted summaries prepared for likelihood passes: the columns as typed arrays, the rows of one frequency as one
 * run, and each t_x and T as an index into the distinct times, so that a term like ln(α + t) is computed once per
 * distinct time and pass rather than once per row (a calendar gives a few hundred distinct times for any number of
 * customers).
 *
 * @example
 * ```ts
 * indexSummaries(groupSummaries([{ frequency: 0, recency: 0, T: 39 }, { frequency: 1, recency: 2, T: 39 }]));
 * // => { frequencies: [0, 1], runStarts: [0, 1, 2], weight: [1, 1], times: [0, 2, 39],
 * //      recencyTime: [0, 1], endTime: [2, 2] }
 * ```
 */
export interface IndexedSummaries {
  /** The frequency x of each run (runs follow the rows' order; sorted rows give one run per distinct x). */
  frequencies: Float64Array;
  /** The rows of run k are runStarts[k] ≤ i < runStarts[k + 1]. */
  runStarts: Int32Array;
  /** Customers per row. */
  weight: Float64Array;
  /** The distinct values of t_x and T, ascending. */
  times: Float64Array;
  /** Per row: the index of t_x in `times`. */
  recencyTime: Int32Array;
  /** Per row: the index of T in `times`. */
  endTime: Int32Array;
}

/**
 * Prepares weighted summaries for the likelihood passes of the BTYD fits (see {@link IndexedSummaries}). Internal
 * to clv; linear in the rows when few times are distinct.
 *
 * @param data - Weighted summaries, as {@link groupSummaries} makes them.
 * @returns The same rows, indexed.
 *
 * @example
 * ```ts
 * const indexed = indexSummaries(groupSummaries(rows));
 * indexed.times.length; // => the number of distinct t_x and T values
 * ```
 */
export function indexSummaries(data: WeightedSummaries): IndexedSummaries {
  const n = data.frequency.length;
  const both = new Float64Array(2 * n);
  both.set(data.recency);
  both.set(data.T, n);
  const { ranks, distinct } = denseRanks(both);
  const frequencies: number[] = [];
  const runStarts: number[] = [];
  for (let i = 0; i < n; i++) {
    const x = data.frequency[i] as number;
    if (i === 0 || x !== data.frequency[i - 1]) {
      frequencies.push(x);
      runStarts.push(i);
    }
  }
  runStarts.push(n);
  return {
    frequencies: Float64Array.from(frequencies),
    runStarts: Int32Array.from(runStarts),
    weight: new Float64Array(data.weight),
    times: distinct,
    recencyTime: ranks.subarray(0, n),
    endTime: ranks.subarray(n),
  };
}
