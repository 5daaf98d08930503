import { fc, test } from "@fast-check/vitest";
import { describe, expect } from "vitest";
import { abcClasses, customerProfit, multiplyExact, type ProfitInput, whaleCurve } from "../../src/index.js";
import { argsortDescending } from "../../src/profit/argsortDescending.js";

function reference(amount: bigint, numerator: bigint, denominator: bigint): bigint {
  const product = amount * numerator;
  let q = product / denominator;
  let r = product % denominator;
  if (r < 0n) {
    q--;
    r += denominator;
  }
  if (2n * r > denominator || (2n * r === denominator && q % 2n !== 0n)) q++;
  return q;
}

const count = fc.integer({ min: 0, max: 1000 });
const inputArb = fc.record({
  id: fc.string({ maxLength: 4 }),
  salesMinor: fc.integer({ min: 0, max: 1e10 }),
  discountsMinor: fc.integer({ min: 0, max: 1e8 }),
  returnsMinor: fc.integer({ min: 0, max: 1e9 }),
  costOfGoodsMinor: fc.integer({ min: -1e8, max: 1e10 }),
  uncostedRevenueMinor: fc.integer({ min: -1e8, max: 1e10 }),
  orders: count,
  orderLines: count,
  deliveries: count,
  visits: count,
  calls: count,
  complaints: count,
  overdueAmountDays: fc.integer({ min: 0, max: 1e13 }),
}) as fc.Arbitrary<ProfitInput>;

describe("profit properties", () => {
  test.prop([
    fc.array(
      fc.oneof(
        fc.integer({ min: -50, max: 50 }),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.constant(-0),
      ),
      { maxLength: 300 },
    ),
  ])("the radix argsort is a stable descending sort", (values) => {
    const expected = values
      .map((value, index) => ({ value: value + 0, index }))
      .sort((a, b) => b.value - a.value || a.index - b.index)
      .map((entry) => entry.index);
    expect(Array.from(argsortDescending(Float64Array.from(values)))).toEqual(expected);
  });

  test.prop([
    fc.integer({ min: -1e15, max: 1e15 }),
    fc.bigInt({ min: 0n, max: 10n ** 7n }),
    fc.bigInt({ min: 1n, max: 10n ** 12n }),
  ])("multiplyExact equals exact BigInt half-even rounding", (amount, numerator, denominator) => {
    const exact = reference(BigInt(amount), numerator, denominator);
    fc.pre(exact <= BigInt(Number.MAX_SAFE_INTEGER) && exact >= -BigInt(Number.MAX_SAFE_INTEGER));
    expect(BigInt(multiplyExact(amount, { numerator, denominator }))).toBe(
      reference(BigInt(amount), numerator, denominator),
    );
  });

  test.prop([
    fc.array(inputArb, { maxLength: 20 }),
    fc.double({ min: 0, max: 1, noNaN: true }),
    fc.double({ min: 0, max: 2, noNaN: true }),
  ])("every P&L adds up exactly in whole minor units", (inputs, marginRate, rate) => {
    const pnls = customerProfit(inputs, {
      currency: "USD",
      marginRate,
      perOrderMinor: 300,
      perOrderLineMinor: 20,
      perCallMinor: 700,
      financing: { rate, per: "year" },
    });
    for (const pnl of pnls) {
      const lines = Object.values(pnl.costToServe);
      for (const value of [...lines, pnl.profitMinor, pnl.costOfGoodsMinor])
        expect(Number.isSafeInteger(value)).toBe(true);
      expect(pnl.costToServeMinor).toBe(lines.reduce((a, b) => a + b, 0));
      expect(pnl.netRevenueMinor).toBe(pnl.grossSalesMinor - pnl.discountsMinor - pnl.returnsMinor);
      expect(pnl.profitMinor).toBe(pnl.netRevenueMinor - pnl.costOfGoodsMinor - pnl.costToServeMinor);
    }
  });

  test.prop([
    fc.array(fc.record({ id: fc.string(), value: fc.integer({ min: -1e6, max: 1e9 }) }), { maxLength: 40 }),
  ])("ABC: classes never improve down the ranking, and the whale curve ends at the total", (values) => {
    const entries = abcClasses(values);
    const order = { A: 0, B: 1, C: 2 };
    for (let i = 1; i < entries.length; i++) {
      expect(order[(entries[i] as { abc: "A" | "B" | "C" }).abc]).toBeGreaterThanOrEqual(
        order[(entries[i - 1] as { abc: "A" | "B" | "C" }).abc],
      );
    }
    const curve = whaleCurve(values.map((v) => v.value));
    expect(curve.points.at(-1)?.cumulativeProfitMinor ?? 0).toBe(values.reduce((a, v) => a + v.value, 0));
    expect(curve.peak.cumulativeProfitMinor).toBeGreaterThanOrEqual(Math.max(0, curve.totalProfitMinor));
  });
});
