import type { SegmentMapDefinition } from "./segmentMapSchema.js";

/**
 * The default segment map: the widely used R×FM grid on 5 scores, with FM = round((F + M) / 2). Rows are R
 * (5 = bought most recently), columns FM:
 *
 * | R \ FM | 1 | 2 | 3 | 4 | 5 |
 * |---|---|---|---|---|---|
 * | 5 | recent | potential-loyalist | potential-loyalist | champions | champions |
 * | 4 | promising | potential-loyalist | loyal | champions | champions |
 * | 3 | about-to-sleep | about-to-sleep | need-attention | loyal | loyal |
 * | 2 | hibernating | hibernating | at-risk | at-risk | cant-lose |
 * | 1 | lost | lost | at-risk | cant-lose | cant-lose |
 *
 * Every one of the 125 cells is covered exactly once ({@link defineSegmentMap} finds no gap and no overlap).
 *
 * @example
 * ```ts
 * defineSegmentMap(GRID_SEGMENTS).uncovered; // => []
 * ```
 */
export const GRID_SEGMENTS: SegmentMapDefinition = {
  name: "grid",
  bins: 5,
  rules: [
    { segment: "champions", r: [4, 5], fm: [4, 5] },
    { segment: "loyal", r: [3, 3], fm: [4, 5] },
    { segment: "loyal", r: [4, 4], fm: [3, 3] },
    { segment: "potential-loyalist", r: [5, 5], fm: [2, 3] },
    { segment: "potential-loyalist", r: [4, 4], fm: [2, 2] },
    { segment: "recent", r: [5, 5], fm: [1, 1] },
    { segment: "promising", r: [4, 4], fm: [1, 1] },
    { segment: "need-attention", r: [3, 3], fm: [3, 3] },
    { segment: "about-to-sleep", r: [3, 3], fm: [1, 2] },
    { segment: "at-risk", r: [2, 2], fm: [3, 4] },
    { segment: "at-risk", r: [1, 1], fm: [3, 3] },
    { segment: "cant-lose", r: [2, 2], fm: [5, 5] },
    { segment: "cant-lose", r: [1, 1], fm: [4, 5] },
    { segment: "hibernating", r: [2, 2], fm: [1, 2] },
    { segment: "lost", r: [1, 1], fm: [1, 2] },
  ],
};
