import { describe, expect, it } from "vitest";
import { ingestQualifications } from "../../src/index.js";

describe("ingestQualifications", () => {
  it("reads licences and rejects expiries before issue, unknown statuses and unknown customers", () => {
    const rows = [
      {
        客户: "C1",
        证照类型: "business-licence",
        证照编号: "91310000MA1FL0000X",
        发证日期: "2022/7/1",
        有效期至: "2027/6/30",
        状态: "active",
      },
      {
        客户: "C1",
        证照类型: "gmp-certificate",
        发证日期: "2022-07-01",
        有效期至: "2021-06-30",
        状态: "active",
      },
      { 客户: "C1", 证照类型: "licence", 状态: "expired" },
      { 客户: "C2", 证照类型: "licence", 状态: "active" },
      { 客户: "C1", 证照类型: " ", 状态: "pending" },
    ];
    const { records, report } = ingestQualifications(rows, {
      columns: {
        customerId: "客户",
        documentType: "证照类型",
        number: "证照编号",
        issued: "发证日期",
        expires: "有效期至",
        status: "状态",
      },
      knownCustomers: ["C1"],
    });
    expect(records).toEqual([
      {
        customerId: "C1",
        documentType: "business-licence",
        number: "91310000MA1FL0000X",
        issued: "2022-07-01",
        expires: "2027-06-30",
        status: "active",
      },
    ]);
    expect(report.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [2, "date.order"],
      [3, "field.invalid"],
      [4, "reference.unknown-customer"],
      [5, "field.missing"],
    ]);
    expect(report.issues[1]?.message).toBe(
      "The field status has the value expired, which is not valid: expected one of active, pending, revoked.",
    );
  });
});
