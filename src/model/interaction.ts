import * as z from "zod/mini";

/**
 * The kinds of contact with a customer: visits, calls, e-mails and meetings (follow-up), care (greetings and
 * gifts), complaints, and feedback (satisfaction and NPS surveys).
 *
 * @example
 * ```ts
 * const kind: InteractionKind = "complaint";
 * ```
 */
export type InteractionKind = "visit" | "call" | "email" | "meeting" | "care" | "complaint" | "feedback";

/**
 * Every {@link InteractionKind}.
 *
 * @example
 * ```ts
 * INTERACTION_KINDS.length; // => 7
 * ```
 */
export const INTERACTION_KINDS: readonly InteractionKind[] = [
  "visit",
  "call",
  "email",
  "meeting",
  "care",
  "complaint",
  "feedback",
];

/**
 * One contact with a customer. Fields after `text` apply to one kind: `careType` to care, the three timestamps
 * to complaints (ISO 8601 date-times, e.g. `2024-03-05T09:30:00Z`), `satisfaction` and `nps` to feedback.
 */
export interface Interaction {
  /** The interaction's id in the source system. */
  id?: string | undefined;
  /** The customer's id. */
  customerId: string;
  /** What kind of contact. */
  kind: InteractionKind;
  /** The day it happened (for a complaint: the day it was opened), `YYYY-MM-DD`. */
  date: string;
  /** Who on our side handled it. */
  owner?: string | undefined;
  /** The contact person at the customer. */
  contact?: string | undefined;
  /** Notes, the complaint's or the feedback's words. */
  text?: string | undefined;
  /** Care: a greeting or a gift. */
  careType?: "greeting" | "gift" | "other" | undefined;
  /** Complaint: when it was opened. */
  openedAt?: string | undefined;
  /** Complaint: our first response. */
  firstResponseAt?: string | undefined;
  /** Complaint: when it was resolved; absent while open. */
  resolvedAt?: string | undefined;
  /** Feedback: satisfaction on a 1–5 scale. */
  satisfaction?: number | undefined;
  /** Feedback: likelihood to recommend, 0–10 (Net Promoter Score question). */
  nps?: number | undefined;
}

/**
 * The zod schema of an {@link Interaction} record. It checks the ranges (satisfaction 1–5, NPS 0–10, both
 * whole numbers) and that a complaint's response and resolution do not precede its opening.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * const survey = { customerId: "C1", kind: "feedback", date: "2024-03-05", nps: 9 };
 * z.safeParse(interactionSchema(), survey).success; // => true
 * z.safeParse(interactionSchema(), { ...survey, nps: 11 }).success; // => false
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function interactionSchema(): z.ZodMiniType<Interaction> {
  const timestamp = z.iso.datetime({ offset: true, local: true });
  const whole = (min: number, max: number) => z.number().check(z.int(), z.minimum(min), z.maximum(max));
  return z
    .strictObject({
      id: z.optional(z.string().check(z.minLength(1))),
      customerId: z.string().check(z.regex(/\S/)),
      kind: z.enum(["visit", "call", "email", "meeting", "care", "complaint", "feedback"]),
      date: z.iso.date(),
      owner: z.optional(z.string()),
      contact: z.optional(z.string()),
      text: z.optional(z.string()),
      careType: z.optional(z.enum(["greeting", "gift", "other"])),
      openedAt: z.optional(timestamp),
      firstResponseAt: z.optional(timestamp),
      resolvedAt: z.optional(timestamp),
      satisfaction: z.optional(whole(1, 5)),
      nps: z.optional(whole(0, 10)),
    })
    .check(
      z.refine(
        (i) => !i.openedAt || !i.firstResponseAt || Date.parse(i.firstResponseAt) >= Date.parse(i.openedAt),
        {
          message: "The first response is before the complaint was opened.",
          path: ["firstResponseAt"],
        },
      ),
      z.refine((i) => !i.openedAt || !i.resolvedAt || Date.parse(i.resolvedAt) >= Date.parse(i.openedAt), {
        message: "The resolution is before the complaint was opened.",
        path: ["resolvedAt"],
      }),
    );
}
