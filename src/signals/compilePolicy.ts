// A checked policy with its packs merged, compiled to closures: the context every account view shares, the
// grades, scores and rules. Internal.

import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import type { AccountView, SignalContext } from "./AccountView.js";
import { type CompiledCondition, compileCondition } from "./compileCondition.js";
import type { ScoreContribution } from "./evaluateSignals.js";
import { mergePacks } from "./mergePacks.js";
import { parseSignalPolicy } from "./parseSignalPolicy.js";
import { type MetricNames, resolveMetric } from "./resolveMetric.js";
import type { SignalEvidence } from "./SignalEvidence.js";
import type { LocalisedText, SignalPolicy, SignalRule } from "./signalPolicySchema.js";

export interface CompiledGrade {
  name: string;
  classes: { label: string; when: CompiledCondition; reason: LocalisedText | undefined }[];
  otherwise: string;
}

export interface GradeResult {
  label: string;
  /** The index of the class that matched; -1 for `otherwise`. */
  classIndex: number;
}

export interface CompiledScore {
  name: string;
  base: number;
  min: number;
  max: number;
  groups: {
    name: string;
    min: number;
    max: number;
    rules: { when: CompiledCondition; points: number; age: CompiledAge | undefined }[];
  }[];
}

interface CompiledAge {
  read(view: AccountView): number | string | undefined;
  halfLifeDays: number;
}

export interface CompiledPolicy {
  context: SignalContext;
  grades: CompiledGrade[];
  scores: CompiledScore[];
  rules: {
    rule: SignalRule;
    when: CompiledCondition;
    tiers: Set<string> | undefined;
    segments: Set<string> | undefined;
  }[];
  gradeOf(view: AccountView, name: string): GradeResult | undefined;
  scoreOf(view: AccountView, name: string, contributions?: ScoreContribution[]): number | undefined;
}

export function compilePolicy(input: SignalPolicy, asOf: string): CompiledPolicy {
  const policy = parseSignalPolicy(input);
  const asOfDay = parseDay(asOf, "YYYY-MM-DD");
  if (asOfDay === undefined) {
    throw new KeyAccountError([
      makeIssue("option.invalid", ["asOf"], { field: "asOf", reason: `${asOf} is not a YYYY-MM-DD day` }),
    ]);
  }
  const packs = mergePacks(policy.include ?? []);
  const gradeList = [...packs.grades, ...(policy.grades ?? [])];
  const scoreList = [...packs.scores, ...(policy.scores ?? [])];
  const ruleList = [...packs.rules, ...(policy.rules ?? [])];
  const names: MetricNames = {
    grades: new Set(gradeList.map((grade) => grade.name)),
    scores: new Set(scoreList.map((score) => score.name)),
  };
  const grades: CompiledGrade[] = gradeList.map((grade) => ({
    name: grade.name,
    classes: grade.classes.map((entry) => ({
      label: entry.label,
      when: compileCondition(entry.when, names),
      reason: entry.reason,
    })),
    otherwise: grade.otherwise,
  }));
  const scores: CompiledScore[] = scoreList.map((score) => ({
    name: score.name,
    base: score.base ?? 0,
    min: score.min ?? Number.NEGATIVE_INFINITY,
    max: score.max ?? Number.POSITIVE_INFINITY,
    groups: score.groups.map((group) => ({
      name: group.name,
      min: group.min ?? Number.NEGATIVE_INFINITY,
      max: group.max ?? Number.POSITIVE_INFINITY,
      rules: group.rules.map((rule) => ({
        when: compileCondition(rule.when, names),
        points: rule.points,
        age:
          rule.decay === undefined
            ? undefined
            : {
                read: resolveMetric(rule.decay.ageMetric, names)?.read ?? (() => undefined),
                halfLifeDays: rule.decay.halfLifeDays,
              },
      })),
    })),
  }));
  const gradeByName = new Map(grades.map((grade) => [grade.name, grade]));
  const scoreByName = new Map(scores.map((score) => [score.name, score]));
  const gradeOf = (view: AccountView, name: string): GradeResult | undefined => {
    const grade = gradeByName.get(name);
    if (grade === undefined) return undefined;
    return view.remember(`grade.${name}`, () => {
      const classIndex = grade.classes.findIndex((entry) => entry.when.test(view));
      return {
        label: classIndex < 0 ? grade.otherwise : (grade.classes[classIndex]?.label as string),
        classIndex,
      };
    });
  };
  const scoreOf = (
    view: AccountView,
    name: string,
    contributions?: ScoreContribution[],
  ): number | undefined => {
    const score = scoreByName.get(name);
    if (score === undefined) return undefined;
    const compute = (): number => {
      let total = score.base;
      for (const group of score.groups) {
        let sum = 0;
        group.rules.forEach((rule, index) => {
          if (!rule.when.test(view)) return;
          let points = rule.points;
          if (rule.age !== undefined) {
            const age = rule.age.read(view);
            points = typeof age === "number" ? points * 0.5 ** (Math.max(0, age) / rule.age.halfLifeDays) : 0;
          }
          sum += points;
          contributions?.push({ group: group.name, rule: index, points });
        });
        total += Math.min(group.max, Math.max(group.min, sum));
      }
      return Math.min(score.max, Math.max(score.min, total));
    };
    return contributions === undefined ? view.remember(`score.${name}`, compute) : compute();
  };
  const context: SignalContext = {
    asOf,
    asOfDay,
    settings: policy.settings ?? {},
    grade: (view, name) => gradeOf(view, name)?.label,
    score: (view, name) => scoreOf(view, name),
  };
  const rules = ruleList.map((rule) => ({
    rule,
    when: compileCondition(rule.when, names),
    tiers: rule.scope?.tiers === undefined ? undefined : new Set(rule.scope.tiers),
    segments: rule.scope?.segments === undefined ? undefined : new Set(rule.scope.segments),
  }));
  return { context, grades, scores, rules, gradeOf, scoreOf };
}

/** The evidence of a grade's matching class. */
export function gradeEvidence(view: AccountView, grade: CompiledGrade, classIndex: number): SignalEvidence[] {
  const out: SignalEvidence[] = [];
  grade.classes[classIndex]?.when.explain(view, out, false);
  return out;
}
