import { writeFile } from "node:fs/promises";
import type { ModelFit } from "../clv/ModelFit.js";
import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";
import { localizeIssue } from "../model/localizeIssue.js";
import { fitModel, MODEL_NAMES, modelName } from "./btydModels.js";
import { readSummaryFile } from "./readSummaryFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { TRANSACTION_FLAGS, TRANSACTION_FLAGS_HELP } from "./summarizeTransactionFile.js";
import { UsageError } from "./UsageError.js";

const FIT_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount fit <summary.csv> --model M [options]

Fits a model by maximum likelihood and prints its parameters, log-likelihood (summed over customers), standard
errors and 95% intervals, iterations, whether it converged, and a diagnosis when the data cannot identify it.

The summary file is CSV with the header columns id, frequency, recency, T and optional monetary_value, weight
(matched case-insensitively; ID or customer_id for id; periods for BG/BB's T; survivors for sBG). With --as-of,
the file is a transaction file, summarised as \`keyaccount summarize\` does.

Model
  --model M              ${MODEL_NAMES.join(" | ")}
  --json                 print the result as JSON
  --out FILE             also write the JSON to FILE (input of predict/clv --params)

${TRANSACTION_FLAGS_HELP.en}Example
  keyaccount fit cdnow_customers_summary.csv --model bgnbd --json
`,
  "zh-CN": `keyaccount fit <summary.csv> --model M [选项]

用最大似然法拟合模型，输出其参数、对数似然（所有客户求和）、标准误和 95% 置信区间、迭代次数、
是否收敛；数据无法识别模型时还会给出诊断。

汇总文件为 CSV，表头列为 id、frequency、recency、T，以及可选的 monetary_value、weight（列名不区分
大小写；id 也可写作 ID 或 customer_id；BG/BB 的 T 用 periods；sBG 用 survivors）。指定 --as-of 时，
该文件按交易明细文件读取，并像 \`keyaccount summarize\` 一样先做汇总。

模型
  --model M              ${MODEL_NAMES.join(" | ")}
  --json                 以 JSON 格式输出结果
  --out FILE             同时把 JSON 写入 FILE（供 predict/clv --params 使用）

${TRANSACTION_FLAGS_HELP["zh-CN"]}示例
  keyaccount fit cdnow_customers_summary.csv --model bgnbd --json
`,
};

// The fit as people read it: the model, how it converged, each parameter with its interval, the diagnosis.
function fitText(result: ModelFit<string>, locale: Locale): string {
  const lines = [
    formatMessage(
      result.converged ? "cli.fit.converged" : "cli.fit.not-converged",
      {
        model: result.model,
        customers: result.n,
        logLikelihood: result.logLikelihood.toFixed(2),
        iterations: result.iterations,
      },
      locale,
    ),
  ];
  for (const [param, value] of Object.entries(result.params)) {
    const [low, high] = result.intervals[param] as [number, number];
    lines.push(
      formatMessage(
        "cli.fit.parameter",
        {
          name: param.padEnd(6),
          value: value.toFixed(4).padStart(12),
          se: (result.standardErrors[param] as number).toFixed(4),
          low: low.toFixed(4),
          high: high.toFixed(4),
        },
        locale,
      ),
    );
  }
  for (const issue of result.diagnosis) lines.push(`  ! ${localizeIssue(issue, locale).message}`);
  return `${lines.join("\n")}\n`;
}

async function fit(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined)
    throw new UsageError("cli.args.file-required", {
      command: "fit",
      usage: "keyaccount fit <summary.csv> --model M",
    });
  if (extra.length > 0) throw new UsageError("cli.args.one-file", { command: "fit", extra: extra.join(" ") });
  const name = modelName(values.model);
  const input = await readSummaryFile(path, values, io);
  const result = fitModel(name, input.rows);
  const json = {
    model: result.model,
    params: result.params,
    logLikelihood: result.logLikelihood,
    standardErrors: result.standardErrors,
    intervals: result.intervals,
    converged: result.converged,
    iterations: result.iterations,
    n: result.n,
    timeUnit: input.timeUnit ?? null,
    diagnosis: result.diagnosis.map((issue) => ({ code: issue.code, message: issue.message })),
  };
  const text = `${JSON.stringify(json, null, 2)}\n`;
  const out = values.out as string | undefined;
  if (out !== undefined) await writeFile(out, text);
  if (values.json === true) io.stdout.write(text);
  else io.stdout.write(fitText(result, io.locale ?? "en"));
  return 0;
}

/** `keyaccount fit <summary.csv> --model M`: a maximum-likelihood fit of a BTYD, spend or sBG model. */
export const fitCommand: Command = {
  summary: {
    en: "fit a CLV model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB, Gamma-Gamma, sBG)",
    "zh-CN": "拟合 CLV 模型（BG/NBD、MBG/NBD、Pareto/NBD、BG/BB、Gamma-Gamma、sBG）",
  },
  help: FIT_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    model: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
  },
  run: fit,
};
