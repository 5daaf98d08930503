// The grades, scores and rules of the included built-in packs, in the order named. Internal.
import { SIGNAL_PACKS } from "./signalPacks.js";
import type { PointsScore, SignalGrade, SignalPackName, SignalRule } from "./signalPolicySchema.js";

export interface MergedParts {
  grades: SignalGrade[];
  scores: PointsScore[];
  rules: SignalRule[];
}

export function mergePacks(names: readonly string[]): MergedParts {
  const merged: MergedParts = { grades: [], scores: [], rules: [] };
  for (const name of new Set(names)) {
    if (!Object.hasOwn(SIGNAL_PACKS, name)) continue;
    const pack = SIGNAL_PACKS[name as SignalPackName];
    merged.grades.push(...(pack.grades ?? []));
    merged.scores.push(...(pack.scores ?? []));
    merged.rules.push(...(pack.rules ?? []));
  }
  return merged;
}
