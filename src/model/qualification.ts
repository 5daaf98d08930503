import * as z from "zod/mini";

/**
 * The life-cycle state of a qualification document as recorded: `active` (in force), `pending` (submitted, not
 * yet approved), `revoked` (withdrawn). Expiry is computed from `expires` as of a date, not stored.
 *
 * @example
 * ```ts
 * const status: QualificationStatus = "active";
 * ```
 */
export type QualificationStatus = "active" | "pending" | "revoked";

/**
 * A document that qualifies a customer to buy or to be served: a business licence, a distributor authorisation,
 * a certificate (ISO, GMP, a drug-trading licence …). `documentType` is free text; the usual values are
 * `business-licence`, `authorisation`, `certificate`, `tax-registration`.
 */
export interface Qualification {
  /** The document's id in the source system. */
  id?: string | undefined;
  /** The customer's id. */
  customerId: string;
  /** What document it is. */
  documentType: string;
  /** The document's number, e.g. the unified social credit code of a business licence. */
  number?: string | undefined;
  /** Issue day, `YYYY-MM-DD`. */
  issued?: string | undefined;
  /** Expiry day, `YYYY-MM-DD`; absent for documents that do not expire. */
  expires?: string | undefined;
  /** Who on our side checked the document. */
  verifiedBy?: string | undefined;
  /** When it was checked, `YYYY-MM-DD`. */
  verifiedOn?: string | undefined;
  /** The recorded state. */
  status: QualificationStatus;
}

/**
 * The zod schema of a {@link Qualification} record; the expiry is not before the issue day.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * const licence = { customerId: "C1", documentType: "business-licence", expires: "2027-06-30", status: "active" };
 * z.safeParse(qualificationSchema(), licence).success; // => true
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function qualificationSchema(): z.ZodMiniType<Qualification> {
  return z
    .strictObject({
      id: z.optional(z.string().check(z.minLength(1))),
      customerId: z.string().check(z.regex(/\S/)),
      documentType: z.string().check(z.regex(/\S/)),
      number: z.optional(z.string()),
      issued: z.optional(z.iso.date()),
      expires: z.optional(z.iso.date()),
      verifiedBy: z.optional(z.string()),
      verifiedOn: z.optional(z.iso.date()),
      status: z.enum(["active", "pending", "revoked"]),
    })
    .check(
      z.refine((q) => !q.issued || !q.expires || q.expires >= q.issued, {
        message: "The expiry date is before the issue date.",
        path: ["expires"],
      }),
    );
}
