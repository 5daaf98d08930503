// The reversal ledger behind the cancellation and return matching: for any sequence of sales, reversals and
// references it answers as a plain list of the sales does — the latest sale of the customer and product dated on or
// before the reversal with enough left (first row among equals), and the first sale a reference names — both while
// a customer's product is found by walking its sales and once the customer has enough sales to keep a Map of them.
import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { LineIdIndex } from "../../src/ingest/LineIdIndex.js";
import { ReversalLedger } from "../../src/ingest/reversalLedger.js";

interface Sale {
  customer: string;
  product: string;
  currency: string;
  byAmount: boolean;
  day: number;
  left: number;
  row: number;
  lineId: string | undefined;
  orderId: string | undefined;
}

const customer = fc.constantFrom("C1", "客户-2");
const product = fc.constantFrom("", "P1", "P2", "P3");
const currency = fc.constantFrom("USD", "EUR");
const reference = fc.constantFrom("L1", "L2", "L3", "O1", "O2", "X");
// What a sale and a reversal both give: whose, of what, in which currency, by quantity or amount, when, how much.
const sized = {
  customer,
  product,
  currency,
  byAmount: fc.boolean(),
  day: fc.integer({ min: 0, max: 40 }),
  size: fc.integer({ min: 1, max: 9 }),
};
const operation = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant("sale" as const),
      ...sized,
      lineId: fc.option(fc.constantFrom("L1", "L2", "L3", "L4"), { nil: undefined }),
      orderId: fc.option(fc.constantFrom("O1", "O2", "O3"), { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ kind: fc.constant("take" as const), ...sized }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant("reference" as const), customer, reference }) },
);

describe("ReversalLedger", () => {
  test.prop([fc.array(operation, { minLength: 250, maxLength: 400 })])(
    "takes and finds the sales a list of them gives",
    (operations) => {
      const lineIds = new LineIdIndex();
      const ledger = new ReversalLedger(lineIds);
      const sales: Sale[] = [];
      operations.forEach((op, k) => {
        const row = k + 1;
        if (op.kind === "sale") {
          // A line id already read is not a new sale's own (the ingest rejects the row): the sale has none then.
          const lineId =
            op.lineId !== undefined && lineIds.firstRow(op.lineId, row) === 0 ? op.lineId : undefined;
          const idEntry = lineId === undefined ? -1 : lineIds.size - 1;
          ledger.addSale(
            op.customer,
            op.product,
            op.currency,
            op.byAmount,
            op.day,
            op.size,
            row,
            idEntry,
            op.orderId,
          );
          sales.push({ ...op, left: op.size, row, lineId });
        } else if (op.kind === "take") {
          const candidates = sales.filter(
            (sale) =>
              sale.customer === op.customer &&
              sale.product === op.product &&
              sale.currency === op.currency &&
              sale.byAmount === op.byAmount &&
              sale.day <= op.day &&
              sale.left >= op.size,
          );
          const best = candidates.reduce<Sale | undefined>(
            (found, sale) => (found === undefined || sale.day > found.day ? sale : found),
            undefined,
          );
          const taken = ledger.take(op.customer, op.product, op.currency, op.byAmount, op.day, op.size);
          if (best === undefined) expect(taken).toBeUndefined();
          else {
            best.left -= op.size;
            expect(taken).toEqual({ row: best.row, reference: best.lineId ?? best.orderId });
          }
        } else {
          const named = sales.find(
            (sale) =>
              sale.customer === op.customer &&
              (sale.lineId === op.reference || sale.orderId === op.reference),
          );
          expect(ledger.referencedRow(op.customer, op.reference)).toBe(named?.row);
        }
      });
    },
  );
});
