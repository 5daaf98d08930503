/**
 * Records grouped by their customer, in the order they come: how signal accounts get their interactions, invoices
 * and qualifications.
 *
 * @param records - Records with a `customerId`; `undefined` gives an empty map.
 * @returns Customer id → that customer's records.
 *
 * @example
 * ```ts
 * groupByCustomer([{ customerId: "C1" }, { customerId: "C2" }, { customerId: "C1" }]).get("C1")?.length; // => 2
 * ```
 */
export function groupByCustomer<T extends { customerId: string }>(
  records: readonly T[] | undefined,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const record of records ?? []) {
    const list = groups.get(record.customerId);
    if (list === undefined) groups.set(record.customerId, [record]);
    else list.push(record);
  }
  return groups;
}
