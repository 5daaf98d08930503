// The running accounting of an ingest: counts are exact; issue and notice objects are capped at maxIssues.
import type { Issue, IssueCode, IssuePath } from "../model/issue.js";
import { makeIssue } from "../model/makeIssue.js";
import type { IngestReport } from "./IngestReport.js";

/**
 * An issue whose sentence is rendered only if the report keeps it (most rows of a large file are only
 * counted), or a complete issue.
 */
export interface IssueDraft {
  code: IssueCode;
  path: IssuePath;
  params?: Readonly<Record<string, string | number>> | undefined;
  row?: number | undefined;
  message?: string | undefined;
}

/**
 * Makes an {@link IssueDraft}.
 *
 * @param code - What is wrong.
 * @param path - Where.
 * @param params - The values the sentence names.
 * @param row - The 1-based input row.
 * @returns The draft.
 */
export function draftIssue(
  code: IssueCode,
  path: IssuePath,
  params: Readonly<Record<string, string | number>>,
  row: number,
): IssueDraft {
  return { code, path, params, row };
}

function complete(draft: IssueDraft): Issue {
  if (draft.message !== undefined) return draft as Issue;
  return makeIssue(draft.code, draft.path, draft.params, draft.row);
}

function byRow(a: Issue, b: Issue): number {
  return (a.row ?? 0) - (b.row ?? 0);
}

/** Counts rows as they are accepted or rejected and builds the {@link IngestReport}. */
export class ReportTally {
  /** Rows read so far. */
  input = 0;
  private accepted = 0;
  private rejected = 0;
  private readonly rejectedByCode: Partial<Record<IssueCode, number>> = {};
  private readonly noticesByCode: Partial<Record<IssueCode, number>> = {};
  private readonly issues: Issue[] = [];
  private readonly notices: Issue[] = [];
  private issuesFound = 0;
  private noticesFound = 0;
  // Once set, every issue is kept until the report (rows decided at the end may precede kept ones).
  private keepAll = false;
  private readonly kind: IngestReport["kind"];
  private readonly maxIssues: number;

  constructor(kind: IngestReport["kind"], maxIssues: number) {
    this.kind = kind;
    this.maxIssues = maxIssues;
  }

  /** Counts a rejected row; its first issue is its reason in `rejectedByCode`. */
  reject(issues: readonly IssueDraft[]): void {
    this.rejected++;
    const code = issues[0]?.code ?? "field.invalid";
    this.rejectedByCode[code] = (this.rejectedByCode[code] ?? 0) + 1;
    this.issuesFound += issues.length;
    for (const issue of issues)
      if (this.keepAll || this.issues.length < this.maxIssues) this.issues.push(complete(issue));
  }

  /** Counts an accepted row and its notices. */
  accept(notices?: readonly IssueDraft[]): void {
    this.accepted++;
    if (notices === undefined) return;
    let previous: IssueCode | undefined;
    for (const notice of notices) {
      if (notice.code !== previous)
        this.noticesByCode[notice.code] = (this.noticesByCode[notice.code] ?? 0) + 1;
      previous = notice.code;
      this.noticesFound++;
      if (this.keepAll || this.notices.length < this.maxIssues) this.notices.push(complete(notice));
    }
  }

  /** From now on rows may be decided out of row order: keep every issue until the report is made. */
  outOfOrder(): void {
    this.keepAll = true;
  }

  /** The report: issues and notices in row order, the first `maxIssues` of each. */
  report(ignoredColumns: readonly string[]): IngestReport {
    const issues = this.issues.sort(byRow).slice(0, this.maxIssues);
    const notices = this.notices.sort(byRow).slice(0, this.maxIssues);
    return {
      kind: this.kind,
      input: this.input,
      accepted: this.accepted,
      rejected: this.rejected,
      rejectedByCode: { ...this.rejectedByCode },
      noticesByCode: { ...this.noticesByCode },
      issues,
      notices,
      truncated: issues.length < this.issuesFound || notices.length < this.noticesFound,
      ignoredColumns: [...ignoredColumns],
    };
  }
}
