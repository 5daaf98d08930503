import { bgBb } from "../clv/bgBb.js";
import { bgNbd } from "../clv/bgNbd.js";
import { gammaGamma } from "../clv/gammaGamma.js";
import { groupSummaries } from "../clv/groupSummaries.js";
import type { ModelFit } from "../clv/ModelFit.js";
import { mbgNbd } from "../clv/mbgNbd.js";
import type { PurchaseModel } from "../clv/PurchaseModel.js";
import { paretoNbd } from "../clv/paretoNbd.js";
import { sbg } from "../clv/sbg.js";
import { readJsonFile } from "./readJsonFile.js";
import type { SummaryRow } from "./readSummaryFile.js";
import { UsageError } from "./UsageError.js";

/** The models the command line fits, by their command-line names. */
export const MODEL_NAMES: readonly string[] = ["bgnbd", "mbgnbd", "paretonbd", "bgbb", "gammagamma", "sbg"];

/** The purchase models by name. */
export const PURCHASE_MODELS: Readonly<Record<string, PurchaseModel<string>>> = {
  bgnbd: bgNbd as PurchaseModel<string>,
  mbgnbd: mbgNbd as PurchaseModel<string>,
  paretonbd: paretoNbd as PurchaseModel<string>,
  bgbb: bgBb as PurchaseModel<string>,
};

/** The `--model` flag's value, checked. */
export function modelName(value: unknown, fallback?: string): string {
  const name = (value as string | undefined) ?? fallback;
  if (name === undefined)
    throw new UsageError("cli.flag.required.choice", { flag: "--model", allowed: MODEL_NAMES.join(", ") });
  if (!MODEL_NAMES.includes(name))
    throw new UsageError("cli.flag.choice", {
      flag: "--model",
      allowed: MODEL_NAMES.join(", "),
      value: name,
    });
  return name;
}

/** Fits the named model on a summary file's rows. */
export function fitModel(name: string, rows: readonly SummaryRow[]): ModelFit<string> {
  if (name === "gammagamma") {
    return gammaGamma.fit(
      rows.map((row) => ({
        frequency: row.frequency,
        monetaryValue: row.monetaryValue ?? 0,
        weight: row.weight,
      })),
    ) as ModelFit<string>;
  }
  if (name === "sbg") {
    if (rows.some((row) => row.survivors === undefined)) throw new UsageError("cli.model.sbg-survivors");
    return sbg.fit(rows.map((row) => row.survivors as number)) as ModelFit<string>;
  }
  const model = PURCHASE_MODELS[name] as PurchaseModel<string>;
  return model.fit(
    groupSummaries(
      rows.map((row) => ({ frequency: row.frequency, recency: row.recency, T: row.T, weight: row.weight })),
    ),
  );
}

/** Reads parameters from a JSON file: the output of `keyaccount fit --json` or a bare `{ "r": …, … }` object. */
export async function readParams(path: string, names: readonly string[]): Promise<Record<string, number>> {
  const parsed = await readJsonFile(path);
  const object = (parsed as { params?: unknown } | null)?.params ?? parsed;
  const params: Record<string, number> = {};
  for (const name of names) {
    const value =
      typeof object === "object" && object !== null ? (object as Record<string, unknown>)[name] : undefined;
    if (typeof value !== "number" || !(value > 0)) throw new UsageError("cli.params.missing", { path, name });
    params[name] = value;
  }
  return params;
}

/** The parameter names of the named model. */
export function parameterNames(name: string): readonly string[] {
  if (name === "gammagamma") return gammaGamma.parameterNames;
  if (name === "sbg") return sbg.parameterNames;
  return (PURCHASE_MODELS[name] as PurchaseModel<string>).parameterNames;
}
