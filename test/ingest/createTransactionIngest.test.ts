import { describe, expect, it } from "vitest";
import {
  createTransactionIngest,
  formatMessage,
  type IngestReport,
  type Issue,
  ingestTransactions,
  KeyAccountError,
  type Transaction,
  type TransactionIngestOptions,
} from "../../src/index.js";

type Row = Record<string, unknown>;

const originalRow = (issue: Issue) => (issue.params as { originalRow?: number } | undefined)?.originalRow;

const base = { customerId: "C1", date: "2024-03-05", amount: "10.00" };

function run(rows: Row[], options: TransactionIngestOptions = { currency: "USD" }) {
  const result = ingestTransactions(rows, options);
  expect(result.report.accepted + result.report.rejected).toBe(rows.length);
  return result;
}

// The one issue of a single rejected row.
function rejection(row: Row, options?: TransactionIngestOptions): Issue {
  const { report } = run([row], options);
  expect(report.rejected).toBe(1);
  const issue = report.issues[0] as Issue;
  expect(issue.row).toBe(1);
  expect(issue.message).toBe(formatMessage(issue.code, issue.params));
  expect(issue.message).not.toMatch(/\{\w+\}/);
  return issue;
}

describe("createTransactionIngest: accepted rows", () => {
  it("reads a sale in the record's own field names", () => {
    const { records, report } = run([{ ...base, quantity: "2", product: "P1", orderId: "O1", id: "T1" }]);
    expect(records).toEqual([
      {
        id: "T1",
        orderId: "O1",
        customerId: "C1",
        date: "2024-03-05",
        amountMinor: 1000,
        currency: "USD",
        quantity: 2,
        product: "P1",
        kind: "sale",
      },
    ]);
    expect(report).toEqual({
      kind: "transactions",
      input: 1,
      accepted: 1,
      rejected: 0,
      rejectedByCode: {},
      noticesByCode: {},
      issues: [],
      notices: [],
      truncated: false,
      ignoredColumns: [],
    });
  });

  it("maps source columns, trims text and normalises 12345.0 ids", () => {
    const { records } = run(
      [
        {
          Kunde: " 12345.0 ",
          Datum: "05/03/2024",
          Betrag: "1.234,00".replace(/\./, "").replace(",", "."),
          Note: "x",
        },
      ],
      {
        columns: { customerId: "Kunde", date: "Datum", amount: "Betrag" },
        dateFormat: "DD/MM/YYYY",
        currency: "EUR",
      },
    );
    expect(records[0]).toMatchObject({ customerId: "12345", date: "2024-03-05", amountMinor: 123400 });
    const { report } = run([{ Kunde: "1", Datum: "05/03/2024", Betrag: "1", Note: "x" }], {
      columns: { customerId: "Kunde", date: "Datum", amount: "Betrag" },
      dateFormat: "DD/MM/YYYY",
      currency: "EUR",
    });
    expect(report.ignoredColumns).toEqual(["Note"]);
  });

  it("computes amount = quantity × unit price exactly, also for fractional quantities and fine prices", () => {
    const options: TransactionIngestOptions = { currency: "USD", columns: { unitPrice: "price" } };
    const line = { customerId: "C1", date: "2024-03-05" };
    const rows = [
      { ...line, quantity: "3", price: "0.10" },
      { ...line, quantity: "2.5", price: "1.99" },
      { ...line, quantity: "1000", price: "0.0015" },
      { ...line, quantity: 7, price: 0.3 },
      { ...line, quantity: "0.125", price: "8.00" },
    ];
    const { records, report } = run(rows, options);
    expect(report.rejectedByCode).toEqual({ "amount.precision": 1 });
    expect(report.issues[0]?.params).toMatchObject({ value: "2.5 × 1.99" });
    expect(records.map((r) => [r.amountMinor, r.quantity])).toEqual([
      [30, 3],
      [150, 1000],
      [210, 7],
      [100, 0.125],
    ]);
  });

  it("rounds half-to-even when asked, with a notice", () => {
    const options: TransactionIngestOptions = {
      currency: "USD",
      columns: { unitPrice: "price" },
      rounding: "half-even",
    };
    const { records, report } = run(
      [
        { customerId: "C1", date: "2024-03-05", quantity: "2.5", price: "1.99" },
        { customerId: "C1", date: "2024-03-05", quantity: "1", price: "0.125" },
      ],
      options,
    );
    expect(records.map((r) => r.amountMinor)).toEqual([498, 12]);
    expect(report.noticesByCode).toEqual({ "amount.rounded": 2 });
    expect(report.notices[0]?.message).toBe(
      "The amount 2.5 × 1.99 was rounded half-to-even to 4.98 (USD has 2 decimals).",
    );
  });

  it("reads JPY and KWD at their own number of decimals", () => {
    const { records } = run(
      [
        { ...base, amount: "1500", currency: "JPY" },
        { ...base, amount: "1.234", currency: "KWD" },
      ],
      { mixedCurrencies: true },
    );
    expect(records.map((r) => [r.amountMinor, r.currency])).toEqual([
      [1500, "JPY"],
      [1234, "KWD"],
    ]);
  });

  it("keeps cost and discount as line totals with the amount's sign", () => {
    const { records } = run([
      { ...base, cost: "6.00", discount: "1.50", orderId: "O1", product: "P" },
      { ...base, amount: "-10.00", cost: "6.00", kind: "return", reverses: "O1", product: "P" },
    ]);
    expect(records.map((r) => [r.amountMinor, r.costMinor, r.discountMinor])).toEqual([
      [1000, 600, 150],
      [-1000, -600, undefined],
    ]);
  });
});

describe("createTransactionIngest: every rejection reason", () => {
  const usd: TransactionIngestOptions = { currency: "USD" };
  const cases: [string, Row, TransactionIngestOptions, Partial<Issue>][] = [
    ["blank customer", { ...base, customerId: "  " }, usd, { code: "id.missing", path: ["customerId"] }],
    [
      "customer not text",
      { ...base, customerId: { id: 1 } },
      usd,
      { code: "field.invalid", path: ["customerId"] },
    ],
    [
      "unknown customer",
      { ...base, customerId: "C9" },
      { ...usd, knownCustomers: ["C1"] },
      { code: "reference.unknown-customer" },
    ],
    ["no date", { ...base, date: "" }, usd, { code: "date.missing", path: ["date"] }],
    [
      "bad date",
      { ...base, date: "2023-02-29" },
      usd,
      { code: "date.invalid", params: { value: "2023-02-29", expected: "YYYY-MM-DD", column: "date" } },
    ],
    [
      "after as-of",
      { ...base, date: "2024-03-06 00:10" },
      { ...usd, asOf: "2024-03-05" },
      { code: "date.after-as-of", params: { value: "2024-03-06", asOf: "2024-03-05", column: "date" } },
    ],
    ["no currency", base, {}, { code: "field.missing", path: ["currency"] }],
    [
      "bad currency",
      { ...base, currency: "usd" },
      {},
      { code: "currency.invalid", params: { value: "usd", column: "currency" } },
    ],
    [
      "mixed currency",
      { ...base, currency: "EUR" },
      usd,
      { code: "currency.mixed", params: { value: "EUR", expected: "USD", column: "currency" } },
    ],
    ["bad quantity", { ...base, quantity: "two" }, usd, { code: "quantity.invalid" }],
    [
      "no quantity with a unit price",
      { ...base, unitPrice: "1" },
      { ...usd, columns: { unitPrice: "unitPrice" } },
      { code: "field.missing", path: ["quantity"] },
    ],
    ["no amount", { ...base, amount: undefined }, usd, { code: "amount.missing", path: ["amount"] }],
    ["bad amount", { ...base, amount: "12,5" }, usd, { code: "amount.invalid" }],
    [
      "too many decimals",
      { ...base, amount: "12.345" },
      usd,
      { code: "amount.precision", params: { value: "12.345", currency: "USD", digits: 2, column: "amount" } },
    ],
    ["zero price", { ...base, amount: "0" }, usd, { code: "amount.nonpositive" }],
    ["negative sale", { ...base, amount: "-5" }, usd, { code: "amount.nonpositive" }],
    [
      "zero quantity",
      { ...base, quantity: "0", unitPrice: "2" },
      { ...usd, columns: { unitPrice: "unitPrice" } },
      { code: "amount.zero" },
    ],
    [
      "unmarked negative quantity",
      { ...base, quantity: "-2" },
      usd,
      { code: "quantity.negative", params: { value: "-2", column: "quantity" } },
    ],
    ["unknown kind", { ...base, kind: "refund" }, usd, { code: "field.invalid", path: ["kind"] }],
    [
      "sale that reverses",
      { ...base, kind: "sale", reverses: "O1" },
      usd,
      { code: "field.invalid", path: ["reverses"] },
    ],
    ["negative cost on a sale", { ...base, cost: "-1" }, usd, { code: "field.invalid", path: ["cost"] }],
    [
      "extra column",
      { ...base, note: "hi" },
      { ...usd, extraColumns: "reject" },
      { code: "field.unknown", path: ["note"] },
    ],
    [
      "unmatched cancellation",
      { ...base, orderId: "C9", quantity: "-1" },
      { ...usd, cancellationPrefix: "C" },
      { code: "cancellation.unmatched" },
    ],
    [
      "unmatched return",
      { ...base, reverses: "O404" },
      usd,
      { code: "return.unmatched", params: { value: "O404", customerId: "C1" } },
    ],
  ];
  for (const [name, row, options, expected] of cases) {
    it(`${expected.code}: ${name}`, () => {
      expect(rejection(row, options)).toMatchObject(expected);
    });
  }

  it("lists every problem of a row, the first one counting as its reason", () => {
    const { report } = run([{ customerId: "", date: "soon", amount: "x" }]);
    expect(report.issues.map((issue) => issue.code)).toEqual([
      "id.missing",
      "date.invalid",
      "amount.invalid",
    ]);
    expect(report.rejectedByCode).toEqual({ "id.missing": 1 });
  });

  it("rejects an exact repeat of a row, naming the first", () => {
    const { records, report } = run([base, { ...base, amount: "11.00" }, { ...base }]);
    expect(records.length).toBe(2);
    expect(report.issues).toEqual([
      {
        code: "row.duplicate",
        path: [],
        row: 3,
        params: { firstRow: 1 },
        message: "This row repeats row 1 exactly.",
      },
    ]);
    expect(run([base, base], { currency: "USD", duplicateRows: "notice" }).report).toMatchObject({
      accepted: 2,
      noticesByCode: { "row.duplicate": 1 },
    });
    expect(run([base, base], { currency: "USD", duplicateRows: "keep" }).report.accepted).toBe(2);
  });

  it("rejects a repeated transaction id", () => {
    const { report } = run([
      { ...base, id: "T1" },
      { ...base, id: "T1", amount: "5" },
    ]);
    expect(report.issues[0]).toMatchObject({
      code: "id.duplicate",
      row: 2,
      params: { value: "T1", firstRow: 1 },
    });
  });

  it("renders every issue in Chinese too", () => {
    const { report } = run([{ ...base, quantity: "-2" }]);
    const issue = report.issues[0] as Issue;
    expect(formatMessage(issue.code, issue.params, "zh-CN")).toBe(
      "数量 -2 为负数，但该行既未标记为取消或退货，也未注明冲销哪笔交易。",
    );
  });
});

describe("createTransactionIngest: cancellations and returns", () => {
  const uci: TransactionIngestOptions = {
    columns: { orderId: "InvoiceNo", product: "StockCode", quantity: "Quantity", unitPrice: "UnitPrice" },
    currency: "GBP",
    cancellationPrefix: "C",
  };
  const sale = {
    InvoiceNo: "536365",
    StockCode: "85123A",
    Quantity: "6",
    UnitPrice: "2.55",
    customerId: "17850.0",
  };
  const cancel = { ...sale, InvoiceNo: "C536379", Quantity: "-2" };

  it("matches a cancellation to the earlier sale of the customer and product", () => {
    const { records, report } = run(
      [
        { ...sale, date: "2010-12-01" },
        { ...cancel, date: "2010-12-02" },
      ],
      uci,
    );
    expect(records[1]).toEqual({
      customerId: "17850",
      date: "2010-12-02",
      amountMinor: -510,
      currency: "GBP",
      kind: "cancellation",
      orderId: "C536379",
      quantity: -2,
      product: "85123A",
      reverses: "536365",
    });
    expect(report.notices).toEqual([
      {
        code: "cancellation.matched",
        path: [],
        row: 2,
        params: { originalRow: 1, value: "536365" },
        message: "This cancellation or return reverses the sale on row 1.",
      },
    ]);
  });

  it("matches a cancellation that comes before its sale in the file, at finish", () => {
    const seen: [number, Transaction][] = [];
    const ingest = createTransactionIngest(uci, (record, row) => seen.push([row, record]));
    ingest.push({ ...cancel, date: "2010-12-02" });
    expect(seen).toEqual([]);
    ingest.push({ ...sale, date: "2010-12-01" });
    expect(seen.map(([row]) => row)).toEqual([2]); // the sale is final at once
    const report = ingest.finish();
    expect(seen.map(([row, record]) => [row, record.kind, record.reverses])).toEqual([
      [2, "sale", undefined],
      [1, "cancellation", "536365"],
    ]);
    expect(report.noticesByCode).toEqual({ "cancellation.matched": 1 });
    // ingestTransactions returns the records in row order.
    const { records } = run(
      [
        { ...cancel, date: "2010-12-02" },
        { ...sale, date: "2010-12-01" },
      ],
      uci,
    );
    expect(records.map((r) => r.kind)).toEqual(["cancellation", "sale"]);
  });

  it("does not reverse a sale dated after the cancellation, nor more than was sold", () => {
    const { report } = run(
      [
        { ...sale, date: "2010-12-05" },
        { ...cancel, date: "2010-12-02" },
        { ...sale, InvoiceNo: "536400", date: "2010-12-01", Quantity: "1" },
      ],
      uci,
    );
    expect(report.rejectedByCode).toEqual({ "cancellation.unmatched": 1 });
    expect(report.issues[0]?.message).toBe(
      "This cancellation or return finds no earlier sale of 85123A to customer 17850 large enough to reverse.",
    );
  });

  it("lets two cancellations share one sale while quantity is left", () => {
    const { report } = run(
      [
        { ...sale, date: "2010-12-01" },
        { ...cancel, date: "2010-12-02" },
        { ...cancel, InvoiceNo: "C536380", date: "2010-12-02", Quantity: "-4" },
        { ...cancel, InvoiceNo: "C536381", date: "2010-12-03", Quantity: "-1" },
      ],
      uci,
    );
    expect(report.noticesByCode).toEqual({ "cancellation.matched": 2 });
    expect(report.rejectedByCode).toEqual({ "cancellation.unmatched": 1 });
  });

  it("takes the latest sale on or before the cancellation", () => {
    const { records } = run(
      [
        { ...sale, InvoiceNo: "1", date: "2010-12-01" },
        { ...sale, InvoiceNo: "2", date: "2010-12-03" },
        { ...sale, InvoiceNo: "3", date: "2010-12-09" },
        { ...cancel, date: "2010-12-04" },
      ],
      uci,
    );
    expect(records[3]?.reverses).toBe("2");
  });

  it("matches a return by reference, before or after the sale, only for the same customer", () => {
    const rows = [
      { customerId: "C1", date: "2024-03-09", amount: "25.00", kind: "return", reverses: "INV-1" },
      { customerId: "C1", date: "2024-03-01", amount: "100.00", orderId: "INV-1" },
      { customerId: "C1", date: "2024-03-10", amount: "-5.00", reverses: "INV-1" },
      { customerId: "C2", date: "2024-03-10", amount: "5.00", reverses: "INV-1" },
    ];
    const { records, report } = run(rows);
    expect(records.map((r) => [r.kind, r.amountMinor, r.reverses])).toEqual([
      ["return", -2500, "INV-1"],
      ["sale", 10000, undefined],
      ["return", -500, "INV-1"],
    ]);
    expect(report.rejectedByCode).toEqual({ "return.unmatched": 1 });
    expect(report.notices.map((n) => [n.row, originalRow(n)])).toEqual([
      [1, 2],
      [3, 2],
    ]);
  });

  it("names the sale a cancellation takes by its line id, else its order id", () => {
    const rows = [
      {
        customerId: "C1",
        date: "2024-03-01",
        amount: "20.00",
        quantity: "2",
        product: "P",
        orderId: "O-1",
        id: "L-1",
      },
      { customerId: "C1", date: "2024-03-02", amount: "30.00", quantity: "3", product: "Q", orderId: "O-2" },
      {
        customerId: "C1",
        date: "2024-03-05",
        amount: "-10.00",
        quantity: "-1",
        product: "P",
        kind: "cancellation",
      },
      {
        customerId: "C1",
        date: "2024-03-05",
        amount: "-10.00",
        quantity: "-1",
        product: "Q",
        kind: "cancellation",
      },
    ];
    const { records, report } = run(rows);
    expect(records.map((r) => r.reverses)).toEqual([undefined, undefined, "L-1", "O-2"]);
    expect(report.notices.map((n) => [n.row, originalRow(n)])).toEqual([
      [3, 1],
      [4, 2],
    ]);
  });

  it("matches a reference two customers share to each one's own first sale, by order id or line id", () => {
    const rows = [
      { customerId: "C1", date: "2024-03-01", amount: "10.00", orderId: "INV-9", id: "L-1" },
      { customerId: "C2", date: "2024-03-02", amount: "20.00", orderId: "INV-9", id: "L-2" },
      { customerId: "C2", date: "2024-03-03", amount: "30.00", orderId: "INV-9", id: "L-3" },
      { customerId: "C2", date: "2024-03-09", amount: "-5.00", reverses: "INV-9", id: "R-1" },
      { customerId: "C1", date: "2024-03-09", amount: "-5.00", reverses: "INV-9", id: "R-2" },
      { customerId: "C2", date: "2024-03-10", amount: "-5.00", reverses: "L-3", id: "R-3" },
      { customerId: "C1", date: "2024-03-10", amount: "-5.00", reverses: "L-3", id: "R-4" },
    ];
    const { report } = run(rows);
    expect(report.notices.map((n) => [n.row, originalRow(n)])).toEqual([
      [4, 2],
      [5, 1],
      [6, 3],
    ]);
    expect(report.rejectedByCode).toEqual({ "return.unmatched": 1 });
  });
});

describe("createTransactionIngest: streaming and options", () => {
  it("hands each sale to onRecord as soon as it is pushed", () => {
    const seen: number[] = [];
    const ingest = createTransactionIngest({ currency: "USD" }, (_, row) => seen.push(row));
    ingest.push(base);
    expect(seen).toEqual([1]);
    ingest.push({ ...base, customerId: "" });
    ingest.push({ ...base, amount: "3" });
    expect(seen).toEqual([1, 3]);
    const report: IngestReport = ingest.finish();
    expect([report.input, report.accepted, report.rejected]).toEqual([3, 2, 1]);
    expect(() => ingest.push(base)).toThrow(Error);
    expect(() => ingest.finish()).toThrow(Error);
  });

  it("keeps at most maxIssues issue objects but exact counts", () => {
    const rows = Array.from({ length: 50 }, (_, i) => ({ ...base, customerId: "", amount: String(i + 1) }));
    const { report } = run(rows, { currency: "USD", maxIssues: 3 });
    expect(report.rejectedByCode).toEqual({ "id.missing": 50 });
    expect(report.issues.map((issue) => issue.row)).toEqual([1, 2, 3]);
    expect(report.truncated).toBe(true);
  });

  it("keeps the first issues in row order even when reversals are decided at the end", () => {
    const rows = [
      { ...base, orderId: "C1", quantity: "-1", product: "P" },
      ...Array.from({ length: 5 }, () => ({ ...base, customerId: "" })),
    ];
    const { report } = run(rows, { currency: "USD", cancellationPrefix: "C", maxIssues: 2 });
    expect(report.issues.map((issue) => [issue.row, issue.code])).toEqual([
      [1, "cancellation.unmatched"],
      [2, "id.missing"],
    ]);
  });

  it("reads cells named like Object.prototype members only as own properties", () => {
    const row = JSON.parse('{"constructor":"C1","toString":"2024-01-02","__proto__":"5"}') as Row;
    const { records } = run([row], {
      currency: "USD",
      columns: { customerId: "constructor", date: "toString", amount: "__proto__" },
    });
    expect(records[0]).toMatchObject({ customerId: "C1", date: "2024-01-02", amountMinor: 500 });
    const { report } = run([{}], { currency: "USD", columns: { customerId: "constructor" } });
    expect(report.issues.map((issue) => issue.code)).toEqual([
      "id.missing",
      "date.missing",
      "amount.missing",
    ]);
  });

  it("throws one KeyAccountError listing every problem with the options", () => {
    const options = {
      columns: { amount: "A", unitPrice: "P", nope: "x", date: "" },
      currency: "gbp",
      dateFormat: "YY/MM",
      rounding: "up",
      maxIssues: -1,
      asOf: "2024-13-01",
      cancellationPrefix: "",
      duplicateRows: "drop",
      mixedCurrencies: "yes",
      extraColumns: "warn",
      knownCustomers: "C1",
      bogus: true,
    } as unknown as TransactionIngestOptions;
    let error: unknown;
    try {
      createTransactionIngest(options);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeyAccountError);
    const issues = (error as KeyAccountError).issues;
    expect(issues.every((issue) => issue.code === "option.invalid")).toBe(true);
    expect(issues.map((issue) => issue.path.join(".")).sort()).toEqual(
      [
        "bogus",
        "columns.nope",
        "columns.date",
        "columns.unitPrice",
        "currency",
        "dateFormat",
        "rounding",
        "maxIssues",
        "asOf",
        "cancellationPrefix",
        "duplicateRows",
        "mixedCurrencies",
        "extraColumns",
        "knownCustomers",
      ].sort(),
    );
    expect((error as Error).message.split("\n")).toHaveLength(issues.length);
  });
});
