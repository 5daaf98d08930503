import { describe, expect, it } from "vitest";
import { formatMessage, type Issue, ingestInteractions } from "../../src/index.js";

describe("ingestInteractions", () => {
  it("converts text to numbers, days and ISO date-times", () => {
    const { records, report } = ingestInteractions(
      [
        {
          客户: "C1",
          类型: "complaint",
          日期: "2024年3月5日",
          受理: "2024-03-05 09:30",
          首次响应: "2024-03-05 10:00:00",
          解决: "2024-03-06T18:00:00+08:00",
        },
        { 客户: "C1", 类型: "feedback", 日期: "20240306", 满意度: "4", NPS: " 9 " },
      ],
      {
        columns: {
          customerId: "客户",
          kind: "类型",
          date: "日期",
          openedAt: "受理",
          firstResponseAt: "首次响应",
          resolvedAt: "解决",
          satisfaction: "满意度",
          nps: "NPS",
        },
      },
    );
    expect(report.rejected).toBe(0);
    expect(records).toEqual([
      {
        customerId: "C1",
        kind: "complaint",
        date: "2024-03-05",
        openedAt: "2024-03-05T09:30",
        firstResponseAt: "2024-03-05T10:00:00",
        resolvedAt: "2024-03-06T18:00:00+08:00",
      },
      { customerId: "C1", kind: "feedback", date: "2024-03-06", satisfaction: 4, nps: 9 },
    ]);
  });

  it("rejects out-of-range ratings, responses before the complaint, unknown kinds and customers", () => {
    const { report } = ingestInteractions(
      [
        { customerId: "C1", kind: "feedback", date: "2024-03-05", nps: "11" },
        { customerId: "C1", kind: "feedback", date: "2024-03-05", satisfaction: "4.5" },
        {
          customerId: "C1",
          kind: "complaint",
          date: "2024-03-05",
          openedAt: "2024-03-05T10:00:00Z",
          firstResponseAt: "2024-03-05T09:00:00Z",
        },
        { customerId: "C1", kind: "fax", date: "2024-03-05" },
        { customerId: "C9", kind: "call", date: "2024-03-05" },
        { customerId: "C1", kind: "call" },
        { id: "I1", customerId: "C1", kind: "call", date: "2024-03-05" },
        { id: "I1", customerId: "C1", kind: "visit", date: "2024-03-06" },
        { customerId: "C1", kind: "feedback", date: "2024-03-05", nps: "very" },
      ],
      { knownCustomers: new Set(["C1"]) },
    );
    expect(report.accepted).toBe(1);
    expect(report.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [1, "rating.out-of-range"],
      [2, "field.invalid"],
      [3, "date.order"],
      [4, "field.invalid"],
      [5, "reference.unknown-customer"],
      [6, "field.missing"],
      [8, "id.duplicate"],
      [9, "field.invalid"],
    ]);
    const messages = report.issues.map((issue) => issue.message);
    expect(messages[0]).toBe("The nps 11 is outside 0..10.");
    expect(messages[1]).toBe(
      "The field satisfaction has the value 4.5, which is not valid: expected a whole number.",
    );
    expect(messages[2]).toBe(
      "The date firstResponseAt (2024-03-05T09:00:00Z) is before openedAt (2024-03-05T10:00:00Z).",
    );
    expect(messages[3]).toBe(
      "The field kind has the value fax, which is not valid: expected one of visit, call, email, meeting, care, complaint, feedback.",
    );
    expect(messages[8 - 1]).toBe("The field nps has the value very, which is not valid: expected a number.");
    const first = report.issues[0] as Issue;
    expect(formatMessage(first.code, first.params, "zh-CN")).toBe("nps 的值 11 超出 0..10 的范围。");
  });
});
