// Resolves a metric name of a signal policy to its unit and reader: a built-in metric, `grade.NAME` or
// `score.NAME`. Internal.
import type { AccountView } from "./AccountView.js";
import { METRIC_DEFINITIONS, type MetricDefinition } from "./metricDefinitions.js";

export interface MetricNames {
  grades: ReadonlySet<string>;
  scores: ReadonlySet<string>;
}

export function resolveMetric(name: string, names: MetricNames): MetricDefinition | undefined {
  if (Object.hasOwn(METRIC_DEFINITIONS, name))
    return METRIC_DEFINITIONS[name as keyof typeof METRIC_DEFINITIONS];
  const dot = name.indexOf(".");
  const kind = name.slice(0, dot);
  const own = name.slice(dot + 1);
  if (kind === "grade" && names.grades.has(own)) {
    return {
      description: `grade ${own}`,
      unit: "text",
      read: (view: AccountView) => view.context.grade(view, own),
    };
  }
  if (kind === "score" && names.scores.has(own)) {
    return {
      description: `score ${own}`,
      unit: "score",
      read: (view: AccountView) => view.context.score(view, own),
    };
  }
  return undefined;
}
