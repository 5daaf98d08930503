import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { type ScoreBreaks, scoreValue } from "../../src/index.js";
import { escapeHtml } from "../../src/report/escapeHtml.js";
import { reportFormatter } from "../../src/report/reportFormatter.js";
import { scoreRangeText } from "../../src/report/scoreRangeText.js";

/** Whether `x` satisfies an inequality written by scoreRangeText with `String` as the format. */
function holds(text: string, x: number): boolean {
  const compare = (a: number, op: string, b: number): boolean =>
    op === "<" ? a < b : op === "≤" ? a <= b : op === ">" ? a > b : a >= b;
  const between = /^(-?[\d.]+) ([<≤]) x ([<≤]) (-?[\d.]+)$/.exec(text);
  if (between !== null) {
    const [, low, first, second, high] = between as unknown as [string, string, string, string, string];
    return compare(Number(low), first, x) && compare(x, second, Number(high));
  }
  const bound = /^x ([<≤>≥]) (-?[\d.]+)$/.exec(text);
  if (bound === null) throw new Error(`not an inequality: ${text}`);
  return compare(x, bound[1] as string, Number(bound[2]));
}

describe("scoreRangeText", () => {
  const recency: ScoreBreaks = {
    method: "quantile",
    closed: "right",
    breaks: [9, 30, 81, 200],
    reversed: true,
  };

  it("writes the values of each score, the highest recency score the fewest days", () => {
    expect([5, 4, 3, 2, 1].map((score) => scoreRangeText(recency, score, String))).toEqual([
      "x ≤ 9",
      "9 < x ≤ 30",
      "30 < x ≤ 81",
      "81 < x ≤ 200",
      "x > 200",
    ]);
  });

  it("swaps the strict side for left-closed breaks and formats the break points", () => {
    const monetary: ScoreBreaks = {
      method: "rfm-package",
      closed: "left",
      breaks: [101, 501],
      reversed: false,
    };
    const format = (minor: number): string => `$${minor / 100}`;
    expect([1, 2, 3].map((score) => scoreRangeText(monetary, score, format))).toEqual([
      "x < $1.01",
      "$1.01 ≤ x < $5.01",
      "x ≥ $5.01",
    ]);
  });

  it("has nothing to say without break points", () => {
    expect(scoreRangeText({ ...recency, breaks: [] }, 1, String)).toBe("—");
  });

  test.prop([
    fc.array(fc.integer({ min: -50, max: 50 }), { minLength: 1, maxLength: 6 }),
    fc.constantFrom<"left" | "right">("left", "right"),
    fc.boolean(),
    fc.integer({ min: -60, max: 60 }),
  ])("a value satisfies the range of the score it gets", (points, closed, reversed, value) => {
    const scoring: ScoreBreaks = { method: "fixed", closed, breaks: points.sort((a, b) => a - b), reversed };
    expect(holds(scoreRangeText(scoring, scoreValue(value, scoring), String), value)).toBe(true);
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that matter in text and attributes", () => {
    expect(escapeHtml(`<a href="x">Tom & 'Jerry'</a>`)).toBe(
      "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;",
    );
    expect(escapeHtml("客户 A-1")).toBe("客户 A-1");
  });

  test.prop([fc.string({ unit: "binary" })])(
    "leaves no markup character and decodes back to the text",
    (text) => {
      const escaped = escapeHtml(text);
      expect(escaped).not.toMatch(/[<>"']/);
      const decoded = escaped.replace(/&(lt|gt|quot|#39|amp);/g, (_, name: string) =>
        name === "lt" ? "<" : name === "gt" ? ">" : name === "quot" ? '"' : name === "#39" ? "'" : "&",
      );
      expect(decoded).toBe(text);
    },
  );
});

describe("reportFormatter", () => {
  it("writes money in the currency's decimals, for the locale", () => {
    expect(reportFormatter("en", "USD").money(123456)).toBe("$1,234.56");
    expect(reportFormatter("en", "JPY").money(1500)).toBe("¥1,500");
    expect(reportFormatter("zh-CN", "CNY").money(-5)).toBe("-¥0.05");
    expect(reportFormatter("en", "CNY").money(100)).toBe("CN¥1.00");
  });

  it("writes days in words, in UTC", () => {
    expect(reportFormatter("en", "USD").day("2024-02-29")).toBe("February 29, 2024");
    expect(reportFormatter("zh-CN", "CNY").day("2024-01-01")).toBe("2024年1月1日");
    expect(reportFormatter("en", "USD").day("2024-02-30")).toBe("2024-02-30");
  });

  it("writes counts, numbers and shares, and a dash for what is absent", () => {
    const format = reportFormatter("en", "USD");
    expect(format.count(1234567)).toBe("1,234,567");
    expect(format.number(3.75)).toBe("3.8");
    expect(format.number(0.3149, 2)).toBe("0.31");
    expect(format.percent(0.6172835)).toBe("61.7%");
    expect([
      format.count(undefined),
      format.number(undefined),
      format.percent(undefined),
      format.money(undefined),
    ]).toEqual(["—", "—", "—", "—"]);
  });
});
