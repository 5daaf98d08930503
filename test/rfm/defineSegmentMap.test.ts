import { describe, expect, it } from "vitest";
import {
  defineSegmentMap,
  GRID_SEGMENTS,
  KeyAccountError,
  RFM_PACKAGE_SEGMENTS,
  segmentOf,
} from "../../src/index.js";

describe("defineSegmentMap", () => {
  it("the default R×FM grid covers all 125 cells exactly once with the 11 segments", () => {
    const map = defineSegmentMap(GRID_SEGMENTS, { strict: true });
    expect(map.uncovered).toEqual([]);
    expect(map.overlaps).toEqual([]);
    expect(map.segments).toHaveLength(11);
    // FM = round((F + M) / 2), halves up: F 4, M 5 → 5; F 3, M 4 → 4; F 1, M 2 → 2.
    expect(segmentOf(map, 5, 4, 5)).toBe("champions");
    expect(segmentOf(map, 2, 3, 4)).toBe("at-risk");
    expect(segmentOf(map, 1, 1, 2)).toBe("lost");
    expect(segmentOf(map, 1, 5, 4)).toBe("cant-lose");
    expect(segmentOf(map, 5, 1, 1)).toBe("recent");
    expect(segmentOf(map, 3, 2, 2)).toBe("about-to-sleep");
    expect(segmentOf(map, 3, 2, 3)).toBe("need-attention"); // FM = round(2.5) = 3
  });

  it("R rfm's rules: first match wins, gaps fall into others, both reported", () => {
    const map = defineSegmentMap(RFM_PACKAGE_SEGMENTS);
    // 211: only about-to-sleep (r 2–3, f 1–3, m 1–4) matches.
    expect(segmentOf(map, 2, 1, 1)).toBe("about-to-sleep");
    // 215: about-to-sleep stops at m 4, at-risk starts at f 2, lost needs r 1 → nobody: others.
    expect(map.uncovered).toContain("215");
    expect(segmentOf(map, 2, 1, 5)).toBe("others");
    // 155: at-risk (6), need-attention (7) and lost (9) all match; at-risk wins.
    expect(map.overlaps.find((overlap) => overlap.cell === "155")).toEqual({
      cell: "155",
      rules: [6, 7, 9],
      segments: ["at-risk", "need-attention", "lost"],
    });
    expect(segmentOf(map, 1, 5, 5)).toBe("at-risk");
    expect(() => defineSegmentMap(RFM_PACKAGE_SEGMENTS, { strict: true })).toThrow(KeyAccountError);
  });

  it("strict mode lists every gap and every overlap of different segments", () => {
    const definition = {
      name: "bad",
      bins: 2,
      rules: [
        { segment: "a", r: [2, 2] },
        { segment: "a", r: [2, 2], f: [1, 1] }, // same segment: not a conflict
        { segment: "b", r: [1, 1], f: [2, 2], m: [2, 2] },
        { segment: "c", f: [2, 2], m: [2, 2] },
      ],
    };
    const map = defineSegmentMap(definition);
    expect(map.uncovered).toEqual(["111", "112", "121"]);
    expect(map.overlaps.map((overlap) => overlap.cell)).toEqual(["122", "211", "212", "222"]);
    try {
      defineSegmentMap(definition, { strict: true });
      expect.unreachable();
    } catch (error) {
      const issues = (error as KeyAccountError).issues;
      expect(issues.filter((issue) => issue.code === "segment.uncovered")).toHaveLength(3);
      // 122: b and c; 222: a and c. 211 and 212 are claimed twice by "a" only.
      expect(issues.filter((issue) => issue.code === "segment.overlap").map((i) => i.params?.cell)).toEqual([
        "122",
        "222",
      ]);
    }
  });

  it("rejects malformed maps with every problem at once", () => {
    try {
      defineSegmentMap({ name: "x", bins: 3, rules: [{ segment: "a", r: [3, 1], f: [1, 4] }], extra: true });
      expect.unreachable();
    } catch (error) {
      expect((error as KeyAccountError).issues.map((issue) => issue.code)).toEqual(["field.unknown"]);
    }
    try {
      defineSegmentMap({ name: "x", bins: 3, rules: [{ segment: "a", r: [3, 1], f: [1, 4] }] });
      expect.unreachable();
    } catch (error) {
      expect((error as KeyAccountError).issues.map((issue) => issue.path.join("."))).toEqual([
        "segments.rules.0.r",
        "segments.rules.0.f",
      ]);
    }
  });
});
