// The unit of a metric name of a signal policy: a built-in metric, `grade.NAME` (text) or `score.NAME` (a
// score); `undefined` for a name that is neither. Internal.
import { METRIC_DEFINITIONS } from "./metricDefinitions.js";
import type { SignalMetricUnit } from "./signalMetrics.js";

/** The grade and score names of a policy (its own and its included packs'). */
export interface MetricNames {
  grades: ReadonlySet<string>;
  scores: ReadonlySet<string>;
}

export function metricUnit(name: string, names: MetricNames): SignalMetricUnit | undefined {
  if (Object.hasOwn(METRIC_DEFINITIONS, name))
    return METRIC_DEFINITIONS[name as keyof typeof METRIC_DEFINITIONS].unit;
  const dot = name.indexOf(".");
  const kind = name.slice(0, dot);
  const own = name.slice(dot + 1);
  if (kind === "grade" && names.grades.has(own)) return "text";
  if (kind === "score" && names.scores.has(own)) return "score";
  return undefined;
}
