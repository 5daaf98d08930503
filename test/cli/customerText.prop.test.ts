import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as z from "zod/mini";
import { customerText } from "../../src/cli/customerText.js";
import { type Customer, customerSchema } from "../../src/model/customer.js";

const day = fc
  .date({ min: new Date("1900-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true })
  .map((date) => date.toISOString().slice(0, 10));
const text = fc.string({ unit: "grapheme", minLength: 1 }).filter((value) => /\S/.test(value));

// Customer records as the schema gives them back: the fields present in the schema's order.
const customers: fc.Arbitrary<Customer> = fc
  .record(
    {
      id: text,
      name: text,
      company: fc.string(),
      industry: fc.string(),
      region: fc.string(),
      contacts: fc.array(
        fc.record(
          {
            name: text,
            role: fc.string(),
            phone: fc.string(),
            email: fc.string(),
            birthday: fc.oneof(
              day,
              day.map((value) => `--${value.slice(5)}`),
            ),
            primary: fc.boolean(),
          },
          { requiredKeys: ["name"] },
        ),
      ),
      tags: fc.array(fc.string()),
      owner: fc.string(),
      createdDate: day,
      reviewedDate: day,
      importantDates: fc.array(
        fc.record(
          {
            kind: fc.constantFrom(
              "founding",
              "cooperation-start",
              "contract-renewal",
              "contract-end",
              "other",
            ),
            date: day,
            label: fc.string(),
          },
          { requiredKeys: ["kind", "date"] },
        ),
      ),
      creditLimitMinor: fc.nat(),
      currency: fc.constantFrom("USD", "CNY", "EUR"),
      attributes: fc.dictionary(
        fc.string(),
        fc.oneof(
          fc.string(),
          fc.integer(),
          fc.double({ noNaN: true, noDefaultInfinity: true }).filter((value) => !Object.is(value, -0)),
          fc.boolean(),
          fc.constant(null),
        ),
      ),
    },
    { requiredKeys: ["id", "name"] },
  )
  .map((draft) => z.parse(customerSchema(), draft));

describe("customerText", () => {
  it("reads back every customer record as it was, field order included", () => {
    fc.assert(
      fc.property(customers, (customer) => {
        const read = customerText.read(customerText.write(customer));
        expect(read).toStrictEqual(customer);
        expect(JSON.stringify(read)).toBe(JSON.stringify(customer));
      }),
      { numRuns: 500 },
    );
  });

  it("reads a custom attribute of −0 back as 0, as JSON does", () => {
    const read = customerText.read(customerText.write({ id: "C1", name: "Acme", attributes: { delta: -0 } }));
    expect(Object.is(read.attributes?.delta, 0)).toBe(true);
  });

  it("is shorter than the record's JSON", () => {
    const customer: Customer = {
      id: "C000001",
      name: "Summit Precision",
      contacts: [
        { name: "Olivia Collins", email: "olivia@summit.example", birthday: "1971-01-18", primary: true },
      ],
      createdDate: "2025-05-08",
      importantDates: [
        { kind: "founding", date: "2001-12-15" },
        { kind: "other", date: "2027-10-07", label: "plant opening" },
      ],
      creditLimitMinor: 640000,
      currency: "USD",
    };
    const written = customerText.write(customer);
    expect(written).toBe(
      '["C000001","Summit Precision",null,null,null,[["Olivia Collins",null,null,"olivia@summit.example","1971-01-18",true]],null,null,"2025-05-08",null,[[0,"2001-12-15"],[4,"2027-10-07","plant opening"]],640000,"USD"]',
    );
    expect(written.length).toBeLessThan(JSON.stringify(customer).length * 0.75);
    expect(customerText.read(written)).toStrictEqual(customer);
  });
});
