import type { Issue, IssueCode } from "../model/issue.js";

/**
 * The accounting of one ingest run: every input row is either accepted or rejected, so
 * `accepted + rejected === input` always holds. Rejections carry their reason; accepted rows that were
 * interpreted in a way worth knowing (a matched cancellation, a rounded amount) carry a notice.
 *
 * A rejected row has one or more issues (every problem found in its fields, so one round of fixes is enough);
 * it is counted once in `rejectedByCode`, under the code of its first issue, so the counts add up to
 * `rejected`.
 *
 * @example
 * ```ts
 * const { report } = ingestTransactions(rows, { asOf: "2011-12-09" });
 * report.accepted + report.rejected === report.input; // => true
 * report.rejectedByCode["cancellation.unmatched"]; // e.g. => 12
 * ```
 */
export interface IngestReport {
  /** Which records these rows were read as. */
  kind: "transactions" | "customers" | "interactions" | "invoices" | "qualifications";
  /** Rows read. */
  input: number;
  /** Rows that became records. */
  accepted: number;
  /** Rows that did not, each for a reason in `rejectedByCode` and `issues`. */
  rejected: number;
  /**
   * How many rows were rejected for each reason (exact, never truncated): each rejected row counts once, under
   * the code of its first issue.
   */
  rejectedByCode: Partial<Record<IssueCode, number>>;
  /** How many accepted rows carry each kind of notice (exact, never truncated). */
  noticesByCode: Partial<Record<IssueCode, number>>;
  /** The rejections, in row order; the first `maxIssues` of them (see `truncated`). */
  issues: Issue[];
  /** The notices on accepted rows, in row order; the first `maxIssues` of them. */
  notices: Issue[];
  /** True when `issues` or `notices` hold fewer entries than were found (the counts stay exact). */
  truncated: boolean;
  /**
   * Columns present in the input that no field reads, in order of first appearance. Their values are in no
   * record: map them with the `columns` option, or set `extraColumns: "reject"` to refuse such rows.
   */
  ignoredColumns: string[];
}

/**
 * What an ingest function returns: the accepted records, in input row order, and the accounting of every row.
 *
 * @example
 * ```ts
 * const { records, report }: IngestResult<Customer> = ingestCustomers([{ id: "C1", name: "Acme" }]);
 * records.length === report.accepted; // => true
 * ```
 */
export interface IngestResult<T> {
  /** The accepted records. */
  records: T[];
  /** Every row accounted for. */
  report: IngestReport;
}
