import { fc, test } from "@fast-check/vitest";
import { describe, expect, it } from "vitest";
import { formatMoney, parseMoney } from "../../src/index.js";

describe("parseMoney", () => {
  it("reads decimal text exactly into minor units", () => {
    expect(parseMoney("19.99", "USD")).toEqual({ ok: true, minor: 1999, rounded: false });
    expect(parseMoney("-0.05", "CNY")).toEqual({ ok: true, minor: -5, rounded: false });
    expect(parseMoney("1,234.50", "GBP")).toEqual({ ok: true, minor: 123450, rounded: false });
    expect(parseMoney(".5", "EUR")).toEqual({ ok: true, minor: 50, rounded: false });
    expect(parseMoney("12.300", "USD")).toEqual({ ok: true, minor: 1230, rounded: false });
    expect(parseMoney("1500", "JPY")).toEqual({ ok: true, minor: 1500, rounded: false });
    expect(parseMoney("1.234", "KWD")).toEqual({ ok: true, minor: 1234, rounded: false });
    expect(parseMoney("1e3", "USD")).toEqual({ ok: true, minor: 100000, rounded: false });
    expect(parseMoney(0.1 + 0.2, "USD")).toEqual({ ok: false, code: "amount.precision" });
  });

  it("rounds surplus decimals half-even only when asked, and says so", () => {
    expect(parseMoney("12.345", "USD")).toEqual({ ok: false, code: "amount.precision" });
    expect(parseMoney("12.345", "USD", { rounding: "half-even" })).toEqual({
      ok: true,
      minor: 1234,
      rounded: true,
    });
    expect(parseMoney("12.355", "USD", { rounding: "half-even" })).toEqual({
      ok: true,
      minor: 1236,
      rounded: true,
    });
  });

  it("rejects text that is not a number and amounts beyond exact integers", () => {
    for (const bad of ["", "abc", "12,5", "1.2.3", "--1", "NaN", "Infinity"]) {
      expect(parseMoney(bad, "USD")).toEqual({ ok: false, code: "amount.invalid" });
    }
    expect(parseMoney("100000000000000000", "USD").ok).toBe(false);
  });

  test.prop([fc.integer({ min: -1e15, max: 1e15 }), fc.constantFrom("USD", "JPY", "KWD")])(
    "formatMoney and parseMoney are inverse on every integer amount",
    (minor, currency) => {
      expect(parseMoney(formatMoney(minor, currency), currency)).toEqual({ ok: true, minor, rounded: false });
    },
  );
});
