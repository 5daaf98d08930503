// A checked condition compiled over the columns of a table: a mask (1 where the condition holds) per node of the
// condition, computed block by block into the same buffer, and the evidence of one account read back from the
// columns. Internal: parseSignalPolicy has checked the shape, the metric names and their units, so this trusts
// them.

import type { SignalEvidence } from "./SignalEvidence.js";
import type { Column, SignalTable } from "./SignalTable.js";
import type { ComparisonOperator, SignalCondition } from "./signalPolicySchema.js";

export interface EvaluatedCondition {
  /** 1 for the accounts of the table's current block where the condition holds, else 0 (the table's capacity). */
  readonly mask: Uint8Array;
  /** Computes the mask for the table's current block. */
  evaluate(): void;
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

// mask[i] = 1 where `values[i] op limits[i]` holds, for the table's current block; NaN (missing) fails every
// comparison, `!=` included. One loop per operator.
function compareInto(
  mask: Uint8Array,
  size: number,
  op: ComparisonOperator,
  values: Float64Array,
  limits: Float64Array,
): void {
  switch (op) {
    case "<":
      for (let i = 0; i < size; i++) mask[i] = (values[i] as number) < (limits[i] as number) ? 1 : 0;
      break;
    case "<=":
      for (let i = 0; i < size; i++) mask[i] = (values[i] as number) <= (limits[i] as number) ? 1 : 0;
      break;
    case ">":
      for (let i = 0; i < size; i++) mask[i] = (values[i] as number) > (limits[i] as number) ? 1 : 0;
      break;
    case ">=":
      for (let i = 0; i < size; i++) mask[i] = (values[i] as number) >= (limits[i] as number) ? 1 : 0;
      break;
    case "==":
      for (let i = 0; i < size; i++) mask[i] = values[i] === limits[i] ? 1 : 0;
      break;
    case "!=":
      for (let i = 0; i < size; i++) {
        const value = values[i] as number;
        const limit = limits[i] as number;
        mask[i] = !Number.isNaN(value) && !Number.isNaN(limit) && value !== limit ? 1 : 0;
      }
      break;
  }
}

function isMissing(value: Column[number]): boolean {
  return value === undefined || (typeof value === "number" && Number.isNaN(value));
}

// One piece of evidence of account i, its fields always in the same order (this runs for every alert).
function evidence(
  metric: string,
  value: Column[number],
  negated: boolean,
  test: SignalEvidence["test"],
  threshold: SignalEvidence["threshold"],
  ref: SignalEvidence["ref"],
): SignalEvidence {
  const shown = typeof value === "number" && Number.isNaN(value) ? undefined : value;
  if (ref === undefined) {
    return negated
      ? { metric, value: shown, test, threshold, negated: true }
      : { metric, value: shown, test, threshold };
  }
  return negated
    ? { metric, value: shown, test, threshold, ref, negated: true }
    : { metric, value: shown, test, threshold, ref };
}

/** Compiles a condition over the table's columns (which must all exist: built-in metrics, grades and scores). */
export function compileCondition(condition: SignalCondition, table: SignalTable): EvaluatedCondition {
  const mask = new Uint8Array(table.capacity);
  if ("all" in condition || "any" in condition) {
    const isAll = "all" in condition;
    const parts = (isAll ? condition.all : condition.any).map((part) => compileCondition(part, table));
    return {
      mask,
      evaluate: () => {
        const size = table.size;
        mask.fill(isAll ? 1 : 0, 0, size);
        for (const part of parts) {
          part.evaluate();
          const other = part.mask;
          if (isAll) for (let i = 0; i < size; i++) mask[i] = (mask[i] as number) & (other[i] as number);
          else for (let i = 0; i < size; i++) mask[i] = (mask[i] as number) | (other[i] as number);
        }
      },
      explain: (i, out, negated) => {
        for (const part of parts) if ((part.mask[i] === 1) !== negated) part.explain(i, out, negated);
      },
    };
  }
  if ("not" in condition) {
    const inner = compileCondition(condition.not, table);
    return {
      mask,
      evaluate: () => {
        inner.evaluate();
        for (let i = 0; i < table.size; i++) mask[i] = 1 - (inner.mask[i] as number);
      },
      explain: (i, out, negated) => inner.explain(i, out, !negated),
    };
  }
  const metric = condition.metric;
  const own = table.column(metric);
  if ("ref" in condition) {
    const values = own as Float64Array;
    const base = table.column(condition.ref) as Float64Array;
    const { op, ref } = condition;
    const times = condition.times ?? 1;
    const plus = condition.plus ?? 0;
    return {
      mask,
      evaluate: () => {
        const limits = table.scratch;
        for (let i = 0; i < table.size; i++) limits[i] = (base[i] as number) * times + plus;
        compareInto(mask, table.size, op, values, limits);
      },
      explain: (i, out, negated) => {
        const baseValue = base[i] as number;
        out.push(
          Number.isNaN(baseValue)
            ? evidence(metric, own[i], negated, op, undefined, undefined)
            : evidence(metric, own[i], negated, op, baseValue * times + plus, {
                metric: ref,
                value: baseValue,
                times,
                plus,
              }),
        );
      },
    };
  }
  if ("op" in condition) {
    const values = own as Float64Array;
    const { op, value: limit } = condition;
    return {
      mask,
      evaluate: () => {
        const limits = table.scratch.fill(limit, 0, table.size);
        compareInto(mask, table.size, op, values, limits);
      },
      explain: (i, out, negated) => {
        out.push(evidence(metric, own[i], negated, op, limit, undefined));
      },
    };
  }
  if ("between" in condition) {
    const values = own as Float64Array;
    const [low, high] = condition.between;
    return {
      mask,
      evaluate: () => {
        for (let i = 0; i < table.size; i++) {
          const value = values[i] as number;
          mask[i] = value >= low && value <= high ? 1 : 0;
        }
      },
      explain: (i, out, negated) => {
        out.push(evidence(metric, own[i], negated, "between", [low, high], undefined));
      },
    };
  }
  if ("in" in condition) {
    const allowed = new Set<string | number>(condition.in);
    return {
      mask,
      evaluate: () => {
        for (let i = 0; i < table.size; i++) {
          const value = own[i];
          mask[i] = value !== undefined && allowed.has(value) ? 1 : 0;
        }
      },
      explain: (i, out, negated) => {
        out.push(evidence(metric, own[i], negated, "in", [...condition.in], undefined));
      },
    };
  }
  const wanted = condition.missing;
  return {
    mask,
    evaluate: () => {
      for (let i = 0; i < table.size; i++) mask[i] = isMissing(own[i]) === wanted ? 1 : 0;
    },
    explain: (i, out, negated) => {
      out.push(evidence(metric, own[i], negated, "missing", wanted, undefined));
    },
  };
}
