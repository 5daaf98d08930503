import { writeFile } from "node:fs/promises";
import { fitModel, MODEL_NAMES, modelName } from "./btydModels.js";
import { readSummaryFile } from "./readSummaryFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { TRANSACTION_FLAGS, TRANSACTION_FLAGS_HELP } from "./summarizeTransactionFile.js";
import { UsageError } from "./UsageError.js";

const FIT_HELP = `keyaccount fit <summary.csv> --model M [options]

Fits a model by maximum likelihood and prints its parameters, log-likelihood (summed over customers), standard
errors and 95% intervals, iterations, whether it converged, and a diagnosis when the data cannot identify it.

The summary file is CSV with the header columns id, frequency, recency, T and optional monetary_value, weight
(matched case-insensitively; ID or customer_id for id; periods for BG/BB's T; survivors for sBG). With --as-of,
the file is a transaction file, summarised as \`keyaccount summarize\` does.

Model
  --model M              ${MODEL_NAMES.join(" | ")}
  --json                 print the result as JSON
  --out FILE             also write the JSON to FILE (input of predict/clv --params)

${TRANSACTION_FLAGS_HELP}Example
  keyaccount fit cdnow_customers_summary.csv --model bgnbd --json
`;

async function fit(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  const [path, ...extra] = positionals;
  if (path === undefined) throw new UsageError("fit needs a file: keyaccount fit <summary.csv> --model M");
  if (extra.length > 0) throw new UsageError(`fit takes one file; also got: ${extra.join(" ")}`);
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
  else {
    const lines = Object.entries(result.params).map(([param, value]) => {
      const se = result.standardErrors[param] as number;
      const [low, high] = result.intervals[param] as [number, number];
      return `  ${param.padEnd(6)} ${value.toFixed(4).padStart(12)}  SE ${se.toFixed(4)}  95% [${low.toFixed(4)}, ${high.toFixed(4)}]`;
    });
    io.stdout.write(
      `${result.model}: ${result.n} customers, log-likelihood ${result.logLikelihood.toFixed(2)}, ` +
        `${result.converged ? "converged" : "NOT converged"} after ${result.iterations} iterations\n${lines.join("\n")}\n` +
        result.diagnosis.map((issue) => `  ! ${issue.message}\n`).join(""),
    );
  }
  return 0;
}

/** `keyaccount fit <summary.csv> --model M`: a maximum-likelihood fit of a BTYD, spend or sBG model. */
export const fitCommand: Command = {
  summary: "fit a CLV model (BG/NBD, MBG/NBD, Pareto/NBD, BG/BB, Gamma-Gamma, sBG)",
  help: FIT_HELP,
  options: {
    ...TRANSACTION_FLAGS,
    model: { type: "string" },
    json: { type: "boolean" },
    out: { type: "string" },
  },
  run: fit,
};
