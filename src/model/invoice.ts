import * as z from "zod/mini";

/** One payment received against an invoice. */
export interface Payment {
  /** The day the money arrived, `YYYY-MM-DD`. */
  date: string;
  /** The amount paid, in minor units of the invoice's currency. */
  amountMinor: number;
}

/** An invoice (a receivable): what the customer owes, when it is due, and what was paid when. */
export interface Invoice {
  /** The invoice number. */
  id: string;
  /** The customer's id. */
  customerId: string;
  /** Issue day, `YYYY-MM-DD`. */
  issueDate: string;
  /** Due day, `YYYY-MM-DD`; not before the issue day. */
  dueDate: string;
  /** The invoiced amount, in minor units. */
  amountMinor: number;
  /** ISO 4217 currency code. */
  currency: string;
  /** The payments received, in any order; the paid amount is their sum. */
  payments?: Payment[] | undefined;
}

/**
 * The zod schema of an {@link Invoice} record: amounts are whole minor units, the amount and payments are not
 * negative, and the due day is not before the issue day.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * const invoice = { id: "INV-1", customerId: "C1", issueDate: "2024-03-01", dueDate: "2024-03-31",
 *   amountMinor: 500000, currency: "CNY", payments: [{ date: "2024-04-10", amountMinor: 500000 }] };
 * z.safeParse(invoiceSchema(), invoice).success; // => true
 * z.safeParse(invoiceSchema(), { ...invoice, dueDate: "2024-02-01" }).success; // => false
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function invoiceSchema(): z.ZodMiniType<Invoice> {
  const minor = z.number().check(z.int(), z.nonnegative());
  const payment = z.strictObject({ date: z.iso.date(), amountMinor: minor });
  return z
    .strictObject({
      id: z.string().check(z.minLength(1)),
      customerId: z.string().check(z.regex(/\S/)),
      issueDate: z.iso.date(),
      dueDate: z.iso.date(),
      amountMinor: minor,
      currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
      payments: z.optional(z.array(payment)),
    })
    .check(
      z.refine((invoice) => invoice.dueDate >= invoice.issueDate, {
        message: "The due date is before the issue date.",
        path: ["dueDate"],
      }),
    );
}
