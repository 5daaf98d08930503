import { describe, expect, it } from "vitest";
import { ingestCustomers, KeyAccountError } from "../../src/index.js";

describe("ingestCustomers", () => {
  it("reads a flat CSV row: primary contact, tags, important dates, credit limit, custom fields", () => {
    const { records, report } = ingestCustomers(
      [
        {
          客户编号: "1001.0",
          客户名称: "华东机电",
          联系人: "李伟",
          职务: "采购经理",
          电话: "138 0000 0000",
          邮箱: "li.wei@example.cn",
          生日: "5月17日",
          标签: "重点; 出口;;",
          成立日期: "2003/6/18",
          信用额度: "500,000.00",
          等级: "A",
        },
      ],
      {
        columns: {
          id: "客户编号",
          name: "客户名称",
          contactName: "联系人",
          contactRole: "职务",
          contactPhone: "电话",
          contactEmail: "邮箱",
          contactBirthday: "生日",
          tags: "标签",
          foundingDate: "成立日期",
          creditLimit: "信用额度",
        },
        currency: "CNY",
        attributeColumns: ["等级"],
      },
    );
    expect(report.rejectedByCode).toEqual({ "field.invalid": 1 });
    expect(report.issues[0]).toMatchObject({ path: ["contacts", 0, "birthday"] });
    expect(records).toEqual([]);
  });

  it("accepts the same row with a birthday without a year, and JSON rows in the record's shape", () => {
    const { records, report } = ingestCustomers(
      [
        {
          id: "1001.0",
          name: "华东机电",
          contactName: "李伟",
          contactBirthday: "--05-17",
          tags: "重点; 出口",
          foundingDate: "2003/6/18",
          creditLimit: "500,000.00",
          grade: "A",
        },
        {
          id: "1002",
          name: "Acme",
          contacts: [{ name: "Ann", email: "ann@acme.com", primary: true }],
          importantDates: [{ kind: "contract-renewal", date: "2025-01-01" }],
          creditLimitMinor: 100000,
          currency: "USD",
          attributes: { grade: "B", vip: true },
        },
      ],
      { currency: "CNY", attributeColumns: ["grade"] },
    );
    expect(report.rejected).toBe(0);
    expect(records).toEqual([
      {
        id: "1001",
        name: "华东机电",
        contacts: [{ name: "李伟", birthday: "--05-17", primary: true }],
        tags: ["重点", "出口"],
        importantDates: [{ kind: "founding", date: "2003-06-18" }],
        creditLimitMinor: 50000000,
        currency: "CNY",
        attributes: { grade: "A" },
      },
      {
        id: "1002",
        name: "Acme",
        contacts: [{ name: "Ann", email: "ann@acme.com", primary: true }],
        importantDates: [{ kind: "contract-renewal", date: "2025-01-01" }],
        creditLimitMinor: 100000,
        currency: "USD",
        attributes: { grade: "B", vip: true },
      },
    ]);
  });

  it("rejects with real sentences: missing fields, unknown keys, bad dates, duplicates", () => {
    const { report } = ingestCustomers([
      { id: "C1", name: "Acme" },
      { id: "", name: "NoId" },
      { id: "C2" },
      { id: "C3", name: "X", contacts: [{ name: "A", fax: "1" }] },
      { id: "C4", name: "Y", createdDate: "yesterday" },
      { id: "C1", name: "Acme again" },
      { id: "C5", name: "Z", creditLimit: "12.345", currency: "USD" },
      { id: "C6", name: "W", creditLimit: "100" },
      { id: "C7", name: "V", creditLimit: "1", creditLimitMinor: "100", currency: "USD" },
      { id: "C8", name: "U", currency: "usd" },
    ]);
    expect(report.input).toBe(10);
    expect(report.accepted + report.rejected).toBe(10);
    expect(report.issues.map((issue) => [issue.row, issue.code, issue.message])).toEqual([
      [2, "id.missing", "The customer id is empty."],
      [3, "field.missing", "The field name is required but empty."],
      [4, "field.unknown", "The field contacts.0.fax is not known."],
      [5, "date.invalid", "The date yesterday cannot be read (expected YYYY-MM-DD)."],
      [6, "id.duplicate", "The id C1 was already used on row 1."],
      [7, "amount.precision", "The amount 12.345 has more decimals than USD allows (2)."],
      [8, "field.missing", "The field currency is required but empty."],
      [
        9,
        "field.invalid",
        "The field creditLimitMinor has the value 100, which is not valid: both creditLimit and creditLimitMinor are given.",
      ],
      [10, "currency.invalid", "The currency usd is not a three-letter ISO 4217 code."],
    ]);
  });

  it("lists unread columns, or rejects rows with them when asked", () => {
    expect(ingestCustomers([{ id: "C1", name: "A", Fax: "1" }]).report.ignoredColumns).toEqual(["Fax"]);
    const { report } = ingestCustomers(
      [
        { id: "C1", name: "A", Fax: "1" },
        { id: "C2", name: "B", Fax: "" },
      ],
      {
        extraColumns: "reject",
      },
    );
    expect(report.rejectedByCode).toEqual({ "field.unknown": 1 });
  });

  it("throws one KeyAccountError for bad options", () => {
    expect(() =>
      ingestCustomers([], {
        columns: { email: "x" },
        attributeColumns: "grade",
        knownCustomers: ["C1"],
      } as never),
    ).toThrow(KeyAccountError);
    try {
      ingestCustomers([], {
        columns: { email: "x" },
        attributeColumns: "grade",
        knownCustomers: ["C1"],
      } as never);
    } catch (error) {
      expect((error as KeyAccountError).issues.map((issue) => issue.path.join("."))).toEqual([
        "columns.email",
        "knownCustomers",
        "attributeColumns",
      ]);
    }
  });
});
