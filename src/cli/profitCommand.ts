import { writeFile } from "node:fs/promises";
import { formatMessage } from "../model/formatMessage.js";
import { formatMoney } from "../model/formatMoney.js";
import type { Locale } from "../model/locale.js";
import { abcTable } from "../profit/abcTable.js";
import type { CostModel } from "../profit/costModelSchema.js";
import { parseCostModel } from "../profit/parseCostModel.js";
import { profitTable } from "../profit/profitTable.js";
import { whaleCurve } from "../profit/whaleCurve.js";
import { describeIngestReport } from "./describeIngestReport.js";
import { readJsonFile } from "./readJsonFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import {
  summarizeTransactionFile,
  TRANSACTION_FLAGS,
  TRANSACTION_FLAGS_HELP,
} from "./summarizeTransactionFile.js";
import { summaryMeta } from "./summaryMeta.js";
import { UsageError } from "./UsageError.js";
import { type Cell, writeTable } from "./writeTable.js";

const ABC_BASES = ["profit", "margin", "revenue"] as const;

const PROFIT_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount profit <file> --cost-model costs.json [options]

Reads a transaction file like "keyaccount summarize" and writes each customer's P&L, exact to the cent:
gross sales − returns = net revenue; − cost of goods (the cost column, or the model's marginRate for lines
without a cost) = gross margin; − cost to serve (per order, per line, per delivery = day with a sale, per
complaint, per tier) = profit; the margin %, each cost line, and the customer's ABC class. With --json, one JSON
document with the customers and the whale-curve data (cumulative profit of customers ranked by profit, its peak).
A transaction file has no visits, calls, invoices or discounts: those cost lines are 0 here (use the library's
profitInputs with interaction and invoice records for them).

${TRANSACTION_FLAGS_HELP.en}Profit
  --cost-model FILE      the cost model, JSON (required), e.g.
                         { "currency": "GBP", "marginRate": 0.35, "perOrderMinor": 250, "perOrderLineMinor": 10,
                           "perDeliveryMinor": 400 }
  --abc-on B             ${ABC_BASES.join(" | ")} (default profit)
  --abc-cutoffs A,B      cumulative shares that end classes A and B (default 0.8,0.95)

Output
  --json                 one JSON document: { customers, whaleCurve, abc }
  --out FILE             write to FILE (default standard output)
  --report FILE          write the ingest report as JSON to FILE
`,
  "zh-CN": `keyaccount profit <file> --cost-model costs.json [选项]

像“keyaccount summarize”一样读取交易明细文件，输出每位客户的损益，精确到分：
销售总额 − 退货 = 净销售额；− 商品成本（取成本列，没有成本的行按成本模型的 marginRate 计算）= 毛利；
− 服务成本（按订单、按明细行、按送货（有销售的一天算一次）、按投诉、按等级计）= 利润；另输出
毛利率、各项成本以及客户的 ABC 分类。使用 --json 时输出一份 JSON 文档，包含各客户数据和鲸鱼曲线
数据（按利润排序后客户的累计利润及其峰值）。交易明细文件中没有拜访、电话、发票和折扣，因此这几项
成本在这里为 0（如需计算，请在程序库中使用 profitInputs 并传入跟进记录和发票记录）。

${TRANSACTION_FLAGS_HELP["zh-CN"]}利润
  --cost-model FILE      成本模型，JSON 格式（必填），例如
                         { "currency": "GBP", "marginRate": 0.35, "perOrderMinor": 250, "perOrderLineMinor": 10,
                           "perDeliveryMinor": 400 }
  --abc-on B             ${ABC_BASES.join(" | ")}（默认 profit）
  --abc-cutoffs A,B      A 类和 B 类截止处的累计占比（默认 0.8,0.95）

输出
  --json                 输出一份 JSON 文档：{ customers, whaleCurve, abc }
  --out FILE             写入 FILE（默认写到标准输出）
  --report FILE          把导入报告以 JSON 格式写入 FILE
`,
};

async function costModel(path: string | undefined): Promise<CostModel> {
  if (path === undefined) throw new UsageError("cli.flag.required.file", { flag: "--cost-model" });
  return parseCostModel(await readJsonFile(path));
}

function cutoffs(value: string | undefined): [number, number] {
  if (value === undefined) return [0.8, 0.95];
  const parts = value.split(",").map(Number);
  if (parts.length !== 2 || parts.some((part) => !Number.isFinite(part))) {
    throw new UsageError("cli.flag.number-pair", { flag: "--abc-cutoffs", example: "0.8,0.95", value });
  }
  return parts as [number, number];
}

/** Writes the customers' P&L. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined)
    throw new UsageError("cli.args.file-required", {
      command: "profit",
      usage: "keyaccount profit <file> --cost-model FILE",
    });
  if (extra.length > 0)
    throw new UsageError("cli.args.one-file", { command: "profit", extra: extra.join(" ") });
  const model = await costModel(values["cost-model"] as string | undefined);
  const base = (values["abc-on"] as string | undefined) ?? "profit";
  if (!(ABC_BASES as readonly string[]).includes(base)) {
    throw new UsageError("cli.flag.choice", { flag: "--abc-on", allowed: ABC_BASES.join(", "), value: base });
  }
  const abcCutoffs = cutoffs(values["abc-cutoffs"] as string | undefined);
  const { summary, report, started } = await summarizeTransactionFile(path, values, io);
  const features = summary.features.filter((f) => !f.mixedCurrencies);
  const pnl = profitTable(features, model);
  const ranked =
    base === "profit" ? pnl.profitMinor : base === "margin" ? pnl.grossMarginMinor : pnl.netRevenueMinor;
  const abc = abcTable(pnl.ids, ranked, { cutoffs: abcCutoffs });
  const money = (minor: number) => formatMoney(minor, model.currency);
  const lines = pnl.costToServe;
  const amounts: [string, Float64Array][] = [
    ["gross_sales", pnl.grossSalesMinor],
    ["discounts", pnl.discountsMinor],
    ["returns", pnl.returnsMinor],
    ["net_revenue", pnl.netRevenueMinor],
    ["cost_of_goods", pnl.costOfGoodsMinor],
    ["estimated_cost_of_goods", pnl.estimatedCostOfGoodsMinor],
    ["uncosted_revenue", pnl.uncostedRevenueMinor],
    ["gross_margin", pnl.grossMarginMinor],
    ["cost_orders", lines.ordersMinor],
    ["cost_order_lines", lines.orderLinesMinor],
    ["cost_deliveries", lines.deliveriesMinor],
    ["cost_visits", lines.visitsMinor],
    ["cost_calls", lines.callsMinor],
    ["cost_complaints", lines.complaintsMinor],
    ["cost_financing", lines.financingMinor],
    ["cost_account_management", lines.accountManagementMinor],
    ["cost_to_serve", pnl.costToServeMinor],
    ["profit", pnl.profitMinor],
  ];
  const columns = ["id", ...amounts.map(([name]) => name), "margin_percent", "abc"];
  const classOf: string[] = new Array(pnl.ids.length);
  abc.order.forEach((i, r) => {
    classOf[i] = abc.abc[r] as string;
  });
  const rows: Cell[][] = pnl.ids.map((id, i) => {
    const margin = pnl.marginPercent[i] as number;
    return [
      id,
      ...amounts.map(([, column]) => money(column[i] as number)),
      Number.isNaN(margin) ? null : Number(margin.toFixed(4)),
      classOf[i] as string,
    ];
  });
  const out = values.out as string | undefined;
  const curve = whaleCurve(base === "profit" ? abc.values : pnl.profitMinor);
  if (values.json === true) {
    const objects = rows.map((row) => Object.fromEntries(columns.map((name, i) => [name, row[i] ?? null])));
    const text = `${JSON.stringify({ currency: model.currency, asOf: summary.asOf, abcOn: base, customers: objects, whaleCurve: curve }, null, 1)}\n`;
    if (out === undefined) io.stdout.write(text);
    else await writeFile(out, text);
  } else await writeTable(columns, rows, "csv", out, io.stdout);
  const reportPath = values.report as string | undefined;
  if (reportPath !== undefined) await writeFile(reportPath, `${JSON.stringify(report, null, 2)}\n`);
  const counts = abc.counts;
  const locale = io.locale ?? "en";
  const line = formatMessage(
    "cli.profit.summary",
    {
      profit: money(curve.totalProfitMinor),
      currency: model.currency,
      customers: pnl.ids.length,
      base,
      a: counts.A,
      b: counts.B,
      c: counts.C,
      peak: money(curve.peak.cumulativeProfitMinor),
      top: curve.peak.customers,
    },
    locale,
  );
  io.stderr.write(`${line}\n`);
  const meta = summaryMeta(summary);
  io.stderr.write(describeIngestReport(report, meta, Date.now() - started, locale));
  return 0;
}

/** `keyaccount profit <file> --cost-model FILE`: customer P&L with cost to serve, ABC classes, whale curve. */
export const profitCommand: Command = {
  summary: {
    en: "customer P&L with cost to serve, ABC classes and the whale curve",
    "zh-CN": "客户损益：含服务成本、ABC 分类和鲸鱼曲线",
  },
  help: PROFIT_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    "cost-model": { type: "string" },
    "abc-on": { type: "string" },
    "abc-cutoffs": { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
    report: { type: "string" },
  },
  run,
};
