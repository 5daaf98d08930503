import { describe, expect, it } from "vitest";
import { formatDay, parseDay } from "../../src/index.js";

describe("parseDay", () => {
  it("reads every supported form of the same day", () => {
    const expected = Date.UTC(2024, 2, 5) / 86_400_000;
    expect(parseDay("2024-03-05")).toBe(expected);
    expect(parseDay("2024-03-05 14:30:00")).toBe(expected);
    expect(parseDay("2024-03-05T14:30:00Z")).toBe(expected);
    expect(parseDay("20240305")).toBe(expected);
    expect(parseDay("2024/3/5")).toBe(expected);
    expect(parseDay("2024年3月5日")).toBe(expected);
    expect(parseDay(new Date(Date.UTC(2024, 2, 5, 23, 59)))).toBe(expected);
    expect(parseDay(Date.UTC(2024, 2, 5, 12))).toBe(expected);
    expect(parseDay("05/03/2024", "DD/MM/YYYY")).toBe(expected);
    expect(parseDay("03/05/2024", "MM/DD/YYYY")).toBe(expected);
    expect(parseDay("05.03.2024", "DD.MM.YYYY")).toBe(expected);
  });

  it("moves a zoned time to its UTC day", () => {
    expect(formatDay(parseDay("2024-03-05T07:00:00+08:00") ?? Number.NaN)).toBe("2024-03-04");
    expect(formatDay(parseDay("2024-03-05T20:00:00-05:00") ?? Number.NaN)).toBe("2024-03-06");
  });

  it("rejects impossible and ambiguous dates instead of rolling them over", () => {
    expect(parseDay("2023-02-29")).toBeUndefined();
    expect(parseDay("2024-13-01")).toBeUndefined();
    expect(parseDay("20240230")).toBeUndefined();
    expect(parseDay("05/03/2024")).toBeUndefined();
    expect(parseDay("")).toBeUndefined();
    expect(parseDay("2024-03-05x")).toBeUndefined();
    expect(parseDay("2024-0a-05")).toBeUndefined();
    expect(parseDay("2024-03-3/")).toBeUndefined();
    expect(parseDay("２０２４-03-05")).toBeUndefined();
    expect(parseDay(Number.NaN)).toBeUndefined();
    expect(parseDay("2024-03-05", "YYYYMMDD")).toBeUndefined();
  });

  it("round-trips every day from 1900 to 2100 through formatDay", () => {
    for (let day = Date.UTC(1900, 0, 1) / 86_400_000; day <= Date.UTC(2100, 11, 31) / 86_400_000; day++) {
      const text = formatDay(day);
      expect(text).toBe(new Date(day * 86_400_000).toISOString().slice(0, 10));
      expect(parseDay(text)).toBe(day);
    }
  });
});
