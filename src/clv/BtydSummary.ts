/**
 * One customer's (or one group of identical customers') BTYD summary, in one time unit: `frequency` x is the
 * number of repeat purchases, `recency` t_x the time of the last purchase and `T` the time since the first
 * purchase (both measured from the first purchase). For the discrete-time BG/BB model, `recency` is the
 * opportunity of the last purchase and `T` the number of opportunities n. `weight` says how many customers share
 * the summary (default 1).
 *
 * @example
 * ```ts
 * const customer: BtydSummary = { frequency: 2, recency: 30.43, T: 38.86 }; // weeks, CDNOW customer 1
 * ```
 */
export interface BtydSummary {
  /** x: repeat purchases (≥ 0; a whole number for every model but Gamma-Gamma's count). */
  frequency: number;
  /** t_x: time (or opportunity) of the last purchase; 0 when x = 0; at most `T`. */
  recency: number;
  /** T: time since the first purchase (BG/BB: the number of opportunities n). */
  T: number;
  /** How many customers have this summary (default 1). */
  weight?: number | undefined;
}

/**
 * Summaries in columns, identical summaries grouped into one weighted row and rows sorted by frequency, as
 * {@link groupSummaries} makes them: the input of every BTYD fit.
 *
 * @example
 * ```ts
 * const data: WeightedSummaries = groupSummaries([{ frequency: 0, recency: 0, T: 30 }]);
 * // => { frequency: [0], recency: [0], T: [30], weight: [1], customers: 1 }
 * ```
 */
export interface WeightedSummaries {
  /** x per row. */
  frequency: number[];
  /** t_x per row. */
  recency: number[];
  /** T per row. */
  T: number[];
  /** Customers per row. */
  weight: number[];
  /** The sum of the weights: the number of customers. */
  customers: number;
}
