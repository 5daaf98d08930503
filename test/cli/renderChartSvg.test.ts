import { describe, expect, it } from "vitest";
import { renderChartSvg } from "../../src/cli/renderChartSvg.js";
import { renderReportHtml } from "../../src/cli/renderReportHtml.js";
import {
  portfolioCharts,
  type ReportData,
  rfmGridChart,
  type ScoreBreaks,
  type VegaLiteSpec,
  whaleCurve,
  whaleCurveChart,
} from "../../src/index.js";
import { REPORT } from "../report/fixture.js";

/** The number of items of each mark type vega drew: `{ rect: 25, text: 25 }`. */
function marks(svg: string): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const [, type, items] of svg.matchAll(/<g class="mark-(\w+) role-mark[^"]*"[^>]*>(.*?)<\/g>/g)) {
    const drawn = (items as string).match(/<(path|line|text)\b/g)?.length ?? 0;
    counts[type as string] = (counts[type as string] ?? 0) + drawn;
  }
  return counts;
}

/** The texts vega wrote (titles, axis labels, legends, cell labels). */
const texts = (svg: string): string[] =>
  [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] as string);

describe("renderChartSvg", () => {
  const charts = portfolioCharts(REPORT);
  const render = (name: string, locale: "en" | "zh-CN" = "en") =>
    renderChartSvg(portfolioCharts(REPORT, locale)[name] as VegaLiteSpec);

  it("draws one bar per tier for accounts and one for revenue", async () => {
    const svg = await render("tiers");
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(marks(svg)).toEqual({ rect: 6 });
    expect(texts(svg)).toEqual(
      expect.arrayContaining(["Accounts and net revenue by tier", "strategic", "standard"]),
    );
  });

  it("draws the 25 cells of the RFM grid, each with its count; empty cells uncoloured by mean revenue", async () => {
    expect(marks(await render("rfm"))).toEqual({ rect: 25, text: 25 });
    const monetary = await renderChartSvg(rfmGridChart(REPORT.rfm, { currency: "CNY", colour: "monetary" }));
    expect(marks(monetary)).toEqual({ rect: 15, text: 25 }); // 10 cells without accounts
  });

  it("draws the whale curve as one line, the 100 % rule and the peak", async () => {
    const svg = await render("whaleCurve");
    expect(marks(svg)).toEqual({ line: 1, rule: 1, symbol: 1 });
    expect(texts(svg)).toEqual(expect.arrayContaining(["Whale curve: cumulative profit", "100%", "160%"]));
    const losing = await renderChartSvg(
      whaleCurveChart(whaleCurve([5000, -20000, 1000]), { currency: "USD" }),
    );
    expect(marks(losing)).toEqual({ line: 1, rule: 1, symbol: 1 });
  });

  it("draws the 16 cells of the migration matrix with their counts", async () => {
    const svg = await render("migration");
    expect(marks(svg)).toEqual({ rect: 16, text: 16 });
    expect(texts(svg)).toEqual(expect.arrayContaining(["New", "Departed", "5"]));
  });

  it("draws the actual and predicted lines with a point per group", async () => {
    expect(marks(await render("modelCheck"))).toEqual({ line: 2, symbol: 6 });
  });

  it("draws one stacked bar segment per category and severity with alerts", async () => {
    const svg = await render("alerts");
    expect(marks(svg)).toEqual({ rect: 5 });
    expect(svg).toContain('fill="#d62728"');
  });

  it("writes the Chinese titles and labels", async () => {
    expect(texts(await render("tiers", "zh-CN"))).toEqual(expect.arrayContaining(["客户分级分布", "客户数"]));
    expect(texts(await render("whaleCurve", "zh-CN"))).toContain("鲸鱼曲线：累计利润");
    expect(texts(await render("migration", "zh-CN"))).toEqual(
      expect.arrayContaining(["分级迁移矩阵", "新增"]),
    );
  });

  it("estimates a Chinese character 0.25 em wider than a Latin one, so Chinese titles are not cut off", async () => {
    const titled = (title: string): VegaLiteSpec => ({
      title,
      width: 10,
      data: { values: [{ a: "x" }] },
      mark: "point",
      encoding: { x: { field: "a", type: "nominal", axis: null } },
    });
    const width = async (title: string): Promise<number> =>
      Number(/width="(\d+)"/.exec(await renderChartSvg(titled(title)))?.[1]);
    // 20 characters of a 13 px bold title: 0.8 em each (208 px) in Latin, 1.05 em each (273 px) in Chinese; the
    // SVG's width rounds the title's bounds outwards, by a pixel at most.
    const wider = (await width("客户".repeat(10))) - (await width("AB".repeat(10)));
    expect(wider).toBeGreaterThanOrEqual(65);
    expect(wider).toBeLessThanOrEqual(66);
  });

  it("is deterministic: the ids vega numbers per process are renumbered per document", async () => {
    const first = await renderChartSvg(charts.rfm as VegaLiteSpec, { idPrefix: "rfm" });
    const second = await renderChartSvg(charts.rfm as VegaLiteSpec, { idPrefix: "rfm" });
    expect(second).toBe(first);
    expect(first).toContain('id="rfm-0"');
    expect(first).toContain("url(#rfm-0)");
    expect(first).not.toMatch(/gradient_\d/);
  });

  it("leaves out the namespaces when embedded in HTML, so the markup names no URL", async () => {
    const svg = await renderChartSvg(charts.tiers as VegaLiteSpec, { embedded: true });
    expect(svg.startsWith("<svg ")).toBe(true);
    expect(svg).not.toMatch(/https?:|xmlns/);
  });

  it("throws on a spec vega-lite cannot compile", async () => {
    await expect(renderChartSvg({})).rejects.toThrow(/Invalid specification/);
  });
});

describe("renderReportHtml", () => {
  it("fills every chart placeholder with its SVG, each with ids of its own, and names no URL", async () => {
    const html = await renderReportHtml(REPORT);
    const figures = [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">(.*?)<\/figure>/gs)];
    expect(figures.map((m) => m[1])).toEqual(Object.keys(portfolioCharts(REPORT))); // all six
    for (const [, , content] of figures) expect(content).toMatch(/^<svg [^>]*>.*<\/svg>$/s);
    const ids = [...html.matchAll(/ id="(chart-[^"]+)"/g)].map((m) => m[1]);
    expect(ids).toEqual(["chart-rfm-0", "chart-migration-0"]);
    expect(html).not.toMatch(/https?:/);
    expect(await renderReportHtml(REPORT)).toBe(html);
  });

  it("renders an empty portfolio", async () => {
    const breaks: ScoreBreaks = { method: "quantile", closed: "right", breaks: [], reversed: false };
    const empty: ReportData = {
      ...REPORT,
      kpis: { accounts: 0, revenueMinor: 0 },
      tiers: [],
      rfm: {
        grid: [[0]],
        breaks: { recency: { ...breaks, reversed: true }, frequency: breaks, monetary: breaks },
      },
      whaleCurve: whaleCurve([]),
      migration: undefined,
      modelCheck: undefined,
      alertCounts: [],
      alerts: [],
      tasks: [],
      accounts: [],
    };
    const html = await renderReportHtml(empty);
    const figures = [...html.matchAll(/data-chart="([^"]+)"><svg /g)].map((m) => m[1]);
    expect(figures).toEqual(["tiers", "rfm", "whaleCurve", "alerts"]);
    expect(html).toContain("<p>No alerts.</p>");
    expect(html).toContain("<p>No tasks due.</p>");
  });

  it("renders a first run in Chinese", async () => {
    const { migration: _migration, modelCheck: _modelCheck, ...firstRun } = REPORT;
    const html = await renderReportHtml(
      { ...firstRun, modelCheckReason: "只有 1 位客户重复购买。" },
      "zh-CN",
    );
    expect([...html.matchAll(/data-chart="([^"]+)"/g)].map((m) => m[1])).toEqual([
      "tiers",
      "rfm",
      "whaleCurve",
      "alerts",
    ]);
    expect(html).toContain("无法进行模型检验：只有 1 位客户重复购买。");
  });
});
