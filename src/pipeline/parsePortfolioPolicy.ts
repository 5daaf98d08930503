import * as z from "zod/mini";
import { documentIssues } from "../model/documentIssues.js";
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseCostModel } from "../profit/parseCostModel.js";
import { segmentMapSchema } from "../rfm/segmentMapSchema.js";
import { parseSignalPolicy } from "../signals/parseSignalPolicy.js";
import { parseTierPolicy } from "../tier/parseTierPolicy.js";
import { type PortfolioPolicy, portfolioPolicySchema } from "./portfolioPolicySchema.js";

let shallow: z.ZodMiniType<PortfolioPolicy> | undefined;

// A part's issues, their paths moved under the part's keys: ["policy", "tiers", …] instead of ["policy", …].
function underPart(issues: readonly Issue[], part: readonly string[]): Issue[] {
  return issues.map((issue) => {
    const path = ["policy", ...part, ...issue.path.slice(1)];
    const params = { ...(issue.params ?? {}) };
    if (params.field === issue.path.join(".")) params.field = path.join(".");
    return makeIssue(issue.code, path, params, issue.row);
  });
}

// Parses one part with its own parser; its problems are added to `issues` and undefined is returned.
function parsePart<T>(parse: () => T, part: string, issues: Issue[]): T | undefined {
  try {
    return parse();
  } catch (error) {
    if (!(error instanceof KeyAccountError)) throw error;
    issues.push(...underPart(error.issues, [part]));
    return undefined;
  }
}

/**
 * Checks a portfolio policy ({@link PortfolioPolicy}) and returns it typed: the document's own fields against
 * {@link portfolioPolicySchema}, then the tier policy, the signal policy, the segment map and the cost model with
 * their own parsers ({@link parseTierPolicy}, {@link parseSignalPolicy}, {@link parseCostModel}), so every check
 * those make applies here too. Every problem is reported at once, with its JSON path from the document's root
 * (e.g. `policy.tiers.dimensions.0.weight`).
 *
 * @param input - The policy as parsed JSON.
 * @returns The policy, typed (the parts as their parsers return them).
 * @throws {KeyAccountError} listing every problem: unknown keys (`__proto__` included), wrong types or ranges,
 * unknown presets, packs or metrics, and whatever the parts' parsers find.
 *
 * @example
 * ```ts
 * parsePortfolioPolicy({ version: 1, name: "2026", tiers: "abc", signals: ["credit"] }).tiers; // => "abc"
 * parsePortfolioPolicy({ version: 1, name: "2026", tiers: "abcd" }); // throws: policy.tiers …
 * ```
 */
export function parsePortfolioPolicy(input: unknown): PortfolioPolicy {
  shallow ??= portfolioPolicySchema(false);
  const result = z.safeParse(shallow, input);
  if (!result.success) throw new KeyAccountError(documentIssues(result.error.issues, "policy"));
  const policy: PortfolioPolicy = { ...result.data };
  const issues: Issue[] = [];
  if (typeof policy.tiers !== "string") {
    const tiers = parsePart(() => parseTierPolicy(policy.tiers), "tiers", issues);
    if (tiers !== undefined) policy.tiers = tiers;
  }
  if (policy.signals !== undefined && !Array.isArray(policy.signals)) {
    const signals = parsePart(() => parseSignalPolicy(policy.signals), "signals", issues);
    if (signals !== undefined) policy.signals = signals;
  }
  if (policy.costModel !== undefined) {
    const costModel = parsePart(() => parseCostModel(policy.costModel), "costModel", issues);
    if (costModel !== undefined) policy.costModel = costModel;
  }
  const segments = policy.rfm?.segments;
  if (segments !== undefined && typeof segments !== "string") {
    const checked = z.safeParse(segmentMapSchema(), segments);
    if (!checked.success)
      issues.push(...underPart(documentIssues(checked.error.issues, "segments"), ["rfm", "segments"]));
  }
  if (
    policy.currency !== undefined &&
    policy.costModel !== undefined &&
    policy.costModel.currency !== policy.currency
  ) {
    issues.push(
      makeIssue("option.invalid", ["policy", "costModel", "currency"], {
        field: "policy.costModel.currency",
        reason: `the cost model is in ${policy.costModel.currency}, the portfolio in ${policy.currency}`,
      }),
    );
  }
  if (issues.length > 0) throw new KeyAccountError(issues);
  return policy;
}
