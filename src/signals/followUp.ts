// Which interactions are follow-ups: visits, calls, e-mails and meetings (care, complaints and feedback are not).
// Internal to signals.
import type { InteractionKind } from "../model/interaction.js";

export function isFollowUp(kind: InteractionKind): boolean {
  return kind === "visit" || kind === "call" || kind === "email" || kind === "meeting";
}
