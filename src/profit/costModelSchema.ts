import * as z from "zod/mini";
import type { TimeUnit } from "../model/timeUnit.js";

/**
 * What serving customers costs, as data in the policy: amounts are whole minor units of `currency`, rates are
 * plain numbers. Every field but `currency` is optional; a missing cost is 0.
 *
 * @example
 * ```ts
 * const costs: CostModel = {
 *   currency: "CNY",
 *   marginRate: 0.3,
 *   perOrderMinor: 5000,
 *   perVisitMinor: 80000,
 *   financing: { rate: 0.06, per: "year" },
 *   tierCostsMinor: { A: 2000000, B: 500000 },
 * };
 * ```
 */
export interface CostModel {
  /** The ISO 4217 currency of the amounts. */
  currency: string;
  /**
   * The gross margin rate (0..1) used for the lines without a cost: their cost of goods is
   * revenue × (1 − marginRate). Without it, such lines have no cost of goods and are counted as uncosted.
   */
  marginRate?: number | undefined;
  /** Cost per order (handling, order entry). */
  perOrderMinor?: number | undefined;
  /** Cost per order line (picking). */
  perOrderLineMinor?: number | undefined;
  /** Cost per sales visit. */
  perVisitMinor?: number | undefined;
  /** Cost per call. */
  perCallMinor?: number | undefined;
  /** Cost per complaint handled. */
  perComplaintMinor?: number | undefined;
  /** Cost per delivery (a day with a sale is one delivery). */
  perDeliveryMinor?: number | undefined;
  /**
   * Financing cost of late payment: every overdue minor unit costs `rate` per `per` (e.g. 0.06 per year) for each
   * day past due — Σ overdue amount × days past due × rate ÷ days per unit ({@link daysPerUnit}).
   */
  financing?: { rate: number; per: TimeUnit } | undefined;
  /** Fixed account-management cost per tier for the period (tier name → minor units). */
  tierCostsMinor?: Record<string, number> | undefined;
}

/**
 * The zod schema of a {@link CostModel}: whole non-negative minor amounts, a margin rate in 0..1, a
 * non-negative financing rate with its time unit; unknown keys (`__proto__` included) are errors. Turn it into
 * a JSON Schema for a CRM form with `z.toJSONSchema(costModelSchema())` (zod/mini).
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * z.safeParse(costModelSchema(), { currency: "EUR", perOrderMinor: 250 }).success; // => true
 * z.safeParse(costModelSchema(), { currency: "EUR", perOrderMinor: 2.5 }).success; // => false
 * z.toJSONSchema(costModelSchema()).required; // => ["currency"]
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function costModelSchema(): z.ZodMiniType<CostModel> {
  const minor = z.optional(z.number().check(z.int(), z.nonnegative()));
  return z.strictObject({
    currency: z.string().check(z.regex(/^[A-Z]{3}$/)),
    marginRate: z.optional(z.number().check(z.minimum(0), z.maximum(1))),
    perOrderMinor: minor,
    perOrderLineMinor: minor,
    perVisitMinor: minor,
    perCallMinor: minor,
    perComplaintMinor: minor,
    perDeliveryMinor: minor,
    financing: z.optional(
      z.strictObject({
        rate: z.number().check(z.nonnegative()),
        per: z.enum(["day", "week", "month", "year"]),
      }),
    ),
    tierCostsMinor: z.optional(z.record(z.string(), z.number().check(z.int(), z.nonnegative()))),
  });
}
