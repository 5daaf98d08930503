/**
 * The codes of every problem keyaccount reports about data or options. Each code has a sentence in every
 * message catalogue (see {@link formatMessage}).
 */
export type IssueCode =
  | "field.missing"
  | "field.invalid"
  | "field.unknown"
  | "id.missing"
  | "id.duplicate"
  | "date.missing"
  | "date.invalid"
  | "date.after-as-of"
  | "date.order"
  | "amount.missing"
  | "amount.invalid"
  | "amount.precision"
  | "amount.nonpositive"
  | "amount.zero"
  | "amount.rounded"
  | "currency.invalid"
  | "currency.mixed"
  | "quantity.invalid"
  | "quantity.negative"
  | "row.duplicate"
  | "row.unreadable"
  | "cancellation.matched"
  | "cancellation.unmatched"
  | "return.unmatched"
  | "reference.unknown-customer"
  | "rating.out-of-range"
  | "option.invalid"
  | "segment.uncovered"
  | "segment.overlap"
  | "model.no-repeat-buyers"
  | "model.not-converged"
  | "model.not-identified"
  | "policy.metric.unknown"
  | "policy.tier.unknown"
  | "policy.name.duplicate"
  | "policy.name.reserved"
  | "policy.weights.sum"
  | "policy.threshold.order"
  | "policy.share.total"
  | "policy.band.order"
  | "policy.band.points"
  | "policy.range.order"
  | "policy.condition.empty"
  | "policy.tiers.sequence"
  | "policy.metric.unscored"
  | "tier.threshold.met"
  | "tier.threshold.base"
  | "tier.share.within"
  | "tier.share.base"
  | "tier.abc.class"
  | "tier.rule.matched"
  | "tier.rule.base"
  | "tier.gate.failed"
  | "tier.hysteresis.up-held"
  | "tier.hysteresis.down-held"
  | "signal.metric.unknown"
  | "signal.metric.text"
  | "signal.metric.not-days"
  | "signal.metric.order"
  | "signal.condition.invalid"
  | "signal.placeholder.unknown"
  | "task.follow-up.due"
  | "task.follow-up.overdue"
  | "task.pool.return"
  | "task.care.birthday"
  | "task.care.founding"
  | "task.care.cooperation-start"
  | "task.care.other"
  | "task.care.contract-renewal"
  | "task.care.contract-end"
  | "task.care.holiday"
  | "task.document.expiring"
  | "tier.hysteresis.down-periods"
  | "tier.hysteresis.down-margin"
  | "tier.hysteresis.up-held-share"
  | "tier.hysteresis.down-margin-share"
  | "tier.override.applied"
  | "tier.override.expired"
  | "tier.grace.new-account"
  | "model.spend-mean-undefined";

/** A path into a row or a document: property names and array indexes, outermost first. */
export type IssuePath = readonly (string | number)[];

/**
 * One problem with one row (or one option): what is wrong (`code`), where (`path`, `row`), the values that
 * explain it (`params`) and a sentence in English for people (`message`; render `code` + `params` through
 * {@link formatMessage} for another locale).
 */
export interface Issue {
  /** What is wrong, as a stable code. */
  code: IssueCode;
  /** The field, e.g. `["amount"]` or `["contacts", 0, "email"]`. Empty for the row as a whole. */
  path: IssuePath;
  /** The English sentence for `code` and `params`. */
  message: string;
  /** The 1-based number of the input row (the header line of a CSV file is not counted). */
  row?: number | undefined;
  /** The values in the sentence: the offending value, the limit it crossed … */
  params?: Readonly<Record<string, string | number>> | undefined;
}
