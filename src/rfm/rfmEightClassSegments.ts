import type { SegmentMapDefinition } from "./segmentMapSchema.js";

/**
 * The 8-class RFM model widely used by Chinese companies and CRMs (RFM 八类客户): recency, frequency and monetary
 * value are each high (高, score 2) or low (低, score 1) against the portfolio's mean (its `method`; give
 * `method: "median"` to split at the median instead), and the 2 × 2 × 2 combinations are the eight classes.
 * High recency means bought recently: fewer days since the last sale than the mean. A value exactly at the mean is
 * low on every measure (high means strictly better than the mean). 重要 (important) is M high, 一般 (general) M low;
 * 价值 (value) is R and F high, 发展 (develop) R high and F low, 保持 (retain) R low and F high, 挽留 (win back)
 * R and F low:
 *
 * | code | R | F | M | zh-CN |
 * |---|---|---|---|---|
 * | important-value | 高 | 高 | 高 | 重要价值客户 |
 * | important-develop | 高 | 低 | 高 | 重要发展客户 |
 * | important-retain | 低 | 高 | 高 | 重要保持客户 |
 * | important-win-back | 低 | 低 | 高 | 重要挽留客户 |
 * | general-value | 高 | 高 | 低 | 一般价值客户 |
 * | general-develop | 高 | 低 | 低 | 一般发展客户 |
 * | general-retain | 低 | 高 | 低 | 一般保持客户 |
 * | general-win-back | 低 | 低 | 低 | 一般挽留客户 |
 *
 * Every one of the 8 cells is covered exactly once. Labels per locale are in {@link SEGMENT_LABELS}.
 *
 * @example
 * ```ts
 * const map = defineSegmentMap(RFM_EIGHT_CLASS_SEGMENTS);
 * map.uncovered; // => []
 * segmentOf(map, 2, 1, 2); // => "important-develop"
 * ```
 */
export const RFM_EIGHT_CLASS_SEGMENTS: SegmentMapDefinition = {
  name: "eight-class",
  bins: 2,
  method: "mean",
  rules: [
    { segment: "important-value", r: [2, 2], f: [2, 2], m: [2, 2] },
    { segment: "important-develop", r: [2, 2], f: [1, 1], m: [2, 2] },
    { segment: "important-retain", r: [1, 1], f: [2, 2], m: [2, 2] },
    { segment: "important-win-back", r: [1, 1], f: [1, 1], m: [2, 2] },
    { segment: "general-value", r: [2, 2], f: [2, 2], m: [1, 1] },
    { segment: "general-develop", r: [2, 2], f: [1, 1], m: [1, 1] },
    { segment: "general-retain", r: [1, 1], f: [2, 2], m: [1, 1] },
    { segment: "general-win-back", r: [1, 1], f: [1, 1], m: [1, 1] },
  ],
};
