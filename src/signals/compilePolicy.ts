// A checked policy with its packs merged: the grades, scores and rules in evaluation order, the built-in metrics
// they read, and the context every account view shares. Internal.
import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { type SignalContext, tierSettings } from "./AccountRow.js";
import { PLACEHOLDER } from "./compileTemplate.js";
import { conditionMetrics } from "./evaluateCondition.js";
import { mergePacks } from "./mergePacks.js";
import { METRIC_DEFINITIONS } from "./metricDefinitions.js";
import type { MetricNames } from "./metricUnit.js";
import { parseSignalPolicy } from "./parseSignalPolicy.js";
import type { SignalMetricName } from "./signalMetrics.js";
import type {
  LocalisedText,
  PointsScore,
  SignalGrade,
  SignalPolicy,
  SignalRule,
} from "./signalPolicySchema.js";
import { resolveCareOptions } from "./upcomingCareDates.js";

export interface CompiledPolicy {
  context: SignalContext;
  names: MetricNames;
  grades: SignalGrade[];
  scores: PointsScore[];
  rules: SignalRule[];
  /** The built-in metrics the grades, scores, rules and messages read, with `tier` and `segment` for scopes. */
  metrics: SignalMetricName[];
}

function textMetrics(text: LocalisedText | undefined): string[] {
  if (text === undefined) return [];
  return [text.en, text["zh-CN"] ?? ""].flatMap((template) =>
    [...template.matchAll(PLACEHOLDER)].map((match) => match[1] as string),
  );
}

export function compilePolicy(input: SignalPolicy, asOf: string, locale: string): CompiledPolicy {
  const policy = parseSignalPolicy(input);
  const asOfDay = parseDay(asOf, "YYYY-MM-DD");
  const issues: Issue[] = [];
  if (asOfDay === undefined) {
    issues.push(
      makeIssue("option.invalid", ["asOf"], { field: "asOf", reason: `${asOf} is not a YYYY-MM-DD day` }),
    );
  }
  if (locale !== "en" && locale !== "zh-CN") {
    issues.push(
      makeIssue("option.invalid", ["locale"], { field: "locale", reason: `${locale} is not en or zh-CN` }),
    );
  }
  if (asOfDay === undefined || issues.length > 0) throw new KeyAccountError(issues);
  const packs = mergePacks(policy.include ?? []);
  const grades = [...packs.grades, ...(policy.grades ?? [])];
  const scores = [...packs.scores, ...(policy.scores ?? [])];
  const rules = [...packs.rules, ...(policy.rules ?? [])];
  const names: MetricNames = {
    grades: new Set(grades.map((grade) => grade.name)),
    scores: new Set(scores.map((score) => score.name)),
  };
  const used = new Set<string>(["tier", "segment"]);
  const note = (list: readonly string[]): void => {
    for (const name of list) used.add(name);
  };
  for (const grade of grades) {
    for (const entry of grade.classes) note([...conditionMetrics(entry.when), ...textMetrics(entry.reason)]);
  }
  for (const score of scores) {
    for (const group of score.groups) {
      for (const rule of group.rules) {
        note(conditionMetrics(rule.when));
        if (rule.decay !== undefined) used.add(rule.decay.ageMetric);
      }
    }
  }
  for (const rule of rules) note([...conditionMetrics(rule.when), ...textMetrics(rule.message)]);
  const metrics = [...used].filter((name): name is SignalMetricName =>
    Object.hasOwn(METRIC_DEFINITIONS, name),
  );
  const settings = policy.settings ?? {};
  const care = settings.care;
  const context: SignalContext = {
    asOf,
    asOfDay,
    settings,
    care: resolveCareOptions({
      asOf,
      lookAheadDays: care?.lookAheadDays ?? 14,
      ...(care?.kinds === undefined ? {} : { kinds: care.kinds }),
      ...(care?.holidays === undefined ? {} : { holidays: care.holidays }),
    }),
    settingsFor: tierSettings(asOfDay, settings),
  };
  return { context, names, grades, scores, rules, metrics };
}
