import { writeFile } from "node:fs/promises";
import { formatMessage } from "../model/formatMessage.js";
import { formatMoney } from "../model/formatMoney.js";
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

const PROFIT_HELP = `keyaccount profit <file> --cost-model costs.json [options]

Reads a transaction file like "keyaccount summarize" and writes each customer's P&L, exact to the cent:
gross sales − returns = net revenue; − cost of goods (the cost column, or the model's marginRate for lines
without a cost) = gross margin; − cost to serve (per order, per line, per delivery = day with a sale, per
complaint, per tier) = profit; the margin %, each cost line, and the customer's ABC class. With --json, one JSON
document with the customers and the whale-curve data (cumulative profit of customers ranked by profit, its peak).
A transaction file has no visits, calls, invoices or discounts: those cost lines are 0 here (use the library's
profitInputs with interaction and invoice records for them).

${TRANSACTION_FLAGS_HELP}Profit
  --cost-model FILE      the cost model, JSON (required), e.g.
                         { "currency": "GBP", "marginRate": 0.35, "perOrderMinor": 250, "perOrderLineMinor": 10,
                           "perDeliveryMinor": 400 }
  --abc-on B             ${ABC_BASES.join(" | ")} (default profit)
  --abc-cutoffs A,B      cumulative shares that end classes A and B (default 0.8,0.95)

Output
  --json                 one JSON document: { customers, whaleCurve, abc }
  --out FILE             write to FILE (default standard output)
  --report FILE          write the ingest report as JSON to FILE
`;

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
  summary: "customer P&L with cost to serve, ABC classes and the whale curve",
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
