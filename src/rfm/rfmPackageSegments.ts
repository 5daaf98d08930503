import type { SegmentMapDefinition } from "./segmentMapSchema.js";

/**
 * R rfm's segment rules (the `rfm_segment` documentation's example, in its order; the first matching rule wins,
 * unmatched customers are "others"). The rules overlap and leave cells uncovered — {@link defineSegmentMap}
 * lists them — so use it to reproduce R rfm, not as a complete map.
 *
 * @example
 * ```ts
 * defineSegmentMap(RFM_PACKAGE_SEGMENTS).segments.at(-1); // => "others"
 * ```
 */
export const RFM_PACKAGE_SEGMENTS: SegmentMapDefinition = {
  name: "rfm-package",
  bins: 5,
  rules: [
    { segment: "champions", r: [5, 5], f: [5, 5], m: [5, 5] },
    { segment: "potential-loyalist", r: [3, 5], f: [3, 5], m: [2, 5] },
    { segment: "loyal", r: [2, 4], f: [2, 4], m: [2, 4] },
    { segment: "promising", r: [3, 4], f: [1, 3], m: [3, 5] },
    { segment: "new", r: [4, 5], f: [1, 3], m: [1, 5] },
    { segment: "cant-lose", r: [1, 2], f: [3, 4], m: [4, 5] },
    { segment: "at-risk", r: [1, 2], f: [2, 5], m: [4, 5] },
    { segment: "need-attention", r: [1, 3], f: [3, 5], m: [3, 5] },
    { segment: "about-to-sleep", r: [2, 3], f: [1, 3], m: [1, 4] },
    { segment: "lost", r: [1, 1], f: [1, 5], m: [1, 5] },
  ],
  fallback: "others",
};
