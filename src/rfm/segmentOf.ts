import type { SegmentMap } from "./defineSegmentMap.js";

/**
 * The segment of a customer's scores under a checked map (first matching rule, else the fallback).
 *
 * @param map - A map from {@link defineSegmentMap}.
 * @param r - Recency score 1..k.
 * @param f - Frequency score 1..k.
 * @param m - Monetary score 1..k.
 * @returns The segment's code.
 *
 * @example
 * ```ts
 * segmentOf(defineSegmentMap(GRID_SEGMENTS), 5, 5, 5); // => "champions"
 * segmentOf(defineSegmentMap(GRID_SEGMENTS), 1, 1, 2); // => "lost"
 * ```
 */
export function segmentOf(map: SegmentMap, r: number, f: number, m: number): string {
  const k = map.bins;
  return map.segments[map.lookup[(r - 1) * k * k + (f - 1) * k + (m - 1)] as number] as string;
}
