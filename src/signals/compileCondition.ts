// Turns a checked condition into a test and an explanation. Internal: parseSignalPolicy has checked the shape,
// the metric names and units, so this trusts them.
import type { AccountView } from "./AccountView.js";
import type { MetricNames } from "./resolveMetric.js";
import { resolveMetric } from "./resolveMetric.js";
import type { SignalEvidence } from "./SignalEvidence.js";
import type { ComparisonOperator, SignalCondition } from "./signalPolicySchema.js";

export interface CompiledCondition {
  /** Whether the condition holds for the account. */
  test(view: AccountView): boolean;
  /** Adds the evidence of the parts that decided (called only when `test` held, or for a `not`'s parts). */
  explain(view: AccountView, out: SignalEvidence[], negated: boolean): void;
  /** The metric names the condition reads. */
  metrics: string[];
}

// One comparison function per operator, chosen when the condition is compiled (not a switch per test).
const COMPARE: Readonly<Record<ComparisonOperator, (a: number, b: number) => boolean>> = {
  "<": (a, b) => a < b,
  "<=": (a, b) => a <= b,
  ">": (a, b) => a > b,
  ">=": (a, b) => a >= b,
  "==": (a, b) => a === b,
  "!=": (a, b) => a !== b,
};

function reader(name: string, names: MetricNames): (view: AccountView) => number | string | undefined {
  const definition = resolveMetric(name, names);
  if (definition === undefined) throw new Error(`unchecked metric ${name}`);
  return definition.read;
}

export function compileCondition(condition: SignalCondition, names: MetricNames): CompiledCondition {
  if ("all" in condition || "any" in condition) {
    const isAll = "all" in condition;
    const parts = (isAll ? condition.all : condition.any).map((part) => compileCondition(part, names));
    return {
      // Loops, not every/some: a test runs for every account and rule, and a closure per call costs.
      test: isAll
        ? (view) => {
            for (const part of parts) if (!part.test(view)) return false;
            return true;
          }
        : (view) => {
            for (const part of parts) if (part.test(view)) return true;
            return false;
          },
      // The parts that decided: those that held, or under a not those that did not hold.
      explain: (view, out, negated) => {
        for (const part of parts) if (part.test(view) !== negated) part.explain(view, out, negated);
      },
      metrics: parts.flatMap((part) => part.metrics),
    };
  }
  if ("not" in condition) {
    const inner = compileCondition(condition.not, names);
    return {
      test: (view) => !inner.test(view),
      explain: (view, out, negated) => inner.explain(view, out, !negated),
      metrics: inner.metrics,
    };
  }
  const metric = condition.metric;
  const read = reader(metric, names);
  const evidence = (
    view: AccountView,
    out: SignalEvidence[],
    negated: boolean,
    item: Omit<SignalEvidence, "metric" | "value">,
  ): void => {
    const entry: SignalEvidence = { metric, value: read(view), ...item };
    if (negated) entry.negated = true;
    out.push(entry);
  };
  if ("ref" in condition) {
    const readRef = reader(condition.ref, names);
    const { op, ref } = condition;
    const compare = COMPARE[op];
    const times = condition.times ?? 1;
    const plus = condition.plus ?? 0;
    const threshold = (view: AccountView): number | undefined => {
      const base = readRef(view);
      return typeof base === "number" ? base * times + plus : undefined;
    };
    return {
      test: (view) => {
        const value = read(view);
        const limit = threshold(view);
        return typeof value === "number" && limit !== undefined && compare(value, limit);
      },
      explain: (view, out, negated) => {
        const base = readRef(view);
        evidence(view, out, negated, {
          test: op,
          threshold: threshold(view),
          ...(typeof base === "number" ? { ref: { metric: ref, value: base, times, plus } } : {}),
        });
      },
      metrics: [metric, ref],
    };
  }
  if ("op" in condition) {
    const { op, value: limit } = condition;
    const compare = COMPARE[op];
    return {
      test: (view) => {
        const value = read(view);
        return typeof value === "number" && compare(value, limit);
      },
      explain: (view, out, negated) => evidence(view, out, negated, { test: op, threshold: limit }),
      metrics: [metric],
    };
  }
  if ("between" in condition) {
    const [low, high] = condition.between;
    return {
      test: (view) => {
        const value = read(view);
        return typeof value === "number" && value >= low && value <= high;
      },
      explain: (view, out, negated) =>
        evidence(view, out, negated, { test: "between", threshold: [low, high] }),
      metrics: [metric],
    };
  }
  if ("in" in condition) {
    const allowed = new Set<string | number>(condition.in);
    return {
      test: (view) => {
        const value = read(view);
        return value !== undefined && allowed.has(value);
      },
      explain: (view, out, negated) =>
        evidence(view, out, negated, { test: "in", threshold: [...condition.in] }),
      metrics: [metric],
    };
  }
  const wanted = condition.missing;
  return {
    test: (view) => (read(view) === undefined) === wanted,
    explain: (view, out, negated) => evidence(view, out, negated, { test: "missing", threshold: wanted }),
    metrics: [metric],
  };
}
