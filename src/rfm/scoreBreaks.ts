import { ckmeans } from "simple-statistics";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { quantilesType7 } from "./quantilesType7.js";
import type { ScoreBreaks, ScoreMethod } from "./ScoreMethod.js";

// The arithmetic mean. The sum of whole numbers (days, orders, minor units) is exact below 2^53, so the mean is
// the exact quotient rounded once, and a value equal to the true mean equals it.
function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i] as number;
  return sum / values.length;
}

/** Options of {@link scoreBreaks}. */
export interface ScoreBreakOptions {
  /**
   * The number of scores k, a whole number 2..9 (one digit per score in the RFM code); default 5, and 2 for
   * `mean` and `median`, which allow only 2.
   */
  bins?: number | undefined;
  /** How to find the break points; default `"quantile"`. See {@link ScoreBreaks}. */
  method?: ScoreMethod | undefined;
  /** For `fixed`: the k − 1 break points, finite and strictly increasing. */
  breaks?: readonly number[] | undefined;
  /** For `fixed`: which side of an interval is closed; default `"right"` (a value equal to b[j] scores j). */
  closed?: "left" | "right" | undefined;
  /** Low values get high scores (recency); default false. */
  reversed?: boolean | undefined;
  /** For `rfm-package`: what R rfm adds to each quantile (one unit of the values); default 1. */
  shift?: number | undefined;
}

/**
 * Finds the break points that cut values into scores 1..k (quantile type 7, R rfm's rule, equal-count n-tiles,
 * natural breaks, fixed points, or high/low at the mean or median; see {@link ScoreBreaks}). Score a value with
 * {@link scoreValue}.
 *
 * @param values - The raw values of all customers (finite numbers; order does not matter).
 * @param options - The number of scores, the method and its parameters; see {@link ScoreBreakOptions}.
 * @returns The break points with their rule. Without values the break points are all 0.
 * @throws {KeyAccountError} listing every bad option at once (`option.invalid`): bins outside 2..9 (or other
 * than 2 for `mean` and `median`), fixed break points missing, of the wrong count, not finite or not strictly
 * increasing, a shift that is not finite.
 *
 * @example
 * ```ts
 * scoreBreaks([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], { bins: 4 }).breaks; // => [3.25, 5.5, 7.75]
 * scoreBreaks([1, 1, 1, 2, 3, 4], { bins: 3, method: "ntile" }).breaks; // => [1, 2]
 * scoreBreaks([3, 10, 200], { method: "mean", reversed: true }); // => { method: "mean", closed: "left", breaks: [71], reversed: true }
 * scoreBreaks([], { bins: 2, method: "fixed", breaks: [10] }); // => { method: "fixed", closed: "right", breaks: [10], reversed: false }
 * ```
 */
export function scoreBreaks(values: ArrayLike<number>, options: ScoreBreakOptions = {}): ScoreBreaks {
  const method = options.method ?? "quantile";
  const highLow = method === "mean" || method === "median";
  const bins = options.bins ?? (highLow ? 2 : 5);
  const reversed = options.reversed ?? false;
  const issues: Issue[] = [];
  const invalid = (field: string, reason: string) =>
    issues.push(makeIssue("option.invalid", [field], { field, reason }));
  if (!Number.isInteger(bins) || bins < 2 || bins > 9)
    invalid("bins", `expected a whole number 2..9, got ${bins}`);
  else if (highLow && bins !== 2)
    invalid("bins", `the ${method} method splits values into 2 scores (high and low), got ${bins}`);
  if (method === "fixed") {
    const given = options.breaks;
    if (given === undefined) invalid("breaks", "the fixed method needs break points");
    else {
      if (Number.isInteger(bins) && given.length !== bins - 1)
        invalid("breaks", `expected ${bins - 1} break points for ${bins} scores, got ${given.length}`);
      if (!given.every(Number.isFinite)) invalid("breaks", "every break point must be a finite number");
      else if (given.some((b, i) => i > 0 && b <= (given[i - 1] as number)))
        invalid("breaks", `break points must be strictly increasing, got ${given.join(", ")}`);
    }
  }
  const shift = options.shift ?? 1;
  if (!Number.isFinite(shift)) invalid("shift", "must be a finite number");
  if (issues.length > 0) throw new KeyAccountError(issues);
  if (method === "fixed") {
    return { method, closed: options.closed ?? "right", breaks: [...(options.breaks as number[])], reversed };
  }
  const n = values.length;
  // High/low: a value at the split point is low on every measure, so the reversed recency is left-closed.
  const closed = method === "rfm-package" || (highLow && reversed) ? "left" : "right";
  if (n === 0) return { method, closed, breaks: new Array<number>(bins - 1).fill(0), reversed };
  if (method === "mean") return { method, closed, breaks: [mean(values)], reversed };
  if (method === "median") return { method, closed, breaks: quantilesType7(values, 2), reversed };
  if (method === "quantile" || method === "rfm-package") {
    const add = method === "rfm-package" ? shift : 0;
    return {
      method,
      closed,
      breaks: quantilesType7(values, bins).map((q) => q + add),
      reversed,
    };
  }
  const sorted = Float64Array.from(values).sort();
  const breaks: number[] = [];
  if (method === "ntile") {
    // Walk the groups of equal values: a group starting at sorted index s gets tile ⌊k·s/n⌋ + 1; b[j] is the
    // value of the last group whose tile is ≤ j.
    let tile = 1;
    let last = sorted[0] as number;
    let start = 0;
    while (start < n) {
      const value = sorted[start] as number;
      const groupTile = Math.floor((bins * start) / n) + 1;
      while (tile < groupTile && breaks.length < bins - 1) {
        breaks.push(last);
        tile++;
      }
      last = value;
      while (start < n && sorted[start] === value) start++;
    }
    while (breaks.length < bins - 1) breaks.push(last);
  } else {
    let unique = 1;
    for (let i = 1; i < n; i++) if (sorted[i] !== sorted[i - 1]) unique++;
    const clusters = ckmeans(Array.from(sorted), Math.min(bins, unique));
    for (let j = 0; j < bins - 1; j++) {
      const cluster = clusters[Math.min(j, clusters.length - 1)] as number[];
      breaks.push(
        j < clusters.length - 1 ? (cluster[cluster.length - 1] as number) : (sorted[n - 1] as number),
      );
    }
  }
  return { method, closed, breaks, reversed };
}
