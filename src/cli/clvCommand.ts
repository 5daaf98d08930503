import { customerLifetimeValue } from "../clv/customerLifetimeValue.js";
import { gammaGamma } from "../clv/gammaGamma.js";
import type { Locale } from "../model/locale.js";
import { TIME_UNITS, type TimeUnit } from "../model/timeUnit.js";
import { fitModel, modelName, PURCHASE_MODELS, readParams } from "./btydModels.js";
import { readSummaryFile } from "./readSummaryFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { TRANSACTION_FLAGS, TRANSACTION_FLAGS_HELP } from "./summarizeTransactionFile.js";
import { UsageError } from "./UsageError.js";
import { OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

const CLV_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount clv <summary.csv> --horizon N --horizon-unit U --discount-rate D --discount-unit U [options]

Writes one row per customer: id, clv, expected_purchases, expected_spend, p_alive. CLV = margin × expected spend
per purchase × expected purchases in each discounting period, discounted at the period's end. Each duration has
its unit; the file's unit (--time-unit) is required, so a CLV is never in the wrong unit.

The purchase model (--model, default bgnbd) and, when the file has monetary_value, the Gamma-Gamma spend model
are fitted on the file, unless --params / --spend-params give fitted models. Gamma-Gamma with q ≤ 1 is refused.

CLV
  --model M              bgnbd | mbgnbd | paretonbd | bgbb (default bgnbd)
  --params FILE          fitted purchase model (JSON of \`keyaccount fit --out\`)
  --spend-params FILE    fitted Gamma-Gamma model
  --spend N              spend per purchase when there is no spend model (default 1)
  --margin M             share of spend that is profit (default 1)
  --time-unit U          the unit of recency and T in the file: ${TIME_UNITS.join(" | ")} (required)
  --horizon N            the horizon ...
  --horizon-unit U       ... and its unit
  --discount-rate D      discount rate per --discount-unit (default 0)
  --discount-unit U      the discounting period (default: --horizon-unit)
  --format F             csv | json | jsonl (default csv)
  --out FILE             write to FILE (default standard output)

${TRANSACTION_FLAGS_HELP.en}Example
  keyaccount clv cdnow_customers_summary_with_transactions.csv --time-unit week --horizon 12 --horizon-unit month \\
    --discount-rate 0.01 --discount-unit month --margin 1
`,
  "zh-CN": `keyaccount clv <summary.csv> --horizon N --horizon-unit U --discount-rate D --discount-unit U [选项]

每位客户输出一行：id、clv、expected_purchases、expected_spend、p_alive。CLV = 利润率 × 每次购买的
期望消费额 × 每个贴现期内的期望购买次数，按该期期末贴现。每个时长都有各自的单位；文件的时间单位
（--time-unit）必须给出，因此 CLV 的单位不会出错。

购买模型（--model，默认 bgnbd）以及文件含 monetary_value 时的 Gamma-Gamma 消费模型都在该文件上拟合，
除非用 --params / --spend-params 给出已拟合的模型。q ≤ 1 的 Gamma-Gamma 模型会被拒绝。

CLV
  --model M              bgnbd | mbgnbd | paretonbd | bgbb（默认 bgnbd）
  --params FILE          已拟合的购买模型（\`keyaccount fit --out\` 输出的 JSON）
  --spend-params FILE    已拟合的 Gamma-Gamma 模型
  --spend N              没有消费模型时每次购买的消费额（默认 1）
  --margin M             消费额中属于利润的比例（默认 1）
  --time-unit U          文件中 recency 和 T 的单位：${TIME_UNITS.join(" | ")}（必填）
  --horizon N            预测期长度……
  --horizon-unit U       ……及其单位
  --discount-rate D      每个 --discount-unit 的贴现率（默认 0）
  --discount-unit U      贴现周期（默认与 --horizon-unit 相同）
  --format F             csv | json | jsonl（默认 csv）
  --out FILE             写入 FILE（默认写到标准输出）

${TRANSACTION_FLAGS_HELP["zh-CN"]}示例
  keyaccount clv cdnow_customers_summary_with_transactions.csv --time-unit week --horizon 12 --horizon-unit month \\
    --discount-rate 0.01 --discount-unit month --margin 1
`,
};

function unit(value: unknown, flag: string, fallback?: TimeUnit): TimeUnit {
  const text = (value as string | undefined) ?? fallback;
  if (text === undefined)
    throw new UsageError("cli.flag.required.choice", { flag: `--${flag}`, allowed: TIME_UNITS.join(", ") });
  if (!(TIME_UNITS as readonly string[]).includes(text))
    throw new UsageError("cli.flag.choice", {
      flag: `--${flag}`,
      allowed: TIME_UNITS.join(", "),
      value: text,
    });
  return text as TimeUnit;
}

function number(value: unknown, flag: string, fallback?: number): number {
  if (value === undefined) {
    if (fallback !== undefined) return fallback;
    throw new UsageError("cli.flag.required.number", { flag: `--${flag}` });
  }
  const parsed = Number(value);
  if (!Number.isFinite(parsed))
    throw new UsageError("cli.flag.number", { flag: `--${flag}`, value: String(value) });
  return parsed;
}

async function clv(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined)
    throw new UsageError("cli.args.file-required", {
      command: "clv",
      usage: "keyaccount clv <summary.csv> --horizon N …",
    });
  if (extra.length > 0) throw new UsageError("cli.args.one-file", { command: "clv", extra: extra.join(" ") });
  const name = modelName(values.model, "bgnbd");
  const model = PURCHASE_MODELS[name];
  if (model === undefined) {
    const allowed = Object.keys(PURCHASE_MODELS).join(", ");
    throw new UsageError("cli.flag.choice", { flag: "--model", allowed, value: name });
  }
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError("cli.flag.choice", {
      flag: "--format",
      allowed: OUTPUT_FORMATS.join(", "),
      value: format,
    });
  }
  const horizonUnit = unit(values["horizon-unit"], "horizon-unit");
  const options = {
    horizon: number(values.horizon, "horizon"),
    horizonUnit,
    discountRate: number(values["discount-rate"], "discount-rate", 0),
    discountUnit: unit(values["discount-unit"], "discount-unit", horizonUnit),
    margin: number(values.margin, "margin", 1),
  };
  const input = await readSummaryFile(path, values, io);
  const timeUnit = unit(input.timeUnit, "time-unit");
  const paramsPath = values.params as string | undefined;
  const params =
    paramsPath === undefined
      ? fitModel(name, input.rows).params
      : await readParams(paramsPath, model.parameterNames);
  const spendPath = values["spend-params"] as string | undefined;
  const hasSpend = input.rows.some((row) => row.monetaryValue !== undefined && row.frequency > 0);
  const spendParams =
    spendPath !== undefined
      ? await readParams(spendPath, gammaGamma.parameterNames)
      : hasSpend && values.spend === undefined
        ? fitModel("gammagamma", input.rows).params
        : undefined;
  const results = customerLifetimeValue(input.rows, {
    ...options,
    model,
    params,
    timeUnit,
    spendParams: spendParams as Record<"p" | "q" | "gamma", number> | undefined,
    spendPerPurchase: number(values.spend, "spend", 1),
  });
  await writeTable(
    ["id", "clv", "expected_purchases", "expected_spend", "p_alive"],
    results.map((r) => [r.id, r.clv, r.expectedPurchases, r.expectedSpend, r.pAlive]),
    format as OutputFormat,
    values.out as string | undefined,
    io.stdout,
  );
  return 0;
}

/** `keyaccount clv <summary.csv>`: discounted customer lifetime value per customer, with explicit units. */
export const clvCommand: Command = {
  summary: {
    en: "per customer: discounted CLV with explicit horizon, period and discount units",
    "zh-CN": "逐客户计算贴现 CLV，预测期、周期和贴现的单位均须明确给出",
  },
  help: CLV_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    model: { type: "string" },
    params: { type: "string" },
    "spend-params": { type: "string" },
    spend: { type: "string" },
    margin: { type: "string" },
    horizon: { type: "string" },
    "horizon-unit": { type: "string" },
    "discount-rate": { type: "string" },
    "discount-unit": { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  },
  run: clv,
};
