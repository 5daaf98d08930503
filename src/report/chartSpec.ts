import type { VegaLiteSpec } from "./VegaLiteSpec.js";

/** The JSON schema every spec of the report names (Vega-Lite 6). */
export const VEGA_LITE_SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json";

/**
 * A chart's spec: the Vega-Lite schema, a title at the start of the chart, then the chart's own parts.
 *
 * @param title - The chart's title, already in the chart's language.
 * @param body - Data, marks, encodings, layers or views.
 * @returns The spec.
 *
 * @example
 * ```ts
 * chartSpec("Accounts", { mark: "bar" });
 * // => { $schema: "https://vega.github.io/schema/vega-lite/v6.json", title: { text: "Accounts", anchor: "start" }, mark: "bar" }
 * ```
 */
export function chartSpec(title: string, body: VegaLiteSpec): VegaLiteSpec {
  return { $schema: VEGA_LITE_SCHEMA, title: { text: title, anchor: "start" }, ...body };
}
