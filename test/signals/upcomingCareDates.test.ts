import { describe, expect, it } from "vitest";
import type { Contact, Customer, ImportantDate } from "../../src/model/customer.js";
import { KeyAccountError } from "../../src/model/KeyAccountError.js";
import {
  type CareDate,
  type CareDateOptions,
  upcomingCareDates,
} from "../../src/signals/upcomingCareDates.js";

const customer = (contacts: Contact[] = [], importantDates: ImportantDate[] = []): Customer => ({
  id: "C1",
  name: "Acme",
  contacts,
  importantDates,
});
const dates = (found: readonly CareDate[]): string[] => found.map((care) => `${care.date} ${care.kind}`);

describe("upcomingCareDates: leap days", () => {
  const leapling = customer([{ name: "Wang Li", birthday: "1996-02-29" }]);

  it("marks a 29 February birthday on 28 February of 2023 by default, on 1 March with mar-1", () => {
    expect(upcomingCareDates(leapling, { asOf: "2023-02-20" })).toEqual([
      { customerId: "C1", kind: "birthday", date: "2023-02-28", daysUntil: 8, subject: "Wang Li", years: 27 },
    ]);
    expect(upcomingCareDates(leapling, { asOf: "2023-02-20", leapDayBirthdays: "mar-1" })).toEqual([
      { customerId: "C1", kind: "birthday", date: "2023-03-01", daysUntil: 9, subject: "Wang Li", years: 27 },
    ]);
  });

  it("keeps 29 February in 2024 with either rule", () => {
    for (const rule of ["feb-28", "mar-1"] as const)
      expect(upcomingCareDates(leapling, { asOf: "2024-02-20", leapDayBirthdays: rule })).toEqual([
        {
          customerId: "C1",
          kind: "birthday",
          date: "2024-02-29",
          daysUntil: 9,
          subject: "Wang Li",
          years: 28,
        },
      ]);
  });

  it("reports the leap-day date only on the day the rule picks", () => {
    expect(upcomingCareDates(leapling, { asOf: "2023-02-28", lookAheadDays: 0 })).toHaveLength(1);
    expect(
      upcomingCareDates(leapling, { asOf: "2023-02-28", lookAheadDays: 0, leapDayBirthdays: "mar-1" }),
    ).toEqual([]);
    expect(
      upcomingCareDates(leapling, { asOf: "2023-03-01", lookAheadDays: 0, leapDayBirthdays: "mar-1" }),
    ).toHaveLength(1);
    // 28 February 2024 is not the birthday in a leap year.
    expect(upcomingCareDates(leapling, { asOf: "2024-02-28", lookAheadDays: 0 })).toEqual([]);
  });

  it("applies the rule to anniversaries, --02-29 birthdays and --02-29 holidays", () => {
    const account = customer(
      [{ name: "Li Na", birthday: "--02-29" }],
      [{ kind: "founding", date: "2000-02-29" }],
    );
    const options: CareDateOptions = { asOf: "2025-02-25", holidays: [{ date: "--02-29", name: "Leap" }] };
    expect(upcomingCareDates(account, options)).toEqual([
      { customerId: "C1", kind: "birthday", date: "2025-02-28", daysUntil: 3, subject: "Li Na" },
      { customerId: "C1", kind: "founding", date: "2025-02-28", daysUntil: 3, years: 25 },
      { customerId: "C1", kind: "holiday", date: "2025-02-28", daysUntil: 3, subject: "Leap" },
    ]);
    expect(dates(upcomingCareDates(account, { ...options, leapDayBirthdays: "mar-1" }))).toEqual([
      "2025-03-01 birthday",
      "2025-03-01 founding",
      "2025-03-01 holiday",
    ]);
  });
});

describe("upcomingCareDates: windows", () => {
  it("spans a year end", () => {
    const account = customer([
      { name: "Chen", birthday: "--01-05" },
      { name: "Zhou", birthday: "1970-12-25" },
      { name: "Sun", birthday: "1980-12-19" }, // the day before asOf
    ]);
    const holidays = [
      { date: "--01-01", name: "New Year" },
      { date: "2024-12-31", name: "Year-end party" },
      { date: "2025-01-29", name: "Spring Festival" }, // after the window
    ];
    expect(upcomingCareDates(account, { asOf: "2024-12-20", lookAheadDays: 30, holidays })).toEqual([
      { customerId: "C1", kind: "birthday", date: "2024-12-25", daysUntil: 5, subject: "Zhou", years: 54 },
      { customerId: "C1", kind: "holiday", date: "2024-12-31", daysUntil: 11, subject: "Year-end party" },
      { customerId: "C1", kind: "holiday", date: "2025-01-01", daysUntil: 12, subject: "New Year" },
      { customerId: "C1", kind: "birthday", date: "2025-01-05", daysUntil: 16, subject: "Chen" },
    ]);
  });

  it("includes both ends of the window and nothing beyond", () => {
    const account = customer([
      { name: "Before", birthday: "--03-09" },
      { name: "First", birthday: "--03-10" },
      { name: "Last", birthday: "--03-24" },
      { name: "After", birthday: "--03-25" },
    ]);
    expect(
      upcomingCareDates(account, { asOf: "2024-03-10" }).map((care) => [care.subject, care.daysUntil]),
    ).toEqual([
      ["First", 0],
      ["Last", 14],
    ]);
  });

  it("handles month ends", () => {
    const account = customer(
      [{ name: "Zhang", birthday: "1990-01-31" }],
      [{ kind: "other", date: "2010-04-30", label: "plant opening" }],
    );
    expect(upcomingCareDates(account, { asOf: "2024-01-25" })).toEqual([
      { customerId: "C1", kind: "birthday", date: "2024-01-31", daysUntil: 6, subject: "Zhang", years: 34 },
    ]);
    expect(upcomingCareDates(account, { asOf: "2024-04-30", lookAheadDays: 0 })).toEqual([
      {
        customerId: "C1",
        kind: "other",
        date: "2024-04-30",
        daysUntil: 0,
        subject: "plant opening",
        years: 14,
      },
    ]);
    expect(upcomingCareDates(account, { asOf: "2024-04-01", lookAheadDays: 28 })).toEqual([]); // April has 30 days
  });

  it("gives each yearly date once per year in a window longer than a year, and one-off dates once", () => {
    const account = customer(
      [{ name: "Guo", birthday: "--06-15" }],
      [
        { kind: "founding", date: "2000-06-15" },
        { kind: "contract-renewal", date: "2025-06-15" },
      ],
    );
    const holidays = [{ date: "--10-01", name: "National Day" }];
    expect(dates(upcomingCareDates(account, { asOf: "2024-01-01", lookAheadDays: 730, holidays }))).toEqual([
      "2024-06-15 birthday",
      "2024-06-15 founding",
      "2024-10-01 holiday",
      "2025-06-15 birthday",
      "2025-06-15 founding",
      "2025-06-15 contract-renewal",
      "2025-10-01 holiday",
    ]);
    const founding = upcomingCareDates(account, {
      asOf: "2024-01-01",
      lookAheadDays: 730,
      kinds: ["founding"],
    });
    expect(founding.map((care) => care.years)).toEqual([24, 25]);
  });
});

describe("upcomingCareDates: anniversaries and one-off dates", () => {
  it("counts years since the date and skips its own first year", () => {
    const account = customer([], [{ kind: "cooperation-start", date: "2024-03-10" }]);
    expect(upcomingCareDates(account, { asOf: "2024-03-01" })).toEqual([]); // years 0
    expect(upcomingCareDates(account, { asOf: "2025-03-01" })).toEqual([
      { customerId: "C1", kind: "cooperation-start", date: "2025-03-10", daysUntil: 9, years: 1 },
    ]);
    expect(upcomingCareDates(account, { asOf: "2023-03-01" })).toEqual([]); // before the date
  });

  it("does not report a birthday in the year of birth; --MM-DD birthdays have no age", () => {
    const account = customer([
      { name: "Baby", birthday: "2024-05-01" },
      { name: "Ageless", birthday: "--05-01" },
      { name: "Unreadable", birthday: "1990-02-30" },
    ]);
    expect(upcomingCareDates(account, { asOf: "2024-04-25" })).toEqual([
      { customerId: "C1", kind: "birthday", date: "2024-05-01", daysUntil: 6, subject: "Ageless" },
    ]);
  });

  it("reports contract renewal and end only on their own day", () => {
    const account = customer(
      [],
      [
        { kind: "contract-renewal", date: "2023-03-15" }, // last year's: not recurring
        { kind: "contract-renewal", date: "2024-03-15", label: "framework agreement" },
        { kind: "contract-end", date: "2024-03-24" },
        { kind: "contract-end", date: "2024-03-25" }, // a day past the window
      ],
    );
    expect(upcomingCareDates(account, { asOf: "2024-03-10" })).toEqual([
      {
        customerId: "C1",
        kind: "contract-renewal",
        date: "2024-03-15",
        daysUntil: 5,
        subject: "framework agreement",
      },
      { customerId: "C1", kind: "contract-end", date: "2024-03-24", daysUntil: 14 },
    ]);
  });

  it("sorts a day's dates by kind, then subject, and keeps only the kinds asked for", () => {
    const account = customer(
      [
        { name: "Zhao", birthday: "--08-08" },
        { name: "Li", birthday: "1988-08-08" },
      ],
      [
        { kind: "other", date: "2010-08-08", label: "b" },
        { kind: "other", date: "2011-08-08" },
        { kind: "founding", date: "2008-08-08" },
      ],
    );
    const holidays = [{ date: "--08-08", name: "Fitness Day" }];
    const found = upcomingCareDates(account, { asOf: "2024-08-08", lookAheadDays: 0, holidays });
    expect(found.map((care) => `${care.kind} ${care.subject ?? "-"}`)).toEqual([
      "birthday Li",
      "birthday Zhao",
      "founding -",
      "other -",
      "other b",
      "holiday Fitness Day",
    ]);
    const some = upcomingCareDates(account, { asOf: "2024-08-08", holidays, kinds: ["holiday", "founding"] });
    expect(dates(some)).toEqual(["2024-08-08 founding", "2024-08-08 holiday"]);
    expect(upcomingCareDates(account, { asOf: "2024-08-08", holidays, kinds: [] })).toEqual([]);
  });

  it("gives nothing for a customer without contacts or dates", () => {
    expect(upcomingCareDates({ id: "C2", name: "Bare" }, { asOf: "2024-01-01", lookAheadDays: 365 })).toEqual(
      [],
    );
  });
});

describe("upcomingCareDates: options", () => {
  it("lists every bad option at once with its path", () => {
    const bad = {
      asOf: "2024-02-30",
      lookAheadDays: -1,
      holidays: [
        { date: "2024-10-01", name: "National Day" },
        { date: "2023-02-29", name: "Nope" },
        { date: "--13-01", name: " " },
      ],
      kinds: ["birthday", "anniversary"],
      leapDayBirthdays: "mar-01",
      lookahead: 7,
    } as unknown as CareDateOptions;
    let error: unknown;
    try {
      upcomingCareDates(customer(), bad);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(KeyAccountError);
    const issues = (error as KeyAccountError).issues;
    expect(issues.every((issue) => issue.code === "option.invalid")).toBe(true);
    expect(issues.map((issue) => issue.path)).toEqual([
      ["lookahead"],
      ["asOf"],
      ["lookAheadDays"],
      ["holidays", 1, "date"],
      ["holidays", 2, "date"],
      ["holidays", 2, "name"],
      ["kinds", 1],
      ["leapDayBirthdays"],
    ]);
    expect(issues[3]?.message).toBe(
      "The option holidays[1].date is not valid: 2023-02-29 is not a date written YYYY-MM-DD or --MM-DD.",
    );
  });

  it("requires asOf and a whole look-ahead", () => {
    expect(() => upcomingCareDates(customer(), {} as CareDateOptions)).toThrow(/asOf/);
    expect(() => upcomingCareDates(customer(), { asOf: "2024-01-01", lookAheadDays: 1.5 })).toThrow(
      KeyAccountError,
    );
    expect(() => upcomingCareDates(customer(), { asOf: "2024-01-01", lookAheadDays: 40_000 })).toThrow(
      KeyAccountError,
    );
    expect(() =>
      upcomingCareDates(customer(), { asOf: "2024-01-01", holidays: "--01-01" as unknown as [] }),
    ).toThrow(/holidays/);
    expect(upcomingCareDates(customer(), { asOf: "2024-01-01", lookAheadDays: 0 })).toEqual([]);
  });
});

describe("upcomingCareDates: the documented example", () => {
  it("gives what the TSDoc says", () => {
    const account: Customer = {
      id: "C1",
      name: "Acme",
      contacts: [{ name: "Wang Li", birthday: "1984-12-24" }],
      importantDates: [{ kind: "cooperation-start", date: "2019-01-02" }],
    };
    expect(
      upcomingCareDates(account, { asOf: "2024-12-20", holidays: [{ date: "--01-01", name: "New Year" }] }),
    ).toEqual([
      { customerId: "C1", kind: "birthday", date: "2024-12-24", daysUntil: 4, subject: "Wang Li", years: 40 },
      { customerId: "C1", kind: "holiday", date: "2025-01-01", daysUntil: 12, subject: "New Year" },
      { customerId: "C1", kind: "cooperation-start", date: "2025-01-02", daysUntil: 13, years: 6 },
    ]);
  });
});
