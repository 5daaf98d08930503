import { gammaGamma } from "../clv/gammaGamma.js";
import { predictPurchases } from "../clv/predictPurchases.js";
import type { Locale } from "../model/locale.js";
import {
  fitModel,
  MODEL_NAMES,
  modelName,
  PURCHASE_MODELS,
  parameterNames,
  readParams,
} from "./btydModels.js";
import { readSummaryFile } from "./readSummaryFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { TRANSACTION_FLAGS, TRANSACTION_FLAGS_HELP } from "./summarizeTransactionFile.js";
import { UsageError } from "./UsageError.js";
import { type Cell, OUTPUT_FORMATS, type OutputFormat, writeTable } from "./writeTable.js";

const PREDICT_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount predict <summary.csv> --model M --horizon H [options]

Writes one row per customer: id, expected_purchases in the next H time units (the unit of recency and T in
the file; BG/BB: opportunities) and p_alive; for --model gammagamma: id, expected_spend. The model is fitted on
the file unless --params gives a fitted model (the JSON of \`keyaccount fit --out\`).

Prediction
  --model M              ${MODEL_NAMES.filter((name) => name !== "sbg").join(" | ")}
  --params FILE          fitted parameters (JSON) instead of fitting on the file
  --horizon H            the horizon, in the file's time unit (not needed for gammagamma)
  --format F             csv | json | jsonl (default csv)
  --out FILE             write to FILE (default standard output)

${TRANSACTION_FLAGS_HELP.en}Example
  keyaccount predict cdnow_customers_summary.csv --model bgnbd --horizon 39
`,
  "zh-CN": `keyaccount predict <summary.csv> --model M --horizon H [选项]

每位客户输出一行：id、未来 H 个时间单位（即文件中 recency 和 T 的单位；BG/BB 为交易机会数）内的
expected_purchases，以及 p_alive；--model gammagamma 时输出 id、expected_spend。模型在该文件上
拟合，除非用 --params 给出已拟合的模型（\`keyaccount fit --out\` 输出的 JSON）。

预测
  --model M              ${MODEL_NAMES.filter((name) => name !== "sbg").join(" | ")}
  --params FILE          已拟合的参数（JSON），不再在文件上拟合
  --horizon H            预测期长度，以文件的时间单位计（gammagamma 不需要）
  --format F             csv | json | jsonl（默认 csv）
  --out FILE             写入 FILE（默认写到标准输出）

${TRANSACTION_FLAGS_HELP["zh-CN"]}示例
  keyaccount predict cdnow_customers_summary.csv --model bgnbd --horizon 39
`,
};

async function predict(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined)
    throw new UsageError("cli.args.file-required", {
      command: "predict",
      usage: "keyaccount predict <summary.csv> --model M",
    });
  if (extra.length > 0)
    throw new UsageError("cli.args.one-file", { command: "predict", extra: extra.join(" ") });
  const name = modelName(values.model);
  if (name === "sbg") throw new UsageError("cli.predict.sbg");
  const format = (values.format as string | undefined) ?? "csv";
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError("cli.flag.choice", {
      flag: "--format",
      allowed: OUTPUT_FORMATS.join(", "),
      value: format,
    });
  }
  const input = await readSummaryFile(path, values, io);
  const paramsPath = values.params as string | undefined;
  const params =
    paramsPath === undefined
      ? fitModel(name, input.rows).params
      : await readParams(paramsPath, parameterNames(name));
  let columns: string[];
  let rows: Cell[][];
  if (name === "gammagamma") {
    columns = ["id", "expected_spend"];
    rows = input.rows.map((row) => [
      row.id,
      gammaGamma.conditionalExpectedSpend(params as Record<"p" | "q" | "gamma", number>, {
        frequency: row.frequency,
        monetaryValue: row.monetaryValue ?? 0,
      }) ?? null,
    ]);
  } else {
    const horizonText = values.horizon as string | undefined;
    if (horizonText === undefined) throw new UsageError("cli.flag.required.number", { flag: "--horizon" });
    const horizon = Number(horizonText);
    if (horizonText.trim() === "" || !(horizon >= 0))
      throw new UsageError("cli.flag.non-negative", { flag: "--horizon", value: horizonText });
    const prediction = predictPurchases(PURCHASE_MODELS[name] as never, params, input.rows, horizon);
    columns = ["id", "expected_purchases", "p_alive"];
    rows = input.rows.map((row, i) => [row.id, prediction.expectedPurchases[i], prediction.pAlive[i]]);
  }
  await writeTable(columns, rows, format as OutputFormat, values.out as string | undefined, io.stdout);
  return 0;
}

/** `keyaccount predict <summary.csv> --model M --horizon H`: expected purchases and P(alive) per customer. */
export const predictCommand: Command = {
  summary: {
    en: "per customer: expected purchases over a horizon, P(alive), or expected spend",
    "zh-CN": "逐客户预测：预测期内的期望购买次数、仍活跃概率（P(alive)）或期望消费额",
  },
  help: PREDICT_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    model: { type: "string" },
    params: { type: "string" },
    horizon: { type: "string" },
    format: { type: "string" },
    out: { type: "string" },
  },
  run: predict,
};
