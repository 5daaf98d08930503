import type { IssueCode } from "../issue.js";

/**
 * The English message catalogue: one template per code, with `{name}` placeholders filled from the issue's
 * params.
 *
 * @example
 * ```ts
 * en["date.invalid"]; // => "The date {value} cannot be read (expected {expected})."
 * ```
 */
export const en: Readonly<Record<IssueCode, string>> = {
  "field.missing": "The field {field} is required but empty.",
  "field.invalid": "The field {field} has the value {value}, which is not valid: {reason}.",
  "field.unknown": "The field {field} is not known.",
  "id.missing": "The customer id is empty.",
  "id.duplicate": "The id {value} was already used on row {firstRow}.",
  "date.missing": "The date is empty.",
  "date.invalid": "The date {value} cannot be read (expected {expected}).",
  "date.after-as-of": "The date {value} is after the as-of date {asOf}.",
  "date.order": "The date {field} ({value}) is before {otherField} ({otherValue}).",
  "amount.missing": "The amount is empty.",
  "amount.invalid": "The amount {value} is not a number.",
  "amount.precision": "The amount {value} has more decimals than {currency} allows ({digits}).",
  "amount.nonpositive":
    "The price or amount {value} is zero or negative, but the row is a sale, not a cancellation or a return.",
  "amount.zero": "The amount is zero.",
  "amount.rounded":
    "The amount {value} was rounded half-to-even to {rounded} ({currency} has {digits} decimals).",
  "currency.invalid": "The currency {value} is not a three-letter ISO 4217 code.",
  "currency.mixed": "The currency {value} differs from {expected}, the currency of this run.",
  "quantity.invalid": "The quantity {value} is not a number.",
  "quantity.negative":
    "The quantity {value} is negative, but the row is not marked as a cancellation or a return and names no transaction it reverses.",
  "row.duplicate": "This row repeats row {firstRow} exactly.",
  "row.unreadable": "This line cannot be read as a row: {reason}.",
  "cancellation.matched": "This cancellation or return reverses the sale on row {originalRow}.",
  "cancellation.unmatched":
    "This cancellation or return finds no earlier sale of {product} to customer {customerId} large enough to reverse.",
  "return.unmatched":
    "This cancellation or return refers to transaction {value}, which is not among the accepted sales of customer {customerId}.",
  "reference.unknown-customer": "The customer {value} is not in the customer list.",
  "rating.out-of-range": "The {field} {value} is outside {min}..{max}.",
  "option.invalid": "The option {field} is not valid: {reason}.",
  "segment.uncovered": "No segment rule covers the score cell {cell}; its customers fall into {fallback}.",
  "segment.overlap": "The score cell {cell} is claimed by several segments: {segments}; the first wins.",
  "model.no-repeat-buyers":
    "The {model} model cannot be fitted: none of the {customers} customers bought again, so the data cannot identify the purchase rate.",
  "model.not-converged":
    "The {model} fit stopped after {iterations} iterations without converging (largest gradient {gradient}).",
  "model.not-identified":
    "The data cannot identify the {model} parameter {parameter} (estimate {value}, no finite standard error); do not use its predictions.",
  "model.spend-mean-undefined":
    "The spend model's q is {q} (≤ 1), so the population mean spend is undefined; expected spend of new customers cannot be computed.",
};
