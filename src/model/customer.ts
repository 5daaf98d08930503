import * as z from "zod/mini";

/** A person at a customer company whom the account team deals with. Every field but `role` is personal data. */
export interface Contact {
  /** Full name. Personal data. */
  name: string;
  /** Job title or role in the buying process, e.g. "purchasing manager", "decision maker". */
  role?: string | undefined;
  /** Phone number as written. Personal data. */
  phone?: string | undefined;
  /** E-mail address. Personal data. */
  email?: string | undefined;
  /** Birthday, `YYYY-MM-DD`, or `--MM-DD` when the year is unknown (ISO 8601). Personal data. */
  birthday?: string | undefined;
  /** Whether this is the main contact of the account. */
  primary?: boolean | undefined;
}

/** The kinds of dates a key-account manager remembers for an account. */
export type ImportantDateKind =
  | "founding"
  | "cooperation-start"
  | "contract-renewal"
  | "contract-end"
  | "other";

/** A date worth a greeting or an action: founding anniversary, start of the cooperation, contract renewal … */
export interface ImportantDate {
  /** What the date is. */
  kind: ImportantDateKind;
  /** `YYYY-MM-DD`. */
  date: string;
  /** A name for `other` dates, e.g. "plant opening". */
  label?: string | undefined;
}

/** A free custom attribute value (a CRM's custom field). */
export type AttributeValue = string | number | boolean | null;

/** A customer account: the company and its people, who owns it, and what is agreed with it. */
export interface Customer {
  /** The account's id in the source system. */
  id: string;
  /** Display name of the account (often the company's short name). */
  name: string;
  /** Registered company name. */
  company?: string | undefined;
  /** Industry, e.g. "manufacturing". */
  industry?: string | undefined;
  /** Sales region or territory. */
  region?: string | undefined;
  /** The people at the account. */
  contacts?: Contact[] | undefined;
  /** Free labels. */
  tags?: string[] | undefined;
  /** The responsible account manager (a user id or name). */
  owner?: string | undefined;
  /** When the account was created in the CRM, `YYYY-MM-DD`. */
  createdDate?: string | undefined;
  /** When someone last checked that the account's data is up to date, `YYYY-MM-DD` (profile freshness). */
  reviewedDate?: string | undefined;
  /** Founding anniversary, contract renewal and other dates. */
  importantDates?: ImportantDate[] | undefined;
  /** Credit limit in minor units of `currency`. */
  creditLimitMinor?: number | undefined;
  /** ISO 4217 currency of the money fields. */
  currency?: string | undefined;
  /** Custom fields. */
  attributes?: Record<string, AttributeValue> | undefined;
}

/**
 * The fields of a {@link Customer} that hold personal data, as paths (`contacts[].email` is the email of every
 * contact). Reports that must not show personal data blank these.
 *
 * @example
 * ```ts
 * CUSTOMER_PERSONAL_FIELDS.includes("contacts[].phone"); // => true
 * ```
 */
export const CUSTOMER_PERSONAL_FIELDS: readonly string[] = [
  "contacts[].name",
  "contacts[].phone",
  "contacts[].email",
  "contacts[].birthday",
];

const BIRTHDAY = /^(\d{4}|-)-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/**
 * The zod schema of a {@link Customer} record, for a CRM to validate records with. Unknown keys are errors.
 *
 * @returns A zod/mini schema.
 *
 * @example
 * ```ts
 * import * as z from "zod/mini";
 * z.safeParse(customerSchema(), { id: "C1", name: "Acme" }).success; // => true
 * z.safeParse(customerSchema(), { id: "C1" }).success; // => false (no name)
 * ```
 */
/* @__NO_SIDE_EFFECTS__ */
export function customerSchema(): z.ZodMiniType<Customer> {
  const text = z.string().check(z.regex(/\S/));
  const contact = z.strictObject({
    name: text,
    role: z.optional(z.string()),
    phone: z.optional(z.string()),
    email: z.optional(z.string()),
    birthday: z.optional(z.string().check(z.regex(BIRTHDAY))),
    primary: z.optional(z.boolean()),
  });
  const importantDate = z.strictObject({
    kind: z.enum(["founding", "cooperation-start", "contract-renewal", "contract-end", "other"]),
    date: z.iso.date(),
    label: z.optional(z.string()),
  });
  return z.strictObject({
    id: text,
    name: text,
    company: z.optional(z.string()),
    industry: z.optional(z.string()),
    region: z.optional(z.string()),
    contacts: z.optional(z.array(contact)),
    tags: z.optional(z.array(z.string())),
    owner: z.optional(z.string()),
    createdDate: z.optional(z.iso.date()),
    reviewedDate: z.optional(z.iso.date()),
    importantDates: z.optional(z.array(importantDate)),
    creditLimitMinor: z.optional(z.number().check(z.int(), z.nonnegative())),
    currency: z.optional(z.string().check(z.regex(/^[A-Z]{3}$/))),
    attributes: z.optional(z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()]))),
  });
}
