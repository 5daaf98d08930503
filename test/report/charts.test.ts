import { describe, expect, it } from "vitest";
import {
  alertsChart,
  KeyAccountError,
  modelCheckChart,
  portfolioCharts,
  rfmGridChart,
  tierDistributionChart,
  tierMigrationChart,
  type VegaLiteSpec,
  type VegaLiteValue,
  whaleCurve,
  whaleCurveChart,
} from "../../src/index.js";
import { REPORT } from "./fixture.js";

type Row = Record<string, VegaLiteValue>;

const SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";
const rows = (spec: VegaLiteSpec): Row[] => (spec.data as { values: Row[] }).values;
const title = (spec: VegaLiteSpec): VegaLiteValue => (spec.title as { text: VegaLiteValue }).text;
const layers = (spec: VegaLiteSpec): VegaLiteSpec[] => spec.layer as VegaLiteSpec[];
const encoding = (spec: VegaLiteSpec): Record<string, Row> => spec.encoding as Record<string, Row>;
/** Every axis and legend title anywhere in the spec. */
const titles = (value: VegaLiteValue): string[] => {
  if (Array.isArray(value)) return value.flatMap(titles);
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === "title" && typeof inner === "string" ? [inner] : titles(inner),
  );
};

describe("tierDistributionChart", () => {
  const spec = tierDistributionChart(REPORT.tiers, { currency: "CNY" });

  it("inlines one row per tier, in tier order, revenue in yuan and exact in fen", () => {
    expect(rows(spec)).toEqual([
      {
        tier: "strategic",
        accounts: 1,
        revenue: 12345.67,
        revenueMinor: 1234567,
        accountShare: 0.1,
        revenueShare: 0.6172835,
      },
      {
        tier: "key",
        accounts: 3,
        revenue: 5000,
        revenueMinor: 500000,
        accountShare: 0.3,
        revenueShare: 0.25,
      },
      {
        tier: "standard",
        accounts: 6,
        revenue: 2654.33,
        revenueMinor: 265433,
        accountShare: 0.6,
        revenueShare: 0.1327165,
      },
    ]);
  });

  it("draws accounts and revenue side by side, the tiers sorted as given", () => {
    const [accounts, revenue] = spec.hconcat as VegaLiteSpec[];
    expect(encoding(accounts as VegaLiteSpec).y?.field).toBe("accounts");
    expect(encoding(revenue as VegaLiteSpec).y?.field).toBe("revenue");
    expect(encoding(accounts as VegaLiteSpec).x?.sort).toEqual(["strategic", "key", "standard"]);
  });

  it("takes its titles from the catalogue in both locales", () => {
    expect(spec.$schema).toBe(SCHEMA);
    expect(title(spec)).toBe("Accounts and net revenue by tier");
    expect(titles(spec.hconcat as VegaLiteValue)).toEqual(["Tier", "Accounts", "Tier", "Net revenue (CNY)"]);
    const zh = tierDistributionChart(REPORT.tiers, { currency: "CNY", locale: "zh-CN" });
    expect(title(zh)).toBe("客户分级分布");
    expect(titles(zh.hconcat as VegaLiteValue)).toEqual([
      "客户等级",
      "客户数",
      "客户等级",
      "净销售额（CNY）",
    ]);
  });

  it("writes yen revenue without decimals", () => {
    const [row] = rows(tierDistributionChart(REPORT.tiers.slice(0, 1), { currency: "JPY" }));
    expect(row?.revenue).toBe(1234567);
  });
});

describe("rfmGridChart", () => {
  it("inlines the 25 cells of a 5 × 5 grid, r then f ascending, with their accounts", () => {
    const values = rows(
      rfmGridChart({ grid: REPORT.rfm.grid, breaks: REPORT.rfm.breaks }, { currency: "CNY" }),
    );
    expect(values).toHaveLength(25);
    expect(values.slice(0, 3)).toEqual([
      { r: 1, f: 1, accounts: 1 },
      { r: 1, f: 2, accounts: 0 },
      { r: 1, f: 3, accounts: 0 },
    ]);
    for (const cell of values) {
      expect(cell.accounts).toBe(REPORT.rfm.grid[(cell.r as number) - 1]?.[(cell.f as number) - 1]);
    }
    expect(values.reduce((sum, cell) => sum + (cell.accounts as number), 0)).toBe(25);
  });

  it("adds each cell's mean revenue in yuan (null when empty) when the grid has its revenue", () => {
    const spec = rfmGridChart(REPORT.rfm, { currency: "CNY", colour: "monetary" });
    const values = rows(spec);
    // r = 5, f = 5: 5 accounts, 125000 fen → 25000 fen each = 250 yuan.
    expect(values[24]).toEqual({ r: 5, f: 5, accounts: 5, meanRevenue: 250, revenueMinor: 125000 });
    expect(values[1]).toEqual({ r: 1, f: 2, accounts: 0, meanRevenue: null, revenueMinor: 0 });
    const [rect, text] = layers(spec);
    expect(encoding(rect as VegaLiteSpec).color?.field).toBe("meanRevenue");
    expect(encoding(text as VegaLiteSpec).text?.field).toBe("accounts");
    expect(title(spec)).toBe("RFM grid: mean net revenue by recency and frequency score");
  });

  it("colours by accounts by default, the highest recency score at the top", () => {
    const spec = rfmGridChart(REPORT.rfm, { currency: "CNY" });
    expect(encoding(layers(spec)[0] as VegaLiteSpec).color?.field).toBe("accounts");
    expect(encoding(spec).y).toMatchObject({ field: "r", sort: "descending" });
    // The text turns white above half of the largest count (5).
    expect(JSON.stringify(layers(spec)[1])).toContain('datum[\\"accounts\\"] > 2.5');
  });

  it("takes its titles from the catalogue in both locales", () => {
    const en = rfmGridChart(REPORT.rfm, { currency: "CNY" });
    expect(title(en)).toBe("RFM grid: accounts by recency and frequency score");
    expect(titles(en)).toEqual([
      "Frequency score (higher = more orders)",
      "Recency score (higher = bought more recently)",
      "Accounts",
    ]);
    const zh = rfmGridChart(REPORT.rfm, { currency: "CNY", locale: "zh-CN", colour: "monetary" });
    expect(title(zh)).toBe("RFM 矩阵：各评分组合的平均净销售额");
    expect(titles(zh)).toEqual([
      "购买频次评分（分数越高，订单越多）",
      "最近购买评分（分数越高，购买越近）",
      "平均净销售额（CNY）",
    ]);
  });

  it("refuses the monetary colour without the cells' revenue", () => {
    const grid = { grid: REPORT.rfm.grid, breaks: REPORT.rfm.breaks };
    expect(() => rfmGridChart(grid, { currency: "CNY", colour: "monetary" })).toThrow(KeyAccountError);
  });
});

describe("whaleCurveChart", () => {
  const spec = whaleCurveChart(REPORT.whaleCurve, { currency: "CNY" });
  const [line, rule, peak] = layers(spec) as [VegaLiteSpec, VegaLiteSpec, VegaLiteSpec];

  it("inlines the 4 points as shares of the total profit, the 100 % rule and the peak", () => {
    expect(rows(line)).toEqual(
      REPORT.whaleCurve.points.map((point) => ({
        customerShare: point.customerShare,
        cumulativeProfitMinor: point.cumulativeProfitMinor,
        profitShare: point.profitShare,
      })),
    );
    expect(rows(rule)).toEqual([{ profitShare: 1 }]);
    expect(rows(peak)).toEqual([{ customerShare: 0.5, cumulativeProfitMinor: 150, profitShare: 1.5 }]);
    expect((line.mark as Row).type).toBe("line");
    expect((rule.mark as Row).type).toBe("rule");
  });

  it("plots amounts, the rule at the total, when the total profit is not positive", () => {
    const losing = whaleCurve([5000, -20000, 1000]); // total −140.00
    const [points, total] = layers(whaleCurveChart(losing, { currency: "USD" })) as VegaLiteSpec[];
    expect(rows(total as VegaLiteSpec)).toEqual([{ cumulativeProfit: -140 }]);
    expect(rows(points as VegaLiteSpec).map((row) => row.cumulativeProfit)).toEqual([0, 50, 60, -140]);
    expect(titles(points as VegaLiteSpec)).toContain("Cumulative profit (USD)");
  });

  it("takes its titles from the catalogue in both locales", () => {
    expect(title(spec)).toBe("Whale curve: cumulative profit");
    expect(titles(line)).toEqual([
      "Accounts ranked by profit, most profitable first",
      "Cumulative profit, share of the total",
    ]);
    const zh = whaleCurveChart(REPORT.whaleCurve, { currency: "CNY", locale: "zh-CN" });
    expect(title(zh)).toBe("鲸鱼曲线：累计利润");
    expect(titles(layers(zh)[0] as VegaLiteSpec)).toEqual([
      "客户占比（按利润从高到低排序）",
      "累计利润占总利润比例",
    ]);
  });
});

describe("tierMigrationChart", () => {
  const migration = REPORT.migration;
  if (migration === undefined) throw new Error("the fixture has a migration");

  it("inlines every cell of the 4 × 4 matrix, row by row, new and departed in words", () => {
    const values = rows(tierMigrationChart(migration));
    expect(values).toHaveLength(16);
    expect(values[4]).toEqual({ from: "key", to: "strategic", accounts: 1, revenueMinor: 1234567 });
    expect(values[7]).toEqual({ from: "key", to: "Departed", accounts: 1, revenueMinor: 0 });
    expect(values[14]).toEqual({ from: "New", to: "standard", accounts: 1, revenueMinor: 25433 });
    const total = values.reduce((sum, cell) => sum + (cell.accounts as number), 0);
    expect(total).toBe(migration.accounts.flat().reduce((sum, n) => sum + n, 0));
  });

  it("keeps the tiers' order on both axes and takes its titles from the catalogue in both locales", () => {
    const en = tierMigrationChart(migration);
    expect(encoding(en).x?.sort).toEqual(["strategic", "key", "standard", "Departed"]);
    expect(encoding(en).y?.sort).toEqual(["strategic", "key", "standard", "New"]);
    expect(title(en)).toBe("Tier migration since the previous run");
    expect(titles(en)).toEqual(["Current tier", "Previous tier", "Accounts"]);
    const zh = tierMigrationChart(migration, { locale: "zh-CN" });
    expect(title(zh)).toBe("分级迁移矩阵");
    expect(titles(zh)).toEqual(["本期等级", "上期等级", "客户数"]);
    expect(encoding(zh).y?.sort).toEqual(["strategic", "key", "standard", "新增"]);
  });
});

describe("modelCheckChart", () => {
  const check = REPORT.modelCheck?.check;
  if (check === undefined) throw new Error("the fixture has a model check");

  it("inlines actual and predicted means per calibration frequency, the last group open-ended", () => {
    expect(rows(modelCheckChart(check))).toEqual([
      { frequency: "0", series: "Actual", purchases: 0.2, customers: 5 },
      { frequency: "0", series: "Predicted", purchases: 0.25, customers: 5 },
      { frequency: "1", series: "Actual", purchases: 1, customers: 3 },
      { frequency: "1", series: "Predicted", purchases: 0.9, customers: 3 },
      { frequency: "2+", series: "Actual", purchases: 2.5, customers: 2 },
      { frequency: "2+", series: "Predicted", purchases: 2.1, customers: 2 },
    ]);
  });

  it("takes its titles and series names from the catalogue in both locales", () => {
    const en = modelCheckChart(check);
    expect(title(en)).toBe("Model check: holdout purchases, actual and predicted");
    expect(titles(en)).toEqual([
      "Repeat purchases in the calibration period",
      "Holdout purchases per account",
    ]);
    const zh = modelCheckChart(check, { locale: "zh-CN" });
    expect(title(zh)).toBe("模型检验：验证期购买次数（实际与预测）");
    expect(titles(zh)).toEqual(["校准期重复购买次数", "验证期人均购买次数"]);
    expect(
      rows(zh)
        .slice(0, 2)
        .map((row) => row.series),
    ).toEqual(["实际", "模型预测"]);
  });
});

describe("alertsChart", () => {
  it("inlines the counts above zero, categories by total (churn 4, credit 3, care 2), critical first", () => {
    expect(
      rows(alertsChart(REPORT.alertCounts)).map((row) => [row.category, row.severity, row.alerts]),
    ).toEqual([
      ["churn", "warning", 3],
      ["churn", "info", 1],
      ["credit", "critical", 2],
      ["credit", "warning", 1],
      ["care", "info", 2],
    ]);
  });

  it("labels categories and severities from the catalogue in both locales, colours fixed per severity", () => {
    const en = alertsChart(REPORT.alertCounts);
    expect(rows(en)[2]).toEqual({
      category: "credit",
      categoryLabel: "Credit",
      severity: "critical",
      severityLabel: "Critical",
      severityRank: 0,
      alerts: 2,
    });
    expect(title(en)).toBe("Alerts by category and severity");
    expect(titles(en)).toEqual(["Category", "Alerts", "Severity"]);
    expect(encoding(en).color?.scale).toEqual({
      domain: ["Critical", "Warning", "Info"],
      range: ["#d62728", "#ff7f0e", "#1f77b4"],
    });
    const zh = alertsChart(REPORT.alertCounts, { locale: "zh-CN" });
    expect(title(zh)).toBe("预警分布（按类别和严重程度）");
    expect(titles(zh)).toEqual(["类别", "预警数", "严重程度"]);
    expect(encoding(zh).x?.sort).toEqual(["流失风险", "信用风险", "客户关怀"]);
  });

  it("keeps a policy's own category as it is written", () => {
    const [row] = rows(
      alertsChart([{ category: "warranty", severity: "info", alerts: 1 }], { locale: "zh-CN" }),
    );
    expect(row?.categoryLabel).toBe("warranty");
  });
});

describe("portfolioCharts", () => {
  it("lists the six charts in the report's order", () => {
    expect(Object.keys(portfolioCharts(REPORT))).toEqual([
      "tiers",
      "rfm",
      "whaleCurve",
      "migration",
      "modelCheck",
      "alerts",
    ]);
  });

  it("skips the migration on a first run and the model check when there is none", () => {
    const { migration: _migration, modelCheck: _modelCheck, ...firstRun } = REPORT;
    const charts = portfolioCharts({ ...firstRun, modelCheckReason: "too few repeat buyers" });
    expect(Object.keys(charts)).toEqual(["tiers", "rfm", "whaleCurve", "alerts"]);
  });

  it("uses the data's locale unless told otherwise", () => {
    expect(title(portfolioCharts({ ...REPORT, locale: "zh-CN" }).tiers as VegaLiteSpec)).toBe("客户分级分布");
    expect(title(portfolioCharts({ ...REPORT, locale: "zh-CN" }, "en").tiers as VegaLiteSpec)).toBe(
      "Accounts and net revenue by tier",
    );
  });

  it("is deterministic and plain JSON", () => {
    const first = portfolioCharts(REPORT);
    const text = JSON.stringify(first);
    expect(JSON.stringify(portfolioCharts(structuredClone(REPORT)))).toBe(text);
    expect(JSON.parse(text)).toEqual(first);
  });
});
