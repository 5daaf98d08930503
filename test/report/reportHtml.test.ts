import { describe, expect, it } from "vitest";
import { portfolioCharts, type ReportData, reportHtml, type VegaLiteSpec } from "../../src/index.js";
import { HOSTILE_NAME, REPORT } from "./fixture.js";

/** Renders each chart as a stand-in SVG naming the chart and its title, and records the calls. */
function fakeRenderer() {
  const calls: [string, VegaLiteSpec][] = [];
  const renderChart = (spec: VegaLiteSpec, name: string): string => {
    calls.push([name, spec]);
    return `<svg class="stand-in" data-name="${name}"></svg>`;
  };
  return { calls, renderChart };
}

const render = (data: ReportData = REPORT, locale?: "en" | "zh-CN") =>
  reportHtml(data, { renderChart: fakeRenderer().renderChart, locale });

/** The markup of each `data-chart` placeholder, by name. */
const placeholders = (html: string): Record<string, string> =>
  Object.fromEntries(
    [...html.matchAll(/<figure class="chart" data-chart="([^"]+)">(.*?)<\/figure>/gs)].map((m) => [
      m[1],
      m[2],
    ]),
  );

describe("reportHtml", () => {
  const html = render();

  it("is one complete document in the data's language", () => {
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html.trimEnd().endsWith("</body>\n</html>")).toBe(true);
    expect(html).toContain("<title>Portfolio report</title>");
    expect(html).toContain('<p class="as-of">As of June 30, 2024</p>');
  });

  it("has every section, in order", () => {
    const ids = [...html.matchAll(/<section id="([^"]+)">/g)].map((m) => m[1]);
    expect(ids).toEqual([
      "tiers",
      "rfm",
      "profitability",
      "migration",
      "model-check",
      "alerts",
      "tasks",
      "accounts",
    ]);
    for (const id of ids) expect(html).toContain(`<a href="#${id}">`);
  });

  it("puts each chart's rendering in its data-chart placeholder, calling the renderer once per chart", () => {
    const { calls, renderChart } = fakeRenderer();
    const page = reportHtml(REPORT, { renderChart });
    const charts = portfolioCharts(REPORT);
    expect(calls.map(([name]) => name)).toEqual(Object.keys(charts));
    for (const [name, spec] of calls) expect(spec).toEqual(charts[name]);
    expect(placeholders(page)).toEqual(
      Object.fromEntries(
        Object.keys(charts).map((name) => [name, `<svg class="stand-in" data-name="${name}"></svg>`]),
      ),
    );
  });

  it("writes the KPIs with Intl for the locale", () => {
    expect(html).toContain("<dt>Accounts</dt><dd>10</dd>");
    expect(html).toContain("<dt>Net revenue</dt><dd>CN¥20,000.00</dd>");
    expect(html).toContain("<dt>Gross margin</dt><dd>CN¥6,000.00 (30%)</dd>");
    expect(html).toContain("<dt>Customer lifetime value</dt><dd>CN¥50,000.00</dd>");
    // Alerts by severity, summed over the categories: critical 2, warning 3 + 1 (+ 0), info 1 + 2.
    expect(html).toContain(
      '<span class="severity-critical">Critical</span> 2 · <span class="severity-warning">Warning</span> 4 · <span class="severity-info">Info</span> 3',
    );
    expect(html).toContain("<dt>Satisfaction (1–5)</dt><dd>3.8</dd>");
    expect(html).toContain("<dt>Net Promoter Score</dt><dd>25</dd>");
    expect(html).toContain("<dt>Repeat purchase rate</dt><dd>70%</dd>");
    expect(html).toContain("<dt>Retention</dt><dd>75%</dd>");
    expect(html).toContain("<dt>Complaint first response, median / P90</dt><dd>3.5 h / 20.6 h</dd>");
    expect(html).toContain("<dt>Followed up on time</dt><dd>50%</dd>");
  });

  it("leaves out the KPIs that are absent", () => {
    const { grossMarginMinor: _margin, clvMinor: _clv, signals: _signals, ...kpis } = REPORT.kpis;
    const page = render({ ...REPORT, kpis });
    const header = page.slice(page.indexOf("<header"), page.indexOf("</header>"));
    expect(header).toContain("<dt>Net revenue</dt>");
    expect(header).not.toContain("Gross margin</dt>");
    expect(header).not.toContain("Customer lifetime value</dt>");
    expect(header).not.toContain("Retention");
  });

  it("shows the tiers, the RFM value ranges, the whale curve's peak, the migration matrix and the model check", () => {
    expect(html).toContain(
      '<tr><td>strategic</td><td class="number">1</td><td class="number">10%</td><td class="number">CN¥12,345.67</td><td class="number">61.7%</td></tr>',
    );
    expect(html).toContain(
      '<tr><td class="number">4</td><td>9 &lt; x ≤ 30</td><td>4 &lt; x ≤ 8</td><td>CN¥500.00 &lt; x ≤ CN¥1,000.00</td></tr>',
    );
    expect(html).toContain(
      "The 2 most profitable accounts (50% of all) earn CN¥1.50 in profit; the portfolio as a whole earns CN¥1.00.",
    );
    expect(html).toContain("2 moved up, 0 moved down, 7 unchanged, 1 new, 1 departed.");
    expect(html).toContain(
      '<tr><td>New</td><td class="number">0</td><td class="number">0</td><td class="number">1</td><td class="number">0</td></tr>',
    );
    expect(html).toContain(
      "BG/NBD: mean absolute error 0.31 and root mean squared error 0.42 purchases per account; 9 purchases in the holdout period against 8.2 predicted.",
    );
  });

  it("says why the migration and the model check are absent, without their charts", () => {
    const { migration: _migration, modelCheck: _modelCheck, ...firstRun } = REPORT;
    const page = render({ ...firstRun, modelCheckReason: "none of the 8 customers bought again." });
    expect(page).toContain("There is no previous run to compare with: this is the first tier assignment.");
    expect(page).toContain("No model check: none of the 8 customers bought again.");
    expect(Object.keys(placeholders(page))).toEqual(["tiers", "rfm", "whaleCurve", "alerts"]);
  });

  it("lists the critical and warning alerts and the tasks, linked to the accounts' sections", () => {
    const alerts = html.slice(html.indexOf('<section id="alerts">'), html.indexOf('<section id="tasks">'));
    expect(alerts).toContain('<a href="#account-C-001">Acme Trading</a></td><td>Credit</td>');
    expect(alerts).toContain("Churn risk");
    expect(alerts).not.toContain("birthday"); // info
    const tasks = html.slice(html.indexOf('<section id="tasks">'), html.indexOf('<section id="accounts">'));
    expect(tasks).toContain('<tr><td>July 3, 2024</td><td><a href="#account-C%20002">');
    expect(tasks).toContain("<td>C-009</td>"); // no section: not linked
    for (const [, target] of html.matchAll(/href="#(account-[^"]+)"/g))
      expect(html).toContain(`id="${target}"`);
  });

  it("gives each account a section with its figures, dimension scores, reasons and alerts", () => {
    const start = html.indexOf('<article class="account" id="account-C-001">');
    const acme = html.slice(start, html.indexOf("</article>", start));
    expect(acme).toContain('<h3>Acme Trading <span class="id">C-001</span></h3>');
    expect(acme).toContain("<dt>Previous tier</dt><dd>key</dd>");
    expect(acme).toContain("<dt>Score</dt><dd>82.3</dd>");
    expect(acme).toContain("<dt>Probability still active</dt><dd>93%</dd>");
    expect(acme).toContain("<dt>RFM segment</dt><dd>Champions (555)</dd>");
    expect(acme).toContain('<tr><td>relationship</td><td class="number">—</td></tr>');
    expect(acme).toContain("<li>Score 82.25 reaches the strategic threshold of 80.</li>");
    expect(acme).toContain(
      '<li><span class="severity-critical">Critical</span> ¥1,200.00 is more than 90 days past due.</li>',
    );
    expect(html).toContain('<article class="account" id="account-C-003">\n<h3>C-003</h3>');
  });

  it("escapes every text from the data", () => {
    expect(html).not.toContain("<script");
    expect(html).not.toContain(HOSTILE_NAME);
    const escaped = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;";
    expect(html).toContain(`<h3>${escaped} <span class="id">C 002</span></h3>`);
    expect(html).toContain(`Follow up with ${escaped} by 2024-07-03`);
    expect(render({ ...REPORT, title: `Q2 "<b>" & co` })).toContain(
      "<title>Q2 &quot;&lt;b&gt;&quot; &amp; co</title>",
    );
  });

  it("names no URL and loads nothing from outside", () => {
    expect(html).not.toMatch(/https?:/);
    expect(html).not.toMatch(/<(script|link|img|iframe)\b/);
    expect(html).not.toMatch(/@import|url\(/);
    expect(html).toMatch(/font-family: [^;]*"Noto Sans CJK SC"[^;]*"PingFang SC"[^;]*"Microsoft YaHei"/);
  });

  it("writes headings, labels, numbers and days in Chinese for zh-CN", () => {
    const zh = render({ ...REPORT, locale: "zh-CN" });
    expect(zh).toContain('<html lang="zh-CN">');
    expect(zh).toContain('<p class="as-of">数据截至 2024年6月30日</p>');
    expect(zh).toContain("<h2>客户分级</h2>");
    expect(zh).toContain("<dt>毛利</dt><dd>¥6,000.00（30%）</dd>");
    expect(zh).toContain("<dd>3.5 小时 / 20.6 小时</dd>");
    expect(zh).toContain("升级 2 个，降级 0 个，保持不变 7 个，新增 1 个，退出 1 个。");
    expect(zh).toContain("<td>信用风险</td>");
    expect(zh).toContain("<h4>分级依据</h4>");
    // The locale option overrides the data's.
    expect(render(REPORT, "zh-CN")).toContain("<h2>客户分级</h2>");
  });

  it("is deterministic", () => {
    expect(render(structuredClone(REPORT))).toBe(html);
  });
});
