import { describe, expect, it } from "vitest";
import {
  defineSegmentMap,
  GRID_SEGMENTS,
  RFM_EIGHT_CLASS_SEGMENTS,
  RFM_PACKAGE_SEGMENTS,
  SEGMENT_LABELS,
} from "../../src/index.js";

describe("SEGMENT_LABELS", () => {
  it("labels every segment of every built-in map, fallbacks included, in both locales", () => {
    const codes = [GRID_SEGMENTS, RFM_PACKAGE_SEGMENTS, RFM_EIGHT_CLASS_SEGMENTS].flatMap((definition) => {
      const map = defineSegmentMap(definition);
      return [...map.segments, map.fallback];
    });
    expect(codes).toContain("important-value");
    for (const code of codes) {
      expect(SEGMENT_LABELS.en[code], `en ${code}`).toMatch(/\S/);
      expect(SEGMENT_LABELS["zh-CN"][code], `zh-CN ${code}`).toMatch(/\S/);
    }
  });

  it("both locales label the same codes, each with its own text", () => {
    expect(Object.keys(SEGMENT_LABELS["zh-CN"]).sort()).toEqual(Object.keys(SEGMENT_LABELS.en).sort());
    for (const labels of Object.values(SEGMENT_LABELS)) {
      expect(new Set(Object.values(labels)).size).toBe(Object.keys(labels).length);
    }
  });

  it("names the eight classes as Chinese CRMs do", () => {
    const zh = SEGMENT_LABELS["zh-CN"];
    expect(defineSegmentMap(RFM_EIGHT_CLASS_SEGMENTS).segments.map((code) => zh[code])).toEqual([
      "重要价值客户",
      "重要发展客户",
      "重要保持客户",
      "重要挽留客户",
      "一般价值客户",
      "一般发展客户",
      "一般保持客户",
      "一般挽留客户",
    ]);
  });
});
