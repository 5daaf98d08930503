// A checked condition evaluated over the columns of a table: a mask (1 where the condition holds) per node of the
// condition, and the evidence of one account read back from the columns. Internal: parseSignalPolicy has checked
// the shape, the metric names and their units, so this trusts them.

import type { SignalEvidence } from "./SignalEvidence.js";
import type { SignalTable } from "./SignalTable.js";
import type { ComparisonOperator, SignalCondition } from "./signalPolicySchema.js";

export interface EvaluatedCondition {
  /** 1 for the accounts where the condition holds, else 0. */
  mask: Uint8Array;
  /** Adds the evidence of account `i`: the parts that decided (those that held; under a `not`, those that did not). */
  explain(i: number, out: SignalEvidence[], negated: boolean): void;
}

/** The metric names a condition reads, `ref`s included. */
export function conditionMetrics(condition: SignalCondition): string[] {
  if ("all" in condition) return condition.all.flatMap(conditionMetrics);
  if ("any" in condition) return condition.any.flatMap(conditionMetrics);
  if ("not" in condition) return conditionMetrics(condition.not);
  return "ref" in condition ? [condition.metric, condition.ref] : [condition.metric];
}

function compareInto(
  mask: Uint8Array,
  op: ComparisonOperator,
  values: Float64Array,
  limit: (i: number) => number,
): void {
  // One loop per operator; NaN (missing) fails every comparison but !=, which is checked apart.
  const n = mask.length;
  switch (op) {
    case "<":
      for (let i = 0; i < n; i++) mask[i] = (values[i] as number) < limit(i) ? 1 : 0;
      break;
    case "<=":
      for (let i = 0; i < n; i++) mask[i] = (values[i] as number) <= limit(i) ? 1 : 0;
      break;
    case ">":
      for (let i = 0; i < n; i++) mask[i] = (values[i] as number) > limit(i) ? 1 : 0;
      break;
    case ">=":
      for (let i = 0; i < n; i++) mask[i] = (values[i] as number) >= limit(i) ? 1 : 0;
      break;
    case "==":
      for (let i = 0; i < n; i++) mask[i] = values[i] === limit(i) ? 1 : 0;
      break;
    case "!=":
      for (let i = 0; i < n; i++) {
        const value = values[i] as number;
        const other = limit(i);
        mask[i] = !Number.isNaN(value) && !Number.isNaN(other) && value !== other ? 1 : 0;
      }
      break;
  }
}

export function evaluateCondition(condition: SignalCondition, table: SignalTable): EvaluatedCondition {
  const size = table.size;
  if ("all" in condition || "any" in condition) {
    const isAll = "all" in condition;
    const parts = (isAll ? condition.all : condition.any).map((part) => evaluateCondition(part, table));
    const mask = new Uint8Array(size);
    if (isAll) mask.fill(1);
    for (const part of parts) {
      const other = part.mask;
      if (isAll) for (let i = 0; i < size; i++) mask[i] = (mask[i] as number) & (other[i] as number);
      else for (let i = 0; i < size; i++) mask[i] = (mask[i] as number) | (other[i] as number);
    }
    return {
      mask,
      explain: (i, out, negated) => {
        for (const part of parts) if ((part.mask[i] === 1) !== negated) part.explain(i, out, negated);
      },
    };
  }
  if ("not" in condition) {
    const inner = evaluateCondition(condition.not, table);
    const mask = new Uint8Array(size);
    for (let i = 0; i < size; i++) mask[i] = 1 - (inner.mask[i] as number);
    return { mask, explain: (i, out, negated) => inner.explain(i, out, !negated) };
  }
  const metric = condition.metric;
  const mask = new Uint8Array(size);
  const own = table.column(metric);
  // The evidence of account i, built field by field (this runs for every alert).
  const evidence = (
    i: number,
    out: SignalEvidence[],
    negated: boolean,
    test: SignalEvidence["test"],
    threshold: SignalEvidence["threshold"],
    ref?: SignalEvidence["ref"],
  ): void => {
    const value = own[i];
    const entry: SignalEvidence = {
      metric,
      value: typeof value === "number" && Number.isNaN(value) ? undefined : value,
      test,
      threshold,
    };
    if (ref !== undefined) entry.ref = ref;
    if (negated) entry.negated = true;
    out.push(entry);
  };
  if ("ref" in condition) {
    const values = table.column(metric) as Float64Array;
    const base = table.column(condition.ref) as Float64Array;
    const { op, ref } = condition;
    const times = condition.times ?? 1;
    const plus = condition.plus ?? 0;
    compareInto(mask, op, values, (i) => (base[i] as number) * times + plus);
    return {
      mask,
      explain: (i, out, negated) => {
        const baseValue = base[i] as number;
        const known = !Number.isNaN(baseValue);
        if (known) {
          evidence(i, out, negated, op, baseValue * times + plus, {
            metric: ref,
            value: baseValue,
            times,
            plus,
          });
        } else evidence(i, out, negated, op, undefined);
      },
    };
  }
  if ("op" in condition) {
    const { op, value: limit } = condition;
    compareInto(mask, op, table.column(metric) as Float64Array, () => limit);
    return { mask, explain: (i, out, negated) => evidence(i, out, negated, op, limit) };
  }
  if ("between" in condition) {
    const [low, high] = condition.between;
    const values = table.column(metric) as Float64Array;
    for (let i = 0; i < size; i++) {
      const value = values[i] as number;
      mask[i] = value >= low && value <= high ? 1 : 0;
    }
    return {
      mask,
      explain: (i, out, negated) => evidence(i, out, negated, "between", [low, high]),
    };
  }
  const column = table.column(metric);
  if ("in" in condition) {
    const allowed = new Set<string | number>(condition.in);
    for (let i = 0; i < size; i++) {
      const value = column[i];
      mask[i] = value !== undefined && allowed.has(value) ? 1 : 0;
    }
    return {
      mask,
      explain: (i, out, negated) => evidence(i, out, negated, "in", [...condition.in]),
    };
  }
  const wanted = condition.missing ? 1 : 0;
  for (let i = 0; i < size; i++) {
    const value = column[i];
    const missing = value === undefined || (typeof value === "number" && Number.isNaN(value));
    mask[i] = (missing ? 1 : 0) === wanted ? 1 : 0;
  }
  return {
    mask,
    explain: (i, out, negated) => evidence(i, out, negated, "missing", condition.missing),
  };
}
