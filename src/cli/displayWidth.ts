// East Asian wide and full-width characters: two columns each on a terminal.
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/gu;

/**
 * How many terminal columns text takes: two for a Chinese (or other East Asian wide) character, one for the rest.
 *
 * @param text - The text.
 * @returns Its width in columns.
 *
 * @example
 * ```ts
 * displayWidth("重点客户 key"); // => 12
 * ```
 */
export function displayWidth(text: string): number {
  return text.length + (text.match(WIDE)?.length ?? 0);
}
