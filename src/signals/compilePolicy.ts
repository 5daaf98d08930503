// A checked policy with its packs merged, compiled to closures: the context every account view shares, the
// grades, scores and rules. Internal.

import type { Issue } from "../model/issue.js";
import { KeyAccountError } from "../model/KeyAccountError.js";
import { makeIssue } from "../model/makeIssue.js";
import { parseDay } from "../model/parseDay.js";
import { type AccountView, type SignalContext, tierSettings } from "./AccountView.js";
import { type CompiledCondition, compileCondition } from "./compileCondition.js";
import type { ScoreContribution } from "./evaluateSignals.js";
import { mergePacks } from "./mergePacks.js";
import { parseSignalPolicy } from "./parseSignalPolicy.js";
import { type MetricNames, resolveMetric } from "./resolveMetric.js";
import type { SignalEvidence } from "./SignalEvidence.js";
import type { LocalisedText, SignalPolicy, SignalRule } from "./signalPolicySchema.js";
import { resolveCareOptions } from "./upcomingCareDates.js";

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
  names: MetricNames;
  /** The account's grade number `index` (computed once per account). */
  gradeAt(view: AccountView, index: number): GradeResult;
  /** The account's score number `index` (computed once per account; with `contributions`, computed and explained). */
  scoreAt(view: AccountView, index: number, contributions?: ScoreContribution[]): number;
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
  const gradeIndex = new Map(grades.map((grade, index) => [grade.name, index]));
  const scoreIndex = new Map(scores.map((score, index) => [score.name, index]));
  const gradeAt = (view: AccountView, index: number): GradeResult => {
    const known = view.grades?.[index] as GradeResult | undefined;
    if (known !== undefined) return known;
    const grade = grades[index] as CompiledGrade;
    let classIndex = -1;
    for (let c = 0; c < grade.classes.length; c++) {
      if ((grade.classes[c] as CompiledGrade["classes"][number]).when.test(view)) {
        classIndex = c;
        break;
      }
    }
    const result = {
      label: classIndex < 0 ? grade.otherwise : (grade.classes[classIndex]?.label as string),
      classIndex,
    };
    view.grades ??= [];
    view.grades[index] = result;
    return result;
  };
  const computeScore = (
    view: AccountView,
    score: CompiledScore,
    contributions?: ScoreContribution[],
  ): number => {
    let total = score.base;
    for (const group of score.groups) {
      let sum = 0;
      for (let r = 0; r < group.rules.length; r++) {
        const rule = group.rules[r] as CompiledScore["groups"][number]["rules"][number];
        if (!rule.when.test(view)) continue;
        let points = rule.points;
        if (rule.age !== undefined) {
          const age = rule.age.read(view);
          points = typeof age === "number" ? points * 0.5 ** (Math.max(0, age) / rule.age.halfLifeDays) : 0;
        }
        sum += points;
        contributions?.push({ group: group.name, rule: r, points });
      }
      total += Math.min(group.max, Math.max(group.min, sum));
    }
    return Math.min(score.max, Math.max(score.min, total));
  };
  const scoreAt = (view: AccountView, index: number, contributions?: ScoreContribution[]): number => {
    const score = scores[index] as CompiledScore;
    if (contributions !== undefined) return computeScore(view, score, contributions);
    const known = view.scores?.[index];
    if (known !== undefined) return known;
    const value = computeScore(view, score);
    view.scores ??= [];
    view.scores[index] = value;
    return value;
  };
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
    settingsFor: tierSettings(asOf, settings),
    grade: (view, name) => {
      const index = gradeIndex.get(name);
      return index === undefined ? undefined : gradeAt(view, index).label;
    },
    score: (view, name) => {
      const index = scoreIndex.get(name);
      return index === undefined ? undefined : scoreAt(view, index);
    },
  };
  const rules = ruleList.map((rule) => ({
    rule,
    when: compileCondition(rule.when, names),
    tiers: rule.scope?.tiers === undefined ? undefined : new Set(rule.scope.tiers),
    segments: rule.scope?.segments === undefined ? undefined : new Set(rule.scope.segments),
  }));
  return { context, names, grades, scores, rules, gradeAt, scoreAt };
}

/** The evidence of a grade's matching class. */
export function gradeEvidence(view: AccountView, grade: CompiledGrade, classIndex: number): SignalEvidence[] {
  const out: SignalEvidence[] = [];
  grade.classes[classIndex]?.when.explain(view, out, false);
  return out;
}
