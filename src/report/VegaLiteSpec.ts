import type { Locale } from "../model/locale.js";

/**
 * A JSON value inside a chart specification: what `JSON.stringify` writes and `JSON.parse` reads back unchanged.
 *
 * @example
 * ```ts
 * const value: VegaLiteValue = { field: "tier", type: "nominal", sort: ["key", "standard"] };
 * ```
 */
export type VegaLiteValue =
  | string
  | number
  | boolean
  | null
  | VegaLiteValue[]
  | { [key: string]: VegaLiteValue };

/**
 * A Vega-Lite v6 specification as plain JSON data, with its data inlined in `data.values`: render it with
 * vega-embed in a browser, or with vega-lite's `compile` and a vega `View` on a server. The core does not depend on
 * vega-lite's own types, so this type only promises JSON.
 *
 * @example
 * ```ts
 * const spec: VegaLiteSpec = {
 *   $schema: "https://vega.github.io/schema/vega-lite/v6.json",
 *   data: { values: [{ tier: "key", accounts: 3 }] },
 *   mark: "bar",
 *   encoding: { x: { field: "tier", type: "nominal" }, y: { field: "accounts", type: "quantitative" } },
 * };
 * ```
 */
export type VegaLiteSpec = { [key: string]: VegaLiteValue };

/**
 * The options every chart builder takes.
 *
 * @example
 * ```ts
 * const options: ChartOptions = { locale: "zh-CN" };
 * ```
 */
export interface ChartOptions {
  /** The language of the titles and axis labels; default `en`. */
  locale?: Locale | undefined;
}

/**
 * The options of the chart builders that show money.
 *
 * @example
 * ```ts
 * const options: MoneyChartOptions = { currency: "CNY", locale: "zh-CN" };
 * ```
 */
export interface MoneyChartOptions extends ChartOptions {
  /** The ISO 4217 code of the amounts (minor units in the input, major units in the chart). */
  currency: string;
}
