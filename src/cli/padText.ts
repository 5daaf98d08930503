import { displayWidth } from "./displayWidth.js";

/**
 * Pads text to a width in terminal columns, counting a Chinese character as two ({@link displayWidth}), so columns
 * of Chinese and English names line up. Text already as wide is returned as it is.
 *
 * @param text - The text.
 * @param width - The columns it should take.
 * @param side - Where the spaces go: `start` right-aligns, `end` left-aligns.
 * @returns The padded text.
 *
 * @example
 * ```ts
 * padText("重点客户", 10, "end"); // => "重点客户  "
 * padText("7", 3, "start"); // => "  7"
 * ```
 */
export function padText(text: string, width: number, side: "start" | "end"): string {
  const padding = " ".repeat(Math.max(0, width - displayWidth(text)));
  return side === "start" ? padding + text : text + padding;
}
