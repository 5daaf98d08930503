import type { VegaLiteValue } from "./VegaLiteSpec.js";

/**
 * The two layers of a heatmap whose x and y the enclosing spec encodes: a rect per cell coloured by `colourField`
 * (light to dark blue), and the cell's `textField` written on it, in white on the darker half of the scale.
 *
 * @param colourField - The field that colours the cells.
 * @param colourTitle - The legend's title.
 * @param textField - The field written in each cell.
 * @param maxColour - The largest value of `colourField` (the text turns white above half of it).
 * @returns The layers.
 *
 * @example
 * ```ts
 * heatmapLayers("accounts", "Accounts", "accounts", 10).length; // => 2
 * ```
 */
export function heatmapLayers(
  colourField: string,
  colourTitle: string,
  textField: string,
  maxColour: number,
): VegaLiteValue[] {
  return [
    {
      mark: { type: "rect" },
      encoding: {
        color: { field: colourField, type: "quantitative", title: colourTitle, scale: { scheme: "blues" } },
      },
    },
    {
      mark: { type: "text", baseline: "middle" },
      encoding: {
        text: { field: textField, type: "quantitative", format: "," },
        color: {
          condition: { test: `datum[${JSON.stringify(colourField)}] > ${maxColour / 2}`, value: "white" },
          value: "black",
        },
      },
    },
  ];
}
