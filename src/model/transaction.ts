import * as z from "zod/mini";

/**
 * What a transaction is: a `sale`, a `return` of goods from an earlier sale, or the `cancellation` of an
 * earlier sale. Returns and cancellations carry negative amounts.
 *
 * @example
 * ```ts
 * const kind: TransactionKind = "return";
 * ```
 */
export type TransactionKind = "sale" | "return" | "cancellation";

/**
 * One transaction line. Money is in integer minor units of `currency` (see {@link parseMoney}); the date is a
 * UTC calendar day, `YYYY-MM-DD`.
 */
export interface Transaction {
  /** The line's own id, when the source has one; ingest reports a repeated id. */
  id?: string | undefined;
  /** The order (invoice, receipt) the line belongs to; lines of one order count as one order. */
  orderId?: string | undefined;
  /** The customer's id. */
  customerId: string;
  /** The day of the transaction, `YYYY-MM-DD`. */
  date: string;
  /** Net amount charged, in minor units: positive for a sale, negative for a return or cancellation. */
  amountMinor: number;
  /** ISO 4217 currency code. */
  currency: string;
  /** Cost of the goods, in minor units (same sign as the amount), for the gross margin. */
  costMinor?: number | undefined;
  /** Discount given on the line, in minor units (already deducted from `amountMinor`). */
  discountMinor?: number | undefined;
  /** Units; negative on returns and cancellations. */
  quantity?: number | undefined;
  /** Product or SKU. */
  product?: string | undefined;
  /** Product category. */
  category?: string | undefined;
  /** Sales channel, e.g. "direct", "distributor", "online". */
  channel?: string | undefined;
  /** Sale, return or cancellation. */
  kind: TransactionKind;
  /** For a return or cancellation: the id (or `orderId`) of the transaction it reverses. */
  reverses?: string | undefined;
}

/**
 * The zod schema of a {@link Transaction} record. It checks each field and that the amount's sign fits the kind
 * (a sale is not negative; a return or cancellation is not positive). Unknown keys are errors.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * const sale = { customerId: "C1", date: "2024-03-05", amountMinor: 1999, currency: "USD", kind: "sale" };
 * z.safeParse(transactionSchema(), sale).success; // => true
 * z.safeParse(transactionSchema(), { ...sale, amountMinor: -1999 }).success; // => false
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function transactionSchema(): z.ZodMiniType<Transaction> {
  const minor = z.number().check(z.int());
  return z
    .strictObject({
      id: z.optional(z.string().check(z.minLength(1))),
      orderId: z.optional(z.string().check(z.minLength(1))),
      customerId: z.string().check(z.regex(/\S/)),
      date: z.iso.date(),
      amountMinor: minor,
      currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
      costMinor: z.optional(minor),
      discountMinor: z.optional(minor),
      quantity: z.optional(z.number()),
      product: z.optional(z.string()),
      category: z.optional(z.string()),
      channel: z.optional(z.string()),
      kind: z.enum(["sale", "return", "cancellation"]),
      reverses: z.optional(z.string()),
    })
    .check(
      z.refine((t) => (t.kind === "sale" ? t.amountMinor >= 0 : t.amountMinor <= 0), {
        message: "A sale's amount is not negative; a return's or cancellation's amount is not positive.",
        path: ["amountMinor"],
      }),
    );
}
