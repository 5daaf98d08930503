import type { SignalSeverity } from "../signals/signalPolicySchema.js";

/** The severities, most severe first: the order of the report's alert tables and of the alerts chart's stacks. */
export const SEVERITIES: readonly SignalSeverity[] = ["critical", "warning", "info"];
