import * as z from "zod/mini";
import { formatMessage } from "../model/formatMessage.js";
import type { Locale } from "../model/locale.js";
import { parsePortfolioPolicy } from "../pipeline/parsePortfolioPolicy.js";
import { portfolioPolicySchema } from "../pipeline/portfolioPolicySchema.js";
import { parseTierPolicy } from "../tier/parseTierPolicy.js";
import { tierPolicySchema } from "../tier/tierPolicySchema.js";
import { TIER_PRESETS, type TierPresetName } from "../tier/tierPresets.js";
import { readJsonFile } from "./readJsonFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { UsageError } from "./UsageError.js";

const PRESETS = Object.keys(TIER_PRESETS) as TierPresetName[];

const KINDS = ["tier", "portfolio"] as const;

const POLICY_HELP: Readonly<Record<Locale, string>> = {
  en: `keyaccount policy (--schema | --preset NAME | --check FILE) [--kind tier|portfolio]

The tier policy is one JSON document: the ratings managers enter, the scorecard's dimensions and metrics, the
tiers, how accounts are assigned, hysteresis and the new-account grace period. The portfolio policy (what
"keyaccount score" runs) holds a tier policy or a preset's name, with the summary settings, RFM, the CLV model,
the cost model, the signal rules or packs and the task window (docs/policy-reference.md lists every field).

  --kind K               tier (default) | portfolio: which policy --schema and --check mean
  --schema               print the policy's JSON Schema (for a CRM's settings form)
  --preset NAME          print a preset tier policy to start from: ${PRESETS.join(" | ")}
  --check FILE           check a policy file; every problem is listed with its JSON path (exit code 2)
`,
  "zh-CN": `keyaccount policy (--schema | --preset NAME | --check FILE) [--kind tier|portfolio]

分级策略是一份 JSON 文档：客户经理录入的评分项、评分卡的维度和指标、各个等级、客户的定级方式、
升降级缓冲以及新客保护期。组合策略（“keyaccount score”运行的就是它）包含一份分级策略或某个
预设的名称，以及汇总设置、RFM、CLV 模型、成本模型、预警规则或规则包和任务时间窗口
（docs/policy-reference.md 列出了全部字段）。

  --kind K               tier（默认）| portfolio：--schema 和 --check 针对哪种策略
  --schema               输出该策略的 JSON Schema（供 CRM 生成设置表单）
  --preset NAME          输出一个可作为起点的预设分级策略：${PRESETS.join(" | ")}
  --check FILE           校验策略文件；逐条列出每个问题及其 JSON 路径（退出码 2）
`,
};

/** Prints the policy's JSON Schema or a preset, or checks a policy file. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  if (positionals.length > 0)
    throw new UsageError("cli.args.none", { command: "policy", extra: positionals.join(" ") });
  const preset = values.preset as string | undefined;
  const check = values.check as string | undefined;
  const kind = (values.kind as string | undefined) ?? "tier";
  const locale = io.locale ?? "en";
  if (!(KINDS as readonly string[]).includes(kind))
    throw new UsageError("cli.flag.choice", { flag: "--kind", allowed: KINDS.join(", "), value: kind });
  if (values.schema === true) {
    const schema = kind === "portfolio" ? portfolioPolicySchema() : tierPolicySchema();
    io.stdout.write(`${JSON.stringify(z.toJSONSchema(schema), null, 2)}\n`);
  } else if (preset !== undefined) {
    if (!(PRESETS as readonly string[]).includes(preset)) {
      throw new UsageError("cli.flag.choice", {
        flag: "--preset",
        allowed: PRESETS.join(", "),
        value: preset,
      });
    }
    io.stdout.write(`${JSON.stringify(TIER_PRESETS[preset as TierPresetName], null, 2)}\n`);
  } else if (check !== undefined && kind === "portfolio") {
    const policy = parsePortfolioPolicy(await readJsonFile(check));
    io.stdout.write(
      `${formatMessage("cli.policy.portfolio-valid", { path: check, name: policy.name }, locale)}\n`,
    );
  } else if (check !== undefined) {
    const policy = parseTierPolicy(await readJsonFile(check));
    const verdict = formatMessage(
      "cli.policy.valid",
      { path: check, name: policy.name, tiers: policy.tiers.length, dimensions: policy.dimensions.length },
      locale,
    );
    io.stdout.write(`${verdict}\n`);
  } else throw new UsageError("cli.policy.action");
  return 0;
}

/** `keyaccount policy`: the tier and portfolio policies' JSON Schemas, the presets, and checking a policy file. */
export const policyCommand: Command = {
  summary: {
    en: "the tier and portfolio policies: their JSON Schemas, the presets, checking a policy file",
    "zh-CN": "分级策略和组合策略：JSON Schema、预设策略、校验策略文件",
  },
  help: POLICY_HELP,
  options: {
    schema: { type: "boolean" },
    preset: { type: "string" },
    check: { type: "string" },
    kind: { type: "string" },
  },
  run,
};
