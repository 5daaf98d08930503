// A compiled policy's evaluation of one block of accounts at a time, over its columns: the metric table, each
// grade's labels and matching classes, each score's values (and the points behind them), each rule's mask. The
// columns and masks are made once, for the largest block, and reused, so the columns and masks of a million
// accounts are never all in memory at once and evaluating allocates little per block. Internal.
import type { CompiledPolicy } from "./compilePolicy.js";
import { compileCondition, type EvaluatedCondition } from "./evaluateCondition.js";
import type { ScoreContribution } from "./evaluateSignals.js";
import type { SignalAccount } from "./SignalAccount.js";
import { SignalTable } from "./SignalTable.js";

interface GradeState {
  labels: (string | undefined)[];
  /** The class that matched each account, -1 for `otherwise`. */
  classIndex: Int32Array;
  classes: EvaluatedCondition[];
}

interface ScoreRule {
  when: EvaluatedCondition;
  points: number;
  ages: Float64Array | undefined;
  halfLifeDays: number;
}

interface ScoreState {
  values: Float64Array;
  groups: { name: string; min: number; max: number; rules: ScoreRule[] }[];
}

// The points a rule gives account i: decayed by the age of what earned them; a missing age earns none.
function pointsOf(rule: ScoreRule, i: number): number {
  if (rule.ages === undefined) return rule.points;
  const age = rule.ages[i] as number;
  return Number.isNaN(age) ? 0 : rule.points * 0.5 ** (Math.max(0, age) / rule.halfLifeDays);
}

export class BlockEvaluator {
  readonly table: SignalTable;
  readonly grades: GradeState[];
  readonly scores: ScoreState[];
  readonly rules: EvaluatedCondition[];
  private readonly compiled: CompiledPolicy;

  /** Columns and masks for blocks of up to `capacity` accounts. */
  constructor(compiled: CompiledPolicy, capacity: number) {
    this.compiled = compiled;
    // Every metric the policy reads, one column each, then grades, then scores (which may read grades), then rules.
    const table = new SignalTable(capacity, compiled.metrics, compiled.context);
    this.table = table;
    this.grades = compiled.grades.map((grade) => ({
      labels: table.addTexts(`grade.${grade.name}`),
      classIndex: new Int32Array(capacity),
      classes: grade.classes.map((entry) => compileCondition(entry.when, table)),
    }));
    for (const score of compiled.scores) table.addNumbers(`score.${score.name}`);
    this.scores = compiled.scores.map((score) => ({
      values: table.column(`score.${score.name}`) as Float64Array,
      groups: score.groups.map((group) => ({
        name: group.name,
        min: group.min ?? Number.NEGATIVE_INFINITY,
        max: group.max ?? Number.POSITIVE_INFINITY,
        rules: group.rules.map((rule) => ({
          when: compileCondition(rule.when, table),
          points: rule.points,
          ages: rule.decay === undefined ? undefined : (table.column(rule.decay.ageMetric) as Float64Array),
          halfLifeDays: rule.decay?.halfLifeDays ?? 1,
        })),
      })),
    }));
    this.rules = compiled.rules.map((rule) => compileCondition(rule.when, table));
  }

  /** Evaluates accounts[from, to): the block the table, labels, values and masks describe from now on. */
  evaluate(accounts: readonly SignalAccount[], from: number, to: number): void {
    const { table, compiled } = this;
    table.fill(accounts, from, to);
    const size = table.size;
    compiled.grades.forEach((grade, g) => {
      const { labels, classIndex, classes } = this.grades[g] as GradeState;
      for (const entry of classes) entry.evaluate();
      for (let i = 0; i < size; i++) {
        let label = grade.otherwise;
        let matched = -1;
        for (let c = 0; c < classes.length; c++) {
          if ((classes[c] as EvaluatedCondition).mask[i] === 1) {
            label = (grade.classes[c] as (typeof grade.classes)[number]).label;
            matched = c;
            break;
          }
        }
        labels[i] = label;
        classIndex[i] = matched;
      }
    });
    compiled.scores.forEach((score, s) => {
      const { values, groups } = this.scores[s] as ScoreState;
      for (const group of groups) for (const rule of group.rules) rule.when.evaluate();
      const min = score.min ?? Number.NEGATIVE_INFINITY;
      const max = score.max ?? Number.POSITIVE_INFINITY;
      for (let i = 0; i < size; i++) {
        let total = score.base ?? 0;
        for (const group of groups) {
          let sum = 0;
          for (const rule of group.rules) if (rule.when.mask[i] === 1) sum += pointsOf(rule, i);
          total += Math.min(group.max, Math.max(group.min, sum));
        }
        values[i] = Math.min(max, Math.max(min, total));
      }
    });
    for (const rule of this.rules) rule.evaluate();
  }

  /** The points each rule of score `s` gave account i of the block (the rules that held). */
  contributions(s: number, i: number): ScoreContribution[] {
    return (this.scores[s] as ScoreState).groups.flatMap((group) =>
      group.rules.flatMap((rule, r) =>
        rule.when.mask[i] === 1 ? [{ group: group.name, rule: r, points: pointsOf(rule, i) }] : [],
      ),
    );
  }
}
