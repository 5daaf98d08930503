import * as z from "zod/mini";
import { parseTierPolicy } from "../tier/parseTierPolicy.js";
import { tierPolicySchema } from "../tier/tierPolicySchema.js";
import { TIER_PRESETS, type TierPresetName } from "../tier/tierPresets.js";
import { readJsonFile } from "./readJsonFile.js";
import type { CliIo, Command, FlagValues } from "./runCli.js";
import { UsageError } from "./UsageError.js";

const PRESETS = Object.keys(TIER_PRESETS) as TierPresetName[];

const POLICY_HELP = `keyaccount policy (--schema | --preset NAME | --check FILE)

The tier policy is one JSON document: the ratings managers enter, the scorecard's dimensions and metrics, the
tiers, how accounts are assigned, hysteresis and the new-account grace period.

  --schema               print the policy's JSON Schema (for a CRM's settings form)
  --preset NAME          print a preset policy to start from: ${PRESETS.join(" | ")}
  --check FILE           check a policy file; every problem is listed with its JSON path (exit code 2)
`;

/** Prints the policy's JSON Schema or a preset, or checks a policy file. */
async function run(positionals: readonly string[], values: FlagValues, io: CliIo): Promise<number> {
  if (positionals.length > 0)
    throw new UsageError(`policy takes no file argument; got: ${positionals.join(" ")}`);
  const preset = values.preset as string | undefined;
  const check = values.check as string | undefined;
  if (values.schema === true) {
    io.stdout.write(`${JSON.stringify(z.toJSONSchema(tierPolicySchema()), null, 2)}\n`);
  } else if (preset !== undefined) {
    if (!(PRESETS as readonly string[]).includes(preset)) {
      throw new UsageError(`--preset must be one of ${PRESETS.join(", ")}; got "${preset}"`);
    }
    io.stdout.write(`${JSON.stringify(TIER_PRESETS[preset as TierPresetName], null, 2)}\n`);
  } else if (check !== undefined) {
    const policy = parseTierPolicy(await readJsonFile(check, "check"));
    io.stdout.write(
      `${check}: the policy "${policy.name}" is valid (${policy.tiers.length} tiers, ${policy.dimensions.length} dimensions)\n`,
    );
  } else throw new UsageError("policy needs --schema, --preset NAME or --check FILE");
  return 0;
}

/** `keyaccount policy`: the tier policy's JSON Schema, the presets, and checking a policy file. */
export const policyCommand: Command = {
  summary: "the tier policy: its JSON Schema, the presets, checking a policy file",
  help: POLICY_HELP,
  options: { schema: { type: "boolean" }, preset: { type: "string" }, check: { type: "string" } },
  run,
};
