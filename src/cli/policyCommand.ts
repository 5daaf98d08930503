import * as z from "zod/mini";
import { formatMessage } from "../model/formatMessage.js";
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

const POLICY_HELP = `keyaccount policy (--schema | --preset NAME | --check FILE) [--kind tier|portfolio]

The tier policy is one JSON document: the ratings managers enter, the scorecard's dimensions and metrics, the
tiers, how accounts are assigned, hysteresis and the new-account grace period. The portfolio policy (what
"keyaccount score" runs) holds a tier policy or a preset's name, with the summary settings, RFM, the CLV model,
the cost model, the signal rules or packs and the task window (docs/policy-reference.md lists every field).

  --kind K               tier (default) | portfolio: which policy --schema and --check mean
  --schema               print the policy's JSON Schema (for a CRM's settings form)
  --preset NAME          print a preset tier policy to start from: ${PRESETS.join(" | ")}
  --check FILE           check a policy file; every problem is listed with its JSON path (exit code 2)
`;

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
  summary: "the tier and portfolio policies: their JSON Schemas, the presets, checking a policy file",
  help: POLICY_HELP,
  options: {
    schema: { type: "boolean" },
    preset: { type: "string" },
    check: { type: "string" },
    kind: { type: "string" },
  },
  run,
};
