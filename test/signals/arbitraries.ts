// Arbitraries shared by the signals property tests.
import { fc } from "@fast-check/vitest";
import { formatDay } from "../../src/model/formatDay.js";
import { INTERACTION_KINDS, type InteractionKind } from "../../src/model/interaction.js";

/** Any interaction kind. */
export const interactionKindArb: fc.Arbitrary<InteractionKind> = fc.constantFrom(...INTERACTION_KINDS);

/**
 * ISO timestamps `minOffset`..`maxOffset` days from the day number `asOfDay`, with `Z`, an offset or none (read as
 * UTC), in the zones given; sometimes not a timestamp at all.
 */
export function timestampArb(
  asOfDay: number,
  minOffset: number,
  maxOffset: number,
  zones: readonly string[],
): fc.Arbitrary<string> {
  return fc.oneof(
    fc
      .tuple(
        fc.integer({ min: minOffset, max: maxOffset }),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 59 }),
        fc.constantFrom(...zones),
      )
      .map(
        ([offset, h, m, zone]) =>
          `${formatDay(asOfDay + offset)}T${String(h).padStart(2, "0")}:${String(m).padStart(2, "0")}:00${zone}`,
      ),
    fc.constant("not a time"),
  );
}
