import { formatMessage } from "../model/formatMessage.js";
import type { IssueCode } from "../model/issue.js";
import type { Locale } from "../model/locale.js";
import type { SignalAlert } from "../signals/evaluateSignals.js";
import { alertCategoryLabel } from "./alertCategoryLabel.js";
import { escapeHtml } from "./escapeHtml.js";
import { migrationLabels } from "./migrationLabels.js";
import { portfolioCharts } from "./portfolioCharts.js";
import type { ReportAccount, ReportData } from "./ReportData.js";
import { type ReportFormatter, reportFormatter } from "./reportFormatter.js";
import { scoreRangeText } from "./scoreRangeText.js";
import { SEVERITIES } from "./severities.js";
import type { VegaLiteSpec } from "./VegaLiteSpec.js";

/**
 * Options of {@link reportHtml}.
 *
 * @example
 * ```ts
 * const options: ReportHtmlOptions = { renderChart: (_spec, name) => svgs[name] ?? "", locale: "zh-CN" };
 * ```
 */
export interface ReportHtmlOptions {
  /**
   * Turns a chart's spec into markup placed inline in the page, e.g. an SVG rendered beforehand with vega (the
   * CLI's `renderChartSvg`); called once per chart of {@link portfolioCharts}, with the chart's name. Its output is
   * inserted as it is: it must be trusted markup with no external references.
   */
  renderChart: (spec: VegaLiteSpec, name: string) => string;
  /**
   * The language of the headings, labels and numbers; default `data.locale`. The texts inside the data (alert
   * messages, reasons) stay in the language they were rendered in.
   */
  locale?: Locale | undefined;
}

/** What every section builder reads. */
interface Page {
  data: ReportData;
  format: ReportFormatter;
  locale: Locale;
  /** A catalogue text, escaped. */
  text: (code: IssueCode, params?: Readonly<Record<string, string | number>>) => string;
  /** A chart in its placeholder. */
  chart: (name: string) => string;
  /** An account's name (its id without one) escaped, linked to its section when it has one. */
  account: (id: string) => string;
}

const FONTS = [
  "-apple-system",
  "BlinkMacSystemFont",
  '"Segoe UI"',
  "Roboto",
  '"Helvetica Neue"',
  "Arial",
  '"Noto Sans CJK SC"',
  '"Noto Sans SC"',
  '"Source Han Sans SC"',
  '"PingFang SC"',
  '"Hiragino Sans GB"',
  '"Microsoft YaHei"',
  "sans-serif",
].join(", ");

const STYLE = `
:root { color-scheme: light; }
body { margin: 0; font-family: ${FONTS}; color: #1f2328; background: #f6f8fa; line-height: 1.5; }
header, main > section { max-width: 1080px; margin: 0 auto; padding: 16px 24px; }
header { background: #fff; border-bottom: 1px solid #d0d7de; max-width: none; }
header > * { max-width: 1080px; margin-left: auto; margin-right: auto; }
h1 { font-size: 1.6rem; margin: 8px auto 0; }
h2 { font-size: 1.25rem; border-bottom: 1px solid #d0d7de; padding-bottom: 4px; }
h3 { font-size: 1.05rem; margin-bottom: 4px; }
h4 { font-size: 0.95rem; margin: 12px 0 4px; }
.as-of { color: #57606a; margin-top: 0; }
nav a { margin-right: 12px; color: #0969da; text-decoration: none; }
dl.kpis { display: grid; grid-template-columns: repeat(auto-fill, minmax(180px, 1fr)); gap: 8px; }
dl.kpis > div, article.account { background: #fff; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; }
dl.kpis dt { color: #57606a; font-size: 0.85rem; }
dl.kpis dd { margin: 0; font-size: 1.15rem; font-weight: 600; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.facts dt { color: #57606a; }
dl.facts dd { margin: 0; }
table { border-collapse: collapse; background: #fff; margin: 8px 0; }
th, td { border: 1px solid #d0d7de; padding: 4px 8px; text-align: left; vertical-align: top; }
td.number, th.number { text-align: right; font-variant-numeric: tabular-nums; }
caption { text-align: left; font-weight: 600; padding: 4px 0; }
figure.chart { margin: 8px 0; overflow-x: auto; }
figure.chart svg { max-width: 100%; height: auto; }
figure.chart svg text { font-family: ${FONTS}; }
.severity-critical { color: #cf222e; font-weight: 600; }
.severity-warning { color: #9a6700; font-weight: 600; }
.severity-info { color: #0969da; }
.id { color: #57606a; font-weight: normal; font-size: 0.85em; }
article.account { margin: 12px 0; }
@media print { body { background: #fff; } nav { display: none; } article.account { break-inside: avoid; } }
`;

const SECTIONS: readonly [id: string, code: IssueCode][] = [
  ["tiers", "report.section.tiers"],
  ["rfm", "report.section.rfm"],
  ["profitability", "report.section.whale"],
  ["migration", "report.section.migration"],
  ["model-check", "report.section.model-check"],
  ["alerts", "report.section.alerts"],
  ["tasks", "report.section.tasks"],
  ["accounts", "report.section.accounts"],
];

/** The id of an account's section (the account id percent-encoded, so any id makes a valid fragment). */
function accountAnchor(id: string): string {
  return `account-${encodeURIComponent(id)}`;
}

/** A table: header cells and body cells are markup (escaped by the caller); `numeric` columns align right. */
function table(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  numeric: readonly number[] = [],
): string {
  const cell = (tag: "th" | "td", content: string, column: number): string =>
    numeric.includes(column) ? `<${tag} class="number">${content}</${tag}>` : `<${tag}>${content}</${tag}>`;
  return [
    "<table>",
    `<thead><tr>${headers.map((header, column) => cell("th", header, column)).join("")}</tr></thead>`,
    "<tbody>",
    ...rows.map((row) => `<tr>${row.map((content, column) => cell("td", content, column)).join("")}</tr>`),
    "</tbody>",
    "</table>",
  ].join("\n");
}

/** Label/value pairs as a definition list of the given class; a pair whose value is undefined is left out. */
function definitions(className: string, pairs: readonly (readonly [string, string | undefined])[]): string {
  const items = pairs
    .filter((pair): pair is readonly [string, string] => pair[1] !== undefined)
    .map(([label, value]) => `<div><dt>${label}</dt><dd>${value}</dd></div>`);
  return `<dl class="${className}">${items.join("")}</dl>`;
}

function section(page: Page, id: string, body: readonly string[]): string {
  const code = SECTIONS.find((entry) => entry[0] === id)?.[1] as IssueCode;
  return [`<section id="${id}">`, `<h2>${page.text(code)}</h2>`, ...body, "</section>"].join("\n");
}

/** Each count written for the locale. */
function countTexts(
  format: ReportFormatter,
  counts: Readonly<Record<string, number>>,
): Record<string, string> {
  return Object.fromEntries(Object.entries(counts).map(([name, count]) => [name, format.count(count)]));
}

function severityText(page: Page, severity: SignalAlert["severity"]): string {
  return `<span class="severity-${severity}">${page.text(`report.severity.${severity}`)}</span>`;
}

function header(page: Page): string {
  const { data, format, text } = page;
  const { kpis } = data;
  const signals = kpis.signals;
  const bySeverity = SEVERITIES.map((severity) => {
    const alerts = data.alertCounts
      .filter((count) => count.severity === severity)
      .reduce((sum, count) => sum + count.alerts, 0);
    return `${severityText(page, severity)} ${format.count(alerts)}`;
  });
  const hours = (value: number | undefined): string =>
    value === undefined ? "—" : text("report.value.hours", { hours: format.number(value) });
  const margin =
    kpis.grossMarginMinor === undefined
      ? undefined
      : kpis.revenueMinor > 0
        ? text("report.value.amount-share", {
            amount: format.money(kpis.grossMarginMinor),
            share: format.percent(kpis.grossMarginMinor / kpis.revenueMinor),
          })
        : escapeHtml(format.money(kpis.grossMarginMinor));
  const figures: [string, string | undefined][] = [
    [text("report.label.accounts"), escapeHtml(format.count(kpis.accounts))],
    [text("report.label.revenue"), escapeHtml(format.money(kpis.revenueMinor))],
    [text("report.label.gross-margin"), margin],
    [
      text("report.label.clv"),
      kpis.clvMinor === undefined ? undefined : escapeHtml(format.money(kpis.clvMinor)),
    ],
    [text("report.section.alerts"), bySeverity.join(" · ")],
  ];
  if (signals !== undefined) {
    const response = signals.complaints.firstResponseHours;
    figures.push(
      [text("report.label.satisfaction"), escapeHtml(format.number(signals.satisfaction.mean))],
      [text("report.label.nps"), escapeHtml(format.number(signals.nps.score))],
      [text("report.label.repeat-rate"), escapeHtml(format.percent(signals.repeatPurchaseRate))],
      [text("report.label.retention"), escapeHtml(format.percent(signals.retention))],
      [text("report.label.complaint-response"), `${hours(response.median)} / ${hours(response.p90)}`],
      [text("report.label.follow-up-compliance"), escapeHtml(format.percent(signals.followUpCompliance))],
    );
  }
  return [
    '<header id="overview">',
    `<h1>${escapeHtml(data.title)}</h1>`,
    `<p class="as-of">${text("report.as-of", { date: format.day(data.asOf) })}</p>`,
    `<h2>${text("report.section.overview")}</h2>`,
    definitions("kpis", figures),
    `<nav>${SECTIONS.map(([id, code]) => `<a href="#${id}">${text(code)}</a>`).join("")}</nav>`,
    "</header>",
  ].join("\n");
}

function tiersSection(page: Page): string {
  const { data, format, text } = page;
  const rows = data.tiers.map((tier) =>
    [
      tier.name,
      format.count(tier.accounts),
      format.percent(tier.accountShare),
      format.money(tier.revenueMinor),
      format.percent(tier.revenueShare),
    ].map(escapeHtml),
  );
  const headers = [
    text("report.label.tier"),
    text("report.label.accounts"),
    text("report.label.account-share"),
    text("report.label.revenue"),
    text("report.label.revenue-share"),
  ];
  return section(page, "tiers", [page.chart("tiers"), table(headers, rows, [1, 2, 3, 4])]);
}

function rfmSection(page: Page): string {
  const { data, format, text } = page;
  const { breaks } = data.rfm;
  const scores = Array.from({ length: breaks.recency.breaks.length + 1 }, (_, i) => i + 1).reverse();
  const rows = scores.map((score) =>
    [
      format.count(score),
      scoreRangeText(breaks.recency, score, format.number),
      scoreRangeText(breaks.frequency, score, format.number),
      scoreRangeText(breaks.monetary, score, format.money),
    ].map(escapeHtml),
  );
  const headers = [
    text("report.label.rfm-score"),
    text("report.label.days-since-purchase"),
    text("report.label.orders"),
    text("report.label.revenue"),
  ];
  return section(page, "rfm", [
    page.chart("rfm"),
    table(headers, rows, [0]).replace("<table>", `<table>\n<caption>${text("report.rfm.ranges")}</caption>`),
  ]);
}

function whaleSection(page: Page): string {
  const { data, format, text } = page;
  const curve = data.whaleCurve;
  const summary = text("report.whale.summary", {
    customers: format.count(curve.peak.customers),
    share: format.percent(curve.peak.customerShare),
    peak: format.money(curve.peak.cumulativeProfitMinor),
    total: format.money(curve.totalProfitMinor),
  });
  return section(page, "profitability", [page.chart("whaleCurve"), `<p>${summary}</p>`]);
}

function migrationSection(page: Page): string {
  const { data, format, text, locale } = page;
  const migration = data.migration;
  if (migration === undefined)
    return section(page, "migration", [`<p>${text("report.migration.first-run")}</p>`]);
  const labels = migrationLabels(migration, locale);
  const rows = labels.from.map((from, row) => [
    escapeHtml(from),
    ...labels.to.map((_, column) => escapeHtml(format.count(migration.accounts[row]?.[column] ?? 0))),
  ]);
  const headers = [
    `${text("report.label.previous-tier")} \\ ${text("report.label.current-tier")}`,
    ...labels.to.map(escapeHtml),
  ];
  const numeric = labels.to.map((_, column) => column + 1);
  return section(page, "migration", [
    page.chart("migration"),
    `<p>${text("report.migration.summary", countTexts(format, migration.counts))}</p>`,
    table(headers, rows, numeric),
  ]);
}

function modelCheckSection(page: Page): string {
  const { data, format, text } = page;
  const modelCheck = data.modelCheck;
  if (modelCheck === undefined) {
    const reason = data.modelCheckReason ?? "—";
    return section(page, "model-check", [`<p>${text("report.model-check.unavailable", { reason })}</p>`]);
  }
  const { check } = modelCheck;
  const summary = text("report.model-check.summary", {
    model: modelCheck.model,
    mae: format.number(check.mae, 2),
    rmse: format.number(check.rmse, 2),
    actual: format.number(check.totalActual, 1),
    predicted: format.number(check.totalPredicted, 1),
  });
  return section(page, "model-check", [page.chart("modelCheck"), `<p>${summary}</p>`]);
}

function alertsSection(page: Page): string {
  const { data, text, locale } = page;
  const listed = data.alerts.filter((alert) => alert.severity !== "info");
  const rows = listed.map((alert) => [
    severityText(page, alert.severity),
    page.account(alert.customerId),
    escapeHtml(alertCategoryLabel(alert.category, locale)),
    escapeHtml(alert.message),
  ]);
  const headers = [
    text("report.label.severity"),
    text("report.label.account"),
    text("report.label.category"),
    text("report.label.alert"),
  ];
  return section(page, "alerts", [
    page.chart("alerts"),
    `<h3>${text("report.alerts.table")}</h3>`,
    rows.length === 0 ? `<p>${text("report.alerts.none")}</p>` : table(headers, rows),
  ]);
}

function tasksSection(page: Page): string {
  const { data, format, text } = page;
  if (data.tasks.length === 0) return section(page, "tasks", [`<p>${text("report.tasks.none")}</p>`]);
  const rows = data.tasks.map((task) => [
    escapeHtml(format.day(task.dueDate)),
    page.account(task.customerId),
    escapeHtml(task.message),
  ]);
  const headers = [text("report.label.due-date"), text("report.label.account"), text("report.label.task")];
  return section(page, "tasks", [table(headers, rows)]);
}

function accountArticle(page: Page, account: ReportAccount): string {
  const { format, text } = page;
  const money = (minor: number | undefined): string | undefined =>
    minor === undefined ? undefined : escapeHtml(format.money(minor));
  const segment =
    account.rfmSegment === undefined
      ? account.rfmCode
      : account.rfmCode === undefined
        ? account.rfmSegment
        : `${account.rfmSegment} (${account.rfmCode})`;
  const facts = definitions("facts", [
    [text("report.label.current-tier"), escapeHtml(account.tier)],
    [
      text("report.label.previous-tier"),
      account.previousTier === undefined ? undefined : escapeHtml(account.previousTier),
    ],
    [text("report.label.score"), escapeHtml(format.number(account.score))],
    [text("report.label.revenue"), money(account.revenueMinor)],
    [text("report.label.gross-margin"), money(account.grossMarginMinor)],
    [text("report.label.profit"), money(account.profitMinor)],
    [text("report.label.clv"), money(account.clvMinor)],
    [
      text("report.label.p-alive"),
      account.pAlive === undefined ? undefined : escapeHtml(format.percent(account.pAlive)),
    ],
    [text("report.label.rfm-segment"), segment === undefined ? undefined : escapeHtml(segment)],
  ]);
  const dimensions = table(
    [text("report.label.dimension"), text("report.label.score")],
    account.dimensions.map((dimension) => [
      escapeHtml(dimension.name),
      escapeHtml(format.number(dimension.score)),
    ]),
    [1],
  );
  const alerts =
    account.alerts.length === 0
      ? `<p>${text("report.alerts.none")}</p>`
      : `<ul>${account.alerts.map((alert) => `<li>${severityText(page, alert.severity)} ${escapeHtml(alert.message)}</li>`).join("")}</ul>`;
  return [
    `<article class="account" id="${escapeHtml(accountAnchor(account.id))}">`,
    account.name === undefined
      ? `<h3>${escapeHtml(account.id)}</h3>`
      : `<h3>${escapeHtml(account.name)} <span class="id">${escapeHtml(account.id)}</span></h3>`,
    facts,
    dimensions,
    `<h4>${text("report.label.reasons")}</h4>`,
    `<ul>${account.reasons.map((reason) => `<li>${escapeHtml(reason)}</li>`).join("")}</ul>`,
    `<h4>${text("report.section.alerts")}</h4>`,
    alerts,
    "</article>",
  ].join("\n");
}

/**
 * The portfolio report as one self-contained HTML document: inline CSS only, no scripts, fonts, images or links
 * outside the page (a font stack with the CJK system fonts). It shows the as-of day and the KPIs, the tier
 * distribution, the RFM grid with the value ranges of the scores, the whale curve, the tier migration (chart and
 * matrix, or a note on a first run), the model check (or why there is none), the alerts by category and severity
 * (chart and the critical and warning alerts), the task list, and a section per account (`#account-ID`, linked
 * from the tables) with its figures, dimension scores, reasons and alerts. Every text is HTML-escaped; numbers,
 * money and days are written with `Intl` for the locale; headings and labels come from the message catalogues.
 * Each chart of {@link portfolioCharts} sits in an element with `data-chart="NAME"`, filled by `renderChart`.
 *
 * @param data - The report's data.
 * @param options - How to render a chart, and the locale.
 * @returns The HTML document.
 * @throws {RangeError} when `data.currency` is not an ISO 4217 code (`Intl.NumberFormat` refuses it).
 *
 * @example
 * ```ts
 * const html = reportHtml(data, { renderChart: (_spec, name) => svgs[name] ?? "" });
 * html.startsWith("<!DOCTYPE html>"); // => true
 * ```
 */
export function reportHtml(data: ReportData, options: ReportHtmlOptions): string {
  const locale = options.locale ?? data.locale;
  const charts = portfolioCharts(data, locale);
  const sections = new Set(data.accounts.map((account) => account.id));
  const names = new Map(data.accounts.map((account) => [account.id, account.name ?? account.id]));
  const page: Page = {
    data,
    locale,
    format: reportFormatter(locale, data.currency),
    text: (code, params) => escapeHtml(formatMessage(code, params, locale)),
    chart: (name) => {
      const spec = charts[name] as VegaLiteSpec;
      return `<figure class="chart" data-chart="${escapeHtml(name)}">${options.renderChart(spec, name)}</figure>`;
    },
    account: (id) => {
      const name = escapeHtml(names.get(id) ?? id);
      return sections.has(id) ? `<a href="#${escapeHtml(accountAnchor(id))}">${name}</a>` : name;
    },
  };
  return [
    "<!DOCTYPE html>",
    `<html lang="${escapeHtml(locale)}">`,
    "<head>",
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(data.title)}</title>`,
    `<style>${STYLE}</style>`,
    "</head>",
    "<body>",
    header(page),
    "<main>",
    tiersSection(page),
    rfmSection(page),
    whaleSection(page),
    migrationSection(page),
    modelCheckSection(page),
    alertsSection(page),
    tasksSection(page),
    section(
      page,
      "accounts",
      data.accounts.map((account) => accountArticle(page, account)),
    ),
    "</main>",
    "</body>",
    "</html>",
    "",
  ].join("\n");
}
