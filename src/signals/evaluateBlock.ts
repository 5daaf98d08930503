// One block of accounts evaluated over its columns: the metric table, each grade's labels and matching classes,
// each score's values (and the points behind them), each rule's mask. evaluateSignals runs the accounts block by
// block, so the columns and masks of a million accounts are never all in memory at once. Internal.
import type { CompiledPolicy } from "./compilePolicy.js";
import { type EvaluatedCondition, evaluateCondition } from "./evaluateCondition.js";
import type { ScoreContribution } from "./evaluateSignals.js";
import type { SignalAccount } from "./SignalAccount.js";
import { fillTable, type SignalTable } from "./SignalTable.js";

export interface BlockResult {
  table: SignalTable;
  grades: { labels: string[]; classIndex: Int32Array; classes: EvaluatedCondition[] }[];
  scores: { values: Float64Array; contributions(i: number): ScoreContribution[] }[];
  rules: EvaluatedCondition[];
}

export function evaluateBlock(accounts: readonly SignalAccount[], compiled: CompiledPolicy): BlockResult {
  const size = accounts.length;
  // Every metric the policy reads, one column each, then grades, then scores (which may read grades), then rules.
  const table = fillTable(accounts, compiled.metrics, compiled.context);
  const grades = compiled.grades.map((grade) => {
    const classes = grade.classes.map((entry) => evaluateCondition(entry.when, table));
    const labels = new Array<string>(size);
    const classIndex = new Int32Array(size).fill(-1);
    for (let i = 0; i < size; i++) {
      let label = grade.otherwise;
      for (let c = 0; c < classes.length; c++) {
        if ((classes[c] as EvaluatedCondition).mask[i] === 1) {
          label = (grade.classes[c] as (typeof grade.classes)[number]).label;
          classIndex[i] = c;
          break;
        }
      }
      labels[i] = label;
    }
    table.set(`grade.${grade.name}`, labels);
    return { labels, classIndex, classes };
  });
  const scores = compiled.scores.map((score) => {
    const groups = score.groups.map((group) => ({
      name: group.name,
      min: group.min ?? Number.NEGATIVE_INFINITY,
      max: group.max ?? Number.POSITIVE_INFINITY,
      rules: group.rules.map((rule) => ({
        when: evaluateCondition(rule.when, table),
        points: rule.points,
        ages: rule.decay === undefined ? undefined : (table.column(rule.decay.ageMetric) as Float64Array),
        halfLifeDays: rule.decay?.halfLifeDays ?? 1,
      })),
    }));
    // The points a rule gives account i: decayed by the age of what earned them; a missing age earns none.
    const pointsOf = (rule: (typeof groups)[number]["rules"][number], i: number): number => {
      if (rule.ages === undefined) return rule.points;
      const age = rule.ages[i] as number;
      return Number.isNaN(age) ? 0 : rule.points * 0.5 ** (Math.max(0, age) / rule.halfLifeDays);
    };
    const min = score.min ?? Number.NEGATIVE_INFINITY;
    const max = score.max ?? Number.POSITIVE_INFINITY;
    const values = new Float64Array(size);
    for (let i = 0; i < size; i++) {
      let total = score.base ?? 0;
      for (const group of groups) {
        let sum = 0;
        for (const rule of group.rules) if (rule.when.mask[i] === 1) sum += pointsOf(rule, i);
        total += Math.min(group.max, Math.max(group.min, sum));
      }
      values[i] = Math.min(max, Math.max(min, total));
    }
    table.set(`score.${score.name}`, values);
    const contributions = (i: number): ScoreContribution[] =>
      groups.flatMap((group) =>
        group.rules.flatMap((rule, r) =>
          rule.when.mask[i] === 1 ? [{ group: group.name, rule: r, points: pointsOf(rule, i) }] : [],
        ),
      );
    return { values, contributions };
  });
  const rules = compiled.rules.map((rule) => evaluateCondition(rule.when, table));
  return { table, grades, scores, rules };
}
